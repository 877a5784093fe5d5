import type { TraceFact } from '../../engine/index';
import type { NodeKind } from '../../model/types';
import type { HopLife } from '../../worker/protocolView';
import { useEffect, useRef } from 'react';
import { EDGE_LABELS, KIND_STYLES } from '../canvas/kindStyles';
import { AttemptTable } from './AttemptTable';
import { narrate, type Names } from './narrate';
import { PayloadView } from './PayloadView';
import { formatClock } from './time';

const STATES: Record<string, string> = {
  pending: 'arriving',
  delayed: 'delayed',
  queued: 'waiting',
  inFlight: 'in flight',
  retryWait: 'waiting to retry',
  delivered: 'done',
  filteredOut: 'filtered out',
  inDlq: 'given up: to DLQ',
  expired: 'expired',
  dropped: 'dropped',
};

/** A unit state in words. */
export const stateWords = (s: string): string => STATES[s] ?? s;

/**
 * One copy of the message at one resource: where and when it arrived, what it looked like on
 * arrival, every attempt there, and every fact about it in words.
 */
export function HopCard({ hop, names, label, rootId, focus }: { hop: HopLife; names: Names; label: string; rootId: number; focus: boolean }) {
  const kind: NodeKind | undefined = names.kind(hop.nodeId);
  const via = names.edge(hop.edgeId);
  const asFact = (e: HopLife['events'][number]): TraceFact => ({ ...e, unitId: hop.unitId, rootId, label }) as TraceFact;
  // Open at first: the hop asked for, and hops where something went wrong.
  const troubled = hop.attempts.some((a) => a.outcome !== 'succeeded') || ['inDlq', 'dropped', 'expired'].includes(hop.state);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (focus) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focus]);
  return (
    <details ref={ref} className={`sim-hop sim-hop--${hop.state}${focus ? ' is-focus' : ''}`} open={focus || troubled || undefined} data-testid={`hop-${hop.nodeId}`}>
      <summary>
        <span className="sim-hop__badge" style={{ ['--kind-color' as string]: kind ? KIND_STYLES[kind].color : undefined }} aria-hidden="true">
          {kind ? KIND_STYLES[kind].badge : '?'}
        </span>
        <span className="sim-hop__name">{names.name(hop.nodeId)}</span>
        <span className={`sim-hop__state sim-state--${hop.state}`}>{stateWords(hop.state)}</span>
        <span className="sim-hop__when">
          {formatClock(hop.arrivedAtMs)}
          {via ? ` by ${EDGE_LABELS[via.kind].replace(/ \(.*\)$/, '')}` : ''}
        </span>
      </summary>
      {hop.attempts.length > 0 && <AttemptTable attempts={hop.attempts} names={names} queue={kind === 'sqsQueue'} />}
      <details className="sim-hop__more">
        <summary>Payload as {names.name(hop.nodeId)} received it</summary>
        <PayloadView payload={hop.payload} testId={`payload-${hop.nodeId}`} />
      </details>
      <details className="sim-hop__more">
        <summary>Everything that happened here ({hop.events.length})</summary>
        <ol className="sim-hop__events">
          {hop.events.map((e) => (
            <li key={e.seq}>
              <span className="sim-log__time">{formatClock(e.timeMs)}</span> {narrate(asFact(e), names)}
            </li>
          ))}
        </ol>
      </details>
    </details>
  );
}
