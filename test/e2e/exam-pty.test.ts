import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, terminal } from './terminal.js';

const NOTE = `# IAM

## IAM limits

- An IAM user can have at most 2 access keys at a time
- An IAM role session lasts 1 hour by default
- An IAM role session can be set to last up to 12 hours
- An IAM managed policy document holds up to 6,144 characters
`;

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'awsquiz-exam-pty-'));
  writeFileSync(join(dir, 'iam.md'), NOTE);
  const db = join(dir, 'q.db');
  const env = { AWSQUIZ_DB: db, NO_COLOR: '1' };
  expect(spawnSync(process.execPath, [bin, 'ingest', dir], { env: { ...process.env, ...env } }).status).toBe(0);
  return { db, env };
}

function rows<T>(db: string, sql: string): T[] {
  const d = new Database(db, { readonly: true });
  const r = d.prepare(sql).all() as T[];
  d.close();
  return r;
}

describe('awsquiz exam in a terminal', () => {
  it('answers, flags, goes back, reviews and submits', async () => {
    const { db, env } = setup();
    const t = terminal(['exam', '--domain', 'security', '--count', '3', '--seed', 'pty'], env);
    await t.waitFor('Question 1/3');
    let m = t.mark();
    t.type('a'); // answer 1, moves on
    await t.waitFor('Question 2/3', m);
    m = t.mark();
    t.type('f'); // flag 2
    await t.waitFor('flagged', m);
    m = t.mark();
    t.type('n');
    await t.waitFor('Question 3/3', m);
    m = t.mark();
    t.type('p'); // back to 2 and answer it
    await t.waitFor('Question 2/3', m);
    m = t.mark();
    t.type('b');
    await t.waitFor('Question 3/3', m);
    m = t.mark();
    t.type('c'); // last answer opens the review
    await t.waitFor('Review before submitting', m);
    m = t.mark();
    t.type('s\r');
    await t.waitFor('mock exam result', m);
    await t.waitFor('(estimate)', m);
    expect(await t.exited).toBe(0);
    expect(rows<{ flagged: number }>(db, 'SELECT flagged FROM answers ORDER BY position').map((r) => r.flagged)).toEqual([0, 1, 0]);
    expect(rows<{ status: string }>(db, "SELECT status FROM sessions WHERE kind = 'exam'")).toEqual([{ status: 'finished' }]);
  }, 60_000);

  it('submits by itself when a tiny time limit runs out', async () => {
    const { db, env } = setup();
    const t = terminal(['exam', '--domain', 'security', '--count', '3', '--minutes', '0.03', '--seed', 'pty'], env);
    await t.waitFor('Question 1/3');
    t.type('a');
    await t.waitFor('Time is up', 0, 20_000);
    await t.waitFor('mock exam result');
    expect(await t.exited).toBe(0);
    const answers = rows<{ given: string; correct: number }>(db, 'SELECT given, correct FROM answers ORDER BY position');
    expect(answers).toHaveLength(3);
    expect(answers.slice(1)).toEqual([
      { given: 'null', correct: 0 },
      { given: 'null', correct: 0 },
    ]);
  }, 60_000);
});
