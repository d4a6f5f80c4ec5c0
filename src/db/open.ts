import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DAMAGED_HINT, DatabaseError } from './errors.js';
import { migrations } from './migrations/index.js';
import { APPLICATION_ID } from './migrations/0007-sources-and-claims.js';

export type Db = Database.Database;

/** Databases up to this size are quick-checked on every writable open (see openDatabase). */
export const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export interface OpenOptions {
  /** Open without creating or migrating (for commands that only read). */
  readonly?: boolean;
  /** Open a damaged file all the same (for `db check`, whose job is to list the damage). */
  damaged?: boolean;
}


/**
 * Opens (creating if needed) the awsquiz database: WAL, foreign keys, a busy timeout so two processes can
 * share it, and the schema migrated to the current version. Refused, and left byte-identical: a database
 * newer than this code, another program's SQLite file, a deleted database whose `-wal` is still there, and
 * a file damaged after an unclean shutdown. Every write of the returned connection first checks that the
 * file it opened is still the one at `path` (see guardFile).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const isMemory = path === ':memory:';
  const existed = isMemory || existsSync(path);
  // SQLite removes -wal when the last connection closes cleanly: a -wal with frames in it means a process
  // still has the file open, or one stopped without closing it.
  const walFrames = !isMemory && walSize(path) > 0;
  if (!isMemory && !existed) {
    if (walFrames || existsSync(`${path}-wal`)) {
      throw new DatabaseError(
        `${path} is missing but its write-ahead log ${path}-wal is still there: the database was deleted or moved while awsquiz used it`,
        'put the database back (or restore a backup with `awsquiz db restore BACKUP`); remove the -wal and -shm files only to start afresh',
      );
    }
    if (options.readonly) throw new DatabaseError(`no database at ${path}`, 'run `awsquiz ingest` first');
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch (e) {
      throw new DatabaseError(`cannot create the database folder ${dirname(path)}: ${(e as Error).message}`, 'check the path and its permissions, or set --db');
    }
  }
  // An empty file is a database about to be made: it gets the same mode as one awsquiz creates.
  const fresh = !isMemory && (!existed || statSync(path).size === 0);
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new DatabaseError(`cannot open the database ${path}: ${(e as Error).message}`, 'check the path and its permissions, or set --db');
  }
  try {
    if (fresh && !options.readonly) chmodSync(path, 0o600);
    db.pragma('busy_timeout = 10000');
    // Checked before any pragma that writes (journal_mode rewrites the header): a refused file stays byte-identical.
    refuseNewer(db, path);
    refuseForeign(db, path);
    // Nothing is written on top of damage (journal_mode below is a write): checked after an unclean shutdown
    // whatever the size, and on every writable open of a file small enough to check in a few tens of
    // milliseconds (~1.5 ms per MB here).
    if (!options.readonly && !options.damaged && !isMemory && (walFrames || statSync(path).size <= QUICK_CHECK_MAX_BYTES)) refuseDamaged(db, path);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    adoptLostVersion(db, path);
    migrate(db, path, existed && !isMemory);
  } catch (e) {
    db.close();
    if (e instanceof DatabaseError) throw e;
    const msg = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(msg)) {
      throw new DatabaseError(`${path} is not a readable awsquiz database (${msg})`, 'restore a backup (`awsquiz db restore BACKUP`) or point --db at another file');
    }
    throw new DatabaseError(`cannot use the database ${path}: ${msg}`, 'check the file and its permissions');
  }
  if (!isMemory) guardFile(db, path);
  return db;
}

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/** Applies pending migrations, each in its own transaction, after backing the file up next to itself. */
export function migrate(db: Db, path = ':memory:', backup = false): void {
  const version = refuseNewer(db, path);
  if (version === migrations.length) return;
  if (db.readonly) throw new DatabaseError(`the database ${path} needs an upgrade`, 'run any awsquiz command that writes, such as `awsquiz ingest`');
  if (backup && version > 0 && statSync(path).size > 0) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, `${path}.v${version}.bak`);
  }
  for (let v = version; v < migrations.length; v++) {
    const m = migrations[v]!;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Returns the schema version, refusing a database written by a newer awsquiz. */
function refuseNewer(db: Db, path: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new DatabaseError(
      `the database ${path} has schema version ${version}, newer than this awsquiz understands (${migrations.length})`,
      'did you run an older awsquiz? upgrade it, or use another --db',
    );
  }
  return version;
}

/**
 * What each migration adds that no earlier one has (a table, or a column of a table), newest first: an
 * awsquiz database whose `user_version` was lost is at the version of the newest one it has.
 */
const VERSION_MARKERS: ReadonlyArray<[table: string, column: string | null, version: number]> = [
  ['question_sources', null, 7],
  ['questions', 'outdated', 6],
  ['answers', 'user_accepted', 5],
  ['settings', null, 4],
  ['index_domains', null, 3],
  ['counters', null, 2],
  ['sources', null, 1],
];

function tablesOf(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

/**
 * The schema version an awsquiz database would be at by the tables (and columns) it has, 0 for an empty
 * file, null for tables that are not awsquiz's.
 */
function versionByTables(db: Db, tables: string[]): number | null {
  if (tables.length === 0) return 0;
  const have = new Set(tables);
  if (!have.has('questions') || !have.has('sources')) return null;
  const hasColumn = (table: string, column: string) => (db.pragma(`table_info(${table})`) as Array<{ name: string }>).some((c) => c.name === column);
  for (const [table, column, version] of VERSION_MARKERS) {
    if (have.has(table) && (column === null || hasColumn(table, column))) return version;
  }
  return null;
}

/** Another program's SQLite file (tables, but not awsquiz's, or another application id) is refused untouched. */
function refuseForeign(db: Db, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = tablesOf(db);
  const ours = appId === APPLICATION_ID || (appId === 0 && versionByTables(db, tables) !== null);
  if (ours) return;
  const shown = tables.slice(0, 3).join(', ') + (tables.length > 3 ? ', …' : '');
  throw new DatabaseError(
    `${path} is another program's SQLite database, not awsquiz's (${appId !== 0 ? `application id ${appId}` : `tables ${shown}`})`,
    'point --db at an awsquiz database or a new file; this one was left untouched',
  );
}

/** An awsquiz database whose `user_version` reads 0 although it has tables is put back at the version its tables show. */
function adoptLostVersion(db: Db, path: string): void {
  if ((db.pragma('user_version', { simple: true }) as number) !== 0) return;
  const version = versionByTables(db, tablesOf(db));
  if (version === null || version === 0) return;
  if (db.readonly) throw new DatabaseError(`the database ${path} needs an upgrade`, 'run any awsquiz command that writes, such as `awsquiz ingest`');
  db.pragma(`user_version = ${version}`);
}

/** After an unclean shutdown, a quick check before anything is written on top of what may be damage. */
function refuseDamaged(db: Db, path: string): void {
  const rows = (db.pragma('quick_check(5)') as Array<{ quick_check: string }>).flatMap((r) => r.quick_check.split('\n'));
  const problems = rows.map((r) => r.trim()).filter((r) => r !== '' && r !== 'ok' && !/^\*\*\* in database \S+ \*\*\*$/.test(r));
  if (problems.length > 0) {
    throw new DatabaseError(`the database ${path} is damaged (${problems[0]!.split('\n')[0]})`, DAMAGED_HINT);
  }
}

/**
 * Makes every write of `db` check first that `path` is still the file it opened (same device and inode):
 * a database deleted or replaced under a running session would otherwise take answers into a file nobody
 * will ever open again. Checked once per transaction, and before each statement outside one.
 */
function guardFile(db: Db, path: string): void {
  const opened = statSync(path);
  const check = () => {
    let now;
    try {
      now = statSync(path);
    } catch {
      now = null;
    }
    if (!now || now.ino !== opened.ino || now.dev !== opened.dev) {
      throw new DatabaseError(
        `the database ${path} was ${now ? 'replaced' : 'deleted or moved'} while awsquiz was using it: nothing more was written`,
        'put it back (or restore a backup with `awsquiz db restore BACKUP`), then run the command again',
      );
    }
  };
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const t = transaction(fn);
    const guarded = (variant: (...args: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        if (!db.inTransaction) check();
        return variant.apply(this, args);
      };
    return Object.assign(guarded(t), {
      deferred: guarded(t.deferred),
      immediate: guarded(t.immediate),
      exclusive: guarded(t.exclusive),
      default: guarded(t.default),
    });
  }) as Db['transaction'];
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const stmt = prepare(source);
    if (stmt.readonly) return stmt;
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (!db.inTransaction) check();
        return original(...args);
      };
    }
    return stmt;
  }) as Db['prepare'];
}
