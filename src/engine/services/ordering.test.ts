import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../model/restoreScenario';
import { runChecked } from '../kernel/testkit';

const EXAMPLES = fileURLToPath(new URL('../../../public/examples/', import.meta.url));

function example(file: string) {
  const r = parseScenarioText(readFileSync(EXAMPLES + file, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The order in which each consumer finished the updates (deletes / checkpoints). */
function processedOrder(sim: ReturnType<typeof runChecked>, source: string): string[] {
  return sim
    .traceSince(0)
    .filter((f) => f.kind === 'delivered' && f.nodeId === source && f.edgeId?.startsWith('e-esm'))
    .map((f) => f.label!);
}

/** Is each customer's sequence (A-1, A-2, ...) in order? */
function inOrderPerCustomer(order: string[]): boolean {
  const last = new Map<string, number>();
  for (const id of order) {
    const [customer, step] = id.split('-');
    if ((last.get(customer) ?? 0) > Number(step)) return false;
    last.set(customer, Number(step));
  }
  return true;
}

describe('ordering made visible (public/examples/ordering.json)', () => {
  const s = example('ordering.json');
  const sim = runChecked(s, s.settings.durationMs);

  it('every update reaches all three consumers, with failures retried', () => {
    const st = sim.stats();
    expect(st.ledger).toMatchObject({ published: 36, copies: 48, delivered: 48 });
    expect(st.nodes.StandardConsumer).toMatchObject({ invocations: 16, itemFailures: 4 });
    expect(st.nodes.FifoConsumer).toMatchObject({ invocations: 15, itemFailures: 3 });
    expect(st.nodes.StreamConsumer).toMatchObject({ invocations: 23, failed: 11, retries: 11 });
  });

  it('standard queue: a failed update is overtaken by later ones of the same customer', () => {
    const order = processedOrder(sim, 'standard-queue');
    expect(order).toEqual(['A-1', 'B-1', 'C-1', 'A-2', 'B-2', 'A-3', 'B-3', 'B-4', 'C-4', 'C-2', 'C-3', 'A-4']);
    expect(inOrderPerCustomer(order)).toBe(false);
  });

  it('FIFO queue: each customer (message group) stays in order; other customers go on', () => {
    const order = processedOrder(sim, 'fifo-queue');
    expect(order).toEqual(['A-1', 'B-1', 'C-1', 'A-2', 'B-2', 'C-2', 'A-3', 'B-3', 'A-4', 'B-4', 'C-3', 'C-4']);
    expect(inOrderPerCustomer(order)).toBe(true);
  });

  it('stream: order per customer (partition key); a failure holds every customer on its shard', () => {
    const order = processedOrder(sim, 'order-stream');
    expect(order).toEqual(['A-1', 'B-1', 'B-2', 'B-3', 'B-4', 'C-1', 'A-2', 'C-2', 'A-3', 'C-3', 'A-4', 'C-4']);
    expect(inOrderPerCustomer(order)).toBe(true);
    // A and C share a shard: C-1's retries kept A-2 waiting although A-2 had not failed.
    const shards = sim.stats().nodes['order-stream'].stream!.shards.map((x) => x.records);
    expect(shards).toEqual([8, 4]);
  });
});
