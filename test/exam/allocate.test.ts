import { describe, expect, it } from 'vitest';
import { allocate, largestRemainder } from '../../src/exam/allocate.js';
import { spreadByKey } from '../../src/exam/order.js';
import { seededRandom, shuffle } from '../../src/exam/random.js';

describe('largestRemainder', () => {
  it('splits the 65 DVA-C02 questions 21/17/15/12 (quotas 20.8/16.9/15.6/11.7: the three seats left go to .9, .8, .7)', () => {
    expect(largestRemainder(65, [32, 26, 24, 18])).toEqual([21, 17, 15, 12]);
  });

  it('splits a 20-question exam and the 75-question professional exams', () => {
    expect(largestRemainder(20, [32, 26, 24, 18])).toEqual([6, 5, 5, 4]);
    // SAP-C02: quotas 19.5/21.75/18.75/15; the two .75 take the seats.
    expect(largestRemainder(75, [26, 29, 25, 20])).toEqual([19, 22, 19, 15]);
    // DOP-C02: .75, .75, then the .5 tie goes to the larger weight (SDLC 22 over Incident 14).
    expect(largestRemainder(75, [22, 17, 15, 15, 14, 17])).toEqual([17, 13, 11, 11, 10, 13]);
  });

  it('breaks equal remainders and weights by position, and handles nothing to split', () => {
    expect(largestRemainder(1, [50, 50])).toEqual([1, 0]);
    expect(largestRemainder(0, [32, 26, 24, 18])).toEqual([0, 0, 0, 0]);
    expect(largestRemainder(5, [])).toEqual([]);
  });
});

describe('allocate', () => {
  it('gives a short domain what it has and shares the rest by weight (12 over 32/24/18: 5.19, 3.89, 2.92)', () => {
    expect(allocate(65, [32, 26, 24, 18], [100, 5, 100, 100])).toEqual([26, 5, 19, 15]);
  });

  it('keeps moving the surplus while domains fill up', () => {
    expect(allocate(65, [32, 26, 24, 18], [100, 5, 3, 2])).toEqual([55, 5, 3, 2]);
  });

  it('stops short when every domain is exhausted', () => {
    expect(allocate(65, [32, 26, 24, 18], [3, 2, 1, 0])).toEqual([3, 2, 1, 0]);
  });

  it('is the plain apportionment when nobody is short', () => {
    expect(allocate(65, [32, 26, 24, 18], [21, 17, 15, 12])).toEqual([21, 17, 15, 12]);
  });
});

describe('spreadByKey', () => {
  const repeats = (keys: string[]) => keys.filter((k, i) => i > 0 && k === keys[i - 1]).length;

  function fewestRepeats(keys: string[]): number {
    // Brute force over all orders: the oracle for small lists.
    let best = Infinity;
    const walk = (rest: string[], acc: string[]) => {
      if (rest.length === 0) return void (best = Math.min(best, repeats(acc)));
      new Set(rest).forEach((k) => {
        const i = rest.indexOf(k);
        walk([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, k]);
      });
    };
    walk(keys, []);
    return best;
  }

  it('keeps the order when no neighbours repeat', () => {
    expect(spreadByKey(['a', 'b', 'a', 'c'], (k) => k)).toEqual(['a', 'b', 'a', 'c']);
  });

  it('separates neighbours by moving the fewest items', () => {
    expect(spreadByKey(['a1', 'a2', 'b1', 'b2', 'c1'], (k) => k[0]!)).toEqual(['a1', 'b1', 'a2', 'b2', 'c1']);
  });

  it('plans ahead: a key holding half the items is started early enough', () => {
    expect(spreadByKey(['b1', 'c1', 'a1', 'a2', 'a3'], (k) => k[0]!)).toEqual(['a1', 'b1', 'a2', 'c1', 'a3']);
  });

  it('leaves as few repeats as possible when they cannot be avoided', () => {
    expect(spreadByKey(['b', 'a', 'a', 'a', 'a'], (k) => k)).toEqual(['a', 'b', 'a', 'a', 'a']);
  });

  it('is optimal on 300 seeded lists of up to 8 items over 4 keys (checked by brute force)', () => {
    const rng = seededRandom('spread');
    for (let n = 0; n < 300; n++) {
      const keys = Array.from({ length: 1 + Math.floor(rng() * 8) }, () => 'abcd'[Math.floor(rng() * 4)]!);
      const out = spreadByKey(shuffle(keys, rng), (k) => k);
      expect([...out].sort()).toEqual([...keys].sort());
      expect(repeats(out)).toEqual(fewestRepeats(keys));
    }
  });
});
