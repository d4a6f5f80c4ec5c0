import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsquiz, corpus, count, damagePage, expectOneLineError, integrity, start, tmp, until } from '../reliability/helpers.js';

// Issue #17, items 5, 6, 19, 20 and 24 (an empty file as --db, db backup next to a -wal, a user_version-0
// awsquiz database): what is done to the database file around awsquiz.

/** A cleanly closed awsquiz database with notes, a finished study session and cards. */
function withHistory() {
  const dir = tmp('awsquiz-files-');
  corpus(join(dir, 'notes'), 4, 3_000);
  const db = join(dir, 'awsquiz.db');
  expect(awsquiz(db, ['ingest', join(dir, 'notes')]).code).toBe(0);
  expect(awsquiz(db, ['study', '--plain', '--limit', '6', '--seed', '1', '--no-refresh'], '1\n'.repeat(6)).code).toBe(0);
  return { dir, db };
}

/** Overwrites the header of one leaf page of `table` (a table or an index), as a bad sector or a stray write would. */
function damageLeaf(db: string, table: string): void {
  const raw = new Database(db, { readonly: true });
  const page = raw.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1").pluck().get(table) as number;
  raw.close();
  damagePage(db, page);
}

const commands: Array<[string, string[], string]> = [
  ['study', ['study', '--plain', '--limit', '2', '--no-refresh'], '1\n1\n'],
  ['exam', ['exam', '--plain', '--domain', 'development', '--count', '2', '--no-refresh'], 'a\na\ns\n'],
  ['exam --abandon', ['exam', '--abandon'], ''],
  ['stats', ['stats'], ''],
  ['ingest', ['ingest'], ''],
];

describe('damaged databases (item 5)', () => {
  for (const table of ['questions', 'answers', 'cards', 'questions_topic']) {
    it(`a damaged leaf page of ${table}: every command stops with one line, writes nothing, and db check reports it`, () => {
      const { dir, db } = withHistory();
      damageLeaf(db, table);
      const before = readFileSync(db);
      for (const [name, args, input] of commands) {
        const r = awsquiz(db, args, input);
        expect(r.code, `${name}: ${r.out}${r.err}`).toBe(1);
        expectOneLineError(r.err);
        expect(r.err, name).toMatch(/damaged|malformed/);
        expect(r.err, name).toContain('awsquiz db restore BACKUP');
        expect(readFileSync(db).equals(before), name).toBe(true);
        expect(readdirSync(dir).filter((f) => f.startsWith('awsquiz.db')).sort(), name).toEqual(['awsquiz.db']);
      }
      const check = awsquiz(db, ['db', 'check']);
      expect(check.code).toBe(1);
      expect(check.err).toContain('awsquiz db restore BACKUP');
    });
  }

  it('after an unclean shutdown, a damaged file is refused before anything is written on top of it', () => {
    const { db } = withHistory();
    damageLeaf(db, 'cards');
    // A process that wrote and was killed: its -wal is left with frames in it.
    const killed = spawnSync(process.execPath, ['-e', `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); const d = new D(${JSON.stringify(db)}); d.pragma('journal_mode = WAL'); d.prepare("INSERT INTO derived (key, stamp) VALUES ('x', 'y')").run(); process.kill(process.pid, 'SIGKILL');`]);
    expect(killed.signal).toBe('SIGKILL');
    expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);
    const r = awsquiz(db, ['exam', '--abandon']);
    expect(r.code).toBe(1);
    expectOneLineError(r.err);
    expect(r.err).toMatch(/damaged|malformed/);
    expect(r.err).toContain('awsquiz db restore BACKUP');
  });
});

describe('the database file (items 6, 19, 20, 24)', () => {
  it("refuses another program's SQLite database given as --db, and leaves it untouched", () => {
    const dir = tmp('awsquiz-files-');
    const other = join(dir, 'app.sqlite');
    const raw = new Database(other);
    raw.exec('CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES (\'ann\')');
    raw.close();
    const before = readFileSync(other);
    for (const args of [['questions'], ['ingest', join(dir, 'x.md')], ['stats'], ['db', 'check']]) {
      const r = awsquiz(other, args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toBe(`awsquiz: ${other} is another program's SQLite database, not awsquiz's (tables users) — point --db at an awsquiz database or a new file; this one was left untouched\n`);
    }
    expect(readFileSync(other).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['app.sqlite']);
  });

  it('an awsquiz database whose user_version was reset to 0 opens as what it is', () => {
    const { db } = withHistory();
    const raw = new Database(db);
    raw.pragma('user_version = 0');
    raw.close();
    const r = awsquiz(db, ['questions', '--json']);
    expect(r.err).toBe('');
    expect((JSON.parse(r.out) as unknown[]).length).toBeGreaterThan(0);
  });

  it('an existing empty file used as --db becomes a database readable by its owner only', () => {
    const dir = tmp('awsquiz-files-');
    const db = join(dir, 'empty.db');
    writeFileSync(db, '', { mode: 0o644 });
    expect(awsquiz(db, ['questions']).code).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it('db backup never touches a -wal or -shm already beside its target', () => {
    const { dir, db } = withHistory();
    const target = join(dir, 'copy.db');
    writeFileSync(`${target}-wal`, 'someone else’s file');
    const r = awsquiz(db, ['db', 'backup', target]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`awsquiz: ${target}-wal already exists — a backup never overwrites a file: choose a new name, or move that file away\n`);
    expect(readFileSync(`${target}-wal`, 'utf8')).toBe('someone else’s file');
    expect(existsSync(target)).toBe(false);
  });

  it('db restore verifies the backup, moves the database and its stale -wal aside, and puts the backup in place', () => {
    const { dir, db } = withHistory();
    const backup = join(dir, 'backup.db');
    expect(awsquiz(db, ['db', 'backup', backup]).code).toBe(0);
    const answers = count(backup, 'SELECT count(*) FROM answers');
    // More history after the backup, left in a -wal by a killed process.
    const s = start(db, ['study', '--plain', '--limit', '3', '--seed', '2', '--no-refresh']);
    s.child.stdin.write('1\n');
    return until(() => count(db, 'SELECT count(*) FROM answers') > answers, 'a new answer').then(async () => {
      s.child.kill('SIGKILL');
      await s.result;
      expect(existsSync(`${db}-wal`)).toBe(true);
      const bad = join(dir, 'not-a-backup.db');
      writeFileSync(bad, 'text, not a database\n'.repeat(100));
      const refused = awsquiz(db, ['db', 'restore', bad]);
      expect(refused.code).toBe(1);
      expectOneLineError(refused.err);

      const r = awsquiz(db, ['db', 'restore', backup]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/^Restored .*backup\.db to .*awsquiz\.db\.\nThe database it replaced is now .*awsquiz\.db\.before-restore-[\d-TZ]+( \(with its wal( and shm)?\))?\.\n$/);
      expect(existsSync(`${db}-wal`)).toBe(false);
      expect(integrity(db)).toEqual(['ok']);
      expect(count(db, 'SELECT count(*) FROM answers')).toBe(answers);
      expect(statSync(db).mode & 0o777).toBe(0o600);
      const aside = readdirSync(dir).find((f) => /^awsquiz\.db\.before-restore-[^-]/.test(f) && !f.endsWith('-wal') && !f.endsWith('-shm'))!;
      // Nothing was lost: the database moved aside still opens with its later answer.
      expect(count(join(dir, aside), 'SELECT count(*) FROM answers')).toBeGreaterThan(answers);
    });
  }, 30_000);

  it('a database deleted during a study session: the next answer is not lost without a word, and the next command does not start afresh over its -wal', async () => {
    const { db } = withHistory();
    const s = start(db, ['study', '--plain', '--limit', '4', '--seed', '3', '--no-refresh']);
    s.child.stdin.write('1\n');
    await until(() => s.child.stdout.readableLength >= 0 && count(db, 'SELECT count(*) FROM answers') >= 7, 'the first answer');
    rmSync(db);
    s.child.stdin.end('1\n1\n');
    const r = await s.result;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^awsquiz: the database .*awsquiz\.db was deleted or moved while awsquiz was using it: nothing more was written — /);
    const next = awsquiz(db, ['questions']);
    expect(next.code).toBe(1);
    expect(next.err).toMatch(/^awsquiz: .*awsquiz\.db is missing but its write-ahead log .*-wal is still there/);
    expect(existsSync(db)).toBe(false);
  }, 30_000);
});

