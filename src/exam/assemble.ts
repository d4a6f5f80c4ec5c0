/** Building a mock exam from the question bank: weighted by domain, objective questions first, options shuffled. */

import type { QuestionKind, QuizQuestion } from '../core/types.js';
import { allocate, largestRemainder } from './allocate.js';
import type { Blueprint } from './blueprint.js';
import { spreadByKey } from './order.js';
import { shuffle } from './random.js';

/** One question as it is put to the user: its shuffled options and which of them are right. */
export interface ExamItem {
  questionId: string;
  domain: string;
  /** 'single' and 'multi' are chosen from `options`; 'typed' has no options and is checked against the answers. */
  kind: Exclude<QuestionKind, 'flip'>;
  options: string[];
  /** Indices into `options`, ascending; empty for typed. */
  correct: number[];
}

/** What assembleExam needs: questions already mapped to a domain slug of `bp` (null = unmapped, never asked). */
export interface AssembleOptions extends Omit<PlanOptions, 'candidates'> {
  questions: ReadonlyArray<QuizQuestion & { domain: string | null }>;
}

/** How an exam may use a question: as a choice question, as a typed one only to fill a gap, or not at all. */
export type ExamUse = 'objective' | 'typed' | null;

/** What planExam needs of a question: no prompt or options, so a large bank is cheap to plan from. */
export interface ExamCandidate {
  id: string;
  topic: string;
  /** A domain slug of `bp`; null = unmapped, never asked. */
  domain: string | null;
  use: ExamUse;
}

/** What planExam needs. */
export interface PlanOptions {
  candidates: readonly ExamCandidate[];
  bp: Blueprint;
  /** Questions wanted; default: the real exam's count, or 20 for a domain exam. */
  count?: number;
  /** A domain slug of `bp`: only that domain. */
  domain?: string;
  /** Time limit; default: the real exam's minutes per question × the questions asked, rounded up. */
  minutes?: number;
  rng: () => number;
}

/** An exam's questions in the order they are asked, before their options are drawn (see examItems). */
export interface ExamPlanDraft {
  chosen: Array<{ questionId: string; domain: string }>;
  minutes: number;
  shortBy: number;
  /** Per domain in scope: its proportional share of the count, and how many it got after shortages moved. */
  perDomain: Record<string, { wanted: number; got: number }>;
}

/** An assembled exam; `shortBy` says how many questions fewer than asked the notes could supply. */
export interface AssembledExam extends Omit<ExamPlanDraft, 'chosen'> {
  items: ExamItem[];
}

/** The real exam's domain exams default to this many questions. */
export const DOMAIN_EXAM_COUNT = 20;
/** Multiple choice on the real exam: one right answer and three wrong. */
const SINGLE_DISTRACTORS = 3;

/** Assembles an exam from whole questions: planExam, then examItems, with one rng in that order. */
export function assembleExam(opts: AssembleOptions): AssembledExam {
  const { questions, ...rest } = opts;
  const draft = planExam({ ...rest, candidates: questions.map((q) => ({ id: q.id, topic: q.topic, domain: q.domain, use: examUse(q) })) });
  const byId = new Map(questions.map((q) => [q.id, q]));
  return { items: examItems(draft, byId, opts.rng), minutes: draft.minutes, shortBy: draft.shortBy, perDomain: draft.perDomain };
}

/**
 * Chooses an exam's questions from slim candidates: weighted by domain, objective questions first, topics
 * spread apart. Throws RangeError for an unknown domain slug or a count/minutes that is not positive.
 */
export function planExam(opts: PlanOptions): ExamPlanDraft {
  const { bp, rng } = opts;
  const scope = opts.domain === undefined ? bp.domains : bp.domains.filter((d) => d.slug === opts.domain);
  if (scope.length === 0) throw new RangeError(`unknown ${bp.code} domain "${opts.domain}"`);
  const count = examCount(bp, opts.domain, opts.count);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`question count must be a positive whole number, not ${count}`);
  if (opts.minutes !== undefined && !(Number.isFinite(opts.minutes) && opts.minutes > 0)) {
    throw new RangeError(`minutes must be a positive number, not ${opts.minutes}`);
  }

  // Sorted by id so that a seed gives the same exam whatever order the database returned the rows in.
  const bank = uniqueById(opts.candidates).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pools = scope.map((d) => {
    const mine = bank.filter((q) => q.domain === d.slug);
    // Objective questions are what the real exam asks; typed ones only fill what the domain cannot.
    return [...shuffle(mine.filter((q) => q.use === 'objective'), rng), ...shuffle(mine.filter((q) => q.use === 'typed'), rng)];
  });
  const weights = scope.map((d) => d.weight);
  const wanted = largestRemainder(count, weights);
  const got = allocate(
    count,
    weights,
    pools.map((p) => p.length),
  );

  const chosen = pools.flatMap((pool, i) => pool.slice(0, got[i]).map((q) => ({ q, domain: scope[i]!.slug })));
  const ordered = spreadByKey(shuffle(chosen, rng), (c) => c.q.topic);

  const perDomain: ExamPlanDraft['perDomain'] = {};
  scope.forEach((d, i) => (perDomain[d.slug] = { wanted: wanted[i]!, got: got[i]! }));
  return {
    chosen: ordered.map(({ q, domain }) => ({ questionId: q.id, domain })),
    // Scaled by the questions actually asked, so a short exam keeps the real exam's time per question.
    minutes: opts.minutes ?? Math.ceil((ordered.length * bp.minutes) / bp.questions),
    shortBy: count - ordered.length,
    perDomain,
  };
}

/** Draws each planned question's options (shuffled, three distractors for single choice); `questions` must hold every planned id. */
export function examItems(draft: Pick<ExamPlanDraft, 'chosen'>, questions: ReadonlyMap<string, QuizQuestion>, rng: () => number): ExamItem[] {
  return draft.chosen.map(({ questionId, domain }) => {
    const q = questions.get(questionId);
    if (!q) throw new RangeError(`question ${questionId} was planned but not loaded`);
    return toItem(q, domain, rng);
  });
}

/** The questions an exam asks: `count` when given, else the real exam's count, or DOMAIN_EXAM_COUNT for a domain exam. */
export function examCount(bp: Blueprint, domain?: string, count?: number): number {
  return count ?? (domain === undefined ? bp.questions : DOMAIN_EXAM_COUNT);
}

/** How an exam may use a question (see ExamUse). */
export function examUse(q: QuizQuestion): ExamUse {
  return isObjective(q) ? 'objective' : isTypable(q) ? 'typed' : null;
}

function toItem(q: QuizQuestion, domain: string, rng: () => number): ExamItem {
  if (q.kind === 'typed') return { questionId: q.id, domain, kind: 'typed', options: [], correct: [] };
  const answers = q.kind === 'single' ? [q.answers[0]!] : unique(q.answers);
  const wrong = wrongChoices(q);
  const distractors = q.kind === 'single' ? shuffle(wrong, rng).slice(0, SINGLE_DISTRACTORS) : wrong;
  const options = shuffle([...answers, ...distractors], rng);
  const correct = options.flatMap((o, i) => (answers.includes(o) ? [i] : []));
  return { questionId: q.id, domain, kind: q.kind === 'single' ? 'single' : 'multi', options, correct };
}

/** A choice question needs a right answer and at least one wrong choice that is not also an answer. */
function isObjective(q: QuizQuestion): boolean {
  if (q.kind !== 'single' && q.kind !== 'multi') return false;
  return q.answers.length > 0 && wrongChoices(q).length > 0;
}

function isTypable(q: QuizQuestion): boolean {
  return q.kind === 'typed' && q.answers.length > 0;
}

/** Distractors without repeats and without any that reads as a right answer (case and spacing aside). */
function wrongChoices(q: QuizQuestion): string[] {
  const right = new Set(q.answers.map(key));
  return unique(q.distractors).filter((d) => !right.has(key(d)));
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(key(v)) && seen.add(key(v)));
}

function key(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

function uniqueById<T extends { id: string }>(qs: readonly T[]): T[] {
  const seen = new Set<string>();
  return qs.filter((q) => !seen.has(q.id) && seen.add(q.id));
}
