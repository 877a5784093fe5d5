import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExampleIndex } from './examples';
import { lintScenario } from './lint';
import { parseScenarioText, serializeScenario } from './restoreScenario';
import type { Scenario } from './types';

const DIR = fileURLToPath(new URL('../../public/examples/', import.meta.url));
const read = (file: string) => readFileSync(DIR + file, 'utf8');
const index = JSON.parse(read('index.json')) as ExampleIndex;

function load(file: string): Scenario {
  const r = parseScenarioText(read(file));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.error, null, 2)}`);
  return r.value;
}

const NODE_W = 180;
const NODE_H = 60;

describe('built-in examples', () => {
  it('index.json lists every example file, with a title and a description', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
    expect(index.examples.map((e) => e.file).sort()).toEqual(files);
    expect(files).toContain(index.default);
    for (const e of index.examples) expect(e.title.length * e.description.length).toBeGreaterThan(0);
  });

  describe.each(index.examples.map((e) => e.file))('%s', (file) => {
    it('validates, with no lint error, and is stored in canonical form', () => {
      const s = load(file);
      expect(lintScenario(s).filter((f) => f.severity === 'error')).toEqual([]);
      // Complete and in schema key order: what the app exports is byte-identical.
      expect(serializeScenario(s)).toBe(read(file));
    });

    it('has nodes that do not overlap', () => {
      const { nodes } = load(file);
      for (const a of nodes) {
        for (const b of nodes) {
          if (a === b) continue;
          const apart = Math.abs(a.position.x - b.position.x) >= NODE_W || Math.abs(a.position.y - b.position.y) >= NODE_H;
          expect([a.id, b.id, apart]).toEqual([a.id, b.id, true]);
        }
      }
    });
  });

  it('the default example is the order flow the issue describes', () => {
    const s = load('order-flow.json');
    const kinds = s.nodes.map((n) => n.kind);
    expect(kinds.filter((k) => k === 'rule')).toHaveLength(2);
    const bus = s.nodes.find((n) => n.kind === 'eventBus');
    expect(bus?.kind === 'eventBus' && bus.props.BusType).toBe('custom');
    const producer = s.nodes.find((n) => n.kind === 'producer');
    expect(producer?.kind === 'producer' && producer.behavior).toMatchObject({ mode: 'rate', ratePerSecond: 2, count: 60 });
    const charge = s.nodes.find((n) => n.id === 'ChargeCard');
    expect(charge?.kind === 'lambdaFunction' && charge.behavior.failureRate).toBe(0.15);
    expect(charge?.kind === 'lambdaFunction' && charge.behavior.failWhen).toContain('customer-13');
    const edgeKinds = s.edges.map((e) => e.kind);
    expect(edgeKinds).toEqual(expect.arrayContaining(['publish', 'busRule', 'ruleTarget', 'subscription', 'redrive', 'eventSourceMapping']));
    expect(s.edges.filter((e) => e.kind === 'subscription')).toHaveLength(2);
    const redrive = s.edges.find((e) => e.kind === 'redrive');
    expect(redrive?.source === 'orders-queue' && redrive.props).toEqual({ maxReceiveCount: 3 });
    const xs = [...new Set(s.nodes.map((n) => n.position.x))].sort((a, b) => a - b);
    expect(xs.slice(1).map((x, i) => x - xs[i])).toEqual(xs.slice(1).map(() => 250));
  });

  it('the retries example has a target DLQ and an OnFailure destination', () => {
    const s = load('dlq-retries.json');
    expect(s.edges.some((e) => e.kind === 'ruleTarget' && e.props.DeadLetterConfig && e.behavior.failureRate > 0)).toBe(true);
    expect(s.edges.some((e) => e.kind === 'destination' && e.props.Condition === 'OnFailure')).toBe(true);
    expect(s.settings.durationMs).toBeLessThanOrEqual(3600000);
  });
});
