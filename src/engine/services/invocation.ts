/**
 * Invocation records: one Lambda run over one async event or one ESM batch. Pooled and
 * indexed, so the completion timer carries an index and a run allocates nothing once warm.
 */
import type { Ledger, Unit } from '../kernel/ledger';
import type { Key } from './keyStore';

/** How a run ended. */
export const OUTCOME = { ok: 0, error: 1, timeout: 2, malformed: 3 } as const;
/** What happened to one record of the run. */
export const ITEM = { ok: 0, failed: 1, skipped: 2, notRun: 3, busy: 4 } as const;

/** One run of a function. */
export class Invocation {
  fn = -1;
  /** The event source mapping edge, or -1 for an async invocation. */
  esm = -1;
  n = 0;
  slots: number[] = [];
  versions: number[] = [];
  /** Unit id and root id of each record, for facts after the unit may have moved on. */
  ids: number[] = [];
  roots: number[] = [];
  /** True for an injected duplicate copy (processed, but not the unit's own receive). */
  dup: boolean[] = [];
  items: number[] = [];
  keys: Key[] = [];
  outcome = 0;
  durationMs = 0;
  /** When records that are not deleted become visible again (ESM). */
  visibleAt = 0;
  /** Throttled invoke attempts of this batch so far. */
  tries = 0;
  /** The stream lane of a stream batch (index into the run's lanes), else -1. */
  lane = -1;
  constructor(readonly idx: number) {}

  /** Adds a record. */
  add(u: Unit, duplicate: boolean): void {
    const i = this.n++;
    this.slots[i] = u.slot;
    this.versions[i] = u.version;
    this.ids[i] = u.id;
    this.roots[i] = u.root;
    this.dup[i] = duplicate;
    this.items[i] = ITEM.ok;
  }

  /** Drops records whose unit moved on since they were added (their timer-style check fails). */
  keepValid(ledger: Ledger): void {
    let k = 0;
    for (let i = 0; i < this.n; i++) {
      if (ledger.at(this.slots[i], this.versions[i]) === null) continue;
      this.slots[k] = this.slots[i];
      this.versions[k] = this.versions[i];
      this.ids[k] = this.ids[i];
      this.roots[k] = this.roots[i];
      this.dup[k] = this.dup[i];
      this.items[k] = this.items[i];
      k++;
    }
    this.n = k;
  }
}

/** Free list of invocation records. */
export class InvocationPool {
  readonly all: Invocation[] = [];
  private readonly free: number[] = [];

  /** A clean record for function `fn` via `esm` (-1: async). */
  acquire(fn: number, esm: number): Invocation {
    const idx = this.free.length > 0 ? this.free.pop()! : this.all.length;
    let inv = this.all[idx];
    if (inv === undefined) {
      inv = new Invocation(idx);
      this.all.push(inv);
    }
    inv.fn = fn;
    inv.esm = esm;
    inv.n = 0;
    inv.outcome = 0;
    inv.durationMs = 0;
    inv.visibleAt = 0;
    inv.tries = 0;
    inv.lane = -1;
    return inv;
  }

  /** Returns a record to the pool. */
  release(inv: Invocation): void {
    this.free.push(inv.idx);
  }
}
