import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { migrate } from '../../src/db/open.js';

// Migration 0004 (issue #17): links questions to their sources, marks as retired the sources an older
// awsquiz wrongly retired whole, and leaves at most one active exam.
describe('migration 0004', () => {
  it('links active questions, marks wholly retired sources and keeps only the newest active exam', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of migrations.slice(0, 3)) db.exec(m.sql);
    db.pragma('user_version = 3');
    db.exec(`
      INSERT INTO sources (id, path, content_hash, size, mtime_ms, ingested_at, questions) VALUES (1, '/n/a.md', 'h1', 1, 1, 't', 2), (2, '/n/b.md', 'h2', 1, 1, 't', 1);
      INSERT INTO topics (id, path, name) VALUES (1, 'T', 'T');
      INSERT INTO questions (id, source_id, topic_id, kind, fact_kind, prompt, answers, line, source_text, created_at, updated_at, retired_at)
        VALUES ('qa1', 1, 1, 'flip', 'qa', 'p', '[]', 3, 's', 't', 't', NULL), ('qa2', 1, 1, 'flip', 'qa', 'p', '[]', 4, 's', 't', 't', '2026-01-02'),
               ('qb1', 2, 1, 'flip', 'qa', 'p', '[]', 5, 's', 't', 't', '2026-01-03');
      INSERT INTO sessions (id, kind, started_at, status) VALUES (1, 'exam', '2026-01-01', 'active'), (2, 'exam', '2026-01-02', 'active'), (3, 'study', '2026-01-02', 'active');
    `);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT question_id, source_id, line FROM question_sources').all()).toEqual([{ question_id: 'qa1', source_id: 1, line: 3 }]);
    expect(db.prepare('SELECT id, retired_at FROM sources ORDER BY id').all()).toEqual([{ id: 1, retired_at: null }, { id: 2, retired_at: '2026-01-03' }]);
    expect(db.prepare('SELECT id, status FROM sessions ORDER BY id').all()).toEqual([
      { id: 1, status: 'abandoned' },
      { id: 2, status: 'active' },
      { id: 3, status: 'active' },
    ]);
    expect(() => db.prepare("INSERT INTO sessions (kind, started_at) VALUES ('exam', 'now')").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
