import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/app/blueprints.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ensureQuestionIndex, indexedQuestions } from '../../src/app/question-index.js';
import { planStudy } from '../../src/app/study-plan.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import type { IndexFilter } from '../../src/db/question-index.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { buildQueue } from '../../src/study/queue.js';
import { seededRandom } from '../../src/study/random.js';
import { makeScheduler } from '../../src/study/schedule.js';
import { review, writeBank } from '../helpers/bank.js';

const dva = loadBlueprint('DVA-C02')!;
const catalogue = loadCatalogue();
const scheduler = makeScheduler({ retention: 0.9 });
const now = new Date('2026-03-01T09:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

/** 60 questions over 8 topics; 40 reviewed, about half of those due, with answers that leave some topics weak. */
function studied(): Db {
  const db = openDatabase(':memory:');
  const ids = writeBank(db, { questions: 60, topics: 8 });
  ids.slice(0, 40).forEach((id, i) => {
    // Distinct recall for every card: no ties for the two plans to break differently.
    const card = { due: hours(i % 2 === 0 ? -3 - i : 5 + i * 7), last_review: hours(-40 - i * 13), stability: 1 + i * 0.37 };
    review(db, id, card, i % 8 < 3 ? i % 3 === 0 : i % 5 !== 0);
  });
  ensureQuestionIndex(db, dva, catalogue);
  return db;
}

/** The plan buildQueue makes from every question, card and topic score: what planStudy must reproduce. */
function wholePlan(db: Db, filter: IndexFilter, limit: number, seed: number, flags: { newOnly?: boolean; dueOnly?: boolean } = {}): string[] {
  const repo = new QuizRepository(db);
  const scores = new Map(db.prepare('SELECT id, score FROM questions').raw().all() as Array<[string, number]>);
  return buildQueue({
    questions: indexedQuestions(db, dva, catalogue, filter).map((q) => ({ ...q, score: scores.get(q.id) })),
    cards: repo.cards(),
    topicAccuracy: repo.topicAccuracy(),
    now,
    scheduler,
    limit,
    ...flags,
    rng: seededRandom(seed),
  });
}

describe('planStudy', () => {
  const db = studied();
  const cases: Array<[string, IndexFilter, { newOnly?: boolean; dueOnly?: boolean }]> = [
    ['everything', {}, {}],
    ['a domain', { domain: 'security' }, {}],
    ['a topic', { topic: 'topic 0003' }, {}],
    ['new only', {}, { newOnly: true }],
    ['due only', {}, { dueOnly: true }],
  ];
  for (const [name, filter, flags] of cases) {
    it(`plans what buildQueue plans from the whole bank (${name})`, () => {
      for (const limit of [3, 10, 25, 80]) {
        for (const seed of [1, 2, 3]) {
          const planned = planStudy(db, dva.code, filter, { now, scheduler, limit, ...flags, rng: seededRandom(seed) });
          expect(planned).toEqual(wholePlan(db, filter, limit, seed, flags));
        }
      }
    });
  }

  it('puts due reviews first and pulls weak topics forward before new questions', () => {
    const planned = planStudy(db, dva.code, {}, { now, scheduler, limit: 60, rng: seededRandom(9) });
    const cards = new QuizRepository(db).cards();
    const kinds = planned.map((id) => {
      const c = cards.get(id);
      return c === undefined ? 'new' : c.due <= now ? 'due' : 'later';
    });
    const firstNew = kinds.indexOf('new');
    expect(kinds.slice(0, 20).every((k) => k === 'due')).toBe(true);
    expect(kinds.slice(firstNew).every((k) => k === 'new')).toBe(true);
    expect(kinds.slice(20, firstNew)).toContain('later');
  });

  it('samples new questions from a large bank without reading it all: distinct, new, in the selection, repeatable', () => {
    const big = openDatabase(':memory:');
    const ids = writeBank(big, { questions: 3000, topics: 300 });
    ids.slice(0, 1500).forEach((id, i) => review(big, id, { due: hours(100 + i), last_review: hours(-10) }, true));
    ensureQuestionIndex(big, dva, catalogue);
    const plan = (seed: number, filter: IndexFilter = {}) => planStudy(big, dva.code, filter, { now, scheduler, limit: 20, newOnly: true, rng: seededRandom(seed) });
    const a = plan(1);
    expect(a).toHaveLength(20);
    expect(new Set(a).size).toBe(20);
    expect(a.every((id) => Number(id.slice(1)) >= 1500)).toBe(true);
    expect(plan(1)).toEqual(a);
    expect(plan(2)).not.toEqual(a);
    // A narrow filter rarely hit by sampling still gets its questions (read in full).
    const narrow = plan(3, { topic: 'topic 0299' });
    expect(narrow).toHaveLength(5);
    expect(narrow.every((id) => Number(id.slice(1)) % 300 === 299)).toBe(true);
  });
});
