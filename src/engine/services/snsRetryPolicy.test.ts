import { describe, expect, it } from 'vitest';
import { AWS_MANAGED_POLICY, CUSTOMER_MANAGED_POLICY, HTTP_DEFAULT_OPTIONS, constantRun, httpPolicy, retryDelay, totalAttempts, type DeliveryPolicy } from './snsRetryPolicy';

const delays = (p: DeliveryPolicy) => Array.from({ length: totalAttempts(p) - 1 }, (_, i) => retryDelay(p, i + 1));

describe('SNS delivery policies', () => {
  it('AWS-managed: 100,015 attempts over about 23 days', () => {
    const p = AWS_MANAGED_POLICY;
    expect(totalAttempts(p)).toBe(100_015);
    expect(Array.from({ length: 15 }, (_, i) => retryDelay(p, i + 1))).toEqual([0, 0, 1000, 1000, 1000, 1037, 1112, 1260, 1558, 2153, 3342, 5722, 10_481, 20_000, 20_000]);
    const total = delays(p).reduce((a, b) => a + b, 0);
    expect(total).toBe(2_000_049_665);
    expect(total / 86_400_000).toBeCloseTo(23.15, 2);
    expect(retryDelay(p, 100_015)).toBe(-1);
    expect(constantRun(p, 15)).toBe(100_000);
    expect(constantRun(p, 100_014)).toBe(1);
    expect(constantRun(p, 8)).toBe(1);
  });

  it('customer-managed: 50 attempts over about 6 hours', () => {
    expect(totalAttempts(CUSTOMER_MANAGED_POLICY)).toBe(50);
    const hours = delays(CUSTOMER_MANAGED_POLICY).reduce((a, b) => a + b, 0) / 3_600_000;
    expect(hours).toBeGreaterThan(6);
    expect(hours).toBeLessThan(8);
  });

  it('HTTP/S default: 3 retries 20 s apart (4 attempts)', () => {
    const p = httpPolicy();
    expect(totalAttempts(p)).toBe(4);
    expect(delays(p)).toEqual([20_000, 20_000, 20_000]);
    expect(httpPolicy(HTTP_DEFAULT_OPTIONS)).toEqual(p);
  });

  it('HTTP/S custom policies: phases in order, backoff curves, and the 3,600 s cap', () => {
    // 1 immediate, 2 at the minimum, 4 backoff (10 s -> 50 s, linear), 1 at the maximum.
    const p = httpPolicy({ numRetries: 8, numNoDelayRetries: 1, numMinDelayRetries: 2, numMaxDelayRetries: 1, minDelayTarget: 10, maxDelayTarget: 50, backoffFunction: 'linear' });
    expect(delays(p)).toEqual([0, 10_000, 10_000, 10_000, 23_333, 36_667, 50_000, 50_000]);
    for (const curve of ['arithmetic', 'geometric', 'exponential'] as const) {
      const d = delays(httpPolicy({ ...HTTP_DEFAULT_OPTIONS, numRetries: 5, minDelayTarget: 1, maxDelayTarget: 16, backoffFunction: curve }));
      expect(d[0]).toBe(1000);
      expect(d[4]).toBe(16_000);
      for (let i = 1; i < d.length; i++) expect(d[i]).toBeGreaterThan(d[i - 1]);
    }
    expect(delays(httpPolicy({ ...HTTP_DEFAULT_OPTIONS, numRetries: 5, minDelayTarget: 1, maxDelayTarget: 16, backoffFunction: 'geometric' }))).toEqual([1000, 2000, 4000, 8000, 16_000]);
    // 100 retries of 3,600 s each would take 100 h: only the first fits the 1-hour cap.
    const capped = httpPolicy({ ...HTTP_DEFAULT_OPTIONS, numRetries: 100, minDelayTarget: 3600, maxDelayTarget: 3600 });
    expect(totalAttempts(capped)).toBe(2);
    expect(totalAttempts(httpPolicy({ ...HTTP_DEFAULT_OPTIONS, numRetries: 500, minDelayTarget: 1, maxDelayTarget: 1 }))).toBe(101);
  });
});
