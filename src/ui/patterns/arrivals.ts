/**
 * What arrives at a node or connection of the user's flow, built from the producers upstream:
 * each producer's event template is sent along every path that reaches the element, wrapped hop
 * by hop with the sample catalogue's envelopes. This is "what the bus has seen" for completion,
 * and the test events offered for a rule, a subscription, an event source mapping or a pipe.
 * Pure and deterministic.
 */
import { tryWrapChain, type Hop } from '../../model/samples/index';
import type { EventTemplate, Scenario, ScenarioEdge, ScenarioNode } from '../../model/types';
import { downstreamChains, stepLabel, type FlowChain } from './flowHops';

/** The element whose input is wanted. */
export type FlowElement = { kind: 'node'; id: string } | { kind: 'edge'; id: string };

/** One payload reaching the element. */
export interface Arrival {
  /** "producer shop → orders → all-orders". */
  label: string;
  producerId: string;
  payload: unknown;
  /** SNS message attributes the producer sets, if any. */
  attributes?: Record<string, unknown>;
}

/** The template a producer sends (its first listed event in list mode). */
export function producerTemplate(p: ScenarioNode): EventTemplate | null {
  if (p.kind !== 'producer') return null;
  const b = p.behavior;
  if (b.mode === 'list' && b.events.length > 0) return b.events[0];
  return b.template;
}

/**
 * A template's strings with placeholders filled for a sample: `{{seq}}` is 1, `{{rand:a-b}}` is
 * a; a string that is only a placeholder becomes the number, as the engine does.
 */
export function sampleValue(v: unknown, depth = 0): unknown {
  if (depth > 64) return v;
  if (typeof v === 'string') {
    const one = /^\{\{(?:seq|rand:(-?\d+)-(-?\d+))\}\}$/.exec(v);
    if (one) return one[1] === undefined ? 1 : Math.min(Number(one[1]), Number(one[2]));
    return v.replace(/\{\{(?:seq|rand:(-?\d+)-(-?\d+))\}\}/g, (_m, a?: string, b?: string) => (a === undefined ? '1' : String(Math.min(Number(a), Number(b)))));
  }
  if (Array.isArray(v)) return v.map((x) => sampleValue(x, depth + 1));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sampleValue(x, depth + 1)]));
  return v;
}

/** What a producer puts on its first connection: a PutEvents entry for a bus, the Detail elsewhere. */
export function producerPayload(t: EventTemplate, firstTarget: ScenarioNode | undefined): unknown {
  const detail = sampleValue(t.Detail);
  if (firstTarget?.kind === 'eventBus') return { Source: t.Source, DetailType: t.DetailType, Detail: detail };
  return detail;
}

/** Connections whose own hop happens after their filter: the filter sees what arrives before it. */
const FILTER_BEFORE_HOP: ReadonlySet<ScenarioEdge['kind']> = new Set(['subscription', 'ruleTarget']);

/** Every payload reaching `el` from the scenario's producers (at most `max`). */
export function arrivalsAt(scenario: Scenario, el: FlowElement, max = 12): Arrival[] {
  const out: Arrival[] = [];
  const seen = new Set<string>();
  for (const p of scenario.nodes) {
    if (p.kind !== 'producer') continue;
    const t = producerTemplate(p);
    if (!t) continue;
    for (const chain of downstreamChains(scenario, p.id)) {
      const cut = cutAt(chain, el);
      if (cut < 0) continue;
      const steps = chain.steps.slice(0, cut);
      const key = `${p.id}|${steps.map((s) => s.edge.id).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const hops = steps.map((s) => s.hop).filter((h): h is Hop => h !== null);
      const attributes = t.MessageAttributes ? (sampleValue(t.MessageAttributes) as Record<string, unknown>) : undefined;
      const withAttrs = hops.map((h) => (attributes && (h.kind === 'snsToSqs' || h.kind === 'snsToLambda') ? { ...h, messageAttributes: attributes } : h));
      const start = producerPayload(t, chain.steps[0]?.node);
      const wrapped = withAttrs.length === 0 ? null : tryWrapChain(start, withAttrs, { seed: p.id });
      if (wrapped && !wrapped.ok) continue;
      const payload = wrapped ? wrapped.value[wrapped.value.length - 1].payload : start;
      const label = [nameOf(p), ...steps.map((s) => stepLabel(s))].join(' → ');
      out.push({ label, producerId: p.id, payload, ...(attributes ? { attributes } : {}) });
      if (out.length >= max) return out;
    }
  }
  return out;
}

/** How many steps of `chain` lead to `el` (its payload is after them); -1 when it never does. */
function cutAt(chain: FlowChain, el: FlowElement): number {
  for (let i = 0; i < chain.steps.length; i++) {
    const s = chain.steps[i];
    if (el.kind === 'node' && s.node.id === el.id) return i + 1;
    if (el.kind === 'edge' && s.edge.id === el.id) return FILTER_BEFORE_HOP.has(s.edge.kind) ? i : i + 1;
  }
  return -1;
}

const nameOf = (n: ScenarioNode) => {
  const p = n.props as unknown as Record<string, unknown>;
  return typeof p.Name === 'string' && p.Name ? p.Name : n.id;
};
