import { describe, expect, it } from 'vitest';
import { domainStats } from '../../src/stats/domains.js';
import { retrievability } from '../../src/study/schedule.js';
import { NOW, ans, card, daysBefore, input, q, scheduler } from './fixture.js';

const questions = [
  q('d1', 'Lambda › Limits', 'development'),
  q('d2', 'Lambda › Layers', 'development'),
  q('d3', 'SQS', 'development'),
  q('d4', 'DynamoDB', 'development'),
  q('s1', 'IAM', 'security'),
  q('x1', 'Misc', null),
  q('x2', 'Other exam', 'cost'), // a slug DVA-C02 lacks
];
const history = [
  ans('d1', NOW, true),
  ans('d1', NOW, false),
  ans('d2', NOW, true),
  ans('s1', NOW, false),
  ans('x1', NOW, true),
  ans('x2', NOW, true),
  ans('retired', NOW, true),
];

describe('domainStats', () => {
  it('gives accuracy, answers and coverage per blueprint domain, in blueprint order', () => {
    const { domains, unmapped } = domainStats(input({ questions, answers: history }));
    expect(domains.map(({ recall: _, ...d }) => d)).toEqual([
      { slug: 'development', name: 'Development with AWS Services', weight: 32, questions: 4, seen: 2, coverage: 0.5, answers: 3, correct: 2, accuracy: 2 / 3 },
      { slug: 'security', name: 'Security', weight: 26, questions: 1, seen: 1, coverage: 1, answers: 1, correct: 0, accuracy: 0 },
      { slug: 'deployment', name: 'Deployment', weight: 24, questions: 0, seen: 0, coverage: null, answers: 0, correct: 0, accuracy: null },
      { slug: 'troubleshooting', name: 'Troubleshooting and Optimization', weight: 18, questions: 0, seen: 0, coverage: null, answers: 0, correct: 0, accuracy: null },
    ]);
    expect(unmapped).toEqual({ questions: 2, seen: 2, answers: 2 });
  });

  it('averages the recall FSRS predicts a week ahead over reviewed cards only', () => {
    const justNow = card({ stability: 7, last_review: NOW });
    const cards = new Map([
      ['d1', justNow],
      ['d2', card({ stability: 30, last_review: daysBefore(23) })],
      ['d3', card({ state: 0, reps: 0, last_review: null, stability: 0 })],
    ]);
    const { domains } = domainStats(input({ questions, answers: history, cards }));
    // FSRS: stability is the interval to 90% recall, so a week ahead a 7-day card just reviewed is at 0.9, and a
    // 30-day card reviewed 23 days ago too: what "recall now" (1 for the first) would not tell.
    const week = new Date(NOW.getTime() + 7 * 86_400_000);
    expect(retrievability(scheduler, justNow, week)).toBeCloseTo(0.9, 2);
    expect(domains[0]!.recall).toBeCloseTo((retrievability(scheduler, justNow, week) + retrievability(scheduler, cards.get('d2')!, week)) / 2, 10);
    expect(domains[0]!.recall).toBeCloseTo(0.9, 2);
    expect(domains[1]!.recall).toBeNull();
  });

  it('counts a card whose last review failed as not recalled, though FSRS says 1 right after any review', () => {
    const failed = card({ state: 3, stability: 2, last_review: NOW, last_rating: 1 });
    const cards = new Map([['d1', failed], ['d2', card({ stability: 7, last_review: NOW, last_rating: 3 })]]);
    expect(retrievability(scheduler, failed, NOW)).toBe(1);
    const { domains } = domainStats(input({ questions, answers: history, cards, horizon: NOW }));
    expect(domains[0]!.recall).toBe(0.5);
  });

  it('predicts recall on the date it is given (an exam date)', () => {
    const c = card({ stability: 7, last_review: NOW });
    const examDay = new Date(NOW.getTime() + 30 * 86_400_000);
    const { domains } = domainStats(input({ questions, answers: history, cards: new Map([['d1', c]]), horizon: examDay }));
    expect(domains[0]!.recall).toBeCloseTo(retrievability(scheduler, c, examDay), 12);
    expect(domains[0]!.recall!).toBeLessThan(0.8);
  });
});
