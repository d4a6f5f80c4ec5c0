import type { QuestionKind } from '../core/types.js';
import type { ExamUse } from '../exam/assemble.js';
import type { Db } from './open.js';

/** One row of the per-exam question index: what planning a session or an exam needs of a question. */
export interface IndexRow {
  id: string;
  topicId: number;
  domain: string | null;
  kind: QuestionKind;
  use: ExamUse;
  /** It teaches a number AWS documents differently now: exams leave it out unless asked. */
  outdated?: boolean;
}

/** An IndexRow as SQLite returns it, [id, topicId, domain, kind, use]: 100 000 of them load without an object each. */
export type IndexTuple = [string, number, string | null, QuestionKind, ExamUse];

/** What an index lookup can be narrowed by. */
export interface IndexFilter {
  domain?: string;
  /** Case-insensitive substring of the topic's heading path. */
  topic?: string;
  /** Exactly one topic, by id (what `awsquiz stats` names in its drill commands). */
  topicId?: number;
  service?: string;
  /** Only questions from the notes at this absolute path: one file, or every note under a folder. */
  notes?: string;
  /**
   * Only questions the exam's index maps to one of its domains and whose note names no other exam in its
   * front matter (`study --exam`: a DVA note is not SAA study).
   */
  mappedOnly?: boolean;
  /** Leave out questions that teach a number AWS documents differently now (migration 0006). */
  currentOnly?: boolean;
}

/** A LIKE pattern (with ESCAPE '\\') matching the paths under the folder `dir`. */
export const likeUnder = (dir: string) => `${dir.replace(/\/+$/, '').replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;

/** A LIKE pattern (with ESCAPE '\\') matching `s` anywhere, its % and _ taken literally. */
export const likeAnywhere = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The change counter that triggers bump whenever a question (or its services) is added, edited, retired or flagged. */
export function questionsVersion(db: Db): number {
  return db.prepare(`SELECT value FROM counters WHERE name = 'questions'`).pluck().get() as number;
}

/** A derived value and the stamp it was computed under; undefined when never computed. */
export function readDerived(db: Db, key: string): { stamp: string; value: string | null } | undefined {
  return db.prepare('SELECT stamp, value FROM derived WHERE key = ?').get(key) as { stamp: string; value: string | null } | undefined;
}

/** Stores a derived value with its stamp (call inside the transaction that computed it). */
export function writeDerived(db: Db, key: string, stamp: string, value: string | null): void {
  db.prepare('INSERT INTO derived (key, stamp, value) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET stamp = excluded.stamp, value = excluded.value').run(
    key,
    stamp,
    value,
  );
}

/**
 * Replaces one exam's index rows (call inside a transaction; `rows` in the order sessions should see them).
 * Within each (domain, use) pool the current questions take the first ranks and outdated ones the last, so an
 * exam can draw from the current ones alone by rank (migration 0006).
 */
export function replaceIndex(db: Db, exam: string, rows: readonly IndexRow[]): void {
  db.prepare('DELETE FROM question_index WHERE exam = ?').run(exam);
  const insert = db.prepare(
    'INSERT INTO question_index (exam, position, question_id, topic_id, domain, kind, exam_use, domain_rank, outdated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const current = new Map<string, number>();
  for (const r of rows) if (!r.outdated) current.set(`${r.domain}\u0000${r.use}`, (current.get(`${r.domain}\u0000${r.use}`) ?? 0) + 1);
  const ranks = new Map<string, number>();
  const outdatedRanks = new Map<string, number>();
  rows.forEach((r, i) => {
    const group = `${r.domain}\u0000${r.use}`;
    const counter = r.outdated ? outdatedRanks : ranks;
    const n = counter.get(group) ?? 0;
    counter.set(group, n + 1);
    const rank = r.outdated ? (current.get(group) ?? 0) + n : n;
    insert.run(exam, i, r.id, r.topicId, r.domain, r.kind, r.use, rank, r.outdated ? 1 : 0);
  });
}

/**
 * SQL conditions narrowing `question_index` rows aliased `qi` to one exam and a filter, with their
 * parameters in order.
 */
export function indexConditions(exam: string, filter: IndexFilter): { sql: string; params: unknown[] } {
  const where = ['qi.exam = ?'];
  const params: unknown[] = [exam];
  if (filter.domain !== undefined) {
    where.push('qi.domain = ?');
    params.push(filter.domain);
  }
  if (filter.topic) {
    where.push(`qi.topic_id IN (SELECT id FROM topics WHERE path LIKE ? ESCAPE '\\')`);
    params.push(likeAnywhere(filter.topic));
  }
  if (filter.topicId !== undefined) {
    where.push('qi.topic_id = ?');
    params.push(filter.topicId);
  }
  if (filter.service) {
    where.push('EXISTS (SELECT 1 FROM question_services qs WHERE qs.question_id = qi.question_id AND qs.service_id = ?)');
    params.push(filter.service);
  }
  if (filter.notes !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM questions q JOIN sources s ON s.id = q.source_id WHERE q.id = qi.question_id AND (s.path = ? OR s.path LIKE ? ESCAPE '\\'))`,
    );
    params.push(filter.notes, likeUnder(filter.notes));
  }
  if (filter.currentOnly) where.push('qi.outdated = 0');
  if (filter.mappedOnly) {
    where.push(`qi.domain IS NOT NULL AND NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = qi.question_id AND q.exam IS NOT NULL AND upper(q.exam) != upper(qi.exam))`);
  }
  return { sql: where.join(' AND '), params };
}

/** One exam's index rows in notes order, narrowed by domain, topic text and service. */
export function indexRows(db: Db, exam: string, filter: IndexFilter = {}): IndexTuple[] {
  const c = indexConditions(exam, filter);
  return db
    .prepare(`SELECT qi.question_id, qi.topic_id, qi.domain, qi.kind, qi.exam_use FROM question_index qi WHERE ${c.sql} ORDER BY qi.position`)
    .raw()
    .all(...c.params) as IndexTuple[];
}

/** How many of one exam's indexed questions each (topic, domain) pair has, as [topicId, domain, count]. */
export function indexGroups(db: Db, exam: string): Array<[number, string | null, number]> {
  return db
    .prepare('SELECT topic_id, domain, count(*) FROM question_index INDEXED BY question_index_topic WHERE exam = ? GROUP BY topic_id, domain')
    .raw()
    .all(exam) as Array<[number, string | null, number]>;
}

/**
 * The indexed questions of one exam that have an answer or a card, as [id, topicId, domain]: the only ones
 * statistics need one by one (the rest only count, see indexGroups).
 */
export function indexTouched(db: Db, exam: string): Array<[string, number, string | null]> {
  return db
    .prepare(
      // The touched ids first, then one covering-index lookup each; left to itself the planner walks the whole index.
      `SELECT qi.question_id, qi.topic_id, qi.domain
       FROM (SELECT question_id FROM question_scores UNION SELECT question_id FROM cards) t
       CROSS JOIN question_index qi INDEXED BY question_index_question ON qi.exam = ? AND qi.question_id = t.question_id`,
    )
    .raw()
    .all(exam) as Array<[string, number, string | null]>;
}

/** Whether any indexed question of `exam` passes the filter. */
export function anyIndexed(db: Db, exam: string, filter: IndexFilter = {}): boolean {
  const c = indexConditions(exam, filter);
  return db.prepare(`SELECT 1 FROM question_index qi WHERE ${c.sql} LIMIT 1`).get(...c.params) !== undefined;
}

/** Heading paths of some topics, by id. */
export function topicPathsOf(db: Db, ids: Iterable<number>): Map<number, string> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  return new Map(db.prepare('SELECT id, path FROM topics WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(list)) as Array<[number, string]>);
}

/** Heading path of every topic, by id. */
export function topicPaths(db: Db): Map<number, string> {
  return new Map(db.prepare('SELECT id, path FROM topics').raw().all() as Array<[number, string]>);
}

/** How many active questions each front-matter exam code has (upper-cased; questions without one left out). */
export function activeExamCounts(db: Db): Array<{ exam: string; n: number }> {
  return db
    .prepare(`SELECT upper(exam) AS exam, count(*) AS n FROM questions WHERE retired_at IS NULL AND flagged_at IS NULL AND exam IS NOT NULL GROUP BY upper(exam)`)
    .all() as Array<{ exam: string; n: number }>;
}

/**
 * Indexed questions an exam can use, counted per domain and use (unmapped and unusable ones left out): `n`
 * in all, `current` of them not outdated (they hold ranks 0 to current − 1).
 */
export function examPoolSizes(db: Db, exam: string): Array<{ domain: string; use: 'objective' | 'typed'; n: number; current: number }> {
  // Both counts come from indexes alone: every row from the covering domain index, the outdated few from
  // their partial index (migration 0006).
  const count = (sql: string) =>
    new Map(
      (db.prepare(`SELECT domain, exam_use AS use, count(*) AS n FROM question_index ${sql} GROUP BY domain, exam_use`).all(exam) as Array<{ domain: string; use: 'objective' | 'typed'; n: number }>).map((r) => [
        `${r.domain}\u0000${r.use}`,
        r,
      ]),
    );
  const all = count('INDEXED BY question_index_domain WHERE exam = ? AND domain IS NOT NULL AND exam_use IS NOT NULL');
  const outdated = count('INDEXED BY question_index_outdated WHERE exam = ? AND outdated = 1 AND domain IS NOT NULL AND exam_use IS NOT NULL');
  return [...all].map(([key, r]) => ({ domain: r.domain, use: r.use, n: r.n, current: r.n - (outdated.get(key)?.n ?? 0) }));
}

/** The rows of one (domain, use) pool at the given ranks. */
export function poolRowsAtRanks(db: Db, exam: string, domain: string, use: 'objective' | 'typed', ranks: readonly number[]): IndexTuple[] {
  return db
    .prepare(
      // Named: without ANALYZE statistics the planner scans the exam's whole index instead.
      `SELECT question_id, topic_id, domain, kind, exam_use FROM question_index INDEXED BY question_index_domain
       WHERE exam = ? AND domain = ? AND exam_use = ? AND domain_rank IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(exam, domain, use, JSON.stringify(ranks)) as IndexTuple[];
}
