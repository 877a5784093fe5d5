import type { JsonSchema } from '../../model/scenarioSchema';
import { unitSuffix } from './checkValue';

/** "4 days", "15 minutes": a readable reading of a duration, shown beside raw seconds. */
export function humanDuration(value: number, unit: string | undefined): string | null {
  const toSeconds: Record<string, number> = { milliseconds: 0.001, seconds: 1, minutes: 60, hours: 3600, days: 86400 };
  const factor = unit ? toSeconds[unit] : undefined;
  if (factor === undefined || !Number.isFinite(value) || value <= 0) return null;
  const s = value * factor;
  const steps: Array<[number, string]> = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  for (const [size, name] of steps) {
    if (s >= size && (s / size) % 1 < 1e-9) {
      const n = s / size;
      // Only worth saying when it differs from what the field already shows.
      if (factor === size) return null;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return null;
}

/** "default 30 seconds · 0–43200": the facts a user needs beside a number field. */
export function numberFacts(schema: JsonSchema): string {
  const parts: string[] = [];
  const u = unitSuffix(schema);
  if (schema.default !== undefined) parts.push(`default ${String(schema.default)}${u}`);
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum}–${schema.maximum}`);
  return parts.join(' · ');
}

/** The first sentence of a description, for the one-line explanation under a field. */
export function firstSentence(text: string | undefined): string {
  if (!text) return '';
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text;
}
