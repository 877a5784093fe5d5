/**
 * Producers: emit custom events at a rate or from a list, PutEvents-style. To an event bus
 * the unit carries a full EventBridge envelope; straight to a queue, topic or function it
 * carries the Detail as the message body (what an SDK SendMessage/Publish/Invoke would send).
 * Only the next emission is ever scheduled, so a million-event producer costs one timer.
 */
import type { EventTemplate, NodeOf } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import type { Rng } from '../kernel/rng';
import { ST, type Payload } from '../kernel/ledger';
import { EV, type Sim } from '../kernel/sim';
import { C } from '../kernel/sim';
import { kindOf, outEdges, targetOf } from '../kernel/topology';
import { TK } from '../trace';
import { eventBridgeEvent, uuidFrom } from './envelope';
import { compileTemplate, type Render } from './template';
import { snsAttributes, type SnsAttribute } from '../../model/samples/sns';

interface CompiledTemplate {
  source: string;
  detailType: string;
  detail: Render;
  groupId: Render | null;
  partitionKey: Render | null;
  attributes: Render | null;
  atMs: number;
}

interface Target {
  edge: number;
  node: number;
  toBus: boolean;
  /** Set MessageDeduplicationId = message id (a FIFO queue without content-based dedup). */
  explicitDedup: boolean;
}

/** Runtime state of one producer node. */
export interface ProducerRt {
  node: number;
  mode: 'rate' | 'list';
  count: number;
  intervalMs: number;
  startMs: number;
  jitterMs: number;
  templates: CompiledTemplate[];
  targets: Target[];
  jitterRng: Rng;
  templateRng: Rng;
  idRng: Rng;
}

/** Builds a producer's runtime and schedules its first emission. */
export function initProducer(sim: Sim, node: number): void {
  const n = sim.topo.nodes[node] as NodeOf<'producer'>;
  const b = n.behavior;
  const compile = (t: EventTemplate, atMs: number): CompiledTemplate => ({
    source: t.Source,
    detailType: t.DetailType,
    detail: compileTemplate(t.Detail),
    groupId: t.MessageGroupId ? compileTemplate(t.MessageGroupId) : null,
    partitionKey: t.PartitionKey ? compileTemplate(t.PartitionKey) : null,
    attributes: t.MessageAttributes && Object.keys(t.MessageAttributes).length > 0 ? compileTemplate(t.MessageAttributes) : null,
    atMs,
  });
  const list = b.mode === 'list' ? b.events.map((e, i) => ({ e, i })).sort((x, y) => x.e.atMs - y.e.atMs || x.i - y.i) : [];
  const targets = outEdges(sim.topo, node, 'publish').map((edge) => {
    const t = targetOf(sim.topo, edge);
    const tn = sim.topo.nodes[t];
    const explicitDedup = (tn.kind === 'sqsQueue' && tn.props.FifoQueue && !tn.props.ContentBasedDeduplication) || (tn.kind === 'snsTopic' && tn.props.FifoTopic && !tn.props.ContentBasedDeduplication);
    return { edge, node: t, toBus: kindOf(sim.topo, t) === 'eventBus', explicitDedup };
  });
  const rt: ProducerRt = {
    node,
    mode: b.mode,
    count: b.mode === 'rate' ? Math.max(0, Math.floor(b.count)) : list.length,
    intervalMs: b.ratePerSecond > 0 ? 1000 / b.ratePerSecond : Infinity,
    startMs: Math.max(0, b.startMs),
    jitterMs: Math.max(0, Math.floor(b.jitterMs)),
    templates: b.mode === 'rate' ? [compile(b.template, 0)] : list.map(({ e }) => compile(e, Math.max(0, e.atMs))),
    targets,
    jitterRng: sim.rng(node, 'jitter'),
    templateRng: sim.rng(node, 'template'),
    idRng: sim.rng(node, 'ids'),
  };
  sim.rt[node] = rt;
  if (rt.targets.length > 0 && rt.count > 0 && (rt.mode === 'list' || rt.intervalMs < Infinity)) schedule(sim, rt, 0);
}

function schedule(sim: Sim, rt: ProducerRt, i: number): void {
  const base = rt.mode === 'rate' ? rt.startMs + Math.floor(i * rt.intervalMs) : rt.templates[i].atMs;
  const jitter = rt.jitterMs > 0 ? rt.jitterRng.below(rt.jitterMs + 1) : 0;
  sim.at(base + jitter, PRIORITY.arrival, EV.producerEmit, rt.node, i);
}

/** Engine event: producer `node` emits its event number `i` (0-based). */
export function onProducerEmit(sim: Sim, node: number, i: number): void {
  const rt = sim.rt[node] as ProducerRt;
  const tpl = rt.templates[rt.mode === 'rate' ? 0 : i];
  const seq = i + 1;
  const rand = rt.templateRng;
  const ids = rt.idRng;
  const detail = tpl.detail(seq, rand);
  const groupId = tpl.groupId === null ? undefined : String(tpl.groupId(seq, rand));
  const partitionKey = tpl.partitionKey === null ? undefined : String(tpl.partitionKey(seq, rand));
  const attrs = tpl.attributes === null ? undefined : snsAttributes(tpl.attributes(seq, rand) as Record<string, unknown>);
  for (const t of rt.targets) {
    const id = uuidFrom(ids);
    const body = t.toBus ? eventBridgeEvent(id, sim.now, tpl.source, tpl.detailType, detail) : detail;
    const payload: Payload = { body, eventId: id, groupId, dedupId: t.explicitDedup ? id : undefined, attributes: attrs === undefined || t.toBus ? undefined : plainAttributes(attrs) };
    // Optional fields are set only when used, so most payloads keep one shape.
    if (attrs !== undefined && !t.toBus) payload.messageAttributes = attrs;
    if (partitionKey !== undefined) payload.partitionKey = partitionKey;
    const u = sim.ledger.create(t.node, t.edge, null, payload, ST.pending, sim.now);
    sim.fact(TK.published, node, t.edge, u, -1, -1, -1, seq);
    sim.count(node, C.sent);
    sim.accept(u, t.node);
  }
  if (i + 1 < rt.count) schedule(sim, rt, i + 1);
}

/** Attributes as the SQS message attributes a consumer sees (display strings). */
function plainAttributes(attrs: Record<string, SnsAttribute>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = v.Value;
  return out;
}
