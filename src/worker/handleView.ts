/**
 * The simulation view's requests (protocolView.ts): seek and step-until change the run and
 * answer with progress; the others read what the session's observer recorded.
 */
import { labelOf } from '../engine/kernel/sim';
import type { Payload } from '../engine/kernel/ledger';
import type { FromWorker } from './protocol';
import { METRICS, type Chart, type ViewRequest } from './protocolView';
import { advance, progress, restart, MAX_EVENTS_PER_CHUNK, type SimSession } from './session';
import { buildLife } from './view/messageLife';
import { replayRoot } from './view/replay';

/** Handles one view request against a loaded session. */
export function handleView(s: SimSession, m: ViewRequest): FromWorker[] {
  switch (m.type) {
    case 'seek':
      if (!Number.isFinite(m.timeMs) || m.timeMs < 0) return [error(m, 'seek: timeMs must be a number >= 0.')];
      restart(s, s.seed);
      s.mode = 'running';
      s.target = m.timeMs;
      advance(s, 0);
      return [progress(s, m.requestId)];
    case 'stepUntil':
      stepUntil(s, new Set(m.kinds), Math.min(m.maxEvents ?? MAX_EVENTS_PER_CHUNK, MAX_EVENTS_PER_CHUNK));
      return [progress(s, m.requestId)];
    case 'inspectUnit':
      return [inspect(s, m.rootId, m.requestId)];
    case 'timeline': {
      s.observer.drain();
      const t = s.observer.timelines;
      const consumers = t.summaries();
      const consumerId = m.consumerId ?? consumers[0]?.nodeId ?? null;
      return [{ type: 'timelineData', requestId: m.requestId, consumers, consumerId, arrivals: consumerId === null ? [] : t.arrivals(consumerId, m.limit ?? 400) }];
    }
    case 'series':
      s.observer.drain();
      return [series(s, m.nodeIds ?? [], m.top ?? 4, m.requestId)];
    case 'liveUnits': {
      const limit = Math.max(1, Math.min(500, m.limit ?? 100));
      const st = s.sim.stats().nodes[m.nodeId];
      const total = st ? st.units.pending + st.units.delayed + st.units.queued + st.units.inFlight + st.units.retryWait : 0;
      const units = s.sim.unitsAt(m.nodeId, limit).map((u) => ({
        unitId: u.id,
        rootId: u.rootId,
        label: labelOf({ body: u.body, eventId: u.eventId } as Payload),
        state: u.state,
        attempts: u.attempts,
        ageFromMs: u.ageFromMs,
      }));
      return [{ type: 'liveUnitsData', requestId: m.requestId, nodeId: m.nodeId, total, units }];
    }
  }
}

const error = (m: ViewRequest, message: string): FromWorker => ({ type: 'error', requestId: m.requestId, message });

function stepUntil(s: SimSession, kinds: ReadonlySet<string>, maxEvents: number): void {
  s.mode = 'paused';
  const sim = s.sim;
  for (let i = 0; i < maxEvents; i++) {
    const before = sim.traceCount();
    if (!sim.step()) return;
    // Only this step's facts are read; the ring still holds them.
    if (sim.traceSince(before).some((f) => kinds.has(f.kind))) return;
  }
}

function inspect(s: SimSession, rootId: number, requestId: number): FromWorker {
  const o = s.observer;
  o.drain();
  if (!o.roots.known(rootId)) return { type: 'inspected', requestId, life: null, message: `No message #${rootId} in this run yet.` };
  const rec = o.roots.get(rootId) ?? replayRoot(s.scenario, s.seed, s.sim.eventsProcessed, rootId);
  if (rec === null) return { type: 'inspected', requestId, life: null, message: `Message #${rootId} could not be rebuilt.` };
  return { type: 'inspected', requestId, life: buildLife(rec, { topo: o.topo, seed: s.seed, publishRank: o.timelines.rank(rootId) }) };
}

function series(s: SimSession, nodeIds: readonly string[], top: number, requestId: number): FromWorker {
  const sp = s.observer.sampler;
  const n = sp.count;
  const ids = sp.nodes.map((x) => x.id);
  const charts: Chart[] = METRICS.map((metric) => {
    const cols = sp.values[metric];
    const peak = (i: number) => {
      const v = cols[i]!;
      let m = 0;
      for (let k = 0; k < n; k++) if (v[k] > m) m = v[k];
      return m;
    };
    const candidates = ids.map((_, i) => i).filter((i) => cols[i] !== null);
    const wanted = candidates.filter((i) => nodeIds.includes(ids[i]));
    const busiest = candidates
      .filter((i) => !nodeIds.includes(ids[i]))
      .map((i) => [i, peak(i)] as const)
      .filter(([, p]) => p > 0)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, Math.max(0, top - wanted.length))
      .map(([i]) => i);
    const picked = [...wanted, ...busiest.sort((a, b) => a - b)];
    const out: Chart['series'] = [];
    const total = cols[ids.length];
    if (total !== null) out.push({ nodeId: null, values: total.slice(0, n) });
    for (const i of picked) out.push({ nodeId: ids[i], values: cols[i]!.slice(0, n) });
    return { metric, series: out };
  });
  return { type: 'seriesData', requestId, intervalMs: sp.intervalMs, t: sp.t.slice(0, n), charts };
}
