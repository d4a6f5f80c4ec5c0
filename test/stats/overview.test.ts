import { describe, expect, it } from 'vitest';
import { MASTERED_STABILITY_DAYS, isMastered, overview } from '../../src/stats/overview.js';
import { JST, NOW, ans, card, input, q } from './fixture.js';

// Late on Feb 27 and early on Feb 28 in Tokyo: one UTC day, two local ones.
const history = [
  ans('q1', '2026-02-27T14:30:00Z', true),
  ans('q2', '2026-02-27T15:30:00Z', false, { timeMs: 11_000 }),
  ans('q1', '2026-03-01T02:00:00Z', true, { sessionKind: 'exam' }),
];
const questions = [q('q1', 'SQS › Visibility', 'development'), q('q2', 'IAM › Policies', 'security'), q('q3', 'KMS', null)];

describe('overview', () => {
  it('counts questions, answers, accuracy and time', () => {
    const o = overview(input({ questions, answers: history }));
    expect(o).toEqual({
      questions: 3,
      seen: 2,
      mastered: 0,
      answers: 3,
      correct: 2,
      accuracy: 2 / 3,
      meanTimeMs: 7_000,
      streakDays: 3,
      studiedToday: true,
      dueToday: 0,
      dueNext7Days: 0,
    });
  });

  it('follows the local calendar for the streak: across midnight in UTC+9 is two days, in UTC one', () => {
    const tokyo = overview(input({ questions, answers: history, timeZoneOffsetMinutes: JST }));
    const utc = overview(input({ questions, answers: history, timeZoneOffsetMinutes: 0 }));
    expect([tokyo.streakDays, utc.streakDays]).toEqual([3, 1]);
  });

  it('keeps a streak that ended yesterday, and breaks one that ended the day before', () => {
    const yesterday = [ans('q1', '2026-02-27T14:30:00Z', true), ans('q1', '2026-02-27T15:30:00Z', true)];
    const a = overview(input({ questions, answers: yesterday, now: new Date('2026-02-28T23:00:00Z') })); // Mar 1, 08:00 JST
    expect([a.streakDays, a.studiedToday]).toEqual([2, false]);
    const b = overview(input({ questions, answers: yesterday, now: new Date('2026-03-01T15:00:00Z') })); // Mar 2, 00:00 JST
    expect([b.streakDays, b.studiedToday]).toEqual([0, false]);
  });

  it('counts reviews due by the end of the local day and in the seven days after, never new cards', () => {
    const cards = new Map([
      ['overdue', card({ due: new Date('2026-02-20T00:00:00Z') })],
      ['tonight', card({ due: new Date('2026-03-01T14:59:59Z') })], // 23:59:59 JST
      ['after-midnight', card({ due: new Date('2026-03-01T15:00:00Z') })], // Mar 2, 00:00 JST
      ['day-7', card({ due: new Date('2026-03-08T14:59:59Z'), state: 3 })], // Mar 8, 23:59:59 JST
      ['day-8', card({ due: new Date('2026-03-08T15:00:00Z') })], // Mar 9, 00:00 JST
      ['new', card({ due: new Date('2026-02-01T00:00:00Z'), state: 0, reps: 0, last_review: null })],
      ['retired', card({ due: new Date('2026-02-20T00:00:00Z') })],
    ]);
    const qs = ['overdue', 'tonight', 'after-midnight', 'day-7', 'day-8', 'new'].map((id) => q(id, 'T', null));
    const o = overview(input({ questions: qs, cards }));
    expect([o.dueToday, o.dueNext7Days]).toEqual([2, 2]);
    // In UTC, 14:59:59 and 15:00 are the same day: both today.
    const utc = overview(input({ questions: qs, cards, timeZoneOffsetMinutes: 0 }));
    expect([utc.dueToday, utc.dueNext7Days]).toEqual([3, 2]);
  });

  it('calls a Review card with three weeks of stability mastered', () => {
    expect(MASTERED_STABILITY_DAYS).toBe(21);
    expect([isMastered(card({ stability: 21 })), isMastered(card({ stability: 20.9 })), isMastered(card({ stability: 40, state: 3 }))]).toEqual([
      true,
      false,
      false,
    ]);
    const cards = new Map([
      ['q1', card({ stability: 30 })],
      ['q2', card({ stability: 5 })],
      ['gone', card({ stability: 90 })],
    ]);
    expect(overview(input({ questions, cards })).mastered).toBe(1);
  });

  it('reports no accuracy before the first answer', () => {
    expect(overview(input({ now: NOW }))).toEqual({
      questions: 0,
      seen: 0,
      mastered: 0,
      answers: 0,
      correct: 0,
      accuracy: null,
      meanTimeMs: null,
      streakDays: 0,
      studiedToday: false,
      dueToday: 0,
      dueNext7Days: 0,
    });
  });
});
