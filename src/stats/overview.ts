/** The headline numbers: how much there is, how much has been done, what is due. */

import type { CardState } from '../study/schedule.js';
import { checkOffset, localDay, startOfLocalDay } from './calendar.js';
import { type AnswerHistory, answersByDay, answersByQuestion, answerTotals } from './history.js';
import type { StatsInput } from './types.js';

/**
 * A question is mastered once FSRS has it in Review with a stability of at least this many days: recall
 * would still be about 90% three weeks after the last review, the usual "mature card" line.
 */
export const MASTERED_STABILITY_DAYS = 21;

/** The headline numbers. */
export interface Overview {
  /** Active questions. */
  questions: number;
  /** Active questions answered at least once. */
  seen: number;
  /** Active questions whose card is in Review with stability ≥ MASTERED_STABILITY_DAYS. */
  mastered: number;
  /** Every answer in the history, including answers to questions since retired. */
  answers: number;
  correct: number;
  /** correct / answers; null before the first answer. */
  accuracy: number | null;
  /** Mean time per answer in milliseconds; null before the first answer. */
  meanTimeMs: number | null;
  /** Consecutive local days with an answer, ending today, or yesterday when nothing was answered yet today. */
  streakDays: number;
  studiedToday: boolean;
  /** Reviews (cards already reviewed once) due by the end of the local day, overdue ones included. */
  dueToday: number;
  /** Reviews due after today, up to the end of the 7th local day from today (so dueToday + this = the week ahead). */
  dueNext7Days: number;
}

/** What overview counts over the active questions and their cards (see Overview for each field). */
export interface OverviewCounts {
  questions: number;
  seen: number;
  mastered: number;
  dueToday: number;
  dueNext7Days: number;
}

/** The ends of "due today" and "due in the next 7 days", as instants (ms), for local days at `offsetMinutes`. */
export function dueWindows(now: Date, offsetMinutes: number): { endOfToday: number; endOfWeek: number } {
  const today = localDay(now, offsetMinutes);
  return { endOfToday: startOfLocalDay(today + 1, offsetMinutes).getTime(), endOfWeek: startOfLocalDay(today + 8, offsetMinutes).getTime() };
}

/** Computes the headline numbers from the answer tallies and one pass over the questions. */
export function overview(input: Pick<StatsInput, 'questions' | 'answers' | 'cards' | 'now' | 'timeZoneOffsetMinutes'>): Overview {
  const { questions, answers, cards, now, timeZoneOffsetMinutes: offset } = input;
  checkOffset(offset);
  const answered = answersByQuestion(answers);
  const { endOfToday, endOfWeek } = dueWindows(now, offset);
  let seen = 0;
  let mastered = 0;
  let dueToday = 0;
  let dueNext7Days = 0;
  let count = 0;
  for (const q of questions) {
    count += q.count ?? 1;
    if (answered.has(q.id)) seen++;
    const card = cards.get(q.id);
    if (!card) continue;
    if (isMastered(card)) mastered++;
    // A new card (never reviewed) is not a review: it waits in the new-question pile, not the due one.
    if (card.state === 0) continue;
    const due = card.due.getTime();
    if (due < endOfToday) dueToday++;
    else if (due < endOfWeek) dueNext7Days++;
  }
  return overviewOf({ questions: count, seen, mastered, dueToday, dueNext7Days }, answersByDay(answers, offset), answerTotals(answers), now, offset);
}

/** The headline numbers from the question counts and the answer tallies (per local day at `offsetMinutes`, and in all). */
export function overviewOf(
  counts: OverviewCounts,
  days: ReadonlyMap<number, unknown>,
  totals: AnswerHistory['totals'],
  now: Date,
  offsetMinutes: number,
): Overview {
  checkOffset(offsetMinutes);
  return {
    questions: counts.questions,
    seen: counts.seen,
    mastered: counts.mastered,
    answers: totals.answers,
    correct: totals.correct,
    accuracy: totals.answers === 0 ? null : totals.correct / totals.answers,
    meanTimeMs: totals.answers === 0 ? null : totals.timeMs / totals.answers,
    ...streak(days, localDay(now, offsetMinutes)),
    dueToday: counts.dueToday,
    dueNext7Days: counts.dueNext7Days,
  };
}

/** Whether a card counts as mastered (see MASTERED_STABILITY_DAYS). */
export function isMastered(card: CardState): boolean {
  return card.state === 2 && card.stability >= MASTERED_STABILITY_DAYS;
}

function streak(days: ReadonlyMap<number, unknown>, today: number): { streakDays: number; studiedToday: boolean } {
  const studiedToday = days.has(today);
  // A streak is not broken until today is over: yesterday's run still counts this morning.
  let day = studiedToday ? today : today - 1;
  let streakDays = 0;
  while (days.has(day)) {
    streakDays++;
    day--;
  }
  return { streakDays, studiedToday };
}
