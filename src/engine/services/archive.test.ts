import { describe, expect, it } from 'vitest';
import type { ArchiveReplay } from '../../model/types';
import { runChecked, ScenarioBuilder } from '../kernel/testkit';

const MIN = 60_000;

/** 30 orders in the first 15 minutes (one every 30 s), a bus archiving them, two rules. */
function scenario(replays: ArchiveReplay[], archivePattern = '') {
  return new ScenarioBuilder()
    .node('producer', 'shop', { behavior: { mode: 'rate', ratePerSecond: 1 / 30, count: 30, jitterMs: 0, template: { Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: { n: '{{seq}}' } } } })
    .node('eventBus', 'orders')
    .node('archive', 'orders-archive', { props: { EventPattern: archivePattern }, behavior: { replays } })
    .node('rule', 'live', { props: { EventPattern: '{"replay-name": [{"exists": false}]}' } })
    .node('rule', 'all', { props: { EventPattern: '{"source": ["com.example.orders"]}' } })
    .node('sqsQueue', 'live-q')
    .node('sqsQueue', 'all-q')
    .edge('publish', 'shop', 'orders')
    .edge('archiveOf', 'orders', 'orders-archive')
    .edge('busRule', 'orders', 'live')
    .edge('busRule', 'orders', 'all')
    .edge('ruleTarget', 'live', 'live-q')
    .edge('ruleTarget', 'all', 'all-q')
    .build();
}

const replay = (o: Partial<ArchiveReplay> = {}): ArchiveReplay => ({ ReplayName: 'rebuild', EventStartTime: 0, EventEndTime: 10 * MIN, startAtMs: 20 * MIN, FilterArns: [], ...o });

describe('EventBridge archives and replay', () => {
  it('archive every event of the bus', () => {
    const st = runChecked(scenario([]), 30 * MIN).stats();
    expect(st.nodes['orders-archive'].received).toBe(30);
    // Each event: the bus copy, one archive copy, two rule deliveries, two queue messages.
    expect(st.ledger).toMatchObject({ published: 30, copies: 180 });
  });

  it('archive only what their pattern matches', () => {
    const st = runChecked(scenario([], '{"detail": {"n": [{"numeric": ["<=", 5]}]}}'), 30 * MIN).stats();
    expect(st.nodes['orders-archive'].received).toBe(5);
  });

  it('a replay re-submits the window minute by minute with replay-name, and live rules can skip it', () => {
    const sim = runChecked(scenario([replay()]), 40 * MIN);
    const st = sim.stats();
    // Events at 0, 30 s, ... 9:30 are in [0, 10 min): 20 of them, replayed to both rules' filter.
    expect(st.nodes['orders-archive']).toMatchObject({ received: 30, sent: 20 });
    expect(sim.unitsAt('live-q')).toHaveLength(30);
    const all = sim.unitsAt('all-q', 100);
    expect(all).toHaveLength(50);
    const replayed = all.filter((m) => (m.body as Record<string, unknown>)['replay-name'] === 'rebuild');
    expect(replayed).toHaveLength(20);
    // Same event ids as the originals; not archived again.
    expect(new Set(replayed.map((m) => m.eventId))).toEqual(new Set(all.slice(0, 20).map((m) => m.eventId)));
    const times = sim.traceSince(0).filter((f) => f.kind === 'published' && f.nodeId === 'orders-archive').map((f) => f.timeMs);
    // Ten minutes replayed one second apart, starting at 20 min.
    expect(new Set(times)).toEqual(new Set(Array.from({ length: 10 }, (_, k) => 20 * MIN + k * 1000)));
  });

  it('a replay with FilterArns reaches only those rules', () => {
    const sim = runChecked(scenario([replay({ FilterArns: ['live'] })]), 40 * MIN);
    // The live rule excludes replays and the other rule is not listed: nobody sees them.
    expect(sim.unitsAt('live-q', 100)).toHaveLength(30);
    expect(sim.unitsAt('all-q', 100)).toHaveLength(30);
    expect(sim.stats().reasons).toMatchObject({ FilterNoMatch: 20 });
  });

  it('events archived after the replay started (ingest lag) are not in it', () => {
    const sim = runChecked(scenario([replay({ EventStartTime: 0, EventEndTime: 15 * MIN, startAtMs: 15 * MIN })]), 40 * MIN);
    const sent = sim.stats().nodes['orders-archive'].sent;
    expect(sent).toBeLessThan(30);
    expect(sent).toBeGreaterThan(15);
  });

  it('reports a replay window that ends before it starts', () => {
    const sim = runChecked(scenario([replay({ EventStartTime: 10 * MIN, EventEndTime: 5 * MIN })]), MIN);
    expect(sim.warnings).toContain('Archive orders-archive, replay rebuild: EventEndTime must be after EventStartTime; it replays nothing.');
  });
});
