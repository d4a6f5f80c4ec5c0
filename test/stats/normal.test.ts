import { describe, expect, it } from 'vitest';
import { erf, normalCdf } from '../../src/stats/normal.js';

describe('erf and normalCdf', () => {
  it('matches tabulated values to 1e-6', () => {
    expect(erf(0)).toBeCloseTo(0, 6);
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 6);
    expect(erf(1)).toBeCloseTo(0.8427007929, 6);
    expect(erf(-1)).toBeCloseTo(-0.8427007929, 6);
    expect(erf(3)).toBeCloseTo(0.9999779095, 6);
  });

  it('gives the normal distribution function', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 6);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 6);
    expect(normalCdf(0.7, 0.5, 0.1)).toBeCloseTo(0.9772498681, 6);
  });

  it('is a step at the mean when there is no spread', () => {
    expect([normalCdf(0.4, 0.5, 0), normalCdf(0.5, 0.5, 0)]).toEqual([0, 1]);
  });
});
