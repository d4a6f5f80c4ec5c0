import type { AnswerRecord } from '../core/types.js';
import { type AnswerHistory, type DayTally, type QuestionTally, RECENCY_HALF_LIFE_DAYS } from '../stats/history.js';
import type { StatsExam } from '../stats/types.js';
import type { Db } from './open.js';

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
    const result = (JSON.parse(r.plan) as { result?: { percent: number; scaledEstimate: number; passed: boolean; total: number } }).result;
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
