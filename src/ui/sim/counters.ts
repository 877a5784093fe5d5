/**
 * The live counters shown under each node during a run, per node kind: what is queued, in
 * flight, retried, throttled, failed, or waiting in a dead-letter queue. Each has a glyph and
 * a sentence that explains it on hover.
 */
import type { NodeStats } from '../../engine/index';
import type { NodeKind } from '../../model/types';

/** One counter. */
export interface Counter {
  key: string;
  glyph: string;
  value: number;
  /** Short word shown next to the number. */
  word: string;
  /** What it counts, for the tooltip. */
  explain: string;
  /** Style: a notable counter (retries, throttles, DLQ) gets its mark's colour. */
  tone: 'plain' | 'retry' | 'throttle' | 'dlq' | 'failure';
}

/** The counters of a node of `kind` (`isDlq`: it holds failed messages). */
export function countersOf(kind: NodeKind, isDlq: boolean, s: NodeStats, name: string): Counter[] {
  const u = s.units;
  const waiting = u.pending + u.delayed + u.queued + u.retryWait;
  switch (kind) {
    case 'sqsQueue':
      if (isDlq) {
        return [
          { key: 'dlq', glyph: '☠', value: waiting + u.inFlight, word: 'in DLQ', explain: `DLQ depth: messages waiting in dead-letter queue ${name}.`, tone: 'dlq' },
          ...(u.inFlight > 0 ? [{ key: 'inFlight', glyph: '◔', value: u.inFlight, word: 'in flight', explain: `Received by a consumer of ${name} and not yet deleted.`, tone: 'plain' as const }] : []),
        ];
      }
      return [
        { key: 'queued', glyph: '▤', value: waiting, word: 'queued', explain: `Messages in ${name} waiting to be received (visible or delayed): ApproximateNumberOfMessagesVisible.`, tone: 'plain' },
        { key: 'inFlight', glyph: '◔', value: u.inFlight, word: 'in flight', explain: `Received by a consumer and not yet deleted, invisible until the visibility timeout ends: ApproximateNumberOfMessagesNotVisible.`, tone: 'plain' },
        { key: 'retries', glyph: '↻', value: s.retries, word: 'retries', explain: `Receives of a message that ${name} had handed out before (ApproximateReceiveCount > 1).`, tone: 'retry' },
      ];
    case 'lambdaFunction': {
      const out: Counter[] = [
        { key: 'inFlight', glyph: '◔', value: Math.max(0, s.invocations - s.succeeded - s.failed), word: 'running', explain: `Invocations of ${name} running now (its concurrency in use).`, tone: 'plain' },
        { key: 'retries', glyph: '↻', value: s.retries, word: 'retries', explain: `Asynchronous invocations of ${name} that were attempts after the first (MaximumRetryAttempts).`, tone: 'retry' },
        { key: 'throttled', glyph: '‖', value: s.throttled, word: 'throttled', explain: `Invocations of ${name} refused with a 429 (throttled) before running.`, tone: 'throttle' },
        { key: 'failed', glyph: '✖', value: s.failed, word: 'failed', explain: `Runs of ${name} that ended in an error or a timeout.`, tone: 'failure' },
      ];
      if (waiting > 0) out.unshift({ key: 'queued', glyph: '▤', value: waiting, word: 'queued', explain: `Events in ${name}'s asynchronous invocation queue, waiting to run or to be retried.`, tone: 'plain' });
      return out;
    }
    case 'rule':
      return [
        { key: 'queued', glyph: '▤', value: waiting, word: 'waiting', explain: `Deliveries by rule ${name} waiting for their next attempt.`, tone: 'plain' },
        { key: 'retries', glyph: '↻', value: s.retries, word: 'retries', explain: `Delivery attempts after the first (the target's RetryPolicy).`, tone: 'retry' },
        { key: 'failed', glyph: '✖', value: s.failed, word: 'failed', explain: `Delivery attempts that failed.`, tone: 'failure' },
      ];
    case 'producer':
      return [{ key: 'sent', glyph: '↗', value: s.sent, word: 'sent', explain: `Events ${name} has published.`, tone: 'plain' }];
    case 'schedule':
      return [
        { key: 'sent', glyph: '⏲', value: s.sent, word: 'fired', explain: `Times schedule ${name} has fired (each one invocation of its target).`, tone: 'plain' },
        { key: 'retries', glyph: '↻', value: s.retries, word: 'retries', explain: `Invocation attempts after the first (the schedule's RetryPolicy).`, tone: 'retry' },
        { key: 'failed', glyph: '✖', value: s.failed, word: 'failed', explain: `Invocation attempts that failed.`, tone: 'failure' },
      ];
    case 'archive':
      return [
        { key: 'received', glyph: '▣', value: s.received, word: 'archived', explain: `Events of its bus that archive ${name} has kept.`, tone: 'plain' },
        { key: 'sent', glyph: '⟲', value: s.sent, word: 'replayed', explain: `Events archive ${name} has replayed to its bus.`, tone: 'plain' },
      ];
    case 'pipe':
      return [
        { key: 'received', glyph: '→', value: s.received, word: 'read', explain: `Records pipe ${name} has read from its source (rejected ones are deleted by its filter).`, tone: 'plain' },
        { key: 'sent', glyph: '↗', value: s.sent, word: 'sent', explain: `Records pipe ${name} has sent to its target (a Lambda target counts its runs instead).`, tone: 'plain' },
      ];
    default:
      return [{ key: 'received', glyph: '→', value: s.received, word: 'in', explain: `Messages that arrived at ${name}.`, tone: 'plain' }];
  }
}
