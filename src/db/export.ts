import type { ExportQuestion } from '../export/question.js';
import type { ReviewLogEntry } from '../study/schedule.js';
import type { Db } from './open.js';
import { likeAnywhere } from './question-index.js';
import { toCard, toQuestion, type CardRow, type QuizQuestionRow } from './quiz.js';

/** A question as an export reads it (the exam and domain it counts for are worked out above the database). */
export type ExportRow = Omit<ExportQuestion, 'examCode' | 'domainSlug'>;

export interface ExportQuery {
  /** Case-insensitive substring of the topic's heading path. */
  topic?: string;
  /** Only questions from notes at this path: the file itself, or any file under the folder. */
  notes?: string;
  reviews?: boolean;
}

interface Row extends QuizQuestionRow {
  flagged_at: string | null;
  score: number;
  n_answers: number | null;
  n_correct: number | null;
}

/** Every active (not retired) question matching the query, flagged ones included and marked, in notes order. */
export function exportRows(db: Db, query: ExportQuery = {}): ExportRow[] {
  const where = ['q.retired_at IS NULL'];
  const params: unknown[] = [];
  if (query.topic) {
    where.push(`t.path LIKE ? ESCAPE '\\'`);
    params.push(likeAnywhere(query.topic));
  }
  if (query.notes) {
    const dir = query.notes.endsWith('/') ? query.notes : `${query.notes}/`;
    where.push(`(s.path = ? OR substr(s.path, 1, ?) = ?)`);
    params.push(query.notes, dir.length, dir);
  }
  const rows = db
    .prepare(
      `SELECT q.id, q.kind, t.path AS topic, q.prompt, q.answers, q.distractors, q.accepted, q.exam, q.domain, s.path, q.line, q.source_text,
         q.outdated, q.flagged_at, q.score, sc.answers AS n_answers, sc.correct AS n_correct,
         (SELECT group_concat(service_id, ',') FROM question_services qs WHERE qs.question_id = q.id) AS services
       FROM questions q JOIN topics t ON t.id = q.topic_id JOIN sources s ON s.id = q.source_id
       LEFT JOIN question_scores sc ON sc.question_id = q.id
       WHERE ${where.join(' AND ')} ORDER BY s.path, q.line, q.id`,
    )
    .all(...params) as Row[];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const cards = new Map(
    (db.prepare('SELECT * FROM cards WHERE question_id IN (SELECT value FROM json_each(?))').all(ids) as CardRow[]).map((c) => [c.question_id, toCard(c)]),
  );
  const reviews = query.reviews ? reviewsOf(db, ids) : new Map<string, ReviewLogEntry[]>();
  return rows.map((r) => {
    const q = toQuestion(r);
    return {
      ...q,
      services: [...q.services].sort(),
      outdated: q.outdated ?? null,
      flagged: r.flagged_at !== null,
      score: r.score,
      answered: { answers: r.n_answers ?? 0, correct: r.n_correct ?? 0 },
      card: cards.get(r.id) ?? null,
      reviews: reviews.get(r.id) ?? [],
    };
  });
}

function reviewsOf(db: Db, ids: string): Map<string, ReviewLogEntry[]> {
  const rows = db
    .prepare(
      `SELECT question_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, review
       FROM review_logs WHERE question_id IN (SELECT value FROM json_each(?)) ORDER BY review, id`,
    )
    .all(ids) as Array<Omit<ReviewLogEntry, 'due' | 'review'> & { question_id: string; due: string; review: string }>;
  const out = new Map<string, ReviewLogEntry[]>();
  for (const { question_id, ...r } of rows) {
    const list = out.get(question_id) ?? [];
    list.push({ ...r, due: new Date(r.due), review: new Date(r.review) });
    out.set(question_id, list);
  }
  return out;
}
