import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/app/blueprints.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { defaultExamCode, ensureQuestionIndex, indexedQuestions } from '../../src/app/question-index.js';
import { openDatabase } from '../../src/db/open.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { domainMapper } from '../../src/exam/domains.js';
import { writeBank } from '../helpers/bank.js';

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
