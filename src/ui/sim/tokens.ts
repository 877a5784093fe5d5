/**
 * Which facts move a message along a connection on the canvas, from where to where, and how
 * the token looks. One batch of facts becomes a bounded list of movements: notable ones
 * (dead-letter moves, duplicates, out-of-order arrivals, retries) first, routine ones merged
 * per connection with a count, so a busy run never floods the canvas.
 */
import type { TraceFact } from '../../engine/index';
import type { MarkKind } from './marks';
import type { Names } from './narrate';

/** One token to animate. */
export interface Movement {
  from: string;
  to: string;
  kind: MarkKind;
  /** Messages it stands for. */
  count: number;
  /** The fact it shows (the first, when merged). */
  fact: TraceFact;
}

/** Where a fact moves a message, if it does. */
export function movementOf(f: TraceFact, n: Names, busOf: (rule: string) => string | undefined, dlqs: ReadonlySet<string>, outOfOrder: ReadonlySet<number>): Omit<Movement, 'count'> | null {
  const edge = n.edge(f.edgeId);
  switch (f.kind) {
    case 'accepted':
    case 'enqueued':
      // A replayed event arrives at its bus from the archive (the archiveOf edge points the other way).
      if (edge?.kind === 'archiveOf' && edge.source === f.nodeId) return { from: edge.target, to: f.nodeId, kind: 'normal', fact: f };
      // Arrivals by a connection: publish, rule target, subscription, redrive, destination.
      if (!edge || edge.source === f.nodeId) return null;
      return { from: edge.source, to: f.nodeId, kind: dlqs.has(f.nodeId) && edge.kind !== 'publish' ? 'dlq' : 'normal', fact: f };
    case 'matched': {
      const bus = busOf(f.nodeId);
      return bus ? { from: bus, to: f.nodeId, kind: 'normal', fact: f } : null;
    }
    case 'invoked':
      // A pipe invoking its Lambda target (the run's facts name the pipe's source edge).
      if (edge?.kind !== 'pipeSource' || f.nodeId === edge.target) return null;
      return { from: edge.target, to: f.nodeId, kind: 'normal', fact: f };
    case 'received':
    case 'duplicateDelivered':
      if (!edge || (edge.kind !== 'eventSourceMapping' && edge.kind !== 'pipeSource')) return null;
      return {
        from: f.nodeId,
        to: edge.target,
        kind: f.kind === 'duplicateDelivered' ? 'duplicate' : outOfOrder.has(f.seq) ? 'outOfOrder' : (f.attempt ?? 1) > 1 ? 'retry' : 'normal',
        fact: f,
      };
    default:
      return null;
  }
}

const RANK: Record<MarkKind, number> = { dlq: 0, duplicate: 1, outOfOrder: 2, retry: 3, throttle: 4, failure: 5, normal: 6 };

/** The movements of a batch, at most `max`: notable ones first, routine ones merged per connection. */
export function movementsOf(facts: readonly TraceFact[], max: number, classify: (f: TraceFact) => Omit<Movement, 'count'> | null): Movement[] {
  const merged = new Map<string, Movement>();
  const notable: Movement[] = [];
  for (const f of facts) {
    const m = classify(f);
    if (m === null) continue;
    if (m.kind !== 'normal') {
      notable.push({ ...m, count: 1 });
      continue;
    }
    const key = `${m.from}>${m.to}`;
    const prev = merged.get(key);
    if (prev) prev.count++;
    else merged.set(key, { ...m, count: 1 });
  }
  notable.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
  return [...notable, ...merged.values()].slice(0, max);
}
