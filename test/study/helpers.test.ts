import { describe, expect, it } from 'vitest';
import { typoAllowance, typoDistance } from '../../src/study/distance.js';
import { interleaveTopics } from '../../src/study/interleave.js';
import { normalizeTyped } from '../../src/study/normalize.js';
import { seededRandom, shuffled } from '../../src/study/random.js';
import { wilsonLowerBound } from '../../src/study/wilson.js';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toEqual(true);
    expect(xs.slice(0, 3)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('gives another sequence for another seed', () => {
    expect(seededRandom(1)()).not.toEqual(seededRandom(2)());
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves its input alone', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffled(items, seededRandom(3));
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shuffled(items, seededRandom(3))).toEqual(out);
  });

  it('survives an rng that returns 1', () => {
    expect([...shuffled(['a', 'b', 'c'], () => 1)].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('typoDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps', () => {
    expect(typoDistance('kitten', 'sitting')).toEqual(3);
    expect(typoDistance('kinesis', 'kniesis')).toEqual(1);
    expect(typoDistance('ab', 'ba')).toEqual(1);
    expect(typoDistance('', 'abc')).toEqual(3);
    expect(typoDistance('abc', '')).toEqual(3);
    expect(typoDistance('same', 'same')).toEqual(0);
    expect(typoDistance('ca', 'abc')).toEqual(3);
  });
});

describe('typoAllowance', () => {
  it('allows none up to 4 characters, 1 from 5 to 9, 2 from 10', () => {
    expect([0, 4, 5, 9, 10, 40].map(typoAllowance)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('normalizeTyped', () => {
  it('keeps numbers and units aside and spells them one way', () => {
    expect(normalizeTyped('Max 1,000 msecs & 0.50 GB')).toEqual({
      tokens: ['max', '1000', 'ms', 'and', '0.5', 'gb'],
      compact: 'max1000msand0.5gb',
      forms: ['max1000msand0.5gb', 'max1000msand0.5gb', 'max1000msand0.5gb'],
      quantities: ['1000', 'ms', '0.5', 'gb'],
    });
  });

  it('treats digits inside words as quantities', () => {
    expect(normalizeTyped('t2.micro').quantities).toEqual(['2']);
    expect(normalizeTyped('Route 53').quantities).toEqual(['53']);
  });

  it('reads a unit abbreviation only after a number', () => {
    expect(normalizeTyped('5 s').tokens).toEqual(['5', 's']);
    expect(normalizeTyped('s mb').tokens).toEqual(['s', 'mb']);
  });

  it('strips accents and articles, and stems plurals', () => {
    expect(normalizeTyped('The Café Policies').tokens).toEqual(['caf', 'policy']);
  });
});

describe('wilsonLowerBound', () => {
  it('is 0 without answers and grows with evidence', () => {
    expect(wilsonLowerBound(0, 0)).toEqual(0);
    expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.2699, 4);
    expect(wilsonLowerBound(45, 50)).toBeCloseTo(0.8085, 4);
    expect(wilsonLowerBound(0, 10)).toEqual(0);
  });
});

describe('interleaveTopics', () => {
  const topic = (s: string) => s[0]!;

  it('keeps the priority order when topics already alternate', () => {
    expect(interleaveTopics(['a1', 'b1', 'a2', 'b2'], topic)).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('moves the fewest items needed to separate a topic', () => {
    expect(interleaveTopics(['a1', 'a2', 'b1', 'c1'], topic)).toEqual(['a1', 'b1', 'a2', 'c1']);
  });

  it('takes the topic shown just before into account', () => {
    expect(interleaveTopics(['a1', 'b1'], topic, 'a')).toEqual(['b1', 'a1']);
  });

  it('accepts an empty list', () => {
    expect(interleaveTopics([], topic)).toEqual([]);
  });
});
