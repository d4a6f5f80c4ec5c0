import type { ChalkInstance } from 'chalk';
import type { QuizQuestion } from '../core/types.js';
import type { StudySummary } from '../study/summary.js';
import { safe, safeLine } from './render.js';

const LETTERS = 'ABCDEFGHIJ';
const SELECT_WORDS = ['', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'];

/** "4:05" from milliseconds (never negative). */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The options of a choice question as shown, with their keys. */
export function optionLines(style: ChalkInstance, options: string[]): string[] {
  return options.map((o, i) => `  ${style.bold(`${i + 1}`)}${style.dim(`/${LETTERS[i]!.toLowerCase()}`)}  ${safe(o)}`);
}

/** The question screen: breadcrumb, prompt, and the options or input hint. */
export function questionScreen(
  style: ChalkInstance,
  q: Pick<QuizQuestion, 'kind' | 'topic' | 'prompt'>,
  options: string[],
  select: number,
  header: string,
): string {
  // The prompt opens with the last part of the topic ("SQS › Limits — …"); the full path is shown above it.
  const dash = q.prompt.indexOf(' — ');
  const lead = dash > 0 ? q.prompt.slice(0, dash) : '';
  const prompt = lead && q.topic.endsWith(lead) ? q.prompt.slice(dash + 3).replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : q.prompt;
  const lines = [header ? style.dim(header) : '', style.cyan(safe(q.topic)), style.bold(safe(prompt))];
  if (q.kind === 'multi') lines.push(style.yellow(`(Select ${SELECT_WORDS[select] ?? select})`));
  if (options.length) lines.push('', ...optionLines(style, options));
  if (q.kind === 'flip') lines.push('', style.dim('Think of the answer, then press Enter to see it.'));
  return lines.join('\n');
}

/** Where a question came from: file:line, heading path, and the note's own line. */
export function sourceLines(style: ChalkInstance, q: QuizQuestion): string[] {
  return [style.dim(`  from ${safeLine(q.source.path)}:${q.source.line} · ${safe(q.topic)}`), style.dim(`  “${safe(q.source.text)}”`)];
}

/** Feedback after an answer: right or wrong, the right answer, and the source. */
export function feedbackText(
  style: ChalkInstance,
  q: QuizQuestion,
  verdict: { correct: boolean; forgiven?: boolean; canonical?: string; rightText: string },
): string {
  const lines: string[] = [''];
  if (verdict.correct) {
    lines.push(style.green.bold('✔ Right'));
    if (verdict.forgiven && verdict.canonical) lines.push(style.green(`  (spelled: ${safe(verdict.canonical)})`));
  } else {
    lines.push(style.red.bold('✘ Wrong'), `  ${style.bold('Answer:')} ${safe(verdict.rightText)}`);
  }
  lines.push(...sourceLines(style, q));
  return lines.join('\n');
}

/** The end-of-session report. */
export function summaryText(style: ChalkInstance, s: StudySummary, flagged: number): string {
  const lines = ['', style.bold('Session summary')];
  if (s.answered === 0) {
    lines.push('  No questions answered.');
  } else {
    lines.push(`  ${s.answered} answered (${s.questions} question${s.questions === 1 ? "" : "s"}) · ${s.right} right (${Math.round(s.accuracy * 100)}%) · ${clock(s.totalTimeMs)} spent`);
    const worst = s.topics.slice(0, 8);
    for (const t of worst) {
      const pct = Math.round((t.right / t.total) * 100);
      const colour = pct >= 80 ? style.green : pct >= 50 ? style.yellow : style.red;
      lines.push(`  ${colour(`${String(pct).padStart(3)}%`)} ${t.right}/${t.total}  ${safe(t.topic)}`);
    }
    if (s.topics.length > worst.length) lines.push(style.dim(`  … and ${s.topics.length - worst.length} more topics`));
  }
  if (flagged > 0) lines.push(`  ${flagged} question${flagged === 1 ? '' : 's'} flagged (see \`awsquiz questions --flagged\`)`);
  lines.push(`  Due tomorrow: ${s.dueTomorrow}`);
  return lines.join('\n');
}
