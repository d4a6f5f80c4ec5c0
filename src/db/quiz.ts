import type { QuizQuestion, Rating } from '../core/types.js';
import type { CardPhase, CardState, ReviewLogEntry } from '../study/schedule.js';
import type { Db } from './open.js';
import { likeAnywhere } from './question-index.js';

export interface QuestionQuery {
  topic?: string;
  service?: string;
  ids?: string[];
}

interface QuestionRow {
  id: string;
  kind: QuizQuestion['kind'];
  topic: string;
  prompt: string;
  answers: string;
  distractors: string;
  accepted: string;
  services: string | null;
  exam: string | null;
  domain: string | null;
  path: string;
  line: number;
  source_text: string;
}

/** A `cards` row as SQLite returns it. */
export interface CardRow {
  question_id: string;
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: string | null;
}

export interface AnswerToRecord {
  sessionId: number | null;
  questionId: string;
  position: number | null;
  given: unknown;
  correct: boolean;
  timeMs: number;
  flagged?: boolean;
  at: Date;
  /** The FSRS update for this answer; absent for an exam answer whose review is applied at the end. */
  review?: { rating: Rating; card: CardState; log: ReviewLogEntry };
}


/** Reads and records what study and exam sessions need: questions, cards, answers, sessions, flags. */
export class QuizRepository {
  private readonly insertAnswer;
  private readonly upsertCard;
  private readonly insertLog;

  constructor(private readonly db: Db) {
    this.insertAnswer = db.prepare(
      `INSERT INTO answers (session_id, question_id, position, given, correct, rating, time_ms, flagged, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.upsertCard = db.prepare(
      `INSERT INTO cards (question_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
       VALUES (@question_id, @due, @stability, @difficulty, @elapsed_days, @scheduled_days, @learning_steps, @reps, @lapses, @state, @last_review)
       ON CONFLICT(question_id) DO UPDATE SET due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
         elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps,
         reps = excluded.reps, lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review`,
    );
    this.insertLog = db.prepare(
      `INSERT INTO review_logs (question_id, answer_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
                                scheduled_days, learning_steps, review)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Active questions (not retired, not flagged), optionally narrowed by topic text or service. */
  questions(query: QuestionQuery = {}): QuizQuestion[] {
    const where = ['q.retired_at IS NULL', 'q.flagged_at IS NULL'];
    const params: unknown[] = [];
    if (query.topic) {
      where.push(`t.path LIKE ? ESCAPE '\\'`);
      params.push(likeAnywhere(query.topic));
    }
    if (query.service) {
      where.push('EXISTS (SELECT 1 FROM question_services qs WHERE qs.question_id = q.id AND qs.service_id = ?)');
      params.push(query.service);
    }
    if (query.ids) {
      where.push('q.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(query.ids));
    }
    const rows = this.db
      .prepare(
        `SELECT q.id, q.kind, t.path AS topic, q.prompt, q.answers, q.distractors, q.accepted, q.exam, q.domain, s.path, q.line, q.source_text,
           (SELECT group_concat(service_id, ',') FROM question_services qs WHERE qs.question_id = q.id) AS services
         FROM questions q JOIN topics t ON t.id = q.topic_id JOIN sources s ON s.id = q.source_id
         WHERE ${where.join(' AND ')} ORDER BY s.path, q.line, q.id`,
      )
      .all(...params) as QuestionRow[];
    return rows.map(toQuestion);
  }

  /** Questions by id, including retired or flagged ones (an exam being resumed still shows them). */
  questionsById(ids: string[]): Map<string, QuizQuestion> {
    const rows = this.db
      .prepare(
        `SELECT q.id, q.kind, t.path AS topic, q.prompt, q.answers, q.distractors, q.accepted, q.exam, q.domain, s.path, q.line, q.source_text,
           (SELECT group_concat(service_id, ',') FROM question_services qs WHERE qs.question_id = q.id) AS services
         FROM questions q JOIN topics t ON t.id = q.topic_id JOIN sources s ON s.id = q.source_id
         WHERE q.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as QuestionRow[];
    return new Map(rows.map((r) => [r.id, toQuestion(r)]));
  }

  /** Every card's FSRS state. */
  cards(): Map<string, CardState> {
    const rows = this.db.prepare('SELECT * FROM cards').all() as CardRow[];
    return new Map(rows.map((r) => [r.question_id, toCard(r)]));
  }

  /** The FSRS state of some questions' cards (those without a card are absent). */
  cardsById(ids: readonly string[]): Map<string, CardState> {
    const rows = this.db.prepare('SELECT * FROM cards WHERE question_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as CardRow[];
    return new Map(rows.map((r) => [r.question_id, toCard(r)]));
  }

  /** Right/total answers per topic (over all answers ever given; kept by a trigger on answers, see migration 0002). */
  topicAccuracy(): Map<string, { right: number; total: number }> {
    const rows = this.db.prepare('SELECT t.path, s.right, s.total FROM topic_scores s JOIN topics t ON t.id = s.topic_id').raw().all() as Array<[string, number, number]>;
    return new Map(rows.map(([topic, right, total]) => [topic, { right, total }]));
  }

  /** Cards due at or before `until`. */
  dueCount(until: Date): number {
    return (
      this.db
        .prepare(`SELECT count(*) AS n FROM cards c JOIN questions q ON q.id = c.question_id WHERE c.due <= ? AND q.retired_at IS NULL AND q.flagged_at IS NULL`)
        .get(until.toISOString()) as { n: number }
    ).n;
  }

  /** Starts a session row and returns its id. */
  startSession(s: { kind: 'study' | 'exam'; exam?: string | null; domain?: string | null; at: Date; timeLimitS?: number | null; seed?: string | null; plan?: unknown }): number {
    const r = this.db
      .prepare('INSERT INTO sessions (kind, exam, domain, started_at, time_limit_s, seed, plan) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(s.kind, s.exam ?? null, s.domain ?? null, s.at.toISOString(), s.timeLimitS ?? null, s.seed ?? null, JSON.stringify(s.plan ?? {}));
    return Number(r.lastInsertRowid);
  }

  /**
   * Saves a running session's plan (exam state) and elapsed time, so it can be resumed. With `owner`, only
   * while the session is still active and that process's: false when another one abandoned or took it.
   */
  saveSessionPlan(id: number, plan: unknown, elapsedMs: number, owner?: string): boolean {
    if (owner === undefined) {
      this.db.prepare('UPDATE sessions SET plan = ?, elapsed_ms = ? WHERE id = ?').run(JSON.stringify(plan), Math.round(elapsedMs), id);
      return true;
    }
    return (
      this.db
        .prepare(`UPDATE sessions SET plan = ?, elapsed_ms = ? WHERE id = ? AND status = 'active' AND owner = ?`)
        .run(JSON.stringify(plan), Math.round(elapsedMs), id, owner).changes === 1
    );
  }

  /**
   * Starts an exam owned by `owner`, atomically: null when an exam is already active (checked and written
   * in one immediate transaction, and at most one active exam is a unique index besides).
   */
  startExam(s: { exam: string; domain: string | null; at: Date; timeLimitS: number; seed: string; plan: unknown; owner: string }): number | null {
    try {
      return this.db.transaction(() => {
        if (this.activeSession('exam')) return null;
        const r = this.db
          .prepare(`INSERT INTO sessions (kind, exam, domain, started_at, time_limit_s, seed, plan, owner) VALUES ('exam', ?, ?, ?, ?, ?, ?, ?)`)
          .run(s.exam, s.domain, s.at.toISOString(), s.timeLimitS, s.seed, JSON.stringify(s.plan), s.owner);
        return Number(r.lastInsertRowid);
      }).immediate();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
      throw e;
    }
  }

  /**
   * Takes an active session for `owner` if no running process holds it (`isFree` judges the holder it
   * read): a compare-and-set, so two processes resuming one exam at once cannot both get it.
   */
  claimSession(id: number, owner: string, isFree: (holder: string | null) => boolean): { claimed: true } | { claimed: false; holder: string | null } {
    const row = this.db.prepare(`SELECT owner FROM sessions WHERE id = ? AND status = 'active'`).get(id) as { owner: string | null } | undefined;
    if (!row) return { claimed: false, holder: null };
    if (!isFree(row.owner)) return { claimed: false, holder: row.owner };
    const changes = this.db.prepare(`UPDATE sessions SET owner = ? WHERE id = ? AND status = 'active' AND owner IS ?`).run(owner, id, row.owner).changes;
    return changes === 1 ? { claimed: true } : { claimed: false, holder: null };
  }

  /** Lets go of a session this process held (a paused exam), so that `--resume` can take it. */
  releaseSession(id: number, owner: string): void {
    this.db.prepare('UPDATE sessions SET owner = NULL WHERE id = ? AND owner = ?').run(id, owner);
  }

  /** Ends a session held by `owner`: false, and nothing written, when it is no longer active and theirs. */
  finishOwned(id: number, owner: string, at: Date, elapsedMs: number): boolean {
    return (
      this.db
        .prepare(`UPDATE sessions SET status = 'finished', ended_at = ?, elapsed_ms = ? WHERE id = ? AND status = 'active' AND owner = ?`)
        .run(at.toISOString(), Math.round(elapsedMs), id, owner).changes === 1
    );
  }

  /** Closes a session. */
  endSession(id: number, status: 'finished' | 'abandoned', at: Date, elapsedMs?: number): void {
    this.db
      .prepare('UPDATE sessions SET status = ?, ended_at = ?, elapsed_ms = COALESCE(?, elapsed_ms) WHERE id = ?')
      .run(status, at.toISOString(), elapsedMs === undefined ? null : Math.round(elapsedMs), id);
  }

  /**
   * The most recent unfinished session of a kind, if any. Its plan is null when the stored text is not
   * JSON (a damaged file): the session can still be abandoned.
   */
  activeSession(kind: 'study' | 'exam'): { id: number; exam: string | null; domain: string | null; startedAt: string; plan: unknown; elapsedMs: number; timeLimitS: number | null; owner: string | null } | undefined {
    const r = this.db
      .prepare(`SELECT id, exam, domain, started_at, plan, elapsed_ms, time_limit_s, owner FROM sessions WHERE kind = ? AND status = 'active' ORDER BY id DESC LIMIT 1`)
      .get(kind) as { id: number; exam: string | null; domain: string | null; started_at: string; plan: string; elapsed_ms: number; time_limit_s: number | null; owner: string | null } | undefined;
    if (!r) return undefined;
    return { id: r.id, exam: r.exam, domain: r.domain, startedAt: r.started_at, plan: parseJson(r.plan), elapsedMs: r.elapsed_ms, timeLimitS: r.time_limit_s, owner: r.owner };
  }

  /** Answers already recorded in a session, by question id. */
  sessionAnswers(sessionId: number): Map<string, { given: unknown; correct: boolean }> {
    const rows = this.db.prepare('SELECT question_id, given, correct FROM answers WHERE session_id = ? ORDER BY id').all(sessionId) as Array<{
      question_id: string;
      given: string;
      correct: number;
    }>;
    return new Map(rows.map((r) => [r.question_id, { given: JSON.parse(r.given) as unknown, correct: r.correct === 1 }]));
  }

  /** Records one answer and its FSRS update in a single transaction: it is saved the moment it is given. */
  record(a: AnswerToRecord): number {
    return this.db.transaction(() => {
      const at = a.at.toISOString();
      const id = Number(
        this.insertAnswer.run(a.sessionId, a.questionId, a.position, JSON.stringify(a.given ?? null), a.correct ? 1 : 0, a.review?.rating ?? null, Math.round(a.timeMs), a.flagged ? 1 : 0, at)
          .lastInsertRowid,
      );
      if (a.review) this.applyReview(a.questionId, id, a.review.card, a.review.log);
      return id;
    })();
  }

  /** Writes a card's new state and its review log (used by study answers and by exam results). */
  applyReview(questionId: string, answerId: number | null, card: CardState, log: ReviewLogEntry): void {
    this.upsertCard.run({
      question_id: questionId,
      due: card.due.toISOString(),
      stability: card.stability,
      difficulty: card.difficulty,
      elapsed_days: card.elapsed_days,
      scheduled_days: card.scheduled_days,
      learning_steps: card.learning_steps,
      reps: card.reps,
      lapses: card.lapses,
      state: card.state,
      last_review: card.last_review ? card.last_review.toISOString() : null,
    });
    this.insertLog.run(
      questionId,
      answerId,
      log.rating,
      log.state,
      log.due.toISOString(),
      log.stability,
      log.difficulty,
      log.elapsed_days,
      log.last_elapsed_days,
      log.scheduled_days,
      log.learning_steps,
      log.review.toISOString(),
    );
  }

  /** Flags a question as bad: it leaves every future session and exam at once. */
  flag(questionId: string, reason: string, at: Date): void {
    this.db.prepare('UPDATE questions SET flagged_at = ?, flag_reason = ? WHERE id = ?').run(at.toISOString(), reason, questionId);
  }
}

/** Parsed JSON, or null for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function toQuestion(r: QuestionRow): QuizQuestion {
  return {
    id: r.id,
    kind: r.kind,
    topic: r.topic,
    prompt: r.prompt,
    answers: JSON.parse(r.answers) as string[],
    distractors: JSON.parse(r.distractors) as string[],
    accepted: JSON.parse(r.accepted) as string[],
    services: r.services ? r.services.split(',') : [],
    exam: r.exam,
    domain: r.domain,
    source: { path: r.path, line: r.line, text: r.source_text },
  };
}

/** A stored card row as the scheduler's CardState. */
export function toCard(r: CardRow): CardState {
  return {
    due: new Date(r.due),
    stability: r.stability,
    difficulty: r.difficulty,
    elapsed_days: r.elapsed_days,
    scheduled_days: r.scheduled_days,
    learning_steps: r.learning_steps,
    reps: r.reps,
    lapses: r.lapses,
    state: r.state as CardPhase,
    last_review: r.last_review ? new Date(r.last_review) : null,
  };
}
