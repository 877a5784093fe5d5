import { lazy, Suspense, type ReactNode } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';
import { useSimulationStore } from '../../store/simulationStore';
import { LiveMessages } from './LiveMessages';
import './sim.css';

const MessageInspector = lazy(() => import('./MessageInspector'));

/**
 * The side panel's content during a run: the message inspector when a message is selected;
 * otherwise the resource's live messages (once a run has started) above its settings (`editor`).
 */
export default function SimSidePanel({ editor }: { editor: ReactNode }) {
  const inspected = useSimulationStore((s) => s.inspected);
  const started = useSimulationStore((s) => (s.snapshot?.eventsProcessed ?? 0) > 0);
  const nodeId = useScenarioStore((s) => (s.selection.length === 1 && s.scenario.nodes.some((n) => n.id === s.selection[0]) ? s.selection[0] : null));
  if (inspected) {
    return (
      <Suspense fallback={<p role="status">Loading the message inspector…</p>}>
        <MessageInspector key={inspected.rootId} rootId={inspected.rootId} unitId={inspected.unitId} />
      </Suspense>
    );
  }
  return (
    <>
      {started && nodeId !== null && <LiveMessages nodeId={nodeId} />}
      {editor}
    </>
  );
}
