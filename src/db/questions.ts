import type { Db } from './open.js';

export interface QuestionRow {
  id: string;
  kind: 'single' | 'multi' | 'typed' | 'flip';
  fact_kind: string;
  topic: string;
  prompt: string;
  answers: string;
  distractors: string;
  accepted: string;
  line: number;
  source_text: string;
  path: string;
  retired_at: string | null;
  flagged_at: string | null;
  flag_reason: string | null;
  services: string | null;
  score: number;
  features: string;
  /** The finding (JSON) when the question teaches what AWS documents differently now. */
  outdated: string | null;
}

export interface QuestionFilter {
  topic?: string;
  /** Only questions scoring at least this. */
  minScore?: number;
  flagged?: boolean;
  includeRetired?: boolean;
  /** Also questions whose note AWS documents differently now (study, exams and exports leave them out). */
  includeOutdated?: boolean;
}

const SELECT = `SELECT q.id, q.kind, q.fact_kind, t.path AS topic, q.prompt, q.answers, q.distractors, q.accepted, q.line,
  q.source_text, s.path, q.retired_at, q.flagged_at, q.flag_reason, q.score, q.features, q.outdated,
  (SELECT group_concat(service_id, ',') FROM question_services qs WHERE qs.question_id = q.id) AS services
  FROM questions q JOIN topics t ON t.id = q.topic_id JOIN sources s ON s.id = q.source_id`;

/** Questions for review, in source order. */
export function listQuestions(db: Db, filter: QuestionFilter = {}): QuestionRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filter.includeRetired) where.push('q.retired_at IS NULL');
  if (filter.flagged) where.push('q.flagged_at IS NOT NULL');
  if (!filter.includeOutdated) where.push('q.outdated IS NULL');
  if (filter.minScore !== undefined) {
    where.push('q.score >= ?');
    params.push(filter.minScore);
  }
  if (filter.topic) {
    where.push(`t.path LIKE ? ESCAPE '\\'`);
    params.push(`%${filter.topic.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY s.path, q.line, q.id`;
  return db.prepare(sql).all(...params) as QuestionRow[];
}

/** How many live questions are left out of a listing as outdated. */
export function countOutdated(db: Db): number {
  return db.prepare('SELECT count(*) FROM questions q WHERE q.retired_at IS NULL AND q.outdated IS NOT NULL').pluck().get() as number;
}

/** One question by id, or by an unambiguous id prefix. */
export function findQuestion(db: Db, id: string): QuestionRow[] {
  const escaped = id.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db.prepare(`${SELECT} WHERE q.id = ? OR q.id LIKE ? ESCAPE '\\' LIMIT 2`).all(id, `${escaped}%`) as QuestionRow[];
}
