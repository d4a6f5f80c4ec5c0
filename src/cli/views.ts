/** Pieces the study and exam screens share: the question's wording, its choices with marks, times, sources. */

import type { ChalkInstance } from 'chalk';
import { homedir } from 'node:os';
import { relative, sep } from 'node:path';
import type { OutdatedFinding, QuizQuestion } from '../core/types.js';
import { sinceWords } from '../facts/retired.js';
import type { Line } from './layout.js';
import { safe, safeLine } from './render.js';

const LETTERS = 'abcdefghij';
const SELECT_WORDS = ['', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX'];

/** "4:05" from milliseconds (never negative). */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "(Select TWO)" for a multiple-response question of `n` right answers. */
export function selectLabel(n: number): string {
  return `(Select ${SELECT_WORDS[n] ?? n})`;
}

/**
 * The question's wording as a screen shows it under the heading path: without the lead that repeats the end of
 * that path ("SQS › Limits — which…" under "Amazon SQS › SQS › Limits"; a shortened part ends in "…"), and
 * without a trailing "(Select TWO)", which the screen shows on its own line. Capitalised once the lead is gone.
 */
export function promptText(topic: string, prompt: string): string {
  let text = prompt.replace(/\s*\(Select [A-Z]+\)\s*$/, '');
  const dash = text.indexOf(' — ');
  if (dash > 0 && leadRepeatsTopic(text.slice(0, dash), topic)) text = text.slice(dash + 3).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return text;
}

function leadRepeatsTopic(lead: string, topic: string): boolean {
  const parts = lead.split(' › ');
  const path = topic.split(' › ');
  if (parts.length > path.length) return false;
  const tail = path.slice(path.length - parts.length);
  return parts.every((p, i) => p === tail[i] || (p.endsWith('…') && tail[i]!.startsWith(p.slice(0, -1))));
}

/** How a choice is marked: picked while answering, or right/wrong once answered. */
export type ChoiceMark = 'none' | 'picked' | 'right' | 'right-picked' | 'wrong-picked';

/**
 * A question's choices, one Line each, keyed `1/a`…: a multiple-response question shows boxes ([x] picked);
 * a single choice shows ● on the pick; after the answer ✔ marks the right ones and ✘ a wrong pick.
 */
export function choiceLines(style: ChalkInstance, options: readonly string[], marks: readonly ChoiceMark[], multi: boolean): Line[] {
  return options.map((o, i) => {
    const mark = marks[i] ?? 'none';
    const key = `${style.bold(String(i + 1))}${style.dim(`/${LETTERS[i]}`)}`;
    let sign: string;
    if (mark === 'right' || mark === 'right-picked') sign = style.green('✔');
    else if (mark === 'wrong-picked') sign = style.red('✘');
    else if (multi) sign = mark === 'picked' ? style.cyan('[x]') : style.dim('[ ]');
    else sign = mark === 'picked' ? style.cyan('●') : ' ';
    if (multi && (mark === 'right' || mark === 'right-picked' || mark === 'wrong-picked')) sign = `${sign}  `;
    const text = mark === 'picked' || mark === 'right-picked' || mark === 'wrong-picked' ? style.bold(safe(o)) : safe(o);
    return { prefix: `  ${sign} ${key}  `, text };
  });
}

/** Marks for choices once answered: the right ones, and the picks. */
export function answeredMarks(count: number, right: readonly number[], picked: readonly number[]): ChoiceMark[] {
  return Array.from({ length: count }, (_, i) => {
    const r = right.includes(i);
    const p = picked.includes(i);
    return r ? (p ? 'right-picked' : 'right') : p ? 'wrong-picked' : 'none';
  });
}

/** Marks for choices while answering: the picks. */
export function pickedMarks(count: number, picked: readonly number[]): ChoiceMark[] {
  return Array.from({ length: count }, (_, i) => (picked.includes(i) ? 'picked' : 'none'));
}

/** "in 10 min", "in 3 h", "in 4 days", "in 2 months": how far off an instant is, as a learner reads it. */
export function interval(ms: number): string {
  const min = Math.max(1, Math.round(ms / 60_000));
  if (min < 60) return `in ${min} min`;
  const h = Math.round(min / 60);
  if (h < 24) return `in ${h} h`;
  const days = Math.round(h / 24);
  if (days < 60) return `in ${days} day${days === 1 ? '' : 's'}`;
  const months = Math.round(days / 30);
  if (months < 24) return `in ${months} months`;
  return `in ${Math.round(days / 365)} years`;
}

/** A note's path as a user reads it: relative to the working folder when inside it, else with ~ for home. */
export function displayPath(path: string, cwd = process.cwd(), home = homedir()): string {
  const rel = relative(cwd, path);
  if (rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)) return rel;
  return home && (path === home || path.startsWith(home + sep)) ? `~${path.slice(home.length)}` : path;
}

/** Where a question came from: "notes/sqs.md:12". */
export function sourceRef(q: Pick<QuizQuestion, 'source'>): string {
  return `${safeLine(displayPath(q.source.path))}:${q.source.line}`;
}

/** The one line that says a question teaches a number AWS documents differently now, or a discontinued feature. */
export function outdatedLine(f: OutdatedFinding): string {
  if (f.retired) return safe(`Outdated: AWS ${f.documented} ${sinceWords(f.since)} (${f.url})`);
  return safe(`Outdated: AWS documents ${f.documented} for the ${f.attribute} since ${f.since} (${f.url})`);
}
