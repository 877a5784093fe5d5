import { describe, expect, it } from 'vitest';
import { Ledger, ST, type Payload } from './ledger';

const payload: Payload = { body: {}, eventId: 'e', groupId: undefined, dedupId: undefined, attributes: undefined };

describe('Ledger', () => {
  it('counts every unit in exactly one state and recycles settled records', () => {
    const l = new Ledger(2, 4);
    const root = l.create(0, -1, null, payload, ST.pending, 0);
    const child = l.create(1, -1, root, payload, ST.pending, 0);
    expect(child.root).toBe(root.id);
    l.move(child, ST.queued);
    l.settle(root, ST.delivered, 0);
    expect(l.audit()).toEqual([]);
    expect(l.published).toBe(1);
    expect(l.created).toBe(2);
    expect(l.counts[ST.delivered]).toBe(1);
    expect(l.counts[ST.queued]).toBe(1);
    const v = child.version;
    expect(l.at(child.slot, v)).toBe(child);
    l.settle(child, ST.dropped, 3);
    expect(l.at(child.slot, v)).toBeNull();
    const again = l.create(0, -1, null, payload, ST.pending, 5);
    expect(again.slot === child.slot || again.slot === root.slot).toBe(true);
    expect(again.id).toBe(3);
    expect(l.reasonCounts[3]).toBe(1);
    expect(l.audit()).toEqual([]);
  });

  it('refuses moves into terminal states and settling into live ones', () => {
    const l = new Ledger(1, 1);
    const u = l.create(0, -1, null, payload, ST.pending, 0);
    expect(() => l.move(u, ST.delivered)).toThrow();
    expect(() => l.settle(u, ST.queued, 0)).toThrow();
  });
});
