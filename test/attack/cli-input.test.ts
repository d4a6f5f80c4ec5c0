import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IAM_LIMITS } from '../helpers/notes.js';
import { awsquiz, count, expectOneLineError, start, tmp, until } from '../reliability/helpers.js';

// Issue #17, items 4, 18 and 24: long timers, and values that used to be taken for something else.


function setup() {
  const dir = tmp('awsquiz-input-');
  writeFileSync(join(dir, 'iam.md'), IAM_LIMITS);
  const db = join(dir, 'q.db');
  expect(awsquiz(db, ['ingest', dir]).code).toBe(0);
  return { dir, db };
}

describe('values a user can get wrong (issue #17)', () => {
  it('refuses empty, malformed and impossible values with one line and exit 2', () => {
    const { dir, db } = setup();
    const cases: Array<[string[], RegExp]> = [
      [['--db', '', 'questions'], /^awsquiz: --db is empty — /],
      [['stats', '--since', '2026-02-30'], /^awsquiz: not a date: 2026-02-30 — /],
      [['stats', '--since', 'March 1'], /^awsquiz: not a date: March 1 — /],
      [['study', '--retention', '0.5abc'], /^awsquiz: --retention must be a number between 0 and 1, got 0\.5abc — /],
      [['study', '--domain', ''], /^awsquiz: --domain is empty — /],
      [['stats', '--topic', ' '], /^awsquiz: --topic is empty — /],
      [['exam', '--exam', ''], /^awsquiz: --exam is empty — /],
      [['ingest', ''], /^awsquiz: a path given to ingest is empty — /],
      [['exam', '--minutes', '1e9'], /^awsquiz: --minutes 1e9 is more than a year — /],
      [['study', '--minutes', '600000'], /^awsquiz: --minutes 600000 is more than a year — /],
    ];
    for (const [args, message] of cases) {
      const r = awsquiz(db, args);
      expect(r.code, args.join(' ')).toBe(2);
      expectOneLineError(r.err);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    // Nothing was made of them: no database beside the one given, no session.
    expect(count(db, 'SELECT count(*) FROM sessions')).toBe(0);
    expect(awsquiz(join(dir, 'other.db'), ['--db', '', 'db', 'path']).code).toBe(2);
  });

  it('a 100 000-minute exam and a 40 000-minute study session do not end at once', async () => {
    const { db } = setup();
    const exam = start(db, ['exam', '--plain', '--domain', 'security', '--count', '3', '--minutes', '100000', '--seed', 'x']);
    await until(() => exam.child.stdout.readableLength > 0 || count(db, "SELECT count(*) FROM sessions WHERE kind = 'exam'") === 1, 'the exam');
    await new Promise((r) => setTimeout(r, 1000));
    exam.child.stdin.end('a\n');
    const e = await exam.result;
    expect(e.code).toBe(0);
    expect(e.out).toContain('Exam paused');
    expect(e.out).not.toContain('Time is up');
    expect(count(db, 'SELECT count(*) FROM answers')).toBe(0);
    expect(awsquiz(db, ['exam', '--abandon']).code).toBe(0);

    const study = start(db, ['study', '--plain', '--limit', '2', '--minutes', '40000', '--seed', '1']);
    await new Promise((r) => setTimeout(r, 1000));
    study.child.stdin.end('1\n');
    const s = await study.result;
    expect(s.code).toBe(0);
    expect(s.out).not.toContain('Time is up');
    expect(count(db, 'SELECT count(*) FROM answers')).toBe(1);
  }, 30_000);
});
