import type { OutdatedFinding, QuizQuestion, Rating } from '../core/types.js';
import type { CardPhase, CardState, ReviewLogEntry } from '../study/schedule.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';
import { likeAnywhere } from './question-index.js';

export interface QuestionQuery {
  topic?: string;
  service?: string;
  ids?: string[];
}

/** A question row as the quiz reads join it (see toQuestion). */
export interface QuizQuestionRow {
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
  outdated: string | null;
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
  /** The rating of the latest review (migration 0005); null for a card stored before it, or never reviewed. */
  last_rating: number | null;
}

export interface AnswerToRecord {
  sessionId: number | null;
  questionId: string;
  position: number | null;
  given: unknown;
  correct: boolean;
  timeMs: number;
  flagged?: boolean;
  /** The learner overruled the matcher: a typed answer it refused, accepted as right ("I was right"). */
  userAccepted?: boolean;
  at: Date;
  /** The FSRS update for this answer; absent for an exam answer whose review is applied at the end. */
  review?: { rating: Rating; card: CardState; log: ReviewLogEntry };
}

/** A recorded answer, with what undoing it must put back: the card row as it was (null: there was none). */
export interface RecordedAnswer {
  id: number;
  questionId: string;
  cardBefore: CardRow | null;
}


/** Reads and records what study and exam sessions need: questions, cards, answers, sessions, flags. */
export class QuizRepository {
  // Prepared on first use: a repository that only reads questions works on a database of any version.
  #insertAnswer?: Statement;
  #upsertCard?: Statement;
  #insertLog?: Statement;

  constructor(private readonly db: Db) {}

  private get insertAnswer(): Statement {
    return (this.#insertAnswer ??= this.db.prepare(
      `INSERT INTO answers (session_id, question_id, position, given, correct, rating, time_ms, flagged, user_accepted, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ));
  }

  private get upsertCard(): Statement {
    return (this.#upsertCard ??= this.db.prepare(
      `INSERT INTO cards (question_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, last_rating)
       VALUES (@question_id, @due, @stability, @difficulty, @elapsed_days, @scheduled_days, @learning_steps, @reps, @lapses, @state, @last_review, @last_rating)
       ON CONFLICT(question_id) DO UPDATE SET due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
         elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps,
         reps = excluded.reps, lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review, last_rating = excluded.last_rating`,
    ));
  }

  private get insertLog(): Statement {
    return (this.#insertLog ??= this.db.prepare(
      `INSERT INTO review_logs (question_id, answer_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
                                scheduled_days, learning_steps, review)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ));
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
        `SELECT q.id, q.kind, t.path AS topic, q.prompt, q.answers, q.distractors, q.accepted, q.exam, q.domain, s.path, q.line, q.source_text, q.outdated,
           (SELECT group_concat(service_id, ',') FROM question_services qs WHERE qs.question_id = q.id) AS services
         FROM questions q JOIN topics t ON t.id = q.topic_id JOIN sources s ON s.id = q.source_id
         WHERE ${where.join(' AND ')} ORDER BY s.path, q.line, q.id`,
      )
      .all(...params) as QuizQuestionRow[];
    return rows.map(toQuestion);
  }

  /** Questions by id, including retired or flagged ones (an exam being resumed still shows them). */
  questionsById(ids: string[]): Map<string, QuizQuestion> {
    const rows = this.db
      .prepare(
        `SELECT q.id, q.kind, t.path AS topic, q.prompt, q.answers, q.distractors, q.accepted, q.exam, q.domain, s.path, q.line, q.source_text, q.outdated,
           (SELECT group_concat(service_id, ',') FROM question_services qs WHERE qs.question_id = q.id) AS services
         FROM questions q JOIN topics t ON t.id = q.topic_id JOIN sources s ON s.id = q.source_id
         WHERE q.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as QuizQuestionRow[];
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

  /**
   * The facts behind questions whose note says more than its own line (a list's items, a Q/A pair's answer),
   * by question id, as stored: `kind` and the fact's JSON. Questions of other kinds are absent.
   */
  noteFacts(ids: readonly string[]): Map<string, { kind: string; data: string }> {
    const rows = this.db
      .prepare(
        `SELECT q.id, f.kind, f.data FROM questions q
         JOIN facts f ON f.source_id = q.source_id AND f.line = q.line AND f.kind = q.fact_kind AND f.topic_id = q.topic_id AND f.retired_at IS NULL
         WHERE q.id IN (SELECT value FROM json_each(?)) AND q.fact_kind IN ('enumeration', 'qa')`,
      )
      .raw()
      .all(JSON.stringify(ids)) as Array<[string, string, string]>;
    return new Map(rows.map(([id, kind, data]) => [id, { kind, data }]));
  }

  /** Reviews not due at `now` that fall due by each of `ends` (ascending instants), counted per window. */
  comingDue(now: Date, ends: readonly Date[]): number[] {
    const count = this.db.prepare(
      `SELECT count(*) FROM cards c JOIN questions q ON q.id = c.question_id
       WHERE c.due > ? AND c.due <= ? AND NOT (c.state = 0 AND c.reps = 0) AND q.retired_at IS NULL AND q.flagged_at IS NULL`,
    );
    let from = now;
    return ends.map((end) => {
      const n = count.pluck().get(from.toISOString(), end.toISOString()) as number;
      from = end;
      return n;
    });
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

  /**
   * Records one answer and its FSRS update in a single transaction: it is saved the moment it is given.
   * Returns what `undo` needs to take it back exactly. Immediate: it reads the card before writing, and a
   * deferred transaction that another process writes under could not take the write lock without failing.
   */
  record(a: AnswerToRecord): RecordedAnswer {
    return this.db.transaction((): RecordedAnswer => {
      const at = a.at.toISOString();
      const cardBefore = this.cardRow(a.questionId) ?? null;
      const id = Number(
        this.insertAnswer.run(
          a.sessionId,
          a.questionId,
          a.position,
          JSON.stringify(a.given ?? null),
          a.correct ? 1 : 0,
          a.review?.rating ?? null,
          Math.round(a.timeMs),
          a.flagged ? 1 : 0,
          a.userAccepted ? 1 : 0,
          at,
        ).lastInsertRowid,
      );
      if (a.review) this.applyReview(a.questionId, id, a.review.card, a.review.log);
      return { id, questionId: a.questionId, cardBefore };
    }).immediate();
  }

  /** A card's stored row, exactly as it is. */
  cardRow(questionId: string): CardRow | undefined {
    return this.db.prepare('SELECT * FROM cards WHERE question_id = ?').get(questionId) as CardRow | undefined;
  }

  /**
   * Takes a recorded answer back in one transaction: its review log and its row go (the tallies follow by
   * trigger, migration 0005) and the card is put back as it was before, or removed if it had none.
   */
  undo(recorded: RecordedAnswer): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM review_logs WHERE answer_id = ?').run(recorded.id);
      this.db.prepare('DELETE FROM answers WHERE id = ?').run(recorded.id);
      if (recorded.cardBefore === null) this.db.prepare('DELETE FROM cards WHERE question_id = ?').run(recorded.questionId);
      else this.upsertCard.run(recorded.cardBefore);
    }).immediate();
  }

  /** Replaces a recorded answer with another in one transaction (undo, then record): "I was right". */
  rerecord(recorded: RecordedAnswer, a: AnswerToRecord): RecordedAnswer {
    return this.db.transaction((): RecordedAnswer => {
      this.undo(recorded);
      return this.record(a);
    }).immediate();
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
      last_rating: log.rating,
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

  /** Takes a flag back: the question is asked again. Returns whether it was flagged. */
  unflag(questionId: string): boolean {
    return this.db.prepare('UPDATE questions SET flagged_at = NULL, flag_reason = NULL WHERE id = ? AND flagged_at IS NOT NULL').run(questionId).changes > 0;
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

/** A joined question row as the quiz engines see it. */
export function toQuestion(r: QuizQuestionRow): QuizQuestion {
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
    outdated: r.outdated ? (JSON.parse(r.outdated) as OutdatedFinding) : null,
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
    last_rating: r.last_rating ?? null,
  };
}
