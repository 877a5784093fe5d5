/**
 * Which pattern a field holds and how it is judged: the mode (EventBridge pattern, SNS filter
 * policy on attributes or body), its size quota, how test events are read, and where its events
 * come from in the flow. Pure.
 */
import type { Scenario, ScenarioEdge, ScenarioNode } from '../../model/types';
import type { BusRuleInput, EventView, PatternMode } from '../../worker/protocolPatterns';
import type { FlowElement } from './arrivals';
import { awsName } from './flowHops';

/** The owner of an inspector field. */
export interface FieldOwner {
  kind: 'node' | 'edge';
  id: string;
}

/** Everything the pattern editor needs to know about one pattern field. */
export interface PatternTarget {
  /** "Event pattern of rule all-orders". */
  title: string;
  /** One line on what the pattern filters. */
  about: string;
  mode: PatternMode;
  /** Size quota (characters) when not the mode's default. */
  maxLength?: number;
  view: EventView;
  /** Where the tested events arrive. */
  element: FlowElement;
  /** The bus whose rules can be tested together (rules only). */
  busId?: string;
  /** A FilterCriteria list (several patterns, ORed) rather than one pattern. */
  list?: boolean;
}

/** Fields that hold patterns, by owner kind. */
export const PATTERN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  rule: ['EventPattern'],
  archive: ['EventPattern'],
  pipe: ['FilterPattern'],
  lambdaFunction: ['failWhen'],
  subscription: ['FilterPolicy'],
  eventSourceMapping: ['FilterCriteria'],
};

/** True when `field` of an element of kind `kind` is a pattern the editor handles. */
export const isPatternField = (kind: string, field: string): boolean => (PATTERN_FIELDS[kind] ?? []).includes(field);

/** The pattern target of a field, or null when the field is not a pattern. */
export function patternTargetFor(scenario: Scenario, owner: FieldOwner, field: string): PatternTarget | null {
  if (owner.kind === 'node') {
    const n = scenario.nodes.find((x) => x.id === owner.id);
    if (!n || !isPatternField(n.kind, field)) return null;
    return nodeTarget(scenario, n);
  }
  const e = scenario.edges.find((x) => x.id === owner.id);
  if (!e || !isPatternField(e.kind, field)) return null;
  return edgeTarget(scenario, e);
}

function nodeTarget(scenario: Scenario, n: ScenarioNode): PatternTarget | null {
  const name = awsName(n);
  switch (n.kind) {
    case 'rule': {
      const bus = scenario.edges.find((e) => e.kind === 'busRule' && e.target === n.id)?.source;
      return { title: `Event pattern of rule ${name}`, about: 'EventBridge event pattern: the events on the bus this rule sends to its targets.', mode: 'eventbridge', view: 'event', element: { kind: 'node', id: n.id }, ...(bus ? { busId: bus } : {}) };
    }
    case 'archive': {
      const bus = scenario.edges.find((e) => e.kind === 'archiveOf' && e.target === n.id)?.source;
      return { title: `Event pattern of archive ${name}`, about: 'EventBridge event pattern: the events of the bus this archive keeps.', mode: 'eventbridge', view: 'event', element: bus ? { kind: 'node', id: bus } : { kind: 'node', id: n.id } };
    }
    case 'pipe':
      return { title: `Filter of pipe ${name}`, about: 'EventBridge Pipes filter: source records that do not match are dropped.', mode: 'eventbridge', maxLength: 4096, view: 'lambdaRecord', element: { kind: 'node', id: n.id } };
    case 'lambdaFunction':
      return { title: `failWhen of function ${name}`, about: 'Simulation behaviour: items matching this pattern always fail (a poison message).', mode: 'eventbridge', maxLength: 4096, view: 'lambdaRecord', element: { kind: 'node', id: n.id } };
    default:
      return null;
  }
}

function edgeTarget(scenario: Scenario, e: ScenarioEdge): PatternTarget | null {
  const from = scenario.nodes.find((n) => n.id === e.source);
  const to = scenario.nodes.find((n) => n.id === e.target);
  const ends = `${from ? awsName(from) : e.source} → ${to ? awsName(to) : e.target}`;
  if (e.kind === 'subscription') {
    const body = e.props.FilterPolicyScope === 'MessageBody';
    return {
      title: `Filter policy of subscription ${ends}`,
      about: body ? 'SNS filter policy on the message body (FilterPolicyScope MessageBody).' : 'SNS filter policy on the message attributes (FilterPolicyScope MessageAttributes).',
      mode: body ? 'sns-body' : 'sns-attributes',
      view: 'event',
      element: { kind: 'edge', id: e.id },
    };
  }
  if (e.kind === 'eventSourceMapping') {
    return { title: `Filter criteria of event source mapping ${ends}`, about: 'Lambda event filtering: up to 5 patterns, ORed; records matching none are not passed to the function.', mode: 'eventbridge', maxLength: 4096, view: 'lambdaRecord', element: { kind: 'edge', id: e.id }, list: true };
  }
  return null;
}

/** The rules of a bus as the bus test sends them; `override` replaces one rule's pattern (the one being edited). */
export function busRules(scenario: Scenario, busId: string, override?: { ruleId: string; pattern: string }): BusRuleInput[] {
  const ids = scenario.edges.filter((e) => e.kind === 'busRule' && e.source === busId).map((e) => e.target);
  return scenario.nodes
    .filter((n): n is Extract<ScenarioNode, { kind: 'rule' }> => n.kind === 'rule' && ids.includes(n.id))
    .map((r) => ({ id: r.id, name: r.props.Name || r.id, pattern: override?.ruleId === r.id ? override.pattern : r.props.EventPattern, enabled: r.props.State !== 'DISABLED' }));
}
