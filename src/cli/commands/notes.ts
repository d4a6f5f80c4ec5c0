import type { Command } from 'commander';
import { dirname, resolve, sep } from 'node:path';
import { NotesRepository, type SourceSummary } from '../../db/notes.js';
import { jsonText } from '../terminal-text.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { safe } from '../render.js';
import { displayPath } from '../views.js';

/** One folder of ingested notes, as `awsquiz notes` lists them. */
interface NoteSet {
  folder: string;
  notes: number;
  questions: number;
  flagged: number;
  answers: number;
  lastIngest: string;
  removed: number;
}

/** Notes grouped by the folder they are in, folders in path order. */
export function noteSets(sources: readonly SourceSummary[]): NoteSet[] {
  const sets = new Map<string, NoteSet>();
  for (const s of sources) {
    const folder = dirname(s.path);
    let set = sets.get(folder);
    if (!set) sets.set(folder, (set = { folder, notes: 0, questions: 0, flagged: 0, answers: 0, lastIngest: '', removed: 0 }));
    if (s.removedAt !== null) {
      set.removed++;
      continue;
    }
    set.notes++;
    set.questions += s.questions;
    set.flagged += s.flagged;
    set.answers += s.answers;
    if (s.ingestedAt > set.lastIngest) set.lastIngest = s.ingestedAt;
  }
  return [...sets.values()];
}

/** "2026-03-01 14:05", local time. */
function local(iso: string): string {
  if (iso === '') return '—'.padEnd(16);
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `awsquiz notes [--files] [--json]`: the ingested notes, by folder or one by one. */
export async function list(opts: { files?: boolean; json?: boolean }, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  const db = ctx.open();
  try {
    const sources = new NotesRepository(db).summaries();
    if (opts.json) {
      ctx.out(jsonText(opts.files ? sources : noteSets(sources)));
      return;
    }
    if (sources.length === 0) {
      ctx.out('No notes ingested yet: `awsquiz ingest PATH` adds yours (or `awsquiz study` starts with the bundled ones).');
      return;
    }
    const s = ctx.style;
    if (opts.files) {
      ctx.out(s.dim(`${'questions'.padStart(11)}  last ingest       note`));
      for (const n of sources) {
        const state = n.removedAt !== null ? s.yellow(' (removed)') : n.flagged > 0 ? s.dim(` (${n.flagged} flagged)`) : '';
        ctx.outLines([{ prefix: `  ${String(n.questions).padStart(9)}  ${local(n.ingestedAt)}  `, text: `${safe(displayPath(n.path))}${state}` }]);
      }
      return;
    }
    ctx.out(s.dim(`${'notes'.padStart(7)}  questions  last ingest       folder`));
    for (const set of noteSets(sources)) {
      const removed = set.removed > 0 ? s.yellow(` (${set.removed} removed)`) : '';
      ctx.outLines([{ prefix: `  ${String(set.notes).padStart(5)}  ${String(set.questions).padStart(9)}  ${local(set.lastIngest)}  `, text: `${safe(displayPath(set.folder))}${sep}${removed}` }]);
    }
    ctx.outLines([{ prefix: '', text: s.dim('`awsquiz notes --files` lists each note · `awsquiz notes remove PATH` takes a note or folder out · `--notes PATH` on study and exam draws from it alone') }]);
  } finally {
    db.close();
  }
}

/** `awsquiz notes remove PATH`: retires the questions of a note, or of every note under a folder; history stays. */
export async function remove(path: string, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  const db = ctx.open();
  try {
    const repo = new NotesRepository(db);
    const target = resolve(path);
    const found = repo.sourcesUnder(target).filter((s) => s.removed_at === null);
    if (found.length === 0) throw new ExitError(`no ingested notes at ${safe(path)}`, '`awsquiz notes --files` lists them');
    const answers = new NotesRepository(db)
      .summaries()
      .filter((s) => found.some((f) => f.path === s.path))
      .reduce((n, s) => n + s.answers, 0);
    const retired = repo.remove(
      found.map((s) => s.id),
      new Date().toISOString(),
    );
    report(ctx, found.length, retired, answers, path);
  } finally {
    db.close();
  }
}

function report(ctx: CliContext, notes: number, retired: number, answers: number, path: string): void {
  ctx.outLines([
    `Removed ${notes} note${notes === 1 ? '' : 's'}: ${retired} question${retired === 1 ? '' : 's'} will not be asked again.`,
    {
      prefix: '',
      text: ctx.style.dim(
        `Your ${answers} answer${answers === 1 ? '' : 's'} to them stay in your history and statistics, and their schedules are kept: \`awsquiz ingest ${safe(path)}\` brings them back.`,
      ),
    },
  ]);
}
