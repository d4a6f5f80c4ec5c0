import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from 'node-pty';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'awsquiz.js');

const NOTE = `# Amazon SQS

## SQS queue settings

- **Visibility timeout**: hides a received message from other consumers while one consumer works on it
- **Delay queue**: postpones the delivery of every new message for a set time
- **Dead-letter queue**: receives messages that failed processing too many times
- **Long polling**: waits for messages to arrive instead of returning an empty response at once
`;

/** Drives the real binary in a pseudo-terminal: type keys, wait for text on screen. */
function terminal(args: string[], env: Record<string, string>) {
  const term = pty.spawn(process.execPath, [bin, ...args], { name: 'xterm-256color', cols: 100, rows: 40, cwd: root, env: { ...process.env, ...env } as Record<string, string> });
  let screen = '';
  let exitCode: number | null = null;
  term.onData((d) => (screen += d));
  const exited = new Promise<number>((resolve) => term.onExit((e) => resolve((exitCode = e.exitCode))));
  const waitFor = async (text: string | RegExp, from = 0, timeoutMs = 15_000) => {
    const start = Date.now();
    for (;;) {
      const seen = screen.slice(from);
      if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return screen.length;
      if (exitCode !== null || Date.now() - start > timeoutMs) throw new Error(`did not see ${String(text)}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { type: (s: string) => term.write(s), waitFor, exited, screen: () => screen, mark: () => screen.length };
}

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
    await t.waitFor('Which one does this describe', mark);
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
