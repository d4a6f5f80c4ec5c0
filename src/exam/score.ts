/** Scoring a finished exam the way AWS does: all-or-nothing multiple response, unanswered is wrong. */

import type { ExamItem } from './assemble.js';
import type { Blueprint } from './blueprint.js';

/** What the user gave for one item: chosen option indices, or whether a typed answer was accepted. */
export interface GivenAnswer {
  selected?: number[];
  typedCorrect?: boolean;
}

/** One domain's line in the report (only domains the exam asked about). */
export interface DomainScore {
  slug: string;
  name: string;
  weight: number;
  right: number;
  total: number;
  percent: number;
}

/** An exam's result. */
export interface ExamScore {
  total: number;
  answered: number;
  right: number;
  /** Right over total, in percent, one decimal. */
  percent: number;
  perDomain: DomainScore[];
  /** NOT an AWS score: see SCALED_ESTIMATE_NOTE for how it is computed. */
  scaledEstimate: number;
  /** scaledEstimate ≥ the blueprint's passing score: an estimate too. */
  passed: boolean;
  /** Question ids answered wrong or not at all, in exam order. */
  missed: string[];
  elapsedMs: number;
}

/** How scaledEstimate is derived, for the report to print next to it. */
export const SCALED_ESTIMATE_NOTE =
  'estimate: AWS does not publish its scaling; this maps 0% to the lowest and 100% to the highest score linearly';

/** Scores `items` against `answers`; scaledEstimate = low + (high − low) × right / total over bp.scoreRange, rounded. */
export function scoreExam(input: {
  bp: Blueprint;
  items: readonly ExamItem[];
  answers: ReadonlyMap<string, GivenAnswer | undefined>;
  elapsedMs: number;
}): ExamScore {
  const { bp, items, answers } = input;
  let answered = 0;
  let right = 0;
  const missed: string[] = [];
  const tally = new Map<string, { right: number; total: number }>();

  for (const item of items) {
    const given = answers.get(item.questionId);
    if (isAnswered(item, given)) answered++;
    const ok = isRight(item, given);
    if (ok) right++;
    else missed.push(item.questionId);
    const t = tally.get(item.domain) ?? { right: 0, total: 0 };
    t.total++;
    if (ok) t.right++;
    tally.set(item.domain, t);
  }

  const perDomain = bp.domains.flatMap((d) => {
    const t = tally.get(d.slug);
    return t ? [{ slug: d.slug, name: d.name, weight: d.weight, right: t.right, total: t.total, percent: percentOf(t.right, t.total) }] : [];
  });
  // Linear is a guess: the real exam also has unscored questions and equates scores across forms, unpublished.
  const [low, high] = bp.scoreRange;
  const scaledEstimate = items.length === 0 ? low : Math.round(low + ((high - low) * right) / items.length);
  return {
    total: items.length,
    answered,
    right,
    percent: percentOf(right, items.length),
    perDomain,
    scaledEstimate,
    passed: items.length > 0 && scaledEstimate >= bp.passingScore,
    missed,
    elapsedMs: input.elapsedMs,
  };
}

/** Whether an item counts as right: the exact set of right options (all-or-nothing), or an accepted typed answer. */
export function isRight(item: ExamItem, given: GivenAnswer | undefined): boolean {
  if (!given) return false;
  if (item.kind === 'typed') return given.typedCorrect === true;
  const chosen = [...new Set(given.selected ?? [])].sort((a, b) => a - b);
  return chosen.length > 0 && chosen.length === item.correct.length && chosen.every((c, i) => c === item.correct[i]);
}

function isAnswered(item: ExamItem, given: GivenAnswer | undefined): boolean {
  if (!given) return false;
  return item.kind === 'typed' ? given.typedCorrect !== undefined : (given.selected?.length ?? 0) > 0;
}

function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
