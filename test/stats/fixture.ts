import type { CardState } from '../../src/study/schedule.js';
import { makeScheduler } from '../../src/study/schedule.js';
import type { StatsAnswer, StatsExam, StatsInput, StatsQuestion } from '../../src/stats/types.js';
import { blueprint } from '../exam/helpers.js';

/** 2026-03-01 is a Sunday; 18:00 in Tokyo (UTC+9), the offset most tests use. */
export const NOW = new Date('2026-03-01T09:00:00Z');
export const JST = 540;
export const dva = blueprint('DVA-C02');
export const scheduler = makeScheduler();

export const at = (iso: string) => new Date(iso);
export const daysBefore = (days: number, from = NOW) => new Date(from.getTime() - days * 86_400_000);

/** An active question. */
export function q(id: string, topic: string, domain: string | null): StatsQuestion {
  return { id, topic, domain };
}

/** An answer; a study answer of 5 s unless told. */
export function ans(questionId: string, answeredAt: Date | string, correct: boolean, over: Partial<StatsAnswer> = {}): StatsAnswer {
  return { questionId, correct, answeredAt: typeof answeredAt === 'string' ? at(answeredAt) : answeredAt, timeMs: 5_000, sessionKind: 'study', ...over };
}

/** `right` right and `wrong` wrong answers to `questionId`, all at `when`. */
export function answers(questionId: string, right: number, wrong: number, when: Date = NOW): StatsAnswer[] {
  return [
    ...Array.from({ length: right }, () => ans(questionId, when, true)),
    ...Array.from({ length: wrong }, () => ans(questionId, when, false)),
  ];
}

/** A card in Review, reviewed at `lastReview` (default: now), with harmless defaults. */
export function card(over: Partial<CardState> = {}): CardState {
  return {
    due: at('2026-03-10T00:00:00Z'),
    stability: 10,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 10,
    learning_steps: 0,
    reps: 3,
    lapses: 0,
    state: 2,
    last_review: NOW,
    ...over,
  };
}

/** A finished full mock exam of DVA-C02. */
export function mock(sessionId: number, startedAt: string, percent: number, over: Partial<StatsExam> = {}): StatsExam {
  return {
    sessionId,
    exam: 'DVA-C02',
    domain: null,
    startedAt: at(startedAt),
    endedAt: new Date(at(startedAt).getTime() + 3_600_000),
    percent,
    scaledEstimate: Math.round(100 + 9 * percent),
    passed: 100 + 9 * percent >= 720,
    total: 65,
    ...over,
  };
}

/** A complete input with nothing in it; tests override what they are about. */
export function input(over: Partial<StatsInput> = {}): StatsInput {
  return { questions: [], answers: [], cards: new Map(), scheduler, exams: [], bp: dva, now: NOW, timeZoneOffsetMinutes: JST, ...over };
}
