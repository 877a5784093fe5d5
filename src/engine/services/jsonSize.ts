/**
 * The length of `JSON.stringify(value)` without building the text: SNS checks a message's size
 * at every publish, and most deliveries never need the text itself. Exact for plain JSON data
 * (objects, arrays, strings, finite numbers, booleans, null); anything else (toJSON, class
 * instances, non-finite numbers) falls back to JSON.stringify. Stops early past `limit`.
 */

/** JSON text length of `value`, or some number above `limit` once it is certainly longer. */
export function jsonLength(value: unknown, limit: number): number {
  const n = measure(value, limit);
  return n >= 0 ? n : (JSON.stringify(value) ?? '').length;
}

// -1: not plain data (the caller falls back to JSON.stringify).
function measure(v: unknown, limit: number): number {
  switch (typeof v) {
    case 'string':
      return stringLength(v);
    case 'number':
      return Number.isFinite(v) ? String(v).length : -1;
    case 'boolean':
      return v ? 4 : 5;
    case 'object': {
      if (v === null) return 4;
      if (Array.isArray(v)) {
        let n = 2 + Math.max(0, v.length - 1);
        for (const x of v) {
          const m = x === undefined || typeof x === 'function' || typeof x === 'symbol' ? 4 : measure(x, limit - n);
          if (m < 0) return -1;
          n += m;
          if (n > limit) return n;
        }
        return n;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === 'function') return -1;
      let n = 2;
      let fields = 0;
      // for-in, not Object.keys: no key array per object (the hasOwn check only guards against
      // a polluted Object.prototype).
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
        const m = measure(x, limit - n);
        if (m < 0) return -1;
        n += stringLength(k) + 1 + m + (fields++ > 0 ? 1 : 0);
        if (n > limit) return n;
      }
      return n;
    }
    default:
      return -1;
  }
}

/** Length of a string as JSON text: quotes plus escapes (control characters, lone surrogates). */
function stringLength(s: string): number {
  let n = s.length + 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) continue;
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) n += 1;
    else if (c < 0x20) n += 5;
    else if (c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) i++;
    else n += 5;
  }
  return n;
}
