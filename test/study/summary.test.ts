import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/study/summary.js';

describe('summarize', () => {
  it('counts answers, right ones, time and per-topic results worst first', () => {
    const results = [
      { questionId: 'q1', topic: 'SQS', correct: true, timeMs: 4_000 },
      { questionId: 'q2', topic: 'SNS', correct: false, timeMs: 9_000 },
      { questionId: 'q3', topic: 'Lambda', correct: true, timeMs: 3_000 },
      { questionId: 'q2', topic: 'SNS', correct: true, timeMs: 5_000 },
      { questionId: 'q4', topic: 'SQS', correct: false, timeMs: 7_000 },
      { questionId: 'q5', topic: 'KMS', correct: false, timeMs: 2_000 },
    ];
    expect(summarize(results, 12)).toEqual({
      answered: 6,
      questions: 5,
      right: 3,
      accuracy: 0.5,
      totalTimeMs: 30_000,
      topics: [
        { topic: 'KMS', right: 0, total: 1 },
        { topic: 'SNS', right: 1, total: 2 },
        { topic: 'SQS', right: 1, total: 2 },
        { topic: 'Lambda', right: 1, total: 1 },
      ],
      dueTomorrow: 12,
    });
  });

  it('ranks the topic with more misses first at equal accuracy', () => {
    const results = [
      { questionId: 'a', topic: 'A', correct: false, timeMs: 1 },
      { questionId: 'b1', topic: 'B', correct: false, timeMs: 1 },
      { questionId: 'b2', topic: 'B', correct: false, timeMs: 1 },
    ];
    expect(summarize(results, 0).topics).toEqual([
      { topic: 'B', right: 0, total: 2 },
      { topic: 'A', right: 0, total: 1 },
    ]);
  });

  it('reports an empty session as zeros', () => {
    expect(summarize([], 3)).toEqual({ answered: 0, questions: 0, right: 0, accuracy: 0, totalTimeMs: 0, topics: [], dueTomorrow: 3 });
  });
});
