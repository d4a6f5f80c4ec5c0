import { describe, expect, it } from 'vitest';
import { wilsonLowerBound } from '../../src/study/wilson.js';
import { classesToRank, DEFAULT_MIN_ANSWERS, rankTopics, type TopicTally, weakTopics } from '../../src/stats/weak-topics.js';
import { seededRandom } from '../../src/study/random.js';
import { blueprint } from '../exam/helpers.js';
import { answers, input, q } from './fixture.js';

describe('weakTopics', () => {
  it('does not overrate a tiny sample: 1 right of 1 is marked weak, 19 of 20 is not', () => {
    const questions = [q('a', 'SQS › Basics', 'development'), q('b', 'SNS › Fan-out', 'development')];
    const history = [...answers('a', 1, 0), ...answers('b', 19, 1)];
    const ranked = weakTopics(input({ questions, answers: history }), { minAnswers: 1 });
    expect(ranked.map((t) => [t.topic, t.correct, t.answers, t.weak])).toEqual([
      ['SNS › Fan-out', 19, 20, false],
      ['SQS › Basics', 1, 1, true],
    ]);
    expect(ranked[1]!.lowerBound).toBeCloseTo(0.2699, 4);
    expect(ranked[0]!.lowerBound).toBeCloseTo(wilsonLowerBound(19, 20), 12);
    expect(ranked[0]!.lowerBound).toBeGreaterThan(0.75);
  });

  it('orders topics by the accuracy shown, more answers first when it is the same', () => {
    const questions = [q('a', 'A', 'development'), q('b', 'B', 'development'), q('c', 'C', 'development'), q('d', 'D', 'development')];
    // A: 1/3 (33%), B: 3/10 (30%), C: 2/5 (40%), D: 3/10 in another domain. By the Wilson bound A (3 answers) would come
    // before B although it shows a higher accuracy.
    const history = [...answers('a', 1, 2), ...answers('b', 3, 7), ...answers('c', 2, 3), ...answers('d', 3, 7)];
    const ranked = weakTopics(input({ questions: [...questions.slice(0, 3), q('d', 'D', 'troubleshooting')], answers: history }));
    expect(ranked.map((t) => [t.topic, Math.round(t.accuracy * 100)])).toEqual([
      ['B', 30],
      ['D', 30],
      ['A', 33],
      ['C', 40],
    ]);
    expect(wilsonLowerBound(1, 3)).toBeLessThan(wilsonLowerBound(3, 10));
  });

  it('leaves out topics with fewer than minAnswers answers (3 by default)', () => {
    expect(DEFAULT_MIN_ANSWERS).toBe(3);
    const questions = [q('a', 'A', 'security'), q('b', 'B', 'security'), q('c', 'C', 'security')];
    const history = [...answers('a', 0, 2), ...answers('b', 1, 2), ...answers('c', 4, 1)];
    expect(weakTopics(input({ questions, answers: history })).map((t) => t.topic)).toEqual(['B', 'C']);
    expect(weakTopics(input({ questions, answers: history }), { minAnswers: 6 })).toEqual([]);
  });

  it('breaks a tie of the same record by the domain: heavier first, unmapped counting as average', () => {
    const questions = [q('t', 'Trouble', 'troubleshooting'), q('d', 'Dev', 'development'), q('u', 'Loose', null)];
    const history = [...answers('t', 3, 3), ...answers('d', 3, 3), ...answers('u', 3, 3)];
    const ranked = weakTopics(input({ questions, answers: history }));
    expect(ranked.map((t) => [t.topic, t.domain])).toEqual([
      ['Dev', 'development'],
      ['Loose', null],
      ['Trouble', 'troubleshooting'],
    ]);
  });

  it('names the topic by its id in the drill command when it is known, so it selects exactly that topic', () => {
    const questions = [{ ...q('a', 'AWS IAM and AWS STS › Practice questions', 'security'), topicId: 42 }];
    const [t] = weakTopics(input({ questions, answers: answers('a', 0, 3) }));
    expect(t).toMatchObject({ topicId: 42, command: 'awsquiz study --topic-id 42' });
  });

  it('reports each topic with its domain, numbers and the command to drill it', () => {
    const questions = [q('a1', 'IAM › "Deny" wins', 'security'), q('a2', 'IAM › "Deny" wins', 'deployment'), q('a3', 'IAM › "Deny" wins', 'security')];
    const history = [...answers('a1', 2, 2), ...answers('a2', 0, 1)];
    expect(weakTopics(input({ questions, answers: history }))).toEqual([
      {
        topic: 'IAM › "Deny" wins',
        domain: 'security',
        answers: 5,
        correct: 2,
        accuracy: 0.4,
        lowerBound: wilsonLowerBound(2, 5),
        weak: true,
        command: 'awsquiz study --topic "\\"Deny\\" wins"',
      },
    ]);
  });

  it('breaks a domain tie by blueprint order and limits the list', () => {
    const questions = [q('x', 'Mixed', 'deployment'), q('y', 'Mixed', 'security'), ...['A', 'B', 'C'].map((t) => q(t, t, null))];
    const history = [...answers('x', 1, 2), ...answers('A', 0, 3), ...answers('B', 0, 4), ...answers('C', 0, 5)];
    expect(weakTopics(input({ questions, answers: history }), { limit: 10 }).find((t) => t.topic === 'Mixed')!.domain).toBe('security');
    expect(weakTopics(input({ questions, answers: history }), { limit: 2 }).map((t) => t.topic)).toEqual(['C', 'B']);
  });
});

describe('classesToRank', () => {
  // SOA-C02 weighs two pairs of domains alike (16 %, 18 %): topics of different domains can then rank level.
  const soa = blueprint('SOA-C02');
  const slugs = [...soa.domains.map((d) => d.slug), null];

  it('keeps every topic that can rank among the first `limit`, level ones across domains included', () => {
    const rnd = seededRandom(4);
    for (let round = 0; round < 30; round++) {
      const topics: TopicTally[] = Array.from({ length: 200 }, (_, i) => {
        const answers = Math.floor(rnd() * 6);
        return { topic: `T ${String(Math.floor(rnd() * 1000)).padStart(3, '0')} ${i}`, domain: slugs[Math.floor(rnd() * slugs.length)]!, answers, correct: Math.floor(rnd() * (answers + 1)) };
      });
      const classes = new Map<string, { domain: string | null; answers: number; correct: number; topics: number }>();
      for (const t of topics) {
        const key = `${t.domain}|${t.answers}|${t.correct}`;
        const c = classes.get(key) ?? { domain: t.domain, answers: t.answers, correct: t.correct, topics: 0 };
        c.topics++;
        classes.set(key, c);
      }
      for (const limit of [0, 1, 2, 5, 10, 40]) {
        for (const minAnswers of [1, 3]) {
          const options = { limit, minAnswers };
          const picked = classesToRank([...classes.values()], soa, options);
          const kept = topics.filter((t) => picked.some((c) => c.domain === t.domain && c.answers === t.answers && c.correct === t.correct));
          expect(rankTopics(kept, soa, options)).toEqual(rankTopics(topics, soa, options));
          // And it keeps few: at most the classes down to the limit and those level with the last.
          expect(kept.length).toBeLessThan(topics.length);
        }
      }
    }
  });
});
