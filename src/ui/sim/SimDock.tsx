import { lazy, Suspense, useEffect, useState, type KeyboardEvent } from 'react';
import { useUiStore } from '../../store/uiStore';
import { useSimulationStore } from '../../store/simulationStore';
import { Legend } from './Legend';
import { LiveAnnouncer } from './LiveAnnouncer';
import { NarratedLog } from './NarratedLog';
import { TimelinePanel } from './TimelinePanel';
import './sim.css';

// uPlot and the charts load only when their tab is first opened.
const ChartsPanel = lazy(() => import('./ChartsPanel'));

const TABS = [
  ['log', 'Log'],
  ['timeline', 'Timeline'],
  ['charts', 'Charts'],
  ['legend', 'Legend & keys'],
] as const;
type Tab = (typeof TABS)[number][0];

/**
 * The panel under the canvas: the narrated log, the timeline per consumer, the charts and the
 * legend, as tabs. It opens by itself when a run starts and can be folded away. Loaded after
 * first paint; the live region for screen readers is always there.
 */
export default function SimDock() {
  const [tab, setTab] = useState<Tab>('log');
  const [userOpen, setUserOpen] = useState<boolean | null>(null);
  const started = useSimulationStore((s) => (s.snapshot?.eventsProcessed ?? 0) > 0);
  const open = userOpen ?? started;
  // The canvas just got shorter: frame the drawing again so nothing hides under the dock.
  useEffect(() => {
    if (open) useUiStore.getState().requestFitView();
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex(([id]) => id === tab);
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (d === 0) return;
    e.preventDefault();
    const next = TABS[(i + d + TABS.length) % TABS.length][0];
    setTab(next);
    document.getElementById(`sim-tab-${next}`)?.focus();
  };
  return (
    <section className={`sim-dock${open ? ' is-open' : ''}`} aria-label="Run details" data-testid="sim-dock">
      <div className="sim-dock__head">
        <div role="tablist" aria-label="Run details" onKeyDown={onKeyDown}>
          {TABS.map(([id, label]) => (
            <button
              key={id}
              id={`sim-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls="sim-dock-panel"
              tabIndex={tab === id ? 0 : -1}
              onClick={() => {
                setTab(id);
                setUserOpen(true);
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <button type="button" className="sim-dock__fold" onClick={() => setUserOpen(!open)} aria-expanded={open} aria-controls="sim-dock-panel" title={open ? 'Fold the run details away' : 'Show the run details'}>
          {open ? '▾ Hide' : '▴ Show'}
        </button>
      </div>
      {open && (
        <div id="sim-dock-panel" role="tabpanel" aria-labelledby={`sim-tab-${tab}`} className="sim-dock__panel">
          {tab === 'log' && <NarratedLog />}
          {tab === 'timeline' && <TimelinePanel />}
          {tab === 'charts' && (
            <Suspense fallback={<p role="status">Loading charts…</p>}>
              <ChartsPanel />
            </Suspense>
          )}
          {tab === 'legend' && <Legend />}
        </div>
      )}
      <LiveAnnouncer />
    </section>
  );
}
