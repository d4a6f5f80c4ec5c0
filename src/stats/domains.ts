/** Per exam domain: how much of it has been seen, how well it is answered, how well it is remembered. */

import { answersByQuestion } from './history.js';
import { defaultHorizon, predictedRecall } from './recall.js';
import type { StatsInput } from './types.js';

/** One exam domain's numbers. */
export interface DomainStats {
  slug: string;
  name: string;
  /** Exam weight in percent, from the blueprint. */
  weight: number;
  /** Active questions mapped to the domain. */
  questions: number;
  /** Of those, answered at least once. */
  seen: number;
  /** seen / questions; null when no question maps to the domain. */
  coverage: number | null;
  /** Answers to the domain's active questions. */
  answers: number;
  correct: number;
  /** correct / answers; null without answers. */
  accuracy: number | null;
  /**
   * Mean predicted recall at the report's horizon (see predictedRecall: a card just failed counts 0), over the
   * domain's cards reviewed at least once; null when none is.
   */
  recall: number | null;
}

/** Every blueprint domain in blueprint order, plus what maps to none of them. */
export interface DomainBreakdown {
  domains: DomainStats[];
  /** Questions with no domain (or one the blueprint lacks), and their answers. */
  unmapped: { questions: number; seen: number; answers: number };
}

/** One domain's tallies over its active questions: what domainStats counts in its pass, and the database keeps. */
export interface DomainTally {
  questions: number;
  /** Questions answered at least once. */
  seen: number;
  answers: number;
  correct: number;
  /** Σ predicted recall at the horizon over the cards reviewed at least once, and how many those are. */
  recallSum: number;
  recalled: number;
}

/** Tallies per domain in one pass over the questions, with each question's answer tally. */
export function domainStats(input: Pick<StatsInput, 'questions' | 'answers' | 'cards' | 'scheduler' | 'bp' | 'now' | 'horizon'>): DomainBreakdown {
  const { questions, answers, cards, scheduler, bp, now } = input;
  const horizon = input.horizon ?? defaultHorizon(now);
  const empty = (): DomainTally => ({ questions: 0, seen: 0, answers: 0, correct: 0, recallSum: 0, recalled: 0 });
  const acc = new Map(bp.domains.map((d) => [d.slug, empty()]));
  const unmapped = empty();
  const tallies = answersByQuestion(answers);
  const counted = new Set<string>();
  for (const q of questions) {
    const bucket = (q.domain !== null ? acc.get(q.domain) : undefined) ?? unmapped;
    bucket.questions += q.count ?? 1;
    const t = tallies.get(q.id);
    if (t !== undefined && t.answers > 0) {
      bucket.seen++;
      // A question listed twice still has its answers counted once.
      if (!counted.has(q.id)) {
        counted.add(q.id);
        bucket.answers += t.answers;
        bucket.correct += t.correct;
      }
    }
    const card = cards.get(q.id);
    // A never-reviewed card has no memory to measure; counting it as 0 would punish coverage twice.
    if (card && card.state !== 0 && card.last_review !== null) {
      bucket.recallSum += predictedRecall(scheduler, card, horizon);
      bucket.recalled++;
    }
  }
  return breakdownOf(bp, acc, unmapped);
}

/**
 * The breakdown from tallies per domain: `tallies` by blueprint slug (a slug without one reads as empty),
 * `unmapped` for the questions of no domain of the blueprint.
 */
export function breakdownOf(
  bp: StatsInput['bp'],
  tallies: ReadonlyMap<string, DomainTally>,
  unmapped: Pick<DomainTally, 'questions' | 'seen' | 'answers'>,
): DomainBreakdown {
  const none: DomainTally = { questions: 0, seen: 0, answers: 0, correct: 0, recallSum: 0, recalled: 0 };
  return {
    domains: bp.domains.map((d) => {
      const t = tallies.get(d.slug) ?? none;
      return {
        slug: d.slug,
        name: d.name,
        weight: d.weight,
        questions: t.questions,
        seen: t.seen,
        coverage: t.questions === 0 ? null : t.seen / t.questions,
        answers: t.answers,
        correct: t.correct,
        accuracy: t.answers === 0 ? null : t.correct / t.answers,
        recall: t.recalled === 0 ? null : t.recallSum / t.recalled,
      };
    }),
    unmapped: { questions: unmapped.questions, seen: unmapped.seen, answers: unmapped.answers },
  };
}
