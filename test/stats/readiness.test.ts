import { describe, expect, it } from 'vitest';
import { READINESS_MODEL, READINESS_RULE, type Readiness, type ReadinessEstimate, readiness } from '../../src/stats/readiness.js';
import type { StatsAnswer } from '../../src/stats/types.js';
import { NOW, answers, card, daysBefore, input, mock, q } from './fixture.js';

const questions = [q('dev', 'Lambda', 'development'), q('sec', 'IAM', 'security'), q('dep', 'CodeDeploy', 'deployment'), q('tro', 'X-Ray', 'troubleshooting')];
/** `right` of `total` in each of the four DVA-C02 domains, all answered now. */
const even = (right: number, total = 10): StatsAnswer[] => questions.flatMap((x) => answers(x.id, right, total - right));
const shown = (r: Readiness): ReadinessEstimate => {
  if (!r.available) throw new Error(`hidden: ${r.reason}`);
  return r;
};

describe('readiness: when it is shown', () => {
  it('states its rule', () => {
    expect(READINESS_RULE).toEqual({ minAnswers: 30, minDomainAnswers: 5, keyDomainWeight: 15 });
    expect(READINESS_MODEL).toEqual({ halfLifeDays: 14, mockExams: 3, mockBlendPerExam: 0.1 });
  });

  it('is hidden without answers, and says what it needs', () => {
    expect(readiness(input({ questions }))).toEqual({
      available: false,
      reason:
        'readiness needs 30 answers to DVA-C02 questions (0 so far) and 5 in each domain weighing 15% or more ' +
        '(development: 0, security: 0, deployment: 0, troubleshooting: 0)',
    });
  });

  it('is hidden at 29 answers, and while a heavy domain has fewer than 5', () => {
    const r29 = [...answers('dev', 9, 0), ...answers('sec', 5, 0), ...answers('dep', 5, 0), ...answers('tro', 10, 0)];
    expect(readiness(input({ questions, answers: r29 }))).toEqual({ available: false, reason: 'readiness needs 30 answers to DVA-C02 questions (29 so far)' });
    const thin = [...answers('dev', 20, 0), ...answers('sec', 5, 0), ...answers('dep', 5, 0), ...answers('tro', 4, 0)];
    expect(readiness(input({ questions, answers: thin }))).toEqual({
      available: false,
      reason: 'readiness needs 5 in each domain weighing 15% or more (troubleshooting: 4)',
    });
  });

  it('ignores answers to unmapped questions for the rule', () => {
    const loose = [...questions, q('x', 'Misc', null)];
    const r = readiness(input({ questions: loose, answers: [...even(7, 7), ...answers('x', 5, 0)] }));
    expect(r).toEqual({ available: false, reason: 'readiness needs 30 answers to DVA-C02 questions (28 so far)' });
  });
});

describe('readiness: the estimate', () => {
  it('is the weighted Beta means with their variance and a real exam’s sampling noise', () => {
    const r = shown(readiness(input({ questions, answers: even(8) })));
    // Each domain: Beta(9, 3), mean 0.75, variance 27 / 1872; Σ w² = 0.26; exam noise 0.75 × 0.25 / 50.
    const sd = Math.sqrt(0.26 * (27 / 1872) + 0.00375);
    expect(r.label).toBe('estimate');
    expect(r.note).toMatch(/^estimate from your answers, not an AWS score/);
    expect(r.expected).toBeCloseTo(0.75, 12);
    expect(r.sd).toBeCloseTo(sd, 12);
    expect(r.sd).toBeCloseTo(0.0866025, 6);
    expect([r.low, r.high]).toEqual([expect.closeTo(0.6075515, 6), expect.closeTo(0.8924485, 6)]);
    expect([r.scaled, r.scaledLow, r.scaledHigh, r.passingScore]).toEqual([775, 647, 903, 720]);
    // P(N(0.75, sd) ≥ 620 / 900) = Φ(0.70565).
    expect(r.passProbability).toBeCloseTo(0.759797, 5);
    expect(r.mockExams).toBeNull();
    expect(r.domains[0]).toEqual({ slug: 'development', weight: 32, answers: 10, effectiveAnswers: 10, accuracy: 0.75, recall: null, estimate: 0.75, sd: Math.sqrt(27 / 1872) });
  });

  it('makes the chance of passing grow with accuracy', () => {
    const p = Array.from({ length: 11 }, (_, k) => shown(readiness(input({ questions, answers: even(k) }))).passProbability);
    for (let k = 1; k <= 10; k++) expect(p[k]!).toBeGreaterThanOrEqual(p[k - 1]!);
    for (let k = 4; k <= 9; k++) expect(p[k]!).toBeGreaterThan(p[k - 1]!);
    expect(p[0]!).toBeLessThan(0.001);
    expect(p[10]!).toBeGreaterThan(0.99);
  });

  it('halves the weight of answers every 14 days', () => {
    const old = questions.flatMap((x) => answers(x.id, 4, 6, daysBefore(14)));
    const r = shown(readiness(input({ questions, answers: [...old, ...even(10, 10)] })));
    // 10 right now + (2 right, 3 wrong) in effect: Beta(13, 4).
    expect(r.domains[0]!.effectiveAnswers).toBeCloseTo(15, 12);
    expect(r.domains[0]!.accuracy).toBeCloseTo(13 / 17, 12);
    expect(r.domains[0]!.answers).toBe(20);
  });

  it('never rises above accuracy because of recall: high recall leaves it, low recall lowers it', () => {
    // Reviewed just now with a long stability: recall a week ahead is near 1, above the accuracy.
    const high = shown(readiness(input({ questions, answers: even(8), cards: new Map([['dev', card({ stability: 400, last_review: NOW })]]) })));
    expect(high.domains[0]!.recall!).toBeGreaterThan(0.75);
    expect(high.domains[0]!.estimate).toBeCloseTo(0.75, 12);
    expect(high.expected).toBeCloseTo(0.75, 12);
    // A card just failed counts as not recalled: the domain then contributes nothing.
    const failed = shown(readiness(input({ questions, answers: even(8), cards: new Map([['dev', card({ state: 3, last_review: NOW, last_rating: 1 })]]) })));
    expect(failed.domains[0]!.recall).toBe(0);
    expect(failed.domains[0]!.estimate).toBe(0);
    expect(failed.domains[0]!.sd).toBeCloseTo(Math.sqrt(27 / 1872), 12);
    expect(failed.expected).toBeCloseTo(0.75 - 0.32 * 0.75, 12);
  });

  it('stays at the accuracy the answers show, as the issue saw it: 29% right is no "45%"', () => {
    // 29% right everywhere, every card reviewed right after its answers (FSRS recall 1 "now").
    const ids = questions.map((x) => x.id);
    const history = ids.flatMap((id) => answers(id, 29, 71));
    const cards = new Map(ids.map((id) => [id, card({ stability: 1, last_review: NOW, last_rating: 3 })]));
    const r = shown(readiness(input({ questions, answers: history, cards })));
    expect(r.expected).toBeLessThanOrEqual(30 / 102 + 1e-12); // the Beta(30, 72) mean, the most the answers support
  });

  it('blends in the last three full mock exams of this exam', () => {
    const exams = [
      mock(1, '2026-01-01T10:00:00Z', 10), // older than the last three
      mock(2, '2026-02-10T10:00:00Z', 85),
      mock(3, '2026-02-20T10:00:00Z', 90),
      mock(4, '2026-02-25T10:00:00Z', 95),
      mock(5, '2026-02-28T10:00:00Z', 10, { domain: 'security', total: 20 }), // one domain only
      mock(6, '2026-02-28T10:00:00Z', 10, { exam: 'SAA-C03' }),
    ];
    const r = shown(readiness(input({ questions, answers: even(8), exams })));
    expect(r.mockExams).toEqual({ used: 3, meanPercent: 90, blend: expect.closeTo(0.3, 12) });
    const expected = 0.7 * 0.75 + 0.3 * 0.9;
    expect(r.expected).toBeCloseTo(expected, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(0.49 * 0.26 * (27 / 1872) + (0.09 * 0.9 * 0.1) / 195 + (expected * (1 - expected)) / 50), 12);
    expect(r.passProbability).toBeGreaterThan(shown(readiness(input({ questions, answers: even(8) }))).passProbability);
  });
});
