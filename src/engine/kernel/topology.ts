import type { EdgeKind, NodeKind, Scenario, ScenarioEdge, ScenarioNode } from '../../model/types';

/** The scenario graph, indexed once for the engine: nodes and edges by position. */
export interface Topology {
  readonly nodes: readonly ScenarioNode[];
  readonly edges: readonly ScenarioEdge[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Outgoing edge indices per node, in document order. */
  readonly out: readonly number[][];
  /** Incoming edge indices per node, in document order. */
  readonly inn: readonly number[][];
  /** Edges the engine ignores (dangling ends), with why. */
  readonly warnings: string[];
}

/** Indexes a scenario. Edges with a missing end are left out and reported. */
export function buildTopology(scenario: Scenario): Topology {
  const nodeIndex = new Map<string, number>();
  scenario.nodes.forEach((n, i) => nodeIndex.set(n.id, i));
  const out: number[][] = scenario.nodes.map(() => []);
  const inn: number[][] = scenario.nodes.map(() => []);
  const warnings: string[] = [];
  scenario.edges.forEach((e, i) => {
    const s = nodeIndex.get(e.source);
    const t = nodeIndex.get(e.target);
    if (s === undefined || t === undefined) {
      warnings.push(`Edge ${e.id} (${e.kind}) has a missing end and is ignored.`);
      return;
    }
    out[s].push(i);
    inn[t].push(i);
  });
  const topo: Topology = { nodes: scenario.nodes, edges: scenario.edges, nodeIndex, out, inn, warnings };
  for (const c of findCycles(topo)) {
    warnings.push(`Cycle: ${c.join(' → ')}. Events may circulate until settings.eventBudget stops the run.`);
  }
  return topo;
}

/** Outgoing edges of `node` of one kind, in document order. */
export function outEdges(topo: Topology, node: number, kind: EdgeKind): number[] {
  return topo.out[node].filter((e) => topo.edges[e].kind === kind);
}

/** Incoming edges of `node` of one kind, in document order. */
export function inEdges(topo: Topology, node: number, kind: EdgeKind): number[] {
  return topo.inn[node].filter((e) => topo.edges[e].kind === kind);
}

/** Index of an edge's target node. */
export function targetOf(topo: Topology, edge: number): number {
  return topo.nodeIndex.get(topo.edges[edge].target)!;
}

/** Index of an edge's source node. */
export function sourceOf(topo: Topology, edge: number): number {
  return topo.nodeIndex.get(topo.edges[edge].source)!;
}

/** Kind of node `i`. */
export function kindOf(topo: Topology, i: number): NodeKind {
  return topo.nodes[i].kind;
}

/**
 * Node cycles along which events can flow (Tarjan's SCC; one representative cycle per
 * component), including DLQs and failure destinations named in props (a rule target's
 * DeadLetterConfig, a subscription's RedrivePolicy, a stream mapping's OnFailure). Used to flag
 * runaway loops at load.
 */
export function findCycles(topo: Topology): string[][] {
  const n = topo.nodes.length;
  const succ: number[][] = topo.nodes.map(() => []);
  for (const e of topo.edges) {
    const s = topo.nodeIndex.get(e.source);
    const t = topo.nodeIndex.get(e.target);
    if (s === undefined || t === undefined || e.kind === 'archiveOf') continue;
    succ[s].push(t);
    // DLQs and failure destinations named in props are edges too.
    const ref =
      e.kind === 'ruleTarget' ? e.props.DeadLetterConfig?.Arn : e.kind === 'subscription' ? e.props.RedrivePolicy?.deadLetterTargetArn : e.kind === 'eventSourceMapping' ? e.props.DestinationConfig?.OnFailure?.Destination : undefined;
    const d = ref === undefined ? undefined : topo.nodeIndex.get(ref);
    if (d !== undefined) succ[s].push(d);
  }
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const strong = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (const w of succ[v]) {
      if (index[w] < 0) {
        strong(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
    }
    if (low[v] !== index[v]) return;
    const comp: number[] = [];
    let w: number;
    do {
      w = stack.pop()!;
      onStack[w] = false;
      comp.push(w);
    } while (w !== v);
    const self = succ[v].includes(v);
    if (comp.length > 1 || self) cycles.push(cyclePath(comp, succ).map((i) => topo.nodes[i].id));
  };
  for (let v = 0; v < n; v++) if (index[v] < 0) strong(v);
  return cycles;
}

/** A closed walk through a strongly connected component, starting at its first node. */
function cyclePath(comp: number[], succ: number[][]): number[] {
  const inComp = new Set(comp);
  const start = Math.min(...comp);
  const prev = new Map<number, number>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of succ[v]) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)!) path.splice(1, 0, x);
        path.push(start);
        return path;
      }
      if (!seen.has(w)) {
        seen.add(w);
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
