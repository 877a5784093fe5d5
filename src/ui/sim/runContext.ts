import type { Scenario } from '../../model/types';
// A pure helper of the model (no engine): the worker and the canvas agree on what a DLQ is.
import { dlqNodes } from '../../worker/view/dlqNodes';
import { namesOf, type Names } from './narrate';

/** What the simulation view derives once per document: names, DLQs, each rule's bus. */
export interface RunContext {
  names: Names;
  dlqs: ReadonlySet<string>;
  busOf(rule: string): string | undefined;
  /** The function an event source mapping edge feeds, if `edgeId` is one. */
  consumerOf(edgeId: string | undefined): string | undefined;
}

const cache = new WeakMap<Scenario, RunContext>();

/** The run context of `scenario` (memoised per document). */
export function runContextOf(scenario: Scenario): RunContext {
  let c = cache.get(scenario);
  if (c) return c;
  const bus = new Map<string, string>();
  const esm = new Map<string, string>();
  for (const e of scenario.edges) {
    if (e.kind === 'busRule') bus.set(e.target, e.source);
    if (e.kind === 'eventSourceMapping') esm.set(e.id, e.target);
  }
  c = {
    names: namesOf(scenario),
    dlqs: dlqNodes(scenario),
    busOf: (rule) => bus.get(rule),
    consumerOf: (id) => (id === undefined ? undefined : esm.get(id)),
  };
  cache.set(scenario, c);
  return c;
}
