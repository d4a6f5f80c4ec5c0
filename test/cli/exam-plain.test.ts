import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cliRunner, query, tempDir } from '../helpers/cli.js';
import { IAM_NOTE } from '../helpers/notes.js';

const NOTE = IAM_NOTE;

function setup() {
  const dir = tempDir('awsquiz-exam-');
  writeFileSync(join(dir, 'iam.md'), NOTE);
  const db = join(dir, 'q.db');
  const run = cliRunner(db);
  expect(run(['ingest', dir]).status).toBe(0);
  return { db, run };
}

describe('awsquiz exam with piped input', () => {
  it('lists the domains and where the questions go', () => {
    const { run } = setup();
    const r = run(['exam', '--list-domains', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { exam: string; domains: Array<{ slug: string; questions: number }>; unmapped: unknown[] };
    expect(out.exam).toBe('DVA-C02');
    expect(out.domains.map((d) => [d.slug, d.questions])).toEqual([
      ['development', 0],
      ['security', 4],
      ['deployment', 0],
      ['troubleshooting', 0],
    ]);
    expect(out.unmapped).toEqual([]);
  });

  it('takes answers, flags, goes back, submits, and reports by domain', () => {
    const { db, run } = setup();
    // answer 1; flag 2 and skip it; answer 3; back twice to 2 and answer it; skip 3; answer 4; submit at the review.
    const r = run(['exam', '--domain', 'security', '--count', '4', '--seed', 'fixed', '--json'], 'a\nf\nn\nb\np\np\nb\nn\nc\ns\n');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { total: number; answered: number; right: number; domains: Array<{ slug: string; total: number }>; estimateNote: string };
    expect(report).toMatchObject({ total: 4, answered: 4 });
    expect(report.domains.map((d) => [d.slug, d.total])).toEqual([['security', 4]]);
    expect(report.estimateNote).toMatch(/^estimate/);
    const rows = query<{ position: number; given: string; correct: number; flagged: number }>(db, 'SELECT position, given, correct, flagged FROM answers ORDER BY position');
    expect(rows.map((a) => a.flagged)).toEqual([0, 1, 0, 0]);
    expect(rows.every((a) => a.given !== 'null')).toBe(true);
    expect(rows.filter((a) => a.correct === 1).length).toBe(report.right);
    // Exam answers feed the schedule: every question now has a card, the missed ones due at once.
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM cards')).toEqual([{ n: 4 }]);
    expect(query<{ status: string }>(db, "SELECT status FROM sessions WHERE kind = 'exam'")).toEqual([{ status: 'finished' }]);
  });

  it('pauses when input ends and resumes where it stopped', () => {
    const { db, run } = setup();
    const first = run(['exam', '--domain', 'sec', '--count', '4', '--seed', 'fixed'], 'a\nb\n');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Exam paused');
    expect(query<{ status: string }>(db, "SELECT status FROM sessions WHERE kind = 'exam'")).toEqual([{ status: 'active' }]);
    const again = run(['exam', '--domain', 'security'], '');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^awsquiz: an exam started .* is unfinished — continue it with `awsquiz exam --resume`/);
    const resumed = run(['exam', '--resume', '--json'], 'c\nd\ns\n');
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain('Resuming DVA-C02 exam: 2/4 answered');
    expect((JSON.parse(resumed.stdout) as { answered: number }).answered).toBe(4);
    const given = query<{ given: string }>(db, 'SELECT given FROM answers ORDER BY position').map((a) => (JSON.parse(a.given) as string[]).length);
    expect(given).toEqual([1, 1, 1, 1]);
  });

  it('submits by itself when the time runs out, unanswered counting as wrong', async () => {
    const { db } = setup();
    const child = spawn(process.execPath, [bin, 'exam', '--domain', 'security', '--count', '4', '--minutes', '0.02', '--seed', 'fixed', '--json'], {
      env: { ...process.env, AWSQUIZ_DB: db, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.write('a\n'); // one answer, then silence with the input still open
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.destroy();
    expect(code).toBe(0);
    const report = JSON.parse(out) as { total: number; answered: number; right: number };
    expect(report).toMatchObject({ total: 4, answered: 1 });
    expect(report.right).toBeLessThanOrEqual(1);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM answers WHERE correct = 0')).toEqual([{ n: 4 - report.right }]);
    expect(query<{ status: string }>(db, "SELECT status FROM sessions WHERE kind = 'exam'")).toEqual([{ status: 'finished' }]);
  }, 20_000);
});
