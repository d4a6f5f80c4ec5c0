import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/core/types.js';
import { autoRating, expectedTimeMs, selfRatingFromKey } from '../../src/study/grade.js';

type Shown = Pick<QuizQuestion, 'kind' | 'prompt' | 'answers' | 'distractors'>;

// 100 characters of prompt and four 10-character choices: 140 characters to read.
const single: Shown = {
  kind: 'single',
  prompt: 'p'.repeat(100),
  answers: ['a'.repeat(10)],
  distractors: ['b'.repeat(10), 'c'.repeat(10), 'd'.repeat(10)],
};

describe('expectedTimeMs', () => {
  it('is 4 s plus 60 ms per character of the prompt and every choice shown', () => {
    expect(expectedTimeMs(single)).toEqual(4000 + 60 * 140);
    expect(expectedTimeMs({ ...single, kind: 'multi' })).toEqual(12400);
  });

  it('counts the answer to be typed for a typed question, and only the prompt for a flip card', () => {
    expect(expectedTimeMs({ kind: 'typed', prompt: 'p'.repeat(100), answers: ['a'.repeat(10), 'longer variant'], distractors: [] })).toEqual(10600);
    expect(expectedTimeMs({ kind: 'flip', prompt: 'p'.repeat(100), answers: ['a long back of the card'], distractors: [] })).toEqual(10000);
  });
});

describe('autoRating', () => {
  // expected 12 400 ms: fast below 6 200 ms, slow above 24 800 ms.
  const rate = (correct: boolean, timeMs: number) => autoRating({ correct, timeMs, question: single });

  it('rates a wrong answer Again however fast it came', () => {
    expect([rate(false, 100), rate(false, 12_400), rate(false, 100_000)]).toEqual([1, 1, 1]);
  });

  it('rates right and fast Easy, strictly under half the expected time', () => {
    expect(rate(true, 0)).toEqual(4);
    expect(rate(true, 6_199)).toEqual(4);
    expect(rate(true, 6_200)).toEqual(3);
  });

  it('rates right Good between the bounds', () => {
    expect(rate(true, 12_400)).toEqual(3);
    expect(rate(true, 24_800)).toEqual(3);
  });

  it('rates right but slow Hard, strictly over twice the expected time', () => {
    expect(rate(true, 24_801)).toEqual(2);
    expect(rate(true, 600_000)).toEqual(2);
  });

  it('gives a longer question more time', () => {
    const short: Shown = { kind: 'single', prompt: 'SQS?', answers: ['Yes'], distractors: ['No'] };
    expect(autoRating({ correct: true, timeMs: 10_000, question: short })).toEqual(2);
    expect(autoRating({ correct: true, timeMs: 10_000, question: single })).toEqual(3);
  });
});

describe('selfRatingFromKey', () => {
  it('maps the keys 1 to 4 to Again, Hard, Good, Easy', () => {
    expect(['1', '2', '3', '4'].map(selfRatingFromKey)).toEqual([1, 2, 3, 4]);
    expect(selfRatingFromKey(' 3\n')).toEqual(3);
  });

  it('refuses any other key', () => {
    expect(['0', '5', 'a', 'g', '', '12', '\u001b'].map(selfRatingFromKey)).toEqual([null, null, null, null, null, null, null]);
  });
});
