import Database from 'better-sqlite3';
import { closeSync, constants, fchmodSync, openSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseError } from './errors.js';
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
        'run `awsquiz db check`; copy the file by hand to keep it as it is',
      );
    }
    throw new DatabaseError(`the backup to ${path} failed: ${oneLine((e as Error).message)}`, 'check the free space and the path, then try again');
  }
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
