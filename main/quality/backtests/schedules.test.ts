import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRunAt } from './schedules';

const daily = (at: string) => ({ cadence: 'daily' as const, at, weekday: null });
const weekly = (at: string, weekday: number) => ({ cadence: 'weekly' as const, at, weekday });
const next = (s: Parameters<typeof nextRunAt>[0], after: string) => nextRunAt(s, new Date(after));

describe('nextRunAt', () => {
  it('runs a daily schedule today when its time is ahead, tomorrow when it passed', () => {
    expect(next(daily('09:30'), '2026-03-10T08:00:00.000Z')).toBe('2026-03-10T09:30:00.000Z');
    expect(next(daily('09:30'), '2026-03-10T10:00:00.000Z')).toBe('2026-03-11T09:30:00.000Z');
    // Exactly at the time: that run is the one being claimed; the next is tomorrow's.
    expect(next(daily('09:30'), '2026-03-10T09:30:00.000Z')).toBe('2026-03-11T09:30:00.000Z');
    // A millisecond before it: still today.
    expect(next(daily('09:30'), '2026-03-10T09:29:59.999Z')).toBe('2026-03-10T09:30:00.000Z');
    expect(next(daily('00:00'), '2026-03-10T00:00:00.001Z')).toBe('2026-03-11T00:00:00.000Z');
    expect(next(daily('23:59'), '2026-03-10T23:58:00.000Z')).toBe('2026-03-10T23:59:00.000Z');
  });

  it('crosses month and year ends, and a leap day', () => {
    expect(next(daily('06:00'), '2026-01-31T07:00:00.000Z')).toBe('2026-02-01T06:00:00.000Z');
    expect(next(daily('06:00'), '2026-02-28T07:00:00.000Z')).toBe('2026-03-01T06:00:00.000Z');
    expect(next(daily('06:00'), '2028-02-28T07:00:00.000Z')).toBe('2028-02-29T06:00:00.000Z');
    expect(next(daily('06:00'), '2026-04-30T23:59:59.000Z')).toBe('2026-05-01T06:00:00.000Z');
    expect(next(daily('00:00'), '2026-12-31T23:59:00.000Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('runs a weekly schedule on its weekday, across the week boundary and the year end', () => {
    // 2026-03-10 is a Tuesday (2).
    expect(next(weekly('09:00', 2), '2026-03-10T08:00:00.000Z')).toBe('2026-03-10T09:00:00.000Z');
    expect(next(weekly('09:00', 2), '2026-03-10T09:00:00.000Z')).toBe('2026-03-17T09:00:00.000Z');
    // Sunday (0) from a Tuesday: the coming Sunday; Monday (1) from Sunday: the next day.
    expect(next(weekly('09:00', 0), '2026-03-10T08:00:00.000Z')).toBe('2026-03-15T09:00:00.000Z');
    expect(next(weekly('09:00', 1), '2026-03-15T23:00:00.000Z')).toBe('2026-03-16T09:00:00.000Z');
    // Saturday (6) from the Saturday after its time: a week on.
    expect(next(weekly('12:00', 6), '2026-03-14T12:01:00.000Z')).toBe('2026-03-21T12:00:00.000Z');
    // 2026-12-31 is a Thursday; the next Monday is in 2027.
    expect(next(weekly('07:15', 1), '2026-12-31T10:00:00.000Z')).toBe('2027-01-04T07:15:00.000Z');
  });

  it('is always after the given time, at HH:MM, within a day (daily) or a week (weekly)', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const when = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
      .map((t) => new Date(t));
    fc.assert(
      fc.property(hhmm, fc.option(fc.integer({ min: 0, max: 6 })), when, (at, weekday, after) => {
        const s = weekday === null ? daily(at) : weekly(at, weekday);
        const got = new Date(nextRunAt(s, after));
        expect(got.getTime()).toBeGreaterThan(after.getTime());
        const span = (weekday === null ? 1 : 7) * 86_400_000;
        expect(got.getTime() - after.getTime()).toBeLessThanOrEqual(span);
        expect(got.toISOString().slice(11, 16)).toBe(at);
        if (weekday !== null) expect(got.getUTCDay()).toBe(weekday);
        // Asking again from a moment before it gives the same time: nothing in between.
        expect(nextRunAt(s, new Date(got.getTime() - 1))).toBe(got.toISOString());
      }),
      { numRuns: 3000 },
    );
  });
});
