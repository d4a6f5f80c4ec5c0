import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ingest } from '../../src/app/ingest.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { bin } from '../helpers/cli.js';

// Issue #17, items 1, 2 and 24 (a deleted note reported on every ingest): a note that is missing or
// unreadable is not a deleted one, a note found again comes back whole, and a question belongs to every
// note that makes it.

const QUEUES = `# SQS

## SQS queue settings

- **Visibility timeout**: hides a received message from other consumers while one consumer works on it
- **Delay queue**: postpones the delivery of every new message for a set time
- **Dead-letter queue**: receives messages that failed processing too many times
`;

function setup() {
  const base = mkdtempSync(join(tmpdir(), 'awsquiz-retire-'));
  const dir = join(base, 'notes');
  mkdirSync(dir);
  const file = join(dir, 'sqs.md');
  writeFileSync(file, QUEUES);
  const db = openDatabase(':memory:');
  let day = 1;
  const run = async (paths: string[] = [], includeKnown = paths.length === 0) =>
    ingest({ db, catalogue: loadCatalogue(), paths, includeKnown, now: new Date(`2026-01-${String(day++).padStart(2, '0')}T00:00:00Z`) });
  return { base, dir, file, db, run };
}

const active = (db: Db) => db.prepare('SELECT id FROM questions WHERE retired_at IS NULL ORDER BY id').pluck().all() as string[];

describe('retiring notes (issue #17)', () => {
  it('keeps the questions of a note whose folder was moved away, and still has them when it is back', async () => {
    const { base, dir, db, run } = setup();
    await run([dir]);
    const ids = active(db);
    // One question or more per definition: the count is the generator's; what must hold is that it stays.
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const answer = db.prepare(`INSERT INTO answers (question_id, given, correct, time_ms, answered_at) VALUES (?, '"x"', 1, 900, '2026-01-01T10:00:00Z')`);
    answer.run(ids[0]);
    renameSync(dir, join(base, 'elsewhere'));
    const away = await run();
    expect(away.files.map((f) => [f.status, f.retired])).toEqual([['missing', 0]]);
    expect(away.files[0]!.warnings[0]).toMatch(/its folder .* is gone: its questions are kept — run `awsquiz notes remove .*sqs\.md` to retire them/);
    expect(active(db)).toEqual(ids);
    renameSync(join(base, 'elsewhere'), dir);
    const back = await run();
    expect(back.files.map((f) => f.status)).toEqual(['unchanged']);
    expect(active(db)).toEqual(ids);
  });

  it('retires a note whose file was deleted from its folder, says so once, and brings it back whole when the file returns', async () => {
    const { dir, file, db, run } = setup();
    await run([dir]);
    const ids = active(db);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    renameSync(file, join(dir, '..', 'sqs.md.moved'));
    const gone = await run();
    expect(gone.files.map((f) => [f.status, f.retired])).toEqual([['removed', ids.length]]);
    expect(active(db)).toEqual([]);
    // Reported once, not on every ingest after it.
    expect((await run()).files).toEqual([]);
    renameSync(join(dir, '..', 'sqs.md.moved'), file);
    // The same content as before, so the same hash: it must come back active all the same.
    const back = await run([dir]);
    expect(back.files.map((f) => [f.status, f.added])).toEqual([['ingested', ids.length]]);
    expect(active(db)).toEqual(ids);
    expect(db.prepare('SELECT retired_at FROM sources').pluck().all()).toEqual([null]);
  });

  it('keeps the questions of a note it cannot read (a folder of mode 000, as a user other than root)', async (ctx) => {
    if (process.getuid?.() !== 0 && process.getuid?.() !== undefined) return ctx.skip('run as root: the test drops to nobody itself');
    // As root nothing is unreadable, so the binary runs as nobody over files nobody owns.
    const base = mkdtempSync(join(tmpdir(), 'awsquiz-retire-'));
    chmodSync(base, 0o777);
    const dir = join(base, 'notes');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sqs.md'), QUEUES);
    const dbPath = join(base, 'q.db');
    for (const p of [dir, join(dir, 'sqs.md')]) chownSync(p, 65534, 65534);
    const as = (args: string[]) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args], { encoding: 'utf8', env: { ...process.env, AWSQUIZ_DB: dbPath, NO_COLOR: '1', HOME: base } });
    expect(as(['ingest', dir]).status).toBe(0);
    // `ingest` without paths also reads the bundled notes: count this note's questions only.
    const count = () => (JSON.parse(as(['questions', '--json']).stdout) as Array<{ source: { path: string } }>).filter((q) => q.source.path === join(dir, 'sqs.md')).length;
    const made = count();
    expect(made).toBeGreaterThanOrEqual(3);
    chmodSync(dir, 0o000);
    try {
      const r = as(['ingest']);
      expect(r.stdout).toMatch(/missing +.*sqs\.md: cannot be read now \(permission denied\): its questions are kept/);
      expect(count()).toBe(made);
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(as(['ingest']).status).toBe(0);
    expect(count()).toBe(made);
    rmSync(base, { recursive: true, force: true });
  });

  it('keeps a question that another note still makes when its line is deleted from one of them', async () => {
    const { dir, file, db, run } = setup();
    const other = join(dir, 'queues-again.md');
    writeFileSync(other, QUEUES.replace('# SQS', '# SQS').concat('\n- **Long polling**: waits for messages to arrive instead of answering at once\n'));
    await run([dir]);
    const delay = db.prepare(`SELECT id FROM questions WHERE prompt LIKE '%postpones%'`).pluck().get() as string;
    expect(delay).toBeDefined();
    // Deleted from each note in turn: the question lives while one of them still says it.
    for (const [edited, keeper] of [[file, other], [other, file]] as const) {
      writeFileSync(edited, QUEUES.replace('- **Delay queue**: postpones the delivery of every new message for a set time\n', ''));
      await run([dir]);
      expect(db.prepare('SELECT retired_at FROM questions WHERE id = ?').pluck().get(delay)).toBeNull();
      const shownWith = db.prepare('SELECT s.path FROM questions q JOIN sources s ON s.id = q.source_id WHERE q.id = ?').pluck().get(delay);
      expect(shownWith).toBe(keeper);
      writeFileSync(edited, QUEUES);
      await run([dir]);
    }
    writeFileSync(file, QUEUES.replace('- **Delay queue**: postpones the delivery of every new message for a set time\n', ''));
    writeFileSync(other, QUEUES.replace('- **Delay queue**: postpones the delivery of every new message for a set time\n', ''));
    await run([dir]);
    expect(db.prepare('SELECT retired_at FROM questions WHERE id = ?').pluck().get(delay)).not.toBeNull();
  });
});
