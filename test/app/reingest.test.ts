import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ingest } from '../../src/app/ingest.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { changedSources } from '../../src/app/refresh.js';
import { generatorStamp, quality } from '../../src/app/quality.js';

const NOTE = `# SQS

## SQS queue settings

- **Visibility timeout**: hides a received message from other consumers while one consumer works on it
- **Delay queue**: postpones the delivery of every new message for a set time
- **Dead-letter queue**: receives messages that failed processing too many times
- **Long polling**: waits for messages to arrive instead of returning an empty response at once
`;

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'awsquiz-'));
  const file = join(dir, 'sqs.md');
  writeFileSync(file, NOTE);
  const db = openDatabase(':memory:');
  const run = async (now = '2026-01-01T00:00:00Z') => ingest({ db, catalogue: loadCatalogue(), paths: [dir], includeKnown: false, now: new Date(now) });
  return { dir, file, db, run };
}

function activeIds(db: Db): string[] {
  return (db.prepare('SELECT id FROM questions WHERE retired_at IS NULL ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
}

describe('what study refreshes before it starts', () => {
  it('takes a note an older awsquiz analysed as changed, though its file did not change, and then no more', async () => {
    const { db, file, run } = setup();
    await run();
    const stamp = generatorStamp(quality());
    expect(changedSources(db, stamp)).toEqual([]);
    // As a database made by a release with an older generator holds it.
    db.prepare("UPDATE sources SET generator = '0:old:0'").run();
    expect(changedSources(db, stamp)).toEqual([file]);
    const again = await run('2026-01-02T00:00:00Z');
    expect(again.files.map((f) => f.status)).toEqual(['ingested']);
    expect(changedSources(db, stamp)).toEqual([]);
  });
});

describe('re-ingest', () => {
  it('is a no-op for unchanged notes', async () => {
    const { db, run } = setup();
    const first = await run();
    // Each definition is asked as a card (what does the term mean), and the two queues as a comparison each way.
    expect(first.totals).toMatchObject({ files: 1, ingested: 1, questions: 6, added: 6 });
    const ids = activeIds(db);
    const second = await run('2026-01-02T00:00:00Z');
    expect(second.files.map((f) => f.status)).toEqual(['unchanged']);
    expect(activeIds(db)).toEqual(ids);
  });

  it('keeps ids through case and punctuation edits', async () => {
    const { db, file, run } = setup();
    await run();
    const ids = activeIds(db);
    writeFileSync(file, NOTE.replace('hides a received message', 'Hides a received message,').replace('Delay queue', 'delay queue'));
    const report = await run('2026-01-02T00:00:00Z');
    expect(report.files[0]!.status).toBe('ingested');
    expect(activeIds(db)).toEqual(ids);
  });

  it('changes only the edited line’s question and keeps the retired one’s answers', async () => {
    const { db, file, run } = setup();
    await run();
    const before = db.prepare(`SELECT id FROM questions WHERE answers LIKE '%postpones%'`).get() as { id: string };
    const edited = db.prepare(`SELECT id FROM questions WHERE line = (SELECT line FROM questions WHERE id = ?)`).pluck().all(before.id) as string[];
    expect(edited).toHaveLength(2); // the card, and the comparison with the dead-letter queue
    db.prepare(`INSERT INTO answers (question_id, given, correct, time_ms, answered_at) VALUES (?, '"Delay queue"', 1, 1200, '2026-01-01T10:00:00Z')`).run(before.id);
    const untouched = activeIds(db).filter((id) => !edited.includes(id));
    writeFileSync(file, NOTE.replace('postpones the delivery of every new message for a set time', 'holds back each new message for up to 15 minutes'));
    const report = await run('2026-01-02T00:00:00Z');
    // The new wording is asked three ways (what the term means, which queue it describes, and its number);
    // the old line's two questions are retired.
    expect(report.files[0]).toMatchObject({ status: 'ingested', added: 3, retired: 2 });
    expect(activeIds(db).filter((id) => untouched.includes(id))).toEqual(untouched);
    const retired = db.prepare('SELECT retired_at FROM questions WHERE id = ?').get(before.id) as { retired_at: string };
    expect(retired.retired_at).toBe('2026-01-02T00:00:00.000Z');
    expect(db.prepare('SELECT count(*) AS n FROM answers WHERE question_id = ?').get(before.id)).toEqual({ n: 1 });
  });

  it('reports bad files and still ingests the good ones', async () => {
    const { dir, db } = setup();
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xfd]));
    writeFileSync(join(dir, 'ñotes #1 & más.md'), NOTE.replace('# SQS', '# SQS again'));
    const report = await ingest({ db, catalogue: loadCatalogue(), paths: [dir, join(dir, 'missing.md')], includeKnown: false, now: new Date('2026-01-01T00:00:00Z') });
    const byName = Object.fromEntries(report.files.map((f) => [f.path.split('/').pop(), [f.status, f.warnings.join('; ')]]));
    expect(byName).toEqual({
      'missing.md': ['failed', 'no such file or folder'],
      'binary.md': ['failed', 'binary file (not a text note)'],
      'empty.md': ['empty', ''],
      'latin1.md': ['failed', 'not valid UTF-8 text'],
      'sqs.md': ['ingested', ''],
      'ñotes #1 & más.md': ['ingested', ''],
    });
  });
});
