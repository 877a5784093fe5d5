import { Fragment } from 'react';
import type { AttemptLife, AttemptOutcome } from '../../worker/protocolView';
import type { Names } from './narrate';
import { reasonWords } from './narrate';
import { PayloadView } from './PayloadView';
import { formatClock, formatDuration } from './time';

const OUTCOMES: Record<AttemptOutcome, { glyph: string; word: string; mark: string }> = {
  succeeded: { glyph: '✓', word: 'succeeded', mark: 'ok' },
  failed: { glyph: '✖', word: 'failed', mark: 'failure' },
  throttled: { glyph: '‖', word: 'throttled', mark: 'throttle' },
  visibilityExpired: { glyph: '⟲', word: 'visibility timeout ended', mark: 'retry' },
  duplicate: { glyph: '×2', word: 'duplicate copy', mark: 'duplicate' },
  filtered: { glyph: '⊘', word: 'filtered out', mark: 'normal' },
  inProgress: { glyph: '…', word: 'in progress', mark: 'normal' },
};

/**
 * When the next attempt can happen. A queue message becomes visible again a visibility timeout
 * after it was received ("visible at 1:05.2 (30 s after the receive)"); other retries
 * count from the failure ("retry at 2:01.3, +60 s").
 */
function nextText(a: AttemptLife, queue: boolean): string {
  if (a.nextAtMs === undefined) return '';
  const at = formatClock(a.nextAtMs, 1);
  if (queue) return a.outcome === 'inProgress' ? `invisible until ${at}` : `visible at ${at} (${formatDuration(a.nextAtMs - a.startMs)} after the receive)`;
  return `retry at ${at} (+${formatDuration(a.nextAtMs - (a.endMs ?? a.startMs))})`;
}

/**
 * Every attempt at one hop: its number against the limit, when it started, where it ran, how it
 * ended and why, and when the next one could happen; for a function fed by a queue, what the
 * function received on that attempt.
 */
export function AttemptTable({ attempts, names, queue }: { attempts: readonly AttemptLife[]; names: Names; queue: boolean }) {
  return (
    <table className="sim-attempts" data-testid="attempts">
      <thead>
        <tr>
          <th scope="col">Attempt</th>
          <th scope="col">At</th>
          <th scope="col">Outcome</th>
          <th scope="col">Next</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((a, i) => {
          const o = OUTCOMES[a.outcome];
          return (
            <Fragment key={i}>
              <tr className={`sim-mark--${o.mark}`} data-outcome={a.outcome}>
                <td data-testid="attempt-n">
                  {a.n}
                  {a.max !== undefined ? ` of ${a.max}` : ''}
                </td>
                <td>{formatClock(a.startMs)}</td>
                <td>
                  <span className="sim-attempts__outcome">
                    <span aria-hidden="true">{o.glyph}</span> {o.word}
                  </span>{' '}
                  in {names.name(a.nodeId)}
                  {a.reason && <div className="sim-attempts__reason">{reasonWords(a.reason)}</div>}
                </td>
                <td>{nextText(a, queue)}</td>
              </tr>
              {a.payload && (
                <tr className="sim-attempts__more">
                  <td colSpan={4}>
                    <details>
                      <summary>What {names.name(a.nodeId)} received on attempt {a.n}</summary>
                      <PayloadView payload={a.payload} />
                    </details>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
