import { isPlainObject, jsonEqual } from '../../model/schemaWalk';

/**
 * The JSON Merge Patch that turns `before` into `after`: removed keys become null, unchanged
 * keys are left out, lists and scalars are replaced. The model's edits take merge patches, and a
 * plain "set this object" patch would keep keys the user removed.
 */
export function diffPatch(before: unknown, after: unknown): unknown {
  if (after === undefined) return null;
  if (!isPlainObject(before) || !isPlainObject(after)) return after;
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(before)) if (!(k in after)) patch[k] = null;
  for (const [k, v] of Object.entries(after)) if (!jsonEqual(before[k], v)) patch[k] = diffPatch(before[k], v);
  return patch;
}

/** A patch setting one key of an object (undefined removes it). */
export const keyPatch = (before: Record<string, unknown> | undefined, key: string, value: unknown): Record<string, unknown> => ({
  [key]: diffPatch(before?.[key], value),
});
