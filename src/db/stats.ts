import type { AnswerRecord } from '../core/types.js';
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
