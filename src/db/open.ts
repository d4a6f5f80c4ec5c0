import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseError } from './errors.js';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without creating or migrating (for commands that only read). */
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the awsquiz database: WAL, foreign keys, a busy timeout so two processes can
 * share it, and the schema migrated to the current version. A database newer than this code is refused.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const isMemory = path === ':memory:';
  const existed = isMemory || existsSync(path);
  if (!isMemory && !existed) {
    if (options.readonly) throw new DatabaseError(`no database at ${path}`, 'run `awsquiz ingest` first');
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch (e) {
      throw new DatabaseError(`cannot create the database folder ${dirname(path)}: ${(e as Error).message}`, 'check the path and its permissions, or set --db');
    }
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new DatabaseError(`cannot open the database ${path}: ${(e as Error).message}`, 'check the path and its permissions, or set --db');
  }
  try {
    if (!isMemory && !existed) chmodSync(path, 0o600);
    db.pragma('busy_timeout = 10000');
    // Checked before any pragma that writes (journal_mode rewrites the header): a refused file stays byte-identical.
    refuseNewer(db, path);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, path, existed && !isMemory);
  } catch (e) {
    db.close();
    if (e instanceof DatabaseError) throw e;
    const msg = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(msg)) {
      throw new DatabaseError(`${path} is not a readable awsquiz database (${msg})`, 'restore a backup or point --db at another file');
    }
    throw new DatabaseError(`cannot use the database ${path}: ${msg}`, 'check the file and its permissions');
  }
  return db;
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
