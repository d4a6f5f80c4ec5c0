/** A finished exam as the learner reads it back: every question with the answer given next to the right one. */

import type { QuizQuestion } from '../core/types.js';
import type { ExamItem } from './assemble.js';
import type { Blueprint } from './blueprint.js';
import type { DomainScore, ExamScore } from './score.js';

/** How one question of the exam went. Unanswered scores as wrong but is told apart. */
export type ItemOutcome = 'right' | 'wrong' | 'unanswered';

/** One question of the report, with the answers as text. */
export interface ReportItem {
  /** 1-based, in exam order. */
  number: number;
  id: string;
  domain: string;
  topic: string | null;
  prompt: string | null;
  /** The right answer(s) as text. */
  answer: string[];
  /** What was given, as text (the chosen options, or the typed answer); null when unanswered. */
  given: string[] | null;
  outcome: ItemOutcome;
  flagged: boolean;
  source: QuizQuestion['source'] | null;
}

/** A domain that had fewer questions than the blueprint's share of the exam. */
export interface Shortfall {
  slug: string;
  name: string;
  wanted: number;
  got: number;
}

/** The whole report: what `--json` prints and `exam --show` prints again. */
export interface ExamReport {
  exam: string;
  domain: string | null;
  total: number;
  answered: number;
  right: number;
  unanswered: number;
  percent: number;
  scaledScoreEstimate: number;
  passingScore: number;
  passedEstimate: boolean;
  estimateNote: string;
  elapsedMs: number;
  domains: DomainScore[];
  /** Domains the notes could not fill; their places went to the others. */
  shortfall: Shortfall[];
  questions: ReportItem[];
  /** The questions not answered right, answered ones first (as `questions` has them). */
  missed: ReportItem[];
}

/** What a report is made from. */
export interface ReportInput {
  bp: Blueprint;
  domain: string | null;
  items: readonly ExamItem[];
  answers: Readonly<Record<string, number[] | string>>;
  flagged: readonly string[];
  questions: ReadonlyMap<string, QuizQuestion>;
  score: ExamScore;
  /** Per domain, the share the blueprint asked and what the exam got (see ExamPlanDraft.perDomain). */
  perDomain?: Readonly<Record<string, { wanted: number; got: number }>>;
  note: string;
}

/** Builds the report; `score.missed` says which questions were not right. */
export function examReport(r: ReportInput): ExamReport {
  const missed = new Set(r.score.missed);
  const flagged = new Set(r.flagged);
  const questions = r.items.map((item, i): ReportItem => {
    const q = r.questions.get(item.questionId);
    const a = r.answers[item.questionId];
    const given = a === undefined ? null : typeof a === 'string' ? [a] : a.map((k) => item.options[k] ?? '');
    const answer = item.kind === 'typed' ? (q ? [q.answers[0] ?? ''] : []) : item.correct.map((k) => item.options[k] ?? '');
    return {
      number: i + 1,
      id: item.questionId,
      domain: item.domain,
      topic: q?.topic ?? null,
      prompt: q?.prompt ?? null,
      answer,
      given,
      outcome: a === undefined ? 'unanswered' : missed.has(item.questionId) ? 'wrong' : 'right',
      flagged: flagged.has(item.questionId),
      source: q?.source ?? null,
    };
  });
  const shortfall = shortfallOf(r.bp, r.perDomain);
  return {
    exam: r.bp.code,
    domain: r.domain,
    total: r.score.total,
    answered: r.score.answered,
    right: r.score.right,
    unanswered: questions.filter((x) => x.outcome === 'unanswered').length,
    percent: r.score.percent,
    scaledScoreEstimate: r.score.scaledEstimate,
    passingScore: r.bp.passingScore,
    passedEstimate: r.score.passed,
    estimateNote: r.note,
    elapsedMs: r.score.elapsedMs,
    domains: r.score.perDomain,
    shortfall,
    questions,
    missed: questions.filter((x) => x.outcome !== 'right'),
  };
}

/** The domains that got fewer questions than their share (see ExamPlanDraft.perDomain), in blueprint order. */
export function shortfallOf(bp: Blueprint, perDomain: ReportInput['perDomain']): Shortfall[] {
  return bp.domains.flatMap((d) => {
    const p = perDomain?.[d.slug];
    return p && p.got < p.wanted ? [{ slug: d.slug, name: d.name, wanted: p.wanted, got: p.got }] : [];
  });
}

/**
 * What the exam says before it starts about domains the notes cannot fill: one line per short domain, and
 * how the places are filled. Empty when every domain has its share.
 */
export function shortfallLines(shortfall: readonly Shortfall[], total: number): string[] {
  if (shortfall.length === 0) return [];
  const missing = shortfall.reduce((s, d) => s + d.wanted - d.got, 0);
  return [
    ...shortfall.map((d) => `${d.name}: ${d.got === 0 ? 'no' : d.got} question${d.got === 1 ? '' : 's'} of the ${d.wanted} the exam guide asks for.`),
    missing >= total
      ? 'No other domain can fill them.'
      : `Their ${missing} place${missing === 1 ? '' : 's'} go to the other domains by weight, so the score leans on those: read the pass/fail estimate with that in mind.`,
  ];
}
