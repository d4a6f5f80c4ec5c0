import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin } from '../helpers/cli.js';
import { HEADINGLESS } from '../helpers/notes.js';
import { awsquiz, expectOneLineError, tmp, type Run } from '../reliability/helpers.js';

// Issue #17, items 7–10 and 21: what reaches the terminal. Bidirectional overrides, zero-width and tag
// characters from notes, line breaks and 8-bit CSI in file names, and escapes in error text never reach
// it, in any command, JSON included; a failed write to stdout is an error.

// Everything that drives or deceives a terminal: C0 but \t and \n, DEL, C1, bidi marks, embeddings,
// overrides and isolates, zero-width characters, the BOM, tag characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/u;

const BIDI_NOTE = [
  '---',
  'exam: DVA-C02',
  'domain: development',
  '---',
  '',
  '# SQS \u202Eevil\u202C settings',
  '',
  '## SQS queue \u2067kinds\u2069 of things',
  '',
  '- **Visibility\u200B timeout**: hides a received message from other consumers while one works on it',
  '- **Delay queue\u{E0041}\u{E0042}**: postpones delivery of each new message for a set time',
  '- **Dead-letter queue**: receives messages that failed processing too many \u2066times\u2069',
  '- **Long polling**: waits for messages to arrive instead of answering at once with nothing',
  '',
].join('\n');


// A file name that would forge a report line, and one with an 8-bit CSI.
const FORGED = 'a\nfailed     forged.md: fake line\n.md';
const CSI8 = 'c1\u009b31mred\u202e.md';

describe('what reaches the terminal (issue #17)', () => {
  const dir = tmp('awsquiz-term-');
  const notes = join(dir, 'notes');
  const db = join(dir, 'q.db');
  const runs: Array<[string, Run]> = [];
  const run = (name: string, args: string[], input = '') => {
    const r = awsquiz(db, args, input);
    runs.push([name, r]);
    return r;
  };

  beforeAll(() => {
    mkdirSync(notes);
    writeFileSync(join(notes, 'bidi.md'), BIDI_NOTE);
    writeFileSync(join(notes, FORGED), HEADINGLESS);
    writeFileSync(join(notes, CSI8), HEADINGLESS.replace(/queue/g, 'line'));
  });

  it('no command prints a control, bidirectional, zero-width or tag character, and JSON escapes them', () => {
    const text = run('ingest', ['ingest', notes]);
    expect(text.code).toBe(0);
    // One line per file: the name's line break shows as \n and forges no "failed" line.
    expect(text.out.split('\n').filter((l) => l.startsWith('failed'))).toEqual([]);
    expect(text.out).toContain('a\\nfailed     forged.md: fake line\\n.md');
    const json = run('ingest --json', ['ingest', notes, '--json']);
    expect((JSON.parse(json.out) as { files: Array<{ path: string }> }).files.map((f) => f.path).sort()).toEqual([join(notes, FORGED), join(notes, 'bidi.md'), join(notes, CSI8)].sort());
    const list = run('questions', ['questions']);
    expect(list.out).toContain('Visibility timeout');
    const listJson = run('questions --json', ['questions', '--json']);
    const questions = JSON.parse(listJson.out) as Array<{ id: string; source: { path: string } }>;
    expect(questions.some((q) => q.source.path === join(notes, CSI8))).toBe(true);
    run('questions show', ['questions', 'show', questions[0]!.id]);
    run('study', ['study', '--plain', '--limit', '30', '--seed', '2', '--no-refresh'], '1\n'.repeat(40));
    run('exam', ['exam', '--plain', '--domain', 'development', '--count', '5', '--seed', 'x', '--no-refresh'], 'a\n'.repeat(5) + 's\n');
    run('stats', ['stats']);
    run('stats --json', ['stats', '--json']);
    for (const [name, r] of runs) {
      expect(r.code, `${name}: ${r.err}`).toBe(0);
      expect(r.out, name).not.toMatch(UNSAFE);
      expect(r.err, name).not.toMatch(UNSAFE);
    }
  });

  it('error text goes through the same sanitiser, and a plan that is not JSON leaves --abandon as the way out (items 10, 13)', () => {
    const dir2 = tmp('awsquiz-term-');
    const db2 = join(dir2, 'q.db');
    mkdirSync(join(dir2, 'n'));
    writeFileSync(join(dir2, 'n', 'bidi.md'), BIDI_NOTE);
    expect(awsquiz(db2, ['ingest', join(dir2, 'n')]).code).toBe(0);
    const raw = new Database(db2);
    // What `truncate -s -3000` left of a plan: cut JSON, with NUL bytes and an escape sequence in it.
    raw.prepare("INSERT INTO sessions (kind, exam, started_at, status, plan) VALUES ('exam', 'DVA-C02', '2026-01-01T00:00:00Z', 'active', ?)").run(
      '{"version":1,"exam":"DVA-C02","items":[{"questionId":"\u0000\u0000\u001b]0;pwned\u0007',
    );
    raw.close();
    for (const args of [['exam', '--resume', '--plain'], ['exam', '--plain', '--no-refresh']]) {
      const r = awsquiz(db2, args, 's\n');
      expect(r.code, args.join(' ')).toBe(1);
      expectOneLineError(r.err);
      expect(r.err).not.toMatch(UNSAFE);
      expect(r.err).not.toContain('unexpected error');
      expect(r.err).toContain('awsquiz exam --abandon');
    }
    const abandon = awsquiz(db2, ['exam', '--abandon']);
    expect(abandon.code).toBe(0);
    expect(abandon.out).toMatch(/^Abandoned the exam started 2026-01-01T00:00:00Z/);
    expect(awsquiz(db2, ['exam', '--resume', '--plain']).err).toMatch(/there is no unfinished exam to resume/);
  });

  it('a failed write to stdout (a full disk) is an error, not exit 0', () => {
    const dir2 = tmp('awsquiz-term-');
    const db2 = join(dir2, 'q.db');
    mkdirSync(join(dir2, 'n'));
    writeFileSync(join(dir2, 'n', 'bidi.md'), BIDI_NOTE);
    expect(awsquiz(db2, ['ingest', join(dir2, 'n')]).code).toBe(0);
    for (const args of [['questions'], ['stats', '--json']]) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, AWSQUIZ_DB: db2, NO_COLOR: '1' } });
        expect(r.status, args.join(' ')).toBe(1);
        expect(r.stderr).toMatch(/^awsquiz: could not write the output \(no space left on the device\) — /);
        expectOneLineError(r.stderr);
      } finally {
        closeSync(full);
      }
    }
  });
});
