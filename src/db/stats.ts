import type { AnswerRecord } from '../core/types.js';
import { type AnswerHistory, type DayTally, type QuestionTally, RECENCY_HALF_LIFE_DAYS } from '../stats/history.js';
import type { DomainSummary, StatsSummary } from '../stats/summary.js';
import type { StatsExam } from '../stats/types.js';
import type { TopicClass, TopicTally } from '../stats/weak-topics.js';
import type { Db } from './open.js';
import { parseJson } from './quiz.js';

/** A finished mock exam with its stored result, as the stats core takes it. */
export type FinishedExam = StatsExam;

/** Every answer ever given, oldest first. */
export function statsAnswers(db: Db): AnswerRecord[] {
  const rows = db
    .prepare(
      `SELECT a.question_id, a.correct, a.answered_at, a.time_ms, s.kind FROM answers a LEFT JOIN sessions s ON s.id = a.session_id ORDER BY a.answered_at`,
    )
    .raw()
    .all() as Array<[string, number, string, number, 'study' | 'exam' | null]>;
  return rows.map(([questionId, correct, at, timeMs, kind]) => ({ questionId, correct: correct === 1, answeredAt: new Date(at), timeMs, sessionKind: kind }));
}

/** `answer_slots` tallies answers per this many seconds: every real time zone is whole quarter-hours from UTC. */
const SLOT_SECONDS = 900;

/**
 * The answer history as the database keeps it tallied (migration 0002), with days local to `offsetMinutes`
 * and recency weights at `now`: a few thousand rows instead of every answer. Null when the offset is not
 * whole quarter-hours, which no real time zone has; read every answer (statsAnswers) then.
 */
export function answerHistory(db: Db, now: Date, offsetMinutes: number): AnswerHistory | null {
  if (!Number.isInteger(offsetMinutes / 15)) return null;
  const nowS = now.getTime() / 1000;
  const halfLifeS = RECENCY_HALF_LIFE_DAYS * 86_400;
  const byQuestion = new Map<string, QuestionTally>();
  const rows = db.prepare('SELECT question_id, answers, correct, decay_at, decay_right, decay_wrong FROM question_scores').raw().all() as Array<
    [string, number, number, number, number, number]
  >;
  for (const [id, answers, correct, decayAt, right, wrong] of rows) {
    // The sums are as of the question's latest answer; age them to now.
    const f = 0.5 ** (Math.max(0, nowS - decayAt) / halfLifeS);
    byQuestion.set(id, { answers, correct, recentRight: right * f, recentWrong: wrong * f });
  }
  const byDay = new Map<number, DayTally>();
  const totals = { answers: 0, correct: 0, timeMs: 0 };
  const slots = db.prepare('SELECT slot, answers, correct, time_ms FROM answer_slots').raw().all() as Array<[number, number, number, number]>;
  for (const [slot, answers, correct, timeMs] of slots) {
    const day = Math.floor((slot * SLOT_SECONDS + offsetMinutes * 60) / 86_400);
    const t = byDay.get(day);
    if (t) {
      t.answers += answers;
      t.correct += correct;
    } else byDay.set(day, { answers, correct });
    totals.answers += answers;
    totals.correct += correct;
    totals.timeMs += timeMs;
  }
  return { totals, byQuestion, byDay, offsetMinutes, at: now };
}

/** Finished mock exams that recorded a result, oldest first. */
export function finishedExams(db: Db): FinishedExam[] {
  const rows = db
    .prepare(`SELECT id, exam, domain, started_at, ended_at, plan FROM sessions WHERE kind = 'exam' AND status = 'finished' ORDER BY started_at`)
    .all() as Array<{ id: number; exam: string | null; domain: string | null; started_at: string; ended_at: string | null; plan: string }>;
  const out: FinishedExam[] = [];
  for (const r of rows) {
    // A plan damaged in the file is left out rather than stopping the statistics.
    const result = (parseJson(r.plan) as { result?: { percent: number; scaledEstimate: number; passed: boolean; total: number } } | null)?.result;
    if (!result || !r.exam) continue;
    out.push({
      sessionId: r.id,
      exam: r.exam,
      domain: r.domain,
      startedAt: new Date(r.started_at),
      endedAt: r.ended_at ? new Date(r.ended_at) : null,
      percent: result.percent,
      scaledEstimate: result.scaledEstimate,
      passed: result.passed,
      total: result.total,
    });
  }
  return out;
}

/**
 * Recomputes one exam's tallies (migration 0003) from its question index, the answer tallies and the
 * cards. `topicDomains` holds every topic of the index with its domain (topicDomain; null: none). Call
 * inside a transaction. Reads the answered questions' rows of the index, not all of it.
 */
export function rebuildIndexStats(db: Db, exam: string, topicDomains: ReadonlyMap<number, string | null>): void {
  for (const table of ['index_domains', 'index_topics', 'index_cards']) db.prepare(`DELETE FROM ${table} WHERE exam = ?`).run(exam);
  // The answered questions of the index, with their topic and domain.
  db.exec('DROP TABLE IF EXISTS temp.index_scored');
  db.prepare(
    `CREATE TEMP TABLE index_scored AS
     SELECT qi.topic_id, coalesce(qi.domain, '') AS domain, s.answers, s.correct, s.decay_at, s.decay_right, s.decay_wrong
     FROM question_scores s JOIN question_index qi ON qi.exam = ? AND qi.question_id = s.question_id`,
  ).run(exam);
  db.prepare(
    // The recency sums are taken as of the domain's latest answer, as the trigger keeps them.
    `INSERT INTO index_domains (exam, domain, questions, seen, answers, correct, decay_at, decay_right, decay_wrong)
     WITH n AS (SELECT coalesce(domain, '') AS domain, count(*) AS questions FROM question_index WHERE exam = :exam GROUP BY 1),
          latest AS (SELECT domain, max(decay_at) AS at FROM temp.index_scored GROUP BY domain),
          sums AS (SELECT s.domain, count(*) AS seen, sum(s.answers) AS answers, sum(s.correct) AS correct, latest.at AS at,
                          total(s.decay_right * pow(2.0, -(latest.at - s.decay_at) / 1209600.0)) AS decay_right,
                          total(s.decay_wrong * pow(2.0, -(latest.at - s.decay_at) / 1209600.0)) AS decay_wrong
                   FROM temp.index_scored s JOIN latest USING (domain) GROUP BY s.domain)
     SELECT :exam, n.domain, n.questions, coalesce(sums.seen, 0), coalesce(sums.answers, 0), coalesce(sums.correct, 0), sums.at,
            coalesce(sums.decay_right, 0.0), coalesce(sums.decay_wrong, 0.0)
     FROM n LEFT JOIN sums USING (domain)`,
  ).run({ exam });
  const sums = db.prepare('SELECT topic_id, sum(answers), sum(correct) FROM temp.index_scored GROUP BY topic_id').raw().all() as Array<[number, number, number]>;
  const answered = new Map(sums.map(([topicId, answers, correct]) => [topicId, [answers, correct] as const]));
  db.exec('DROP TABLE temp.index_scored');
  const topic = db.prepare('INSERT INTO index_topics (exam, topic_id, domain, answers, correct) VALUES (?, ?, ?, ?, ?)');
  for (const [topicId, domain] of topicDomains) {
    const [answers, correct] = answered.get(topicId) ?? [0, 0];
    topic.run(exam, topicId, domain, answers, correct);
  }
  db.prepare(
    `INSERT INTO index_cards (exam, question_id, domain, state, stability, due_ms, last_review_ms, last_rating)
     SELECT qi.exam, c.question_id, coalesce(qi.domain, ''), c.state, c.stability,
            CAST(round(unixepoch(c.due, 'subsec') * 1000) AS INTEGER), CAST(round(unixepoch(c.last_review, 'subsec') * 1000) AS INTEGER), c.last_rating
     FROM cards c JOIN question_index qi ON qi.exam = ? AND qi.question_id = c.question_id`,
  ).run(exam);
}

/**
 * A reviewed card's recall now, as ts-fsrs's get_retrievability computes it (and `retrievability` in
 * src/study/schedule.ts clamps it; tested equal): t = whole days since the last review (floored, at least
 * 0), S = stability rounded to 8 decimals, recall = pow(1 + factor · t / S, decay) rounded to 8 decimals;
 * 0 when that is not a finite number (a stability of 0). Integer division floors here: t ≥ 0 once clamped.
 */
export const RECALL_SQL = `coalesce(min(1.0, max(0.0, round(pow(1.0 + :factor * max(0, (:now - last_review_ms) / 86400000) / round(stability, 8), :decay) * 1e8) / 1e8)), 0.0)`;

/**
 * Makes sure the answers per local day for `offsetMinutes` (whole quarter-hours) are kept (migration 0003):
 * on the first call for an offset, sums them from the quarter-hour tallies and lists the offset, so that
 * the answers trigger keeps them from then on. The sums are those answerHistory makes.
 */
export function ensureAnswerDays(db: Db, offsetMinutes: number): void {
  if (!Number.isInteger(offsetMinutes / 15)) throw new RangeError(`answer days need an offset of whole quarter-hours, got ${offsetMinutes}`);
  const listed = db.prepare('SELECT 1 FROM answer_day_offsets WHERE offset_minutes = ?').pluck();
  if (listed.get(offsetMinutes) !== undefined) return;
  db.transaction(() => {
    if (listed.get(offsetMinutes) !== undefined) return;
    db.prepare('INSERT INTO answer_day_offsets (offset_minutes) VALUES (?)').run(offsetMinutes);
    db.prepare(
      // Floor division, as answerHistory floors (a day before 1970 included).
      `INSERT INTO answer_days (offset_minutes, day, answers, correct, time_ms)
       SELECT :offset, (s - ((s % 86400) + 86400) % 86400) / 86400 AS day, sum(answers), sum(correct), sum(time_ms)
       FROM (SELECT slot * ${SLOT_SECONDS} + :offset * 60 AS s, answers, correct, time_ms FROM answer_slots) GROUP BY day`,
    ).run({ offset: BigInt(offsetMinutes) });
  }).immediate();
}

/** What readIndexStats needs besides the exam: the instant, the time zone, and the stats core's thresholds. */
export interface IndexStatsQuery {
  now: Date;
  /** The instant recall is predicted for (see predictedRecall in src/stats/recall.ts). */
  recallAt: Date;
  /** Minutes east of UTC; whole quarter-hours (else readIndexStats returns null). */
  offsetMinutes: number;
  /** Cards in Review with at least this stability count as mastered. */
  masteredStability: number;
  /** Reviews due before `endOfToday` are due today; from then until `endOfWeek`, in the next 7 days (ms). */
  endOfToday: number;
  endOfWeek: number;
  /** Only topics with at least this many answers are ranked. */
  minAnswers: number;
  /** Which classes of topics to read by name (see classesToRank). */
  pickClasses: (classes: TopicClass[]) => TopicClass[];
  /**
   * The FSRS forgetting curve's constants: recall after t whole days at stability S is
   * pow(1 + factor · t / S, decay), with S and the result rounded to 8 decimals (see RECALL_SQL).
   */
  curve: { decay: number; factor: number };
}

/**
 * One exam's statistics as the tallies of migration 0003 hold them (call once they are current, see
 * ensureIndexStats and ensureAnswerDays): a few rows per domain, one scan of the exam's cards, and the topics that can rank
 * among the weakest. Read in one transaction, so every part sees the same answers. Null when the offset
 * is not whole quarter-hours (see answerHistory).
 */
export function readIndexStats(db: Db, exam: string, q: IndexStatsQuery): StatsSummary | null {
  if (!Number.isInteger(q.offsetMinutes / 15)) return null;
  return db.transaction((): StatsSummary => {
    if (db.prepare('SELECT 1 FROM answer_day_offsets WHERE offset_minutes = ?').get(q.offsetMinutes) === undefined) {
      throw new Error(`answers per local day are not kept for the offset ${q.offsetMinutes}: call ensureAnswerDays first`);
    }
    const byDay = new Map<number, DayTally>();
    const totals = { answers: 0, correct: 0, timeMs: 0 };
    const days = db.prepare('SELECT day, answers, correct, time_ms FROM answer_days WHERE offset_minutes = ?').raw().all(q.offsetMinutes) as Array<
      [number, number, number, number]
    >;
    for (const [day, answers, correct, timeMs] of days) {
      byDay.set(day, { answers, correct });
      totals.answers += answers;
      totals.correct += correct;
      totals.timeMs += timeMs;
    }

    const nowS = q.now.getTime() / 1000;
    const halfLifeS = RECENCY_HALF_LIFE_DAYS * 86_400;
    const domains = new Map<string | null, DomainSummary>();
    const domainRows = db
      .prepare('SELECT domain, questions, seen, answers, correct, decay_at, decay_right, decay_wrong FROM index_domains WHERE exam = ?')
      .raw()
      .all(exam) as Array<[string, number, number, number, number, number | null, number, number]>;
    for (const [domain, questions, seen, answers, correct, decayAt, right, wrong] of domainRows) {
      // The sums are as of the domain's latest answer; age them to now.
      const f = decayAt === null ? 0 : 0.5 ** (Math.max(0, nowS - decayAt) / halfLifeS);
      domains.set(domain === '' ? null : domain, {
        questions,
        seen,
        answers,
        correct,
        recentRight: right * f,
        recentWrong: wrong * f,
        recallSum: 0,
        recalled: 0,
        mastered: 0,
        dueToday: 0,
        dueNext7Days: 0,
      });
    }
    const cardRows = db
      .prepare(
        `SELECT domain,
           count(*) FILTER (WHERE state = 2 AND stability >= :mastered),
           count(*) FILTER (WHERE state != 0 AND due_ms < :endOfToday),
           count(*) FILTER (WHERE state != 0 AND due_ms >= :endOfToday AND due_ms < :endOfWeek),
           total(CASE WHEN last_rating = 1 THEN 0.0 ELSE ${RECALL_SQL} END) FILTER (WHERE state != 0 AND last_review_ms IS NOT NULL),
           count(*) FILTER (WHERE state != 0 AND last_review_ms IS NOT NULL)
         FROM index_cards WHERE exam = :exam GROUP BY domain`,
      )
      .raw()
      .all({ exam, mastered: q.masteredStability, endOfToday: BigInt(q.endOfToday), endOfWeek: BigInt(q.endOfWeek), now: BigInt(q.recallAt.getTime()), ...q.curve }) as Array<
      [string, number, number, number, number, number]
    >;
    for (const [domain, mastered, dueToday, dueNext7Days, recallSum, recalled] of cardRows) {
      // A card's question is in the index, so its domain has a row.
      const d = domains.get(domain === '' ? null : domain);
      if (d === undefined) continue;
      Object.assign(d, { mastered, dueToday, dueNext7Days, recallSum, recalled });
    }

    const classes = db
      .prepare('SELECT domain, answers, correct, count(*) FROM index_topics WHERE exam = ? AND answers >= ? GROUP BY answers, correct, domain')
      .raw()
      .all(exam, Math.max(1, q.minAnswers)) as Array<[string | null, number, number, number]>;
    const topicsOf = db.prepare(
      'SELECT t.path, t.id FROM index_topics it JOIN topics t ON t.id = it.topic_id WHERE it.exam = ? AND it.answers = ? AND it.correct = ? AND it.domain IS ?',
    );
    const topics: TopicTally[] = [];
    for (const c of q.pickClasses(classes.map(([domain, answers, correct, topics]) => ({ domain, answers, correct, topics })))) {
      for (const [topic, topicId] of topicsOf.raw().all(exam, c.answers, c.correct, c.domain) as Array<[string, number]>) {
        topics.push({ topic, topicId, domain: c.domain, answers: c.answers, correct: c.correct });
      }
    }
    return { history: { totals, byDay, offsetMinutes: q.offsetMinutes, at: q.now }, recallAt: q.recallAt, domains, topics };
  })();
}
