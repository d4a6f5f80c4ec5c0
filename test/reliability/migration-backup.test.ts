import Database from 'better-sqlite3';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseError } from '../../src/db/errors.js';
import { migrations } from '../../src/db/migrations/index.js';
import { openDatabase } from '../../src/db/open.js';
import { tmp } from './helpers.js';

// migrate() backs a database up only when upgrading from a version between 1 and the latest - 1; with the
// single real migration no such file can exist. Here the migration list is replaced by the real first
// migration plus test-only ones, so the backup path runs for real.
vi.mock('../../src/db/migrations/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/db/migrations/index.js')>();
  return { migrations: [...real.migrations] };
});

const list = migrations as Array<{ name: string; sql: string }>;
const FIRST = list.slice(0, 1);

/** A version-1 database with some history in it, closed cleanly. */
function versionOne(): { dir: string; path: string } {
  list.splice(0, list.length, ...FIRST);
  const dir = tmp('awsquiz-migrate-');
  const path = join(dir, 'awsquiz.db');
  const db = openDatabase(path);
  db.prepare("INSERT INTO sessions (kind, started_at) VALUES ('study', '2026-01-01T00:00:00Z')").run();
  db.close();
  expect(readdirSync(dir)).toEqual(['awsquiz.db']);
  return { dir, path };
}

describe('migrations', () => {
  it('back the database up next to itself, byte for byte and mode 0600, before migrating it', () => {
    const { dir, path } = versionOne();
    const before = readFileSync(path);
    list.push({ name: '0002-test', sql: 'ALTER TABLE sessions ADD COLUMN note TEXT;' });
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
    db.close();

    const backup = join(dir, 'awsquiz.db.v1.bak');
    expect(readdirSync(dir).sort()).toEqual(['awsquiz.db', 'awsquiz.db.v1.bak']);
    expect(readFileSync(backup).equals(before)).toBe(true);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const old = new Database(backup, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();
    // Opening again migrates nothing and takes no new backup.
    openDatabase(path).close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual(['awsquiz.db.v1.bak']);
  });

  it('leave the database at its old version when a migration fails, with the backup kept', () => {
    const { dir, path } = versionOne();
    list.push({ name: '0002-broken', sql: 'ALTER TABLE sessions ADD COLUMN half TEXT; CREATE TABLE broken (;' });
    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).message).toMatch(/^cannot use the database .*awsquiz\.db: /);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    // The migration's transaction was rolled back whole: its first statement left nothing behind.
    expect((db.pragma('table_info(sessions)') as Array<{ name: string }>).map((c) => c.name)).not.toContain('half');
    db.close();
    expect(readdirSync(dir)).toContain('awsquiz.db.v1.bak');
  });

  it('replace an older backup of the same version, and take none for a brand-new database', () => {
    const { dir, path } = versionOne();
    writeFileSync(join(dir, 'awsquiz.db.v1.bak'), 'an older backup the user kept');
    list.push({ name: '0002-test', sql: 'ALTER TABLE sessions ADD COLUMN note TEXT;' });
    openDatabase(path).close();
    // The backup is of the file as it is now (copyFileSync replaces the older one): a visible choice.
    expect(readFileSync(join(dir, 'awsquiz.db.v1.bak')).subarray(0, 16).toString()).toBe('SQLite format 3\0');
    const fresh = join(tmp('awsquiz-migrate-'), 'new.db');
    openDatabase(fresh).close();
    expect(readdirSync(join(fresh, '..'))).toEqual(['new.db']);
  });
});
