import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../helpers/cli.js';
import { bin, repeated, terminal, type TerminalOptions } from './terminal.js';
import { IAM_LIMITS as NOTE } from '../helpers/notes.js';


function setup(notes: string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'awsquiz-exam-pty-'));
  const db = join(dir, 'q.db');
  const env = { AWSQUIZ_DB: db, NO_COLOR: '1' };
  // With no notes of its own, the database gets the bundled notes (1 200+ questions): enough for a full exam.
  if (notes !== null) writeFileSync(join(dir, 'iam.md'), notes);
  const args = notes === null ? ['ingest'] : ['ingest', dir];
  expect(spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env } }).status).toBe(0);
  return { db, env, dir };
}

const rows = query;

/** Opens an exam and starts its clock at the start screen. */
async function started(args: string[], env: Record<string, string>, first: string, options: TerminalOptions = {}) {
  const t = terminal(args, env, options);
  const intro = await t.waitFor('Enter starts the clock');
  t.type('\r');
  await t.waitFor(first);
  return Object.assign(t, { intro: intro.join('\n') });
}

const stats = (env: Record<string, string>) =>
  JSON.parse(spawnSync(process.execPath, [bin, 'stats', '--json'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout) as {
    overview: { answers: number; accuracy: number | null; dueToday: number; dueNext7Days: number };
    weakTopics: unknown[];
    domains: Array<{ answers: number; accuracy: number | null }>;
  };

describe('awsquiz exam in an 80×24 terminal', () => {
  it('redraws one screen for n, p and f; picks are marked; s asks first; the report shows your answers', async () => {
    const { db, env } = setup(NOTE);
    const t = await started(['exam', '--domain', 'security', '--count', '3', '--seed', 'pty'], env, 'Question 1/3');
    // a answers 1 and moves on; f flags 2; n, p and p come back to 1.
    let screen = await t.steps([
      ['a', 'Question 2/3'],
      ['f', '⚑ flagged'],
      ['n', 'Question 3/3'],
      ['p', 'Question 2/3'],
      ['p', 'Question 1/3'],
    ]);
    // The answer given is marked on its choice when the question comes back.
    expect(screen.filter((l) => /^ {2}● 1\/a/.test(l))).toHaveLength(1);
    expect(await t.scrollback()).toEqual([]);
    expect(repeated(await t.lines())).toEqual([]);
    t.type('s');
    screen = await t.waitFor('Submit with 2 unanswered and 1 flagged questions?');
    t.type('n'); // back: the review lists every question
    screen = await t.waitFor('go to:');
    expect(screen.join('\n')).toMatch(/1 answered · 2 unanswered · 1 flagged/);
    t.type('s');
    await t.waitFor('Submit with');
    t.type('y');
    await t.waitFor('mock exam result');
    expect(await t.exited).toBe(0);
    const all = (await t.lines()).join('\n');
    expect(all).toMatch(/Unanswered \(2\)/);
    expect(all).toMatch(/you: {3}IAM|you: {3}Root|you: {3}\S/);
    expect(all).toMatch(/right: \S/);
    expect(rows<{ n: number }>(db, 'SELECT count(*) AS n FROM answers')).toEqual([{ n: 1 }]);
    expect(rows<{ status: string }>(db, "SELECT status FROM sessions WHERE kind = 'exam'")).toEqual([{ status: 'finished' }]);
  }, 60_000);

  it('keeps the scrollback of a 65-question exam unchanged while its review screen waits, the clock ticking', async () => {
    const { env } = setup(null);
    const t = await started(['exam', '--seed', 'review'], env, 'Question 1/65');
    expect(t.intro).toContain('65 questions, 130 minutes');
    t.type('r');
    let screen = await t.waitFor('0 answered · 65 unanswered · 0 flagged');
    expect(screen.join('\n')).toMatch(/↓ \d+ more lines/);
    const before = await t.scrollback();
    const shown = await t.screen();
    await new Promise((r) => setTimeout(r, 3200)); // three ticks of the countdown
    expect(await t.scrollback()).toEqual(before);
    const after = await t.screen();
    // Only the clock moved.
    expect(after.filter((l, i) => l !== shown[i]).every((l) => /left$/.test(l))).toBe(true);
    expect(repeated(await t.lines())).toEqual([]);
    // Paging scrolls within the window, still without writing into the scrollback.
    t.type('\x1b[6~');
    screen = await t.waitFor(/↑ \d+ more lines/);
    expect(await t.scrollback()).toEqual(before);
    t.type('\x03');
    await t.waitFor('Exam paused');
    expect(await t.exited).toBe(0);
  }, 90_000);

  it('leaves accuracy, weak topics and due reviews as they were for the questions an exam never showed', async () => {
    const { env } = setup(NOTE);
    // Some study first, so there is a record to keep: two answers, one right, one wrong.
    spawnSync(process.execPath, [bin, 'study', '--limit', '2', '--seed', '4', '--plain'], { env: { ...process.env, ...env }, input: '1\n2\n' });
    const before = stats(env);
    expect(before.overview.answers).toBeGreaterThan(0);
    const t = await started(['exam', '--domain', 'security', '--count', '4', '--seed', 'unseen'], env, 'Question 1/4');
    t.type('s');
    await t.waitFor('Submit with 4 unanswered questions?');
    t.type('y');
    await t.waitFor('mock exam result');
    expect(await t.exited).toBe(0);
    expect((await t.lines()).join('\n')).toMatch(/Score: 0\.0% · 0\/4 right/);
    const after = stats(env);
    expect(after.overview).toEqual(before.overview);
    expect(after.weakTopics).toEqual(before.weakTopics);
    expect(after.domains).toEqual(before.domains);
  }, 60_000);

  it('writes only JSON on stdout with --json, the chosen answers as text', async () => {
    const { env, dir } = setup(NOTE);
    const out = join(dir, 'result.json');
    const t = await started([], env, 'Question 1/2', { shell: `"${process.execPath}" "${bin}" exam --domain security --count 2 --seed json --json > "${out}"` });
    await t.steps([
      ['b', 'Question 2/2'],
      ['s', 'Submit with 1 unanswered question?'],
    ]);
    t.type('y');
    expect(await t.exited).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { total: number; answered: number; questions: Array<{ given: string[] | null; outcome: string }> };
    expect(report).toMatchObject({ total: 2, answered: 1 });
    expect(report.questions[0]!.given).toEqual([expect.stringMatching(/\S/)]);
    expect(typeof report.questions[0]!.given![0]).toBe('string');
    expect(report.questions[1]).toMatchObject({ given: null, outcome: 'unanswered' });
  }, 60_000);
});
