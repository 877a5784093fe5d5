/** Simulated time as people read it. */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A clock reading of simulated time: `1:05.250`, `1:02:03.5` (tenths: `digits` = 1). */
export function formatClock(ms: number, digits: 0 | 1 | 3 = 3): string {
  const total = Math.max(0, Math.floor(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const frac = digits === 0 ? '' : `.${pad(total % 1000, 3).slice(0, digits)}`;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}${frac}` : `${m}:${pad(s)}${frac}`;
}

/** A span of time in words: `250 ms`, `30 s`, `1.5 s`, `2 min`, `1 min 30 s`, `2 h 5 min`, `4 days`. */
export function formatDuration(ms: number): string {
  const a = Math.abs(ms);
  if (a < 1000) return `${Math.round(a)} ms`;
  if (a < 60_000) {
    const s = a / 1000;
    return `${Number.isInteger(s) ? s : s.toFixed(s < 10 ? 1 : 0)} s`;
  }
  if (a < 3_600_000) {
    const m = Math.floor(a / 60_000);
    const s = Math.round((a % 60_000) / 1000);
    return s === 0 ? `${m} min` : s === 60 ? `${m + 1} min` : `${m} min ${s} s`;
  }
  if (a < 86_400_000) {
    const h = Math.floor(a / 3_600_000);
    const m = Math.round((a % 3_600_000) / 60_000);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = a / 86_400_000;
  return `${Number.isInteger(d) ? d : d.toFixed(1)} day${d === 1 ? '' : 's'}`;
}

/**
 * Parses a time typed by a user: `90s`, `2m`, `1h`, `1h30m`, `1:30` (min:s), `1:02:03`, or a
 * plain number of seconds. Null when unreadable.
 */
export function parseTime(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  if (/^\d+(:\d{1,2}){1,2}(\.\d+)?$/.test(t)) {
    const parts = t.split(':').map(Number);
    const secs = parts.reduce((acc, p) => acc * 60 + p, 0);
    return Math.round(secs * 1000);
  }
  const re = /(\d+(?:\.\d+)?)\s*(ms|d|h|min|m|s)/g;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  let consumed = '';
  for (const m of t.matchAll(re)) {
    total += Number(m[1]) * unit[m[2]];
    consumed += m[0];
  }
  return consumed.replace(/\s/g, '') === t.replace(/\s/g, '') && consumed !== '' ? Math.round(total) : null;
}
