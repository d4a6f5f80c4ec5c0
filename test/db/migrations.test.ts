import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/db/errors.js';
import { writeBank } from '../helpers/bank.js';
import { migrations } from '../../src/db/migrations/index.js';
import { examPoolSizes } from '../../src/db/question-index.js';
import { openDatabase } from '../../src/db/open.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awsquiz-db-'));
  made.push(dir);
  return dir;
}

/** Runs `fn` and returns what it threw (failing the test when it does not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('openDatabase', () => {
  it('migrates a new in-memory database to the latest version with foreign keys on', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toEqual(migrations.length);
    expect(db.pragma('foreign_keys', { simple: true })).toEqual(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'answer_day_offsets', 'answer_days', 'answer_slots', 'answers', 'cards', 'counters', 'derived', 'fact_groups', 'facts', 'index_cards', 'index_domains',
      'index_topics', 'question_index', 'question_scores', 'question_services', 'question_sources', 'questions',
      'review_logs', 'services', 'sessions', 'settings', 'sources', 'topic_scores', 'topics',
    ]);
    db.close();
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(':memory:');
    const insert = () =>
      db.prepare("INSERT INTO answers (question_id, given, correct, time_ms, answered_at) VALUES ('no-such-question', '\"x\"', 1, 1000, 'now')").run();
    expect(insert).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });

  it('creates a file database (and its folder) in WAL mode, readable only by the user', () => {
    const path = join(tmp(), 'nested', 'folder', 'awsquiz.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toEqual('wal');
    expect(db.pragma('user_version', { simple: true })).toEqual(migrations.length);
    db.close();
    expect(statSync(path).mode & 0o777).toEqual(0o600);
  });

  it('reopens a migrated file without changing its version', () => {
    const path = join(tmp(), 'a.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toEqual(migrations.length);
    db.close();
  });

  it('refuses a database whose schema is newer than the code', () => {
    const path = join(tmp(), 'future.db');
    const db = openDatabase(path);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    const e = thrown(() => openDatabase(path));
    expect(e).toBeInstanceOf(DatabaseError);
    expect((e as DatabaseError).message).toContain('newer');
    expect((e as DatabaseError).message).toContain(`schema version ${migrations.length + 1}`);
    // The refused file keeps its version: nothing was migrated down or over.
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toEqual(migrations.length + 1);
    raw.close();
  });

  it('refuses a file that is not a database and leaves it byte-identical', () => {
    const dir = tmp();
    const path = join(dir, 'notes.db');
    const content = Buffer.from(`${randomBytes(3000).toString('base64')}\nnot a database\n`);
    writeFileSync(path, content);
    const e = thrown(() => openDatabase(path));
    expect(e).toBeInstanceOf(DatabaseError);
    expect((e as DatabaseError).message).toEqual(`${path} is not a readable awsquiz database (file is not a database)`);
    expect(readFileSync(path).equals(content)).toEqual(true);
    expect(readdirSync(dir)).toEqual(['notes.db']);
  });

  it('refuses to open a missing database read-only', () => {
    const path = join(tmp(), 'missing.db');
    const e = thrown(() => openDatabase(path, { readonly: true }));
    expect(e).toBeInstanceOf(DatabaseError);
    expect((e as DatabaseError).message).toEqual(`no database at ${path}`);
    expect(existsSync(path)).toEqual(false);
  });

  it('reports a path whose folder cannot be created as a DatabaseError', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'x');
    const e = thrown(() => openDatabase(join(dir, 'file', 'a.db')));
    expect(e).toBeInstanceOf(DatabaseError);
    expect((e as DatabaseError).message.startsWith(`cannot create the database folder ${join(dir, 'file')}:`)).toEqual(true);
  });

  // Issue #17: another program's database is refused untouched; an awsquiz database whose user_version was
  // lost is put back at the version its tables show, instead of failing on "table sources already exists".
  it("refuses another program's version-0 SQLite file and leaves it byte-identical", () => {
    const dir = tmp();
    const path = join(dir, 'other.db');
    const raw = new Database(path);
    raw.exec("CREATE TABLE dummy (x TEXT); INSERT INTO dummy VALUES ('kept')");
    raw.close();
    const before = readFileSync(path);
    const e = thrown(() => openDatabase(path));
    expect(e).toBeInstanceOf(DatabaseError);
    expect((e as DatabaseError).message).toBe(`${path} is another program's SQLite database, not awsquiz's (tables dummy)`);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['other.db']);
  });

  it('takes an awsquiz database whose user_version reads 0 back at the version its tables show', () => {
    const dir = tmp();
    const path = join(dir, 'lost.db');
    const first = openDatabase(path);
    first.exec("INSERT INTO topics (path, name) VALUES ('SQS', 'SQS')");
    first.pragma('user_version = 0');
    first.pragma('application_id = 0');
    first.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toEqual(migrations.length);
    expect(db.prepare('SELECT path FROM topics').pluck().all()).toEqual(['SQS']);
    db.close();
  });
});

describe('migration 0006 (outdated questions)', () => {
  it('adds the columns to a version-4 database holding questions, which start current, and counts a change to them', () => {
    const dir = tmp();
    const path = join(dir, 'v4.db');
    const raw = new Database(path);
    for (const m of migrations.slice(0, 4)) raw.exec(m.sql);
    raw.pragma('user_version = 4');
    writeBank(raw, { questions: 3, topics: 1 });
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toEqual(migrations.length);
    expect(db.prepare('SELECT id, outdated FROM questions ORDER BY id').raw().all()).toEqual([
      ['q00000', null],
      ['q00001', null],
      ['q00002', null],
    ]);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('question_index') WHERE name = 'outdated' AND dflt_value = '0'").pluck().get()).toBe(1);
    const before = db.prepare("SELECT value FROM counters WHERE name = 'questions'").pluck().get() as number;
    db.prepare(`UPDATE questions SET outdated = '{}' WHERE id = 'q00001'`).run();
    expect(db.prepare("SELECT value FROM counters WHERE name = 'questions'").pluck().get()).toBe(before + 1);
    db.close();
  });
});

describe('query plans', () => {
  const db = openDatabase(':memory:');
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as Array<{ detail: string }>).map((r) => r.detail);

  it('finds due cards through cards_due, with no separate sort', () => {
    expect(plan('SELECT * FROM cards WHERE due <= ? ORDER BY due')).toEqual(['SEARCH cards USING INDEX cards_due (due<?)']);
  });

  it('counts an exam’s pools, current and outdated, from indexes alone (summing the column read every row)', () => {
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = Object.assign(Object.create(db) as typeof db, { prepare: (sql: string) => (prepared.push(sql), prepare(sql)) });
    db.exec(`INSERT INTO question_index (exam, position, question_id, topic_id, domain, kind, exam_use, domain_rank, outdated)
      VALUES ('x', 0, 'q1', 1, 'd', 'single', 'objective', 0, 0), ('x', 1, 'q2', 1, 'd', 'single', 'objective', 1, 1), ('x', 2, 'q3', 1, 'd', 'typed', 'typed', 0, 0)`);
    expect(examPoolSizes(spy, 'x')).toEqual([
      { domain: 'd', use: 'objective', n: 2, current: 1 },
      { domain: 'd', use: 'typed', n: 1, current: 1 },
    ]);
    expect(prepared).toHaveLength(2);
    for (const sql of prepared) expect(plan(sql).join(' ')).toMatch(/^SEARCH question_index USING COVERING INDEX question_index_(domain|outdated)\b/);
    db.exec(`DELETE FROM question_index WHERE exam = 'x'`);
  });

  it("reads a question's answers through answers_question, with no separate sort", () => {
    expect(plan('SELECT * FROM answers WHERE question_id = ? ORDER BY answered_at')).toEqual([
      'SEARCH answers USING INDEX answers_question (question_id=?)',
    ]);
  });
});

describe('migration 0005 (corrections)', () => {
  it('fills each card’s last rating from its latest review log when upgrading', () => {
    const path = join(tmp(), 'v3.db');
    const raw = new Database(path);
    for (const m of migrations.slice(0, 3)) raw.exec(m.sql);
    raw.pragma('user_version = 3');
    raw.exec(`INSERT INTO sources (id, path, content_hash, size, mtime_ms, ingested_at) VALUES (1, '/n.md', 'h', 1, 1, 'x');
      INSERT INTO topics (id, path, name) VALUES (1, 'T', 'T');
      INSERT INTO questions (id, source_id, topic_id, kind, fact_kind, prompt, answers, line, source_text, created_at, updated_at)
        VALUES ('q1', 1, 1, 'single', 'attribute', 'p', '["a"]', 1, 's', 'x', 'x'), ('q2', 1, 1, 'single', 'attribute', 'p', '["a"]', 2, 's', 'x', 'x');
      INSERT INTO cards (question_id, due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state, last_review)
        VALUES ('q1', '2026-03-02T00:00:00.000Z', 1, 5, 0, 0, 2, 0, 3, '2026-03-01T00:00:00.000Z'),
               ('q2', '2026-03-02T00:00:00.000Z', 1, 5, 0, 0, 0, 0, 0, NULL);
      INSERT INTO review_logs (question_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, review)
        VALUES ('q1', 3, 0, 'x', 0, 0, 0, 0, 0, '2026-02-01T00:00:00.000Z'), ('q1', 1, 2, 'x', 0, 0, 0, 0, 0, '2026-03-01T00:00:00.000Z');`);
    raw.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT question_id, last_rating FROM cards ORDER BY 1').all()).toEqual([
      { question_id: 'q1', last_rating: 1 },
      { question_id: 'q2', last_rating: null },
    ]);
    expect(db.prepare('SELECT removed_at FROM sources').all()).toEqual([{ removed_at: null }]);
    db.close();
  });
});
