import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/core/types.js';
import { buildQueue, SessionQueue, weakTopics, type QueueInput } from '../../src/study/queue.js';
import { seededRandom } from '../../src/study/random.js';
import { makeScheduler, newCardState, type CardState } from '../../src/study/schedule.js';

const now = new Date('2026-03-01T09:00:00Z');
const day = (d: number) => new Date(now.getTime() + d * 86_400_000);

function question(id: string, topic: string): QuizQuestion {
  return {
    id,
    kind: 'single',
    topic,
    prompt: `${topic} — question ${id}?`,
    answers: ['right'],
    distractors: ['wrong 1', 'wrong 2', 'wrong 3'],
    accepted: [],
    services: [],
    exam: null,
    domain: null,
    source: { path: 'notes/x.md', line: 1, text: '' },
  };
}

/** A card in review, last seen `daysAgo` days ago and due in `dueIn` days (negative: overdue). */
function reviewed(daysAgo: number, stability: number, dueIn: number): CardState {
  return {
    due: day(dueIn),
    stability,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: daysAgo + dueIn,
    learning_steps: 0,
    reps: 3,
    lapses: 0,
    state: 2,
    last_review: day(-daysAgo),
  };
}

// Three topics: SQS and SNS weak, Lambda strong. Recall at `now` is noted for each card.
const questions = [
  question('sqs-1', 'SQS'),
  question('sqs-2', 'SQS'),
  question('sqs-3', 'SQS'),
  question('sqs-4', 'SQS'),
  question('sqs-5', 'SQS'),
  question('sqs-6', 'SQS'),
  question('sns-1', 'SNS'),
  question('sns-2', 'SNS'),
  question('sns-3', 'SNS'),
  question('sns-4', 'SNS'),
  question('lambda-1', 'Lambda'),
  question('lambda-2', 'Lambda'),
  question('lambda-3', 'Lambda'),
  question('lambda-4', 'Lambda'),
  question('lambda-5', 'Lambda'),
];
const cards = new Map<string, CardState>([
  ['sqs-1', reviewed(20, 10, -10)], // overdue, recall 0.85
  ['sqs-2', reviewed(6, 5, -1)], // overdue, recall 0.89
  ['sqs-3', reviewed(8, 15, 7)], // due later, recall 0.94
  ['sqs-4', reviewed(4, 15, 11)], // due later, recall 0.96: too fresh to review early
  ['sns-1', reviewed(12, 4, -8)], // overdue, recall 0.81
  ['sns-2', reviewed(10, 12, 2)], // due later, recall 0.91
  ['lambda-1', reviewed(3, 3, 0)], // due exactly now, recall 0.90
  ['lambda-2', reviewed(8, 15, 7)], // due later, but Lambda is strong
  ['lambda-3', newCardState(now)], // stored but never reviewed: still new
]);
const topicAccuracy = new Map([
  ['SQS', { right: 3, total: 10 }],
  ['SNS', { right: 5, total: 8 }],
  ['Lambda', { right: 40, total: 40 }],
  ['Unasked', { right: 0, total: 0 }],
]);

function input(overrides: Partial<QueueInput> = {}): QueueInput {
  return { questions, cards, topicAccuracy, now, scheduler: makeScheduler(), limit: 100, rng: seededRandom(42), ...overrides };
}

const topicOf = (id: string) => questions.find((q) => q.id === id)!.topic;

describe('weakTopics', () => {
  it('ranks answered topics by the Wilson 90% lower bound, weakest first, leaving out strong ones', () => {
    expect(weakTopics(topicAccuracy)).toEqual(['SQS', 'SNS']);
    expect(weakTopics(new Map([['few', { right: 1, total: 1 }], ['many', { right: 45, total: 60 }]]))).toEqual(['few', 'many']);
  });
});

describe('buildQueue', () => {
  it('orders due reviews, then weak-topic reviews ahead of time, then new questions across topics', () => {
    expect(buildQueue(input())).toEqual([
      // due, lowest recall first, SQS split apart
      'sns-1',
      'sqs-1',
      'lambda-1',
      'sqs-2',
      // not yet due, weak topics only (SQS weakest), interleaved after the last SQS
      'sns-2',
      'sqs-3',
      // new, round-robin across topics in a seeded order, source order within a topic
      'lambda-3',
      'sqs-5',
      'sns-3',
      'lambda-4',
      'sqs-6',
      'sns-4',
      'lambda-5',
    ]);
  });

  it('respects the limit, keeping the most urgent', () => {
    expect(buildQueue(input({ limit: 3 }))).toEqual(['sqs-1', 'sns-1', 'sqs-2']);
    expect(buildQueue(input({ limit: 0 }))).toEqual([]);
    expect(buildQueue(input({ limit: 7 }))).toEqual(['sns-1', 'sqs-1', 'lambda-1', 'sqs-2', 'sns-2', 'sqs-3', 'lambda-3']);
  });

  it('keeps only due reviews with dueOnly, only new questions with newOnly', () => {
    expect(buildQueue(input({ dueOnly: true }))).toEqual(['sns-1', 'sqs-1', 'lambda-1', 'sqs-2']);
    expect(buildQueue(input({ newOnly: true }))).toEqual(['lambda-3', 'sqs-5', 'sns-3', 'lambda-4', 'sqs-6', 'sns-4', 'lambda-5']);
    expect(buildQueue(input({ newOnly: true, dueOnly: true }))).toEqual([]);
  });

  it('asks nothing ahead of time when no topic is weak', () => {
    const strong = new Map([['SQS', { right: 50, total: 50 }], ['SNS', { right: 50, total: 50 }]]);
    expect(buildQueue(input({ topicAccuracy: strong, limit: 6 }))).toEqual(['sns-1', 'sqs-1', 'lambda-1', 'sqs-2', 'lambda-3', 'sqs-5']);
  });

  it('takes new questions round-robin in source order within each topic, whatever the seed', () => {
    const orders = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const ids = buildQueue(input({ newOnly: true, rng: seededRandom(seed) }));
      expect([...ids].sort()).toEqual(['lambda-3', 'lambda-4', 'lambda-5', 'sns-3', 'sns-4', 'sqs-5', 'sqs-6']);
      expect(new Set(ids.slice(0, 3).map(topicOf)).size).toEqual(3);
      expect(new Set(ids.slice(3, 6).map(topicOf)).size).toEqual(3);
      expect(ids.filter((id) => topicOf(id) === 'Lambda')).toEqual(['lambda-3', 'lambda-4', 'lambda-5']);
      expect(ids.filter((id) => topicOf(id) === 'SQS')).toEqual(['sqs-5', 'sqs-6']);
      orders.add(ids.slice(0, 3).map(topicOf).join(' '));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('asks a topic\'s highest-scored new questions first, the rest after, in source order on ties', () => {
    const scored = questions.map((q) => ({ ...q, score: q.id === 'lambda-5' ? 0.9 : q.id === 'sqs-6' ? 0.8 : 0.5 }));
    for (let seed = 1; seed <= 10; seed++) {
      const ids = buildQueue(input({ questions: scored, newOnly: true, rng: seededRandom(seed) }));
      expect([...ids].sort()).toEqual(['lambda-3', 'lambda-4', 'lambda-5', 'sns-3', 'sns-4', 'sqs-5', 'sqs-6']);
      expect(ids.filter((id) => topicOf(id) === 'Lambda')).toEqual(['lambda-5', 'lambda-3', 'lambda-4']);
      expect(ids.filter((id) => topicOf(id) === 'SQS')).toEqual(['sqs-6', 'sqs-5']);
      expect(ids.filter((id) => topicOf(id) === 'SNS')).toEqual(['sns-3', 'sns-4']);
    }
  });

  it('is reproducible from the seed', () => {
    expect(buildQueue(input({ rng: seededRandom(7) }))).toEqual(buildQueue(input({ rng: seededRandom(7) })));
  });

  it('never puts two due questions of one topic side by side when it can be avoided', () => {
    const many: QuizQuestion[] = [];
    const due = new Map<string, CardState>();
    const sizes = { SQS: 10, SNS: 8, Lambda: 6 };
    for (const [topic, n] of Object.entries(sizes)) {
      for (let i = 0; i < n; i++) {
        const id = `${topic}-${i}`;
        many.push(question(id, topic));
        // SQS is the most overdue throughout, so a plain priority order would run SQS after SQS.
        due.set(id, reviewed(30 - (topic === 'SQS' ? 0 : 10) - i, 5, -1));
      }
    }
    const ids = buildQueue(input({ questions: many, cards: due }));
    const topics = ids.map((id) => id.split('-')[0]);
    expect(ids.length).toEqual(24);
    expect(ids[0]).toEqual('SQS-0');
    expect(topics.filter((t, i) => i > 0 && t === topics[i - 1])).toEqual([]);
  });

  it('keeps clumps to the unavoidable when one topic dominates', () => {
    const lopsided = ['a-1', 'a-2', 'b-1', 'a-3', 'a-4', 'a-5'].map((id) => question(id, id[0]!));
    const due = new Map(lopsided.map((q, i) => [q.id, reviewed(30 - i, 5, -1)] as const));
    expect(buildQueue(input({ questions: lopsided, cards: due }))).toEqual(['a-1', 'b-1', 'a-2', 'a-3', 'a-4', 'a-5']);
  });

  it('asks a question once even if it is listed twice', () => {
    expect(buildQueue(input({ questions: [question('x', 'T'), question('x', 'T')], cards: new Map() }))).toEqual(['x']);
  });
});

describe('SessionQueue', () => {
  /** Plays a session: answers each id right unless it is in `wrong` with misses left, returns the ids asked. */
  function play(ids: string[], misses: Record<string, number>): string[] {
    const left = { ...misses };
    const session = new SessionQueue(ids);
    const asked: string[] = [];
    for (let id = session.next(); id !== undefined; id = session.next()) {
      asked.push(id);
      const miss = (left[id] ?? 0) > 0;
      if (miss) left[id] = left[id]! - 1;
      session.record(id, !miss);
    }
    expect(session.done()).toEqual(true);
    return asked;
  }

  it('brings a missed question back after three others', () => {
    expect(play(['a', 'b', 'c', 'd', 'e', 'f'], { a: 1 })).toEqual(['a', 'b', 'c', 'd', 'a', 'e', 'f']);
  });

  it('brings it back at the end when fewer than three remain', () => {
    expect(play(['a', 'b', 'c'], { b: 1 })).toEqual(['a', 'b', 'c', 'b']);
    expect(play(['a'], { a: 2 })).toEqual(['a', 'a', 'a']);
  });

  it('keeps bringing it back until it is answered right once', () => {
    expect(play(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], { a: 2 })).toEqual(['a', 'b', 'c', 'd', 'a', 'e', 'f', 'g', 'a', 'h']);
  });

  it('counts what is left, misses included', () => {
    const session = new SessionQueue(['a', 'b', 'c', 'b']);
    expect([session.remaining(), session.done(), session.next()]).toEqual([3, false, 'a']);
    session.record('a', false);
    expect([session.remaining(), session.next()]).toEqual([3, 'b']);
    session.record('b', true);
    session.remove('c');
    expect([session.remaining(), session.next()]).toEqual([1, 'a']);
    session.record('a', true);
    expect([session.remaining(), session.done(), session.next()]).toEqual([0, true, undefined]);
  });

  it('refuses an answer to a question that is not waiting', () => {
    const session = new SessionQueue(['a']);
    session.record('a', true);
    expect(() => session.record('a', true)).toThrow(RangeError);
    expect(() => session.remove('zzz')).toThrow(RangeError);
  });
});

describe('SessionQueue: undo and flags', () => {
  it('goes back to a snapshot, so an undone miss is asked again at once and not also later', () => {
    const session = new SessionQueue(['a', 'b', 'c', 'd', 'e']);
    const before = session.snapshot();
    session.record('a', false);
    expect(session.snapshot()).toEqual(['b', 'c', 'd', 'a', 'e']);
    session.restore(before);
    expect(session.snapshot()).toEqual(['a', 'b', 'c', 'd', 'e']);
    session.record('a', true);
    expect(session.snapshot()).toEqual(['b', 'c', 'd', 'e']);
  });

  it('discards every waiting turn of a question, and nothing when it has none', () => {
    const session = new SessionQueue(['a', 'b', 'c']);
    session.record('a', false);
    session.discard('a');
    expect(session.snapshot()).toEqual(['b', 'c']);
    session.discard('a');
    expect(session.remaining()).toBe(2);
  });
});
