/**
 * EventBridge buses and rules (aws-semantics 1.2, 1.3). An event arriving at a bus is matched
 * against every enabled pattern rule on it; each (rule x target) pair becomes its own child
 * delivery unit with its own retry state (ruleTarget.ts). No match: the event is filteredOut.
 */
import type { NodeOf } from '../../model/types';
import { ST, type Unit } from '../kernel/ledger';
import { C, type Sim } from '../kernel/sim';
import { outEdges, targetOf } from '../kernel/topology';
import { RS, TK } from '../trace';
import { compileRules, type RuleMatcher } from './patternMatch';
import { initTarget, startDeliveries } from './ruleTarget';
import { archiveEvent, type ArchiveRt } from './archive';

const NONE: number[] = [];

/** EventBridge allows at most 5 targets per rule; the engine uses the first 5. */
export const MAX_TARGETS_PER_RULE = 5;

interface RuleRt {
  node: number;
  targets: number[];
}

/** Runtime state of one bus: its enabled pattern rules, matched together. */
export interface BusRt {
  rules: RuleRt[];
  matcher: RuleMatcher;
  /** Archives of this bus (archive.ts wires them). */
  archives: ArchiveRt[];
}

/** Builds a bus and its rules' targets; pushes problems to `warnings`. */
export function initBus(sim: Sim, node: number, warnings: string[]): void {
  const rules: RuleRt[] = [];
  const patterns: string[] = [];
  for (const e of outEdges(sim.topo, node, 'busRule')) {
    const r = targetOf(sim.topo, e);
    const rn = sim.topo.nodes[r];
    if (rn.kind !== 'rule') continue;
    const rule = rn as NodeOf<'rule'>;
    let targets = outEdges(sim.topo, r, 'ruleTarget');
    if (targets.length > MAX_TARGETS_PER_RULE) {
      warnings.push(`Rule ${rule.id} has ${targets.length} targets; EventBridge allows ${MAX_TARGETS_PER_RULE}, the first ${MAX_TARGETS_PER_RULE} are used.`);
      targets = targets.slice(0, MAX_TARGETS_PER_RULE);
    }
    for (const t of targets) initTarget(sim, t, r);
    if (rule.props.State === 'DISABLED') continue;
    if (rule.props.EventPattern.trim() === '') {
      // Schedule-expression rules emit on their own (issue: schedules); they match nothing here.
      if (rule.props.ScheduleExpression === '') warnings.push(`Rule ${rule.id} has neither an event pattern nor a schedule.`);
      continue;
    }
    rules.push({ node: r, targets });
    patterns.push(rule.props.EventPattern);
  }
  const { matcher, errors } = compileRules(patterns);
  for (const e of errors) warnings.push(`Rule ${sim.topo.nodes[rules[e.index].node].id}: ${e.message}. It matches nothing.`);
  const rt: BusRt = { rules, matcher, archives: [] };
  sim.rt[node] = rt;
}

/** Routes an event that arrived at bus `node`: match, fan out, or filter out. */
export function acceptAtBus(sim: Sim, u: Unit, node: number): void {
  const rt = sim.rt[node] as BusRt;
  sim.fact(TK.accepted, node, u.edge, u);
  sim.count(node, C.received);
  const event = u.payload!.body;
  for (let k = 0; k < rt.archives.length; k++) archiveEvent(sim, rt.archives[k], u);
  const hits = rt.rules.length === 0 ? NONE : rt.matcher.match(event);
  // A replay restricted to some rules (Destination.FilterArns) is seen by those only.
  const only = u.payload!.replay?.rules ?? null;
  let matched = 0;
  let children = 0;
  for (let k = 0; k < hits.length; k++) {
    const rule = rt.rules[hits[k]];
    if (only !== null && !only.includes(rule.node)) continue;
    matched++;
    children += startDeliveries(sim, rule.node, rule.targets, u);
  }
  if (matched === 0) {
    sim.fact(TK.filteredOut, node, -1, u, -1, -1, -1, -1, RS.FilterNoMatch);
    sim.ledger.settle(u, ST.filteredOut, RS.FilterNoMatch);
    return;
  }
  sim.fact(TK.delivered, node, -1, u, -1, -1, -1, children);
  sim.ledger.settle(u, ST.delivered, 0);
}
