import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index';
import { parseScenarioText } from '../../model/restoreScenario';
import { curveBetween, pointAt } from './geometry';
import { runContextOf } from './runContext';
import { formatClock, formatDuration, parseTime } from './time';
import { movementOf, movementsOf } from './tokens';
import type { InternalNode } from '@xyflow/react';

describe('tokens', () => {
  const r = parseScenarioText(readFileSync('public/examples/order-flow.json', 'utf8'));
  if (!r.ok) throw new Error('bad example');
  const ctx = runContextOf(r.value);
  const sim = createSimulation(r.value, 1, { traceMode: 'ring' });
  sim.runUntil(600_000);
  const facts = sim.traceSince(0);
  const classify = (ooo = new Set<number>()) => (f: (typeof facts)[number]) => movementOf(f, ctx.names, ctx.busOf, ctx.dlqs, ooo);

  it('moves messages through pipes, from schedules and back out of archives', () => {
    const sp = parseScenarioText(readFileSync('public/examples/streams-and-pipes.json', 'utf8'));
    if (!sp.ok) throw new Error('bad example');
    const spCtx = runContextOf(sp.value);
    const run = createSimulation(sp.value, 1, { traceMode: 'ring' });
    run.runUntil(1_500_000);
    const pairs = new Set(run.traceSince(0).flatMap((f) => {
      const m = movementOf(f, spCtx.names, spCtx.busOf, spCtx.dlqs, new Set());
      return m ? [`${m.from}>${m.to}`] : [];
    }));
    for (const p of ['orders>orders-pipe', 'orders-pipe>analytics', 'analytics>analytics-archive', 'analytics-archive>analytics', 'report-every-15-min>BuildReport']) expect(pairs, p).toContain(p);
  });

  it('moves messages along the connections they travel', () => {
    const pairs = new Set(facts.map(classify()).flatMap((m) => (m ? [`${m.from}>${m.to}`] : [])));
    expect(pairs).toEqual(
      new Set(['web-shop>orders', 'orders>high-value-orders', 'orders>all-orders', 'high-value-orders>high-value-alerts', 'all-orders>orders-queue', 'high-value-alerts>fraud-review-queue', 'high-value-alerts>NotifySales', 'orders-queue>ChargeCard', 'orders-queue>orders-dlq']),
    );
    const toDlq = facts.map(classify()).filter((m) => m?.to === 'orders-dlq');
    expect(toDlq.length).toBeGreaterThan(0);
    expect(toDlq.every((m) => m!.kind === 'dlq')).toBe(true);
    expect(facts.map(classify()).some((m) => m?.kind === 'retry')).toBe(true);
  });

  it('bounds a batch: notable movements first, routine ones merged per connection', () => {
    const moves = movementsOf(facts, 6, classify());
    expect(moves).toHaveLength(6);
    expect(moves[0].kind).toBe('dlq');
    const all = movementsOf(facts, 1_000, classify());
    const routine = all.filter((m) => m.kind === 'normal');
    expect(new Set(routine.map((m) => `${m.from}>${m.to}`)).size).toBe(routine.length);
    expect(routine.find((m) => m.from === 'web-shop')!.count).toBe(60);
  });

  it('follows the same bezier as React Flow, from handle to handle', () => {
    const node = (x: number, y: number) => ({ internals: { positionAbsolute: { x, y }, handleBounds: undefined }, measured: { width: 200, height: 50 } }) as unknown as InternalNode;
    const c = curveBetween(node(0, 0), node(400, 100));
    const p = { x: 0, y: 0 };
    pointAt(c, 0, p);
    expect(p).toEqual({ x: 200, y: 25 });
    pointAt(c, 1, p);
    expect(p).toEqual({ x: 400, y: 125 });
    pointAt(c, 0.5, p);
    expect(p).toEqual({ x: 300, y: 75 });
  });
});

describe('time', () => {
  it('reads and writes simulated time as people do', () => {
    expect(formatClock(65_250)).toBe('1:05.250');
    expect(formatClock(3_723_500, 1)).toBe('1:02:03.5');
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(90_000)).toBe('1 min 30 s');
    expect(formatDuration(250)).toBe('250 ms');
    expect(parseTime('90s')).toBe(90_000);
    expect(parseTime('2m')).toBe(120_000);
    expect(parseTime('1h30m')).toBe(5_400_000);
    expect(parseTime('1:30')).toBe(90_000);
    expect(parseTime('45')).toBe(45_000);
    expect(parseTime('soon')).toBeNull();
    expect(parseTime('2x')).toBeNull();
  });
});
