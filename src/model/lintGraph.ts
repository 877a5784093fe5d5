/** Lint rules about the shape of the graph: loops, rules off a bus, destinations never used. */
import { cyclicComponents, flowGraph, route } from './graphCycles';
import { nodeDisplayName } from './ids';
import type { LintFinding } from './lintTypes';
import type { EdgeKind, NodeId, Scenario } from './types';

/** Edge kinds that invoke a Lambda function asynchronously (so its destinations apply). */
const ASYNC_INVOKERS: ReadonlySet<EdgeKind> = new Set(['ruleTarget', 'subscription', 'scheduleTarget', 'destination']);

/** Adds the graph findings of `s`; `at` maps node ids to indices. */
export function lintGraph(s: Scenario, at: ReadonlyMap<NodeId, number>, add: (f: LintFinding) => void): void {
  const byId = new Map(s.nodes.map((n) => [n.id, n]));
  const plain = (id: NodeId) => (byId.has(id) ? nodeDisplayName(byId.get(id)!) : id);
  const name = (id: NodeId) => `"${plain(id)}"`;
  const busOf = new Map(s.edges.filter((e) => e.kind === 'busRule').map((e) => [e.target, e.source]));

  s.nodes.forEach((n, i) => {
    if (n.kind === 'rule') {
      if (!busOf.has(n.id)) add({ severity: 'warning', code: 'ruleWithoutBus', path: `/nodes/${i}`, nodeId: n.id, message: `Rule ${name(n.id)} is not on an event bus, so it never runs.` });
      if (!s.edges.some((e) => e.kind === 'ruleTarget' && e.source === n.id)) add({ severity: 'warning', code: 'ruleWithoutTargets', path: `/nodes/${i}`, nodeId: n.id, message: `Rule ${name(n.id)} has no targets: the events it matches go nowhere.` });
    }
    if (n.kind === 'lambdaFunction') {
      const hasDestination = n.props.DeadLetterConfig !== undefined || s.edges.some((e) => e.kind === 'destination' && e.source === n.id);
      const invokedAsync = s.edges.some((e) => e.target === n.id && ASYNC_INVOKERS.has(e.kind));
      if (hasDestination && !invokedAsync) {
        add({ severity: 'warning', code: 'destinationNeverUsed', path: `/nodes/${i}`, nodeId: n.id, message: `Destinations and the DLQ of ${name(n.id)} apply only to asynchronous invocations (EventBridge, SNS, Scheduler, another function's destination); nothing invokes it that way.` });
      }
    }
  });

  const g = flowGraph(s);
  for (const comp of cyclicComponents(g)) {
    const within = new Set(comp);
    const rules = comp.filter((id) => byId.get(id)?.kind === 'rule' && within.has(busOf.get(id) ?? ''));
    for (const ruleId of rules) {
      const bus = busOf.get(ruleId)!;
      const path = route(g, ruleId, bus, within).map(plain).join(' → ');
      add({ severity: 'warning', code: 'ruleMatchesOwnOutput', path: `/nodes/${at.get(ruleId)}/props/EventPattern`, nodeId: ruleId, message: `Rule ${name(ruleId)} can match its own output: its targets lead back to bus ${name(bus)} (${path}). Unless its pattern excludes those events, they loop until the event budget stops the run.` });
    }
    if (rules.length === 0) {
      const first = comp[0];
      const path = route(g, first, first, within).map(plain).join(' → ');
      add({ severity: 'warning', code: 'eventLoop', path: `/nodes/${at.get(first)}`, nodeId: first, message: `Events can loop: ${path}. Each turn sends them round again until a failure, a filter or the event budget stops them.` });
    }
  }
}
