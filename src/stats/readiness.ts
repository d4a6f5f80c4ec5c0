/** An estimate of the exam score and the chance of passing, with its uncertainty; hidden until the data can carry it. */

import { Z_90 } from '../study/wilson.js';
import { type DomainBreakdown, domainStats } from './domains.js';
import { RECENCY_HALF_LIFE_DAYS, recentByQuestion } from './history.js';
import { normalCdf } from './normal.js';
import type { StatsInput } from './types.js';

/**
 * When readiness is shown: at least `minAnswers` answers to questions of the exam's domains, and at least
 * `minDomainAnswers` in every domain weighing `keyDomainWeight`% or more (below that a domain moves the
 * estimate little, and its uniform prior already widens the interval).
 */
export const READINESS_RULE = { minAnswers: 30, minDomainAnswers: 5, keyDomainWeight: 15 } as const;

/** Model constants; see `readiness`. */
export const READINESS_MODEL = {
  /** An answer this many days old counts half as much as one given now. */
  halfLifeDays: RECENCY_HALF_LIFE_DAYS,
  /** The last this-many full mock exams of the exam are used … */
  mockExams: 3,
  /** … each adding this share to the mock exams' weight in the final estimate (so at most 0.3). */
  mockBlendPerExam: 0.1,
} as const;

/** What readiness says next to its numbers. */
export const READINESS_NOTE =
  'estimate from your answers, not an AWS score: per-domain accuracy (recent answers weigh more), lowered to the recall ' +
  'FSRS predicts where that is lower, weighted by the exam guide; the scaled score maps 0–100% linearly onto the score range, which AWS does not publish';

/** One domain's part in the estimate. */
export interface ReadinessDomain {
  slug: string;
  weight: number;
  answers: number;
  /** Σ of the answers' recency weights. */
  effectiveAnswers: number;
  /** Posterior mean accuracy, Beta(1 + right, 1 + wrong) over recency-weighted answers. */
  accuracy: number;
  /** Predicted recall at the report's horizon (see DomainStats.recall); null when no card was reviewed. */
  recall: number | null;
  /** What the domain contributes: the lower of accuracy and recall, 0..1. */
  estimate: number;
  /** Its standard deviation, from the Beta. */
  sd: number;
}

/** The estimate, when there is data enough. All fractions are 0..1. */
export interface ReadinessEstimate {
  available: true;
  label: 'estimate';
  note: string;
  /** Expected share of the exam answered right. */
  expected: number;
  /** A 90% range for the exam-day share right (the estimate's uncertainty plus a real exam's sampling). */
  low: number;
  high: number;
  sd: number;
  /** The linear scaled estimates of expected, low and high; NOT AWS scores. */
  scaled: number;
  scaledLow: number;
  scaledHigh: number;
  passingScore: number;
  /** P(score ≥ passing) under a normal approximation. */
  passProbability: number;
  domains: ReadinessDomain[];
  /** The mock exams blended in, if any. */
  mockExams: { used: number; meanPercent: number; blend: number } | null;
}

/** Readiness: the estimate, or why it is not shown yet. */
export type Readiness = { available: false; reason: string } | ReadinessEstimate;

/**
 * Estimates readiness for `bp`:
 * 1. Per domain, a Beta posterior on accuracy from a uniform prior, each answer weighted 0.5^(age / 14 days).
 * 2. Capped by the domain's predicted recall at the horizon (see DomainStats.recall): p = min(Beta mean,
 *    recall), the Beta mean alone when no card of the domain has been reviewed; var = the Beta variance. So the
 *    estimate never exceeds what the answers support: recall can only lower it.
 * 3. expected = Σ (weight / 100) × p; variance = Σ (weight / 100)² × var.
 * 4. Up to the last 3 full mock exams of this exam (k of them, mean share m over N questions) are blended
 *    in with μ = 0.1 k: expected' = (1 − μ) expected + μ m, variance' = (1 − μ)² variance + μ² m(1 − m) / N.
 *    Their answers already count in step 1; the blend adds the whole-exam signal (mixed order, a clock).
 * 5. A real exam samples only `scoredQuestions` items: sd² = variance' + expected'(1 − expected') / scoredQuestions.
 * 6. pass threshold t = (passingScore − low) / (high − low) over scoreRange (the linear map of score.ts);
 *    P(pass) = 1 − Φ((t − expected') / sd). The 90% range is expected' ± 1.645 sd, clipped to 0..1.
 * Hidden (available: false, with the reason) until READINESS_RULE holds. Pass `breakdown` to reuse one already computed.
 */
export function readiness(
  input: Pick<StatsInput, 'questions' | 'answers' | 'cards' | 'scheduler' | 'exams' | 'bp' | 'now' | 'horizon'>,
  breakdown: DomainBreakdown = domainStats(input),
): Readiness {
  const { bp, now } = input;
  if (whyHidden(breakdown, bp.code) !== null) return readinessOf(breakdown, new Map(), input.exams, bp);

  const weighted = new Map(bp.domains.map((d) => [d.slug, { right: 0, wrong: 0 }]));
  const recentOf = recentByQuestion(input.answers, now);
  const counted = new Set<string>();
  for (const q of input.questions) {
    const t = q.domain === null ? undefined : weighted.get(q.domain);
    const recent = recentOf.get(q.id);
    // A question listed twice still has its answers counted once.
    if (t === undefined || recent === undefined || counted.has(q.id)) continue;
    counted.add(q.id);
    t.right += recent.recentRight;
    t.wrong += recent.recentWrong;
  }
  return readinessOf(breakdown, weighted, input.exams, bp);
}

/**
 * Readiness (see `readiness`) from the domain breakdown and, per blueprint slug, the recency-weighted right
 * and wrong answers to the domain's active questions (a slug without an entry has none).
 */
export function readinessOf(
  breakdown: DomainBreakdown,
  weighted: ReadonlyMap<string, { right: number; wrong: number }>,
  exams: StatsInput['exams'],
  bp: StatsInput['bp'],
): Readiness {
  const hidden = whyHidden(breakdown, bp.code);
  if (hidden !== null) return { available: false, reason: hidden };

  let expected = 0;
  let variance = 0;
  const domains = breakdown.domains.map((d): ReadinessDomain => {
    const t = weighted.get(d.slug) ?? { right: 0, wrong: 0 };
    const alpha = 1 + t.right;
    const beta = 1 + t.wrong;
    const mean = alpha / (alpha + beta);
    const betaVar = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    const estimate = d.recall === null ? mean : Math.min(mean, d.recall);
    const v = betaVar;
    expected += (d.weight / 100) * estimate;
    variance += (d.weight / 100) ** 2 * v;
    return { slug: d.slug, weight: d.weight, answers: d.answers, effectiveAnswers: t.right + t.wrong, accuracy: mean, recall: d.recall, estimate, sd: Math.sqrt(v) };
  });

  const mocks = recentMocks(exams, bp.code);
  if (mocks !== null) {
    const mu = mocks.blend;
    const m = mocks.meanPercent / 100;
    expected = (1 - mu) * expected + mu * m;
    variance = (1 - mu) ** 2 * variance + (mu ** 2 * m * (1 - m)) / mocks.questions;
  }
  const sd = Math.sqrt(variance + (expected * (1 - expected)) / bp.scoredQuestions);

  const [lowScore, highScore] = bp.scoreRange;
  const scale = (share: number) => Math.round(lowScore + (highScore - lowScore) * share);
  const threshold = (bp.passingScore - lowScore) / (highScore - lowScore);
  const low = Math.max(0, expected - Z_90 * sd);
  const high = Math.min(1, expected + Z_90 * sd);
  return {
    available: true,
    label: 'estimate',
    note: READINESS_NOTE,
    expected,
    low,
    high,
    sd,
    scaled: scale(expected),
    scaledLow: scale(low),
    scaledHigh: scale(high),
    passingScore: bp.passingScore,
    passProbability: 1 - normalCdf(threshold, expected, sd),
    domains,
    mockExams: mocks === null ? null : { used: mocks.used, meanPercent: mocks.meanPercent, blend: mocks.blend },
  };
}

/** The reason readiness is hidden under READINESS_RULE, or null when it can be shown. */
export function whyHidden(breakdown: DomainBreakdown, exam: string): string | null {
  const { minAnswers, minDomainAnswers, keyDomainWeight } = READINESS_RULE;
  const total = breakdown.domains.reduce((s, d) => s + d.answers, 0);
  const short = breakdown.domains.filter((d) => d.weight >= keyDomainWeight && d.answers < minDomainAnswers);
  if (total >= minAnswers && short.length === 0) return null;
  const needs: string[] = [];
  if (total < minAnswers) needs.push(`${minAnswers} answers to ${exam} questions (${total} so far)`);
  if (short.length > 0) {
    needs.push(`${minDomainAnswers} in each domain weighing ${keyDomainWeight}% or more (${short.map((d) => `${d.slug}: ${d.answers}`).join(', ')})`);
  }
  return `readiness needs ${needs.join(' and ')}`;
}

function recentMocks(
  exams: StatsInput['exams'],
  code: string,
): { used: number; meanPercent: number; blend: number; questions: number } | null {
  // A domain-only mock says nothing about the whole exam's mix, so only full mocks of this exam count.
  const full = exams
    .filter((e) => e.domain === null && e.total > 0 && e.exam.toUpperCase() === code.toUpperCase())
    .sort((a, b) => (b.endedAt ?? b.startedAt).getTime() - (a.endedAt ?? a.startedAt).getTime())
    .slice(0, READINESS_MODEL.mockExams);
  if (full.length === 0) return null;
  return {
    used: full.length,
    meanPercent: full.reduce((s, e) => s + e.percent, 0) / full.length,
    blend: READINESS_MODEL.mockBlendPerExam * full.length,
    questions: full.reduce((s, e) => s + e.total, 0),
  };
}
