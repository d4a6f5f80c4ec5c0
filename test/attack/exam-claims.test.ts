import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IAM_LIMITS } from '../helpers/notes.js';
import { awsquiz, count, query, start, tmp, until } from '../reliability/helpers.js';

// Issue #17, item 3: one active exam, claimed atomically. Two `exam --resume` of one paused exam at once
// used to both submit it (10 answers for 5 questions); two `exam` started at once both became active.


function setup() {
  const dir = tmp('awsquiz-claims-');
  writeFileSync(join(dir, 'iam.md'), IAM_LIMITS);
  const db = join(dir, 'q.db');
  expect(awsquiz(db, ['ingest', dir]).code).toBe(0);
  return db;
}

describe('exam claims (issue #17)', () => {
  it('two `exam --resume` at once: one runs the exam, the other is refused, and it is submitted once', async () => {
    const db = setup();
    const paused = awsquiz(db, ['exam', '--plain', '--domain', 'security', '--count', '5', '--seed', 's'], '');
    expect(paused.out).toContain('Exam paused');
    const items = (JSON.parse(query<{ plan: string }>(db, "SELECT plan FROM sessions WHERE kind = 'exam'")[0]!.plan) as { items: unknown[] }).items.length;
    expect(items).toBeGreaterThanOrEqual(3);
    const a = start(db, ['exam', '--resume', '--plain']);
    const b = start(db, ['exam', '--resume', '--plain']);
    // Both are running, or one has already been refused: only then does the survivor get its answers.
    await until(() => count(db, "SELECT count(*) FROM sessions WHERE kind = 'exam' AND owner IS NOT NULL") === 1, 'a claim');
    for (const p of [a, b]) p.child.stdin.write('a\n'.repeat(items) + 's\n');
    for (const p of [a, b]) p.child.stdin.end();
    const results = await Promise.all([a.result, b.result]);
    expect(results.map((r) => r.code).sort(), JSON.stringify(results)).toEqual([0, 1]);
    const refused = results.find((r) => r.code === 1)!;
    expect(refused.err).toMatch(/^awsquiz: (the exam is open in another awsquiz \(process \d+\)|the exam was just resumed, submitted or abandoned by another awsquiz|there is no unfinished exam to resume) — /);
    expect(count(db, 'SELECT count(*) FROM answers')).toBe(items);
    expect(count(db, 'SELECT count(*) FROM review_logs')).toBe(items);
    expect(count(db, "SELECT count(*) FROM sessions WHERE kind = 'exam' AND status = 'finished'")).toBe(1);
  }, 30_000);

  it('two `exam` started at once: only one becomes active', async () => {
    const db = setup();
    const a = start(db, ['exam', '--plain', '--domain', 'security', '--count', '3', '--seed', 'a', '--no-refresh']);
    const b = start(db, ['exam', '--plain', '--domain', 'security', '--count', '3', '--seed', 'b', '--no-refresh']);
    await until(() => count(db, "SELECT count(*) FROM sessions WHERE kind = 'exam'") >= 1, 'an exam');
    // Let both get past their checks before either is answered.
    await new Promise((r) => setTimeout(r, 1500));
    expect(count(db, "SELECT count(*) FROM sessions WHERE kind = 'exam' AND status = 'active'")).toBe(1);
    for (const p of [a, b]) p.child.stdin.end();
    const results = await Promise.all([a.result, b.result]);
    expect(results.filter((r) => r.code === 1).length).toBe(1);
    expect(count(db, "SELECT count(*) FROM sessions WHERE kind = 'exam'")).toBe(1);
  }, 30_000);
});

describe('starting an exam (issue #17)', () => {
  it('is claimed in one transaction: a second connection that checked before the first wrote gets none', async () => {
    const { openDatabase } = await import('../../src/db/open.js');
    const { QuizRepository } = await import('../../src/db/quiz.js');
    const path = join(tmp('awsquiz-claims-'), 'q.db');
    const a = openDatabase(path);
    const b = openDatabase(path);
    try {
      const start = (repo: InstanceType<typeof QuizRepository>, owner: string) =>
        repo.startExam({ exam: 'DVA-C02', domain: null, at: new Date('2026-01-01T00:00:00Z'), timeLimitS: 60, seed: 's', plan: {}, owner });
      // Both saw no active exam (as two processes starting at once do); only one may become active.
      expect(new QuizRepository(b).activeSession('exam')).toBeUndefined();
      expect(start(new QuizRepository(a), '1:a')).toBeTypeOf('number');
      expect(start(new QuizRepository(b), '2:b')).toBeNull();
      expect(a.prepare("SELECT count(*) FROM sessions WHERE kind = 'exam' AND status = 'active'").pluck().get()).toBe(1);
    } finally {
      a.close();
      b.close();
    }
  });
});
