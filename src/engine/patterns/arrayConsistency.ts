// The exact (slow) check of one sub-rule, used when array consistency can matter: the leaves
// chosen for the fields must not come from different elements of the same array. Fields are
// visited in name order, as event-ruler's state machine visits them; `{"exists": false}` is
// checked against the array elements chosen by the fields before it, exactly as AWS does.

import { collectPlacedLeaves, type ArrayStep, type FieldPath, type PlacedLeaf } from './eventLeaves';
import { testLeaf, type Matcher } from './matchers';

/** A sub-rule field ready for matching. */
export interface BoundField {
  path: FieldPath;
  matchers: Matcher[];
  allowAbsent: boolean;
}

/** Searches for an array-consistent choice of leaves satisfying every field. */
export function matchesConsistently(event: unknown, fields: readonly BoundField[]): boolean {
  const all: PlacedLeaf[][] = fields.map((f) => collectPlacedLeaves(event, f.path));
  const good: PlacedLeaf[][] = fields.map((f, i) => all[i].filter((l) => f.matchers.some((m) => testLeaf(m, l.value))));
  const chosen = new Map<unknown, number>();

  const fits = (chain: ArrayStep[]): boolean => {
    for (const s of chain) {
      const idx = chosen.get(s.arr);
      if (idx !== undefined && idx !== s.idx) return false;
    }
    return true;
  };

  const search = (i: number): boolean => {
    if (i === fields.length) return true;
    for (const leaf of good[i]) {
      if (!fits(leaf.chain)) continue;
      const added: unknown[] = [];
      for (const s of leaf.chain) {
        if (!chosen.has(s.arr)) {
          chosen.set(s.arr, s.idx);
          added.push(s.arr);
        }
      }
      const ok = search(i + 1);
      for (const a of added) chosen.delete(a);
      if (ok) return true;
    }
    if (fields[i].allowAbsent && !all[i].some((l) => fits(l.chain))) return search(i + 1);
    return false;
  };
  return search(0);
}
