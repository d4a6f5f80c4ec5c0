/** The topics most worth drilling: unsure accuracy first, heavier exam domains first. */

import { WEAK_TOPIC_BELOW } from '../study/queue.js';
import { wilsonLowerBound } from '../study/wilson.js';
import { studyTopicCommand } from './command.js';
import { answersByQuestion } from './history.js';
import type { StatsInput } from './types.js';

/** Topics with fewer answers than this are not ranked: a couple of answers say little either way. */
export const DEFAULT_MIN_ANSWERS = 3;

/** How many topics `weakTopics` returns unless told. */
export const DEFAULT_TOPIC_LIMIT = 10;

/** One ranked topic. */
export interface WeakTopic {
  /** Heading path, as stored (the renderer strips control characters before printing). */
  topic: string;
  /** The domain most of the topic's questions map to (ties: blueprint order); null when none does. */
  domain: string | null;
  answers: number;
  correct: number;
  accuracy: number;
  /** Wilson 90% lower bound of the accuracy. */
  lowerBound: number;
  /** (1 − lowerBound) × domain weight ÷ mean domain weight; higher is weaker. See `weakTopics`. */
  score: number;
  /** lowerBound below WEAK_TOPIC_BELOW (the same line `study` uses to pull a topic forward). */
  weak: boolean;
  /** The command to drill it, quoted for a POSIX shell. */
  command: string;
}

/** Options for `weakTopics`. */
export interface WeakTopicOptions {
  minAnswers?: number;
  limit?: number;
}

/**
 * Ranks topics with at least `minAnswers` answers, weakest first, by
 *   score = (1 − wilsonLowerBound(correct, answers, z = 1.645)) × w / w̄
 * where w is the weight of the topic's domain and w̄ = 100 / number of domains (the mean weight), so a
 * topic in an average domain keeps its raw shortfall, one in a 32% domain of four counts 1.28×, one in an
 * 18% domain 0.72×; a topic with no domain counts 1× (the mapping may simply have missed it).
 * The lower bound is what keeps 1 right of 1 (≈ 0.27) below 18 of 20 (≈ 0.74). Ties: lower bound, then
 * more answers, then the topic's name.
 */
export function weakTopics(input: Pick<StatsInput, 'questions' | 'answers' | 'bp'>, options: WeakTopicOptions = {}): WeakTopic[] {
  const minAnswers = options.minAnswers ?? DEFAULT_MIN_ANSWERS;
  const { questions, answers, bp } = input;
  const weightOf = new Map(bp.domains.map((d) => [d.slug, d.weight]));

  type Acc = { answers: number; correct: number; votes: Map<string, number> };
  const topics = new Map<string, Acc>();
  const tallies = answersByQuestion(answers);
  const counted = new Set<string>();
  for (const q of questions) {
    let t = topics.get(q.topic);
    if (!t) topics.set(q.topic, (t = { answers: 0, correct: 0, votes: new Map() }));
    if (q.domain !== null && weightOf.has(q.domain)) t.votes.set(q.domain, (t.votes.get(q.domain) ?? 0) + (q.count ?? 1));
    const tally = tallies.get(q.id);
    // A question listed twice still has its answers counted once.
    if (tally === undefined || counted.has(q.id)) continue;
    counted.add(q.id);
    t.answers += tally.answers;
    t.correct += tally.correct;
  }

  const domainOf = topicDomain(bp);
  const ranked: TopicTally[] = [];
  for (const [topic, t] of topics) {
    if (t.answers === 0 || t.answers < minAnswers) continue;
    ranked.push({ topic, domain: domainOf(t.votes), answers: t.answers, correct: t.correct });
  }
  return rankTopics(ranked, bp, options);
}

/** One topic's answers over its active questions, and the domain most of its questions map to (see topicDomain). */
export interface TopicTally {
  topic: string;
  domain: string | null;
  answers: number;
  correct: number;
}

/**
 * Ranks topic tallies as `weakTopics` does (see there), leaving out those with fewer than `minAnswers`
 * answers (or none), and returns the first `limit`.
 */
export function rankTopics(topics: Iterable<TopicTally>, bp: StatsInput['bp'], options: WeakTopicOptions = {}): WeakTopic[] {
  const minAnswers = options.minAnswers ?? DEFAULT_MIN_ANSWERS;
  const limit = options.limit ?? DEFAULT_TOPIC_LIMIT;
  const key = rankKey(bp);
  const ranked: WeakTopic[] = [];
  for (const t of topics) {
    if (t.answers === 0 || t.answers < minAnswers) continue;
    const { lowerBound, score } = key(t);
    ranked.push({
      topic: t.topic,
      domain: t.domain,
      answers: t.answers,
      correct: t.correct,
      accuracy: t.correct / t.answers,
      lowerBound,
      score,
      weak: lowerBound < WEAK_TOPIC_BELOW,
      command: '',
    });
  }
  ranked.sort((a, b) => compareKeys(a, b) || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  // Quoting for the shell is the costly part, and only the topics shown need it.
  return ranked.slice(0, Math.max(0, limit)).map((t) => ({ ...t, command: studyTopicCommand(t.topic) }));
}

/** Topics that rank alike but for their names: same domain, answers and right answers; `topics` of them. */
export interface TopicClass {
  domain: string | null;
  answers: number;
  correct: number;
  topics: number;
}

/**
 * The classes whose topics can be among the first `limit` that rankTopics returns: the best-ranked classes
 * until they hold `limit` topics, and every class ranking level with the last of them (their topics are
 * then ordered by name). Ranking the topics of these classes alone gives what ranking every topic gives,
 * so a database can send the few topics they hold instead of all.
 */
export function classesToRank<C extends TopicClass>(classes: readonly C[], bp: StatsInput['bp'], options: WeakTopicOptions = {}): C[] {
  const minAnswers = options.minAnswers ?? DEFAULT_MIN_ANSWERS;
  const limit = Math.max(0, options.limit ?? DEFAULT_TOPIC_LIMIT);
  const key = rankKey(bp);
  const keyed = classes
    .filter((c) => c.topics > 0 && c.answers > 0 && c.answers >= minAnswers)
    .map((c) => ({ c, k: { ...key(c), answers: c.answers } }))
    .sort((a, b) => compareKeys(a.k, b.k));
  const out: C[] = [];
  let held = 0;
  for (const [i, { c, k }] of keyed.entries()) {
    if (held >= limit && (i === 0 || compareKeys(keyed[i - 1]!.k, k) !== 0)) break;
    out.push(c);
    held += c.topics;
  }
  return out;
}

type RankKey = { score: number; lowerBound: number; answers: number };

/** Weakest first: score, then lower bound, then more answers (names break what is left). */
function compareKeys(a: RankKey, b: RankKey): number {
  return b.score - a.score || a.lowerBound - b.lowerBound || b.answers - a.answers;
}

/** A topic's lower bound and score (see weakTopics) for `bp`'s weights. */
function rankKey(bp: StatsInput['bp']): (t: Pick<TopicTally, 'domain' | 'answers' | 'correct'>) => { lowerBound: number; score: number } {
  const meanWeight = 100 / bp.domains.length;
  const weightOf = new Map(bp.domains.map((d) => [d.slug, d.weight]));
  return (t) => {
    const lowerBound = wilsonLowerBound(t.correct, t.answers);
    const weight = t.domain === null ? undefined : weightOf.get(t.domain);
    const factor = weight === undefined ? 1 : weight / meanWeight;
    return { lowerBound, score: (1 - lowerBound) * factor };
  };
}

/**
 * A topic's domain from its questions' votes (questions per blueprint slug): the slug with the most; a tie
 * goes to the domain listed first in the blueprint; null without votes.
 */
export function topicDomain(bp: StatsInput['bp']): (votes: ReadonlyMap<string, number>) => string | null {
  const order = new Map(bp.domains.map((d, i) => [d.slug, i]));
  return (votes) => majority(votes, order);
}

/** The slug with the most votes; a tie goes to the domain listed first in the blueprint. */
function majority(votes: ReadonlyMap<string, number>, order: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [slug, n] of votes) {
    if (n > most || (n === most && best !== null && order.get(slug)! < order.get(best)!)) [best, most] = [slug, n];
  }
  return best;
}
