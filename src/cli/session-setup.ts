import { spawnSync } from 'node:child_process';
import { loadCatalogue } from '../app/catalogue.js';
import { ensureOutdatedChecked } from '../app/outdated.js';
import { changedSources } from '../app/refresh.js';
import { resolveSelection, SelectionError, selectQuestions, type ResolvedSelection, type Selection, type SelectionOptions } from '../app/selection.js';
import type { Db } from '../db/open.js';
import { currentStamp, runIngest } from './commands/ingest.js';
import type { CliContext } from './context.js';
import { ExitError } from './errors.js';
import { plainPrompter, terminalPrompter, type Prompter } from './prompter.js';
import { safe } from './render.js';
import { shellWords } from './shell-words.js';

/**
 * The terminal prompter when both ends are a terminal, the line-by-line one otherwise (or with --plain, or
 * TERM=dumb, a terminal that cannot move its cursor).
 */
export function choosePrompter(plain: boolean | undefined, output: NodeJS.WriteStream = process.stdout, dim: (s: string) => string = (s) => s): Prompter {
  const tty = Boolean(process.stdin.isTTY && output.isTTY) && process.env.TERM !== 'dumb';
  return plain || !tty ? plainPrompter(process.stdin, output) : terminalPrompter(output, { dim });
}

/**
 * Makes sure there is something to quiz on: the bundled notes on a first run, and notes changed on disk
 * since their last ingest (a cheap stat check) unless `refresh` is false; stored questions judged against
 * the current facts file.
 */
export async function prepareNotes(ctx: CliContext, db: Db, refresh: boolean): Promise<void> {
  // A newer facts file may call numbers outdated that were current when the notes were ingested.
  ensureOutdatedChecked(db, loadCatalogue());
  const { n } = db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number };
  if (n === 0) {
    ctx.err('First run: turning the bundled notes into questions…');
    const report = await runIngest(ctx, db, []);
    ctx.err(`${report.totals.questions} questions ready from ${report.totals.ingested} notes.`);
    return;
  }
  if (!refresh) return;
  const changed = changedSources(db, currentStamp(db));
  if (changed.length > 0) {
    const report = await runIngest(ctx, db, changed);
    ctx.err(`Refreshed ${report.totals.ingested} note${report.totals.ingested === 1 ? '' : 's'} changed on disk or made by an older awsquiz (${report.totals.added} new, ${report.totals.retired} retired questions).`);
  }
}

/** Selects questions for a session, turning filter mistakes into one-line errors. */
export function selectOrExplain(db: Db, options: SelectionOptions): Selection {
  return explained(() => selectQuestions(db, loadCatalogue(), options));
}

/** Resolves a session's filters (see resolveSelection), turning filter mistakes into one-line errors. */
export function resolveOrExplain(db: Db, options: SelectionOptions): ResolvedSelection {
  return explained(() => resolveSelection(db, loadCatalogue(), options));
}

function explained<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SelectionError) throw new ExitError(e.message, '', 2);
    throw e;
  }
}

/** Opens a note at a line in $VISUAL/$EDITOR; says so when neither is set. */
export function openInEditor(ctx: CliContext, path: string, line: number): void {
  const editor = process.env.VISUAL || process.env.EDITOR;
  // Split as a shell splits words ("/opt/My Editor/bin/ed" -w, 'code' --wait), without running a shell.
  const words = editor ? shellWords(editor) : [];
  if (!editor || words === null || words.length === 0) {
    ctx.out(ctx.style.yellow(editor ? `Could not read $${process.env.VISUAL ? 'VISUAL' : 'EDITOR'} (${safe(editor)}): ${words === null ? 'a quote is left open' : 'it is blank'}.` : 'Set $EDITOR to open notes from here.'));
    return;
  }
  const [cmd, ...args] = words as [string, ...string[]];
  // VS Code takes file:line with -g; vi, vim, nano, emacs and most others take +line.
  const target = /(^|\/)(code|codium|code-insiders)$/.test(cmd) ? ['-g', `${path}:${line}`] : [`+${line}`, path];
  let error: Error | undefined;
  try {
    error = spawnSync(cmd, [...args, ...target], { stdio: 'inherit' }).error;
  } catch (e) {
    error = e as Error; // an argument Node refuses (a NUL byte in it) fails before anything starts
  }
  if (error) ctx.out(ctx.style.yellow(`Could not start ${safe(editor)}: ${safe(error.message)}`));
}
