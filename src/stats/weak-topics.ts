/** The topics most worth drilling: lowest accuracy first, in the order the report shows them. */

import { WEAK_TOPIC_BELOW } from '../study/queue.js';
import { wilsonLowerBound } from '../study/wilson.js';
import { studyTopicCommand, studyTopicIdCommand } from './command.js';
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
  /** The topic's database id, when known (the command then names it). */
  topicId?: number;
  /** The domain most of the topic's questions map to (ties: blueprint order); null when none does. */
  domain: string | null;
  answers: number;
  correct: number;
  accuracy: number;
  /** Wilson 90% lower bound of the accuracy. */
  lowerBound: number;
  /** lowerBound below WEAK_TOPIC_BELOW (the same line `study` uses to pull a topic forward). */
  weak: boolean;
  /**
   * The command to drill exactly this topic: `awsquiz study --topic-id N` when its id is known (short enough
   * for 80 columns whatever the heading path), else `--topic` with its last heading, quoted for a POSIX shell.
   */
  command: string;
}

/** Options for `weakTopics`. */
export interface WeakTopicOptions {
  minAnswers?: number;
  limit?: number;
}

/**
 * Ranks topics with at least `minAnswers` answers, weakest first, in the order the report shows them: by
 * accuracy (lowest first), then more answers first (more evidence of the same shortfall), then the heavier
 * domain of the exam (a topic with no domain counts as the mean weight), then the topic's name. `weak` marks
 * the topics whose Wilson 90% lower bound is below WEAK_TOPIC_BELOW, the line study uses to pull a topic forward.
 */
export function weakTopics(input: Pick<StatsInput, 'questions' | 'answers' | 'bp'>, options: WeakTopicOptions = {}): WeakTopic[] {
  const minAnswers = options.minAnswers ?? DEFAULT_MIN_ANSWERS;
  const { questions, answers, bp } = input;
  const weightOf = new Map(bp.domains.map((d) => [d.slug, d.weight]));

  type Acc = { answers: number; correct: number; votes: Map<string, number>; topicId?: number };
  const topics = new Map<string, Acc>();
  const tallies = answersByQuestion(answers);
  const counted = new Set<string>();
  for (const q of questions) {
    let t = topics.get(q.topic);
    if (!t) topics.set(q.topic, (t = { answers: 0, correct: 0, votes: new Map() }));
    if (q.topicId !== undefined) t.topicId = q.topicId;
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
    ranked.push({ topic, ...(t.topicId === undefined ? {} : { topicId: t.topicId }), domain: domainOf(t.votes), answers: t.answers, correct: t.correct });
  }
  return rankTopics(ranked, bp, options);
}

/** One topic's answers over its active questions, and the domain most of its questions map to (see topicDomain). */
export interface TopicTally {
  topic: string;
  topicId?: number;
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
  const ranked: Array<{ k: RankKey; topic: WeakTopic }> = [];
  for (const t of topics) {
    if (t.answers === 0 || t.answers < minAnswers) continue;
    const k = key(t);
    ranked.push({
      k,
      topic: {
        topic: t.topic,
        ...(t.topicId === undefined ? {} : { topicId: t.topicId }),
        domain: t.domain,
        answers: t.answers,
        correct: t.correct,
        accuracy: k.accuracy,
        lowerBound: wilsonLowerBound(t.correct, t.answers),
        weak: wilsonLowerBound(t.correct, t.answers) < WEAK_TOPIC_BELOW,
        command: '',
      },
    });
  }
  ranked.sort((a, b) => compareKeys(a.k, b.k) || (a.topic.topic < b.topic.topic ? -1 : a.topic.topic > b.topic.topic ? 1 : 0));
  // Quoting for the shell is the costly part, and only the topics shown need it.
  return ranked.slice(0, Math.max(0, limit)).map(({ topic: t }) => ({ ...t, command: t.topicId === undefined ? studyTopicCommand(t.topic) : studyTopicIdCommand(t.topicId) }));
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
    .map((c) => ({ c, k: key(c) }))
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

type RankKey = { accuracy: number; answers: number; weight: number };

/** Weakest first: lower accuracy, then more answers, then the heavier domain (names break what is left). */
function compareKeys(a: RankKey, b: RankKey): number {
  return a.accuracy - b.accuracy || b.answers - a.answers || b.weight - a.weight;
}

/** A topic's ranking key (see rankTopics) for `bp`'s weights. */
function rankKey(bp: StatsInput['bp']): (t: Pick<TopicTally, 'domain' | 'answers' | 'correct'>) => RankKey {
  const meanWeight = 100 / bp.domains.length;
  const weightOf = new Map(bp.domains.map((d) => [d.slug, d.weight]));
  return (t) => ({ accuracy: t.correct / t.answers, answers: t.answers, weight: (t.domain === null ? undefined : weightOf.get(t.domain)) ?? meanWeight });
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
