import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { review, writeBank } from '../helpers/bank.js';

describe('comingDue', () => {
  it('counts the reviews that fall due in each window, leaving out those already due', () => {
    const db = openDatabase(':memory:');
    const ids = writeBank(db, { questions: 6, topics: 2 });
    const now = new Date('2026-03-01T12:00:00Z');
    const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
    review(db, ids[0]!, { due: at(-30), last_review: at(-40) }, true); // overdue: not "coming"
    review(db, ids[1]!, { due: now, last_review: at(-1) }, true); // due right now: not coming either
    review(db, ids[2]!, { due: at(3), last_review: at(-1) }, true); // later today
    review(db, ids[3]!, { due: at(20), last_review: at(-1) }, true); // tomorrow
    review(db, ids[4]!, { due: at(30), last_review: at(-1) }, true); // the day after
    const repo = new QuizRepository(db);
    expect(repo.comingDue(now, [at(12), at(24)])).toEqual([1, 1]);
    expect(repo.comingDue(now, [at(40)])).toEqual([3]);
    expect(repo.dueCount(at(24))).toBe(4); // what "due tomorrow" used to count
  });
});
