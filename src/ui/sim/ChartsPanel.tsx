import { useMemo } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';
import type { Metric } from '../../worker/protocolView';
import { namesOf } from './narrate';
import { lineStyle, UplotChart, type Line } from './UplotChart';
import { useWorkerQuery } from './useWorkerQuery';

const TITLES: Record<Metric, string> = {
  throughput: 'Throughput (done / s)',
  queueDepth: 'Queue depth (waiting)',
  oldestAge: 'Age of oldest message (s)',
  inFlight: 'In flight',
  dlqDepth: 'DLQ depth',
  concurrency: 'Concurrency (peak)',
  throttles: 'Throttles / s',
};

const EXPLAIN: Record<Metric, string> = {
  throughput: 'Messages each resource finished per second: delivered by a rule, deleted from a queue, processed by a function.',
  queueDepth: 'Messages waiting in each queue (visible or delayed), like ApproximateNumberOfMessagesVisible.',
  oldestAge: 'How long the oldest message has been in each queue, like ApproximateAgeOfOldestMessage.',
  inFlight: 'Messages received and not yet deleted (queues) and asynchronous events running (functions).',
  dlqDepth: 'Messages waiting in dead-letter queues and on-failure destinations.',
  concurrency: 'Invocations running at once per function (the peak of each interval); All is the account.',
  throttles: 'Invocations refused with a 429 per second.',
};

/** Chart height in pixels. */
const HEIGHT = 100;

/**
 * Seven small charts over simulated time, sampled by the worker: throughput, queue depth, age of
 * the oldest message, in flight, DLQ depth, concurrency and throttles. Each shows the total
 * (where one makes sense) and the busiest resources, plus the selected ones. Loaded on demand.
 */
export default function ChartsPanel() {
  const scenario = useScenarioStore((s) => s.scenario);
  const selection = useScenarioStore((s) => s.selection);
  const names = namesOf(scenario);
  const nodeIds = useMemo(() => selection.filter((id) => scenario.nodes.some((n) => n.id === id)), [selection, scenario]);
  const data = useWorkerQuery({ type: 'series', top: 4, nodeIds }, 'seriesData', 1000);
  const charts = useMemo(
    () =>
      data?.charts.map((c) => {
        const total = c.series[0]?.nodeId === null;
        const lines: Line[] = c.series.map((s) => ({ label: s.nodeId === null ? 'All' : names.name(s.nodeId), values: s.values }));
        return { metric: c.metric, total, lines };
      }) ?? [],
    [data, names],
  );
  if (!data || data.t.length < 2) return <p className="sim-empty">Charts fill in as simulated time passes (one sample every {data ? data.intervalMs / 1000 : 1} s of simulated time).</p>;
  return (
    <div className="sim-charts" data-testid="sim-charts">
      {charts.map((c) => (
        <figure key={c.metric} className="sim-chart" data-metric={c.metric}>
          <figcaption title={EXPLAIN[c.metric]}>
            {TITLES[c.metric]}
            <span className="sim-chart__keys">
              {c.lines.map((l, i) => {
                const s = lineStyle(i, c.total);
                return (
                  <span key={l.label} className="sim-chart__key">
                    <svg width="18" height="6" aria-hidden="true">
                      <line x1="0" y1="3" x2="18" y2="3" stroke={s.stroke ?? 'currentColor'} strokeWidth={s.width} strokeDasharray={s.dash.join(' ')} />
                    </svg>
                    {l.label}
                  </span>
                );
              })}
            </span>
          </figcaption>
          {c.lines.length === 0 ? (
            <p className="sim-chart__none">Nothing to show in this scenario.</p>
          ) : (
            <UplotChart t={data.t} lines={c.lines} total={c.total} height={HEIGHT} label={`${TITLES[c.metric]}: ${c.lines.map((l) => `${l.label} now ${Math.round(l.values.at(-1) ?? 0)}`).join(', ')}`} />
          )}
        </figure>
      ))}
    </div>
  );
}
