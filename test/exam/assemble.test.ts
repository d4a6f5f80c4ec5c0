import { describe, expect, it } from 'vitest';
import type { QuestionKind, QuizQuestion } from '../../src/core/types.js';
import { assembleExam } from '../../src/exam/assemble.js';
import { seededRandom } from '../../src/exam/random.js';
import { blueprint, question } from './helpers.js';

type Mapped = QuizQuestion & { domain: string | null };
const dva = blueprint('DVA-C02');

/** `n` questions of `kind` in `domain`, spread over `topics` topics. */
function bank(domain: string, n: number, kind: QuestionKind = 'single', topics = 5): Mapped[] {
  return Array.from({ length: n }, (_, i) => ({
    ...question(`${domain}-${kind}-${String(i).padStart(3, '0')}`, { kind, topic: `${domain} topic ${i % topics}` }),
    ...(kind === 'multi' ? { answers: [`${domain} ${i} A`, `${domain} ${i} B`] } : {}),
    domain,
  }));
}

const full = () => [...bank('development', 40), ...bank('security', 40), ...bank('deployment', 40), ...bank('troubleshooting', 40)];

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

const topicOf = (qs: Mapped[]) => new Map(qs.map((q) => [q.id, q.topic]));

describe('assembleExam: a full mock exam', () => {
  const questions = full();
  const exam = assembleExam({ questions, bp: dva, rng: seededRandom('exam-1') });

  it('asks the real count and minutes, split by weight with the largest remainder (21/17/15/12)', () => {
    expect({ count: exam.items.length, minutes: exam.minutes, shortBy: exam.shortBy, perDomain: exam.perDomain }).toEqual({
      count: 65,
      minutes: 130,
      shortBy: 0,
      perDomain: {
        development: { wanted: 21, got: 21 },
        security: { wanted: 17, got: 17 },
        deployment: { wanted: 15, got: 15 },
        troubleshooting: { wanted: 12, got: 12 },
      },
    });
    expect(countBy(exam.items, (i) => i.domain)).toEqual({ development: 21, security: 17, deployment: 15, troubleshooting: 12 });
  });

  it('asks each question once, each from its own domain', () => {
    const ids = exam.items.map((i) => i.questionId);
    expect(new Set(ids).size).toEqual(65);
    expect(exam.items.every((i) => i.questionId.startsWith(i.domain))).toEqual(true);
  });

  it('never puts two questions of the same topic next to each other', () => {
    const topics = topicOf(questions);
    const seq = exam.items.map((i) => topics.get(i.questionId));
    expect(seq.filter((t, i) => i > 0 && t === seq[i - 1])).toEqual([]);
  });

  it('gives the same exam for the same seed, whatever order the questions come in', () => {
    const again = assembleExam({ questions: [...questions].reverse(), bp: dva, rng: seededRandom('exam-1') });
    expect(again).toEqual(exam);
    const other = assembleExam({ questions, bp: dva, rng: seededRandom('exam-2') });
    expect(other.items.map((i) => i.questionId)).not.toEqual(exam.items.map((i) => i.questionId));
  });

  it('scales the minutes with --count and honours --minutes', () => {
    const short = assembleExam({ questions, bp: dva, count: 10, rng: seededRandom(1) });
    expect([short.items.length, short.minutes, short.perDomain]).toEqual([
      10,
      20,
      {
        development: { wanted: 3, got: 3 },
        security: { wanted: 3, got: 3 },
        deployment: { wanted: 2, got: 2 },
        troubleshooting: { wanted: 2, got: 2 },
      },
    ]);
    expect(assembleExam({ questions, bp: dva, count: 7, minutes: 5, rng: seededRandom(1) }).minutes).toEqual(5);
    // 7 × 130 / 65 = 14.
    expect(assembleExam({ questions, bp: dva, count: 7, rng: seededRandom(1) }).minutes).toEqual(14);
  });
});

describe('assembleExam: shortages', () => {
  it("moves a short domain's share to the others by weight, so the exam is still full", () => {
    const questions = [...bank('development', 40), ...bank('security', 5), ...bank('deployment', 40), ...bank('troubleshooting', 40)];
    const exam = assembleExam({ questions, bp: dva, rng: seededRandom('short') });
    expect({ shortBy: exam.shortBy, perDomain: exam.perDomain, n: exam.items.length }).toEqual({
      shortBy: 0,
      n: 65,
      perDomain: {
        development: { wanted: 21, got: 26 },
        security: { wanted: 17, got: 5 },
        deployment: { wanted: 15, got: 19 },
        troubleshooting: { wanted: 12, got: 15 },
      },
    });
  });

  it('reports how many are missing when the notes cannot fill the exam, and scales the minutes to what is asked', () => {
    const questions = [...bank('development', 6), ...bank('security', 3), ...bank('deployment', 1)];
    const exam = assembleExam({ questions, bp: dva, rng: seededRandom('tiny') });
    expect({ shortBy: exam.shortBy, minutes: exam.minutes, n: exam.items.length, perDomain: exam.perDomain }).toEqual({
      shortBy: 55,
      minutes: 20,
      n: 10,
      perDomain: {
        development: { wanted: 21, got: 6 },
        security: { wanted: 17, got: 3 },
        deployment: { wanted: 15, got: 1 },
        troubleshooting: { wanted: 12, got: 0 },
      },
    });
  });

  it('leaves out questions without a domain, flip cards, and choice questions with nothing wrong to choose', () => {
    const questions: Mapped[] = [
      ...bank('security', 2),
      { ...question('unmapped'), domain: null },
      { ...question('elsewhere'), domain: 'networking' },
      { ...question('flip', { kind: 'flip' }), domain: 'security' },
      { ...question('no-wrong', { distractors: ['RIGHT no-wrong'] }), domain: 'security' },
    ];
    const exam = assembleExam({ questions, bp: dva, domain: 'security', count: 5, rng: seededRandom(3) });
    expect([exam.items.map((i) => i.questionId).sort(), exam.shortBy]).toEqual([['security-single-000', 'security-single-001'], 3]);
  });
});

describe('assembleExam: a domain exam', () => {
  it('asks 20 questions of that domain only, in 40 minutes (130 / 65 per question)', () => {
    const exam = assembleExam({ questions: full(), bp: dva, domain: 'security', rng: seededRandom('d') });
    expect([exam.items.length, exam.minutes, exam.shortBy, exam.perDomain, new Set(exam.items.map((i) => i.domain))]).toEqual([
      20,
      40,
      0,
      { security: { wanted: 20, got: 20 } },
      new Set(['security']),
    ]);
  });

  it('uses what exists when the domain is short, with the time for what is asked', () => {
    const exam = assembleExam({ questions: full().filter((q) => q.domain !== 'troubleshooting' || q.id < 'troubleshooting-single-012'), bp: dva, domain: 'troubleshooting', rng: seededRandom('d') });
    expect([exam.items.length, exam.minutes, exam.shortBy, exam.perDomain]).toEqual([12, 24, 8, { troubleshooting: { wanted: 20, got: 12 } }]);
  });

  it('scales minutes by the exam: SAP-C02 gives 48 minutes for 20 questions', () => {
    const sap = blueprint('SAP-C02');
    const exam = assembleExam({ questions: bank('migration', 30), bp: sap, domain: 'migration', rng: seededRandom('sap') });
    expect([exam.items.length, exam.minutes]).toEqual([20, 48]);
  });

  it('prefers single and multi, fills with typed, never uses flip', () => {
    const questions = [...bank('security', 3, 'single'), ...bank('security', 2, 'multi'), ...bank('security', 6, 'typed'), ...bank('security', 4, 'flip')];
    const five = assembleExam({ questions, bp: dva, domain: 'security', count: 5, rng: seededRandom('k') });
    expect(countBy(five.items, (i) => i.kind)).toEqual({ single: 3, multi: 2 });
    const eight = assembleExam({ questions, bp: dva, domain: 'security', count: 8, rng: seededRandom('k') });
    expect(countBy(eight.items, (i) => i.kind)).toEqual({ single: 3, multi: 2, typed: 3 });
    const all = assembleExam({ questions, bp: dva, domain: 'security', rng: seededRandom('k') });
    expect([countBy(all.items, (i) => i.kind), all.shortBy]).toEqual([{ single: 3, multi: 2, typed: 6 }, 9]);
  });

  it('rejects an unknown domain and a count that is not a positive whole number', () => {
    const run = (over: object) => () => assembleExam({ questions: [], bp: dva, rng: seededRandom(0), ...over });
    expect(run({ domain: 'networking' })).toThrow(new RangeError('unknown DVA-C02 domain "networking"'));
    expect(run({ count: 0 })).toThrow(new RangeError('question count must be a positive whole number, not 0'));
    expect(run({ count: 2.5 })).toThrow(RangeError);
    expect(run({ minutes: -1 })).toThrow(new RangeError('minutes must be a positive number, not -1'));
  });
});

describe('assembleExam: options', () => {
  const sqs: Mapped[] = [
    { ...question('q1', { topic: 'SQS', answers: ['30 seconds'], distractors: ['20 seconds', '12 hours', '14 days', '4 days'] }), domain: 'development' },
    { ...question('q2', { kind: 'multi', topic: 'SQS', answers: ['Standard', 'FIFO'], distractors: ['Priority', 'LIFO', 'fifo'] }), domain: 'development' },
    { ...question('q3', { kind: 'typed', topic: 'Lambda', answers: ['15 minutes'], distractors: [] }), domain: 'development' },
    { ...question('q4', { kind: 'flip', topic: 'Lambda' }), domain: 'development' },
    { ...question('q5', { topic: 'Lambda', answers: ['Provisioned concurrency'], distractors: ['Reserved concurrency', 'SnapStart'] }), domain: 'development' },
  ];

  it('shuffles choices, keeps 1 right + at most 3 wrong, drops a distractor that repeats an answer, alternates topics', () => {
    expect(assembleExam({ questions: sqs, bp: dva, domain: 'development', count: 4, rng: seededRandom('small') })).toEqual({
      items: [
        { questionId: 'q1', domain: 'development', kind: 'single', options: ['4 days', '14 days', '20 seconds', '30 seconds'], correct: [3] },
        { questionId: 'q3', domain: 'development', kind: 'typed', options: [], correct: [] },
        { questionId: 'q2', domain: 'development', kind: 'multi', options: ['FIFO', 'Standard', 'Priority', 'LIFO'], correct: [0, 1] },
        { questionId: 'q5', domain: 'development', kind: 'single', options: ['SnapStart', 'Reserved concurrency', 'Provisioned concurrency'], correct: [2] },
      ],
      minutes: 8,
      shortBy: 0,
      perDomain: { development: { wanted: 4, got: 4 } },
    });
  });

  it('points the correct indices at the answers on every attempt, and moves them between attempts', () => {
    const positions = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const exam = assembleExam({ questions: sqs, bp: dva, domain: 'development', count: 4, rng: seededRandom(seed) });
      for (const item of exam.items) {
        const q = sqs.find((x) => x.id === item.questionId)!;
        const right = item.correct.map((i) => item.options[i]);
        if (item.kind === 'single') expect([right, item.options.length]).toEqual([[q.answers[0]], Math.min(4, 1 + q.distractors.length)]);
        if (item.kind === 'multi') expect([right.sort(), item.options.length]).toEqual([[...q.answers].sort(), 4]);
        positions.add(`${item.questionId}:${item.correct.join(',')}`);
      }
    }
    expect([...positions].filter((p) => p.startsWith('q1:')).sort()).toEqual(['q1:0', 'q1:1', 'q1:2', 'q1:3']);
  });
});
