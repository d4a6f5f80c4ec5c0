import { describe, expect, it } from 'vitest';
import { numberPool, numericDistractors, pickDistinct, withValue } from '../../src/notes/distractors.js';
import type { NumericFact } from '../../src/notes/facts.js';

describe('pickDistinct', () => {
  it('treats a choice and the same choice with an aside as one', () => {
    expect(pickDistinct(['Graphics (pics)', 'Compute', 'Memory'], ['Graphics'], '', 3, false)).toEqual(['Compute', 'Memory']);
    expect(pickDistinct(['Compute', 'Compute (C)', 'Storage'], [], '', 3, false)).toEqual(['Compute', 'Storage']);
  });

  it('treats a number written with and without a space before its unit as one ("40 KB", "40KB")', () => {
    expect(pickDistinct(['40 KB per object', '40KB per object', 'None'], ['128KB per object'], '', 3, false)).toEqual(['40 KB per object', 'None']);
  });

  it('keeps choices that differ outside their asides, up to the number wanted', () => {
    expect(pickDistinct(['gp2 (SSD)', 'io1 (SSD)', 'st1 (HDD)', 'sc1 (HDD)'], ['gp3 (SSD)'], '', 2, false)).toEqual(['gp2 (SSD)', 'io1 (SSD)']);
  });
});

describe('numericDistractors', () => {
  const fact = (answer: string, unit: string, sourceText = `Keeps it for ${answer}`): NumericFact => ({
    kind: 'numeric',
    path: ['SQS'],
    context: [],
    line: 1,
    sourceText,
    subject: 'SQS',
    before: 'Keeps it for ',
    answer,
    after: '',
    value: Number(answer.replace(/[^\d.]/g, '')),
    unit,
  });

  it("offers the note's values of the same unit and form nearest in size first, each value once", () => {
    const pool = numberPool([
      fact('4 days', 'day'),
      fact('5 days', 'day'),
      fact('14 days', 'day'),
      fact('14 days', 'day'),
      fact('400 days', 'day'),
      fact('3 hours', 'hour'),
      fact('50%', '%'),
    ]);
    expect(numericDistractors(fact('7 days', 'day'), pool, 'seed')).toEqual(['5 days', '4 days', '14 days']);
  });

  it('leaves out every number the statement itself says', () => {
    const pool = numberPool([fact('1 day', 'day'), fact('2 days', 'day'), fact('8 days', 'day'), fact('14 days', 'day'), fact('16 days', 'day')]);
    // "From 1 to 14 days, default 4": 1 and 14 are true too.
    const got = numericDistractors(fact('4 days', 'day', 'From 1 to 14 days, default 4 days'), pool, 'seed');
    expect([...got].sort()).toEqual(['16 days', '2 days', '8 days']);
  });

  it('offers a value written two ways once, written the way the answer is', () => {
    const pool = numberPool([fact('1000 requests', 'request'), fact('1,000 requests', 'request'), fact('2000 requests', 'request')]);
    const got = numericDistractors(fact('500 requests', 'request'), pool, 'seed');
    expect(got.filter((a) => a.replace(/\D/g, '') === '1000')).toEqual(['1000 requests']);
    const grouped = numericDistractors(fact('5,000 requests', 'request'), pool, 'seed');
    expect(grouped.filter((a) => a.replace(/\D/g, '') === '1000')).toEqual(['1,000 requests']);
  });

  it('makes up nearby round values when the note has too few', () => {
    const got = numericDistractors(fact('10 days', 'day'), numberPool([]), 'seed');
    expect(got).toHaveLength(3);
    expect(new Set(got).size).toBe(3);
    expect(got.every((a) => /^\d+ days$/.test(a) && a !== '10 days')).toBe(true);
  });

  const at = (answer: string, unit: string, before: string, after: string): NumericFact => ({ ...fact(answer, unit, `${before}${answer}${after}`), before, after });
  const none = numberPool([]);

  it('keeps wrong values under a maximum the line gives beside the blank, and never offers 100 %', () => {
    const others = numberPool([fact('35 days', 'day'), fact('90 days', 'day'), fact('100%', '%'), fact('50%', '%')]);
    for (const d of numericDistractors(at('4 days', 'day', 'Retention: ', ', max 14 days'), others, 's')) expect(Number.parseInt(d)).toBeLessThan(14);
    for (const d of numericDistractors(at('10%', '%', 'Scale out when free space is below ', ''), others, 's')) expect(d).not.toBe('100%');
    // A share above all of it is weighed against shares above it, not against the nines of availability.
    const above = numericDistractors(at('200%', '%', 'A second live site costs about ', ' of one'), others, 's');
    expect(above).toHaveLength(3);
    for (const d of above) expect(Number.parseFloat(d)).toBeGreaterThan(100);
  });

  it('weighs nines of availability against other nines, and a plain share never against nines (reworded from fresh notes)', () => {
    const others = numberPool([fact('20%', '%'), fact('30%', '%'), fact('99.9%', '%'), fact('99.5%', '%')]);
    const nines = numericDistractors(at('99.99%', '%', 'Designed for ', ' availability over a year'), others, 's');
    expect(nines).toHaveLength(3);
    for (const d of nines) expect(Number.parseFloat(d)).toBeGreaterThanOrEqual(99);
    const plain = numericDistractors(at('25%', '%', 'Saves about ', ' on compute'), others, 's');
    expect(plain).toHaveLength(3);
    for (const d of plain) expect(Number.parseFloat(d)).toBeLessThan(99);
  });

  it('weighs a duration past the usual ones against durations of its own size (750 hours a month, an hour in seconds)', () => {
    const month = numericDistractors(at('750 hours', 'hour', 'Free for ', ' of a micro instance each month'), none, 's');
    expect(month).toHaveLength(3);
    for (const d of month) expect(Number.parseInt(d)).toBeGreaterThanOrEqual(100);
    const hour = numericDistractors(at('3600 seconds', 'second', 'Maximum cache TTL: ', ''), none, 's');
    expect(hour.some((d) => Number.parseInt(d) > 3600)).toBe(true);
  });

  it('makes the unit word agree with its new number ("1 millisecond" → "5 milliseconds")', () => {
    expect(withValue('1 millisecond', 5)).toBe('5 milliseconds');
    expect(withValue('1 event', 10)).toBe('10 events');
    expect(withValue('30 minute increments', 15)).toBe('15 minute increments');
    expect(withValue('3 months', 1)).toBe('1 month');
  });

  it('weighs a power of two against powers of two, a well-known port against the ports everyone meets', () => {
    expect(numericDistractors(at('65,536', '', 'A /16 block holds ', ' addresses'), none, 's').map((d) => Number(d.replace(/,/g, '')))).toEqual(expect.arrayContaining([32768, 131072]));
    expect(numericDistractors(at('256', 'bit', 'Keys are ', ' bit'), none, 's').every((d) => [64, 128, 512, 1024, 2048, 4096].includes(Number(d)))).toBe(true);
    const ports = numericDistractors(at('443', '', 'Allow inbound port ', ' for HTTPS'), none, 's');
    expect([...ports].sort()).toEqual(['22', '3389', '80']);
  });

  it('reads "access denied" or "HTTP status code" after a code as a status, and offers codes of its class only', () => {
    for (const after of [' access denied', ' HTTP status code when a table is throttled']) {
      const codes = numericDistractors(at(after.includes('HTTP') ? '400' : '403', '', '', after), none, 's').map(Number);
      expect(codes.length).toBe(3);
      for (const c of codes) expect(Math.floor(c / 100)).toBe(4);
    }
  });
});

