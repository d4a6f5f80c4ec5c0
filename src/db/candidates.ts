/**
 * The few rows a study session is planned from, read through indexes instead of loading every question
 * and card: due reviews, not-yet-due cards of the weakest topics, and new questions at given positions.
 * src/app/study-plan.ts decides how many of each to read; buildQueue still makes the plan.
 */

import type { CardState } from '../study/schedule.js';
import type { Db } from './open.js';
import { type IndexFilter, indexConditions } from './question-index.js';
import { type CardRow, toCard } from './quiz.js';

/** A question with its topic id and, when it has been reviewed, its card; a new one with its quality score. */
export interface CandidateRow {
  id: string;
  topicId: number;
  card: CardState | null;
  score?: number;
}

// A new question's score, read with its index row (one primary-key lookup each).
const SCORE = '(SELECT q.score FROM questions q WHERE q.id = qi.question_id)';

// Without ANALYZE statistics SQLite's planner prefers scanning a whole exam's index rows to these
// lookups (400 ms instead of 1 ms at 100 000 questions), so the queries name their indexes: the order of the
// loops here is part of the design, not a tuning detail. bench/inproc.mjs prints their plans.

/** A card counts as reviewed (not new) once it has left New or has a repetition; buildQueue draws the same line. */
const REVIEWED = 'NOT (c.state = 0 AND c.reps = 0)';

type Row = CardRow & { qi_question_id: string; qi_topic_id: number };
const withCard = (r: Row): CandidateRow => ({ id: r.qi_question_id, topicId: r.qi_topic_id, card: toCard(r) });

/** Reviewed cards due at or before `now` in the selection, longest overdue first, at most `limit`. */
export function dueCandidates(db: Db, exam: string, filter: IndexFilter, now: Date, limit: number): CandidateRow[] {
  const c = indexConditions(exam, filter);
  const rows = db
    .prepare(
      `SELECT c.*, qi.question_id AS qi_question_id, qi.topic_id AS qi_topic_id
       FROM cards c INDEXED BY cards_due CROSS JOIN question_index qi INDEXED BY question_index_question ON qi.exam = ? AND qi.question_id = c.question_id
       WHERE c.due <= ? AND ${REVIEWED} AND ${c.sql} ORDER BY c.due LIMIT ?`,
    )
    .all(exam, now.toISOString(), ...c.params, limit) as Row[];
  return rows.map(withCard);
}

/** The topics whose Wilson lower bound is below `below`, weakest first, that have questions in the selection. */
export function weakestTopics(db: Db, exam: string, filter: IndexFilter, below: number, limit: number): Array<{ topicId: number; right: number; total: number }> {
  const c = indexConditions(exam, filter);
  const rows = db
    .prepare(
      `SELECT s.topic_id, s.right, s.total FROM topic_scores s
       WHERE s.lower_bound < ? AND EXISTS (SELECT 1 FROM question_index qi WHERE qi.topic_id = s.topic_id AND ${c.sql})
       ORDER BY s.lower_bound, s.total DESC LIMIT ?`,
    )
    .raw()
    .all(below, ...c.params, limit) as Array<[number, number, number]>;
  return rows.map(([topicId, right, total]) => ({ topicId, right, total }));
}

/** Reviewed cards of some topics in the selection that are not due yet. */
export function laterCandidates(db: Db, exam: string, filter: IndexFilter, topicIds: readonly number[], now: Date): CandidateRow[] {
  if (topicIds.length === 0) return [];
  const c = indexConditions(exam, filter);
  const rows = db
    .prepare(
      `SELECT c.*, qi.question_id AS qi_question_id, qi.topic_id AS qi_topic_id
       FROM question_index qi INDEXED BY question_index_topic JOIN cards c ON c.question_id = qi.question_id
       WHERE qi.topic_id IN (SELECT value FROM json_each(?)) AND c.due > ? AND ${REVIEWED} AND ${c.sql}`,
    )
    .all(JSON.stringify(topicIds), now.toISOString(), ...c.params) as Row[];
  return rows.map(withCard);
}

/** How many rows `exam`'s index has: positions run from 0 to this − 1. */
export function indexSize(db: Db, exam: string): number {
  return (db.prepare('SELECT coalesce(max(position) + 1, 0) FROM question_index WHERE exam = ?').pluck().get(exam) as number) ?? 0;
}

/** Of the rows at `positions`, the new questions (no reviewed card) that pass the filter. */
export function newAtPositions(db: Db, exam: string, filter: IndexFilter, positions: readonly number[]): CandidateRow[] {
  const c = indexConditions(exam, filter);
  const rows = db
    .prepare(
      `SELECT qi.question_id, qi.topic_id, ${SCORE} FROM question_index qi
       WHERE qi.position IN (SELECT value FROM json_each(?)) AND ${c.sql}
         AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.question_id = qi.question_id AND ${REVIEWED})`,
    )
    .raw()
    .all(JSON.stringify(positions), ...c.params) as Array<[string, number, number]>;
  return rows.map(([id, topicId, score]) => ({ id, topicId, card: null, score }));
}

/** Every new question (no reviewed card) in the selection, in notes order. */
export function allNew(db: Db, exam: string, filter: IndexFilter): CandidateRow[] {
  const c = indexConditions(exam, filter);
  const rows = db
    .prepare(
      `SELECT qi.question_id, qi.topic_id, ${SCORE} FROM question_index qi
       WHERE ${c.sql} AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.question_id = qi.question_id AND ${REVIEWED})
       ORDER BY qi.position`,
    )
    .raw()
    .all(...c.params) as Array<[string, number, number]>;
  return rows.map(([id, topicId, score]) => ({ id, topicId, card: null, score }));
}
