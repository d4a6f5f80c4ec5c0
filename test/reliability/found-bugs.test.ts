// Reproductions of bugs found while working on issue #7 (kept out of the committed tests: they fail today).
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeNote } from '../../src/notes/analyze.js';

import { bin } from '../helpers/cli.js';

const run = (db: string, args: string[], timeout = 60_000) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout, env: { ...process.env, AWSQUIZ_DB: db, NO_COLOR: '1' } });
const tmp = () => mkdtempSync(join(tmpdir(), 'awsquiz-bug-'));
const NOTE = '# Queues\n\n## Queue kinds\n\n- **Standard queue**: delivers each message at least once\n- **FIFO queue**: keeps strict order and delivers each message once\n- **Delay queue**: waits a set time before delivering new messages\n';

// Each of these failed before its fix (found while writing the reliability tests).
describe('bugs found with issue #7', () => {
  it('B1 lists: the stated number matches the items named when list items are alike', () => {
    const doc = '# Storage\n\n## Two block kinds\n\n- Gp three\n- gp-three\n\n## Three file kinds\n\n- Elastic files\n- Lustre files\n- Windows shares\n\n## Two object kinds\n\n- Standard tier\n- Archive tier\n';
    const lists = analyzeNote(doc).questions.filter((q) => q.factKind === 'enumeration');
    expect(lists.length).toBeGreaterThan(0);
    for (const q of lists) {
      const stated = Number(/name the (\d+) listed/.exec(q.prompt)?.[1]);
      expect(stated).toBe(q.answers[0]!.split('; ').length);
    }
  });

  it('B2 single: the answer is never in the prompt when a wrong choice merely shares its words', () => {
    const doc = '## DynamoDB\n\n- **DynamoDB**: a key-value store; pair it with Streams for change events\n- **DynamoDB Streams**: an ordered log of item changes kept for a day\n';
    for (const q of analyzeNote(doc).questions) expect(` ${q.prompt.toLowerCase()} `).not.toContain(` ${q.answers[0]!.toLowerCase()} `);
  });

  it('B4 ingest of an explicit path that is a named pipe does not hang', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    writeFileSync(join(dir, 'ok.md'), NOTE);
    const r = run(join(dir, 'q.db'), ['ingest', join(dir, 'pipe.md'), join(dir, 'ok.md')], 10_000);
    expect(r.signal).toBeNull();
  }, 20_000);

  it('B5+B6 a write that fails mid-ingest gives one line, not a bug report and a stack trace', () => {
    const dir = tmp();
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    for (let i = 0; i < 60; i++) writeFileSync(join(notes, `n${i}.md`), NOTE.replace(/Queue kinds/, `Queue kinds ${i}`).repeat(20).replace(/queue\*\*/g, `queue ${i}**`));
    const db = join(dir, 'q.db');
    const r = spawnSync('sh', ['-c', `ulimit -f 1024 && exec "${process.execPath}" "${bin}" ingest "${notes}"`], { encoding: 'utf8', env: { ...process.env, AWSQUIZ_DB: db } });
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain('please report it'); // a full disk is not a bug to report
  });

  it('B6 a database damaged past its header gives a line that says what to do', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'n.md'), NOTE);
    const db = join(dir, 'q.db');
    run(db, ['ingest', join(dir, 'n.md')]);
    const raw = new Database(db, { readonly: true });
    const root = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'questions'").pluck().get() as number;
    raw.close();
    const bytes = readFileSync(db);
    bytes.fill(0xa5, (root - 1) * 4096, (root - 1) * 4096 + 12);
    writeFileSync(db, bytes);
    const r = run(db, ['questions']);
    expect(r.stderr).not.toContain('please report it');
  });

  it('B7 deleting a copy of a note keeps the original note\'s questions', () => {
    const dir = tmp();
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'sqs.md'), NOTE);
    const db = join(dir, 'q.db');
    run(db, ['ingest', notes]);
    const count = () =>
      (JSON.parse(run(db, ['questions', '--json', '--topic', 'Queue kinds']).stdout) as Array<{ source: { path: string } }>).filter((q) =>
        q.source.path.endsWith('sqs.md'),
      ).length;
    const before = count();
    expect(before).toBeGreaterThan(0);
    copyFileSync(join(notes, 'sqs.md'), join(notes, 'sqs (copy).md'));
    run(db, ['ingest', notes]);
    rmSync(join(notes, 'sqs (copy).md'));
    run(db, ['ingest', notes]);
    run(db, ['ingest']); // re-checks known notes: the copy is gone, its questions go back to the original
    run(db, ['ingest', notes]);
    expect(count()).toBe(before);
  }, 60_000);

  it('B8 a "." header cell (ditto mark) is never a right answer', () => {
    const doc = '| . | SQS | .\n| --- | --- | --- |\n| SQS |  | SQS<br/>SQS\n| . | SQS | .\n|  |  | _x_\n| SQS<br/>SQS | SQS | SQS<br/>SQS\n';
    for (const q of analyzeNote(doc).questions) expect(q.answers).not.toContain('.');
  });
});
