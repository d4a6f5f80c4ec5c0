/**
 * A thin wrapper over ts-fsrs: plain, serialisable card and log shapes that map one to one onto the
 * `cards` and `review_logs` columns, so the rest of the program never handles the library's types.
 */

import {
  createEmptyCard,
  fsrs,
  Rating as FsrsRating,
  State,
  type Card,
  type FSRS,
  type Grade,
  type ReviewLog,
} from 'ts-fsrs';
import type { Rating } from '../core/types.js';

/** FSRS learning phase, numbered as stored: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type CardPhase = 0 | 1 | 2 | 3;

/** The FSRS memory state of one question (a `cards` row). */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardPhase;
  last_review: Date | null;
  /** The rating of the latest review, when stored (statistics count a card just failed as not recalled). */
  last_rating?: number | null;
}

/** One review as FSRS saw it (a `review_logs` row): enough to rebuild a card's schedule. */
export interface ReviewLogEntry {
  rating: Rating;
  state: CardPhase;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  review: Date;
}

/** A configured FSRS scheduler. */
export interface Scheduler {
  readonly retention: number;
  readonly fuzz: boolean;
  readonly engine: FSRS;
}

/** Builds a scheduler aiming at `retention` (desired recall probability, 0 < r < 1; default 0.9), without fuzz unless asked. */
export function makeScheduler(options: { retention?: number; fuzz?: boolean } = {}): Scheduler {
  const retention = options.retention ?? 0.9;
  const fuzz = options.fuzz ?? false;
  if (!(retention > 0 && retention < 1)) throw new RangeError(`retention must be between 0 and 1 (exclusive), got ${retention}`);
  return { retention, fuzz, engine: fsrs({ request_retention: retention, enable_fuzz: fuzz }) };
}

/** The state of a question never reviewed, due at `now`. */
export function newCardState(now: Date): CardState {
  return fromFsrsCard(createEmptyCard(now));
}

/** Applies one rating at `now`: the card's next state and the log of this review. */
export function reviewCard(scheduler: Scheduler, card: CardState, rating: Rating, now: Date): { card: CardState; log: ReviewLogEntry } {
  const result = scheduler.engine.next(toFsrsCard(card), now, GRADES[rating]);
  return { card: fromFsrsCard(result.card), log: fromFsrsLog(result.log) };
}

/** The probability (0..1) that the card is recalled at `now`; 0 for a card never reviewed. */
export function retrievability(scheduler: Scheduler, card: CardState, now: Date): number {
  if (card.state === 0 || card.last_review === null) return 0;
  const r = scheduler.engine.get_retrievability(toFsrsCard(card), now, false);
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}

/** Converts a stored card state to a ts-fsrs Card. */
export function toFsrsCard(card: CardState): Card {
  const out: Card = {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATES[card.state],
  };
  if (card.last_review !== null) out.last_review = new Date(card.last_review.getTime());
  return out;
}

/** Converts a ts-fsrs Card to the stored card state. */
export function fromFsrsCard(card: Card): CardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: phaseOf(card.state),
    last_review: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}

/** Converts a ts-fsrs ReviewLog to the stored log entry; throws for a manual (rating 0) log, which this program never makes. */
export function fromFsrsLog(log: ReviewLog): ReviewLogEntry {
  if (log.rating === FsrsRating.Manual) throw new RangeError('a manual FSRS review log has no rating to store');
  return {
    rating: log.rating,
    state: phaseOf(log.state),
    due: new Date(log.due.getTime()),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: new Date(log.review.getTime()),
  };
}

/** Converts a stored log entry back to a ts-fsrs ReviewLog (for rebuilding or rolling back a schedule). */
export function toFsrsLog(log: ReviewLogEntry): ReviewLog {
  return {
    rating: GRADES[log.rating],
    state: STATES[log.state],
    due: new Date(log.due.getTime()),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: new Date(log.review.getTime()),
  };
}

const GRADES: Record<Rating, Grade> = {
  1: FsrsRating.Again,
  2: FsrsRating.Hard,
  3: FsrsRating.Good,
  4: FsrsRating.Easy,
};

const STATES: Record<CardPhase, State> = { 0: State.New, 1: State.Learning, 2: State.Review, 3: State.Relearning };

function phaseOf(state: State): CardPhase {
  switch (state) {
    case State.New:
      return 0;
    case State.Learning:
      return 1;
    case State.Review:
      return 2;
    case State.Relearning:
      return 3;
  }
}
