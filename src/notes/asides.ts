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

// A course's hands-on part: what the author clicked, typed and saw ("Create deployment group", "Refresh page",
// "4 containers", "29 ms") is true of that lab, not of AWS.
const LAB = /\b(hands[- ]?on|labs?|demo|walk-?through|tutorial|workshop|exercises?|console|step\s*\d+)\b/i;

/** Whether a note as a whole is a lab: its title, file name or folder says so ("Walkthrough/Exercise3.md"). */
export function isLabNote(names: string[]): boolean {
  return names.some((n) => LAB_NOTE.test(n.replace(/[-_]+/g, ' ')));
}

// A note named for a lab (not for the console it may be about).
const LAB_NOTE = /\b(hands ?on|labs?|demo|walk ?through|tutorial|workshop|exercises?)\b/i;

/**
 * Whether a fact is about the exam or the course rather than AWS: an exam guide's weightings and skill lines,
 * or a line of a lab (under a heading or label that says so).
 */
export function aboutTheExam(fact: Fact): boolean {
  if (EXAM_LOGISTICS.test(fact.sourceText)) return true;
  if ('statement' in fact && EXAM_LOGISTICS.test(fact.statement)) return true;
  return [...fact.path, ...fact.context].some((p) => /^(knowledge|skills?|abilities)\s+(of|in|to)\b|%\s*of\s+(the\s+)?exam|^task statement\b/i.test(p) || LAB.test(p));
}

/** "Which of the following …?" asked without its options: nothing says what to choose from. */
export function needsItsOptions(question: string): boolean {
  return /\bwhich\s+(one\s+)?of\s+(the\s+)?(following|these|those|below|above)\b|\b(choose|select)\s+(two|three|\d)\b|\ball of the above\b/i.test(question);
}
