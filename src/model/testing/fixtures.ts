/** Test helpers (used by *.test.ts only): small valid scenarios built with the public API. */
import { applyEdit } from '../edits';
import type { ScenarioEdit } from '../editTypes';
import { createNode, emptyScenario, type NodeOverrides } from '../defaults';
import type { NodeKind, Scenario } from '../types';

/** Applies edits to a scenario, failing the test on refusal. */
export function build(edits: ScenarioEdit[], base: Scenario = emptyScenario()): Scenario {
  const r = applyEdit(base, { type: 'batch', edits });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** An addNode edit. */
export function node<K extends NodeKind>(kind: K, id: string, x = 0, y = 0, overrides: NodeOverrides<K> = {}): ScenarioEdit {
  return { type: 'addNode', node: createNode(kind, id, { x, y }, overrides) as never };
}

/** An addEdge edit (kind inferred). */
export function edge(id: string, source: string, target: string, props?: Record<string, unknown>): ScenarioEdit {
  return { type: 'addEdge', id, source, target, props };
}

/** A plain-JSON copy, to hand to restore as untrusted input. */
export function plain(s: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
}

/** A queue -> function pipeline with a DLQ: the shape most lint rules look at. */
export function queuePipeline(opts: { timeout?: number; visibility?: number; maxReceiveCount?: number; partial?: boolean; dlqRetention?: number } = {}): Scenario {
  return build([
    node('sqsQueue', 'q', 0, 0, { props: { VisibilityTimeout: opts.visibility ?? 60 } }),
    node('sqsQueue', 'dlq', 0, 100, { props: { MessageRetentionPeriod: opts.dlqRetention ?? 1209600 } }),
    node('lambdaFunction', 'fn', 250, 0, { props: { Timeout: opts.timeout ?? 10 } }),
    edge('e-dlq', 'q', 'dlq', { maxReceiveCount: opts.maxReceiveCount ?? 5 }),
    edge('e-esm', 'q', 'fn', { FunctionResponseTypes: opts.partial === false ? [] : ['ReportBatchItemFailures'] }),
  ]);
}
