import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsquiz, corpus, count, integrity, query, start, tmp, until } from './helpers.js';

// Two terminals studying the same database while a third re-ingests changed notes (and a fourth takes a
// backup): SQLite's WAL and busy timeout must make every writer wait its turn, never fail.

const NOTES = 60;
const ANSWERS = 300;

describe('concurrent use of one database', () => {
  it(`two study sessions answer ${ANSWERS} questions each while a third process re-ingests and a fourth backs up`, async () => {
    const dir = tmp('awsquiz-concurrent-');
    const notes = join(dir, 'notes');
    const db = join(dir, 'awsquiz.db');
    const paths = corpus(notes, NOTES, 4_000);
    expect(awsquiz(db, ['ingest', notes]).code).toBe(0);
    const questions = count(db, "SELECT count(*) FROM questions WHERE kind = 'single'");
    expect(questions).toBeGreaterThanOrEqual(2 * ANSWERS);
    expect(count(db, "SELECT count(*) FROM questions WHERE kind <> 'single'")).toBe(0); // "1" answers every question

    // Every note changes, so the re-ingest really writes (a new limit under each note’s last heading).
    paths.forEach((p, i) => appendFileSync(p, `- Added ${'xyz'[i % 3]}${i} relay forwards late parcels for up to ${(i % 9) + 2} minutes, for the spare desk of crew ${i}\n`));
    const startedAt = new Date().toISOString();
    const ingest = start(db, ['ingest', notes, '--json']);
    await until(() => count(db, 'SELECT count(*) FROM sources WHERE ingested_at >= ?', startedAt) >= 1, 'the re-ingest to store a first note');

    const lines = `${'1\n'.repeat(ANSWERS)}`;
    const a = start(db, ['study', '--plain', '--limit', String(ANSWERS), '--seed', '11', '--no-refresh']);
    const b = start(db, ['study', '--plain', '--limit', String(ANSWERS), '--seed', '22']); // this one also refreshes changed notes
    a.child.stdin.end(lines);
    b.child.stdin.end(lines);
    await until(() => count(db, 'SELECT count(*) FROM answers') >= 50, 'the first answers');
    const backup = start(db, ['db', 'backup', join(dir, 'during.db')]);

    const ingestDone = ingest.result.then((r) => ({ ...r, at: new Date().toISOString() }));
    const [ri, ra, rb, rk] = await Promise.all([ingestDone, a.result, b.result, backup.result]);

    for (const r of [ri, ra, rb, rk]) {
      expect(r.err).not.toMatch(/locked|busy|unexpected error/i);
      expect(r.code).toBe(0);
    }
    expect(ra.err).toBe('');
    expect(ra.out).toContain('Session summary');
    expect(rb.out).toContain('Session summary');

    // Every answer is recorded, with its FSRS review, in its own session.
    const perSession = query<{ n: number; logs: number; status: string }>(
      db,
      `SELECT count(a.id) AS n, (SELECT count(*) FROM review_logs l JOIN answers x ON x.id = l.answer_id WHERE x.session_id = s.id) AS logs, s.status
       FROM sessions s LEFT JOIN answers a ON a.session_id = s.id WHERE s.kind = 'study' GROUP BY s.id ORDER BY s.id`,
    );
    expect(perSession).toEqual([
      { n: ANSWERS, logs: ANSWERS, status: 'finished' },
      { n: ANSWERS, logs: ANSWERS, status: 'finished' },
    ]);
    // The sessions really ran while the re-ingest was writing.
    const firstAnswer = query<{ at: string }>(db, 'SELECT min(answered_at) AS at FROM answers')[0]!.at;
    expect(firstAnswer < ri.at).toBe(true);

    // The re-ingest and the refreshing session shared the changed notes between them; nothing failed.
    const report = JSON.parse(ri.out) as { totals: { files: number; ingested: number; unchanged: number; failed: number } };
    expect(report.totals).toMatchObject({ files: NOTES, failed: 0 });
    expect(report.totals.ingested + report.totals.unchanged).toBe(NOTES);
    expect(count(db, 'SELECT count(*) FROM sources WHERE ingested_at >= ?', startedAt)).toBe(NOTES);
    expect(integrity(db)).toEqual(['ok']);

    // The backup taken in the middle is a healthy database of its own.
    expect(rk.out).toMatch(/^Backed up .* to .*during\.db/);
    expect(integrity(join(dir, 'during.db'))).toEqual(['ok']);
    expect(count(join(dir, 'during.db'), 'SELECT count(*) FROM questions')).toBeGreaterThanOrEqual(questions);
  }, 60_000);
});
