import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ingest, MAX_FILE_BYTES, type FileReport, type IngestReport } from '../../src/app/ingest.js';
import { openDatabase, type Db } from '../../src/db/open.js';

const T1 = new Date('2026-01-01T00:00:00Z');
const T2 = new Date('2026-01-02T00:00:00Z');
const T3 = new Date('2026-01-03T00:00:00Z');

const QUEUES = [
  '# Queues', // 1
  '', // 2
  '## Message Queue Options', // 3
  '', // 4
  '- **Standard queue**: delivers each message at least once, in roughly the order sent', // 5
  '- **FIFO queue**: keeps strict ordering and processes each message exactly once', // 6
  '- **Dead-letter queue**: collects messages that failed processing too many times', // 7
  '- **Delay queue**: postpones delivery of new messages for a configured period', // 8
  '- **Temporary queue**: a lightweight queue created by the client for request-response traffic', // 9
  '', // 10
  '## Limits', // 11
  '', // 12
  '- Default visibility timeout: 30 seconds', // 13
  '- Maximum message size: 256 KB', // 14
  '- Default retention period: 4 days', // 15
  '',
].join('\n');

const STORAGE = [
  '# Storage classes',
  '',
  '- **S3 Standard**: frequently read objects with millisecond retrieval',
  '- **S3 Glacier Deep Archive**: the cheapest tier, restores take up to twelve hours',
  '- **S3 Intelligent-Tiering**: moves objects between tiers automatically as access patterns change',
  '',
].join('\n');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awsquiz-ingest-'));
  made.push(dir);
  return dir;
}

function run(db: Db, paths: string[], now = T1, includeKnown = false): Promise<IngestReport> {
  return ingest({ db, catalogue: loadCatalogue(), paths, includeKnown, now });
}

function activeIds(db: Db): string[] {
  return db.prepare('SELECT id FROM questions WHERE retired_at IS NULL ORDER BY id').pluck().all() as string[];
}

/** Active question ids by source line. */
function idsByLine(db: Db, path: string): Map<number, string[]> {
  const rows = db
    .prepare('SELECT q.id, q.line FROM questions q JOIN sources s ON s.id = q.source_id WHERE s.path = ? AND q.retired_at IS NULL ORDER BY q.id')
    .all(path) as Array<{ id: string; line: number }>;
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.line, [...(out.get(r.line) ?? []), r.id]);
  return out;
}

function byName(files: FileReport[]): Record<string, Pick<FileReport, 'status' | 'warnings'>> {
  return Object.fromEntries(files.map((f) => [basename(f.path), { status: f.status, warnings: f.warnings }]));
}

function setup() {
  const dir = tmp();
  const queues = join(dir, 'queues.md');
  const storage = join(dir, 'storage.md');
  writeFileSync(queues, QUEUES);
  writeFileSync(storage, STORAGE);
  const db = openDatabase(':memory:');
  return { dir, queues, storage, db };
}

describe('ingest', () => {
  it('ingests new notes and reports what each produced', async () => {
    const { dir, queues, storage, db } = setup();
    const report = await run(db, [dir]);

    expect(report.files.map((f) => [f.path, f.status, f.warnings])).toEqual([
      [queues, 'ingested', []],
      [storage, 'ingested', []],
    ]);
    const stored = db.prepare('SELECT count(*) FROM questions WHERE retired_at IS NULL').pluck().get();
    const total = report.files.reduce((a, f) => a + f.questions, 0);
    expect(report.totals).toEqual({
      files: 2,
      ingested: 2,
      unchanged: 0,
      failed: 0,
      empty: 0,
      questions: total,
      added: total,
      retired: 0,
      skipped: report.files.reduce((a, f) => a + f.skipped, 0),
      warnings: 0,
      outdated: 0,
    });
    expect(stored).toEqual(total);
    for (const f of report.files) expect(f.added).toEqual(f.questions);

    // Every definition bullet became a card that asks what its term means, pointing at its line.
    const definitions = db
      .prepare("SELECT prompt, answers, line, exam FROM questions WHERE fact_kind = 'attribute' AND kind = 'flip' AND line BETWEEN 5 AND 9 AND source_id = (SELECT id FROM sources WHERE path = ?) ORDER BY line")
      .all(queues);
    expect(definitions).toEqual([
      { prompt: 'Queues › Message Queue Options — what is “Standard queue”?', answers: '["delivers each message at least once, in roughly the order sent"]', line: 5, exam: null },
      { prompt: 'Queues › Message Queue Options — what is “FIFO queue”?', answers: '["keeps strict ordering and processes each message exactly once"]', line: 6, exam: null },
      { prompt: 'Queues › Message Queue Options — what is “Dead-letter queue”?', answers: '["collects messages that failed processing too many times"]', line: 7, exam: null },
      { prompt: 'Queues › Message Queue Options — what is “Delay queue”?', answers: '["postpones delivery of new messages for a configured period"]', line: 8, exam: null },
      { prompt: 'Queues › Message Queue Options — what is “Temporary queue”?', answers: '["a lightweight queue created by the client for request-response traffic"]', line: 9, exam: null },
    ]);
    const numbers = db.prepare("SELECT answers, line FROM questions WHERE fact_kind = 'numeric' ORDER BY line").all();
    expect(numbers).toEqual([
      { answers: '["30 seconds"]', line: 13 },
      { answers: '["256 KB"]', line: 14 },
      { answers: '["4 days"]', line: 15 },
    ]);

    const source = db.prepare('SELECT content_hash, size, questions, facts FROM sources WHERE path = ?').get(queues);
    const q = report.files.find((f) => f.path === queues)!;
    expect(source).toEqual({
      content_hash: createHash('sha256').update(readFileSync(queues)).digest('hex'),
      size: Buffer.byteLength(QUEUES),
      questions: q.questions,
      facts: q.facts,
    });
  });

  it('reports every file unchanged on a second run and keeps the same questions', async () => {
    const { dir, db } = setup();
    await run(db, [dir]);
    const before = db.prepare('SELECT id, updated_at, retired_at FROM questions ORDER BY id').all();

    const again = await run(db, [dir], T2);
    expect(again.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.totals).toEqual({ files: 2, ingested: 0, unchanged: 2, failed: 0, empty: 0, questions: 0, added: 0, retired: 0, skipped: 0, warnings: 0, outdated: 0 });
    expect(db.prepare('SELECT id, updated_at, retired_at FROM questions ORDER BY id').all()).toEqual(before);
  });

  it('checkpoints less often while ingesting, and puts the connection back as it was', async () => {
    const { dir } = setup();
    const db = openDatabase(join(tmp(), 'wal.db'));
    db.pragma('wal_autocheckpoint = 777');
    let during = 0;
    await ingest({ db, catalogue: loadCatalogue(), paths: [dir], includeKnown: false, now: T1, onProgress: () => (during = db.pragma('wal_autocheckpoint', { simple: true }) as number) });
    expect(during).toEqual(10000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toEqual(777);
    db.close();
  });

  it('retires only the questions of an edited line; the others keep their ids', async () => {
    const { queues, db } = setup();
    await run(db, [queues]);
    const before = idsByLine(db, queues);
    const oldFifo = before.get(6)!;
    expect(oldFifo.length).toBeGreaterThan(0);

    writeFileSync(queues, QUEUES.replace('keeps strict ordering and processes each message exactly once', 'preserves the send order and drops duplicate deliveries'));
    const [report] = (await run(db, [queues], T2)).files;
    const after = idsByLine(db, queues);

    for (const [line, ids] of before) if (line !== 6) expect(after.get(line)).toEqual(ids);
    const newFifo = after.get(6)!;
    expect(newFifo.length).toBeGreaterThan(0);
    expect(newFifo.filter((id) => oldFifo.includes(id))).toEqual([]);
    expect(report).toMatchObject({ status: 'ingested', retired: oldFifo.length, added: newFifo.length });

    // Retired, not deleted.
    const old = db.prepare(`SELECT id, retired_at FROM questions WHERE id IN (${oldFifo.map(() => '?').join(',')}) ORDER BY id`).all(...oldFifo);
    expect(old).toEqual([...oldFifo].sort().map((id) => ({ id, retired_at: T2.toISOString() })));
    // The new line is asked: its card's back is the new definition.
    const asked = db.prepare(`SELECT answers FROM questions WHERE id IN (${newFifo.map(() => '?').join(',')})`).pluck().all(...newFifo) as string[];
    expect(asked).toEqual(['["preserves the send order and drops duplicate deliveries"]']);
  });

  it('keeps every id when an edit only changes case and punctuation', async () => {
    const { queues, db } = setup();
    await run(db, [queues]);
    const before = activeIds(db);

    const edited = QUEUES.replace('**Standard queue**: delivers each message at least once, in roughly the order sent', '**standard Queue**: Delivers each message at least once in roughly the order sent.')
      .replace('Maximum message size: 256 KB', 'maximum message size: 256 KB.');
    expect(edited).not.toEqual(QUEUES);
    writeFileSync(queues, edited);
    const [report] = (await run(db, [queues], T2)).files;

    expect(report).toMatchObject({ status: 'ingested', added: 0, retired: 0 });
    expect(activeIds(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM questions WHERE retired_at IS NOT NULL').pluck().get()).toEqual(0);
    // The stored text follows the edit.
    const standard = db.prepare("SELECT prompt, answers FROM questions WHERE line = 5 AND fact_kind = 'attribute'").get();
    expect(standard).toEqual({ prompt: 'Queues › Message Queue Options — what is “standard Queue”?', answers: '["Delivers each message at least once in roughly the order sent."]' });
  });

  it('keeps the answer history of a question whose line was deleted', async () => {
    const { queues, db } = setup();
    await run(db, [queues]);
    const delay = db.prepare("SELECT id FROM questions WHERE line = 8 AND fact_kind = 'attribute'").pluck().get() as string;
    const temporary = db.prepare("SELECT id FROM questions WHERE line = 9 AND fact_kind = 'attribute'").pluck().get() as string;
    db.prepare('INSERT INTO answers (session_id, question_id, given, correct, time_ms, answered_at) VALUES (NULL, ?, ?, 1, 1000, ?)').run(
      delay,
      '"x"',
      T1.toISOString(),
    );

    writeFileSync(queues, QUEUES.replace('- **Delay queue**: postpones delivery of new messages for a configured period\n', ''));
    await run(db, [queues], T2);

    expect(db.prepare('SELECT session_id, question_id, given, correct, time_ms, answered_at FROM answers').all()).toEqual([
      { session_id: null, question_id: delay, given: '"x"', correct: 1, time_ms: 1000, answered_at: T1.toISOString() },
    ]);
    expect(db.prepare('SELECT retired_at FROM questions WHERE id = ?').pluck().get(delay)).toEqual(T2.toISOString());
    // The line below moved up one: same question, new line.
    expect(db.prepare('SELECT line, retired_at FROM questions WHERE id = ?').get(temporary)).toEqual({ line: 8, retired_at: null });
  });

  it('brings a retired question back under its old id when its line returns', async () => {
    const { queues, db } = setup();
    await run(db, [queues]);
    const delay = db.prepare("SELECT id FROM questions WHERE line = 8 AND fact_kind = 'attribute'").pluck().get() as string;
    writeFileSync(queues, QUEUES.replace('- **Delay queue**: postpones delivery of new messages for a configured period\n', ''));
    await run(db, [queues], T2);
    writeFileSync(queues, QUEUES);
    const [report] = (await run(db, [queues], T3)).files;
    expect(db.prepare('SELECT retired_at, line FROM questions WHERE id = ?').get(delay)).toEqual({ retired_at: null, line: 8 });
    expect(report!.retired).toEqual(0);
  });

  it('retires the questions of a deleted file when re-checking known sources', async () => {
    const { dir, queues, storage, db } = setup();
    await run(db, [dir]);
    const storageCount = db.prepare('SELECT questions FROM sources WHERE path = ?').pluck().get(storage) as number;
    expect(storageCount).toBeGreaterThan(0);
    rmSync(storage);

    const report = await run(db, [], T2, true);
    expect(report.files.map((f) => [f.path, f.status, f.retired, f.warnings])).toEqual([
      [storage, 'removed', storageCount, ['file deleted (its folder is still there): its questions were retired']],
      [queues, 'unchanged', 0, []],
    ]);
    const left = db
      .prepare('SELECT count(*) FROM questions q JOIN sources s ON s.id = q.source_id WHERE s.path = ? AND q.retired_at IS NULL')
      .pluck()
      .get(storage);
    expect(left).toEqual(0);
  });
});

describe('ingest: bad input', () => {
  it('fails each unusable file with a clear warning and still ingests the others', async () => {
    const dir = tmp();
    const put = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
    put('empty.md', '');
    put('blank.md', ' \n\n\t\n');
    put('binary.md', Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0x0a]));
    put('latin1.md', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xfd, 0x0a]));
    put('huge.md', '');
    truncateSync(join(dir, 'huge.md'), MAX_FILE_BYTES + 1024 * 1024); // sparse: nothing is written
    symlinkSync('self.md', join(dir, 'self.md')); // a link to itself
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub', 'loop')); // a folder that contains itself
    writeFileSync(join(dir, 'sub', 'inner.md'), STORAGE);
    put('ñotes #1 & más.md', QUEUES);
    const missing = join(dir, 'missing.md');

    const db = openDatabase(':memory:');
    const report = await run(db, [dir, missing]);

    expect(byName(report.files)).toEqual({
      'self.md': { status: 'failed', warnings: ['symbolic link loop'] },
      'missing.md': { status: 'failed', warnings: ['no such file or folder'] },
      'binary.md': { status: 'failed', warnings: ['binary file (not a text note)'] },
      'blank.md': { status: 'empty', warnings: [] },
      'empty.md': { status: 'empty', warnings: [] },
      'huge.md': { status: 'failed', warnings: ['too large (21.0 MB; the limit is 20 MB)'] },
      'latin1.md': { status: 'failed', warnings: ['not valid UTF-8 text'] },
      'inner.md': { status: 'ingested', warnings: [] },
      'ñotes #1 & más.md': { status: 'ingested', warnings: [] },
    });
    // The folder loop is walked once: inner.md is listed a single time, under its real path.
    expect(report.files.filter((f) => f.status === 'ingested').map((f) => f.path)).toEqual([join(dir, 'sub', 'inner.md'), join(dir, 'ñotes #1 & más.md')]);
    expect(report.totals).toMatchObject({ files: 9, ingested: 2, failed: 5, empty: 2, warnings: 5 });

    const paths = db.prepare('SELECT path FROM sources ORDER BY path').pluck().all();
    expect(paths).toEqual([join(dir, 'sub', 'inner.md'), join(dir, 'ñotes #1 & más.md')]);
    const odd = db
      .prepare("SELECT answers FROM questions q JOIN sources s ON s.id = q.source_id WHERE s.path = ? AND q.line = 5 AND q.fact_kind = 'attribute'")
      .pluck()
      .all(join(dir, 'ñotes #1 & más.md'));
    expect(odd).toEqual(['["delivers each message at least once, in roughly the order sent"]']);
  });

  it('flattens notes nested hundreds or thousands of levels deep, with a warning, and ingests the rest', async () => {
    const dir = tmp();
    let deepList = '# Deep\n\n';
    for (let i = 0; i < 200; i++) deepList += `${'  '.repeat(i)}- x\n`;
    writeFileSync(join(dir, 'deep-list.md'), deepList);
    writeFileSync(join(dir, 'deep-quote.md'), `# Deep\n\n${'>'.repeat(10_000)} x\n`);
    writeFileSync(join(dir, 'deep-markers.md'), `# Deep\n\n${'- '.repeat(10_000)}x\n`);
    writeFileSync(join(dir, 'storage.md'), STORAGE);

    const db = openDatabase(':memory:');
    const report = await run(db, [dir]);
    expect(byName(report.files)).toEqual({
      'deep-list.md': {
        status: 'ingested',
        warnings: ['1: nesting deeper than 40 levels was flattened', '1: lists nested deeper than 40 levels were cut'],
      },
      'deep-markers.md': { status: 'ingested', warnings: ['1: nesting deeper than 40 levels was flattened'] },
      'deep-quote.md': { status: 'ingested', warnings: ['1: nesting deeper than 40 levels was flattened'] },
      'storage.md': { status: 'ingested', warnings: [] },
    });
    expect(report.files.find((f) => f.path.endsWith('storage.md'))!.questions).toBeGreaterThan(0);
  });

  it('handles a file it cannot read (root can read it anyway)', async () => {
    const dir = tmp();
    const locked = join(dir, 'locked.md');
    writeFileSync(locked, STORAGE);
    chmodSync(locked, 0o000);
    writeFileSync(join(dir, 'open.md'), QUEUES);

    const report = await run(openDatabase(':memory:'), [dir]);
    const isRoot = process.getuid?.() === 0;
    expect(byName(report.files)).toEqual({
      'locked.md': isRoot ? { status: 'ingested', warnings: [] } : { status: 'failed', warnings: ['permission denied'] },
      'open.md': { status: 'ingested', warnings: [] },
    });
  });
});
