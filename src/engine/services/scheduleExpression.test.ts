import { describe, expect, it } from 'vitest';
import { SIM_EPOCH_MS } from './envelope';
import { parseSchedule, type ScheduleFlavour } from './scheduleExpression';

const H = 3_600_000;
const D = 24 * H;
/** Simulated ms of a UTC date-time (simulated time 0 is 2025-01-01T00:00:00Z). */
const sim = (iso: string) => Date.parse(iso) - SIM_EPOCH_MS;

function schedule(text: string, flavour: ScheduleFlavour = 'rule', tz = 'UTC') {
  const p = parseSchedule(text, flavour, tz);
  if (!p.ok) throw new Error(p.message);
  return p.schedule;
}
/** The first `n` fire times from the start of the run. */
function firstTimes(text: string, n: number, flavour: ScheduleFlavour = 'rule', tz = 'UTC'): number[] {
  const s = schedule(text, flavour, tz);
  const out: number[] = [];
  let t = -1;
  for (let i = 0; i < n; i++) out.push((t = s.next(t)));
  return out;
}

describe('rate expressions', () => {
  it('rules fire one interval after creation, Scheduler at once', () => {
    expect(firstTimes('rate(5 minutes)', 3)).toEqual([300_000, 600_000, 900_000]);
    expect(firstTimes('rate(1 hour)', 2, 'scheduler')).toEqual([0, H]);
    expect(firstTimes('rate(2 days)', 2, 'scheduler')).toEqual([0, 2 * D]);
  });

  it('rules insist on singular for 1 and plural otherwise; Scheduler does not', () => {
    const p = parseSchedule('rate(1 minutes)', 'rule');
    expect(!p.ok && p.message).toBe('Parameter ScheduleExpression is not valid: write rate(1 minute): the unit is singular for 1 and plural otherwise.');
    expect(parseSchedule('rate(5 minute)', 'rule').ok).toBe(false);
    expect(parseSchedule('rate(1 minutes)', 'scheduler').ok).toBe(true);
    expect(parseSchedule('rate(0 minutes)', 'scheduler').ok).toBe(false);
  });
});

describe('cron expressions (AWS six-field dialect)', () => {
  it('reads the documented examples', () => {
    expect(firstTimes('cron(0 10 * * ? *)', 2)).toEqual([10 * H, D + 10 * H]);
    expect(firstTimes('cron(0/15 * * * ? *)', 3)).toEqual([0, 900_000, 1_800_000]);
    // 2025-01-01 is a Wednesday.
    expect(firstTimes('cron(0 18 ? * MON-FRI *)', 3)).toEqual([18 * H, D + 18 * H, 2 * D + 18 * H]);
    expect(firstTimes('cron(0 8 1 * ? *)', 2)).toEqual([8 * H, sim('2025-02-01T08:00:00Z')]);
  });

  it('numbers days of the week 1-7 from Sunday, and reads n#k as the k-th such day', () => {
    expect(firstTimes('cron(0 12 ? * 1 *)', 1)).toEqual([sim('2025-01-05T12:00:00Z')]);
    expect(firstTimes('cron(0 12 ? * 7 *)', 1)).toEqual([sim('2025-01-04T12:00:00Z')]);
    expect(firstTimes('cron(0 9 ? * 3#2 *)', 2)).toEqual([sim('2025-01-14T09:00:00Z'), sim('2025-02-11T09:00:00Z')]);
    expect(firstTimes('cron(0 9 ? * 6L *)', 1)).toEqual([sim('2025-01-31T09:00:00Z')]);
  });

  it('reads L and W in day-of-month', () => {
    expect(firstTimes('cron(0 0 L * ? *)', 2)).toEqual([sim('2025-01-31T00:00:00Z'), sim('2025-02-28T00:00:00Z')]);
    // 2025-02-15 is a Saturday: the nearest weekday is Friday the 14th.
    expect(firstTimes('cron(0 0 15W * ? *)', 2)).toEqual([sim('2025-01-15T00:00:00Z'), sim('2025-02-14T00:00:00Z')]);
    // 2025-05-31 is a Saturday: the last weekday of May is Friday the 30th.
    const lw = schedule('cron(0 0 LW * ? *)');
    expect(lw.next(sim('2025-05-01T00:00:00Z'))).toBe(sim('2025-05-30T00:00:00Z'));
  });

  it('honours the Year field', () => {
    expect(firstTimes('cron(0 0 1 1 ? 2027)', 2)).toEqual([sim('2027-01-01T00:00:00Z'), Infinity]);
    expect(firstTimes('cron(0 0 1 1 ? 2020)', 1)).toEqual([Infinity]);
  });

  it('refuses malformed expressions with AWS wording and a way out', () => {
    const msg = (t: string) => {
      const p = parseSchedule(t, 'rule');
      return p.ok ? 'accepted' : p.message;
    };
    expect(msg('cron(0 10 * * * *)')).toMatch(/^Parameter ScheduleExpression is not valid: exactly one of Day-of-month and Day-of-week must be \?/);
    expect(msg('cron(0 10 * * ?)')).toMatch(/six fields .* found 5/);
    expect(msg('cron(0 10 ? * 8 *)')).toMatch(/Day-of-week 8 is out of range/);
    expect(msg('cron(0 10 ? * 2#1,3#2 *)')).toMatch(/only one # expression/);
    expect(msg('at(2025-01-01T09:00:00)')).toMatch(/Scheduler expression/);
    expect(msg('every 5 minutes')).toMatch(/neither rate\(...\), cron\(...\)/);
  });
});

describe('time zones (Scheduler)', () => {
  it('reads cron and at in the schedule time zone', () => {
    expect(firstTimes('cron(0 9 * * ? *)', 1, 'scheduler', 'America/New_York')).toEqual([14 * H]);
    expect(firstTimes('at(2025-01-01T09:00:00)', 2, 'scheduler', 'Europe/Paris')).toEqual([8 * H, Infinity]);
    const p = parseSchedule('rate(1 hour)', 'scheduler', 'Mars/Olympus');
    expect(!p.ok && p.message).toMatch(/unknown time zone "Mars\/Olympus"/);
  });

  it('rules ignore the time zone: they run in UTC', () => {
    expect(firstTimes('cron(0 9 * * ? *)', 1, 'rule', 'America/New_York')).toEqual([9 * H]);
  });

  it('skips a time that does not exist on spring-forward day and runs a repeated one once', () => {
    const ny = schedule('cron(30 2 * * ? *)', 'scheduler', 'America/New_York');
    // 2025-03-09 02:30 does not exist in New York.
    expect(ny.next(sim('2025-03-08T08:00:00Z'))).toBe(sim('2025-03-10T06:30:00Z'));
    const back = schedule('cron(30 1 * * ? *)', 'scheduler', 'America/New_York');
    // 2025-11-02 01:30 happens twice in New York; it runs once.
    const first = back.next(sim('2025-11-02T00:00:00Z'));
    expect(first).toBe(sim('2025-11-02T05:30:00Z'));
    expect(back.next(first)).toBe(sim('2025-11-03T06:30:00Z'));
  });
});
