/**
 * The JSON-path subset EventBridge accepts in InputPath and InputPathsMap, also used for
 * idempotency key paths: `$`, dot segments (dashes and underscores allowed) and `[n]` indices.
 * A leading `$.` is optional for key paths. A path that does not resolve yields undefined.
 */
export type CompiledPath = (value: unknown) => unknown;

/** Compiles a path once; evaluating it allocates nothing. */
export function compilePath(path: string): CompiledPath {
  const p = path.trim();
  const body = p === '$' ? '' : p.startsWith('$.') ? p.slice(2) : p.startsWith('$[') ? p.slice(1) : p;
  const segs: Array<string | number> = [];
  for (const part of body.split('.')) {
    if (part === '') continue;
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      segs.push(part);
      continue;
    }
    if (m[1] !== '') segs.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) segs.push(Number(idx[1]));
  }
  return (value) => {
    let v: unknown = value;
    for (const s of segs) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string | number, unknown>)[s];
    }
    return v;
  };
}
