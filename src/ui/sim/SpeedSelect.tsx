import { SPEEDS, useSimulationStore } from '../../store/simulationStore';
import { SIM_KEYS } from './useSimShortcuts';

/** "10×", "1 min/s". */
export function speedLabel(x: number): string {
  if (x >= 60) return `${x / 60} min/s`;
  return x === 0.25 ? '¼×' : x === 0.5 ? '½×' : `${x}×`;
}

/** Play speed: simulated time per real second. */
export function SpeedSelect() {
  const speed = useSimulationStore((s) => s.speed);
  return (
    <label className="sim-bar__field" title={`Speed: simulated time per real second (${SIM_KEYS.slower} slower, ${SIM_KEYS.faster} faster)`}>
      Speed
      <select value={speed} onChange={(e) => useSimulationStore.getState().setSpeed(Number(e.target.value))} aria-keyshortcuts="[ ]" data-testid="sim-speed">
        {SPEEDS.map((x) => (
          <option key={x} value={x}>
            {speedLabel(x)}
          </option>
        ))}
      </select>
    </label>
  );
}
