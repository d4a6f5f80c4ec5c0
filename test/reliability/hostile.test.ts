import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADINGLESS } from '../helpers/notes.js';
import { awsquiz, count, tmp, type Run } from './helpers.js';

// Hostile notes through the real binary. What test/app/ingest.test.ts already covers at the library level
// (symlink loops, an unreadable file, names with spaces, `#`, `&` and non-ASCII, a sparse 21 MB file,
// 10 000 `-`/`>` levels) is not repeated; this adds what reaches the terminal and what only the CLI does.

// Anything that can drive a terminal: C0 controls except \t and \n, DEL, and the C1 range (8-bit CSI/OSC).
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

const ESCAPES = [
  '---',
  'exam: "DVA-C02\x1b[2J"',
  'domain: development',
  '---',
  '',
  '# Evil \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 notes',
  '',
  '## SQS queue \x1b[31mcolour\x1b[0m settings',
  '',
  '- **Visibility\x1b[5m timeout**: hides a received message \x1b]0;pwned\x07from other consumers for a while',
  '- **Delay\u009b31m queue**: postpones delivery of each new message \x1b[1A\x1b[2K for a set time',
  '- **Dead-letter queue**: receives messages that failed \x07\x08\x08 processing too many times',
  '- **Long polling**: waits for messages to arrive instead of answering\r at once with nothing',
  '',
  'Q: Which API call \x1b[?1049h keeps a received job hidden from other consumers for longer?',
  'A: ChangeMessageVisibility\x1b[8m',
  '',
].join('\n');

// No heading: the questions' topic is the file name, which carries escape sequences of its own.
const EVIL_NAME = '\x1b[31mred\x1b]0;title\x07 name.md';

const PLAIN = ['# Storage classes', '', '- **S3 Standard**: frequently read objects with millisecond retrieval', '- **S3 Glacier Deep Archive**: the cheapest tier, restores take up to twelve hours', '- **S3 Intelligent-Tiering**: moves objects between tiers as access patterns change', ''].join('\n');

function aliasBomb(): string {
  const names = 'abcdefghi';
  let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < names.length; i++) yaml += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
  return `---\n${yaml}services: *i\ntags: *i\ndomain: *i\nexam: dva-c02\n---\n${PLAIN}`;
}

interface FileReport {
  path: string;
  status: string;
  questions: number;
  warnings: string[];
}

describe('hostile notes, end to end', () => {
  const dir = tmp('awsquiz-hostile-');
  const notes = join(dir, 'notes');
  const db = join(dir, 'awsquiz.db');
  let ingest: Run;
  let byName: Record<string, Pick<FileReport, 'status' | 'warnings'> & { questions: number }>;

  beforeAll(() => {
    mkdirSync(notes);
    const put = (name: string, data: string | Buffer) => writeFileSync(join(notes, name), data);
    put('escapes.md', ESCAPES);
    put(EVIL_NAME, HEADINGLESS);
    put('alias-bomb.md', aliasBomb());
    put('huge-front-matter.md', `---\nnotes: ${'x'.repeat(2 * 1024 * 1024)}\nexam: dva-c02\n---\n${PLAIN}`);
    put('one-line-50mb.md', Buffer.alloc(50 * 1024 * 1024, 'one long line of words '));
    put('one-line-512kb.md', `# One line\n\n${'plain words go on and on '.repeat(21_000)}\n`);
    put('nested-10000.md', `# Deep\n\n${'- 1. * > + '.repeat(2_000)}x\n\n${PLAIN.replace('# Storage classes', '## Storage classes')}`);
    let stairs = '# Stairs\n\n';
    for (let i = 0; i < 1_000; i++) stairs += `${'  '.repeat(i)}- step ${i}\n`;
    put('staircase-1000.md', stairs);
    put('plain.md', PLAIN.replace('# Storage classes', '# Storage classes again'));
    execFileSync('mkfifo', [join(notes, 'pipe.md')]); // a named pipe: opening it would block forever
    ingest = awsquiz(db, ['ingest', notes, '--json']);
    const report = JSON.parse(ingest.out) as { files: FileReport[] };
    byName = Object.fromEntries(report.files.map((f) => [basename(f.path), { status: f.status, warnings: f.warnings, questions: f.questions }]));
  }, 60_000);

  it('reports each hostile file on its own and ingests the rest', () => {
    expect(ingest.code).toBe(0);
    expect(ingest.err).toBe('');
    const q = (name: string) => byName[name]!.questions;
    expect(byName).toEqual({
      'escapes.md': { status: 'ingested', warnings: [], questions: q('escapes.md') },
      [EVIL_NAME]: { status: 'ingested', warnings: [], questions: q(EVIL_NAME) },
      // A billion-laughs front matter is parsed without expanding it, and its plain fields are kept.
      'alias-bomb.md': { status: 'ingested', warnings: [], questions: q('alias-bomb.md') },
      'huge-front-matter.md': { status: 'ingested', warnings: ['1: front matter larger than 16 KB ignored'], questions: q('huge-front-matter.md') },
      'one-line-50mb.md': { status: 'failed', warnings: ['too large (50.0 MB; the limit is 20 MB)'], questions: 0 },
      'one-line-512kb.md': { status: 'ingested', warnings: [], questions: 0 },
      'nested-10000.md': { status: 'ingested', warnings: ['1: nesting deeper than 40 levels was flattened'], questions: q('nested-10000.md') },
      'staircase-1000.md': {
        status: 'ingested',
        warnings: ['1: nesting deeper than 40 levels was flattened', '1: lists nested deeper than 40 levels were cut'],
        questions: 0,
      },
      'plain.md': { status: 'ingested', warnings: [], questions: 3 },
      // pipe.md is not a regular file: a folder walk passes it by instead of blocking on it.
    });
    for (const name of ['escapes.md', EVIL_NAME, 'alias-bomb.md', 'huge-front-matter.md', 'nested-10000.md']) expect(q(name)).toBeGreaterThan(0);
    expect(count(db, 'SELECT count(*) FROM sources')).toBe(8);
    const fm = count(db, "SELECT count(*) FROM sources WHERE exam = 'DVA-C02' AND path LIKE '%alias-bomb.md'");
    expect(fm).toBe(1);
  });

  it('strips escape sequences and control characters from everything printed', () => {
    const text = awsquiz(db, ['ingest', notes]); // the text report names the files (all unchanged now)
    expect(text.code).toBe(0);
    expect(text.out).toContain('/red name.md'); // the whole CSI and OSC sequences are gone, the printable rest stays
    const list = awsquiz(db, ['questions']);
    expect(list.code).toBe(0);
    expect(list.out).toContain('Visibility timeout');
    expect(list.out).toContain('ChangeMessageVisibility');
    const study = awsquiz(db, ['study', '--plain', '--limit', '40', '--seed', '3', '--no-refresh'], '1\n'.repeat(60));
    expect(study.code).toBe(0);
    expect(study.out).toContain('Session summary');
    const exam = awsquiz(db, ['exam', '--plain', '--domain', 'development', '--count', '5', '--seed', 'evil', '--no-refresh'], 'a\n'.repeat(5) + 's\n');
    expect(exam.code).toBe(0);
    expect(exam.out).toContain('mock exam result');
    for (const r of [ingest, text, list, study, exam]) {
      expect(r.out).not.toMatch(TERMINAL_CONTROL);
      expect(r.err).not.toMatch(TERMINAL_CONTROL);
    }
    // What is stored is clean too (the JSON output would escape it, but other tools read the database).
    expect(count(db, "SELECT count(*) FROM questions WHERE prompt || answers || distractors || source_text GLOB '*[\x01-\x08\x0b-\x1f\x7f]*'")).toBe(0);
  });
});
