import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/index';
import { ScenarioBuilder } from '../engine/kernel/testkit';
import { parseScenarioText } from '../model/restoreScenario';
import type { Scenario } from '../model/types';
import { createSession, handleMessage, tick, wantsTicks, type WorkerSession } from './handleMessage';
import type { FromWorker } from './protocol';
import type { MessageLife } from './protocolView';
import { buildLife } from './view/messageLife';
import { replayRoot } from './view/replay';

function orderFlow(): Scenario {
  const r = parseScenarioText(readFileSync('public/examples/order-flow.json', 'utf8'));
  if (!r.ok) throw new Error('example does not restore');
  return r.value;
}

let nextId = 1;
function send(s: WorkerSession, msg: object): FromWorker {
  const replies = handleMessage(s, { requestId: nextId++, ...msg });
  expect(replies).toHaveLength(1);
  return replies[0];
}

function runTo(s: WorkerSession, timeMs: number): void {
  send(s, { type: 'runUntil', timeMs });
  while (wantsTicks(s)) tick(s, 10);
}

function session(scenario: Scenario, seed: number, untilMs: number): WorkerSession {
  const s = createSession();
  expect(send(s, { type: 'load', scenario, seed }).type).toBe('loaded');
  runTo(s, untilMs);
  return s;
}

function lifeOf(r: FromWorker): MessageLife {
  if (r.type !== 'inspected' || r.life === null) throw new Error(`no life: ${JSON.stringify(r).slice(0, 200)}`);
  return r.life;
}

describe('simulation view requests', () => {
  const s = session(orderFlow(), 1, 3_600_000);

  it('keeps the trace identical to a headless run of the same seed', () => {
    const headless = createSimulation(orderFlow(), 1, { traceMode: 'hash' });
    headless.runUntil(3_600_000);
    expect(s.sim!.sim.traceHash()).toBe(headless.traceHash());
  });

  it("shows a dead-lettered message's every receive against maxReceiveCount and the visibility timeout", () => {
    const live = send(s, { type: 'liveUnits', nodeId: 'orders-dlq' });
    if (live.type !== 'liveUnitsData') throw new Error(live.type);
    expect(live.total).toBe(3);
    const life = lifeOf(send(s, { type: 'inspectUnit', rootId: live.units[0].rootId }));
    expect(life.complete).toBe(true);
    expect(life.producerId).toBe('web-shop');
    expect(life.hops.map((h) => h.nodeId)).toEqual(['orders', 'high-value-orders', 'all-orders', 'high-value-alerts', 'fraud-review-queue', 'NotifySales', 'orders-queue', 'orders-dlq'].filter((n) => life.hops.some((h) => h.nodeId === n)));
    const bus = life.hops.find((h) => h.nodeId === 'orders')!;
    expect(JSON.parse(bus.payload.json)).toMatchObject({ 'detail-type': 'OrderPlaced', detail: { customer: 'customer-13' } });
    const queue = life.hops.find((h) => h.nodeId === 'orders-queue')!;
    expect(queue.state).toBe('inDlq');
    expect(queue.attempts.map((a) => [a.n, a.max, a.nodeId, a.outcome])).toEqual([
      [1, 3, 'ChargeCard', 'failed'],
      [2, 3, 'ChargeCard', 'failed'],
      [3, 3, 'ChargeCard', 'failed'],
    ]);
    for (const [i, a] of queue.attempts.entries()) {
      expect(a.reason).toBe('BatchItemFailure');
      // Visible again VisibilityTimeout (30 s) after the receive; the next receive is not earlier.
      expect(a.nextAtMs).toBe(a.startMs + 30_000);
      if (i > 0) expect(a.startMs).toBeGreaterThanOrEqual(queue.attempts[i - 1].nextAtMs!);
      const event = JSON.parse(a.payload!.json);
      expect(event.Records[0].attributes.ApproximateReceiveCount).toBe(String(a.n));
      expect(JSON.parse(event.Records[0].body).detail.customer).toBe('customer-13');
      expect(event.Records[0].eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:orders-queue');
    }
    expect(queue.events.at(-1)).toMatchObject({ kind: 'movedToDlq', nodeId: 'orders-dlq', attempt: 3, maxAttempts: 3, reason: 'maxReceiveCount' });
    const dlq = life.hops.find((h) => h.nodeId === 'orders-dlq')!;
    expect(dlq.state).toBe('queued');
    expect(dlq.parentId).toBe(queue.unitId);
    expect(JSON.parse(JSON.parse(dlq.payload.json).Body).detail.customer).toBe('customer-13');
  });

  it('rebuilds a message by replay exactly as the live index has it', () => {
    const live = send(s, { type: 'liveUnits', nodeId: 'orders-dlq' });
    if (live.type !== 'liveUnitsData') throw new Error(live.type);
    const root = live.units[1].rootId;
    const o = s.sim!.observer;
    const replayed = replayRoot(orderFlow(), 1, s.sim!.sim.eventsProcessed, root)!;
    const ctx = { topo: o.topo, seed: 1, publishRank: o.timelines.rank(root) };
    expect(buildLife(replayed, ctx)).toEqual(lifeOf(send(s, { type: 'inspectUnit', rootId: root })));
  });

  it('answers unknown messages without a life', () => {
    expect(send(s, { type: 'inspectUnit', rootId: 999_999 })).toMatchObject({ type: 'inspected', life: null });
  });

  it('lists arrivals per consumer with retries marked', () => {
    const r = send(s, { type: 'timeline', consumerId: 'ChargeCard' });
    if (r.type !== 'timelineData') throw new Error(r.type);
    expect(r.consumers.map((c) => c.nodeId).sort()).toEqual(['ChargeCard', 'NotifySales']);
    const cc = r.consumers.find((c) => c.nodeId === 'ChargeCard')!;
    const queue = s.sim!.sim.stats().nodes['orders-queue'];
    expect(cc.arrivals).toBe(queue.received + queue.duplicates);
    expect(cc.retries).toBe(queue.retries);
    expect(cc.retries).toBeGreaterThan(0);
    expect(r.arrivals.filter((a) => a.mark === 'retry').every((a) => a.attempt > 1)).toBe(true);
    expect(r.arrivals.filter((a) => a.attempt === 1).map((a) => a.publishRank)).toEqual([...r.arrivals.filter((a) => a.attempt === 1).map((a) => a.publishRank)].sort((a, b) => a - b));
  });

  it('samples chart series over simulated time', () => {
    const r = send(s, { type: 'series', top: 3 });
    if (r.type !== 'seriesData') throw new Error(r.type);
    expect(r.t.length).toBeGreaterThan(100);
    for (let i = 1; i < r.t.length; i++) expect(r.t[i]).toBeGreaterThan(r.t[i - 1]);
    const dlq = r.charts.find((c) => c.metric === 'dlqDepth')!;
    expect(dlq.series[0].nodeId).toBeNull();
    expect(dlq.series[0].values.at(-1)).toBe(3);
    const depth = r.charts.find((c) => c.metric === 'queueDepth')!;
    expect(depth.series.map((x) => x.nodeId)).toContain('fraud-review-queue');
    const conc = r.charts.find((c) => c.metric === 'concurrency')!;
    expect(Math.max(...conc.series[0].values)).toBeGreaterThan(0);
    const thr = r.charts.find((c) => c.metric === 'throughput')!;
    expect(thr.series.length).toBeLessThanOrEqual(3);
    expect(thr.series.every((x) => x.nodeId !== null)).toBe(true);
  });
});

describe('seek and stepUntil', () => {
  it('seeks back and forth to the same state as a fresh run', () => {
    const s = session(orderFlow(), 5, 200_000);
    const r = send(s, { type: 'seek', timeMs: 45_000 });
    while (wantsTicks(s)) tick(s, 10);
    const fresh = createSimulation(orderFlow(), 5, { traceMode: 'hash' });
    fresh.runUntil(45_000);
    expect(r.type).toBe('progress');
    expect(s.sim!.sim.now).toBe(45_000);
    expect(s.sim!.sim.traceHash()).toBe(fresh.traceHash());
  });

  it('steps to the next dead-letter move', () => {
    const s = session(orderFlow(), 1, 0);
    const r = send(s, { type: 'stepUntil', kinds: ['movedToDlq'] });
    if (r.type !== 'progress') throw new Error(r.type);
    // The step that moved it also enqueued the copy in the DLQ.
    expect(r.facts.slice(-3).map((f) => f.kind)).toContain('movedToDlq');
    expect(r.snapshot.nodes['orders-dlq'].units.queued).toBe(1);
  });

  it('marks out-of-order first arrivals on a reordering queue in progress reports', () => {
    const scenario = new ScenarioBuilder()
      .node('producer', 'p', { behavior: { mode: 'rate', ratePerSecond: 50, count: 300, jitterMs: 0 } })
      .node('sqsQueue', 'q', { behavior: { reorderRate: 0.3, duplicateRate: 0.05 } })
      .node('lambdaFunction', 'fn')
      .edge('publish', 'p', 'q')
      // Duplicates need room in the batch: a receive hands out at most BatchSize messages.
      .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 2 } })
      .build({ durationMs: 60_000 });
    const s = createSession();
    send(s, { type: 'load', scenario, seed: 3 });
    let marked = 0;
    for (let i = 0; i < 12; i++) {
      const r = send(s, { type: 'step', count: 400 });
      if (r.type !== 'progress') throw new Error(r.type);
      const seqs = new Set(r.facts.map((f) => f.seq));
      // Every mark points at a fact of its own report: a first receive at the consumer.
      for (const q of r.view!.outOfOrder) {
        expect(seqs.has(q)).toBe(true);
        expect(r.facts.find((f) => f.seq === q)!.kind).toBe('received');
      }
      marked += r.view!.outOfOrder.length;
    }
    expect(marked).toBeGreaterThan(0);
    const t = send(s, { type: 'timeline' });
    if (t.type !== 'timelineData') throw new Error(t.type);
    expect(t.consumerId).toBe('fn');
    expect(t.consumers[0].outOfOrder).toBe(marked);
    expect(t.consumers[0].duplicates).toBeGreaterThan(0);
  });
});
