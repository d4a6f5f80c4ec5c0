import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the built binary (`npm test` builds before vitest runs), the way a user would.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function awsquiz(args: string[], db: string): Run {
  const r = spawnSync(process.execPath, ['bin/awsquiz.js', ...args], {
    cwd: root,
    env: { ...process.env, AWSQUIZ_DB: db, NO_COLOR: '1', AWSQUIZ_DEBUG: '' },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awsquiz-cli-'));
  made.push(dir);
  return dir;
}

/** A folder holding one note, and a database path next to it. */
function notes() {
  const dir = tmp();
  const note = join(dir, 'queues.md');
  writeFileSync(
    note,
    [
      '# Queues',
      '',
      '## Message Queue Options',
      '',
      '- **Standard queue**: delivers each message at least once, in roughly the order sent',
      '- **FIFO queue**: keeps strict ordering and processes each message exactly once',
      '- **Dead-letter queue**: collects messages that failed processing too many times',
      '- **Delay queue**: postpones delivery of new messages for a configured period',
      '',
    ].join('\n'),
  );
  return { dir, note, db: join(tmp(), 'awsquiz.db') };
}

/** One line ending in a newline, "awsquiz: …", with no stack trace. */
function expectOneLineError(err: string): void {
  expect(err.endsWith('\n')).toEqual(true);
  expect(err.trimEnd().split('\n').length).toEqual(1);
  expect(err.startsWith('awsquiz: ')).toEqual(true);
  expect(/^\s+at /m.test(err)).toEqual(false);
}

interface JsonQuestion {
  id: string;
  prompt: string;
  answers: string[];
  source: { path: string; line: number };
}

describe('awsquiz CLI', () => {
  it('prints the package version', () => {
    expect(awsquiz(['--version'], join(tmp(), 'a.db'))).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('lists its commands in --help', () => {
    const r = awsquiz(['--help'], join(tmp(), 'a.db'));
    expect(r.code).toEqual(0);
    expect(r.out.startsWith('Usage: awsquiz [options] [command]\n')).toEqual(true);
    expect(/^ {2}ingest \[options\] \[paths\.\.\.\]/m.test(r.out)).toEqual(true);
    expect(/^ {2}questions \[options\] \[action\] \[id\]/m.test(r.out)).toEqual(true);
  });

  it('exits 2 on an unknown command with a one-line message', () => {
    const r = awsquiz(['frobnicate'], join(tmp(), 'a.db'));
    expect(r.code).toEqual(2);
    expect(r.out).toEqual('');
    expectOneLineError(r.err);
    expect(r.err).toEqual("awsquiz: unknown command 'frobnicate'\n");
  });

  it('ingests a folder, printing a line per file and a totals line', () => {
    const { dir, note, db } = notes();
    const r = awsquiz(['ingest', dir], db);
    expect(r.code).toEqual(0);
    expect(r.err).toEqual('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines.length).toEqual(2);
    const file = /^ingested {3}(.+): (\d+) facts → (\d+) questions \((\d+) new, 0 retired\), \d+ skipped/.exec(lines[0]!);
    expect(file?.[1]).toEqual(note);
    const questions = Number(file?.[3]);
    expect(questions).toBeGreaterThan(0);
    expect(Number(file?.[4])).toEqual(questions);
    expect(lines[1]).toMatch(new RegExp(`^1 file: 1 ingested, 0 unchanged, 0 failed · ${questions} questions \\(${questions} new, 0 retired\\) · \\d+ skipped · 0 warnings$`));

    const again = awsquiz(['ingest', dir], db);
    expect(again).toEqual({
      code: 0,
      out: `unchanged  ${note}\n1 file: 0 ingested, 1 unchanged, 0 failed · 0 questions (0 new, 0 retired) · 0 skipped · 0 warnings\n`,
      err: '',
    });
  });

  it('prints the ingest report as JSON with --json', () => {
    const { dir, note, db } = notes();
    const r = awsquiz(['ingest', dir, '--json'], db);
    expect(r.code).toEqual(0);
    const report = JSON.parse(r.out) as { files: Array<{ path: string; status: string }>; totals: Record<string, number> };
    expect(report.files.map((f) => [f.path, f.status])).toEqual([[note, 'ingested']]);
    expect(report.totals).toMatchObject({ files: 1, ingested: 1, unchanged: 0, failed: 0, retired: 0, warnings: 0 });
    const listed = JSON.parse(awsquiz(['questions', '--json'], db).out) as JsonQuestion[];
    expect(report.totals.questions).toEqual(listed.length);
    expect(report.totals.added).toEqual(listed.length);
  });

  it('ingests the same questions in worker threads as in the main thread (--threads)', () => {
    const { dir } = notes();
    const list = (threads: string) => {
      const db = join(tmp(), `threads-${threads}.db`);
      expect(awsquiz(['ingest', dir, '--threads', threads], db).code).toEqual(0);
      return (JSON.parse(awsquiz(['questions', '--json'], db).out) as JsonQuestion[]).map((q) => [q.id, q.prompt, q.answers]);
    };
    const here = list('0');
    expect(here.length).toBeGreaterThan(0);
    expect(list('1')).toEqual(here);
    expect(list('2')).toEqual(here);
  });

  it('exits 2 with a one-line message for a bad --threads', () => {
    for (const bad of ['-1', 'two', '1.5', '65']) {
      const r = awsquiz(['ingest', '--threads', bad], join(tmp(), 'a.db'));
      expect(r.code).toEqual(2);
      expectOneLineError(r.err);
      expect(r.err).toContain(`not a thread count: ${bad}`);
    }
  });

  it('exits 1 when no given path can be ingested', () => {
    const { db } = notes();
    const r = awsquiz(['ingest', '/nonexistent'], db);
    expect(r.code).toEqual(1);
    expect(r.out.split('\n')[0]).toEqual('failed     /nonexistent: no such file or folder');
    expectOneLineError(r.err);
    expect(r.err).toEqual('awsquiz: no note could be ingested — check the paths and the warnings above\n');
  });

  it('reports an empty note as empty, not as a failure, and exits 1 when every note given is empty', () => {
    const { dir, db } = notes();
    const blank = join(dir, 'untitled.md');
    writeFileSync(blank, '\n  \n');
    const r = awsquiz(['ingest', dir], db);
    expect(r.code).toEqual(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toContain(`empty      ${blank}: nothing to ask yet`);
    expect(lines[lines.length - 1]).toMatch(/^2 files: 1 ingested, 0 unchanged, 0 failed, 1 empty · /);
    const alone = awsquiz(['ingest', blank], db);
    expect(alone.code).toEqual(1);
    expectOneLineError(alone.err);
    expect(alone.err).toEqual('awsquiz: nothing to ask: the note is empty — write in it first, or give the folder that holds your notes\n');
  });

  it('lists questions as JSON with their source, and shows one by id', () => {
    const { dir, note, db } = notes();
    expect(awsquiz(['ingest', dir], db).code).toEqual(0);
    const r = awsquiz(['questions', '--json'], db);
    expect(r.code).toEqual(0);
    const list = JSON.parse(r.out) as JsonQuestion[];
    expect(list.length).toBeGreaterThan(0);
    for (const q of list) {
      expect(q.id).toMatch(/^q[0-9a-f]{16}$/);
      expect(q.prompt.trim()).not.toEqual('');
      expect(q.answers.length).toBeGreaterThan(0);
      expect(q.source.path).toEqual(note);
      expect(Number.isInteger(q.source.line)).toEqual(true);
    }
    const standard = list.filter((q) => q.prompt.endsWith('what is “Standard queue”?')).map((q) => [q.answers[0], q.source.line]);
    expect(standard).toEqual([['delivers each message at least once, in roughly the order sent', 5]]);

    const one = list[0]!;
    const show = awsquiz(['questions', 'show', one.id], db);
    expect(show.code).toEqual(0);
    expect(show.out.split('\n').slice(0, 2)).toEqual([expect.stringMatching(new RegExp(`^${one.id} `)), `  ${one.prompt}`]);
    expect(show.out).toContain(`${note}:${one.source.line}`);
  });

  it('exits 1 for a question id that does not exist', () => {
    const { dir, db } = notes();
    awsquiz(['ingest', dir], db);
    const r = awsquiz(['questions', 'show', 'nope'], db);
    expect(r).toEqual({ code: 1, out: '', err: 'awsquiz: no question with id nope — list ids with `awsquiz questions`\n' });
  });

  it('gives a one-line error when --db points inside a file', () => {
    const file = join(tmp(), 'plain-file');
    writeFileSync(file, 'x');
    const r = awsquiz(['--db', join(file, 'x.db'), 'questions'], join(tmp(), 'unused.db'));
    expect(r.code).toEqual(1);
    expect(r.out).toEqual('');
    expectOneLineError(r.err);
    expect(r.err.startsWith(`awsquiz: cannot create the database folder ${file}: `)).toEqual(true);
  });

  it('gives a one-line error for a database file full of garbage, and leaves it unchanged', () => {
    const dir = tmp();
    const db = join(dir, 'garbage.db');
    const garbage = 'this is not an SQLite database, only text\n'.repeat(200);
    writeFileSync(db, garbage);
    const r = awsquiz(['questions'], db);
    expect(r.code).toEqual(1);
    expect(r.out).toEqual('');
    expectOneLineError(r.err);
    expect(r.err).toEqual(`awsquiz: ${db} is not a readable awsquiz database (file is not a database) — restore a backup (\`awsquiz db restore BACKUP\`) or point --db at another file\n`);
    expect(readFileSync(db, 'utf8')).toEqual(garbage);
  });
});
