import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, record, redo, startHistory, undo } from './history';

describe('history', () => {
  it('records, undoes and redoes snapshots', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    expect(undo(h).present).toBe('b');
    expect(undo(undo(h)).present).toBe('a');
    expect(redo(undo(undo(h))).present).toBe('b');
    expect(undo(startHistory('x'))).toEqual(startHistory('x'));
  });
  it('clears redo on a new edit and ignores a no-op', () => {
    const h = undo(record(startHistory('a'), 'b'));
    expect(record(h, 'c').future).toEqual([]);
    expect(record(h, h.present)).toBe(h);
  });
  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});
