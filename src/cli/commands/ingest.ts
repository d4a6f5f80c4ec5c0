import type { Command } from 'commander';
import { relative } from 'node:path';
import { loadCatalogue } from '../../app/catalogue.js';
import { ingest, type FileReport, type IngestReport } from '../../app/ingest.js';
import { bundledNotes } from '../../app/paths.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { safe, safeLine } from '../render.js';
import { jsonText } from '../terminal-text.js';

/** `awsquiz ingest [paths…]`. */
export async function run(paths: string[], opts: { json?: boolean; threads?: number }, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  // An empty argument would resolve to the current folder.
  if (paths.some((p) => p.trim() === '')) throw new ExitError('a path given to ingest is empty', 'name the note files or folders to ingest', 2);
  const db = ctx.open();
  try {
    const report = await runIngest(ctx, db, paths, opts.threads);
    if (opts.json) ctx.out(jsonText(report));
    else printReport(ctx, report);
    if (report.totals.files > 0 && report.totals.failed === report.totals.files) {
      throw new ExitError('no note could be ingested', 'check the paths and the warnings above');
    }
  } finally {
    db.close();
  }
}

/** Runs an ingest with progress on stderr when it takes a while; shared with study and exam. */
export async function runIngest(ctx: CliContext, db: ReturnType<CliContext['open']>, paths: string[], threads?: number): Promise<IngestReport> {
  const started = Date.now();
  const showProgress = Boolean(process.stderr.isTTY);
  let shown = false;
  const report = await ingest({
    db,
    catalogue: loadCatalogue(),
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
  for (const f of report.files) ctx.out(fileLine(ctx, f));
  const t = report.totals;
  ctx.out(
    s.bold(
      `${t.files} file${t.files === 1 ? '' : 's'}: ${t.ingested} ingested, ${t.unchanged} unchanged, ${t.failed} failed · ` +
        `${t.questions} questions (${t.added} new, ${t.retired} retired) · ${t.skipped} skipped · ${t.warnings} warning${t.warnings === 1 ? '' : 's'}`,
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

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
}
