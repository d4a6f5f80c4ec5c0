import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/db/errors.js';
import { migrations } from '../../src/db/migrations/index.js';
import { openDatabase } from '../../src/db/open.js';

describe('openDatabase', () => {
  it('migrates a new database to the current version with WAL and foreign keys', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'awsquiz-')), 'a.db');
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database newer than the code and leaves it alone', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'awsquiz-')), 'new.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    const bytes = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(DatabaseError);
    expect(() => openDatabase(path)).toThrow(/newer than this awsquiz/);
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('refuses a file that is not a database and leaves it alone', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'awsquiz-')), 'notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const bytes = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(/not a readable awsquiz database/);
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('answers the hot queries from their indexes', () => {
    const db = openDatabase(':memory:');
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as Array<{ detail: string }>).map((r) => r.detail).join(' ');
    expect(plan('SELECT * FROM cards WHERE due <= ? ORDER BY due')).toContain('cards_due');
    expect(plan('SELECT * FROM answers WHERE question_id = ? ORDER BY answered_at')).toContain('answers_question');
    expect(plan('SELECT * FROM questions WHERE source_id = ?')).toContain('questions_source');
  });
});
