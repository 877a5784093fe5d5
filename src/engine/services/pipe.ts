/**
 * EventBridge Pipes (aws-semantics 1.10): one source, an optional filter, one target.
 *
 * - To a Lambda function the pipe runs exactly like an event source mapping (esm.ts,
 *   streamEsm.ts) configured by the pipe: its BatchSize, batching window and FilterPattern,
 *   the function invoked synchronously (REQUEST_RESPONSE) with the batch, partial batch
 *   responses honoured (`itemIdentifier` = messageId), failures left to the source's rules (SQS
 *   visibility timeout and redrive; stream lanes blocking and retrying).
 * - From an SQS queue to a queue, topic, bus or stream the pipe receives batches, deletes the
 *   records its filter rejects, sends each remaining record to the target and deletes it from
 *   the source. The target receives the record as Pipes passes it on (the SQS record; to a bus,
 *   as the detail of an event from source `Pipe <name>`).
 *
 * Not modelled: enrichment, input templates, pipe DLQs, and stream sources to targets other
 * than Lambda (their records wait in the stream until retention ends, with a load warning).
 * [D] Target calls from a pipe succeed; a pipeTarget edge has no failure behaviour.
 */
import type { NodeOf, ScenarioNode } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import type { Payload, Unit } from '../kernel/ledger';
import { C, EV, type Sim } from '../kernel/sim';
import { inEdges, outEdges, sourceOf, targetOf } from '../kernel/topology';
import { RS, TK } from '../trace';
import { ACCOUNT, arnOf, eventBridgeEvent, REGION } from './envelope';
import { initEsm, pokeEsm, type EsmProps } from './esm';
import { compileFilters, type Matcher } from './patternMatch';
import { deleteMessage, discardFiltered, type QueueRt } from './sqsQueue';
import { receive, type ReceiveSink } from './sqsReceive';
import { initStreamEsm } from './streamEsm';
import { waitForWindow, windowGathering, type BatchWindow } from './batchWindow';
import { jsonLength } from './jsonSize';

/** Runtime of a pipe that moves SQS records to a non-Lambda target. */
export interface PipeRt extends BatchWindow {
  kind: 'pipe';
  node: number;
  name: string;
  /** The pipeSource edge (timers and facts use it). */
  edge: number;
  targetEdge: number;
  queue: number;
  target: number;
  filters: Matcher[] | null;
  queueArn: string;
  /** The largest record the target takes, in bytes of JSON text. */
  maxBytes: number;
  pollNow: number;
  /** The batch being received. */
  sink: BatchSink;
}

const clampInt = (x: number | undefined, d: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(x ?? d)));

/** Sets up pipe node `node`; pushes problems to `warnings`. Runs after queues, streams and functions. */
export function initPipe(sim: Sim, node: number, warnings: string[]): void {
  const n = sim.topo.nodes[node] as NodeOf<'pipe'>;
  const src = inEdges(sim.topo, node, 'pipeSource')[0];
  const out = outEdges(sim.topo, node, 'pipeTarget')[0];
  if (src === undefined || out === undefined) return;
  const source = sourceOf(sim.topo, src);
  const target = targetOf(sim.topo, out);
  const sourceKind = sim.topo.nodes[source].kind;
  const p = n.props;
  // An invalid pattern is reported and left out: every record then passes.
  const filters = compileFilters([p.FilterPattern], `Pipe ${n.id}`, warnings);
  if (sim.topo.nodes[target].kind === 'lambdaFunction') {
    const props: EsmProps = {
      BatchSize: p.BatchSize,
      MaximumBatchingWindowInSeconds: p.MaximumBatchingWindowInSeconds,
      // A Lambda target may always answer with batchItemFailures (aws-semantics 1.10).
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      // Pipes retry stream records until they expire unless told otherwise (-1 = infinite).
      MaximumRetryAttempts: -1,
      MaximumRecordAgeInSeconds: -1,
    } as EsmProps;
    const wiring = { source, fn: target, via: node, props, filters };
    if (sourceKind === 'sqsQueue') initEsm(sim, src, warnings, wiring);
    else initStreamEsm(sim, src, warnings, wiring);
    return;
  }
  if (sourceKind !== 'sqsQueue') {
    warnings.push(`Pipe ${n.id}: a pipe from a stream to ${sim.topo.nodes[target].kind} is not simulated yet; its records wait in the stream until retention ends.`);
    return;
  }
  const q = sim.rt[source] as QueueRt;
  const rt: PipeRt = {
    kind: 'pipe',
    node,
    name: p.Name,
    edge: src,
    targetEdge: out,
    queue: source,
    target,
    // SQS sources: at most 10,000 for standard queues, 10 for FIFO.
    batchSize: clampInt(p.BatchSize, 10, 1, q.fifo ? 10 : 10000),
    windowMs: q.fifo ? 0 : clampInt(p.MaximumBatchingWindowInSeconds, 0, 0, 300) * 1000,
    filters,
    queueArn: arnOf(sim.topo, source),
    maxBytes: targetLimit(sim.topo.nodes[target]),
    pollNow: -1,
    windowEnd: -1,
    windowPollAt: -1,
    sink: new BatchSink(),
  };
  sim.edgeRt[src] = rt;
  q.consumers.push(src);
  // The queue wakes its consumers through one function: mappings and pipes alike.
  q.poke = (x: number) => {
    if ((sim.edgeRt[x] as { kind?: string } | undefined)?.kind === 'pipe') pokePipe(sim, x);
    else pokeEsm(sim, x);
  };
}

/** Wakes pipe poller `edge` after this millisecond's arrivals, unless a window is gathering. */
function pokePipe(sim: Sim, edge: number): void {
  const rt = sim.edgeRt[edge] as PipeRt;
  if (rt.pollNow === sim.now) return;
  if (windowGathering(sim, rt, (sim.rt[rt.queue] as QueueRt).visible)) return;
  rt.pollNow = sim.now;
  sim.at(sim.now, PRIORITY.poll, EV.pipePoll, edge, 0);
}

/** Collects a receive: the messages, and how many extra copies (injected duplicates) of each. */
class BatchSink implements ReceiveSink {
  readonly batch: Unit[] = [];
  readonly extra = new Map<number, number>();
  take(u: Unit, duplicate: boolean): void {
    if (duplicate) this.extra.set(u.slot, (this.extra.get(u.slot) ?? 0) + 1);
    else this.batch.push(u);
  }
  clear(): void {
    this.batch.length = 0;
    this.extra.clear();
  }
}

/** Engine event: pipe poller `edge` receives a batch and sends it on. */
export function onPipePoll(sim: Sim, edge: number): void {
  const rt = sim.edgeRt[edge] as PipeRt;
  if (rt.pollNow === sim.now) rt.pollNow = -1;
  if (rt.windowPollAt === sim.now) rt.windowPollAt = -1;
  const q = sim.rt[rt.queue] as QueueRt;
  const sink = rt.sink;
  for (;;) {
    if (q.visible <= 0) {
      rt.windowEnd = -1;
      return;
    }
    if (waitForWindow(sim, rt, q.visible, EV.pipePoll, edge)) return;
    sink.clear();
    const visibleBefore = q.visible;
    receive(sim, q, rt.batchSize, edge, sink);
    if (sink.batch.length === 0) {
      if (q.visible < visibleBefore) continue;
      return;
    }
    sendBatch(sim, rt);
    // One batch per engine event: a pipe that feeds its own source loops through events the
    // event budget counts, not inside one step.
    if (q.visible > 0) {
      rt.pollNow = sim.now;
      sim.at(sim.now, PRIORITY.poll, EV.pipePoll, edge, 0);
    }
    return;
  }
}

function sendBatch(sim: Sim, rt: PipeRt): void {
  const { batch, extra } = rt.sink;
  sim.count(rt.node, C.received, batch.length);
  let sent = 0;
  let first: Unit | null = null;
  for (const u of batch) {
    const record = sqsRecord(rt, u);
    // Filters see a JSON body as JSON (aws-semantics 1.10), the record otherwise as sent.
    if (rt.filters !== null && !passes(rt.filters, { ...record, body: jsonOrText(u.payload!.body) })) {
      // Records the filter rejects are deleted from the queue (aws-semantics 1.10).
      discardFiltered(sim, u, rt.edge);
      continue;
    }
    if (recordBytes(record, u.payload!) > rt.maxBytes) {
      // The target refuses it: a customer error, so the message reappears after its visibility
      // timeout and is retried until the queue's maxReceiveCount (aws-semantics 1.10).
      sim.fact(TK.failed, rt.node, rt.targetEdge, u, u.attempts, -1, sim.now + (sim.rt[rt.queue] as QueueRt).visibilityMs, -1, RS.MessageTooLarge);
      sim.count(rt.node, C.failed);
      continue;
    }
    // A standard queue's duplicate delivery reaches the target twice (at-least-once).
    const copies = 1 + (extra.get(u.slot) ?? 0);
    if (copies > 1) sim.count(rt.node, C.duplicates, copies - 1);
    for (let k = 0; k < copies; k++) sim.handOff(u, rt.target, rt.targetEdge, payloadFor(sim, rt, u, record));
    sent += copies;
    if (first === null) {
      first = u;
      sim.fact(TK.invoked, rt.node, rt.targetEdge, u, u.attempts, -1, -1, batch.length);
    }
    deleteMessage(sim, u, rt.edge);
  }
  if (sent === 0) return;
  sim.count(rt.node, C.invocations);
  sim.count(rt.node, C.succeeded);
  sim.count(rt.node, C.sent, sent);
}

/** What the target accepts per message or event (SQS: its MaximumMessageSize; SNS and EventBridge 256 KiB; Kinesis 1 MiB). */
function targetLimit(t: ScenarioNode): number {
  switch (t.kind) {
    case 'sqsQueue':
      return t.props.MaximumMessageSize;
    case 'kinesisStream':
      return 1_048_576;
    default:
      return 262_144;
  }
}

/** Filters are ORed. */
const passes = (filters: readonly Matcher[], view: unknown): boolean => filters.some((m) => m(view));

function jsonOrText(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

// A payload's body as SQS message text, and that text's length inside JSON: computed once per
// payload (payloads are immutable), since a message may be received and measured many times.
const bodyTexts = new WeakMap<Payload, { text: string; jsonBytes: number }>();

function bodyText(p: Payload): { text: string; jsonBytes: number } {
  let t = bodyTexts.get(p);
  if (t === undefined) {
    const text = typeof p.body === 'string' ? p.body : JSON.stringify(p.body);
    t = { text, jsonBytes: jsonLength(text, Infinity) };
    bodyTexts.set(p, t);
  }
  return t;
}

/** JSON length of `record`, whose body is `p`'s text: the rest measured, the body looked up. */
function recordBytes(record: Record<string, unknown>, p: Payload): number {
  return jsonLength({ ...record, body: '' }, Infinity) - 2 + bodyText(p).jsonBytes;
}

/** The SQS record a pipe passes on ([D] without receipt handle and MD5 digests). */
function sqsRecord(rt: PipeRt, u: Unit): Record<string, unknown> {
  const p = u.payload!;
  const attributes: Record<string, string> = { ApproximateReceiveCount: String(u.attempts) };
  if (p.groupId !== undefined) attributes.MessageGroupId = p.groupId;
  return {
    messageId: p.eventId,
    body: bodyText(p).text,
    attributes,
    messageAttributes: {},
    eventSource: 'aws:sqs',
    eventSourceARN: rt.queueArn,
    awsRegion: REGION,
  };
}

function payloadFor(sim: Sim, rt: PipeRt, u: Unit, record: Record<string, unknown>): Payload {
  const p = u.payload!;
  const t = sim.topo.nodes[rt.target];
  const body = t.kind === 'eventBus' ? eventBridgeEvent(p.eventId, sim.now, `Pipe ${rt.name}`, 'Event from aws:sqs', record, [`arn:aws:pipes:${REGION}:${ACCOUNT}:pipe/${rt.name}`]) : record;
  // FIFO order is kept into a FIFO target: the group and a dedup id go along.
  const payload: Payload = { body, eventId: p.eventId, groupId: p.groupId, dedupId: p.eventId, attributes: undefined };
  if (t.kind === 'kinesisStream') payload.partitionKey = p.groupId ?? p.eventId;
  return payload;
}
