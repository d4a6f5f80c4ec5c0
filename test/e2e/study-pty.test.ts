import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, terminal } from './terminal.js';

const NOTE = `# Amazon SQS

## SQS limits

- Messages are kept for 4 days unless the queue says otherwise
- A long poll waits for at most 20 seconds before it answers
- The default visibility timeout is 30 seconds
- One batch holds up to 10 messages
`;

describe('awsquiz study in a terminal', () => {
  it('answers by keystroke, continues with Enter, and saves everything on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsquiz-pty-'));
    writeFileSync(join(dir, 'sqs.md'), NOTE);
    const db = join(dir, 'q.db');
    const env = { AWSQUIZ_DB: db, NO_COLOR: '1' };
    expect(spawnSync(process.execPath, [bin, 'ingest', dir], { env: { ...process.env, ...env } }).status).toBe(0);

    const t = terminal(['study', '--limit', '3', '--seed', '5', '--minutes', '10'], env);
    await t.waitFor('x flag as bad');
    await t.waitFor(/left/);
    let mark = t.mark();
    t.type('1');
    await t.waitFor(/✔ Right|✘ Wrong/, mark);
    await t.waitFor('Enter next', mark);
    mark = t.mark();
    t.type('\r');
    await t.waitFor(/fill in the blank/i, mark);
    mark = t.mark();
    t.type('b');
    await t.waitFor(/✔ Right|✘ Wrong/, mark);
    await t.waitFor('Enter next', mark);
    mark = t.mark();
    t.type('\x03');
    await t.waitFor('Session summary', mark);
    expect(await t.exited).toBe(0);

    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 2 });
    expect(d.prepare('SELECT count(*) AS n FROM review_logs').get()).toEqual({ n: 2 });
    expect(d.prepare("SELECT status FROM sessions WHERE kind = 'study'").all()).toEqual([{ status: 'finished' }]);
    d.close();
  }, 60_000);
});
