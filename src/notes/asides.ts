/**
 * Roles: lines that are about the exam or the course rather than about AWS (RUBRIC.md R7) — an exam guide's
 * weightings and skill lines, task statements, registration and scoring. No question is asked of them,
 * whatever their shape.
 */
import type { Fact } from './facts.js';

const EXAM_LOGISTICS = new RegExp(
  [
    String.raw`%\s*of\s+(the\s+)?(exam|questions|scored content)`,
    String.raw`\bexam\s+(guide|weight(ing)?s?|domains?|format|duration|fee|cost|registration|voucher|objectives?)\b`,
    String.raw`\b(passing|scaled|minimum)\s+score\b`,
    String.raw`\bscored\s+(questions|content)\b|\bunscored\b`,
    String.raw`\bnumber of (exam )?questions\b`,
    String.raw`^(knowledge|skills?|abilities)\s+(of|in|to)\b`,
    String.raw`^(know|understand|be able to)\s+(how|what|when|which|why|the)\b`,
    String.raw`^(task statement|domain)\s*\d`,
  ].join('|'),
  'i',
);

/** Whether a line (or a table's header cell) is about the exam or the course rather than AWS. */
export function isExamLogistics(text: string): boolean {
  return EXAM_LOGISTICS.test(text);
}

/** Whether a fact is about the exam or the course (its line or a heading or label above it) rather than AWS. */
export function aboutTheExam(fact: Fact): boolean {
  return EXAM_LOGISTICS.test(fact.sourceText) || [...fact.path, ...fact.context].some((p) => /^(knowledge|skills?|abilities)\s+(of|in|to)\b|%\s*of\s+(the\s+)?exam|^task statement\b/i.test(p));
}

/** "Which of the following …?" asked without its options: nothing says what to choose from. */
export function needsItsOptions(question: string): boolean {
  return /\bwhich\s+(one\s+)?of\s+(the\s+)?(following|these|those|below|above)\b|\b(choose|select)\s+(two|three|\d)\b|\ball of the above\b/i.test(question);
}
