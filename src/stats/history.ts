/**
 * The answer history as the statistics read it: either every answer, or tallies of them (per question, per
 * local day, recency-weighted) that the database keeps current with each answer so that `awsquiz stats`
 * need not read 100 000 answers. `historyFromAnswers` is the reference: the tallies must equal what it
 * computes from the answers they came from.
 */

import { localDay } from './calendar.js';
import type { StatsAnswer } from './types.js';

/** An answer this many days old counts half as much as one given now (readiness, and the database's tallies). */
export const RECENCY_HALF_LIFE_DAYS = 14;

/** One question's answers: all of them, and right/wrong weighted by recency at the history's `at`. */
export interface QuestionTally {
  answers: number;
  correct: number;
  recentRight: number;
  recentWrong: number;
}

/** One local day's answers. */
export interface DayTally {
  answers: number;
  correct: number;
}

/** The answer history as tallies. */
export interface AnswerHistory {
  totals: { answers: number; correct: number; timeMs: number };
  /** Per question ever answered, retired ones included. */
  byQuestion: ReadonlyMap<string, QuestionTally>;
  /** Per local day (for `offsetMinutes`) with at least one answer. */
  byDay: ReadonlyMap<number, DayTally>;
  /** The offset the days are local to, minutes east of UTC. */
  offsetMinutes: number;
  /** The instant the recency weights are taken at. */
  at: Date;
}

/** What the statistics accept as history: every answer (needed to narrow by --domain, --topic, --since) or tallies. */
export type AnswerSource = readonly StatsAnswer[] | AnswerHistory;

/** The weight of an answer given at `answeredAt`, seen from `now`: 0.5^(age / half-life); 1 for one dated after now. */
export function recencyWeight(answeredAt: Date, now: Date): number {
  return 0.5 ** (Math.max(0, now.getTime() - answeredAt.getTime()) / (RECENCY_HALF_LIFE_DAYS * 86_400_000));
}

/** Tallies every answer, with days local to `offsetMinutes` and recency weights at `now`. */
export function historyFromAnswers(answers: readonly StatsAnswer[], now: Date, offsetMinutes: number): AnswerHistory {
  const byQuestion = new Map<string, QuestionTally>();
  const byDay = new Map<number, DayTally>();
  let correct = 0;
  let timeMs = 0;
  for (const a of answers) {
    let q = byQuestion.get(a.questionId);
    if (!q) byQuestion.set(a.questionId, (q = { answers: 0, correct: 0, recentRight: 0, recentWrong: 0 }));
    const day = localDay(a.answeredAt, offsetMinutes);
    let d = byDay.get(day);
    if (!d) byDay.set(day, (d = { answers: 0, correct: 0 }));
    const w = recencyWeight(a.answeredAt, now);
    q.answers++;
    d.answers++;
    if (a.correct) {
      q.correct++;
      d.correct++;
      q.recentRight += w;
      correct++;
    } else q.recentWrong += w;
    timeMs += a.timeMs;
  }
  return { totals: { answers: answers.length, correct, timeMs }, byQuestion, byDay, offsetMinutes, at: now };
}

/**
 * The tallies of `source`: computed when it is a list of answers, else checked to be taken for this
 * offset and instant (tallies for another cannot be shifted) and returned as they are.
 */
export function historyOf(source: AnswerSource, now: Date, offsetMinutes: number): AnswerHistory {
  if (isAnswerList(source)) return historyFromAnswers(source, now, offsetMinutes);
  if (source.offsetMinutes !== offsetMinutes || source.at.getTime() !== now.getTime()) {
    throw new RangeError('answer tallies were taken for another time zone or instant than the statistics asked for');
  }
  return source;
}

/** Whether the source is the answers themselves rather than tallies. */
export function isAnswerList(source: AnswerSource): source is readonly StatsAnswer[] {
  return Array.isArray(source);
}

// The sections below each read one part of the tallies. Given the answers themselves (a section called on
// its own), they tally them with historyFromAnswers; the parts a section does not read cost a little and
// are thrown away. buildReport tallies once before calling any of them.

/** An instant for tallies whose recency weights nobody reads. */
const UNWEIGHTED = new Date(0);

/** Answers and right answers per question (any history will do: no days or weights are read). */
export function answersByQuestion(source: AnswerSource): ReadonlyMap<string, { answers: number; correct: number }> {
  return isAnswerList(source) ? historyFromAnswers(source, UNWEIGHTED, 0).byQuestion : source.byQuestion;
}

/** Recency-weighted right and wrong answers per question at `now`. */
export function recentByQuestion(source: AnswerSource, now: Date): ReadonlyMap<string, { recentRight: number; recentWrong: number }> {
  if (isAnswerList(source)) return historyFromAnswers(source, now, 0).byQuestion;
  if (source.at.getTime() !== now.getTime()) throw new RangeError('answer tallies were weighted at another instant than the statistics asked for');
  return source.byQuestion;
}

/** Answers and right answers per local day. */
export function answersByDay(source: AnswerSource, offsetMinutes: number): ReadonlyMap<number, DayTally> {
  if (isAnswerList(source)) return historyFromAnswers(source, UNWEIGHTED, offsetMinutes).byDay;
  if (source.offsetMinutes !== offsetMinutes) throw new RangeError('answer tallies were taken for another time zone than the statistics asked for');
  return source.byDay;
}

/** All answers, right ones and time spent. */
export function answerTotals(source: AnswerSource): AnswerHistory['totals'] {
  return isAnswerList(source) ? historyFromAnswers(source, UNWEIGHTED, 0).totals : source.totals;
}
