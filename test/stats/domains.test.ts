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
    expect(domains.map(({ meanRecall: _, ...d }) => d)).toEqual([
      { slug: 'development', name: 'Development with AWS Services', weight: 32, questions: 4, seen: 2, coverage: 0.5, answers: 3, correct: 2, accuracy: 2 / 3 },
      { slug: 'security', name: 'Security', weight: 26, questions: 1, seen: 1, coverage: 1, answers: 1, correct: 0, accuracy: 0 },
      { slug: 'deployment', name: 'Deployment', weight: 24, questions: 0, seen: 0, coverage: null, answers: 0, correct: 0, accuracy: null },
      { slug: 'troubleshooting', name: 'Troubleshooting and Optimization', weight: 18, questions: 0, seen: 0, coverage: null, answers: 0, correct: 0, accuracy: null },
    ]);
    expect(unmapped).toEqual({ questions: 2, seen: 2, answers: 2 });
  });

  it('averages FSRS recall over reviewed cards only', () => {
    const weekOld = card({ stability: 7, last_review: daysBefore(7) });
    const cards = new Map([
      ['d1', card({ last_review: NOW })],
      ['d2', weekOld],
      ['d3', card({ state: 0, reps: 0, last_review: null, stability: 0 })],
    ]);
    const { domains } = domainStats(input({ questions, answers: history, cards }));
    const r7 = retrievability(scheduler, weekOld, NOW);
    expect(r7).toBeCloseTo(0.9, 2); // FSRS: stability is the interval to 90% recall
    expect(domains[0]!.meanRecall).toBeCloseTo((1 + r7) / 2, 10);
    expect(domains[1]!.meanRecall).toBeNull();
  });
});
