/**
 * References held in props (where CloudFormation holds an ARN): DLQs and on-failure
 * destinations. Listed for the canvas (to draw them), the lint (they carry events too), and
 * removal (a deleted node must not stay referenced).
 */
import type { EdgeId, NodeId, Scenario, ScenarioEdge, ScenarioNode } from './types';

/** One reference from a node's or edge's props to another node. */
export interface PropReference {
  owner: { type: 'node'; id: NodeId } | { type: 'edge'; id: EdgeId };
  /** Path inside the owner's props, e.g. ['DeadLetterConfig', 'Arn']. */
  propPath: string[];
  /** The referenced node. */
  target: NodeId;
  /** The node whose failed events travel along the reference. */
  flowFrom: NodeId;
  /** What the referenced node is for the owner. */
  role: 'deadLetterQueue' | 'onFailureDestination';
}

function nodeReference(n: ScenarioNode): PropReference | undefined {
  const owner = { type: 'node' as const, id: n.id };
  if (n.kind === 'lambdaFunction' && n.props.DeadLetterConfig) {
    return { owner, propPath: ['DeadLetterConfig', 'TargetArn'], target: n.props.DeadLetterConfig.TargetArn, flowFrom: n.id, role: 'deadLetterQueue' };
  }
  if (n.kind === 'schedule' && n.props.DeadLetterConfig) {
    return { owner, propPath: ['DeadLetterConfig', 'Arn'], target: n.props.DeadLetterConfig.Arn, flowFrom: n.id, role: 'deadLetterQueue' };
  }
  return undefined;
}

function edgeReference(e: ScenarioEdge): PropReference | undefined {
  const owner = { type: 'edge' as const, id: e.id };
  if (e.kind === 'ruleTarget' && e.props.DeadLetterConfig) {
    return { owner, propPath: ['DeadLetterConfig', 'Arn'], target: e.props.DeadLetterConfig.Arn, flowFrom: e.source, role: 'deadLetterQueue' };
  }
  const onFailure = e.kind === 'eventSourceMapping' ? e.props.DestinationConfig?.OnFailure : undefined;
  if (onFailure) {
    return { owner, propPath: ['DestinationConfig', 'OnFailure', 'Destination'], target: onFailure.Destination, flowFrom: e.source, role: 'onFailureDestination' };
  }
  if (e.kind === 'subscription' && e.props.RedrivePolicy) {
    return { owner, propPath: ['RedrivePolicy', 'deadLetterTargetArn'], target: e.props.RedrivePolicy.deadLetterTargetArn, flowFrom: e.source, role: 'deadLetterQueue' };
  }
  return undefined;
}

/** Every reference held in props, nodes first. */
export function listReferences(s: Pick<Scenario, 'nodes' | 'edges'>): PropReference[] {
  const out: PropReference[] = [];
  for (const n of s.nodes) {
    const r = nodeReference(n);
    if (r) out.push(r);
  }
  for (const e of s.edges) {
    const r = edgeReference(e);
    if (r) out.push(r);
  }
  return out;
}

/** A copy of `props` without the setting that holds the reference (the whole DeadLetterConfig, ...). */
function withoutReference<T>(props: T, ref: PropReference): T {
  const copy = { ...(props as Record<string, unknown>) };
  delete copy[ref.propPath[0]];
  return copy as T;
}

/** Nodes and edges with every reference to `removed` cleared; unchanged items are shared. */
export function clearReferences<S extends Pick<Scenario, 'nodes' | 'edges'>>(s: S, removed: ReadonlySet<NodeId>): S {
  const nodes = s.nodes.map((n) => {
    const r = nodeReference(n);
    return r && removed.has(r.target) ? ({ ...n, props: withoutReference(n.props, r) } as ScenarioNode) : n;
  });
  const edges = s.edges.map((e) => {
    const r = edgeReference(e);
    return r && removed.has(r.target) ? ({ ...e, props: withoutReference(e.props, r) } as ScenarioEdge) : e;
  });
  return { ...s, nodes, edges };
}
