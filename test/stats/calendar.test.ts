import { describe, expect, it } from 'vitest';
import { checkOffset, dayKey, isoWeekKey, localDay, mondayOf, startOfLocalDay, weekday } from '../../src/stats/calendar.js';

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe('local days', () => {
  it('puts an instant on the local calendar of the offset', () => {
    const late = new Date('2026-02-27T15:30:00Z');
    expect([dayKey(localDay(late, 0)), dayKey(localDay(late, 540)), dayKey(localDay(late, -300))]).toEqual(['2026-02-27', '2026-02-28', '2026-02-27']);
    expect(dayKey(localDay(new Date('2026-03-01T03:00:00Z'), -300))).toBe('2026-02-28');
  });

  it('starts a local day at local midnight', () => {
    expect(startOfLocalDay(day('2026-03-01'), 540).toISOString()).toBe('2026-02-28T15:00:00.000Z');
    expect(startOfLocalDay(day('2026-03-01'), -300).toISOString()).toBe('2026-03-01T05:00:00.000Z');
  });

  it('numbers weekdays from Monday and finds the Monday of a week', () => {
    expect([weekday(day('2026-03-01')), weekday(day('2026-02-23')), weekday(day('1969-12-29'))]).toEqual([6, 0, 0]);
    expect(dayKey(mondayOf(day('2026-03-01')))).toBe('2026-02-23');
  });

  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeekKey(day('2026-03-01'))).toBe('2026-W09');
    expect(isoWeekKey(day('2026-01-01'))).toBe('2026-W01');
    expect(isoWeekKey(day('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekKey(day('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekKey(day('2021-01-03'))).toBe('2020-W53');
  });

  it('refuses an offset no time zone has', () => {
    expect(() => checkOffset(Number.NaN)).toThrow(RangeError);
    expect(() => checkOffset(20 * 60)).toThrow(RangeError);
    expect(() => checkOffset(-720)).not.toThrow();
  });
});
