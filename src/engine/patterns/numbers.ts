// Numeric limits. EventBridge (event-ruler's ComparableNumber) compares numbers between -5e9 and
// 5e9 with 6 decimal places; SNS filter policies allow -1e9..1e9 with 5 decimal places. A value
// outside those limits cannot take part in numeric comparisons at all.

/** The numeric domain of one matching mode. */
export interface NumberLimits {
  /** Largest magnitude accepted (inclusive). */
  max: number;
  /** Decimal places kept. */
  decimals: number;
  /** `10 ** decimals`, kept to avoid recomputing it on the hot path. */
  scale: number;
  /** The message AWS gives for an out-of-range pattern number. */
  rangeMessage: string;
}

export const EVENTBRIDGE_NUMBERS: NumberLimits = {
  max: 5e9,
  decimals: 6,
  scale: 1e6,
  rangeMessage: 'Value must be between -5.0E9 and 5.0E9, inclusive',
};

export const SNS_NUMBERS: NumberLimits = {
  max: 1e9,
  decimals: 5,
  scale: 1e5,
  rangeMessage: 'Value must be between -1.0E9 and 1.0E9, inclusive',
};

/**
 * True when an event number can take part in numeric comparisons: inside the range, and its
 * shortest decimal form has no more than `decimals` places. Numbers are JS doubles here, so the
 * original text of an event number (e.g. trailing digits beyond double precision) is not seen.
 */
export function isComparable(v: number, lim: NumberLimits): boolean {
  if (!(v >= -lim.max && v <= lim.max)) return false;
  if (Number.isInteger(v)) return true;
  // If a decimal with <= `decimals` places rounds to v, that decimal (scaled) is an integer r
  // and r / scale rounds back to v; otherwise no such decimal exists.
  const r = Math.round(v * lim.scale);
  return r / lim.scale === v;
}

/**
 * Checks a pattern number's text exactly (as BigDecimal would): returns null when it is a
 * comparable number, else AWS's reason.
 */
export function checkPatternNumber(text: string, lim: NumberLimits): string | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return `Invalid number ${text}`;
  const digits = (m[2] + (m[3] ?? '')).replace(/^0+(?=\d)/, '');
  let scale = (m[3]?.length ?? 0) - Number(m[4] ?? 0);
  // strip trailing zeros (BigDecimal.stripTrailingZeros)
  let d = digits;
  while (d.length > 1 && d.endsWith('0')) {
    d = d.slice(0, -1);
    scale--;
  }
  if (/^0+$/.test(d)) return null;
  if (scale > lim.decimals) return `Only values upto ${lim.decimals} decimals are supported`;
  const v = Number(text);
  if (!(Math.abs(v) <= lim.max)) return lim.rangeMessage;
  return null;
}
