/**
 * SNS delivery retry policies (aws-semantics 3.3), as phases of retries with their delays.
 * SNS retries only server-side failures; client-side ones go straight to the subscription DLQ.
 *
 * [U] AWS's table gives "total attempts" for the AWS-managed policy (100,015 over ~23 days) as
 * the sum of its phases (3 immediate + 2 pre-backoff + 10 backoff + 100,000 post-backoff).
 * [D] The first attempt is the first of the 3 immediate ones, so there are 100,014 retries and
 * 100,015 attempts, as AWS states. HTTP/S policies count retries (numRetries): the default has
 * 3 retries 20 s apart, 4 attempts. [D] AWS publishes no formulas for the backoff curves; see
 * `curveDelay`. [D] No jitter: delays are the policy's nominal ones, so traces read "attempt 5
 * at +1 s" (AWS adds jitter).
 */

/** How delays grow across a backoff phase. */
export type BackoffFunction = 'linear' | 'arithmetic' | 'geometric' | 'exponential';

/** `count` retries whose delays go from `fromMs` to `toMs` along `curve`. */
export interface RetryPhase {
  count: number;
  fromMs: number;
  toMs: number;
  curve: BackoffFunction;
}

/** A delivery policy: the retries after the first attempt, phase by phase. */
export interface DeliveryPolicy {
  name: string;
  phases: readonly RetryPhase[];
}

const constant = (count: number, ms: number): RetryPhase => ({ count, fromMs: ms, toMs: ms, curve: 'linear' });

/** SQS, Lambda (and Firehose): 100,015 attempts over about 23 days. */
export const AWS_MANAGED_POLICY: DeliveryPolicy = {
  name: 'AWS-managed',
  phases: [constant(2, 0), constant(2, 1000), { count: 10, fromMs: 1000, toMs: 20_000, curve: 'exponential' }, constant(100_000, 20_000)],
};

/** SMTP, SMS, mobile push: 50 attempts over about 6 hours (same counting as above). */
export const CUSTOMER_MANAGED_POLICY: DeliveryPolicy = {
  name: 'customer-managed',
  phases: [constant(1, 10_000), { count: 10, fromMs: 10_000, toMs: 600_000, curve: 'exponential' }, constant(38, 600_000)],
};

/** An HTTP/S delivery policy as SNS takes it (seconds, as in the JSON policy). */
export interface HttpRetryOptions {
  numRetries: number;
  numNoDelayRetries: number;
  numMinDelayRetries: number;
  numMaxDelayRetries: number;
  minDelayTarget: number;
  maxDelayTarget: number;
  backoffFunction: BackoffFunction;
}

/** The HTTP/S default: 3 retries, 20 s apart. */
export const HTTP_DEFAULT_OPTIONS: HttpRetryOptions = { numRetries: 3, numNoDelayRetries: 0, numMinDelayRetries: 0, numMaxDelayRetries: 0, minDelayTarget: 20, maxDelayTarget: 20, backoffFunction: 'linear' };

/** SNS caps the total retry time of an HTTP/S policy at 3,600 s. */
export const HTTP_MAX_RETRY_TIME_MS = 3_600_000;

/**
 * An HTTP/S policy: immediate retries, then retries at the minimum delay, then the backoff
 * retries (numRetries minus the others) from the minimum to the maximum delay, then retries at
 * the maximum delay; retries past 3,600 s of total delay are cut. numRetries is at most 100.
 */
export function httpPolicy(o: HttpRetryOptions = HTTP_DEFAULT_OPTIONS): DeliveryPolicy {
  const total = Math.max(0, Math.min(100, Math.floor(o.numRetries)));
  const noDelay = Math.min(total, Math.max(0, o.numNoDelayRetries));
  const minDelay = Math.min(total - noDelay, Math.max(0, o.numMinDelayRetries));
  const maxDelay = Math.min(total - noDelay - minDelay, Math.max(0, o.numMaxDelayRetries));
  const backoff = total - noDelay - minDelay - maxDelay;
  const lo = Math.max(0, o.minDelayTarget) * 1000;
  const hi = Math.max(lo, o.maxDelayTarget * 1000);
  const phases = [constant(noDelay, 0), constant(minDelay, lo), { count: backoff, fromMs: lo, toMs: hi, curve: o.backoffFunction }, constant(maxDelay, hi)];
  // At most 100 retries: list each one's delay, and cut them once they add up past the cap.
  let spent = 0;
  const capped: RetryPhase[] = [];
  for (const ph of phases) {
    for (let i = 1; i <= ph.count; i++) {
      const d = curveDelay(ph, i);
      if (spent + d > HTTP_MAX_RETRY_TIME_MS) return { name: 'HTTP/S', phases: capped };
      spent += d;
      capped.push(constant(1, d));
    }
  }
  return { name: 'HTTP/S', phases: capped };
}

/**
 * Delay before retry `i` (1-based) of a phase. [D] linear: equal steps from `fromMs` to `toMs`;
 * arithmetic: steps that grow by equal amounts; geometric: a constant ratio; exponential:
 * increments that double.
 */
export function curveDelay(ph: RetryPhase, i: number): number {
  const a = ph.fromMs;
  const b = ph.toMs;
  if (ph.count <= 1 || a === b) return Math.round(i >= ph.count ? b : a);
  const t = (i - 1) / (ph.count - 1);
  const n = ph.count - 1;
  switch (ph.curve) {
    case 'linear':
      return Math.round(a + (b - a) * t);
    case 'arithmetic':
      return Math.round(a + ((b - a) * (i - 1) * i) / (n * (n + 1)));
    case 'geometric':
      return Math.round(a > 0 ? a * (b / a) ** t : b * t);
    case 'exponential':
      return Math.round(a + ((b - a) * (2 ** (i - 1) - 1)) / (2 ** n - 1));
  }
}

/** Attempts the policy allows, the first one included. */
export function totalAttempts(p: DeliveryPolicy): number {
  return 1 + p.phases.reduce((s, ph) => s + ph.count, 0);
}

/** Where retry `r` (1-based over the whole policy) falls: its phase and index in it; null past the end. */
function locate(p: DeliveryPolicy, r: number): { ph: RetryPhase; i: number } | null {
  let left = r;
  for (const ph of p.phases) {
    if (left <= ph.count) return { ph, i: left };
    left -= ph.count;
  }
  return null;
}

/** Delay before retry `r` (1-based), ms; -1 when the policy has no such retry. */
export function retryDelay(p: DeliveryPolicy, r: number): number {
  const at = locate(p, r);
  return at === null ? -1 : curveDelay(at.ph, at.i);
}

/**
 * How many retries from retry `r` on (itself included) follow at the same constant delay
 * within one phase; 1 when the delay changes after it (or there is no retry `r`). The delivery
 * model jumps over such a run in one step (exactly: each attempt fails independently).
 */
export function constantRun(p: DeliveryPolicy, r: number): number {
  const at = locate(p, r);
  if (at === null) return 1;
  return at.ph.fromMs === at.ph.toMs ? at.ph.count - at.i + 1 : 1;
}
