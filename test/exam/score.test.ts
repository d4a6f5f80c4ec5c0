import { describe, expect, it } from 'vitest';
import type { ExamItem } from '../../src/exam/assemble.js';
import { type GivenAnswer, SCALED_ESTIMATE_NOTE, isRight, scoreExam } from '../../src/exam/score.js';
import { blueprint } from './helpers.js';

const dva = blueprint('DVA-C02');
const single = (id: string, domain: string, correct = 1): ExamItem => ({ questionId: id, domain, kind: 'single', options: ['a', 'b', 'c', 'd'], correct: [correct] });
const multi = (id: string, domain: string): ExamItem => ({ questionId: id, domain, kind: 'multi', options: ['a', 'b', 'c', 'd', 'e'], correct: [0, 3] });
const typed = (id: string, domain: string): ExamItem => ({ questionId: id, domain, kind: 'typed', options: [], correct: [] });

describe('scoreExam', () => {
  const items = [
    single('s-right', 'development'),
    single('s-wrong', 'development'),
    multi('m-all', 'development'),
    multi('m-part', 'security'),
    multi('m-extra', 'security'),
    typed('t-right', 'security'),
    typed('t-wrong', 'deployment'),
    single('s-none', 'deployment'),
    single('s-absent', 'deployment'),
  ];
  const answers = new Map<string, GivenAnswer | undefined>([
    ['s-right', { selected: [1] }],
    ['s-wrong', { selected: [2] }],
    ['m-all', { selected: [3, 0, 3] }],
    ['m-part', { selected: [0] }],
    ['m-extra', { selected: [0, 3, 4] }],
    ['t-right', { typedCorrect: true }],
    ['t-wrong', { typedCorrect: false }],
    ['s-none', undefined],
  ]);

  it('marks multiple response all-or-nothing, unanswered as wrong, and scores per domain', () => {
    expect(scoreExam({ bp: dva, items, answers, elapsedMs: 754_000 })).toEqual({
      total: 9,
      answered: 7,
      right: 3,
      percent: 33.3,
      perDomain: [
        { slug: 'development', name: 'Development with AWS Services', weight: 32, right: 2, total: 3, percent: 66.7 },
        { slug: 'security', name: 'Security', weight: 26, right: 1, total: 3, percent: 33.3 },
        { slug: 'deployment', name: 'Deployment', weight: 24, right: 0, total: 3, percent: 0 },
      ],
      // 100 + 900 × 3 / 9 = 400.
      scaledEstimate: 400,
      passed: false,
      missed: ['s-wrong', 'm-part', 'm-extra', 't-wrong', 's-none', 's-absent'],
      elapsedMs: 754_000,
    });
  });

  it('passes on the scaled estimate: 18 of 25 gives 748 ≥ 720, 17 of 25 gives 712', () => {
    const exam = Array.from({ length: 25 }, (_, i) => single(`q${i}`, 'security'));
    const firstRight = (n: number) => new Map(exam.map((q, i) => [q.questionId, { selected: [i < n ? 1 : 0] }]));
    const pick = (n: number) => {
      const s = scoreExam({ bp: dva, items: exam, answers: firstRight(n), elapsedMs: 0 });
      return [s.percent, s.scaledEstimate, s.passed];
    };
    expect([pick(18), pick(17), pick(25), pick(0)]).toEqual([
      [72, 748, true],
      [68, 712, false],
      [100, 1000, true],
      [0, 100, false],
    ]);
  });

  it('uses the exam’s own range and passing score (CLF-C02: 700)', () => {
    const exam = Array.from({ length: 3 }, (_, i) => single(`q${i}`, 'billing'));
    const s = scoreExam({ bp: blueprint('CLF-C02'), items: exam, answers: new Map([['q0', { selected: [1] }], ['q1', { selected: [1] }]]), elapsedMs: 1 });
    // 100 + 900 × 2 / 3 = 700: exactly the passing score passes.
    expect([s.scaledEstimate, s.passed, s.perDomain.map((d) => d.slug)]).toEqual([700, true, ['billing']]);
  });

  it('scores an empty exam as nothing right and not passed', () => {
    expect(scoreExam({ bp: dva, items: [], answers: new Map(), elapsedMs: 0 })).toEqual({
      total: 0,
      answered: 0,
      right: 0,
      percent: 0,
      perDomain: [],
      scaledEstimate: 100,
      passed: false,
      missed: [],
      elapsedMs: 0,
    });
  });

  it('says the scaled score is an estimate', () => {
    expect(SCALED_ESTIMATE_NOTE).toMatch(/^estimate: AWS does not publish its scaling/);
  });
});

describe('isRight', () => {
  it('needs the exact set of options, ignores their order and repeats, and refuses an empty choice', () => {
    const m = multi('m', 'security');
    expect([
      isRight(m, { selected: [3, 0] }),
      isRight(m, { selected: [0, 0, 3] }),
      isRight(m, { selected: [0] }),
      isRight(m, { selected: [] }),
      isRight(m, {}),
      isRight(m, undefined),
      isRight(typed('t', 'security'), { selected: [0] }),
      isRight(typed('t', 'security'), { typedCorrect: true }),
    ]).toEqual([true, true, false, false, false, false, false, true]);
  });
});
