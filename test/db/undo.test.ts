import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/app/blueprints.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ensureIndexStats } from '../../src/app/question-index.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { QuizRepository, type AnswerToRecord } from '../../src/db/quiz.js';
import { ensureAnswerDays } from '../../src/db/stats.js';
import { makeScheduler, newCardState, reviewCard } from '../../src/study/schedule.js';
import { review, writeBank } from '../helpers/bank.js';

const TALLIES = ['answers', 'review_logs', 'cards', 'topic_scores', 'question_scores', 'answer_slots', 'answer_days', 'index_domains', 'index_topics', 'index_cards'];

const SEEN_FROM = Date.parse('2026-06-01T00:00:00Z') / 1000;

/**
 * Every row of every table an answer touches. Recency sums are stored as of their latest answer (`decay_at`),
 * so the same weights can be stored at two references: they are compared as statistics read them, aged to
 * one instant (and rounded).
 */
function snapshot(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of TALLIES) {
    out[t] = (db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all() as Array<Record<string, unknown>>).map((r) => {
      const row = { ...r };
      if (typeof row['decay_at'] === 'number') {
        const f = 0.5 ** ((SEEN_FROM - row['decay_at']) / (14 * 86_400));
        row['decay_right'] = (row['decay_right'] as number) * f;
        row['decay_wrong'] = (row['decay_wrong'] as number) * f;
        delete row['decay_at'];
      }
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v]));
    });
  }
  return out;
}

function setup(): { db: Db; ids: string[]; repo: QuizRepository } {
  const db = openDatabase(':memory:');
  const ids = writeBank(db, { questions: 12, topics: 3 });
  // Some history first, and the statistics tallies built, so the undo has something to leave alone.
  review(db, ids[0]!, { due: new Date('2026-03-02T00:00:00Z'), last_review: new Date('2026-02-20T10:00:00Z') }, true);
  review(db, ids[1]!, { due: new Date('2026-03-02T00:00:00Z'), last_review: new Date('2026-02-21T10:00:00Z') }, false);
  const dva = loadBlueprint('DVA-C02')!;
  ensureIndexStats(db, dva, loadCatalogue());
  ensureAnswerDays(db, 60);
  return { db, ids, repo: new QuizRepository(db) };
}

function answer(id: string, correct: boolean, at: Date, card = newCardState(at)): AnswerToRecord {
  const { card: next, log } = reviewCard(makeScheduler(), card, correct ? 3 : 1, at);
  return { sessionId: null, questionId: id, position: 0, given: 'x', correct, timeMs: 4200, at, review: { rating: correct ? 3 : 1, card: next, log } };
}

describe('undoing an answer', () => {
  it('leaves every tally, the card and the logs as they were before a first answer', () => {
    const { db, ids, repo } = setup();
    const before = snapshot(db);
    const recorded = repo.record(answer(ids[5]!, false, new Date('2026-03-01T12:00:00Z')));
    expect(snapshot(db)).not.toEqual(before);
    expect(recorded.cardBefore).toBeNull();
    repo.undo(recorded);
    expect(snapshot(db)).toEqual(before);
  });

  it('puts a reviewed card back exactly, last rating included, after a later answer', () => {
    const { db, ids, repo } = setup();
    const before = snapshot(db);
    const card = repo.cardsById([ids[0]!]).get(ids[0]!)!;
    const recorded = repo.record(answer(ids[0]!, false, new Date('2026-03-03T08:00:00Z'), card));
    expect(recorded.cardBefore?.last_rating).toBe(3);
    expect(repo.cardRow(ids[0]!)?.last_rating).toBe(1);
    repo.undo(recorded);
    expect(snapshot(db)).toEqual(before);
  });

  it('re-records an answer as right when the learner overrules the matcher, in place of the wrong one', () => {
    const { db, ids, repo } = setup();
    const at = new Date('2026-03-01T12:00:00Z');
    const wrong = repo.record(answer(ids[6]!, false, at));
    const right = repo.rerecord(wrong, { ...answer(ids[6]!, true, at), userAccepted: true });
    const rows = db.prepare('SELECT question_id, correct, rating, user_accepted FROM answers WHERE question_id = ?').all(ids[6]!);
    expect(rows).toEqual([{ question_id: ids[6]!, correct: 1, rating: 3, user_accepted: 1 }]);
    expect(db.prepare('SELECT count(*) AS n FROM review_logs WHERE question_id = ?').get(ids[6]!)).toEqual({ n: 1 });
    expect(db.prepare('SELECT answers, correct FROM question_scores WHERE question_id = ?').get(ids[6]!)).toEqual({ answers: 1, correct: 1 });
    expect(right.cardBefore).toBeNull();
  });

  it('unflags a flagged question and says whether there was a flag', () => {
    const { db, ids, repo } = setup();
    repo.flag(ids[2]!, 'bad', new Date());
    expect(repo.unflag(ids[2]!)).toBe(true);
    expect(repo.unflag(ids[2]!)).toBe(false);
    expect(db.prepare('SELECT flagged_at, flag_reason FROM questions WHERE id = ?').get(ids[2]!)).toEqual({ flagged_at: null, flag_reason: null });
  });
});
