import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWords } from '../../src/cli/shell-words.js';
import { bin, terminal } from '../e2e/terminal.js';
import { tmp } from '../reliability/helpers.js';

// Issue #17, items 7 (in a real terminal), 10 (EDITOR with an escape sequence), 12 (EDITOR=' vim') and 23
// (EDITOR split as a shell splits words, without running one).

const NOTE = `# Amazon \u202eSQS\u202c

## SQS queue \u2067settings\u2069

- **Visibility\u200b timeout**: hides a received message from other consumers while one consumer works on it
- **Delay queue\u{E0041}**: postpones the delivery of every new message for a set time
- **Dead-letter\u200d queue**: receives messages that failed processing too many times
- **Long\u200c polling**: waits for messages to arrive instead of returning an empty response at once
`;

// Bidirectional, zero-width, tag and C1 characters, and the OSC the EDITOR value carries.
const DECEIVING = /[\u0080-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\u{E0000}-\u{E007F}]|\u001b\]0;pwned/u;

/** Studies one question, opens its note with `editor`, quits; returns the question's screen, the buffer left and the raw bytes written. */
async function studyThenEdit(editor: string): Promise<{ question: string; screen: string; raw: string }> {
  const dir = tmp('awsquiz-editor-');
  writeFileSync(join(dir, 'sqs.md'), NOTE);
  const db = join(dir, 'q.db');
  const env = { AWSQUIZ_DB: db, NO_COLOR: '1', EDITOR: editor, VISUAL: '' };
  expect(spawnSync(process.execPath, [bin, 'ingest', dir], { env: { ...process.env, ...env } }).status).toBe(0);
  const t = terminal(['study', '--limit', '2', '--seed', '5'], env);
  const first = (await t.waitFor('x flag as bad')).join('\n');
  // A card is turned over with Enter, a choice answered with 1: either way the next screen can open the note.
  t.type(first.includes('Enter shows the answer') ? '\r' : '1');
  await t.waitFor('e open the note');
  const before = t.raw().length;
  t.type('e');
  // Quit only once the screen is drawn again after the editor ran (its own output, or the line saying it
  // could not start): a key typed between two screens would be the editor's.
  for (let start = Date.now(); ; ) {
    const since = t.raw().slice(before);
    const ran = since.search(/sqs\.md|Could not/);
    if (ran >= 0 && since.slice(ran).includes('open the note')) break;
    if (Date.now() - start > 15_000) throw new Error(`the editor never ran, or the screen was not drawn again; screen:\n${(await t.screen()).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  t.type('q');
  expect(await t.exited).toBe(0);
  return { question: first, screen: (await t.lines()).join('\n'), raw: t.raw() };
}

describe('EDITOR and what a real terminal shows (issue #17)', () => {
  it('splits EDITOR as a shell would: quotes, backslashes, no expansion', () => {
    expect(shellWords(' vim')).toEqual(['vim']);
    expect(shellWords('"/opt/My Editor/bin/ed" -w')).toEqual(['/opt/My Editor/bin/ed', '-w']);
    expect(shellWords("code --wait 'a b'")).toEqual(['code', '--wait', 'a b']);
    expect(shellWords('my\\ editor "say \\"hi\\"" $HOME')).toEqual(['my editor', 'say "hi"', '$HOME']);
    expect(shellWords('ed "open')).toBeNull();
    expect(shellWords('   ')).toEqual([]);
  });

  it('runs an EDITOR with a leading space and a quoted argument, and shows no bidi, zero-width or tag character', async () => {
    const { question, screen, raw } = await studyThenEdit(' /bin/echo "two  words"');
    expect(screen).toMatch(/two {2}words \+\d+ .*sqs\.md/);
    expect(screen).not.toContain('unexpected error');
    // Every term of the note hides a character: the question names one, with its words intact.
    expect(question).toMatch(/Visibility timeout|Delay queue|Dead-letter queue|Long polling/);
    expect(raw).not.toMatch(DECEIVING);
  }, 30_000);

  it('prints an EDITOR that cannot start without its escape sequence', async () => {
    const { screen, raw } = await studyThenEdit('\u001b]0;pwned\u0007no-such-editor-here');
    expect(screen).toMatch(/Could not start .*no-such-editor-here/);
    expect(raw).not.toMatch(DECEIVING);
  }, 30_000);
});
