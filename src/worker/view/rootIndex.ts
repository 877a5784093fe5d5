/**
 * What the worker remembers per published message for the inspector: every copy (unit) as it
 * was born, with its payload, and every fact about it. Bounded: the oldest messages are
 * forgotten first; a forgotten or gappy message is rebuilt by replay (`replay.ts`).
 */
import type { TraceFact } from '../../engine/index';
import type { UnitBirth } from '../../engine/kernel/inspect';

/** The record of one published message. */
export interface RootRecord {
  root: number;
  births: UnitBirth[];
  facts: TraceFact[];
  /** False when part of its history may be missing. */
  complete: boolean;
}

/** Defaults: enough for every message of a classroom run, a few MB at most. */
export const MAX_ROOTS = 20_000;
export const MAX_KEPT_FACTS = 200_000;

/** Births and facts per published message, oldest forgotten first. */
export class RootIndex {
  private readonly roots = new Map<number, RootRecord>();
  private facts = 0;
  /** Roots below this id may have lost facts (the fact ring overflowed before a drain). */
  private trustedFrom = 0;
  private nextRoot = 0;

  constructor(
    private readonly maxRoots = MAX_ROOTS,
    private readonly maxFacts = MAX_KEPT_FACTS,
    /** Only this root is kept (a replay); undefined keeps all. */
    private readonly only?: number,
  ) {}

  /** A unit was born. */
  birth(b: UnitBirth): void {
    if (this.only !== undefined && b.root !== this.only) return;
    if (b.parent === -1) this.nextRoot = b.root + 1;
    this.record(b.root, b.parent === -1).births.push(b);
    this.evict();
  }

  /** A fact was emitted. */
  fact(f: TraceFact): void {
    if (f.rootId <= 0 || (this.only !== undefined && f.rootId !== this.only)) return;
    this.record(f.rootId, false).facts.push(f);
    this.facts++;
    this.evict();
  }

  /** Some facts were lost: every message known so far may be incomplete. */
  gap(): void {
    this.trustedFrom = this.nextRoot;
    for (const r of this.roots.values()) r.complete = false;
  }

  /** The record of `root`, or null when it is unknown or incomplete. */
  get(root: number): RootRecord | null {
    const r = this.roots.get(root);
    return r !== undefined && r.complete && root >= this.trustedFrom ? r : null;
  }

  /** Whether `root` was ever published in this run (it may have been forgotten). */
  known(root: number): boolean {
    return root > 0 && root < this.nextRoot;
  }

  private record(root: number, fresh: boolean): RootRecord {
    let r = this.roots.get(root);
    if (r === undefined) {
      // A fact about a forgotten message starts an incomplete record.
      r = { root, births: [], facts: [], complete: fresh };
      this.roots.set(root, r);
    }
    return r;
  }

  private evict(): void {
    while (this.roots.size > this.maxRoots || this.facts > this.maxFacts) {
      const oldest = this.roots.keys().next();
      if (oldest.done) return;
      this.facts -= this.roots.get(oldest.value)!.facts.length;
      this.roots.delete(oldest.value);
    }
  }
}
