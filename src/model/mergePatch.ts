/**
 * JSON Merge Patch (RFC 7386), immutable: objects merge key by key, `null` deletes a key,
 * anything else (arrays included) replaces. Untouched branches are shared, not copied.
 */
import { isPlainObject } from './schemaWalk';

/** A merge patch of T: every key optional, nested objects patched too, `null` deletes. */
export type MergePatch<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: MergePatch<T[K]> | null }
    : T;

/** Applies a merge patch to `target`, returning a new value; `target` is not modified. */
export function applyMergePatch<T>(target: T, patch: unknown): T {
  if (!isPlainObject(patch)) return patch as T;
  const base: Record<string, unknown> = isPlainObject(target) ? target : {};
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = applyMergePatch(base[key], value);
  }
  return out as T;
}
