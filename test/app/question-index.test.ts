import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/app/blueprints.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { defaultExamCode, ensureQuestionIndex, indexedQuestions, statsQuestions } from '../../src/app/question-index.js';
import { openDatabase } from '../../src/db/open.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { domainMapper } from '../../src/exam/domains.js';
import { newCardState } from '../../src/study/schedule.js';
import { review, writeBank } from '../helpers/bank.js';

const dva = loadBlueprint('DVA-C02')!;
const catalogue = loadCatalogue();

describe('the question index', () => {
  it('holds every active question with the domain domainMapper gives it, in notes order', () => {
    const db = openDatabase(':memory:');
    // Every third question has no front-matter domain, so the mapper falls back to services and keywords.
    writeBank(db, { questions: 30, topics: 4, typedEvery: 5, domainOf: (i) => (i % 3 === 0 ? null : 'security') });
    db.prepare("INSERT INTO question_services (question_id, service_id) VALUES ('q00003', 'codepipeline'), ('q00006', 'xray')").run();
    const whole = new QuizRepository(db).questions();
    const map = domainMapper(catalogue, dva);
    const indexed = indexedQuestions(db, dva, catalogue);
    expect(indexed.map((q) => [q.id, q.topic, q.domain, q.kind])).toEqual(whole.map((q) => [q.id, q.topic, map(q), q.kind]));
    expect(indexed.find((q) => q.id === 'q00005')!.use).toBe('typed');
    expect(indexed.find((q) => q.id === 'q00001')!.use).toBe('objective');
    // Front matter, services (CodePipeline → deployment, X-Ray → troubleshooting) and nothing at all (null) all occur.
    expect(new Set(indexed.map((q) => q.domain))).toEqual(new Set(['security', 'deployment', 'troubleshooting', null]));
    db.close();
  });

  it('is rebuilt after questions change and left alone while nothing does', () => {
    const db = openDatabase(':memory:');
    writeBank(db, { questions: 10, topics: 2 });
    ensureQuestionIndex(db, dva, catalogue);
    // A stray edit to the stored index survives an unchanged check: proof that nothing was rebuilt.
    db.prepare("UPDATE question_index SET domain = 'marker' WHERE question_id = 'q00004'").run();
    ensureQuestionIndex(db, dva, catalogue);
    expect(db.prepare("SELECT domain FROM question_index WHERE question_id = 'q00004'").pluck().get()).toBe('marker');

    new QuizRepository(db).flag('q00004', 'bad', new Date('2026-02-01T00:00:00Z'));
    const ids = indexedQuestions(db, dva, catalogue).map((q) => q.id);
    expect(ids).toHaveLength(9);
    expect(ids).not.toContain('q00004');
    db.close();
  });

  it('is rebuilt when the service catalogue or the blueprint it was mapped with changes', () => {
    const db = openDatabase(':memory:');
    writeBank(db, { questions: 4, topics: 1, domainOf: () => null });
    db.prepare("INSERT INTO question_services (question_id, service_id) VALUES ('q00001', 'sqs')").run();
    const sqsDomain = (c: typeof catalogue) => indexedQuestions(db, dva, c).find((q) => q.id === 'q00001')!.domain;
    expect(sqsDomain(catalogue)).toBe('development');
    const moved = { ...catalogue, services: catalogue.services.map((s) => (s.id === 'sqs' ? { ...s, domains: { ...s.domains, 'DVA-C02': ['troubleshooting'] } } : s)) };
    expect(sqsDomain(moved)).toBe('troubleshooting');
    db.close();
  });

  it('keeps one index per exam', () => {
    const db = openDatabase(':memory:');
    writeBank(db, { questions: 6, topics: 2 });
    const saa = loadBlueprint('SAA-C03')!;
    expect(indexedQuestions(db, dva, catalogue)).toHaveLength(6);
    expect(indexedQuestions(db, saa, catalogue)).toHaveLength(6);
    expect(db.prepare('SELECT exam, count(*) FROM question_index GROUP BY exam ORDER BY exam').raw().all()).toEqual([
      ['DVA-C02', 6],
      ['SAA-C03', 6],
    ]);
    db.close();
  });
});

describe('defaultExamCode', () => {
  it('names the exam most front matter names, and follows changes', () => {
    const db = openDatabase(':memory:');
    writeBank(db, { questions: 5, topics: 1 });
    expect(defaultExamCode(db)).toBe('DVA-C02');
    db.prepare("UPDATE questions SET exam = 'saa-c03' WHERE id IN ('q00000', 'q00001', 'q00002')").run();
    expect(defaultExamCode(db)).toBe('SAA-C03');
    db.close();
  });
});

describe('statsQuestions', () => {
  it('lists answered and reviewed questions one by one and counts the rest per topic and domain', () => {
    const db = openDatabase(':memory:');
    const ids = writeBank(db, { questions: 40, topics: 4, domainOf: (i) => (i % 5 === 0 ? null : i % 2 === 0 ? 'security' : 'development') });
    const at = new Date('2026-02-01T00:00:00Z');
    for (const id of ids.slice(0, 6)) review(db, id, { due: at, last_review: at }, true);
    // A card without an answer (an exam missed it) counts as touched too.
    new QuizRepository(db).applyReview(ids[30]!, null, { ...newCardState(at), state: 1, reps: 1, last_review: at }, {
      rating: 1, state: 0, due: at, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: at,
    });
    const rows = statsQuestions(db, dva, catalogue);
    expect(rows.filter((r) => r.id !== '').map((r) => r.id).sort()).toEqual([...ids.slice(0, 6), ids[30]!].sort());
    const tally = (list: Array<{ topic: string; domain: string | null; count?: number }>) => {
      const m = new Map<string, number>();
      for (const r of list) m.set(`${r.topic}|${r.domain}`, (m.get(`${r.topic}|${r.domain}`) ?? 0) + (r.count ?? 1));
      return m;
    };
    expect(tally(rows)).toEqual(tally(indexedQuestions(db, dva, catalogue)));
    expect(rows.length).toBeLessThan(40);
    db.close();
  });
});
