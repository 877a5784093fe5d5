/** fast-check arbitraries of valid scenarios, built through the public edit API. */
import fc from 'fast-check';
import { canConnect } from '../connections';
import { createNode, emptyScenario } from '../defaults';
import { applyEdit } from '../edits';
import { nextId } from '../ids';
import { NODE_KINDS, type NodeKind, type Scenario } from '../types';

const MAX_NODES = 12;

/** Random but valid props for a node kind (a few fields, within AWS bounds). */
function overridesFor(kind: NodeKind, r: number[]): Record<string, unknown> {
  const pick = (i: number, n: number) => Math.floor(r[i] * n);
  switch (kind) {
    case 'sqsQueue':
      return { props: { FifoQueue: r[0] < 0.3, VisibilityTimeout: pick(1, 43201), MessageRetentionPeriod: 60 + pick(2, 1209541) } };
    case 'snsTopic':
      return { props: { FifoTopic: r[0] < 0.3 } };
    case 'lambdaFunction':
      return { props: { Timeout: 1 + pick(1, 900) }, behavior: { failureRate: Math.round(r[2] * 100) / 100 } };
    case 'rule':
      return r[0] < 0.3 ? { props: { EventPattern: '', ScheduleExpression: `rate(${1 + pick(1, 59)} minutes)` } } : { props: { State: r[1] < 0.5 ? 'ENABLED' : 'DISABLED' } };
    case 'producer':
      return { props: { Name: `Shop <b>${pick(1, 9)}</b> & "co"` }, behavior: { ratePerSecond: 1 + pick(1, 50), count: pick(2, 1000) } };
    case 'kinesisStream':
      return { props: { ShardCount: 1 + pick(1, 8), StreamType: r[2] < 0.5 ? 'kinesis' : 'dynamodb' } };
    default:
      return {};
  }
}

/** Valid scenarios: random nodes, random settings, and whichever random connections AWS allows. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    kinds: fc.array(fc.constantFrom(...NODE_KINDS), { maxLength: MAX_NODES }),
    randoms: fc.array(fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: MAX_NODES, maxLength: MAX_NODES }),
    positions: fc.array(fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) }), { minLength: MAX_NODES, maxLength: MAX_NODES }),
    pairs: fc.array(fc.tuple(fc.nat(MAX_NODES - 1), fc.nat(MAX_NODES - 1)), { maxLength: 24 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    name: fc.string({ unit: 'grapheme', maxLength: 40 }),
  })
  .map(({ kinds, randoms, positions, pairs, seed, name }) => {
    let s: Scenario = { ...emptyScenario(), name, settings: { ...emptyScenario().settings, seed } };
    kinds.forEach((kind, i) => {
      const r = applyEdit(s, { type: 'addNode', node: createNode(kind, nextId(s, kind), positions[i], overridesFor(kind, randoms[i]) as never) });
      if (r.ok) s = r.value;
    });
    for (const [a, b] of pairs) {
      const source = s.nodes[a];
      const target = s.nodes[b];
      if (!source || !target || !canConnect(s, source.id, target.id).ok) continue;
      const r = applyEdit(s, { type: 'addEdge', id: nextId(s, 'publish'), source: source.id, target: target.id });
      if (r.ok) s = r.value;
    }
    return s;
  });
