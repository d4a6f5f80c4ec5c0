/** The recall figure statistics show: what FSRS predicts for a stated day, a card just failed counting as failed. */

import { retrievability, type CardState, type Scheduler } from '../study/schedule.js';

/** Recall is predicted this many days ahead unless an exam date is given. */
export const RECALL_HORIZON_DAYS = 7;

/** The default instant recall is predicted for: RECALL_HORIZON_DAYS after `now`. */
export function defaultHorizon(now: Date): Date {
  return new Date(now.getTime() + RECALL_HORIZON_DAYS * 86_400_000);
}

/**
 * The probability that `card` is recalled at `at`: 0 when its latest review was a failure (Again) — right after
 * any review FSRS's retrievability is 1, even for a card just missed, which says nothing to a learner — else
 * FSRS's retrievability at `at` (0 for a card never reviewed).
 */
export function predictedRecall(scheduler: Scheduler, card: CardState, at: Date): number {
  if (card.last_rating === 1) return 0;
  return retrievability(scheduler, card, at);
}
