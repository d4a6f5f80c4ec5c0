import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ingest } from '../../src/app/ingest.js';
import { openDatabase } from '../../src/db/open.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'upgrade');

describe('upgrading a database made by the release before question scores', () => {
  it('keeps every question the new generator still makes under its id, with its answers; the rest are retired with theirs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsquiz-upgrade-'));
    const file = join(dir, 'awsquiz.db');
    writeFileSync(file, gunzipSync(readFileSync(join(fixtures, 'release-61f2f54.db.gz'))));
    const note = join(dir, 'queues.md');
    copyFileSync(join(fixtures, 'queues.md'), note);
    const raw = new Database(file);
    raw.prepare('UPDATE sources SET path = ?').run(note);
    expect(raw.pragma('user_version', { simple: true })).toEqual(3);
    const before = raw
      .prepare("SELECT id, kind, fact_kind, json_array_length(distractors) AS wrong, (SELECT count(*) FROM answers a WHERE a.question_id = q.id) AS answers FROM questions q ORDER BY id")
      .all() as Array<{ id: string; kind: string; fact_kind: string; wrong: number; answers: number }>;
    const answers = raw.prepare('SELECT count(*) FROM answers').pluck().get() as number;
    const logs = raw.prepare('SELECT count(*) FROM review_logs').pluck().get() as number;
    raw.close();
    expect(answers).toBeGreaterThan(0);

    const db = openDatabase(file);
    expect(existsSync(`${file}.v3.bak`)).toBe(true);
    // Unchanged text, but analysed by an older generator: analysed again once, then unchanged.
    const first = await ingest({ db, catalogue: loadCatalogue(), paths: [note], includeKnown: false, now: new Date('2026-12-01T00:00:00Z') });
    expect(first.files[0]!.status).toBe('ingested');
    const second = await ingest({ db, catalogue: loadCatalogue(), paths: [note], includeKnown: false, now: new Date('2026-12-02T00:00:00Z') });
    expect(second.files[0]!.status).toBe('unchanged');

    const after = new Map((db.prepare('SELECT id, retired_at, score FROM questions').all() as Array<{ id: string; retired_at: string | null; score: number }>).map((r) => [r.id, r]));
    const kept = before.filter((q) => after.get(q.id)?.retired_at === null);
    // The numbers and comparisons of this note are still asked as before, under their ids; only the form this
    // release no longer makes (which of three or more terms a line describes) is retired, its answers kept.
    const retired = before.filter((q) => !kept.includes(q));
    expect(kept.length).toBeGreaterThanOrEqual(8);
    expect(retired.every((q) => q.kind === 'single' && q.fact_kind === 'attribute' && q.wrong >= 2)).toBe(true);
    for (const q of before) {
      expect(after.has(q.id)).toBe(true);
      expect(db.prepare('SELECT count(*) FROM answers WHERE question_id = ?').pluck().get(q.id)).toEqual(q.answers);
    }
    expect(db.prepare('SELECT count(*) FROM answers').pluck().get()).toEqual(answers);
    expect(db.prepare('SELECT count(*) FROM review_logs').pluck().get()).toEqual(logs);
    // Every question now has a score from the model; the old ones the generator still makes, too.
    for (const q of kept) expect(after.get(q.id)!.score).toBeGreaterThan(0);
    db.close();
  });
});
