import { describe, expect, it } from 'vitest';
import type { ExamItem } from '../../src/exam/assemble.js';
import { examReport, shortfallLines, shortfallOf } from '../../src/exam/report.js';
import { scoreExam } from '../../src/exam/score.js';
import { blueprint, question } from './helpers.js';

const dva = blueprint('DVA-C02');
const items: ExamItem[] = [
  { questionId: 'a', domain: 'security', kind: 'single', options: ['x', 'right a', 'y', 'z'], correct: [1] },
  { questionId: 'b', domain: 'security', kind: 'multi', options: ['p', 'q', 'r', 's', 't'], correct: [0, 2] },
  { questionId: 'c', domain: 'development', kind: 'typed', options: [], correct: [] },
  { questionId: 'd', domain: 'development', kind: 'single', options: ['right d', 'u', 'v', 'w'], correct: [0] },
];
const questions = new Map(['a', 'b', 'c', 'd'].map((id) => [id, question(id, id === 'c' ? { kind: 'typed', answers: ['FIFO queue'] } : {})]));

describe('examReport', () => {
  it('puts your answer, as text, next to the right one, and tells unanswered from wrong', () => {
    const answers = { a: [1], b: [0, 3], c: 'fifo' };
    const score = scoreExam({
      bp: dva,
      items,
      answers: new Map([
        ['a', { selected: [1] }],
        ['b', { selected: [0, 3] }],
        ['c', { typedCorrect: false }],
        ['d', undefined],
      ]),
      elapsedMs: 1000,
    });
    const r = examReport({ bp: dva, domain: null, items, answers, flagged: ['d'], questions, score, note: 'estimate' });
    expect(r.questions.map((q) => [q.number, q.outcome, q.given, q.answer, q.flagged])).toEqual([
      [1, 'right', ['right a'], ['right a'], false],
      [2, 'wrong', ['p', 's'], ['p', 'r'], false],
      [3, 'wrong', ['fifo'], ['FIFO queue'], false],
      [4, 'unanswered', null, ['right d'], true],
    ]);
    expect(r.missed.map((q) => q.id)).toEqual(['b', 'c', 'd']);
    expect([r.total, r.answered, r.right, r.unanswered]).toEqual([4, 3, 1, 1]);
  });

  it('names the domains the notes could not fill, and says where their places went', () => {
    const short = shortfallOf(dva, { development: { wanted: 21, got: 30 }, security: { wanted: 17, got: 0 }, deployment: { wanted: 16, got: 12 }, troubleshooting: { wanted: 11, got: 23 } });
    expect(short.map((d) => [d.slug, d.wanted, d.got])).toEqual([
      ['security', 17, 0],
      ['deployment', 16, 12],
    ]);
    expect(shortfallLines(short, 65)).toEqual([
      'Security: no questions of the 17 the exam guide asks for.',
      'Deployment: 12 questions of the 16 the exam guide asks for.',
      'Their 21 places go to the other domains by weight, so the score leans on those: read the pass/fail estimate with that in mind.',
    ]);
    expect(shortfallLines([], 65)).toEqual([]);
  });
});
