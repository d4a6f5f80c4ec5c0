/** Local calendar days and ISO weeks as whole numbers, so counting by day is array indexing, not date parsing. */

const DAY_MS = 86_400_000;

/** Throws a RangeError for an offset no time zone has (beyond ±18 hours, or not a number). */
export function checkOffset(offsetMinutes: number): void {
  if (!Number.isFinite(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60) {
    throw new RangeError(`time-zone offset must be a number of minutes within ±1080, got ${offsetMinutes}`);
  }
}

/** The local day of `date` as days since 1970-01-01 (local), for an offset east of UTC in minutes. */
export function localDay(date: Date, offsetMinutes: number): number {
  return Math.floor((date.getTime() + offsetMinutes * 60_000) / DAY_MS);
}

/** The instant local day `day` starts. */
export function startOfLocalDay(day: number, offsetMinutes: number): Date {
  return new Date(day * DAY_MS - offsetMinutes * 60_000);
}

/** "YYYY-MM-DD" of a local day number. */
export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week, Monday 0 … Sunday 6 (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday starting the ISO week that holds `day`. */
export function mondayOf(day: number): number {
  return day - weekday(day);
}

/** ISO 8601 week of a local day, "2026-W09": the week belongs to the year its Thursday is in. */
export function isoWeekKey(day: number): string {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
