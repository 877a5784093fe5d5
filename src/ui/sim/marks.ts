/**
 * The visual vocabulary of a run, shared by moving tokens, node markers, the log, the
 * timeline and the legend: each kind of notable event has its own colour (in sim.css) AND its
 * own glyph and word, so it never depends on colour alone, and an explanation for hovering.
 */
import type { TraceFact } from '../../engine/index';

/** Kinds of notable events. */
export type MarkKind = 'normal' | 'retry' | 'duplicate' | 'outOfOrder' | 'throttle' | 'dlq' | 'failure';

/** How one kind looks and what it means. */
export interface Mark {
  glyph: string;
  label: string;
  explain: string;
}

export const MARKS: Record<MarkKind, Mark> = {
  normal: { glyph: '●', label: 'message', explain: 'A message moving on to the next resource.' },
  retry: { glyph: '↻', label: 'retry', explain: 'A message handed out or tried again after a failure or an expired visibility timeout (attempt 2 or later).' },
  duplicate: { glyph: '×2', label: 'duplicate', explain: 'An extra copy of a message: SQS standard queues deliver at least once, so a consumer can get (and process) a message twice.' },
  outOfOrder: { glyph: '⇅', label: 'out of order', explain: 'A message reached its consumer after one that was published later.' },
  throttle: { glyph: '‖', label: 'throttled', explain: 'Lambda refused to run (429, concurrency limit); the message waits and is tried again later.' },
  dlq: { glyph: '☠', label: 'to DLQ', explain: 'Given up on: the message moved to a dead-letter queue or an on-failure destination.' },
  failure: { glyph: '✖', label: 'failed', explain: 'An attempt failed, or the message was dropped or expired.' },
};

/** Marks worth a marker on the canvas and a glyph in the log. */
export const NOTABLE: readonly MarkKind[] = ['retry', 'duplicate', 'outOfOrder', 'throttle', 'dlq', 'failure'];

/** The mark of a fact, or null for routine facts. `outOfOrder` holds out-of-order arrival seqs. */
export function markOf(f: TraceFact, outOfOrder: ReadonlySet<number>): MarkKind | null {
  switch (f.kind) {
    case 'movedToDlq':
      return 'dlq';
    case 'duplicateDelivered':
    case 'duplicateProcessed':
      return 'duplicate';
    case 'throttled':
      return 'throttle';
    case 'failed':
    case 'deliveryFailed':
    case 'dropped':
    case 'expired':
      return 'failure';
    case 'retryScheduled':
      return 'retry';
    case 'received':
    case 'invoked':
      if (outOfOrder.has(f.seq)) return 'outOfOrder';
      return (f.attempt ?? 1) > 1 ? 'retry' : null;
    default:
      return null;
  }
}
