/**
 * What to ask, in which order: the plan for a session (due reviews, then weak topics, then new questions)
 * and the flow within it (a missed question comes back until it is answered right).
 */

import { interleaveTopics } from './interleave.js';
import { shuffled } from './random.js';
import { retrievability, type CardState, type Scheduler } from './schedule.js';
import { wilsonLowerBound } from './wilson.js';

/** A topic is weak while we cannot be 90% sure its accuracy is at least this. */
export const WEAK_TOPIC_BELOW = 0.75;

/**
 * A not-yet-due card from a weak topic is asked early only once its recall probability has fallen below
 * this; a card reviewed minutes ago would teach nothing.
 */
export const REVIEW_AHEAD_BELOW = 0.95;

/** A missed question comes back after this many other questions (or last, when fewer remain). */
export const REASK_AFTER = 3;

/** What the plan needs of a question: a whole QuizQuestion will do, and so will a slim index row. */
export interface Queueable {
  id: string;
  topic: string;
  /** The question's quality score (src/notes/score.ts): within a topic, new questions are asked highest first. */
  score?: number;
}

/** Everything the session plan depends on. */
export interface QueueInput {
  questions: readonly Queueable[];
  cards: ReadonlyMap<string, CardState>;
  /** Answers so far per topic (same strings as `Queueable.topic`). */
  topicAccuracy: ReadonlyMap<string, { right: number; total: number }>;
  now: Date;
  scheduler: Scheduler;
  limit: number;
  newOnly?: boolean;
  dueOnly?: boolean;
  rng: () => number;
}

interface Scored {
  question: Queueable;
  card: CardState;
  recall: number;
}

/**
 * Plans a session as question ids: due reviews (lowest recall first, then most overdue), then not-yet-due
 * cards of weak topics (weakest first, by the Wilson 90% lower bound), then new questions taken round-robin
 * across topics in an rng-shuffled topic order, each topic's highest-scored first (ties: in the given
 * order); topics interleaved throughout. `newOnly` and `dueOnly` keep
 * one block (both: nothing); at most `limit` ids.
 */
export function buildQueue(input: QueueInput): string[] {
  const limit = Number.isNaN(input.limit) ? 0 : Math.max(0, Math.floor(input.limit));
  const { due, later, fresh } = partition(input);
  const out: Queueable[] = [];
  const room = () => limit - out.length;
  const lastTopic = () => out.at(-1)?.topic;
  if (!input.newOnly) out.push(...dueBlock(due, room(), lastTopic()));
  if (!input.newOnly && !input.dueOnly) out.push(...weakBlock(later, input.topicAccuracy, room(), lastTopic()));
  if (!input.dueOnly) out.push(...newBlock(fresh, input.rng, room(), lastTopic()));
  return out.map((q) => q.id);
}

function partition(input: QueueInput): { due: Scored[]; later: Scored[]; fresh: Queueable[] } {
  const due: Scored[] = [];
  const later: Scored[] = [];
  const fresh: Queueable[] = [];
  const seen = new Set<string>();
  for (const question of input.questions) {
    if (seen.has(question.id)) continue;
    seen.add(question.id);
    const card = input.cards.get(question.id);
    // A stored card that was never reviewed is still a new question.
    if (card === undefined || (card.state === 0 && card.reps === 0)) {
      fresh.push(question);
      continue;
    }
    const scored = { question, card, recall: retrievability(input.scheduler, card, input.now) };
    (card.due.getTime() <= input.now.getTime() ? due : later).push(scored);
  }
  return { due, later, fresh };
}

function dueBlock(due: Scored[], room: number, lastTopic: string | undefined): Queueable[] {
  const ranked = [...due].sort((a, b) => a.recall - b.recall || a.card.due.getTime() - b.card.due.getTime());
  return interleaveTopics(ranked.slice(0, room).map((s) => s.question), (q) => q.topic, lastTopic);
}

function weakBlock(
  later: Scored[],
  accuracy: QueueInput['topicAccuracy'],
  room: number,
  lastTopic: string | undefined,
): Queueable[] {
  const rank = new Map(weakTopics(accuracy).map((topic, i) => [topic, i]));
  const picked = later
    .filter((s) => rank.has(s.question.topic) && s.recall < REVIEW_AHEAD_BELOW)
    .sort((a, b) => rank.get(a.question.topic)! - rank.get(b.question.topic)! || a.recall - b.recall);
  return interleaveTopics(picked.slice(0, room).map((s) => s.question), (q) => q.topic, lastTopic);
}

/** Topics with answers whose accuracy is weak (below {@link WEAK_TOPIC_BELOW} at 90% confidence), weakest first. */
export function weakTopics(accuracy: QueueInput['topicAccuracy']): string[] {
  return [...accuracy]
    .filter(([, a]) => a.total > 0)
    .map(([topic, a]) => ({ topic, bound: wilsonLowerBound(a.right, a.total), total: a.total }))
    .filter((t) => t.bound < WEAK_TOPIC_BELOW)
    .sort((a, b) => a.bound - b.bound || b.total - a.total || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0))
    .map((t) => t.topic);
}

function newBlock(fresh: Queueable[], rng: () => number, room: number, lastTopic: string | undefined): Queueable[] {
  const byTopic = new Map<string, Queueable[]>();
  for (const q of fresh) {
    const list = byTopic.get(q.topic);
    if (list) list.push(q);
    else byTopic.set(q.topic, [q]);
  }
  // The score ranks good above bad only a little better than chance (README), so it orders, never excludes:
  // a topic's surest question comes first, and every question still comes. The sort is stable.
  for (const list of byTopic.values()) list.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const topics = shuffled([...byTopic.keys()], rng);
  if (topics.length > 1 && topics[0] === lastTopic) [topics[0], topics[1]] = [topics[1]!, topics[0]!];
  const out: Queueable[] = [];
  for (let round = 0; out.length < room; round++) {
    const taken = topics.map((t) => byTopic.get(t)![round]).filter((q) => q !== undefined);
    if (taken.length === 0) break;
    out.push(...taken.slice(0, room - out.length));
  }
  return out;
}

/** The order of one session as it unfolds: a missed question returns until it is answered right once. */
export class SessionQueue {
  readonly #order: string[];

  /** Starts a session over planned ids (duplicates are asked once). */
  constructor(ids: readonly string[]) {
    this.#order = [...new Set(ids)];
  }

  /** The question to ask now, or undefined when the session is over. */
  next(): string | undefined {
    return this.#order[0];
  }

  /** Records an answer: a right one leaves the queue, a wrong one returns after {@link REASK_AFTER} others (or last). */
  record(id: string, correct: boolean): void {
    const at = this.#take(id);
    if (!correct) this.#order.splice(Math.min(at + REASK_AFTER, this.#order.length), 0, id);
  }

  /** Drops a question without an answer (flagged as bad, for one). */
  remove(id: string): void {
    this.#take(id);
  }

  /** Drops every turn of a question still waiting, if any (one flagged after its answer). */
  discard(id: string): void {
    for (let at = this.#order.indexOf(id); at !== -1; at = this.#order.indexOf(id)) this.#order.splice(at, 1);
  }

  /** The questions still to be asked, in order: what `restore` takes to go back to this point. */
  snapshot(): string[] {
    return [...this.#order];
  }

  /** Goes back to a point taken with `snapshot` (an answer undone). */
  restore(order: readonly string[]): void {
    this.#order.splice(0, this.#order.length, ...order);
  }

  /** How many questions are still to be asked, returning misses included. */
  remaining(): number {
    return this.#order.length;
  }

  /** True when nothing is left to ask. */
  done(): boolean {
    return this.#order.length === 0;
  }

  #take(id: string): number {
    const at = this.#order.indexOf(id);
    if (at === -1) throw new RangeError(`question ${id} is not waiting in this session`);
    this.#order.splice(at, 1);
    return at;
  }
}
