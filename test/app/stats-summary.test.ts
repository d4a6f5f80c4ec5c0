import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/app/blueprints.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ensureIndexStats, ensureQuestionIndex, statsQuestions, statsSummary } from '../../src/app/question-index.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { finishedExams, RECALL_SQL, statsAnswers } from '../../src/db/stats.js';
import { buildReport, reportFromSummary, type StatsOptions } from '../../src/stats/report.js';
import { seededRandom } from '../../src/study/random.js';
import { type CardState, makeScheduler, newCardState, retrievability } from '../../src/study/schedule.js';
import { computeDecayFactor } from 'ts-fsrs';
import { DVA_DOMAINS, versionTwoBank, writeBank } from '../helpers/bank.js';

const dva = loadBlueprint('DVA-C02')!;
const catalogue = loadCatalogue();
const scheduler = makeScheduler();
const base = new Date('2026-03-01T09:00:00Z');
const DAY = 86_400_000;
const OFFSETS = [0, 540, -300, 330, 345, -570];

/**
 * Answers and cards over a bank of `questions`: uneven times over the 200 days before `from`, out of
 * time order (recency weights are exact up to now: the tallies age sums as of their latest answer), topics whose right/total repeat (so weak topics tie and names decide), cards in every
 * phase with stabilities around the mastery line, due around today and the week ahead, and one answered
 * question retired afterwards.
 */
function history(db: Db, ids: readonly string[], seed: number, from: Date = base): void {
  const rnd = seededRandom(seed);
  const cardInsert = db.prepare(
    `INSERT INTO cards (question_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (question_id) DO UPDATE SET due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
       elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps,
       reps = excluded.reps, lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review`,
  );
  const answer = db.prepare("INSERT INTO answers (session_id, question_id, given, correct, time_ms, answered_at) VALUES (NULL, ?, '\"x\"', ?, ?, ?)");
  db.transaction(() => {
    ids.forEach((id, i) => {
      if (i % 5 === 4) return; // never answered
      const n = 1 + (i % 7);
      for (let k = 0; k < n; k++) {
        const at = new Date(from.getTime() - Math.floor(rnd() * 200 * DAY));
        // Topic-wise patterns: every other question mostly wrong, so weak topics exist, and alike topics tie.
        answer.run(id, (i % 2 === 0 ? k % 3 === 0 : k % 4 !== 0) ? 1 : 0, 1000 + Math.floor(rnd() * 60_000), at.toISOString());
      }
      if (i % 3 === 0) return; // no card
      const phase = (i % 4) as CardState['state'];
      const reviewed = phase === 0 ? null : new Date(from.getTime() - Math.floor(rnd() * 90 * DAY) - Math.floor(rnd() * DAY));
      const card: CardState = {
        ...newCardState(from),
        state: phase,
        stability: i % 11 === 0 ? 21 : i % 13 === 0 ? 0 : Math.round(rnd() * 60 * 1e9) / 1e9 + 0.01,
        reps: phase === 0 ? 0 : 2,
        due: new Date(from.getTime() + Math.floor((rnd() * 12 - 3) * DAY)),
        last_review: reviewed,
      };
      // Written as a version-2 database holds a card (no last rating), so the helper serves the upgrade test too.
      cardInsert.run(id, card.due.toISOString(), card.stability, card.difficulty, card.elapsed_days, card.scheduled_days, card.learning_steps, card.reps, card.lapses, card.state, reviewed?.toISOString() ?? null);
    });
    const session = db
      .prepare("INSERT INTO sessions (kind, exam, started_at, ended_at, status, plan) VALUES ('exam', 'DVA-C02', ?, ?, 'finished', ?)")
      .run(new Date(from.getTime() - 5 * DAY).toISOString(), new Date(from.getTime() - 5 * DAY + 3_600_000).toISOString(), JSON.stringify({ result: { percent: 68.5, scaledEstimate: 716, passed: false, total: 65 } }));
    expect(session.changes).toBe(1);
  })();
}

function bank(seed = 7): { db: Db; ids: string[] } {
  const db = openDatabase(':memory:');
  // Every ninth question has no front-matter domain: the mapper guesses, or leaves it unmapped.
  const ids = writeBank(db, { questions: 400, topics: 60, typedEvery: 7, domainOf: (i) => (i % 9 === 0 ? null : DVA_DOMAINS[(i * 7) % 4]!) });
  history(db, ids, seed);
  // Some cards' latest review failed: statistics count them as not recalled, in SQL as in the reference.
  db.prepare('UPDATE cards SET last_rating = CASE WHEN rowid % 3 = 0 THEN 1 ELSE 3 END WHERE state != 0').run();
  new QuizRepository(db).flag(ids[1]!, 'retired after its answers', base);
  return { db, ids };
}

/** The report from every question, answer and card: what the tallies must reproduce. */
function reference(db: Db, now: Date, offset: number, options: StatsOptions = {}) {
  return buildReport(
    {
      questions: statsQuestions(db, dva, catalogue),
      answers: statsAnswers(db),
      cards: new QuizRepository(db).cards(),
      scheduler,
      exams: finishedExams(db),
      bp: dva,
      now,
      timeZoneOffsetMinutes: offset,
    },
    options,
  );
}

function fast(db: Db, now: Date, offset: number, options: StatsOptions = {}) {
  const summary = statsSummary(db, dva, catalogue, { now, offsetMinutes: offset, scheduler }, options);
  expect(summary).not.toBeNull();
  return reportFromSummary(summary!, { exams: finishedExams(db), bp: dva, now, timeZoneOffsetMinutes: offset }, options);
}

/**
 * Equal, but for floating-point sums taken in another order: integers, strings, order and shape exactly,
 * fractions to 12 significant digits.
 */
function expectSame(got: unknown, want: unknown, path = 'report'): void {
  if (typeof want === 'number' && typeof got === 'number' && !(Number.isInteger(want) && Number.isInteger(got))) {
    if (Math.abs(got - want) > 1e-12 * Math.max(1, Math.abs(want))) expect.fail(`${path}: ${got} ≠ ${want}`);
    return;
  }
  if (want === null || typeof want !== 'object' || got === null || typeof got !== 'object') {
    expect(got, path).toEqual(want);
    return;
  }
  expect(Object.keys(got), path).toEqual(Object.keys(want));
  for (const k of Object.keys(want)) expectSame((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], `${path}.${k}`);
}

describe('the statistics from the tallies the database keeps', () => {
  const { db, ids } = bank();

  it('make the report buildReport makes from every question, answer and card', () => {
    const report = fast(db, base, 0);
    // The bank does exercise every section: readiness shows, topics are weak, reviews are due, questions are unmapped.
    expect(report.readiness.available).toBe(true);
    expect(report.weakTopics.filter((t) => t.weak).length).toBeGreaterThan(3);
    expect(report.overview.dueToday).toBeGreaterThan(0);
    expect(report.overview.dueNext7Days).toBeGreaterThan(0);
    expect(report.overview.mastered).toBeGreaterThan(0);
    expect(report.unmapped.questions).toBeGreaterThan(0);
    expectSame(report, reference(db, base, 0));
  });

  for (const offset of OFFSETS) {
    it(`count local days and due windows alike, for UTC${offset >= 0 ? '+' : ''}${offset / 60}`, () => {
      for (const now of [base, new Date(base.getTime() + 14.9 * 3_600_000), new Date(base.getTime() + 40 * DAY)]) {
        expectSame(fast(db, now, offset), reference(db, now, offset));
      }
    });
  }

  it('rank the same weakest topics for any limit and minimum of answers, ties broken by name', () => {
    for (const limit of [0, 1, 3, 7, 10, 25, 100]) {
      for (const minAnswers of [1, 3, 6]) {
        const options = { limit, minAnswers };
        expectSame(fast(db, base, 60, options).weakTopics, reference(db, base, 60, options).weakTopics);
      }
    }
  });

  it('stay equal as answers and reviews arrive, without being recomputed', () => {
    fast(db, base, 540);
    const stamp = db.prepare("SELECT stamp FROM derived WHERE key = 'index-stats:DVA-C02'").pluck().get();
    const later = new Date(base.getTime() + 3 * DAY);
    history(db, ids.slice(100, 220), 99, later);
    expect(db.prepare("SELECT stamp FROM derived WHERE key = 'index-stats:DVA-C02'").pluck().get()).toBe(stamp);
    for (const offset of OFFSETS) expectSame(fast(db, later, offset), reference(db, later, offset));
  });

  it('are recomputed once the question index is rebuilt', () => {
    const now = new Date(base.getTime() + 4 * DAY);
    new QuizRepository(db).flag(ids[10]!, 'bad', now);
    db.prepare('UPDATE questions SET retired_at = ? WHERE id = ?').run(now.toISOString(), ids[22]);
    expectSame(fast(db, now, 0), reference(db, now, 0));
    expect(fast(db, now, 0).overview.questions).toBe(400 - 3);
  });
});

describe('the statistics tallies', () => {
  it('are left alone while the index and its answers are unchanged, and kept by the triggers', () => {
    const db = openDatabase(':memory:');
    const ids = writeBank(db, { questions: 20, topics: 4 });
    ensureIndexStats(db, dva, catalogue);
    // A stray edit survives an unchanged check: proof that nothing was recomputed.
    db.prepare("UPDATE index_domains SET questions = 999 WHERE exam = 'DVA-C02' AND domain = 'security'").run();
    ensureIndexStats(db, dva, catalogue);
    expect(db.prepare("SELECT questions FROM index_domains WHERE exam = 'DVA-C02' AND domain = 'security'").pluck().get()).toBe(999);
    new QuizRepository(db).record({ sessionId: null, questionId: ids[1]!, position: null, given: 'x', correct: true, timeMs: 10, at: base });
    expect(db.prepare("SELECT seen, answers, correct FROM index_domains WHERE exam = 'DVA-C02' AND domain = 'security'").raw().get()).toEqual([1, 1, 1]);
    db.close();
  });

  it('fill themselves on first use in a database upgraded from version 2', () => {
    const path = versionTwoBank({ questions: 400, topics: 60, typedEvery: 7, domainOf: (i) => (i % 9 === 0 ? null : DVA_DOMAINS[(i * 7) % 4]!) }, (raw) => {
      const ids = raw.prepare('SELECT id FROM questions ORDER BY id').pluck().all() as string[];
      history(raw, ids, 3);
      // The version-2 index, built before the upgrade, stays current: only the tallies are new. Today's code
      // reads the columns of migration 0006, so they are there while it builds the index, then dropped again.
      raw.exec('ALTER TABLE questions ADD COLUMN outdated TEXT; ALTER TABLE question_index ADD COLUMN outdated INTEGER NOT NULL DEFAULT 0');
      ensureQuestionIndex(raw, dva, catalogue);
      raw.exec('ALTER TABLE questions DROP COLUMN outdated; ALTER TABLE question_index DROP COLUMN outdated');
    });
    const db = openDatabase(path);
    const index = db.prepare("SELECT stamp FROM derived WHERE key = 'question-index:DVA-C02'").pluck().get();
    expect(db.prepare('SELECT count(*) FROM index_domains').pluck().get()).toBe(0);
    for (const offset of [0, 330]) expectSame(fast(db, base, offset), reference(db, base, offset));
    expect(db.prepare("SELECT stamp FROM derived WHERE key = 'question-index:DVA-C02'").pluck().get()).toBe(index);
    db.close();
  });

  it('compute recall exactly as the FSRS library does', () => {
    const db = openDatabase(':memory:');
    const curve = computeDecayFactor(scheduler.engine.parameters.w);
    const recall = db.prepare(`SELECT ${RECALL_SQL} FROM (SELECT :lr AS last_review_ms, :s AS stability)`).pluck();
    const rnd = seededRandom(11);
    for (let i = 0; i < 5000; i++) {
      const stability = i % 50 === 0 ? 0 : i % 3 === 0 ? rnd() * 2 : Math.exp(rnd() * 9) / 10;
      // Reviews up to 3 years back, at any time of day, and a few clocked after now.
      const lastReview = new Date(base.getTime() - Math.floor((rnd() * 1100 - 2) * DAY));
      const card: CardState = { ...newCardState(lastReview), state: 2, stability, last_review: lastReview };
      const got = recall.get({ lr: BigInt(lastReview.getTime()), s: stability, now: BigInt(base.getTime()), ...curve });
      expect(got, `stability ${stability}, reviewed ${lastReview.toISOString()}`).toBe(retrievability(scheduler, card, base));
    }
    db.close();
  });

  it('read through their keys and indexes only', () => {
    const { db } = bank(5);
    statsSummary(db, dva, catalogue, { now: base, offsetMinutes: 0, scheduler });
    const plan = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan('SELECT day, answers FROM answer_days WHERE offset_minutes = ?', 0)).toMatch(/SEARCH answer_days USING PRIMARY KEY/);
    expect(plan('SELECT domain, count(*) FROM index_cards WHERE exam = ? GROUP BY domain', 'DVA-C02')).toBe('SEARCH index_cards USING PRIMARY KEY (exam=?)');
    expect(plan('SELECT domain, answers, correct, count(*) FROM index_topics WHERE exam = ? AND answers >= ? GROUP BY answers, correct, domain', 'DVA-C02', 3)).toMatch(
      /^SEARCH index_topics USING COVERING INDEX index_topics_rank/,
    );
    // What the triggers run on every answer and card: one lookup in each exam's index.
    const perExam = '(SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = ?';
    for (const sql of [
      `UPDATE index_topics SET answers = answers + 1 WHERE (exam, topic_id) IN (SELECT qi.exam, qi.topic_id FROM ${perExam})`,
      `UPDATE index_domains SET answers = answers + 1 WHERE (exam, domain) IN (SELECT qi.exam, coalesce(qi.domain, '') FROM ${perExam})`,
      `SELECT qi.exam, coalesce(qi.domain, '') FROM ${perExam}`,
    ]) {
      const p = plan(sql, 'q00001');
      expect(p).toContain('SEARCH qi USING COVERING INDEX question_index_question (exam=? AND question_id=?)');
      expect(p).not.toMatch(/SCAN (qi|question_index|index_topics|index_cards)\b/);
    }
    db.close();
  });
});
