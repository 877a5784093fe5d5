/**
 * EventBridge archives and replays (aws-semantics 1.7). An archive keeps a copy of each event
 * reaching its bus that matches its pattern (empty: every event); replayed events are not
 * archived again ([D] 1.7). A copy becomes available for replay after a seeded ingest lag
 * ([D] 0-5 minutes; AWS advises waiting about 10). Retention drops copies older than
 * RetentionDays (0 keeps them).
 *
 * A replay (the archive's `behavior.replays`) starts at `startAtMs` and re-submits the archived
 * events whose time is in [EventStartTime, EventEndTime) minute by minute: all events of the
 * first minute, then the next ([D] one second apart), each minute in a seeded random order
 * (order within a minute is not guaranteed). Replayed events carry `"replay-name"` and go
 * through the rules again with fresh retry state, only the FilterArns rules when given.
 */
import type { NodeOf } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import { ST, type Payload, type Unit } from '../kernel/ledger';
import type { Rng } from '../kernel/rng';
import { C, EV, type Sim } from '../kernel/sim';
import { inEdges, sourceOf } from '../kernel/topology';
import { TK } from '../trace';
import type { BusRt } from './eventBus';
import { compileMatcher, type Matcher } from './patternMatch';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Longest ingest lag ([D]). */
const MAX_LAG_MS = 5 * MINUTE;
/** Time between two replayed minutes ([D]). */
const MINUTE_STEP_MS = 1000;

/** One archived event. */
interface Archived {
  timeMs: number;
  availableAt: number;
  payload: Payload;
  root: number;
  /** The archive copy's unit id (the replayed event's parent). */
  id: number;
}

interface ReplayRt {
  name: string;
  startMs: number;
  endMs: number;
  startAt: number;
  /** Rule node indices that see the replay; null = all. */
  rules: number[] | null;
  /** Start of the next minute to replay. */
  cursorMs: number;
  /** Index of the first archived event not yet considered. */
  next: number;
}

/** Runtime of one archive. */
export interface ArchiveRt {
  node: number;
  bus: number;
  /** The archiveOf edge (bus -> archive). */
  edge: number;
  matcher: Matcher | null;
  retentionMs: number;
  entries: Archived[];
  /** Entries dropped from the front by retention (indices of replays are shifted by it). */
  dropped: number;
  replays: ReplayRt[];
  lagRng: Rng;
  orderRng: Rng;
}

/** Wires every archive to its bus and plans its replays; runs after the buses. */
export function initArchives(sim: Sim, warnings: string[]): void {
  sim.topo.nodes.forEach((n, node) => {
    if (n.kind !== 'archive') return;
    const a = n as NodeOf<'archive'>;
    const edge = inEdges(sim.topo, node, 'archiveOf')[0];
    if (edge === undefined) return;
    const bus = sourceOf(sim.topo, edge);
    const busRt = sim.rt[bus] as BusRt | undefined;
    if (busRt === undefined) return;
    let matcher: Matcher | null = null;
    if (a.props.EventPattern.trim() !== '') {
      const c = compileMatcher(a.props.EventPattern);
      if (c !== null && c.ok) matcher = c.match;
      else if (c !== null) {
        warnings.push(`Archive ${a.id}: ${c.message}. It archives nothing.`);
        return;
      }
    }
    const rt: ArchiveRt = {
      node,
      bus,
      edge,
      matcher,
      retentionMs: a.props.RetentionDays > 0 ? a.props.RetentionDays * DAY : Infinity,
      entries: [],
      dropped: 0,
      replays: [],
      lagRng: sim.rng(node, 'ingest'),
      orderRng: sim.rng(node, 'replay-order'),
    };
    sim.rt[node] = rt;
    busRt.archives.push(rt);
    for (const r of a.behavior?.replays ?? []) {
      if (r.EventEndTime <= r.EventStartTime) {
        warnings.push(`Archive ${a.id}, replay ${r.ReplayName}: EventEndTime must be after EventStartTime; it replays nothing.`);
        continue;
      }
      const rules = r.FilterArns.length === 0 ? null : r.FilterArns.flatMap((id) => ruleOnBus(sim, bus, id, a.id, r.ReplayName, warnings));
      rt.replays.push({ name: r.ReplayName, startMs: r.EventStartTime, endMs: r.EventEndTime, startAt: r.startAtMs, rules, cursorMs: r.EventStartTime, next: 0 });
      sim.at(r.startAtMs, PRIORITY.arrival, EV.replayMinute, node, rt.replays.length - 1);
    }
  });
}

function ruleOnBus(sim: Sim, bus: number, id: string, archive: string, replay: string, warnings: string[]): number[] {
  const r = sim.topo.nodeIndex.get(id);
  const onBus = r !== undefined && inEdges(sim.topo, r, 'busRule').some((e) => sourceOf(sim.topo, e) === bus);
  if (onBus) return [r];
  warnings.push(`Archive ${archive}, replay ${replay}: FilterArns names ${id}, which is not a rule of the archive's bus; it is ignored.`);
  return [];
}

/** Archives event `u` (live, at the bus) if it matches; called by the bus for every arrival. */
export function archiveEvent(sim: Sim, rt: ArchiveRt, u: Unit): void {
  const p = u.payload!;
  if (p.replay !== undefined || (rt.matcher !== null && !rt.matcher(p.body))) return;
  const c = sim.ledger.create(rt.node, rt.edge, u, p, ST.pending, sim.now);
  sim.fact(TK.accepted, rt.node, rt.edge, c);
  sim.count(rt.node, C.received);
  rt.entries.push({ timeMs: sim.now, availableAt: sim.now + rt.lagRng.below(MAX_LAG_MS), payload: p, root: c.root, id: c.id });
  sim.ledger.settle(c, ST.delivered, 0);
  prune(sim, rt);
}

/**
 * Drops copies past retention (none by default) that no replay still to run can reach; replay
 * cursors count dropped copies, so they stay in step.
 */
function prune(sim: Sim, rt: ArchiveRt): void {
  if (rt.retentionMs === Infinity) return;
  let keepFrom = sim.now - rt.retentionMs;
  for (const r of rt.replays) if (r.cursorMs < r.endMs) keepFrom = Math.min(keepFrom, r.startAt - rt.retentionMs);
  let k = 0;
  while (k < rt.entries.length && rt.entries[k].timeMs < keepFrom) k++;
  if (k === 0) return;
  rt.entries.splice(0, k);
  rt.dropped += k;
}

/** Engine event: replay `index` of archive `node` re-submits its next minute of events. */
export function onReplayMinute(sim: Sim, node: number, index: number): void {
  const rt = sim.rt[node] as ArchiveRt;
  const r = rt.replays[index];
  const minuteEnd = Math.min(r.cursorMs + MINUTE, r.endMs);
  const oldest = r.startAt - rt.retentionMs;
  const batch: Archived[] = [];
  let i = Math.max(0, r.next - rt.dropped);
  for (; i < rt.entries.length && rt.entries[i].timeMs < minuteEnd; i++) {
    const e = rt.entries[i];
    if (e.timeMs >= r.cursorMs && e.timeMs >= oldest && e.availableAt <= r.startAt) batch.push(e);
  }
  r.next = i + rt.dropped;
  // Order within a minute is not guaranteed: a seeded shuffle.
  for (let k = batch.length - 1; k > 0; k--) {
    const j = rt.orderRng.below(k + 1);
    [batch[k], batch[j]] = [batch[j], batch[k]];
  }
  for (const e of batch) replayOne(sim, rt, r, e);
  r.cursorMs = minuteEnd;
  if (r.cursorMs < r.endMs) sim.at(sim.now + MINUTE_STEP_MS, PRIORITY.arrival, EV.replayMinute, node, index);
}

function replayOne(sim: Sim, rt: ArchiveRt, r: ReplayRt, e: Archived): void {
  const p = e.payload;
  const body = p.body !== null && typeof p.body === 'object' && !Array.isArray(p.body) ? { ...(p.body as Record<string, unknown>), 'replay-name': r.name } : p.body;
  const payload: Payload = { body, eventId: p.eventId, groupId: p.groupId, dedupId: p.dedupId, attributes: p.attributes, replay: { name: r.name, rules: r.rules } };
  const u = sim.ledger.createDescendant(rt.bus, rt.edge, e.root, e.id, payload, ST.pending, sim.now);
  sim.fact(TK.published, rt.node, rt.edge, u);
  sim.count(rt.node, C.sent);
  sim.accept(u, rt.bus);
}
