import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { answerHistory, statsAnswers } from '../../src/db/stats.js';
import { type AnswerHistory, historyFromAnswers } from '../../src/stats/history.js';
import { review, versionOneBank, writeBank } from '../helpers/bank.js';

const now = new Date('2026-03-01T09:00:00Z');

/** 300 answers over 90 days at uneven times of day, to 20 questions, some right. */
function answerTimes(): Array<{ id: string; at: Date; ok: boolean }> {
  return Array.from({ length: 300 }, (_, i) => ({
    id: `q${String((i * 7) % 20).padStart(5, '0')}`,
    // Every 37 minutes and a bit: answers land in every quarter-hour of the day and around local midnights.
    at: new Date(now.getTime() - (i * 431 + 17) * 60_000 - (i % 5) * 1000),
    ok: i % 3 !== 0,
  }));
}

function expectSameHistory(got: AnswerHistory | null, want: AnswerHistory): void {
  expect(got).not.toBeNull();
  expect(got!.totals).toEqual(want.totals);
  expect([...got!.byDay].sort((a, b) => a[0] - b[0])).toEqual([...want.byDay].sort((a, b) => a[0] - b[0]));
  expect(got!.byQuestion.size).toBe(want.byQuestion.size);
  for (const [id, w] of want.byQuestion) {
    const g = got!.byQuestion.get(id)!;
    expect([g.answers, g.correct]).toEqual([w.answers, w.correct]);
    expect(g.recentRight).toBeCloseTo(w.recentRight, 9);
    expect(g.recentWrong).toBeCloseTo(w.recentWrong, 9);
  }
}

describe('the answer tallies the database keeps', () => {
  const db: Db = openDatabase(':memory:');
  writeBank(db, { questions: 20, topics: 4 });
  // Recorded in time order, as sessions record them.
  for (const a of answerTimes().reverse()) review(db, a.id, { due: a.at, last_review: a.at }, a.ok);

  for (const offset of [0, 540, -300, 330, 345, -570]) {
    it(`equal the tallies of every answer, for days local to UTC${offset >= 0 ? '+' : ''}${offset / 60}`, () => {
      expectSameHistory(answerHistory(db, now, offset), historyFromAnswers(statsAnswers(db), now, offset));
    });
  }

  it('decline an offset no time zone has (not whole quarter-hours)', () => {
    expect(answerHistory(db, now, 37)).toBeNull();
  });

  it('stay right when an answer arrives out of time order', () => {
    const late = new Date(now.getTime() - 40 * 86_400_000);
    review(db, 'q00003', { due: late, last_review: late }, true);
    expectSameHistory(answerHistory(db, now, 60), historyFromAnswers(statsAnswers(db), now, 60));
  });
});

describe('upgrading a version-1 database', () => {
  it('fills the tallies from the answers already given', () => {
    const path = versionOneBank({ questions: 20, topics: 4 }, (raw) => {
      const insert = raw.prepare("INSERT INTO answers (question_id, given, correct, time_ms, answered_at) VALUES (?, '\"x\"', ?, ?, ?)");
      answerTimes().forEach((a, i) => insert.run(a.id, a.ok ? 1 : 0, 1000 + i, a.at.toISOString()));
    });

    const db = openDatabase(path);
    expectSameHistory(answerHistory(db, now, 540), historyFromAnswers(statsAnswers(db), now, 540));
    db.close();
  });
});
