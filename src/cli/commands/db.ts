import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { DatabaseError } from '../../db/errors.js';
import { backupDatabase, checkDatabase, restoreDatabase } from '../../db/maintenance.js';
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
