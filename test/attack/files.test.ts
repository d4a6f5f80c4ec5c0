import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { fsPath, nameFromBytes } from '../../src/app/fs-names.js';
import { ingest, readNoteFile } from '../../src/app/ingest.js';
import { openDatabase } from '../../src/db/open.js';
import { awsquiz, tmp } from '../reliability/helpers.js';

// Issue #17, items 22 and 24: file names that are not UTF-8, UTF-16 notes, files whose size stat gets wrong.

const NOTE = `# SQS

## SQS queue settings

- **Visibility timeout**: hides a received message from other consumers while one consumer works on it
- **Delay queue**: postpones the delivery of every new message for a set time
- **Dead-letter queue**: receives messages that failed processing too many times
`;

describe('files that are notes all the same (issue #17)', () => {
  it('ingests a note whose file name is Latin-1, and finds it again unchanged', async () => {
    const dir = tmp('awsquiz-names-');
    // "café.md" in Latin-1: the byte E9 alone is not UTF-8.
    const raw = Buffer.concat([Buffer.from(dir + '/caf'), Buffer.from([0xe9]), Buffer.from('.md')]);
    writeFileSync(raw, NOTE);
    const db = openDatabase(':memory:');
    const run = () => ingest({ db, catalogue: loadCatalogue(), paths: [dir], includeKnown: true, now: new Date('2026-01-01T00:00:00Z') });
    const first = await run();
    expect(first.files.map((f) => f.status)).toEqual(['ingested']);
    const made = first.files[0]!.questions;
    expect(made).toBeGreaterThanOrEqual(3);
    expect((fsPath(first.files[0]!.path) as Buffer).equals(raw)).toBe(true);
    expect((await run()).files.map((f) => f.status)).toEqual(['unchanged']);
    // And the report shows the byte, not a replacement character.
    const cli = awsquiz(join(dir, 'q.db'), ['ingest', dir]);
    expect(cli.out).toMatch(new RegExp(`caf\\\\xE9\\.md: \\d+ facts → ${made} questions`));
  });

  it('keeps a valid UTF-8 name as it is, and round-trips any byte', () => {
    expect(nameFromBytes(Buffer.from('ñotes #1 & más.md'))).toBe('ñotes #1 & más.md');
    // The last is valid UTF-8 for U+EF80, one of the characters the escapes use: it is escaped whole.
    for (const bytes of [[0xff, 0xfe], [0x61, 0xc3], [0xe9, 0x2e, 0x6d, 0x64], [0xef, 0xbe, 0x80], [0xee, 0xbe, 0x80]]) {
      expect(Buffer.from(fsPath(nameFromBytes(Buffer.from(bytes))))).toEqual(Buffer.from(bytes));
    }
  });

  it('reads UTF-16 notes (with or without a byte order mark) and files whose stat size is 0', () => {
    const dir = tmp('awsquiz-names-');
    const le = join(dir, 'le.md');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTE, 'utf16le')]));
    const be = join(dir, 'be.md');
    const beBytes = Buffer.from(NOTE, 'utf16le').swap16();
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), beBytes]));
    const bare = join(dir, 'bare.md');
    writeFileSync(bare, Buffer.from(NOTE, 'utf16le'));
    for (const f of [le, be, bare]) {
      const r = readNoteFile(f);
      expect('text' in r && r.text.replace(/^\uFEFF/, ''), f).toBe(NOTE);
    }
    const binary = join(dir, 'bin.md');
    writeFileSync(binary, Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0x00, 0x41, 0x00, 0x00]));
    expect(readNoteFile(binary)).toEqual({ error: 'binary file (not a text note)' });
    const proc = readNoteFile('/proc/self/status');
    expect('text' in proc && proc.text.includes('Pid:')).toBe(true);
  });
});
