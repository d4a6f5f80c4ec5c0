import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, checkDatabase } from '../../src/db/maintenance.js';
import { openDatabase } from '../../src/db/open.js';
import { awsquiz, corpus, count, expectOneLineError, integrity, tmp } from './helpers.js';

/** A database with a few generated notes in it. */
function withNotes() {
  const dir = tmp('awsquiz-dbcmd-');
  corpus(join(dir, 'notes'), 3, 2_000);
  const db = join(dir, 'awsquiz.db');
  expect(awsquiz(db, ['ingest', join(dir, 'notes')]).code).toBe(0);
  return { dir, db };
}

describe('awsquiz db check', () => {
  it('prints ok and exits 0 on a healthy database', () => {
    const { db } = withNotes();
    expect(awsquiz(db, ['db', 'check'])).toEqual({ code: 0, out: 'ok\n', err: '' });
  });

  it('lists a broken foreign key, one line per problem, and exits 1', () => {
    const { db } = withNotes();
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    const answer = raw
      .prepare("INSERT INTO answers (question_id, given, correct, time_ms, answered_at) VALUES ('q-gone', '\"x\"', 1, 900, '2026-01-01T00:00:00Z')")
      .run().lastInsertRowid;
    raw.prepare("INSERT INTO question_services (question_id, service_id) VALUES ('q-gone-too', 'sqs')").run();
    raw.close();
    const r = awsquiz(db, ['db', 'check']);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n').sort()).toEqual([
      `answers row ${answer}: question_id points to a missing questions row`,
      'question_services a row: question_id points to a missing questions row',
    ]);
    expectOneLineError(r.err);
    expect(r.err).toBe('awsquiz: the database check found 2 problems — keep a copy of the file, then restore a backup with \`awsquiz db restore BACKUP\` or re-ingest your notes into a new --db\n');
  });

  it('does not create a database that does not exist', () => {
    const dir = tmp('awsquiz-dbcmd-');
    const db = join(dir, 'missing.db');
    for (const args of [['db', 'check'], ['db', 'backup', join(dir, 'copy.db')]]) {
      const r = awsquiz(db, args);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`awsquiz: no database at ${db} — run \`awsquiz ingest\` first, or point --db at your database\n`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('checkDatabase returns [] for a new database', () => {
    const db = openDatabase(':memory:');
    expect(checkDatabase(db)).toEqual([]);
    db.close();
  });
});

describe('awsquiz db backup', () => {
  it('writes a single-file copy, mode 0600, that opens with the same questions', () => {
    const { dir, db } = withNotes();
    const target = join(dir, 'backups-here', 'copy.db');
    const missingFolder = awsquiz(db, ['db', 'backup', target]);
    expect(missingFolder.code).toBe(1);
    expectOneLineError(missingFolder.err);
    expect(missingFolder.err).toMatch(/its folder does not exist — /);

    const copy = join(dir, 'copy.db');
    const r = awsquiz(db, ['db', 'backup', copy]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(new RegExp(`^Backed up ${db} to ${copy} \\(\\d+ pages, \\d+ KB\\)\\.\\n$`));
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(existsSync(`${copy}-wal`) || existsSync(`${copy}-shm`) || existsSync(`${copy}-journal`)).toBe(false);
    const raw = new Database(copy, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    expect(integrity(copy)).toEqual(['ok']);
    const questions = count(db, 'SELECT count(*) FROM questions');
    expect(questions).toBeGreaterThan(0);
    expect(count(copy, 'SELECT count(*) FROM questions')).toBe(questions);
    // The copy works as an awsquiz database.
    expect(awsquiz(copy, ['db', 'check'])).toEqual({ code: 0, out: 'ok\n', err: '' });
  });

  it('refuses to overwrite an existing file, and leaves it alone', () => {
    const { dir, db } = withNotes();
    const existing = join(dir, 'precious.db');
    writeFileSync(existing, 'something the user wants to keep');
    const r = awsquiz(db, ['db', 'backup', existing]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`awsquiz: ${existing} already exists — a backup never overwrites a file: choose a new name\n`);
    expect(readFileSync(existing, 'utf8')).toBe('something the user wants to keep');
    // Nor the database itself.
    const self = awsquiz(db, ['db', 'backup', db]);
    expect(self.code).toBe(1);
    expectOneLineError(self.err);
  });

  it('backupDatabase refuses a name that better-sqlite3 would silently trim', async () => {
    const dir = tmp('awsquiz-dbcmd-');
    const db = openDatabase(join(dir, 'a.db'));
    await expect(backupDatabase(db, join(dir, 'b.db '))).rejects.toThrow(/ends with a space/);
    db.close();
    expect(readdirSync(dir)).toEqual(['a.db']);
  });
});
