import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { DatabaseError } from '../../db/errors.js';
import { createInterface } from 'node:readline/promises';
import { backupDatabase, checkDatabase, resetProgress, restoreDatabase } from '../../db/maintenance.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { safe, safeLine } from '../render.js';

/** `awsquiz db path`. */
export async function path(cmd: Command): Promise<void> {
  contextFrom(cmd).out(contextFrom(cmd).dbPath);
}

/** `awsquiz db check`: "ok" and exit 0, or one line per problem on stdout and exit 1. */
export async function check(cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  requireDatabase(ctx);
  const db = ctx.open({ damaged: true });
  let problems;
  try {
    problems = checkDatabase(db);
  } finally {
    db.close();
  }
  if (problems.length === 0) {
    ctx.out('ok');
    return;
  }
  for (const p of problems) ctx.out(safe(p.message));
  throw new ExitError(
    `the database check found ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    'keep a copy of the file, then restore a backup with `awsquiz db restore BACKUP` or re-ingest your notes into a new --db',
  );
}

/** `awsquiz db backup PATH`: an online backup to a new file (mode 0600); an existing file is never overwritten. */
export async function backup(target: string, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  requireDatabase(ctx);
  const db = ctx.open();
  try {
    const r = await backupDatabase(db, target);
    ctx.out(`Backed up ${safeLine(ctx.dbPath)} to ${safeLine(r.path)} (${r.pages} pages, ${(r.bytes / 1024).toFixed(0)} KB).`);
  } catch (e) {
    if (e instanceof DatabaseError) throw new ExitError(safe(e.message), e.hint);
    throw e;
  } finally {
    db.close();
  }
}

/**
 * `awsquiz db reset --progress`: after a confirmation and a backup, forgets every answer, schedule and
 * session, keeping the questions and notes.
 */
export async function reset(opts: { progress?: boolean; yes?: boolean }, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  if (!opts.progress) throw new ExitError('say what to reset', '`awsquiz db reset --progress` forgets answers and schedules and keeps the questions', 2);
  requireDatabase(ctx);
  const db = ctx.open();
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const answers = count('SELECT count(*) FROM answers');
    const cards = count('SELECT count(*) FROM cards');
    const questions = count('SELECT count(*) FROM questions WHERE retired_at IS NULL');
    const what = `${answers} answer${answers === 1 ? '' : 's'} and ${cards} schedule${cards === 1 ? '' : 's'}`;
    if (!opts.yes) {
      if (!process.stdin.isTTY) throw new ExitError(`resetting would forget ${what}`, 'confirm with `awsquiz db reset --progress --yes`');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      const reply = await rl.question(`Forget ${what} (your ${questions} questions and notes stay)? A backup is made first. Type yes to go on: `);
      rl.close();
      if (reply.trim().toLowerCase() !== 'yes') {
        ctx.out('Nothing was changed.');
        return;
      }
    }
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    let backup;
    try {
      backup = await backupDatabase(db, `${ctx.dbPath}.before-reset-${stamp}.bak`);
    } catch (e) {
      if (e instanceof DatabaseError) throw new ExitError(`no backup could be made, so nothing was reset: ${safe(e.message)}`, e.hint);
      throw e;
    }
    const done = resetProgress(db);
    ctx.out(`Backed up to ${safeLine(backup.path)}.`);
    ctx.out(
      `Forgot ${done.answers} answer${done.answers === 1 ? '' : 's'}, ${done.cards} schedule${done.cards === 1 ? '' : 's'} and ${done.sessions} session${done.sessions === 1 ? '' : 's'}; your ${questions} questions, notes and flags are kept.`,
    );
  } finally {
    db.close();
  }
}

/** `awsquiz db restore BACKUP`: the backup verified, the current database and its -wal/-shm moved aside, the copy put in place. */
export async function restore(backup: string, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  try {
    const r = await restoreDatabase(backup, ctx.dbPath, new Date());
    ctx.out(`Restored ${safeLine(backup)} to ${safeLine(ctx.dbPath)}.`);
    if (r.movedAside) ctx.out(`The database it replaced is now ${safeLine(r.movedAside)}${r.sidecars.length ? ` (with its ${r.sidecars.map((s) => s.slice(-3)).join(' and ')})` : ''}.`);
    else if (r.sidecars.length) ctx.out(`Leftover ${r.sidecars.map((s) => s.slice(-3)).join(' and ')} moved aside to ${safeLine(r.sidecars[0]!.slice(0, -4))}-*.`);
  } catch (e) {
    if (e instanceof DatabaseError) throw new ExitError(e.message, e.hint);
    throw e;
  }
}

/** Checking or backing up a database that does not exist must not create one. */
function requireDatabase(ctx: CliContext): void {
  if (!existsSync(ctx.dbPath)) throw new ExitError(`no database at ${safeLine(ctx.dbPath)}`, 'run `awsquiz ingest` first, or point --db at your database');
}
