import { describe, expect, it } from 'vitest';
import type { ScheduleProps } from '../../model/types';
import { runChecked, ScenarioBuilder } from '../kernel/testkit';

const MIN = 60_000;
const H = 60 * MIN;

/** A schedule invoking a queue (nobody reads it, so what arrives stays to be looked at). */
function scheduleToQueue(props: Partial<ScheduleProps>, behavior?: { failureRate: number; errorCode: 'INTERNAL_ERROR' | 'NO_PERMISSIONS' }) {
  return new ScenarioBuilder()
    .node('schedule', 'nightly', { props: props as ScheduleProps })
    .node('sqsQueue', 'jobs')
    .node('sqsQueue', 'schedule-dlq')
    .edge('scheduleTarget', 'nightly', 'jobs', behavior ? { behavior } : {})
    .build();
}

describe('EventBridge Scheduler schedules', () => {
  it('a rate schedule starts at once and fires every interval, within the scheduled minute', () => {
    const sim = runChecked(scheduleToQueue({ ScheduleExpression: 'rate(10 minutes)' }), H - 1);
    const published = sim.traceSince(0).filter((f) => f.kind === 'published');
    // 0, 10, ... 50 minutes: six fires in the first hour.
    expect(published).toHaveLength(6);
    published.forEach((f, k) => {
      expect(f.timeMs).toBeGreaterThanOrEqual(k * 10 * MIN);
      expect(f.timeMs).toBeLessThan(k * 10 * MIN + MIN);
    });
    expect(sim.stats().nodes.nightly).toMatchObject({ sent: 6, invocations: 6, succeeded: 6 });
    expect(sim.stats().ledger).toMatchObject({ published: 6, copies: 12, delivered: 6, waiting: 6 });
  });

  it('the target receives the Input as-is, its placeholders filled in', () => {
    const input = '{"job": "report", "at": "<aws.scheduler.scheduled-time>", "try": "<aws.scheduler.attempt-number>", "by": "<aws.scheduler.schedule-arn>"}';
    const sim = runChecked(scheduleToQueue({ ScheduleExpression: 'cron(30 2 * * ? *)', Input: input }), 3 * H);
    const [msg] = sim.unitsAt('jobs');
    expect(msg.body).toEqual({ job: 'report', at: '2025-01-01T02:30:00Z', try: '1', by: 'arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly' });
  });

  it('a one-time at() schedule fires once, in its time zone', () => {
    const sim = runChecked(scheduleToQueue({ ScheduleExpression: 'at(2025-01-01T09:00:00)', ScheduleExpressionTimezone: 'Europe/Paris' }), 10 * 24 * H);
    const published = sim.traceSince(0).filter((f) => f.kind === 'published');
    expect(published).toHaveLength(1);
    expect(published[0].timeMs).toBeGreaterThanOrEqual(8 * H);
    expect(published[0].timeMs).toBeLessThan(8 * H + MIN);
    // The message itself expires from the unread queue after the 4-day retention.
    expect(sim.stats().ledger).toMatchObject({ published: 1, expired: 1 });
  });

  it('a FLEXIBLE window spreads invocations over the window', () => {
    const sim = runChecked(scheduleToQueue({ ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 30 } }), 24 * H - 1);
    const offsets = sim.traceSince(0).filter((f) => f.kind === 'published').map((f) => f.timeMs % H);
    expect(offsets).toHaveLength(24);
    expect(Math.max(...offsets)).toBeLessThan(30 * MIN);
    // Spread, not bunched in the first minute.
    expect(offsets.filter((o) => o >= MIN).length).toBeGreaterThan(12);
  });

  it('retries under the schedule RetryPolicy, then dead-letters with the invocation details', () => {
    const sim = runChecked(
      scheduleToQueue({ ScheduleExpression: 'at(2025-01-01T00:00:00)', Input: '{"try": "<aws.scheduler.attempt-number>"}', RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 86400 }, DeadLetterConfig: { Arn: 'schedule-dlq' } }, { failureRate: 1, errorCode: 'INTERNAL_ERROR' }),
      24 * H,
    );
    expect(sim.stats().nodes.nightly).toMatchObject({ invocations: 4, failed: 4, retries: 3 });
    const [dead] = sim.unitsAt('schedule-dlq');
    expect(dead.body).toEqual({ try: '4' });
    expect(dead.attributes).toEqual({
      SCHEDULE_ARN: 'arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly',
      TARGET_ARN: 'arn:aws:sqs:us-east-1:123456789012:jobs',
      ERROR_CODE: 'INTERNAL_ERROR',
      ERROR_MESSAGE: 'Internal error (simulated).',
      RETRY_ATTEMPTS: '3',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
    });
    expect(sim.stats().ledger).toMatchObject({ published: 1, inDlq: 1 });
  });

  it('an invalid expression is reported at load and never fires', () => {
    const sim = runChecked(scheduleToQueue({ ScheduleExpression: 'cron(0 10 * * * *)' }), H);
    expect(sim.warnings.join('\n')).toMatch(/^Schedule nightly: Parameter ScheduleExpression is not valid: exactly one of Day-of-month and Day-of-week must be \?/m);
    expect(sim.stats().ledger.published).toBe(0);
  });
});

describe('scheduled rules (legacy)', () => {
  const scenario = (expr: string, state: 'ENABLED' | 'DISABLED' = 'ENABLED') =>
    new ScenarioBuilder()
      .node('eventBus', 'default-bus')
      .node('rule', 'every-5', { props: { EventPattern: '', ScheduleExpression: expr, State: state } })
      .node('sqsQueue', 'ticks')
      .node('sqsQueue', 'audit')
      .edge('busRule', 'default-bus', 'every-5')
      .edge('ruleTarget', 'every-5', 'ticks')
      .edge('ruleTarget', 'every-5', 'audit')
      .build();

  it('emit a Scheduled Event to every target, one interval after creation', () => {
    const sim = runChecked(scenario('rate(5 minutes)'), 30 * MIN - 1);
    const published = sim.traceSince(0).filter((f) => f.kind === 'published');
    // 5, 10, 15, 20, 25 minutes.
    expect(published).toHaveLength(5);
    expect(published[0].timeMs).toBeGreaterThanOrEqual(5 * MIN);
    const [tick] = sim.unitsAt('ticks');
    expect(tick.body).toMatchObject({ version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events', time: '2025-01-01T00:05:00Z', resources: ['arn:aws:events:us-east-1:123456789012:rule/default-bus/every-5'], detail: {} });
    expect(sim.unitsAt('audit')).toHaveLength(5);
    expect(sim.stats().ledger).toMatchObject({ published: 5, copies: 25, waiting: 10 });
  });

  it('a disabled scheduled rule never fires', () => {
    expect(runChecked(scenario('rate(5 minutes)', 'DISABLED'), H).stats().ledger.published).toBe(0);
  });

  it('rules are strict about rate units', () => {
    const sim = runChecked(scenario('rate(1 minutes)'), H);
    expect(sim.warnings).toContain('Rule every-5: Parameter ScheduleExpression is not valid: write rate(1 minute): the unit is singular for 1 and plural otherwise. It never fires.');
  });
});
