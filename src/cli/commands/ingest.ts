import type { Command } from 'commander';
import { basename, extname, relative } from 'node:path';
import { shellWord } from '../../stats/command.js';
import { loadCatalogue } from '../../app/catalogue.js';
import { ingest, type FileReport, type IngestReport } from '../../app/ingest.js';
import { bundledNotes } from '../../app/paths.js';
import { generatorStamp, quality } from '../../app/quality.js';
import { getSetting, setSetting } from '../../db/settings.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { safe, safeLine } from '../render.js';
import { findingText } from '../../facts/note.js';
import { jsonText } from '../terminal-text.js';

/** `awsquiz ingest [paths…]`. */
export async function run(paths: string[], opts: { json?: boolean; threads?: number; minScore?: number | 'default' }, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  // An empty argument would resolve to the current folder.
  if (paths.some((p) => p.trim() === '')) throw new ExitError('a path given to ingest is empty', 'name the note files or folders to ingest', 2);
  const db = ctx.open();
  try {
    // Kept for every later ingest (and study's refresh): a different minimum re-analyses every note once.
    if (opts.minScore !== undefined) setSetting(db, MIN_SCORE, opts.minScore === 'default' ? undefined : String(opts.minScore));
    const report = await runIngest(ctx, db, paths, opts.threads);
    if (report.totals.files === 0) {
      const where = paths.map((p) => safeLine(displayPath(p))).join(', ');
      if (report.ignoredFiles.length === 0) throw new ExitError(`no notes found in ${where}`, 'give Markdown files (*.md, *.markdown) or folders that hold them');
      const exts = [...new Set(report.ignoredFiles.map((f) => extname(f) || '(no extension)'))].slice(0, 3).join(', ');
      throw new ExitError(
        `no Markdown notes in ${where}: ${ignoredList(report.ignoredFiles)} not read (${exts})`,
        `name such files to ingest them anyway (\`awsquiz ingest ${pathArg(paths[0]!.replace(/\/+$/, ''))}/*${extname(report.ignoredFiles[0]!)}\`), or rename them to .md`,
      );
    }
    if (opts.json) ctx.out(jsonText(report));
    else printReport(ctx, report);
    const t = report.totals;
    if (t.files > 0 && t.empty === t.files) throw new ExitError(`nothing to ask: ${t.files === 1 ? 'the note is' : 'every note given is'} empty`, 'write in it first, or give the folder that holds your notes');
    if (t.files > 0 && t.failed + t.empty === t.files) throw new ExitError('no note could be ingested', 'check the paths and the warnings above');
  } finally {
    db.close();
  }
}

const MIN_SCORE = 'min-score';

/** The quality settings an ingest of this database uses: the shipped model, and the minimum score the user chose. */
function storedQuality(db: ReturnType<CliContext['open']>): ReturnType<typeof quality> {
  const stored = getSetting(db, MIN_SCORE);
  return quality(stored === undefined ? undefined : Number(stored));
}

/** The stamp a note ingested now would carry in this database (generator, model and minimum score). */
export function currentStamp(db: ReturnType<CliContext['open']>): string {
  return generatorStamp(storedQuality(db));
}

/** Runs an ingest with progress on stderr when it takes a while; shared with study and exam. */
export async function runIngest(ctx: CliContext, db: ReturnType<CliContext['open']>, paths: string[], threads?: number): Promise<IngestReport> {
  const started = Date.now();
  const showProgress = Boolean(process.stderr.isTTY);
  let shown = false;
  const report = await ingest({
    db,
    catalogue: loadCatalogue(),
    quality: storedQuality(db),
    paths: paths.length > 0 ? paths : [bundledNotes],
    includeKnown: paths.length === 0,
    now: new Date(),
    threads,
    onProgress: (done, total) => {
      if (!showProgress || Date.now() - started < 500) return;
      shown = true;
      process.stderr.write(`\r\x1b[2Kingesting ${done}/${total} files…`);
    },
  });
  if (shown) process.stderr.write('\r\x1b[2K');
  return report;
}

function printReport(ctx: CliContext, report: IngestReport): void {
  const s = ctx.style;
  for (const f of report.files) {
    ctx.out(fileLine(ctx, f));
    for (const o of f.outdated) ctx.out(s.yellow(`  outdated: ${safe(findingText(displayPath(f.path), o))}`));
  }
  const t = report.totals;
  if (report.ignoredFiles.length > 0) {
    ctx.out(s.dim(`${ignoredList(report.ignoredFiles)} not read: not *.md or *.markdown (name a file to ingest it anyway)`));
  }
  ctx.out(
    s.bold(
      `${t.files} file${t.files === 1 ? '' : 's'}: ${t.ingested} ingested, ${t.unchanged} unchanged, ${t.failed} failed${t.empty ? `, ${t.empty} empty` : ''} · ` +
        `${t.questions} questions (${t.added} new, ${t.retired} retired) · ${t.skipped} skipped · ${t.warnings} warning${t.warnings === 1 ? '' : 's'}${t.outdated ? ` · ${t.outdated} outdated (awsquiz notes check)` : ''}`,
    ),
  );
}

function fileLine(ctx: CliContext, f: FileReport): string {
  const s = ctx.style;
  const name = safeLine(displayPath(f.path));
  switch (f.status) {
    case 'unchanged':
      return `${s.dim('unchanged')}  ${name}`;
    case 'failed':
      return `${s.red('failed   ')}  ${name}: ${safe(f.warnings.join('; '))}`;
    case 'empty':
      return `${s.dim('empty    ')}  ${name}: nothing to ask yet`;
    case 'removed':
      return `${s.yellow('removed  ')}  ${name}: ${f.retired} questions retired`;
    case 'missing':
      return `${s.yellow('missing  ')}  ${name}: ${safe(f.warnings.join('; '))}`;
    case 'ingested': {
      const top = Object.entries(f.skippedBy)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      const warn = f.warnings.length ? s.yellow(` · ${f.warnings.length} warning${f.warnings.length === 1 ? '' : 's'}: ${safe(f.warnings.join('; '))}`) : '';
      return `${s.green('ingested ')}  ${name}: ${f.facts} facts → ${f.questions} questions (${f.added} new, ${f.retired} retired), ${f.skipped} skipped${top ? ` (${top})` : ''}${warn}`;
    }
  }
}

/** A path as one shell word: as it is when it is plain, else quoted. */
function pathArg(p: string): string {
  return /^[\w./~-]+$/.test(p) ? p : shellWord(p);
}

/** "3 files (a.txt, b.txt, c.rst)", naming at most three. */
function ignoredList(files: readonly string[]): string {
  const names = files.slice(0, 3).map((f) => safeLine(basename(f)));
  return `${files.length} file${files.length === 1 ? '' : 's'} (${names.join(', ')}${files.length > 3 ? ', …' : ''})`;
}

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
}
