/**
 * Schedule expressions (aws-semantics 1.8, 1.9): `rate(value unit)`, AWS's six-field
 * `cron(Minutes Hours Day-of-month Month Day-of-week Year)` and Scheduler's one-time
 * `at(yyyy-mm-ddThh:mm:ss)`, turned into "when does it fire next" in simulated time.
 *
 * Cron evaluation (lists, ranges, steps, `L`, `#`, time zones and daylight saving) is
 * cron-parser's; this module translates AWS's dialect into it: day-of-week 1-7 = SUN-SAT
 * becomes 0-6, and what cron-parser lacks (`W`, the Year field) is applied as a filter on the
 * occurrences it yields. `at` in a time zone is resolved with luxon, which cron-parser uses too.
 */
import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { DateTime, IANAZone } from 'luxon';
import { SIM_EPOCH_MS } from './envelope';

/** Who reads the expression: classic scheduled rules are strict and UTC-only. */
export type ScheduleFlavour = 'rule' | 'scheduler';

/** A parsed expression. */
export interface Schedule {
  /** Its text, for messages. */
  readonly text: string;
  /** The first scheduled time strictly after `afterMs` (simulated ms); Infinity when none. */
  next(afterMs: number): number;
}

/** A schedule, or why the expression is refused (worded like AWS, plus what to write). */
export type ParsedSchedule = { ok: true; schedule: Schedule } | { ok: false; message: string };

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = { minute: MINUTE, hour: 60 * MINUTE, day: 24 * 60 * MINUTE };
/** Occurrences examined for one `next` before giving up (a `W` or Year filter that never holds). */
const MAX_SCAN = 20_000;

const invalid = (why: string): ParsedSchedule => ({ ok: false, message: `Parameter ScheduleExpression is not valid: ${why}` });

/**
 * Parses `text`. Rules start rates one interval after time 0 (intervals run from the rule's
 * creation); Scheduler starts a rate schedule at once (no StartDate). `timezone` applies to
 * cron and at (Scheduler only; rules are UTC).
 */
export function parseSchedule(text: string, flavour: ScheduleFlavour, timezone = 'UTC'): ParsedSchedule {
  const t = text.trim();
  const zone = flavour === 'rule' ? 'UTC' : timezone;
  if (flavour === 'scheduler' && !IANAZone.isValidZone(zone)) return invalid(`unknown time zone "${timezone}"; use an IANA name such as UTC or Europe/Paris.`);
  let m = /^rate\((.*)\)$/.exec(t);
  if (m) return parseRate(t, m[1].trim(), flavour);
  m = /^cron\((.*)\)$/.exec(t);
  if (m) return parseCron(t, m[1].trim(), zone);
  m = /^at\((.*)\)$/.exec(t);
  if (m) {
    if (flavour === 'rule') return invalid('rules take rate(...) or cron(...); at(...) is a Scheduler expression.');
    return parseAt(t, m[1].trim(), zone);
  }
  return invalid(`"${t}" is neither rate(...), cron(...)${flavour === 'scheduler' ? ' nor at(...)' : ''}; for example rate(5 minutes) or cron(0 10 * * ? *).`);
}

function parseRate(text: string, body: string, flavour: ScheduleFlavour): ParsedSchedule {
  const m = /^(\d+)\s+(minute|minutes|hour|hours|day|days)$/.exec(body);
  if (!m) return invalid(`rate takes a positive whole number and minute(s), hour(s) or day(s), as in rate(5 minutes).`);
  const value = Number(m[1]);
  if (value < 1) return invalid('the rate value must be at least 1.');
  const plural = m[2].endsWith('s');
  // Classic rules insist on rate(1 minute) / rate(5 minutes); Scheduler accepts either.
  if (flavour === 'rule' && plural !== (value !== 1)) return invalid(`write rate(${value} ${m[2].replace(/s$/, '')}${value === 1 ? '' : 's'}): the unit is singular for 1 and plural otherwise.`);
  const every = value * UNIT_MS[m[2].replace(/s$/, '')];
  const first = flavour === 'rule' ? every : 0;
  return {
    ok: true,
    schedule: {
      text,
      next: (after) => (after < first ? first : first + (Math.floor((after - first) / every) + 1) * every),
    },
  };
}

function parseAt(text: string, body: string, zone: string): ParsedSchedule {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(body)) return invalid('at takes yyyy-mm-ddThh:mm:ss, as in at(2025-01-01T09:00:00).');
  const dt = DateTime.fromISO(body, { zone });
  if (!dt.isValid) return invalid(`${body} is not a date and time${dt.invalidExplanation ? ` (${dt.invalidExplanation})` : ''}.`);
  const at = dt.toMillis() - SIM_EPOCH_MS;
  return { ok: true, schedule: { text, next: (after) => (after < at ? at : Infinity) } };
}

interface YearField {
  test(year: number): boolean;
  max: number;
}

function parseCron(text: string, body: string, zone: string): ParsedSchedule {
  const f = body.split(/\s+/);
  if (f.length !== 6) return invalid(`cron takes six fields (Minutes Hours Day-of-month Month Day-of-week Year), found ${f.length}; for example cron(0 10 * * ? *).`);
  const [min, hour, dom, month, dow, yearText] = f;
  if ((dom === '?') === (dow === '?')) return invalid('exactly one of Day-of-month and Day-of-week must be ?; for example cron(0 10 * * ? *) or cron(0 10 ? * MON-FRI *).');
  if ((dow.match(/#/g) ?? []).length > 1 || (dow.includes('#') && dow.includes(','))) return invalid('only one # expression is allowed in Day-of-week.');
  if (/[^0-9,\-*/]/.test(min)) return invalid(`Minutes "${min}" may hold digits and , - * / only.`);
  const year = parseYear(yearText);
  if (year === null) return invalid(`Year "${yearText}" must be *, or years 1970-2199 with , - /.`);
  const w = /^(L|\d{1,2})W$/.exec(dom);
  if (dom.includes('W') && !w) return invalid(`Day-of-month "${dom}" may use W only as nW or LW (the weekday nearest day n, or the last weekday).`);
  const domForParser = w ? '*' : dom;
  let dowForParser: string;
  try {
    dowForParser = dow === '?' ? '?' : awsDayOfWeek(dow);
  } catch (e) {
    return invalid((e as Error).message);
  }
  let expr: CronExpression;
  try {
    expr = CronExpressionParser.parse(`0 ${min} ${hour} ${domForParser} ${month} ${dowForParser}`, { tz: zone, currentDate: new Date(SIM_EPOCH_MS), strict: false });
  } catch (e) {
    return invalid(`${(e as Error).message}.`);
  }
  const nearest = w ? (w[1] === 'L' ? 'L' : Number(w[1])) : null;
  const hours = new Set<number>(expr.fields.hour.values as number[]);
  return {
    ok: true,
    schedule: {
      text,
      next(after) {
        // cron-parser's "next" is strictly after its current date.
        expr.reset(new Date(SIM_EPOCH_MS + Math.max(after, -SIM_EPOCH_MS)));
        for (let i = 0; i < MAX_SCAN; i++) {
          if (!expr.hasNext()) return Infinity;
          const at = expr.next().getTime();
          const local = DateTime.fromMillis(at, { zone });
          if (local.year > year.max) return Infinity;
          if (!year.test(local.year)) continue;
          // A time that does not exist on spring-forward day comes back moved an hour on; AWS
          // skips it instead.
          if (!hours.has(local.hour)) continue;
          if (nearest !== null && !isNearestWeekday(at, zone, nearest)) continue;
          return at - SIM_EPOCH_MS;
        }
        return Infinity;
      },
    },
  };
}

/** AWS Year field: `*`, or a list of years, ranges and steps within 1970-2199. */
function parseYear(text: string): YearField | null {
  if (text === '*') return { test: () => true, max: 2199 };
  const parts: Array<(y: number) => boolean> = [];
  let max = 0;
  for (const p of text.split(',')) {
    const m = /^(\d{4}|\*)(?:-(\d{4}))?(?:\/(\d+))?$/.exec(p);
    if (!m) return null;
    const lo = m[1] === '*' ? 1970 : Number(m[1]);
    const hi = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined || m[1] === '*' ? 2199 : lo;
    const step = m[3] !== undefined ? Number(m[3]) : 1;
    if (lo < 1970 || hi > 2199 || lo > hi || step < 1) return null;
    parts.push((y) => y >= lo && y <= hi && (y - lo) % step === 0);
    max = Math.max(max, hi);
  }
  return { test: (y) => parts.some((t) => t(y)), max };
}

/** AWS Day-of-week (1-7 = SUN-SAT, names, `nL`, `n#k`) in cron-parser's numbering (0-6). */
function awsDayOfWeek(field: string): string {
  // `L` alone is the last day of the week: Saturday.
  if (field === 'L') return '6';
  return field.replace(/\d+/g, (digits, offset: number, whole: string) => {
    // The k of n#k is a week number, not a day.
    if (whole[offset - 1] === '#') return digits;
    const n = Number(digits);
    if (n < 1 || n > 7) throw new Error(`Day-of-week ${n} is out of range: use 1-7 (1 = SUN) or SUN-SAT.`);
    return String(n - 1);
  });
}

/** True when `at` falls on the weekday nearest day `day` of its month (`L`: the last weekday). */
function isNearestWeekday(at: number, zone: string, day: number | 'L'): boolean {
  const d = DateTime.fromMillis(at, { zone });
  const last = d.daysInMonth ?? 31;
  const target = day === 'L' ? last : Math.min(day, last);
  const weekday = d.set({ day: target }).weekday; // 1 = Monday ... 7 = Sunday
  let nearest = target;
  // Saturday moves to Friday (or to Monday when day 1 is a Saturday); Sunday to Monday (or to
  // Friday when the month ends on it), never leaving the month.
  if (weekday === 6) nearest = target === 1 ? 3 : target - 1;
  else if (weekday === 7) nearest = target === last ? target - 2 : target + 1;
  return d.day === nearest;
}
