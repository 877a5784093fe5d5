/** Numbers with units, in words: "43200 seconds (12 hours)", "1048576 bytes (1 MiB)". */
import type { Unit } from './schema/jsonSchema';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function humanSeconds(s: number): string | undefined {
  if (s < 60 || !Number.isInteger(s)) return undefined;
  if (s % 86400 === 0) return plural(s / 86400, 'day');
  if (s % 3600 === 0) return plural(s / 3600, 'hour');
  if (s % 60 === 0) return plural(s / 60, 'minute');
  return undefined;
}

function humanBytes(b: number): string | undefined {
  if (b >= 1048576 && b % 1048576 === 0) return `${b / 1048576} MiB`;
  if (b >= 1024 && b % 1024 === 0) return `${b / 1024} KiB`;
  return undefined;
}

/** A readable equivalent of a quantity, if there is a simpler one. */
function equivalent(v: number, unit: Unit): string | undefined {
  switch (unit) {
    case 'seconds':
      return humanSeconds(v);
    case 'milliseconds':
      return v % 1000 === 0 ? (humanSeconds(v / 1000) ?? (v >= 1000 ? plural(v / 1000, 'second') : undefined)) : undefined;
    case 'minutes':
      return humanSeconds(v * 60);
    case 'hours':
      return humanSeconds(v * 3600);
    case 'bytes':
      return humanBytes(v);
    default:
      return undefined;
  }
}

/** "43200 seconds (12 hours)"; no unit: just the number. */
export function quantity(v: number, unit: Unit | undefined): string {
  if (!unit || unit === 'probability') return String(v);
  const eq = equivalent(v, unit);
  const base = v === 1 && unit.endsWith('s') && !unit.includes(' ') ? `1 ${unit.slice(0, -1)}` : `${v} ${unit}`;
  return eq && eq !== base ? `${base} (${eq})` : base;
}
