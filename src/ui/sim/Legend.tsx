import { MARKS, type MarkKind } from './marks';
import { SIM_KEYS } from './useSimShortcuts';

const ORDER: MarkKind[] = ['normal', 'retry', 'duplicate', 'outOfOrder', 'throttle', 'dlq', 'failure'];

const KEYS: Array<[string, string]> = [
  [SIM_KEYS.playPause, 'Play or pause'],
  [SIM_KEYS.step, 'Step one engine event'],
  [SIM_KEYS.stepBack, 'Step back one engine event'],
  [SIM_KEYS.nextFailure, 'Step to the next failure'],
  [SIM_KEYS.nextDlq, 'Step to the next dead-letter move'],
  [`${SIM_KEYS.slower} ${SIM_KEYS.faster}`, 'Slower, faster'],
  [SIM_KEYS.runTo, 'Run to a time (type 90s, 2m, 1:30)'],
  [SIM_KEYS.seed, 'Change the seed'],
  [SIM_KEYS.reset, 'Reset to time 0'],
  [`${SIM_KEYS.scrubBack} ${SIM_KEYS.scrubForward}`, 'Scrub back or forward 5% of the run'],
];

/** What the tokens, markers and counters mean, and the keys of the run controls. */
export function Legend() {
  return (
    <div className="sim-legend">
      <section>
        <h3>On the canvas</h3>
        <ul>
          {ORDER.map((k) => (
            <li key={k}>
              <span className={`sim-token sim-token--${k} sim-token--static`} aria-hidden="true">
                {k === 'normal' ? '' : MARKS[k].glyph}
              </span>
              <strong>{MARKS[k].label}</strong> {MARKS[k].explain}
            </li>
          ))}
        </ul>
        <p>
          Under each resource: <b>▤</b> queued, <b>◔</b> in flight or running, <b>↻</b> retries, <b>‖</b> throttled, <b>✖</b> failed, <b>☠</b> messages in a dead-letter queue. A routine token with a number stands for that many messages on
          the same connection. Hover any of them for an explanation.
        </p>
      </section>
      <section>
        <h3>Keys</h3>
        <table className="sim-legend__keys">
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
