import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotesRepository } from '../../src/db/notes.js';
import { analyzeNote } from '../../src/notes/analyze.js';
import { migrations } from '../../src/db/migrations/index.js';
import { openDatabase } from '../../src/db/open.js';
import { awsquiz, bin, corpus, count, damagePage, env, expectOneLineError, integrity, note, sourcesWithoutTheirQuestions, tmp } from './helpers.js';

// A damaged, foreign, newer, unwritable or full database: one clear line, exit 1, and the file left exactly
// as it was (a user's history must never be "repaired" into something worse).

/** A real awsquiz database (closed cleanly, so it is one file) with a few notes in it, and one more note. */
function realDatabase(notes = 6) {
  const dir = tmp('awsquiz-faults-');
  const paths = corpus(join(dir, 'notes'), notes, 3_000);
  const db = join(dir, 'awsquiz.db');
  expect(awsquiz(db, ['ingest', join(dir, 'notes')]).code).toBe(0);
  const extra = join(dir, 'extra.md');
  writeFileSync(extra, note(99, 2_000));
  return { dir, db, paths, extra };
}

/** The commands a user would run next, each expected to stop with one line and touch nothing. */
function everyCommand(db: string, extra: string, dir: string): Array<[string, string[], string]> {
  return [
    ['questions', ['questions'], ''],
    ['study', ['study', '--plain', '--limit', '3', '--no-refresh'], '1\n1\n1\n'],
    ['exam', ['exam', '--plain', '--domain', 'development', '--count', '3', '--no-refresh'], 'a\na\na\ns\n'],
    ['ingest', ['ingest', extra], ''],
    ['db check', ['db', 'check'], ''],
    ['db backup', ['db', 'backup', join(dir, 'copy.db')], ''],
  ];
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

const immutable: string[] = [];
afterAll(() => {
  for (const d of immutable) spawnSync('chattr', ['-i', d]);
});

describe('database faults', () => {
  it('a truncated database: every command stops with one line and the file stays byte-identical', () => {
    const { dir, db, extra } = realDatabase();
    truncateSync(db, Math.floor(statSync(db).size / 2));
    const before = readFileSync(db);
    const files = filesIn(dir);
    for (const [name, args, input] of everyCommand(db, extra, dir)) {
      const r = awsquiz(db, args, input);
      expect(r.code, name).toBe(1);
      expect(r.out, name).toBe('');
      expectOneLineError(r.err);
      expect(r.err, name).toBe(`awsquiz: ${db} is not a readable awsquiz database (database disk image is malformed) — restore a backup (\`awsquiz db restore BACKUP\`) or point --db at another file\n`);
      expect(readFileSync(db).equals(before), name).toBe(true);
      expect(filesIn(dir), name).toEqual(files); // no -wal, -shm or backup left behind
    }
  });

  it('a corrupted database (bytes overwritten in the middle): one line per command, the file untouched, db check lists the damage', () => {
    const { dir, db, extra } = realDatabase();
    // Overwrite the b-tree header of the questions table's root page: every query on questions meets it.
    const raw = new Database(db, { readonly: true });
    const root = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'questions'").pluck().get() as number;
    raw.close();
    damagePage(db, root);
    const before = readFileSync(db);
    const noWal = (files: string[]) => files.filter((f) => !/^awsquiz\.db-(wal|shm)$/.test(f));
    const files = noWal(filesIn(dir)); // the read-only look above leaves -wal and -shm, which awsquiz then tidies

    for (const [name, args, input] of everyCommand(db, extra, dir).filter(([n]) => n !== 'db check')) {
      const r = awsquiz(db, args, input);
      expect(r.code, name).toBe(1);
      expectOneLineError(r.err);
      expect(r.err, name).toMatch(/malformed|damaged/);
      expect(readFileSync(db).equals(before), name).toBe(true);
      expect(noWal(filesIn(dir)), name).toEqual(files);
      if (existsSync(`${db}-wal`)) expect(statSync(`${db}-wal`).size, name).toBe(0);
    }
    const check = awsquiz(db, ['db', 'check']);
    expect(check.code).toBe(1);
    expect(check.out.trimEnd().split('\n').length).toBeGreaterThanOrEqual(1);
    expect(check.out).not.toMatch(/^ok$/m);
    expect(check.err).toMatch(/^awsquiz: the database check found \d+ problems? — /);
    expectOneLineError(check.err);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a file that is not a database: db check and db backup refuse it with one line and leave it alone', () => {
    const dir = tmp('awsquiz-faults-');
    const db = join(dir, 'notes.db');
    const content = 'my shopping list, not a database\n'.repeat(300);
    writeFileSync(db, content);
    for (const args of [['db', 'check'], ['db', 'backup', join(dir, 'copy.db')]]) {
      const r = awsquiz(db, args);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`awsquiz: ${db} is not a readable awsquiz database (file is not a database) — restore a backup (\`awsquiz db restore BACKUP\`) or point --db at another file\n`);
      expect(readFileSync(db, 'utf8')).toBe(content);
      expect(filesIn(dir)).toEqual(['notes.db']);
    }
  });

  it('a schema newer than the code: every command refuses with one line and the file stays byte-identical', () => {
    const { dir, db, extra } = realDatabase(2);
    const raw = new Database(db);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    const before = readFileSync(db);
    const files = filesIn(dir);
    for (const [name, args, input] of everyCommand(db, extra, dir)) {
      const r = awsquiz(db, args, input);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toBe(
        `awsquiz: the database ${db} has schema version ${migrations.length + 1}, newer than this awsquiz understands (${migrations.length}) — did you run an older awsquiz? upgrade it, or use another --db\n`,
      );
      expect(readFileSync(db).equals(before), name).toBe(true);
      expect(filesIn(dir), name).toEqual(files);
    }
  });

  // Root ignores permission bits. What really stops root is an immutable folder (chattr +i, on file systems
  // that support it) or a path under a file (covered in test/cli); as another user, mode 0555 is enough.
  it('a read-only folder: a new database cannot be created there, an existing one is left alone', (ctx) => {
    const dir = tmp('awsquiz-faults-');
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    const existing = join(ro, 'existing.db');
    const { db: source } = realDatabase(2);
    copyFileSync(source, existing);
    const before = readFileSync(existing);
    if (process.getuid?.() === 0) {
      if (spawnSync('chattr', ['+i', ro]).status !== 0) return ctx.skip('running as root on a file system without chattr +i: a read-only folder cannot be simulated');
      immutable.push(ro);
    } else {
      chmodSync(ro, 0o555);
    }
    try {
      const noteFile = join(dir, 'n.md');
      writeFileSync(noteFile, note(5, 1_500));
      const fresh = awsquiz(join(ro, 'new.db'), ['ingest', noteFile]);
      expect(fresh.code).toBe(1);
      expectOneLineError(fresh.err);
      expect(fresh.err).toMatch(/^awsquiz: cannot open the database .*new\.db: unable to open database file — /);
      const nested = awsquiz(join(ro, 'sub', 'new.db'), ['ingest', noteFile]);
      expect(nested.code).toBe(1);
      expectOneLineError(nested.err);
      expect(nested.err).toMatch(/^awsquiz: cannot create the database folder .*sub: /);
      // SQLite needs the folder for its -wal and -shm files: even reading is refused, cleanly.
      for (const args of [['questions'], ['ingest', noteFile], ['db', 'check']]) {
        const r = awsquiz(existing, args);
        expect(r.code).toBe(1);
        expectOneLineError(r.err);
      }
      expect(readFileSync(existing).equals(before)).toBe(true);
      expect(filesIn(ro)).toEqual(['existing.db']);
    } finally {
      if (process.getuid?.() === 0) spawnSync('chattr', ['-i', ro]);
      else chmodSync(ro, 0o755);
    }
  });

  it('a full database (max_page_count): the note that does not fit is rolled back, what was stored before stays intact', () => {
    const dir = tmp('awsquiz-faults-');
    const path = join(dir, 'awsquiz.db');
    const db = openDatabase(path);
    const repo = new NotesRepository(db);
    const store = (name: string, text: string) => {
      const a = analyzeNote(text);
      return repo.store(
        { path: join(dir, name), hash: name, size: text.length, mtimeMs: 0, generator: 'test', exam: null, domain: null, frontMatter: a.frontMatter, facts: a.facts, questions: a.questions.map((q) => ({ ...q, services: [] })), skipped: {}, warnings: [] },
        '2026-01-01T00:00:00.000Z',
      );
    };
    expect(store('small.md', note(0, 2_000)).added).toBeGreaterThan(0);
    const snapshot = () => db.prepare('SELECT (SELECT count(*) FROM sources) AS s, (SELECT count(*) FROM questions) AS q, (SELECT count(*) FROM facts) AS f, (SELECT count(*) FROM topics) AS t').get();
    const before = snapshot();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 4}`); // room for a few pages, not for a 60 KB note's questions

    const big = note(1, 60_000);
    let error: unknown;
    try {
      store('big.md', big);
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
    expect(snapshot()).toEqual(before); // the note's transaction is rolled back whole
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Once there is room again, the same note goes in whole.
    db.pragma('max_page_count = 1073741823');
    expect(store('big.md', big).added).toBeGreaterThan(0);
    db.close();
    expect(sourcesWithoutTheirQuestions(path)).toEqual([]);
  });

  it('a disk that stops taking writes (RLIMIT_FSIZE): an error line first, and every note stored before is complete', () => {
    const { dir, db } = realDatabase(1);
    const notes = join(dir, 'more');
    corpus(notes, 30, 4_000, 100);
    const stored = count(db, 'SELECT count(*) FROM sources');
    // `ulimit -f` caps the size of any file the process writes (in 512- or 1024-byte blocks, by shell);
    // node ignores SIGXFSZ, so SQLite sees the write fail.
    const r = spawnSync('sh', ['-c', `ulimit -f 1024 && exec "${process.execPath}" "${bin}" ingest "${notes}"`], { encoding: 'utf8', env: env(db) });
    expect(r.status).toBe(1);
    // One line, no stack trace: the failed write is named and what to do is said.
    expect(r.stderr).toMatch(/^awsquiz: could not write the database \((I\/O error|disk full)\) — [^\n]*\n$/);
    expect(integrity(db)).toEqual(['ok']);
    expect(sourcesWithoutTheirQuestions(db)).toEqual([]);
    const after = count(db, 'SELECT count(*) FROM sources');
    expect(after).toBeGreaterThan(stored);
    expect(after).toBeLessThan(stored + 30);
    // Without the limit, the same ingest finishes the job.
    expect(awsquiz(db, ['ingest', notes]).code).toBe(0);
    expect(count(db, 'SELECT count(*) FROM sources')).toBe(stored + 30);
  });
});

describe('new databases', () => {
  it('are created mode 0600 in folders created mode 0700, and so are their -wal and -shm files', () => {
    const base = tmp('awsquiz-perm-');
    const path = join(base, 'a', 'b', 'awsquiz.db');
    const noteFile = join(base, 'n.md');
    writeFileSync(noteFile, note(1, 1_500));
    const r = awsquiz(path, ['ingest', noteFile]);
    expect(r.code).toBe(0);
    expect(statSync(join(base, 'a')).mode & 0o777).toBe(0o700);
    expect(statSync(join(base, 'a', 'b')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = openDatabase(path);
    db.prepare('SELECT count(*) FROM questions').get();
    for (const f of [`${path}-wal`, `${path}-shm`]) {
      expect(existsSync(f)).toBe(true);
      expect(statSync(f).mode & 0o777).toBe(0o600);
    }
    db.close();
  });

  it('keep 0600 and 0700 whatever the umask', () => {
    const base = tmp('awsquiz-perm-');
    const path = join(base, 'x', 'awsquiz.db');
    const r = spawnSync('sh', ['-c', `umask 000 && exec "${process.execPath}" "${bin}" questions`], { encoding: 'utf8', env: env(path) });
    expect(r.status).toBe(0);
    expect(statSync(join(base, 'x')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
