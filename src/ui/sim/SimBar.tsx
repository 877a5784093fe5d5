import { useMemo, useRef } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';
import { useSimulationStore } from '../../store/simulationStore';
import { RunStatus } from './RunStatus';
import { RunToField } from './RunToField';
import { Scrubber } from './Scrubber';
import { SeedField } from './SeedField';
import { SpeedSelect } from './SpeedSelect';
import { TransportButtons } from './TransportButtons';
import { useSimShortcuts } from './useSimShortcuts';
import './sim.css';

/**
 * The run controls under the toolbar: play and pause, step, step back, next failure, reset,
 * speed, run to a time, seed, a scrubber over simulated time, and where the run stands. Every
 * control has a key, shown in its tooltip. Loaded after first paint.
 */
export default function SimBar() {
  const durationMs = useScenarioStore((s) => s.scenario.settings.durationMs);
  const error = useSimulationStore((s) => s.error);
  const restarted = useSimulationStore((s) => s.restartedBecause);
  const warnings = useSimulationStore((s) => s.warnings);
  const runTo = useRef<HTMLInputElement>(null);
  const seed = useRef<HTMLInputElement>(null);
  const focus = useMemo(() => ({ runTo: () => runTo.current?.focus(), seed: () => seed.current?.select() }), []);
  useSimShortcuts(focus, durationMs);
  return (
    <section className="sim-bar" aria-label="Simulation controls" data-testid="sim-bar">
      <TransportButtons />
      <span className="sim-bar__sep" aria-hidden="true" />
      <SpeedSelect />
      <RunToField ref={runTo} />
      <SeedField ref={seed} />
      <Scrubber durationMs={durationMs} />
      <RunStatus durationMs={durationMs} />
      {warnings.length > 0 && (
        <span className="sim-bar__warn" title={warnings.join('\n')} tabIndex={0} data-testid="sim-warnings">
          ▲ {warnings.length} warning{warnings.length === 1 ? '' : 's'}
        </span>
      )}
      {(error || restarted) && (
        <span className={error ? 'sim-bar__error' : 'sim-bar__note'} role={error ? 'alert' : 'status'}>
          {error ?? restarted}
        </span>
      )}
    </section>
  );
}
