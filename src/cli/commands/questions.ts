import type { Command } from 'commander';
import { loadCatalogue } from '../../app/catalogue.js';
import { ensureOutdatedChecked } from '../../app/outdated.js';
import type { OutdatedFinding } from '../../core/types.js';
import { countOutdated, findQuestion, listQuestions, type QuestionRow } from '../../db/questions.js';
import { QuizRepository } from '../../db/quiz.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { safe, safeLine } from '../render.js';
import { outdatedLine } from '../views.js';
import { jsonText } from '../terminal-text.js';

interface Options {
  topic?: string;
  sample?: number;
  flagged?: boolean;
  json?: boolean;
  includeOutdated?: boolean;
}

/** `awsquiz questions [--topic T] [--sample N] [--flagged] [--json]` and `awsquiz questions show ID`. */
export async function run(action: string | undefined, id: string | undefined, opts: Options, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  const db = ctx.open();
  try {
    // Which questions are outdated depends on the facts file of this version, not the one of their ingest.
    ensureOutdatedChecked(db, loadCatalogue());
    if (action === 'show') {
      if (!id) throw new ExitError('`questions show` needs a question id', 'copy one from `awsquiz questions`', 2);
      const found = findQuestion(db, id);
      if (found.length === 0) throw new ExitError(`no question with id ${id}`, 'list ids with `awsquiz questions`');
      if (found.length > 1) throw new ExitError(`${id} matches more than one question`, 'give more of the id');
      if (opts.json) ctx.out(jsonText(toJson(found[0]!)));
      else printOne(ctx, found[0]!);
      return;
    }
    if (action === 'unflag') {
      if (!id) throw new ExitError('`questions unflag` needs a question id', 'copy one from `awsquiz questions --flagged`', 2);
      const found = findQuestion(db, id);
      if (found.length === 0) throw new ExitError(`no question with id ${id}`, 'list flagged ones with `awsquiz questions --flagged`');
      if (found.length > 1) throw new ExitError(`${id} matches more than one question`, 'give more of the id');
      const q = found[0]!;
      if (!new QuizRepository(db).unflag(q.id)) {
        ctx.out(`${q.id} is not flagged: nothing to do.`);
        return;
      }
      ctx.out(`Unflagged ${q.id}: it is asked again in study sessions and exams.`);
      return;
    }
    if (action !== undefined) throw new ExitError(`unknown action: ${action}`, 'use `awsquiz questions`, `questions show ID` or `questions unflag ID`', 2);
    let rows = listQuestions(db, { topic: opts.topic, flagged: opts.flagged, includeOutdated: opts.includeOutdated });
    if (opts.sample !== undefined) rows = sample(rows, opts.sample);
    if (opts.json) {
      ctx.out(jsonText(rows.map(toJson)));
      return;
    }
    if (rows.length === 0) {
      ctx.out(opts.flagged ? 'No flagged questions.' : 'No questions yet: run `awsquiz ingest PATH` on your notes.');
      return;
    }
    for (const r of rows) printOne(ctx, r);
    const held = opts.includeOutdated ? 0 : countOutdated(db);
    ctx.out(ctx.style.dim(`${rows.length} question${rows.length === 1 ? '' : 's'}${held ? ` · ${held} outdated left out (--include-outdated lists them; \`awsquiz notes check\` says why)` : ''}`));
  } finally {
    db.close();
  }
}

function sample<T>(rows: T[], n: number): T[] {
  const copy = [...rows];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function toJson(r: QuestionRow) {
  return {
    id: r.id,
    kind: r.kind,
    factKind: r.fact_kind,
    topic: r.topic,
    prompt: r.prompt,
    answers: JSON.parse(r.answers) as string[],
    distractors: JSON.parse(r.distractors) as string[],
    accepted: JSON.parse(r.accepted) as string[],
    services: r.services ? r.services.split(',') : [],
    source: { path: r.path, line: r.line, text: r.source_text },
    retired: r.retired_at !== null,
    flagged: r.flagged_at !== null,
    score: r.score,
    features: JSON.parse(r.features) as Record<string, number>,
    outdated: r.outdated ? (JSON.parse(r.outdated) as OutdatedFinding) : null,
  };
}

function printOne(ctx: CliContext, r: QuestionRow): void {
  const s = ctx.style;
  const answers = JSON.parse(r.answers) as string[];
  const distractors = JSON.parse(r.distractors) as string[];
  ctx.out(`${s.dim(r.id)} ${s.cyan(`[${r.kind}]`)} ${s.dim(`score ${r.score.toFixed(2)}`)} ${s.dim(safe(r.topic))}`);
  ctx.out(`  ${s.bold(safe(r.prompt))}`);
  for (const a of answers) ctx.out(`  ${s.green('✔')} ${safe(a).replace(/\n/g, '\n    ')}`);
  for (const d of distractors) ctx.out(`  ${s.red('✘')} ${safe(d)}`);
  ctx.out(`  ${s.dim(`${safeLine(r.path)}:${r.line}  ${safe(r.source_text)}`)}`);
  if (r.outdated) ctx.out(`  ${s.yellow(outdatedLine(JSON.parse(r.outdated) as OutdatedFinding))}`);
  if (r.flagged_at) ctx.out(`  ${s.yellow(`flagged ${r.flagged_at}${r.flag_reason ? `: ${safe(r.flag_reason)}` : ''}`)}`);
  ctx.out();
}
