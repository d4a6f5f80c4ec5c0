import type { Command } from 'commander';
import { loadBlueprint, examCodes } from '../../app/blueprints.js';
import { loadCatalogue } from '../../app/catalogue.js';
import { defaultExamCode, statsQuestions, statsSummary } from '../../app/question-index.js';
import { QuizRepository } from '../../db/quiz.js';
import { finishedExams, statsAnswers } from '../../db/stats.js';
import { isPartial } from '../../stats/filter.js';
import { resolveDomain } from '../../exam/blueprint.js';
import { buildReport, reportFromSummary, type StatsReport } from '../../stats/report.js';
import { defaultHorizon } from '../../stats/recall.js';
import { makeScheduler } from '../../study/schedule.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { type Line, wrapLine } from '../layout.js';
import { safe } from '../render.js';
import { jsonText } from '../terminal-text.js';

export interface StatsCommandOptions {
  exam?: string;
  domain?: string;
  topic?: string;
  since?: string;
  examDate?: string;
  json?: boolean;
}

/** `awsquiz stats`: where the user stands, what is weak, how ready they are. */
export async function run(opts: StatsCommandOptions, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  const since = opts.since === undefined ? undefined : parseSince(opts.since);
  const examDate = opts.examDate === undefined ? undefined : parseExamDate(opts.examDate);
  const db = ctx.open();
  try {
    const code = opts.exam ?? defaultExamCode(db);
    const bp = loadBlueprint(code);
    if (!bp) throw new ExitError(`unknown exam "${code}"`, `known exams: ${examCodes().join(', ')}`, 2);
    let domain: string | undefined;
    if (opts.domain) {
      const d = resolveDomain(opts.domain, bp);
      if ('error' in d) throw new ExitError(d.error, '', 2);
      domain = d.slug;
    }
    const catalogue = loadCatalogue();
    const now = new Date();
    // The stats core counts minutes east of UTC; JavaScript's offset is minutes west.
    const offset = -now.getTimezoneOffset();
    const filter = { domain, topic: opts.topic, since };
    const scheduler = makeScheduler();
    // Recall is predicted for the exam date when it is given, else a week from now.
    if (examDate !== undefined && examDate.getTime() < now.getTime() - 86_400_000) {
      throw new ExitError(`the exam date ${opts.examDate} has passed`, 'give the day of your next exam, or leave --exam-date out', 2);
    }
    const horizon = examDate !== undefined && examDate.getTime() > now.getTime() ? examDate : defaultHorizon(now);
    const exams = () => finishedExams(db).filter((e) => e.exam === bp.code);
    // The whole exam comes from the tallies the database keeps per domain and topic; a narrowed view
    // (or an offset no time zone has) from the questions and each answer.
    const summary = isPartial(filter) || since !== undefined ? null : statsSummary(db, bp, catalogue, { now, offsetMinutes: offset, scheduler, horizon });
    const report =
      summary !== null
        ? reportFromSummary(summary, { exams: exams(), bp, now, timeZoneOffsetMinutes: offset, horizon })
        : buildReport(
            {
              questions: statsQuestions(db, bp, catalogue),
              answers: statsAnswers(db),
              cards: new QuizRepository(db).cards(),
              scheduler,
              exams: exams(),
              bp,
              now,
              horizon,
              timeZoneOffsetMinutes: offset,
            },
            { filter },
          );
    if (opts.json) ctx.out(jsonText(report));
    else ctx.out(render(ctx, report));
  } finally {
    db.close();
  }
}

/** The exam date, a day such as 2026-12-20 (its morning, local time). */
function parseExamDate(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 9) : new Date(NaN);
  if (Number.isNaN(d.getTime()) || d.getDate() !== Number(m![3])) throw new ExitError(`not a date: ${value}`, 'give the exam day as 2026-12-20', 2);
  return d;
}

/** "2026-03-01", "7d", "4w": the start of the period to look at. */
function parseSince(value: string): Date {
  const rel = /^(\d+)\s*([dw])$/i.exec(value.trim());
  if (rel) return new Date(Date.now() - Number(rel[1]) * (rel[2]!.toLowerCase() === 'w' ? 7 : 1) * 86_400_000);
  // A calendar date, checked field by field: Date would take "2026-02-30" for March 2nd without a word.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() + 1 !== Number(m[2]) || d.getUTCDate() !== Number(m[3])) {
    throw new ExitError(`not a date: ${value}`, 'use a date such as 2026-03-01, or 7d / 4w', 2);
  }
  return d;
}

const WIDTH = 24;
const COLUMNS = 80;

function bar(fraction: number | null, width = WIDTH): string {
  if (fraction === null) return ' '.repeat(width);
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function pct(f: number | null): string {
  return f === null ? '  —' : `${Math.round(f * 100)}%`.padStart(4);
}

/** A suggestion "what to do: awsquiz …" as its text and its command, so the command gets a line of its own. */
function splitCommand(text: string): [string, string | null] {
  const at = text.lastIndexOf(': awsquiz ');
  return at < 0 ? [text, null] : [text.slice(0, at + 1), text.slice(at + 2)];
}

/** The report in 80 columns: every line is wrapped at words (a command keeps a line of its own). */
function render(ctx: CliContext, r: StatsReport): string {
  const s = ctx.style;
  const o = r.overview;
  const out: Line[] = [s.bold(`awsquiz stats — ${r.exam.code} ${r.exam.name}`)];
  const filters = [r.filter.domain && `domain ${r.filter.domain}`, r.filter.topic && `topic “${safe(r.filter.topic)}”`, r.filter.since && `since ${r.filter.since.slice(0, 10)}`].filter(Boolean);
  if (filters.length) out.push(s.dim(`  narrowed to ${filters.join(', ')}`));

  out.push('', s.bold('Overview'));
  out.push(`  Questions ${o.questions} · seen ${o.seen} · mastered ${o.mastered}`);
  out.push(`  Answers ${o.answers} · accuracy ${pct(o.accuracy).trim()} · streak ${o.streakDays} day${o.streakDays === 1 ? '' : 's'}${o.studiedToday ? '' : s.dim(' (not yet today)')}`);
  out.push(`  Reviews due today ${o.dueToday} · next 7 days ${o.dueNext7Days}`);

  // 80 columns: name 38, bar 8, accuracy, answers, coverage, recall.
  out.push('', s.bold('By domain') + s.dim(`${' '.repeat(31)}accuracy   answers coverage recall`));
  for (const d of r.domains) {
    const colour = d.accuracy === null ? s.dim : d.accuracy >= 0.72 ? s.green : d.accuracy >= 0.5 ? s.yellow : s.red;
    const weight = ` (${d.weight}%)`;
    const name = d.name.length + weight.length > 38 ? `${d.name.slice(0, 37 - weight.length)}…${weight}` : `${d.name}${weight}`;
    out.push(`  ${name.padEnd(38)} ${colour(bar(d.accuracy, 8))} ${pct(d.accuracy)} ${String(d.answers).padStart(6)} ${pct(d.coverage).padStart(8)} ${pct(d.recall).padStart(6)}`);
  }
  const horizon = r.recallHorizon.slice(0, 10);
  out.push({ prefix: '  ', text: s.dim(`recall: what FSRS predicts you will recall on ${horizon} (--exam-date sets the day) of the questions you have answered, one just missed counting as forgotten`) });
  if (r.unmapped.questions > 0) out.push(s.dim(`  ${r.unmapped.questions} questions map to no domain (awsquiz exam --list-domains)`));

  out.push('', s.bold('Weakest topics') + s.dim('  lowest accuracy first'));
  const weak = r.weakTopics.filter((t) => t.weak).slice(0, 5);
  if (weak.length === 0) out.push(s.dim('  None yet: a topic needs 3 answers, and one that is weak, to show here.'));
  for (const t of weak) {
    out.push({ prefix: `  ${s.red(pct(t.accuracy))} ${String(t.correct).padStart(3)}/${String(t.answers).padEnd(3)} `, text: safe(t.topic) });
    out.push(s.dim(`       ${safe(t.command)}`));
  }

  out.push('', s.bold('Last 4 weeks') + s.dim('  answers per day, oldest first'));
  const max = Math.max(1, ...r.trend.days.map((d) => d.answers));
  const spark = r.trend.days.map((d) => (d.answers === 0 ? '·' : '▁▂▃▄▅▆▇█'[Math.min(7, Math.floor((d.answers / max) * 7.999))]!)).join('');
  out.push(`  ${spark}  max ${max}/day`);
  // A no-break space holds each week's figures together when the line wraps.
  const weeks = r.trend.weeks.slice(-6).map((w) => `${w.key.slice(5)}\u00a0${pct(w.accuracy).trim()}/${w.answers}`);
  out.push({ prefix: '  ', text: s.dim(`weekly accuracy/answers: ${weeks.join('  ')}`) });
  out.push('', s.bold('Study calendar') + s.dim('  (26 weeks, Mon–Sun rows)'));
  const shades = ' ░▒▓█';
  const hm = r.trend.heatmap;
  for (let day = 0; day < 7; day++) {
    const row = hm.grid.map((week) => {
      const n = week[day];
      if (n === null || n === undefined) return ' ';
      return n === 0 ? '·' : shades[Math.min(4, 1 + Math.floor((n / Math.max(1, hm.max)) * 3.999))]!;
    });
    out.push(`  ${'MTWTFSS'[day]} ${row.join('')}`);
  }

  if (r.mockExams.length) {
    out.push('', s.bold('Mock exams') + s.dim('  (awsquiz exam --history lists them all)'));
    for (const e of r.mockExams.slice(-5)) {
      out.push(`  ${e.startedAt.slice(0, 10)}  ${e.percent.toFixed(1).padStart(5)}%  ${e.scaledEstimate} ${e.passed ? s.green('pass') : s.red('fail')} ${s.dim('(estimate)')}  ${e.total} questions${e.domain ? ` · ${e.domain}` : ''}`);
    }
  }

  out.push('', s.bold('Readiness') + s.dim(' (an estimate, not an AWS score)'));
  const ready = r.readiness;
  if (!ready.available) out.push({ prefix: '  ', text: s.dim(ready.reason) });
  else {
    out.push(`  Expected ${Math.round(ready.expected * 100)}% (90% range ${Math.round(ready.low * 100)}–${Math.round(ready.high * 100)}%) ≈ ${ready.scaled} scaled (${ready.scaledLow}–${ready.scaledHigh}), pass ${ready.passingScore}`);
    out.push(`  Chance of passing: ${s.bold(`${Math.round(ready.passProbability * 100)}%`)}`);
    out.push({ prefix: '  ', text: s.dim(ready.note) });
  }

  if (r.suggestions.length) {
    out.push('', s.bold('Next'));
    for (const x of r.suggestions) {
      const [text, command] = splitCommand(safe(x));
      out.push({ prefix: '  • ', text });
      if (command) out.push(`      ${command}`);
    }
  }
  return out.flatMap((l) => wrapLine(l, COLUMNS)).join('\n');
}
