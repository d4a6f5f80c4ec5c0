/** The study screens: a question, the feedback after it, a flip card's back, and the closing summary. */

import type { ChalkInstance } from 'chalk';
import type { QuizQuestion } from '../core/types.js';
import type { StudySummary } from '../study/summary.js';
import type { Line, Screen } from './layout.js';
import type { Live } from './prompter.js';
import { safe } from './render.js';
import { answeredMarks, choiceLines, clock, type ChoiceMark, outdatedLine, pickedMarks, promptText, selectLabel, sourceRef } from './views.js';

/** What the session header says: the plan's due reviews, new questions, reviews taken early, the time. */
export interface SessionPlanCounts {
  due: number;
  fresh: number;
  early: number;
  /** Estimated minutes for the whole plan. */
  minutes: number;
  /** The --minutes limit, if any. */
  limitMinutes?: number;
}

/** "Study · 12 due · 20 new · about 8 min" (parts that are zero left out). */
export function sessionHeader(p: SessionPlanCounts): string {
  const parts = ['Study'];
  if (p.due > 0) parts.push(`${p.due} due`);
  if (p.fresh > 0) parts.push(`${p.fresh} new`);
  if (p.early > 0) parts.push(`${p.early} to review early`);
  parts.push(p.limitMinutes !== undefined ? `${formatMinutes(p.limitMinutes)} session` : `about ${Math.max(1, Math.round(p.minutes))} min`);
  return parts.join(' · ');
}

/** "15 min", "30 s", "1.5 min". */
export function formatMinutes(m: number): string {
  if (m < 1) return `${Math.round(m * 60)} s`;
  return Number.isInteger(m) ? `${m} min` : `${Math.round(m * 10) / 10} min`;
}

/** A question as one study screen shows it: its choices in their order this time, and what the screen adds. */
export interface StudyQuestionView {
  q: QuizQuestion;
  /** Shuffled choices (single and multi); empty otherwise. */
  options: string[];
  /** How many choices to pick (multi); 1 otherwise. */
  select: number;
  header: string;
  flagged: boolean;
  /** One line above the question: what just happened ("Undone: …"). */
  notice?: string;
  status: (nowMs: number) => string;
  hint: string;
}

/** What was answered and how it was judged, for the feedback screen. */
export interface StudyVerdict {
  correct: boolean;
  /** The learner overruled the matcher on a typed answer. */
  userAccepted?: boolean;
  /** Right thanks to a forgiven typo: the proper spelling. */
  spelled?: string;
  rightText: string;
  /** The answer as given, in words ('' for none: the answer was asked to be shown). */
  givenText: string;
  /** Choice questions: the right options' and the picked options' indices. */
  right?: number[];
  picked?: number[];
  /** "again in 10 min", "in 4 days". */
  next: string;
  /** The question comes back later in this session (a miss). */
  again: boolean;
}

function top(style: ChalkInstance, v: StudyQuestionView): Line[] {
  const head: Line[] = [style.dim(v.header), style.cyan(safe(v.q.topic))];
  if (v.notice) head.push(style.yellow(v.notice));
  if (v.flagged) head.push(style.yellow('⚑ Flagged as a bad question: it will not be asked again.'));
  return head;
}

function wording(style: ChalkInstance, v: StudyQuestionView, marks: ChoiceMark[]): Line[] {
  const body: Line[] = ['', style.bold(safe(promptText(v.q.topic, v.q.prompt)))];
  if (v.q.kind === 'multi') body.push(style.yellow(selectLabel(v.select)));
  if (v.options.length) body.push('', ...choiceLines(style, v.options, marks, v.q.kind === 'multi'));
  return body;
}

/** The question screen: header, heading path (once), wording, choices with the picks marked, status, hint. */
export function studyQuestionScreen(style: ChalkInstance, v: StudyQuestionView, live: Live): Screen {
  const body = wording(style, v, pickedMarks(v.options.length, live.picked));
  if (v.q.kind === 'flip') body.push('', style.dim('Think of the answer, then press Enter to see it.'));
  const foot: Line[] = ['', style.dim(v.status(live.nowMs))];
  if (live.error) foot.push(style.yellow(live.error));
  foot.push(style.dim(v.hint));
  return { head: top(style, v), body, input: v.q.kind === 'typed' ? `> ${live.line}` : undefined, foot };
}

/**
 * The note's whole statement, as far as the question's source line leaves it out: a list with its items, a Q/A
 * pair with its answer; otherwise the line itself.
 */
export function noteLines(style: ChalkInstance, q: QuizQuestion, fact: { kind: string; data: string } | undefined): Line[] {
  const said = (text: string) => style.dim(`  ${text}`);
  try {
    if (fact?.kind === 'enumeration') {
      const f = JSON.parse(fact.data) as { label: string; items: string[] };
      return [said(`${safe(f.label)}:`), ...f.items.map((i) => ({ prefix: style.dim('    • '), text: style.dim(safe(i)) }))];
    }
    if (fact?.kind === 'qa') {
      const f = JSON.parse(fact.data) as { question: string; answer: string };
      const answer = safe(f.answer).split('\n');
      return [
        { prefix: style.dim('  Q: '), text: style.dim(safe(f.question)) },
        { prefix: style.dim('  A: '), text: style.dim(answer[0] ?? '') },
        ...answer.slice(1).map((l) => style.dim(`     ${l}`)),
      ];
    }
  } catch {
    // A fact that does not parse falls back to the line the question keeps.
  }
  return [{ prefix: style.dim('  “'), text: style.dim(`${safe(q.source.text)}”`) }];
}

/** The feedback screen: the question again with ✔/✘ on its choices, the verdict, the note, the source, the next review. */
export function studyFeedbackScreen(style: ChalkInstance, v: StudyQuestionView, verdict: StudyVerdict, note: Line[], live: Live): Screen {
  const marks = verdict.right && verdict.picked ? answeredMarks(v.options.length, verdict.right, verdict.picked) : [];
  const body = wording(style, v, marks);
  body.push('');
  if (verdict.correct) {
    body.push(style.green.bold(verdict.userAccepted ? '✔ Accepted as right (you overruled the check)' : '✔ Right'));
    if (verdict.spelled) body.push(style.green(`  spelled: ${safe(verdict.spelled)}`));
    if (verdict.userAccepted) body.push(`  ${style.bold('Answer:')} ${safe(verdict.rightText)}`);
  } else {
    body.push(style.red.bold('✘ Wrong'), `  ${style.bold('Answer:')} ${safe(verdict.rightText)}`);
  }
  if (!verdict.correct || verdict.userAccepted) {
    body.push(`  ${style.bold('Yours:')}  ${verdict.givenText === '' ? style.dim('(asked to see it)') : safe(verdict.givenText)}`);
  }
  body.push('', style.dim(`  From ${sourceRef(v.q)}:`), ...note);
  if (v.q.outdated) body.push({ prefix: `  ${style.yellow('⚠')} `, text: style.yellow(outdatedLine(v.q.outdated)) });
  const next = verdict.correct ? `Next review ${verdict.next}.` : `Due again ${verdict.next}${verdict.again ? '; asked again in this session' : ''}.`;
  body.push('', style.dim(`  ${next}`));
  const foot: Line[] = ['', style.dim(v.status(live.nowMs)), style.dim(v.hint)];
  return { head: top(style, v), body, foot };
}

/**
 * A flip card's back: the question, its answer (a list's items one per line) and where it is from, with the note's
 * line when it says more than the answer, and the self-grades with their next intervals.
 */
export function studyRevealScreen(style: ChalkInstance, v: StudyQuestionView, fact: { kind: string; data: string } | undefined, grades: string, live: Live): Screen {
  const body = wording(style, v, []);
  const answer = safe(v.q.answers[0] ?? '');
  body.push('', style.bold('Answer:'));
  // A list's items, or the answer to the note's own question, are the whole statement: shown once, as the answer.
  if (fact?.kind === 'enumeration') body.push(...answer.split('; ').map((i) => ({ prefix: '  • ', text: i })));
  else body.push(...answer.split('\n').map((l) => `  ${l}`));
  body.push('', style.dim(`  From ${sourceRef(v.q)}${fact ? '' : ':'}`));
  if (!fact) body.push(...noteLines(style, v.q, undefined));
  if (v.q.outdated) body.push({ prefix: `  ${style.yellow('⚠')} `, text: style.yellow(outdatedLine(v.q.outdated)) });
  const foot: Line[] = ['', style.dim(v.status(live.nowMs)), `${style.bold('Grade it:')} ${grades}`, style.dim(v.hint)];
  return { head: top(style, v), body, foot };
}

/** The end-of-session report, printed once the last screen is gone. */
export function studySummaryLines(style: ChalkInstance, s: StudySummary, extra: { flagged: number; wallMs: number; stop: 'time' | 'quit' | 'done'; laterToday: number; tomorrow: number }): Line[] {
  const lines: Line[] = ['', style.bold('Session summary')];
  if (extra.stop === 'time') lines.push(style.yellow('  Time is up.'));
  if (s.answered === 0) {
    lines.push(`  No questions answered · ${clock(extra.wallMs)}`);
  } else {
    lines.push(`  ${s.answered} answered (${s.questions} question${s.questions === 1 ? '' : 's'}) · ${s.right} right (${Math.round(s.accuracy * 100)}%) · ${clock(extra.wallMs)}`);
    const worst = s.topics.slice(0, 8);
    for (const t of worst) {
      const pct = Math.round((t.right / t.total) * 100);
      const colour = pct >= 80 ? style.green : pct >= 50 ? style.yellow : style.red;
      lines.push({ prefix: `  ${colour(`${String(pct).padStart(3)}%`)} ${`${t.right}/${t.total}`.padEnd(5)} `, text: safe(t.topic) });
    }
    if (s.topics.length > worst.length) lines.push(style.dim(`  … and ${s.topics.length - worst.length} more topics`));
  }
  if (extra.flagged > 0) {
    lines.push({ prefix: '  ', text: `${extra.flagged} question${extra.flagged === 1 ? '' : 's'} flagged: \`awsquiz questions --flagged\` lists them, \`awsquiz questions unflag ID\` takes a flag back` });
  }
  lines.push(`  Coming due: ${extra.laterToday} later today · ${extra.tomorrow} tomorrow`);
  return lines;
}
