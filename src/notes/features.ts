/**
 * Features of a generated question, each named for the rubric rule it bears on (RUBRIC.md: R1 self-contained,
 * R2 one right answer, R3 alike and plausible choices, R7 worth asking; give-aways, R6, are refused outright
 * by checks.ts). They are what the
 * score stage weighs; `awsquiz questions --json` shows them with each question's score.
 */
import type { Fact } from './facts.js';
import { nameShape } from './kinds.js';
import type { Features } from './score.js';
import { namesNothing, type ResolvedSubject } from './subjects.js';
import { wordCount } from './text.js';

/** What a question's features are computed from. */
export interface FeatureInput {
  kind: 'single' | 'multi' | 'typed' | 'flip';
  /** The kind of form that made the question (a fact kind, or a form such as "term"). */
  form: string;
  prompt: string;
  answers: string[];
  distractors: string[];
  fact: Fact;
  subject: ResolvedSubject;
  /** The note's statement the question asks about ('' when the question is the note's own). */
  statement: string;
  /** How many wrong choices were made up rather than taken from the notes. */
  fabricated?: number;
  /** The most a wrong choice's own statements in the note share with the asked statement (0..1). */
  overlap?: number;
  /** The answer is set off in the note as a term (bold, code, a heading of its own). */
  named?: boolean;
  /** The sibling set is a chapter's loose topics rather than one laid-out list. */
  loose?: boolean;
  /** The statement is the answer's own definition ("Term: definition"). */
  definition?: boolean;
  /** The prompt frames a choice between the two things it names ("LSI or GSI: …"). */
  comparison?: boolean;
  namesService: (text: string) => boolean;
}

const LEANS_ON_NEIGHBOURS = /^(it|its|this|that|these|those|they|them|their|also|and|but|or|so|then|same|similar|otherwise|instead|here|there|which|both|either|neither)\b/i;
const ABOUT_STUDYING = /\b(exam|test|course|lecture|udemy|video|chapter|slides?|quiz|practice questions?|study|remember|memori[sz]e|know (this|that|these))\b|(^|\s)I\s/i;
// Words that make a claim exclusive: what only one thing is ("only", "cheapest", "cannot", "not").
const EXCLUSIVE = /\b(only|cheapest|fastest|lowest|highest|most|least|best|cannot|can't|not|never|always|must|default|maximum|minimum|max|min|unlimited)\b/i;
const SPECIFIC_TOKEN = /\d|\b[A-Z]{2,}[a-z]?\b|\b[a-z]+[A-Z]\w*|\b[A-Z][a-z]+[A-Z]\w*|[_./:]\w/;

/** The features of one question (see FeatureInput); values are 0..~3, most 0 or 1. */
export function featuresOf(q: FeatureInput): Features {
  const f: Features = {};
  const set = (name: string, v: number | boolean) => {
    const n = typeof v === 'boolean' ? (v ? 1 : 0) : Math.round(v * 1000) / 1000;
    if (n !== 0) f[name] = n;
  };
  // What made it.
  set(`kind_${q.kind}`, true);
  set(`form_${q.form}`, true);
  // R1: the prompt names its subject.
  set('r1_subject_service', q.subject.service);
  set('r1_subject_title', q.subject.from === 'title');
  set('r1_subject_none', q.subject.from === 'none');
  const statement = q.statement;
  set('r1_leans_on_neighbours', statement !== '' && LEANS_ON_NEIGHBOURS.test(statement.replace(/^____\s*/, '')));
  // R3: how many choices, and how alike they are.
  const answer = q.answers[0] ?? '';
  const choices = q.answers.length + q.distractors.length;
  if (q.kind === 'single') {
    set('r3_two_options', choices === 2 && !q.comparison);
    set('r3_three_options', choices === 3);
    set('r3_comparison', q.comparison === true);
  }
  if (q.distractors.length > 0) {
    const shape = nameShape(answer);
    set('r3_shape_mismatch', q.distractors.filter((d) => nameShape(d) !== shape).length / q.distractors.length);
    const len = (s: string) => Math.max(1, wordCount(s));
    const mean = q.distractors.reduce((n, d) => n + len(d), 0) / q.distractors.length;
    set('r3_length_outlier', Math.min(3, Math.abs(Math.log2(len(answer) / mean))));
    set('r3_fabricated', (q.fabricated ?? 0) / q.distractors.length);
    const values = [...q.answers, ...q.distractors].map(numberIn).filter((v): v is number => v !== null && v > 0);
    if (values.length === choices && values.length >= 2) set('r3_number_spread', Math.min(3, Math.log10(Math.max(...values) / Math.min(...values))));
    const services = [...q.answers, ...q.distractors].map((c) => q.namesService(c));
    set('r3_service_mix', services.some(Boolean) && !services.every(Boolean));
    set('r3_generic_choice', q.distractors.some((d) => namesNothing(d)));
  }
  // R2: a wrong choice the note says as much of, a short statement that fits many, an open blank.
  set('r2_overlap', q.overlap ?? 0);
  set('r2_loose', q.loose === true);
  set('r2_open_typed', q.kind === 'typed' && !/\d/.test(answer) && nameShape(answer) !== 'acronym' && nameShape(answer) !== 'identifier');
  if (statement !== '') {
    const words = wordCount(statement.replace(/____/g, ''));
    set('r2_statement_words', Math.log2(1 + words) / 3);
    // Graded blind, statements of 6–11 words singled out their answer most often; long ones said too much.
    set('r2_statement_long', words > 15);
    set('r2_statement_short', words < 5);
    set('r2_exclusive', EXCLUSIVE.test(statement));
    set('r2_statement_specific', SPECIFIC_TOKEN.test(statement.replace(/____/g, '')) || q.namesService(statement.replace(/____/g, '')));
  }
  // R6/R7: give-aways, labels as answers, asides.
  set('r7_answer_label', q.answers.length === 1 && namesNothing(answer) && q.kind !== 'flip');
  set('r7_about_studying', ABOUT_STUDYING.test(statement || q.prompt));
  set('answer_named', q.named === true);
  set('answer_definition', q.definition === true);
  set('answer_clause', q.kind !== 'flip' && nameShape(answer) === 'clause');
  set('answer_words', Math.log2(1 + wordCount(answer)) / 3);
  return f;
}

/** The first number a choice holds, as a value ("4 days" → 4, "$0.40" → 0.4), or null. */
function numberIn(choice: string): number | null {
  const m = /(\d+(?:[.,]\d+)*)/.exec(choice);
  if (!m) return null;
  const v = Number(m[1]!.replace(/,(?=\d{3})/g, ''));
  return Number.isFinite(v) ? v : null;
}

