/** Per exam domain: how much of it has been seen, how well it is answered, how well it is remembered. */

import { retrievability } from '../study/schedule.js';
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
  /** Mean FSRS recall probability now, over the domain's cards reviewed at least once; null when none is. */
  meanRecall: number | null;
}

/** Every blueprint domain in blueprint order, plus what maps to none of them. */
export interface DomainBreakdown {
  domains: DomainStats[];
  /** Questions with no domain (or one the blueprint lacks), and their answers. */
  unmapped: { questions: number; seen: number; answers: number };
}

/** Tallies per domain in one pass over the answers and one over the questions. */
export function domainStats(input: Pick<StatsInput, 'questions' | 'answers' | 'cards' | 'scheduler' | 'bp' | 'now'>): DomainBreakdown {
  const { questions, answers, cards, scheduler, bp, now } = input;
  type Acc = { questions: number; seen: number; answers: number; correct: number; recallSum: number; recalled: number };
  const empty = (): Acc => ({ questions: 0, seen: 0, answers: 0, correct: 0, recallSum: 0, recalled: 0 });
  const acc = new Map(bp.domains.map((d) => [d.slug, empty()]));
  const unmapped = empty();
  const bucketOf = new Map<string, Acc>();
  for (const q of questions) bucketOf.set(q.id, (q.domain !== null ? acc.get(q.domain) : undefined) ?? unmapped);

  const answered = new Set<string>();
  for (const a of answers) {
    const bucket = bucketOf.get(a.questionId);
    // An answer to a question no longer active has no domain to go to; the overview still counts it.
    if (!bucket) continue;
    answered.add(a.questionId);
    bucket.answers++;
    if (a.correct) bucket.correct++;
  }
  for (const q of questions) {
    const bucket = bucketOf.get(q.id)!;
    bucket.questions++;
    if (answered.has(q.id)) bucket.seen++;
    const card = cards.get(q.id);
    // A never-reviewed card has no memory to measure; counting it as 0 would punish coverage twice.
    if (card && card.state !== 0 && card.last_review !== null) {
      bucket.recallSum += retrievability(scheduler, card, now);
      bucket.recalled++;
    }
  }

  return {
    domains: bp.domains.map((d) => {
      const t = acc.get(d.slug)!;
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
        meanRecall: t.recalled === 0 ? null : t.recallSum / t.recalled,
      };
    }),
    unmapped: { questions: unmapped.questions, seen: unmapped.seen, answers: unmapped.answers },
  };
}
