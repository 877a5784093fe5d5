/**
 * Where an SQS queue keeps its visible messages. Standard: one ring of references (best-effort
 * order). FIFO: per-MessageGroupId lists in sequence order plus a queue of groups that are
 * ready (have visible messages and nothing in flight); a group is locked while any of its
 * messages is in flight (aws-semantics 2.4).
 */
import type { Ledger, Unit } from '../kernel/ledger';
import { UnitDeque } from '../kernel/unitDeque';

/** One FIFO message group. */
export class FifoGroup {
  /** (slot, id, seq) triples from `head` on, sorted by seq. */
  refs: number[] = [];
  head = 0;
  inFlight = 0;
  ready = false;
  constructor(readonly id: string) {}

  /** Visible messages held (stale references included). */
  get length(): number {
    return (this.refs.length - this.head) / 3;
  }
}

/** FIFO message store. */
export class FifoStore {
  readonly groups = new Map<string, FifoGroup>();
  private readyQ: FifoGroup[] = [];
  private readyHead = 0;

  /** Adds a newly visible message at the tail of its group. */
  push(u: Unit, groupId: string): FifoGroup {
    let g = this.groups.get(groupId);
    if (g === undefined) {
      g = new FifoGroup(groupId);
      this.groups.set(groupId, g);
    }
    g.refs.push(u.slot, u.id, u.aux);
    this.markReady(g);
    return g;
  }

  /** Puts a message whose visibility expired back in sequence order; unlocks its group. */
  returnMessage(u: Unit, g: FifoGroup): void {
    let i = g.refs.length;
    while (i > g.head && g.refs[i - 1] > u.aux) i -= 3;
    g.refs.splice(i, 0, u.slot, u.id, u.aux);
    g.inFlight--;
    this.markReady(g);
  }

  /** A message of `g` left the flight (deleted, expired): the group may unlock. */
  released(g: FifoGroup): void {
    g.inFlight--;
    this.markReady(g);
    this.forgetIfEmpty(g);
  }

  /** Next ready group, or null. The caller takes messages and then calls `afterTake`. */
  nextReadyGroup(): FifoGroup | null {
    while (this.readyHead < this.readyQ.length) {
      const g = this.readyQ[this.readyHead++];
      g.ready = false;
      if (g.inFlight === 0 && g.length > 0) return g;
    }
    if (this.readyHead > 1024) {
      this.readyQ = this.readyQ.slice(this.readyHead);
      this.readyHead = 0;
    }
    return null;
  }

  /** Front message of `g` that is still live in `ledger`, dropping stale references. */
  front(g: FifoGroup, ledger: Ledger): Unit | null {
    while (g.head < g.refs.length) {
      const u = ledger.byRef(g.refs[g.head], g.refs[g.head + 1]);
      if (u !== null) return u;
      g.head += 3;
    }
    return null;
  }

  /** Removes the front reference of `g`. */
  shift(g: FifoGroup): void {
    g.head += 3;
    if (g.head > 96 && g.head * 2 > g.refs.length) {
      g.refs = g.refs.slice(g.head);
      g.head = 0;
    }
  }

  /** After a receive took messages from `g`. */
  afterTake(g: FifoGroup): void {
    this.markReady(g);
    this.forgetIfEmpty(g);
  }

  private markReady(g: FifoGroup): void {
    if (!g.ready && g.inFlight === 0 && g.length > 0) {
      g.ready = true;
      this.readyQ.push(g);
    }
  }

  private forgetIfEmpty(g: FifoGroup): void {
    if (g.inFlight === 0 && g.length === 0 && !g.ready) this.groups.delete(g.id);
  }
}

/** Standard-queue message store. */
export class StandardStore {
  readonly refs = new UnitDeque(64);
}
