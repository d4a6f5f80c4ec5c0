/** Is the user improving: answers and accuracy per local day and ISO week, a study heat-map, mock exam history. */

import { checkOffset, dayKey, isoWeekKey, localDay, mondayOf } from './calendar.js';
import { answersByDay, type DayTally } from './history.js';
import type { StatsExam, StatsInput } from './types.js';

/** Defaults: four weeks of days, a quarter of weeks, half a year of heat-map. */
export const DEFAULT_TREND = { days: 28, weeks: 12, heatmapWeeks: 26 } as const;

/** Answers in one day or week. */
export interface TrendBucket {
  /** "2026-03-01" for a day, "2026-W09" for an ISO week. */
  key: string;
  /** The local date the bucket starts (a Monday for weeks). */
  start: string;
  answers: number;
  correct: number;
  /** correct / answers; null for a bucket without answers. */
  accuracy: number | null;
}

/** Answers per local day, one row per ISO week (oldest first), Monday to Sunday. */
export interface Heatmap {
  /** The Monday of the first row. */
  start: string;
  /** Today, the last day that has a count. */
  today: string;
  /** The highest count in the grid, to scale shades. */
  max: number;
  /** weeks × 7 counts; days after today are null. */
  grid: Array<Array<number | null>>;
}

/** The trend section of the report. */
export interface Trend {
  /** The last `days` local days ending today, oldest first, days without answers included as zeros. */
  days: TrendBucket[];
  /** The last `weeks` ISO weeks ending with the current one, oldest first, zero-filled. */
  weeks: TrendBucket[];
  heatmap: Heatmap;
}

/** Options for `trend`. */
export interface TrendOptions {
  days?: number;
  weeks?: number;
  heatmapWeeks?: number;
}

/** A finished mock exam as the report shows it. */
export interface MockExamEntry {
  sessionId: number;
  exam: string;
  domain: string | null;
  startedAt: string;
  endedAt: string | null;
  percent: number;
  scaledEstimate: number;
  passed: boolean;
  total: number;
}

/** Buckets the answers by local day and week; answers dated after today are left out. */
export function trend(input: Pick<StatsInput, 'answers' | 'now' | 'timeZoneOffsetMinutes'>, options: TrendOptions = {}): Trend {
  // Options and offset are checked before the tallies are read, as trendOf checks them.
  count(options.days ?? DEFAULT_TREND.days, 'days');
  count(options.weeks ?? DEFAULT_TREND.weeks, 'weeks');
  count(options.heatmapWeeks ?? DEFAULT_TREND.heatmapWeeks, 'heat-map weeks');
  checkOffset(input.timeZoneOffsetMinutes);
  return trendOf(answersByDay(input.answers, input.timeZoneOffsetMinutes), input.now, input.timeZoneOffsetMinutes, options);
}

/** The trend from answers per local day (days local to `offsetMinutes`); see `trend`. */
export function trendOf(byDay: ReadonlyMap<number, DayTally>, now: Date, offsetMinutes: number, options: TrendOptions = {}): Trend {
  const nDays = count(options.days ?? DEFAULT_TREND.days, 'days');
  const nWeeks = count(options.weeks ?? DEFAULT_TREND.weeks, 'weeks');
  const nHeat = count(options.heatmapWeeks ?? DEFAULT_TREND.heatmapWeeks, 'heat-map weeks');
  const offset = offsetMinutes;
  checkOffset(offset);
  const today = localDay(now, offset);
  const firstDay = today - nDays + 1;
  const firstWeek = mondayOf(today) - 7 * (nWeeks - 1);
  const firstHeat = mondayOf(today) - 7 * (nHeat - 1);

  const days = Array.from({ length: nDays }, () => tally());
  const weeks = Array.from({ length: nWeeks }, () => tally());
  const heat = new Array<number>(nHeat * 7).fill(0);
  for (const [d, t] of byDay) {
    if (d > today) continue;
    if (d >= firstDay) add(days[d - firstDay]!, t);
    if (d >= firstWeek) add(weeks[(mondayOf(d) - firstWeek) / 7]!, t);
    if (d >= firstHeat) heat[d - firstHeat]! += t.answers;
  }

  let max = 0;
  const grid = Array.from({ length: nHeat }, (_, w) =>
    Array.from({ length: 7 }, (_, wd) => {
      const d = firstHeat + 7 * w + wd;
      if (d > today) return null;
      const n = heat[d - firstHeat]!;
      max = Math.max(max, n);
      return n;
    }),
  );

  return {
    days: days.map((t, i) => bucket(dayKey(firstDay + i), dayKey(firstDay + i), t)),
    weeks: weeks.map((t, i) => bucket(isoWeekKey(firstWeek + 7 * i), dayKey(firstWeek + 7 * i), t)),
    heatmap: { start: dayKey(firstHeat), today: dayKey(today), max, grid },
  };
}

/** Finished mock exams oldest first, dates as ISO strings. */
export function examHistory(exams: readonly StatsExam[]): MockExamEntry[] {
  return [...exams]
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.sessionId - b.sessionId)
    .map((e) => ({
      sessionId: e.sessionId,
      exam: e.exam,
      domain: e.domain,
      startedAt: e.startedAt.toISOString(),
      endedAt: e.endedAt === null ? null : e.endedAt.toISOString(),
      percent: e.percent,
      scaledEstimate: e.scaledEstimate,
      passed: e.passed,
      total: e.total,
    }));
}

type Tally = { answers: number; correct: number };

function tally(): Tally {
  return { answers: 0, correct: 0 };
}

function add(t: Tally, day: Tally): void {
  t.answers += day.answers;
  t.correct += day.correct;
}

function bucket(key: string, start: string, t: Tally): TrendBucket {
  return { key, start, answers: t.answers, correct: t.correct, accuracy: t.answers === 0 ? null : t.correct / t.answers };
}

function count(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new RangeError(`${what} must be a whole number from 1 to 10000, got ${n}`);
  return n;
}
