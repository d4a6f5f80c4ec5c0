import { describe, expect, it } from 'vitest';
import { sampleDistinct, seededRandom, shuffle } from '../../src/exam/random.js';

describe('seededRandom', () => {
  it('gives the same stream for the same seed, pinned so a saved --seed keeps meaning the same exam', () => {
    const r = seededRandom('awsquiz');
    expect([r(), r(), r()]).toEqual([0.9170669512823224, 0.9474189572501928, 0.5185296051204205]);
    const n = seededRandom(42);
    expect([n(), n()]).toEqual([0.1682699858210981, 0.2886446751654148]);
  });

  it('treats a number and its text as the same seed, and different seeds differently', () => {
    const first = (seed: string | number) => seededRandom(seed)();
    expect(first(42)).toEqual(first('42'));
    expect(new Set([first(1), first(2), first('1 '), first('')]).size).toEqual(4);
  });

  it('stays in [0, 1)', () => {
    const r = seededRandom('range');
    const values = Array.from({ length: 10_000 }, r);
    expect(values.every((v) => v >= 0 && v < 1)).toEqual(true);
  });
});

describe('shuffle', () => {
  it('returns a shuffled copy and leaves the input alone', () => {
    const input = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect(shuffle(input, seededRandom('s'))).toEqual(['f', 'c', 'd', 'e', 'g', 'a', 'b', 'h']);
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('copes with empty and single lists, and a source that returns 1', () => {
    expect([shuffle([], () => 0), shuffle(['x'], () => 0.5), shuffle([1, 2, 3], () => 1)]).toEqual([[], ['x'], [1, 2, 3]]);
  });
});

describe('sampleDistinct', () => {
  it('gives k distinct numbers below n, the same for the same seed', () => {
    for (const [n, k] of [[100_000, 12], [10, 4], [10, 6], [7, 7], [3, 9], [0, 2]] as const) {
      const picked = sampleDistinct(n, k, seededRandom(`${n}/${k}`));
      expect(picked).toHaveLength(Math.min(n, k));
      expect(new Set(picked).size).toBe(picked.length);
      expect(picked.every((i) => Number.isInteger(i) && i >= 0 && i < n)).toBe(true);
      expect(sampleDistinct(n, k, seededRandom(`${n}/${k}`))).toEqual(picked);
    }
  });

  it('reaches every number of the range over many draws', () => {
    const rng = seededRandom('spread');
    const hits = new Set<number>();
    for (let i = 0; i < 200; i++) for (const x of sampleDistinct(50, 3, rng)) hits.add(x);
    expect(hits.size).toBe(50);
  });
});
