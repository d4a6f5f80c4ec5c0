import Database from 'better-sqlite3';
import { chmodSync, closeSync, constants, existsSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DAMAGED_HINT, DatabaseError } from './errors.js';
import { openDatabase } from './open.js';
import type { Db } from './open.js';

/** One thing wrong with a database, as a line a user can read. */
export interface CheckProblem {
  kind: 'integrity' | 'foreign-key';
  message: string;
}

export interface CheckOptions {
  /** At most this many integrity problems are listed (SQLite stops looking after that many). */
  maxProblems?: number;
}

/**
 * Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check` and returns one problem per line they report;
 * an empty list means the database is healthy. A file too damaged to be checked is itself one problem.
 */
export function checkDatabase(db: Db, options: CheckOptions = {}): CheckProblem[] {
  const max = Math.max(1, Math.floor(options.maxProblems ?? 100));
  const problems: CheckProblem[] = [];
  try {
    const rows = db.pragma(`integrity_check(${max})`) as Array<{ integrity_check: string }>;
    for (const line of checkLines(rows.map((r) => r.integrity_check))) problems.push({ kind: 'integrity', message: line });
  } catch (e) {
    problems.push({ kind: 'integrity', message: `the integrity check could not run: ${oneLine((e as Error).message)}` });
    return problems;
  }
  try {
    const rows = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string; fkid: number }>;
    const columns = new Map<string, Map<number, string[]>>();
    const columnsOf = (table: string, fkid: number): string[] => {
      let byId = columns.get(table);
      if (!byId) {
        byId = new Map();
        for (const fk of db.pragma(`foreign_key_list(${quoteIdent(table)})`) as Array<{ id: number; from: string }>) {
          byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk.from]);
        }
        columns.set(table, byId);
      }
      return byId.get(fkid) ?? [];
    };
    for (const r of rows) {
      const row = r.rowid === null ? 'a row' : `row ${r.rowid}`;
      const cols = columnsOf(r.table, r.fkid);
      problems.push({
        kind: 'foreign-key',
        message: `${r.table} ${row}: ${cols.length ? cols.join(', ') : 'a reference'} points to a missing ${r.parent} row`,
      });
    }
  } catch (e) {
    problems.push({ kind: 'foreign-key', message: `the foreign-key check could not run: ${oneLine((e as Error).message)}` });
  }
  return problems;
}

export interface BackupResult {
  /** The absolute path written. */
  path: string;
  /** Database pages copied. */
  pages: number;
  /** Size of the backup file. */
  bytes: number;
}

/**
 * Copies the open database to `target` with SQLite's online backup (safe while other processes read and
 * write it). Never overwrites: the file is created exclusively, mode 0600, and removed again if the copy
 * fails. The copy is a single file (rollback journal mode), verified with `PRAGMA quick_check` before it is
 * reported as done.
 */
export async function backupDatabase(db: Db, target: string): Promise<BackupResult> {
  const path = resolve(target);
  // better-sqlite3 trims the file name it is given: a name ending in white space would be written elsewhere.
  if (path !== path.trim()) throw new DatabaseError(`cannot back up to "${target}": the name ends with a space`, 'choose a name without trailing spaces');
  // SQLite would take a -wal or -journal left beside the target for the copy's own, and the clean-up below
  // must only remove what this backup made.
  const leftover = [`${path}-wal`, `${path}-shm`, `${path}-journal`].find((f) => existsSync(f));
  if (leftover) throw new DatabaseError(`${leftover} already exists`, 'a backup never overwrites a file: choose a new name, or move that file away');
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') throw new DatabaseError(`${path} already exists`, 'a backup never overwrites a file: choose a new name');
    if (err.code === 'ENOENT') throw new DatabaseError(`cannot create the backup ${path}: its folder does not exist`, 'create the folder first, or choose another path');
    if (err.code === 'ENOTDIR') throw new DatabaseError(`cannot create the backup ${path}: part of the path is a file`, 'choose another path');
    throw new DatabaseError(`cannot create the backup ${path}: ${oneLine(err.message)}`, 'check the path and its permissions');
  }
  try {
    try {
      fchmodSync(fd, 0o600); // exactly 0600, whatever the umask
    } finally {
      closeSync(fd);
    }
    // All remaining pages in one step: a step that is interrupted by another process's write restarts the copy,
    // and in WAL mode one long read blocks no writer.
    const progress = await db.backup(path, { progress: () => 0x7fffffff });
    // The copy carries the source's WAL flag; a rollback-journal file is one self-contained file to move around
    // (awsquiz switches it back to WAL when it opens it as its database).
    const copy = new Database(path, { fileMustExist: true });
    let problems: string[];
    try {
      copy.pragma('journal_mode = DELETE');
      problems = checkLines((copy.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check));
    } finally {
      copy.close();
    }
    if (problems.length > 0) throw new DamagedCopy(problems);
    return { path, pages: progress.totalPages, bytes: statSync(path).size };
  } catch (e) {
    for (const f of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
    if (e instanceof DamagedCopy) {
      throw new DatabaseError(
        `the database is damaged, so no backup was kept (${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}, first: ${e.problems[0]})`,
        `${DAMAGED_HINT}; copy the file by hand to keep it as it is`,
      );
    }
    throw new DatabaseError(`the backup to ${path} failed: ${oneLine((e as Error).message)}`, 'check the free space and the path, then try again');
  }
}

export interface RestoreResult {
  /** Where the database that was replaced now is (null when there was none). */
  movedAside: string | null;
  /** The -wal and -shm files moved aside with it. */
  sidecars: string[];
}

/**
 * Puts `backup` in the place of the database at `target`: the backup is checked first (an awsquiz database
 * this program can open, passing `PRAGMA integrity_check`), the current database and its -wal and -shm are
 * moved aside together (`<target>.before-restore-<time>`, nothing is deleted), and the copy is written next
 * to the target and renamed into place, so the target is always either the old database or the whole copy.
 * Refused while another process has the database open.
 */
export async function restoreDatabase(backup: string, target: string, now: Date): Promise<RestoreResult> {
  const from = resolve(backup);
  if (from === resolve(target)) throw new DatabaseError('the backup is the database itself', 'give the path of a backup file');
  if (!existsSync(from)) throw new DatabaseError(`no backup at ${from}`, 'give the path of a file made by `awsquiz db backup`');
  let source: Db;
  try {
    source = new Database(from, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new DatabaseError(`cannot open the backup ${from}: ${oneLine((e as Error).message)}`, 'check the path and its permissions');
  }
  const dir = dirname(resolve(target));
  const temp = join(dir, `.${basename(target)}.restoring-${process.pid}`);
  try {
    try {
      const problems = checkLines((source.pragma('integrity_check(5)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check));
      if (problems.length > 0) throw new DatabaseError(`the backup ${from} is damaged (${problems[0]})`, 'choose another backup');
    } catch (e) {
      if (e instanceof DatabaseError) throw e;
      throw new DatabaseError(`${from} is not a readable awsquiz database (${oneLine((e as Error).message)})`, 'choose a file made by `awsquiz db backup`');
    }
    // A consistent copy, its WAL included, into a new file beside the target.
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(f, { force: true });
    await source.backup(temp);
    chmodSync(temp, 0o600);
  } finally {
    source.close();
  }
  try {
    // Opening it as awsquiz does refuses what is not an awsquiz database or is newer than this program, and
    // brings an older one up to date (keeping a copy of it first).
    const copy = openDatabase(temp);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    // An older backup was upgraded, and openDatabase kept a copy of it as it was: the backup itself is that.
    for (let v = 1; v < 100; v++) rmSync(`${temp}.v${v}.bak`, { force: true });
    const fd = openSync(temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(f, { force: true });
    throw e;
  }
  const aside = `${resolve(target)}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  const result: RestoreResult = { movedAside: null, sidecars: [] };
  if (existsSync(target)) {
    if (inUse(target)) {
      rmSync(temp, { force: true });
      throw new DatabaseError('another awsquiz has the database open', 'close it, then restore again');
    }
    renameSync(target, aside);
    result.movedAside = aside;
  }
  // A -wal or -shm left beside the target belongs to the database moved aside (or to one deleted before):
  // left in place, SQLite would apply it to the restored file.
  for (const ext of ['-wal', '-shm']) {
    if (existsSync(`${target}${ext}`)) {
      renameSync(`${target}${ext}`, `${aside}${ext}`);
      result.sidecars.push(`${aside}${ext}`);
    }
  }
  renameSync(temp, target);
  return result;
}

/** Whether some process has the database open: a clean close removes the -wal, and only the last connection's does. */
function inUse(path: string): boolean {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch {
    return false; // not a database SQLite can open: nobody is using it as one
  }
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // damaged: still moved aside as it is
  } finally {
    db.close();
  }
  return existsSync(`${path}-wal`);
}

class DamagedCopy extends Error {
  constructor(readonly problems: string[]) {
    super('damaged copy');
  }
}

/** The lines of an integrity or quick check, without "ok" and the "*** in database main ***" headings. */
function checkLines(rows: string[]): string[] {
  return rows
    .flatMap((r) => r.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'ok' && !/^\*\*\* in database \S+ \*\*\*$/.test(l));
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** What `resetProgress` forgot. */
export interface ResetCounts {
  answers: number;
  cards: number;
  sessions: number;
}

/**
 * Forgets every answer, schedule and session in one transaction, and the tallies made from them, keeping the
 * questions, notes, topics and flags: a fresh start on the same question bank. The statistics tallies are
 * recomputed (empty) on their next use.
 */
export function resetProgress(db: Db): ResetCounts {
  return db.transaction((): ResetCounts => {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const counts = { answers: count('answers'), cards: count('cards'), sessions: count('sessions') };
    // The tallies go first, so the triggers that take each deleted answer and card out of them find nothing to do.
    for (const t of ['topic_scores', 'question_scores', 'answer_slots', 'answer_days', 'index_domains', 'index_topics', 'index_cards']) db.exec(`DELETE FROM ${t}`);
    db.exec(`DELETE FROM review_logs; DELETE FROM answers; DELETE FROM cards; DELETE FROM sessions`);
    db.prepare(`DELETE FROM derived WHERE key LIKE 'index-stats:%'`).run();
    return counts;
  }).immediate();
}
