/** What the statistics are computed from: plain data the CLI layer loads from SQLite. */

import type { AnswerRecord } from '../core/types.js';
import type { Blueprint } from '../exam/blueprint.js';
import type { CardState, Scheduler } from '../study/schedule.js';
import type { AnswerSource } from './history.js';

/** An active question, with its domain already mapped for the chosen exam (null: none). */
export interface StatsQuestion {
  /** Empty for an entry standing for several questions (see `count`). */
  id: string;
  /** Heading path, "SQS › Dead-letter queues". */
  topic: string;
  /** The topic's id in the database, when known: the drill command names it (`study --topic-id`). */
  topicId?: number;
  domain: string | null;
  /**
   * How many questions of this topic and domain the entry stands for (default 1). The database sends the
   * questions nobody has answered or reviewed yet this way, with an empty id: they count towards coverage
   * and topic domains but have no answers or card to look up.
   */
  count?: number;
}

/** One answer from the history (answers to retired questions may be included: history is history). */
export type StatsAnswer = AnswerRecord;

/** A finished mock exam; `percent` is 0–100 as src/exam/score.ts gives it, `domain` null for a full exam. */
export interface StatsExam {
  sessionId: number;
  exam: string;
  domain: string | null;
  startedAt: Date;
  endedAt: Date | null;
  percent: number;
  scaledEstimate: number;
  passed: boolean;
  total: number;
}

/** Everything `buildReport` reads. */
export interface StatsInput {
  questions: readonly StatsQuestion[];
  /** Every answer, or the database's tallies of them (then nothing can narrow them: see applyFilter). */
  answers: AnswerSource;
  cards: ReadonlyMap<string, CardState>;
  scheduler: Scheduler;
  exams: readonly StatsExam[];
  bp: Blueprint;
  now: Date;
  /** The instant recall is predicted for (the exam date, when known); default: 7 days after `now`. */
  horizon?: Date;
  /**
   * The user's offset from UTC in minutes, east positive (+60 for CET, −300 for EST; that is
   * `-new Date().getTimezoneOffset()`). One offset for the whole history: a DST change moves old answers
   * near midnight by an hour, which a streak or a daily bar can live with.
   */
  timeZoneOffsetMinutes: number;
}
