/**
 * Which connections AWS allows, and why not: `canConnect` for the canvas, `connectionProblem`
 * for restore (checked edge by edge against the edges before it), and the rules of references
 * held in props (a target's DLQ, an on-failure destination).
 */
import { endpointSentence, EDGE_ENDPOINTS, inferEdgeKind, reachSentence } from './connectionRules';
import { nodeDisplayName } from './ids';
import { NODE_KIND_LABELS, capitalize, withArticle } from './labels';
import type { EdgeKind, NodeId, Scenario, ScenarioEdge, ScenarioNode } from './types';

/** Nodes by id and edges by end, for connection checks. */
export interface ConnectionIndex {
  nodes: Map<NodeId, ScenarioNode>;
  out: Map<NodeId, ScenarioEdge[]>;
  in: Map<NodeId, ScenarioEdge[]>;
}

/** Adds an edge to an index. */
export function addConnection(ix: ConnectionIndex, edge: ScenarioEdge): void {
  const push = (m: Map<NodeId, ScenarioEdge[]>, k: NodeId) => (m.get(k) ?? m.set(k, []).get(k)!).push(edge);
  push(ix.out, edge.source);
  push(ix.in, edge.target);
}

/** Indexes nodes and (some) edges of a scenario. */
export function indexConnections(nodes: readonly ScenarioNode[], edges: readonly ScenarioEdge[]): ConnectionIndex {
  const ix: ConnectionIndex = { nodes: new Map(nodes.map((n) => [n.id, n])), out: new Map(), in: new Map() };
  for (const e of edges) addConnection(ix, e);
  return ix;
}

/** True for FIFO queues and FIFO topics. */
export function isFifo(n: ScenarioNode): boolean {
  return (n.kind === 'sqsQueue' && n.props.FifoQueue) || (n.kind === 'snsTopic' && n.props.FifoTopic);
}

const q = (n: ScenarioNode) => `"${nodeDisplayName(n)}"`;

function selfProblem(kind: EdgeKind): string {
  if (kind === 'redrive') return "A queue can't be its own dead-letter queue.";
  if (kind === 'destination') return "A function can't be its own destination.";
  return "A resource can't be connected to itself.";
}

function cardinalityProblem(ix: ConnectionIndex, s: ScenarioNode, t: ScenarioNode, kind: EdgeKind): string | undefined {
  const outs = (ix.out.get(s.id) ?? []).filter((e) => e.kind === kind);
  const ins = (ix.in.get(t.id) ?? []).filter((e) => e.kind === kind);
  const other = (id: NodeId) => {
    const n = ix.nodes.get(id);
    return n ? q(n) : `"${id}"`;
  };
  if (outs.some((e) => e.target === t.id)) {
    if (kind === 'eventSourceMapping') return `An event source mapping from ${q(s)} to ${q(t)} already exists.`;
    if (kind === 'subscription') return `${q(t)} is already subscribed to ${q(s)}.`;
    return `${q(s)} is already connected to ${q(t)}.`;
  }
  switch (kind) {
    case 'busRule':
      return ins.length ? `A rule belongs to exactly one event bus; ${q(t)} is already on ${other(ins[0].source)}.` : undefined;
    case 'archiveOf':
      return ins.length ? `An archive belongs to exactly one event bus; ${q(t)} already archives ${other(ins[0].source)}.` : undefined;
    case 'ruleTarget':
      return outs.length >= 5 ? 'A rule can have at most 5 targets.' : undefined;
    case 'redrive':
      return outs.length ? `A queue has one dead-letter queue; ${q(s)} already uses ${other(outs[0].target)}.` : undefined;
    case 'destination':
      return outs.length >= 2 ? 'A function can have one OnSuccess and one OnFailure destination, and both are set.' : undefined;
    case 'pipeSource':
      return ins.length ? `A pipe has exactly one source; ${q(t)} already reads from ${other(ins[0].source)}.` : undefined;
    case 'pipeTarget':
      return outs.length ? `A pipe has exactly one target; ${q(s)} already sends to ${other(outs[0].target)}.` : undefined;
    case 'scheduleTarget':
      return outs.length ? `A schedule has exactly one target; ${q(s)} already invokes ${other(outs[0].target)}.` : undefined;
    default:
      return undefined;
  }
}

function typeProblem(s: ScenarioNode, t: ScenarioNode, kind: EdgeKind): string | undefined {
  if (kind === 'redrive' && isFifo(s) !== isFifo(t)) {
    return isFifo(s)
      ? 'The dead-letter queue of a FIFO queue must also be a FIFO queue.'
      : 'The dead-letter queue of a standard queue must also be a standard queue.';
  }
  if (kind === 'subscription' && isFifo(s) && t.kind !== 'sqsQueue') return 'A FIFO topic can deliver only to SQS queues.';
  if (kind === 'subscription' && !isFifo(s) && isFifo(t)) return "A standard SNS topic can't deliver to a FIFO queue; use a FIFO topic.";
  if (kind === 'destination' && isFifo(t)) return 'A Lambda destination must be a standard queue or topic, not a FIFO one.';
  return undefined;
}

/**
 * Why an edge of `kind` from `s` to `t` is not allowed next to the edges already in `ix`,
 * or undefined when it is.
 */
export function connectionProblem(ix: ConnectionIndex, s: ScenarioNode, t: ScenarioNode, kind: EdgeKind): string | undefined {
  if (s.id === t.id) return selfProblem(kind);
  const { sources, targets } = EDGE_ENDPOINTS[kind];
  if (!sources.includes(s.kind) || !targets.includes(t.kind)) return endpointSentence(kind);
  return typeProblem(s, t, kind) ?? cardinalityProblem(ix, s, t, kind);
}

/** The answer of `canConnect`. */
export type ConnectAnswer = { ok: true; kind: EdgeKind } | { ok: false; reason: string };

/**
 * Whether the canvas may connect `sourceId` to `targetId`, and as what. The edge kind is
 * inferred from the node kinds (each pair has at most one); a given `edgeKind` must match it.
 */
export function canConnect(scenario: Pick<Scenario, 'nodes' | 'edges'>, sourceId: NodeId, targetId: NodeId, edgeKind?: EdgeKind): ConnectAnswer {
  const ix = indexConnections(scenario.nodes, scenario.edges);
  const s = ix.nodes.get(sourceId);
  const t = ix.nodes.get(targetId);
  if (!s || !t) return { ok: false, reason: `There is no node "${s ? targetId : sourceId}".` };
  const kind = edgeKind ?? inferEdgeKind(s.kind, t.kind);
  if (!kind) {
    if (s.id === t.id) return { ok: false, reason: selfProblem('publish') };
    const what = `${capitalize(withArticle(NODE_KIND_LABELS[s.kind]))} can't connect to ${withArticle(NODE_KIND_LABELS[t.kind])}.`;
    return { ok: false, reason: `${what} ${reachSentence(s.kind)}` };
  }
  const problem = connectionProblem(ix, s, t, kind);
  return problem ? { ok: false, reason: problem } : { ok: true, kind };
}

/** What a reference held in props may point at. */
export interface ReferenceRule {
  /** Allowed node kinds. */
  kinds: ReadonlyArray<'sqsQueue' | 'snsTopic'>;
  /** FIFO allowed? `never`: standard only; `same`: the same type as `like`. */
  fifo: 'never' | 'same';
  /** For `same`: whether the owner is FIFO. */
  ownerFifo?: boolean;
  /** "the dead-letter queue of an EventBridge target", for messages. */
  role: string;
}

/** Why a reference (a DLQ, a destination) is invalid, or undefined. */
export function referenceProblem(nodes: ReadonlyMap<NodeId, ScenarioNode>, id: NodeId, rule: ReferenceRule): string | undefined {
  const n = nodes.get(id);
  if (!n) return `There is no node "${id}" to be ${rule.role}.`;
  if (!(rule.kinds as readonly string[]).includes(n.kind)) {
    return `${capitalize(rule.role)} must be ${rule.kinds.map((k) => withArticle(NODE_KIND_LABELS[k])).join(' or ')}; ${q(n)} is ${withArticle(NODE_KIND_LABELS[n.kind])}.`;
  }
  if (rule.fifo === 'never' && isFifo(n)) return `A FIFO ${n.kind === 'sqsQueue' ? 'queue' : 'topic'} can't be ${rule.role}; use a standard one.`;
  if (rule.fifo === 'same' && isFifo(n) !== Boolean(rule.ownerFifo)) {
    return `${capitalize(rule.role)} must be ${rule.ownerFifo ? 'a FIFO' : 'a standard'} queue, like its topic.`;
  }
  return undefined;
}

/** References and their rules, for the DLQ of an EventBridge target or a schedule. */
export const TARGET_DLQ_RULE: ReferenceRule = { kinds: ['sqsQueue'], fifo: 'never', role: 'the dead-letter queue of an EventBridge target' };

/**
 * Whether `queueId` may be the dead-letter queue of an EventBridge rule target: it must be an
 * SQS standard queue (AWS refuses FIFO queues there).
 */
export function validateRuleDlq(scenario: Pick<Scenario, 'nodes'>, queueId: NodeId): { ok: true } | { ok: false; reason: string } {
  const reason = referenceProblem(new Map(scenario.nodes.map((n) => [n.id, n])), queueId, TARGET_DLQ_RULE);
  return reason ? { ok: false, reason } : { ok: true };
}
