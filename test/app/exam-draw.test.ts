import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/app/blueprints.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { drawExamCandidates } from '../../src/app/exam-draw.js';
import { ensureQuestionIndex } from '../../src/app/question-index.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { assembleExam, examItems, planExam } from '../../src/exam/assemble.js';
import { domainMapper } from '../../src/exam/domains.js';
import { seededRandom } from '../../src/exam/random.js';
import { DVA_DOMAINS, writeBank } from '../helpers/bank.js';

const dva = loadBlueprint('DVA-C02')!;
const catalogue = loadCatalogue();

function bank(questions: number, options: Parameters<typeof writeBank>[1] extends infer O ? Partial<O> : never = {}): Db {
  const db = openDatabase(':memory:');
  // Every fifth question is typed: 5 and the 4 domains share no factor, so every domain gets some of each.
  writeBank(db, { questions, topics: 40, typedEvery: 5, ...options });
  ensureQuestionIndex(db, dva, catalogue);
  return db;
}

/** Draw + plan + items, as `awsquiz exam` does it. */
function drawn(db: Db, seed: string, opts: { domain?: string; count?: number } = {}) {
  const rng = seededRandom(seed);
  const draft = planExam({ candidates: drawExamCandidates(db, dva, { ...opts, rng }), bp: dva, ...opts, rng });
  const items = examItems(draft, new QuizRepository(db).questionsById(draft.chosen.map((c) => c.questionId)), rng);
  return { ...draft, items };
}

/** assembleExam over every question: the reference the draw must match in shape. */
function whole(db: Db, seed: string, opts: { domain?: string; count?: number } = {}) {
  const map = domainMapper(catalogue, dva);
  const questions = new QuizRepository(db).questions().map((q) => ({ ...q, domain: map(q) }));
  return assembleExam({ questions, bp: dva, ...opts, rng: seededRandom(seed) });
}

describe('drawExamCandidates', () => {
  it('draws a full exam with the domain counts, time and shortage assembleExam gives from the whole bank', () => {
    const db = bank(2000);
    for (const seed of ['a', 'b', 'c']) {
      const exam = drawn(db, seed);
      const reference = whole(db, seed);
      expect(exam.items).toHaveLength(65);
      expect(new Set(exam.items.map((i) => i.questionId)).size).toBe(65);
      expect(exam.perDomain).toEqual(reference.perDomain);
      expect([exam.minutes, exam.shortBy]).toEqual([reference.minutes, reference.shortBy]);
      // Typed questions only fill a gap, and there is none here.
      expect(exam.items.every((i) => i.kind === 'single')).toBe(true);
      const domainOf = new Map(exam.items.map((i) => [i.questionId, i.domain]));
      for (const d of DVA_DOMAINS) expect([...domainOf.values()].filter((x) => x === d)).toHaveLength(exam.perDomain[d]!.got);
    }
  });

  it('is repeatable for a seed and varies between seeds', () => {
    const db = bank(2000);
    expect(drawn(db, 'same')).toEqual(drawn(db, 'same'));
    expect(drawn(db, 'same').items.map((i) => i.questionId)).not.toEqual(drawn(db, 'other').items.map((i) => i.questionId));
  });

  it('fills a short domain with typed questions, then moves the rest of its share to other domains', () => {
    // Troubleshooting has 8 questions (i = 0, 1, 100, 101, …), the four multiples of 100 typed; the other
    // domains make up the rest of its share of 12.
    const db = bank(400, { domainOf: (i) => (i % 100 === 0 || i % 100 === 1 ? 'troubleshooting' : DVA_DOMAINS[i % 3]!) });
    const exam = drawn(db, 'short');
    const reference = whole(db, 'short');
    expect(exam.perDomain).toEqual(reference.perDomain);
    expect(exam.perDomain.troubleshooting).toEqual({ wanted: 12, got: 8 });
    const trouble = exam.items.filter((i) => i.domain === 'troubleshooting');
    expect(trouble.filter((i) => i.kind === 'typed')).toHaveLength(4);
    expect(exam.items).toHaveLength(65);
  });

  it('draws a domain exam from that domain only, and nothing for a count planExam will reject', () => {
    const db = bank(500);
    const exam = drawn(db, 'd', { domain: 'security', count: 15 });
    expect(exam.items).toHaveLength(15);
    expect(exam.items.every((i) => i.domain === 'security')).toBe(true);
    expect(drawExamCandidates(db, dva, { count: 0, rng: seededRandom(1) })).toEqual([]);
    expect(drawExamCandidates(db, dva, { domain: 'nope', rng: seededRandom(1) })).toEqual([]);
  });
});
