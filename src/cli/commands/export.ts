import type { Command } from 'commander';
import { loadCatalogue } from '../../app/catalogue.js';
import { ExportError, exportQuestions, type ExportFormat } from '../../app/export.js';
import { contextFrom } from '../context.js';
import { ExitError } from '../errors.js';
import { safe } from '../render.js';

interface Options {
  notes?: string;
  topic?: string;
  withSchedule?: boolean;
  includeOutdated?: boolean;
  force?: boolean;
}

const FORMATS: Record<string, ExportFormat> = { anki: 'anki', apkg: 'anki', csv: 'csv', json: 'json' };

/** `awsquiz export anki|csv|json PATH [--notes PATH] [--topic T] [--with-schedule] [--include-outdated] [--force]`. */
export async function run(format: string, path: string, opts: Options, cmd: Command): Promise<void> {
  const chosen = FORMATS[format.toLowerCase()];
  if (!chosen) throw new ExitError(`unknown export format: ${format}`, 'use anki, csv or json', 2);
  const ctx = contextFrom(cmd);
  const db = ctx.open();
  try {
    const summary = (() => {
      try {
        return exportQuestions({ db, catalogue: loadCatalogue(), format: chosen, path, now: new Date(), ...opts });
      } catch (e) {
        if (e instanceof ExportError) throw new ExitError(e.message, e.hint);
        throw e;
      }
    })();
    const kinds = Object.entries(summary.byKind)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const what = chosen === 'anki' ? 'Anki package' : chosen === 'csv' ? 'Anki text file' : 'JSON';
    ctx.out(`Exported ${summary.questions} question${summary.questions === 1 ? '' : 's'}${kinds ? ` (${kinds})` : ''} to ${safe(summary.path)} (${what}).`);
    const left = [summary.leftOut.flagged ? `${summary.leftOut.flagged} flagged` : '', summary.leftOut.outdated ? `${summary.leftOut.outdated} outdated (--include-outdated keeps them)` : '']
      .filter(Boolean)
      .join(', ');
    if (left) ctx.out(ctx.style.dim(`Left out: ${left}.`));
    if (summary.questions === 0) ctx.err(ctx.style.yellow('Nothing matched: the file holds no questions. Check --notes and --topic, or run `awsquiz ingest` first.'));
  } finally {
    db.close();
  }
}
