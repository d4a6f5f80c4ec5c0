/** The exam screens: the start, a question, the review list, the confirmation, and the report and history. */

import type { ChalkInstance } from 'chalk';
import type { ExamItem } from '../exam/assemble.js';
import type { ExamReport, ReportItem } from '../exam/report.js';
import type { QuizQuestion } from '../core/types.js';
import type { Line, Screen } from './layout.js';
import { textWidth } from './layout.js';
import type { Live } from './prompter.js';
import { safe } from './render.js';
import { choiceLines, clock, pickedMarks, promptText, selectLabel, sourceRef } from './views.js';

/** The screen before the clock starts: what the exam is, and what the notes could not fill. */
export function examStartScreen(style: ChalkInstance, title: string, lines: readonly string[], hint: string): Screen {
  const [first, ...rest] = lines;
  return { head: [style.bold(title)], body: ['', first ?? '', ...rest.map((l) => (l.startsWith('Keys:') ? style.dim(l) : style.yellow(l))), ''], foot: [style.dim(hint)] };
}

/** What a question screen of the exam shows besides the question. */
export interface ExamQuestionView {
  title: string;
  item: ExamItem;
  q: QuizQuestion | undefined;
  /** The answer stored so far: option indices, or the typed text. */
  current: number[] | string | undefined;
  status: (nowMs: number) => string;
  hint: string;
}

/** One exam question: heading path once, the wording, the choices with the answer given so far marked. */
export function examQuestionScreen(style: ChalkInstance, v: ExamQuestionView, live: Live): Screen {
  const { item, q } = v;
  const head: Line[] = [style.dim(v.title), style.cyan(safe(q?.topic ?? ''))];
  const body: Line[] = ['', style.bold(safe(q ? promptText(q.topic, q.prompt) : '(this question was removed from the notes)'))];
  if (item.kind === 'multi') body.push(style.yellow(`${selectLabel(item.correct.length)} — all must be right`));
  if (item.options.length) {
    const picked = live.picked.length > 0 || typeof v.current !== 'object' ? live.picked : v.current;
    body.push('', ...choiceLines(style, item.options, pickedMarks(item.options.length, picked), item.kind === 'multi'));
  } else if (typeof v.current === 'string' && live.line === '') {
    body.push('', style.dim(`  your answer so far: ${safe(v.current)}`));
  }
  const foot: Line[] = ['', style.dim(v.status(live.nowMs))];
  if (live.error) foot.push(style.yellow(live.error));
  foot.push(style.dim(v.hint));
  return { head, body, input: item.kind === 'typed' ? `> ${live.line}` : undefined, foot };
}

/** One line of the review list. */
export interface ReviewRow {
  index: number;
  topic: string;
  answered: boolean;
  flagged: boolean;
}

/**
 * The review list: every question with whether it is answered and flagged, one line each, shortened to the
 * window's width; the list scrolls within the window (see fit).
 */
export function examReviewScreen(style: ChalkInstance, title: string, rows: readonly ReviewRow[], status: (nowMs: number) => string, live: Live): Screen {
  const answered = rows.filter((r) => r.answered).length;
  const flagged = rows.filter((r) => r.flagged).length;
  const counts = `${answered} answered · ${rows.length - answered} unanswered · ${flagged} flagged`;
  const width = Number.isFinite(live.columns) ? live.columns - 1 : Number.POSITIVE_INFINITY;
  const body = rows.map((r) => {
    const lead = `  ${String(r.index + 1).padStart(3)}  ${r.answered ? 'answered  ' : 'unanswered'}  ${r.flagged ? '⚑' : ' '}  `;
    const topic = shorten(safe(r.topic), width - textWidth(lead));
    const text = `${lead}${topic}`;
    return r.answered && !r.flagged ? text : r.answered ? style.cyan(text) : style.yellow(text);
  });
  const foot: Line[] = ['', style.dim(status(live.nowMs))];
  if (live.error) foot.push(style.yellow(live.error));
  foot.push(style.dim('a number and Enter goes to it · s submit · b or Esc back · ↑/↓ scroll'));
  return { head: [style.bold(`${title} — review`), counts], body, input: `go to: ${live.line}`, foot };
}

/** "Submit with 13 unanswered and 2 flagged?" before the exam is scored. */
export function examConfirmScreen(style: ChalkInstance, title: string, unanswered: number, flagged: number, status: (nowMs: number) => string, live: Live): Screen {
  const parts = [unanswered > 0 ? `${unanswered} unanswered` : '', flagged > 0 ? `${flagged} flagged` : ''].filter(Boolean);
  const body: Line[] = ['', style.bold(`Submit with ${parts.join(' and ')} question${unanswered + flagged === 1 ? '' : 's'}?`)];
  if (unanswered > 0) body.push(`Unanswered questions score as wrong, as on the real exam (they do not count against your study record).`);
  return { head: [style.bold(title)], body, foot: ['', style.dim(status(live.nowMs)), style.dim('y submit · n back to the review')] };
}

function shorten(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pct(n: number): string {
  return `${n.toFixed(1)}%`;
}

/** The report: the score, per domain, then what was missed with your answer next to the right one. */
export function examReportLines(style: ChalkInstance, r: ExamReport, when?: string): Line[] {
  const s = style;
  const lines: Line[] = ['', s.bold(`${r.exam}${r.domain ? ` · ${r.domain}` : ''} mock exam result${when ? ` (${when})` : ''}`)];
  lines.push(`  Score: ${s.bold(pct(r.percent))} · ${r.right}/${r.total} right · ${r.answered} answered, ${r.unanswered} unanswered · time used ${clock(r.elapsedMs)}`);
  const verdict = r.passedEstimate ? s.green.bold('PASS') : s.red.bold('FAIL');
  lines.push(`  Scaled score: ${r.scaledScoreEstimate} (pass ${r.passingScore}) → ${verdict} ${s.dim('(estimate)')}`);
  lines.push({ prefix: '  ', text: s.dim(r.estimateNote) });
  if (r.shortfall.length) {
    lines.push(s.yellow(`  Not shaped like the real exam: ${r.shortfall.map((d) => `${d.name} had ${d.got} of ${d.wanted} questions`).join('; ')}.`));
  }
  lines.push('', s.bold('  By domain'));
  for (const d of r.domains) {
    const colour = d.percent >= 72 ? s.green : d.percent >= 50 ? s.yellow : s.red;
    lines.push(`  ${colour(pct(d.percent).padStart(6))}  ${d.right}/${d.total}  ${d.name} ${s.dim(`(weight ${d.weight}%)`)}`);
  }
  const wrong = r.missed.filter((m) => m.outcome === 'wrong');
  const unanswered = r.missed.filter((m) => m.outcome === 'unanswered');
  if (wrong.length) {
    lines.push('', s.bold(`  Wrong (${wrong.length})`));
    for (const m of wrong) lines.push(...itemLines(s, m));
  }
  if (unanswered.length) {
    lines.push('', s.bold(`  Unanswered (${unanswered.length})`) + s.dim(' — scored as wrong; not counted in your study record'));
    for (const m of unanswered) lines.push(...itemLines(s, m));
  }
  return lines;
}

function itemLines(s: ChalkInstance, m: ReportItem): Line[] {
  const out: Line[] = [{ prefix: `  ${String(m.number).padStart(3)}. `, text: `${safe(m.prompt ?? '(removed from the notes)')}${m.flagged ? s.cyan(' ⚑') : ''}` }];
  if (m.given) out.push({ prefix: `       ${s.red('you:')}   `, text: safe(m.given.join(' + ')) });
  out.push({ prefix: `       ${s.green('right:')} `, text: safe(m.answer.join(' + ')) });
  if (m.source) out.push(s.dim(`       ${sourceRef({ source: m.source })}`));
  return out;
}

/** One finished exam in `exam --history`. */
export interface HistoryRow {
  number: number;
  startedAt: string;
  exam: string;
  domain: string | null;
  percent: number;
  scaledEstimate: number;
  passed: boolean;
  total: number;
  answered: number | null;
  elapsedMs: number;
}

/** `exam --history`: one line per finished exam, oldest first, numbered for `exam --show N`. */
export function examHistoryText(style: ChalkInstance, rows: readonly HistoryRow[]): string {
  if (rows.length === 0) return 'No finished mock exams yet: `awsquiz exam` starts one.';
  const lines = [style.bold('Mock exams') + style.dim(' (scaled scores and pass/fail are estimates)'), style.dim(`    #  started           exam              score  scaled     answered     time`)];
  for (const r of rows) {
    const day = r.startedAt.slice(0, 16).replace('T', ' ');
    const scope = shorten(r.domain ? `${r.exam} ${r.domain}` : r.exam, 16);
    const verdict = r.passed ? style.green('pass') : style.red('fail');
    const answered = `${r.answered === null ? '' : `${r.answered}/`}${r.total}`;
    lines.push(`  ${String(r.number).padStart(3)}  ${day}  ${scope.padEnd(16)} ${r.percent.toFixed(1).padStart(5)}%  ${String(r.scaledEstimate).padStart(4)} ${verdict}  ${answered.padStart(7)}  ${clock(r.elapsedMs).padStart(7)}`);
  }
  lines.push(style.dim('  `awsquiz exam --show N` prints exam N’s report again.'));
  return lines.join('\n');
}
