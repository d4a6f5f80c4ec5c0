import { describe, expect, it } from 'vitest';
import { applyFilter, isPartial } from '../../src/stats/filter.js';
import { historyFromAnswers } from '../../src/stats/history.js';
import type { StatsAnswer } from '../../src/stats/types.js';
import { ans, input, mock, q } from './fixture.js';

const questions = [
  q('l1', 'Lambda › Concurrency', 'development'),
  q('l2', 'Lambda › Layers', 'development'),
  q('i1', 'IAM › Lambda execution role', 'security'),
  q('k1', 'KMS › Envelope encryption', 'security'),
];
const history = [
  ans('l1', '2026-02-01T10:00:00Z', true),
  ans('l2', '2026-02-20T10:00:00Z', false),
  ans('i1', '2026-02-21T10:00:00Z', true),
  ans('k1', '2026-02-10T10:00:00Z', false),
  ans('gone', '2026-02-25T10:00:00Z', true),
];
const exams = [mock(1, '2026-02-05T10:00:00Z', 70), mock(2, '2026-02-22T10:00:00Z', 80, { domain: 'security', total: 20 })];
const base = input({ questions, answers: history, exams });
const ids = (r: ReturnType<typeof applyFilter<typeof base>>) => ({
  questions: r.questions.map((x) => x.id),
  answers: (r.answers as readonly StatsAnswer[]).map((a) => a.questionId),
  exams: r.exams.map((e) => e.sessionId),
});

describe('applyFilter', () => {
  it('keeps everything without a filter', () => {
    expect(ids(applyFilter(base, {}))).toEqual({ questions: ['l1', 'l2', 'i1', 'k1'], answers: ['l1', 'l2', 'i1', 'k1', 'gone'], exams: [1, 2] });
  });

  it('narrows by domain slug: its questions, their answers, and mock exams of that domain', () => {
    expect(ids(applyFilter(base, { domain: 'security' }))).toEqual({ questions: ['i1', 'k1'], answers: ['i1', 'k1'], exams: [2] });
  });

  it('narrows by a case-insensitive substring of the topic path', () => {
    expect(ids(applyFilter(base, { topic: 'lambda' }))).toEqual({ questions: ['l1', 'l2', 'i1'], answers: ['l1', 'l2', 'i1'], exams: [1, 2] });
    expect(ids(applyFilter(base, { topic: '  ' }))).toEqual(ids(applyFilter(base, {})));
  });

  it('narrows answers and mock exams by --since, but keeps every question', () => {
    expect(ids(applyFilter(base, { since: new Date('2026-02-20T10:00:00Z') }))).toEqual({
      questions: ['l1', 'l2', 'i1', 'k1'],
      answers: ['l2', 'i1', 'gone'],
      exams: [2],
    });
  });

  it('applies all three together and leaves the other inputs alone', () => {
    const r = applyFilter(base, { domain: 'development', topic: 'LAYERS', since: new Date('2026-02-01T00:00:00Z') });
    expect(ids(r)).toEqual({ questions: ['l2'], answers: ['l2'], exams: [] });
    expect([r.now, r.bp, r.cards, r.scheduler]).toEqual([base.now, base.bp, base.cards, base.scheduler]);
  });

  it('tells a partial view (domain or topic) from a whole one', () => {
    expect([isPartial({}), isPartial({ since: new Date(0) }), isPartial({ domain: 'security' }), isPartial({ topic: 'x' }), isPartial({ topic: ' ' })]).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('applyFilter on tallies', () => {
  it('passes tallies through when nothing narrows, and refuses to narrow them', () => {
    const tallied = { ...base, answers: historyFromAnswers(history, base.now, base.timeZoneOffsetMinutes) };
    expect(applyFilter(tallied, {})).toBe(tallied);
    expect(applyFilter(tallied, { topic: ' ' })).toBe(tallied);
    expect(() => applyFilter(tallied, { domain: 'security' })).toThrow(RangeError);
    expect(() => applyFilter(tallied, { since: new Date('2026-02-01T00:00:00Z') })).toThrow(RangeError);
  });
});
