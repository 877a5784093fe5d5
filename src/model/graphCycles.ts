/**
 * Where events can loop: the graph of every path an event (or a failed event) can travel,
 * its strongly connected components, and a shortest route between two of its nodes.
 */
import { listReferences } from './references';
import type { EdgeKind, NodeId, Scenario } from './types';

/** Edge kinds along which events travel (an archive only keeps them). */
const FLOW_KINDS: ReadonlySet<EdgeKind> = new Set([
  'publish', 'busRule', 'ruleTarget', 'eventSourceMapping', 'subscription', 'destination', 'redrive', 'pipeSource', 'pipeTarget', 'scheduleTarget',
]);

/** Successors of each node along event flow, props references (DLQs, destinations) included. */
export function flowGraph(s: Pick<Scenario, 'nodes' | 'edges'>): Map<NodeId, NodeId[]> {
  const g = new Map<NodeId, NodeId[]>(s.nodes.map((n) => [n.id, []]));
  const link = (a: NodeId, b: NodeId) => g.get(a)?.push(b);
  for (const e of s.edges) if (FLOW_KINDS.has(e.kind)) link(e.source, e.target);
  for (const r of listReferences(s)) link(r.flowFrom, r.target);
  return g;
}

/** Strongly connected components with a cycle (Tarjan, iterative: any graph size). */
export function cyclicComponents(g: ReadonlyMap<NodeId, NodeId[]>): NodeId[][] {
  const index = new Map<NodeId, number>();
  const low = new Map<NodeId, number>();
  const onStack = new Set<NodeId>();
  const stack: NodeId[] = [];
  const out: NodeId[][] = [];
  let counter = 0;
  for (const root of g.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ v: NodeId; next: number }> = [{ v: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const succ = g.get(frame.v) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, next: 0 });
        } else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.v)!));
      }
      if (low.get(frame.v) === index.get(frame.v)) {
        const comp: NodeId[] = [];
        let w: NodeId;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.v);
        if (comp.length > 1 || (g.get(frame.v) ?? []).includes(frame.v)) out.push(comp.reverse());
      }
    }
  }
  return out;
}

/** A shortest route from `from` to `to` (both included), staying inside `within`; [] if none. */
export function route(g: ReadonlyMap<NodeId, NodeId[]>, from: NodeId, to: NodeId, within: ReadonlySet<NodeId>): NodeId[] {
  const prev = new Map<NodeId, NodeId>();
  const queue: NodeId[] = [from];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of g.get(v) ?? []) {
      if (!within.has(w) || prev.has(w)) continue;
      prev.set(w, v);
      if (w === to) {
        const path = [to];
        for (let x = v; x !== from; x = prev.get(x)!) path.unshift(x);
        return [from, ...path];
      }
      queue.push(w);
    }
  }
  return [];
}
