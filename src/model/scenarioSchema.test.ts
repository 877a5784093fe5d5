import { describe, expect, it } from 'vitest';
import { createEdge, createNode, emptyScenario } from './defaults';
import { scenarioSchema, type JsonSchema } from './scenarioSchema';
import { schemaErrors, edgeSchemaErrors, nodeSchemaErrors } from './validator';
import { EDGE_KINDS, NODE_KINDS } from './types';

/** Every property schema, with its JSON-pointer-like location. */
function properties(s: JsonSchema, at = '', out: Array<[string, JsonSchema]> = []): Array<[string, JsonSchema]> {
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    out.push([`${at}/${k}`, p]);
    properties(p, `${at}/${k}`, out);
    if (p.items) properties(p.items, `${at}/${k}[]`, out);
    if (typeof p.additionalProperties === 'object') out.push([`${at}/${k}/*`, p.additionalProperties]);
  }
  return out;
}

const all = [
  ...properties(scenarioSchema),
  ...Object.entries(scenarioSchema.definitions!).flatMap(([name, d]) => properties(d, name)),
];

describe('scenarioSchema', () => {
  it('compiles in Ajv strict mode', () => {
    expect(schemaErrors(emptyScenario())).toEqual([]);
  });

  it('describes every property in one line', () => {
    const missing = all.filter(([, p]) => !p.description || p.description.includes('\n')).map(([at]) => at);
    expect(missing).toEqual([]);
  });

  it('bounds every number', () => {
    const unbounded = all.filter(([, p]) => (p.type === 'integer' || p.type === 'number') && (p.minimum === undefined || p.maximum === undefined)).map(([at]) => at);
    expect(unbounded).toEqual([]);
  });

  it('bounds every string and explains every pattern', () => {
    expect(all.filter(([, p]) => p.type === 'string' && !p.enum && p.maxLength === undefined).map(([at]) => at)).toEqual([]);
    expect(all.filter(([, p]) => p.pattern && !p['x-hint']).map(([at]) => at)).toEqual([]);
  });

  it('has defaults that satisfy their own bounds', () => {
    for (const [at, p] of all) {
      if (typeof p.default !== 'number') continue;
      expect([at, p.default >= p.minimum! && p.default <= p.maximum!]).toEqual([at, true]);
    }
  });

  it('uses AWS defaults and bounds (a sample)', () => {
    const q = scenarioSchema.definitions!.node_sqsQueue.properties!.props.properties!;
    expect([q.VisibilityTimeout.default, q.VisibilityTimeout.maximum, q.MessageRetentionPeriod.default, q.DelaySeconds.maximum]).toEqual([30, 43200, 345600, 900]);
    const fn = scenarioSchema.definitions!.node_lambdaFunction.properties!.props.properties!;
    expect([fn.Timeout.default, fn.Timeout.maximum, fn.EventInvokeConfig.properties!.MaximumRetryAttempts.maximum]).toEqual([3, 900, 2]);
    const esm = scenarioSchema.definitions!.edge_eventSourceMapping.properties!.props.properties!;
    expect([esm.BatchSize.default, esm.BatchSize['x-streamDefault'], esm.ParallelizationFactor.maximum]).toEqual([10, 100, 10]);
    const rt = scenarioSchema.definitions!.edge_ruleTarget.properties!.props.properties!.RetryPolicy.properties!;
    expect([rt.MaximumRetryAttempts.default, rt.MaximumEventAgeInSeconds.default]).toEqual([185, 86400]);
  });

  it('validates every node and edge kind as created', () => {
    for (const kind of NODE_KINDS) expect([kind, nodeSchemaErrors(kind, createNode(kind, 'n', { x: 0, y: 0 }))]).toEqual([kind, []]);
    for (const kind of EDGE_KINDS) expect([kind, edgeSchemaErrors(kind, createEdge(kind, 'e', 'a', 'b'))]).toEqual([kind, []]);
  });
});
