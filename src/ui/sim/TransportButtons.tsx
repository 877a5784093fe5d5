import { useSimulationStore } from '../../store/simulationStore';
import { FAILURE_KINDS, SIM_KEYS } from './useSimShortcuts';

const tip = (what: string, key: string) => `${what} (${key})`;

/** Reset, step back, play/pause, step, and stepping to the next failure or dead-letter move. */
export function TransportButtons() {
  const mode = useSimulationStore((s) => s.snapshot?.mode ?? 'paused');
  const ready = useSimulationStore((s) => s.phase === 'ready');
  const atStart = useSimulationStore((s) => (s.snapshot?.eventsProcessed ?? 0) === 0);
  const done = useSimulationStore((s) => s.snapshot !== null && s.snapshot.nextEventMs === null);
  const sim = useSimulationStore.getState;
  const moving = mode === 'playing' || mode === 'running';
  return (
    <div className="sim-bar__group" role="group" aria-label="Run">
      <button type="button" onClick={() => sim().reset()} disabled={!ready || (atStart && !moving)} title={tip('Reset to time 0, same seed', SIM_KEYS.reset)} aria-keyshortcuts="r">
        <span aria-hidden="true">↺</span> Reset
      </button>
      <button type="button" onClick={() => sim().stepBack()} disabled={!ready || atStart} title={tip('Step back one engine event (replayed from the seed)', SIM_KEYS.stepBack)} aria-keyshortcuts=",">
        <span aria-hidden="true">◀|</span> Back
      </button>
      <button
        type="button"
        className="primary sim-bar__play"
        onClick={() => sim().togglePlay()}
        disabled={!ready || (done && !moving)}
        title={tip(moving ? 'Pause' : 'Play at the chosen speed', SIM_KEYS.playPause)}
        aria-keyshortcuts="k"
        data-testid="sim-play"
      >
        {moving ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => sim().step()} disabled={!ready || done} title={tip('Step: process the next engine event', SIM_KEYS.step)} aria-keyshortcuts=".">
        Step <span aria-hidden="true">|▶</span>
      </button>
      <button type="button" onClick={() => sim().stepUntil([...FAILURE_KINDS])} disabled={!ready || done} title={tip('Step to the next failure, throttle, drop or dead-letter move', SIM_KEYS.nextFailure)} aria-keyshortcuts="n">
        <span aria-hidden="true">✖</span> Next failure
      </button>
      <button type="button" onClick={() => sim().stepUntil(['movedToDlq'])} disabled={!ready || done} title={tip('Step to the next move to a dead-letter queue', SIM_KEYS.nextDlq)} aria-keyshortcuts="d">
        <span aria-hidden="true">☠</span> Next DLQ
      </button>
    </div>
  );
}
