import type { OutdatedFinding, QuizQuestion } from '../core/types.js';
import type { CardState, ReviewLogEntry } from '../study/schedule.js';

/** A question as the exports take it: the stored question, its standing, and the exam and domain it counts for. */
export interface ExportQuestion extends QuizQuestion {
  outdated: OutdatedFinding | null;
  flagged: boolean;
  /** The quality model's score of the question (0–1). */
  score: number;
  /** Answers given to it, and how many were right. */
  answered: { answers: number; correct: number };
  /** Its FSRS card, if it was ever answered. */
  card: CardState | null;
  /** Its review history, oldest first (empty unless the schedule is exported). */
  reviews: ReviewLogEntry[];
  /** The exam it counts for (its note's front matter, else the exam the notes name most) and its domain slug there. */
  examCode: string;
  domainSlug: string | null;
}

/** The choices a multiple-choice card shows: the right answer(s) and up to `wrong` distractors, in a stable mixed order. */
export function choicesOf(q: Pick<QuizQuestion, 'id' | 'kind' | 'answers' | 'distractors'>): string[] {
  const right = q.kind === 'single' ? q.answers.slice(0, 1) : q.answers;
  const seen = new Set(right.map(keyOf));
  const wrong = q.distractors.filter((d) => !seen.has(keyOf(d)) && seen.add(keyOf(d)));
  // The real exam shows one right answer among four; a multiple-response question shows all its options.
  const all = [...right, ...(q.kind === 'single' ? wrong.slice(0, 3) : wrong)];
  return all
    .map((c) => ({ c, h: fnv(`${q.id}\u0000${c}`) }))
    .sort((a, b) => a.h - b.h)
    .map((x) => x.c);
}

/** Tags for a question: exam, domain, services and topic, in Anki's hierarchical `a::b` form (no spaces). */
export function tagsOf(q: Pick<ExportQuestion, 'examCode' | 'domainSlug' | 'services' | 'topic' | 'outdated'>): string[] {
  const tags = ['awsquiz', `exam::${tagPart(q.examCode)}`];
  if (q.domainSlug) tags.push(`domain::${tagPart(q.domainSlug)}`);
  for (const s of q.services) tags.push(`service::${tagPart(s)}`);
  const topic = q.topic.split(' › ').map(tagPart).filter(Boolean);
  if (topic.length > 0) tags.push(`topic::${topic.join('::')}`);
  if (q.outdated) tags.push('outdated');
  return tags;
}

/** Where the question comes from, as one line: "notes/sqs.md:12 · SQS › Limits". */
export function sourceLine(q: Pick<QuizQuestion, 'source' | 'topic'>): string {
  return `${q.source.path}:${q.source.line}${q.topic ? ` · ${q.topic}` : ''}`;
}

function tagPart(s: string): string {
  // Anki splits tags on spaces and treats "::" as hierarchy: anything else that is not a word joins with "_".
  return s
    .trim()
    .replace(/::/g, ':')
    .replace(/[\s"]+/g, '_')
    .replace(/[^\p{L}\p{N}_.:+\-/&()]/gu, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

function keyOf(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
