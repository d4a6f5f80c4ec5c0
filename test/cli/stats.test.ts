import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner, tempDir } from '../helpers/cli.js';

const IAM = `---
exam: DVA-C02
domain: security
---

# IAM

## IAM identities

- **IAM user**: a person or program with long-term credentials
- **IAM role**: an identity anyone allowed can assume for temporary credentials
- **IAM group**: a collection of users that share the same permissions
`;

const LAMBDA = `---
exam: DVA-C02
domain: development
---

# Lambda

## Lambda invocation

- **Synchronous invocation**: the caller waits for the result or the error
- **Asynchronous call**: Lambda queues the event and retries twice on failure
- **Event source mapping**: Lambda polls a stream or queue and invokes with batches
`;

/** A database with six questions and a known history: IAM answered 1/4 right, Lambda 4/4, yesterday and today. */
function seeded() {
  const dir = tempDir('awsquiz-stats-');
  writeFileSync(join(dir, 'iam.md'), IAM);
  writeFileSync(join(dir, 'lambda.md'), LAMBDA);
  const db = join(dir, 'q.db');
  const run = cliRunner(db, { TZ: 'UTC' });
  expect(run(['ingest', dir]).status).toBe(0);
  const d = new Database(db);
  const ids = (topic: string) => (d.prepare(`SELECT q.id FROM questions q JOIN topics t ON t.id = q.topic_id WHERE t.path LIKE ? ORDER BY q.line`).all(`${topic}%`) as Array<{ id: string }>).map((r) => r.id);
  const iam = ids('IAM');
  const lambda = ids('Lambda');
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);
  const add = d.prepare('INSERT INTO answers (question_id, given, correct, time_ms, answered_at) VALUES (?, ?, ?, 5000, ?)');
  d.transaction(() => {
    add.run(iam[0], '"x"', 1, yesterday.toISOString());
    add.run(iam[1], '"x"', 0, yesterday.toISOString());
    add.run(iam[2], '"x"', 0, today.toISOString());
    add.run(iam[0], '"x"', 0, today.toISOString());
    for (const id of lambda) add.run(id, '"x"', 1, today.toISOString());
    add.run(lambda[0], '"x"', 1, today.toISOString());
  })();
  d.close();
  return { run, iam, lambda };
}

interface Report {
  exam: { code: string };
  overview: { questions: number; seen: number; answers: number; correct: number; streakDays: number };
  domains: Array<{ slug: string; questions: number; answers: number; correct: number; coverage: number | null }>;
  weakTopics: Array<{ topic: string; answers: number; correct: number; weak: boolean; command: string }>;
  readiness: { available: boolean };
  filter: { domain: string | null; since: string | null };
}

describe('awsquiz stats', () => {
  it('reports the seeded history as JSON', () => {
    const { run } = seeded();
    const r = run(['stats', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.exam.code).toBe('DVA-C02');
    expect(report.overview).toMatchObject({ questions: 6, seen: 6, answers: 8, correct: 5, streakDays: 2 });
    expect(report.domains.map((d) => [d.slug, d.questions, d.answers, d.correct, d.coverage])).toEqual([
      ['development', 3, 4, 4, 1],
      ['security', 3, 4, 1, 1],
      ['deployment', 0, 0, 0, null],
      ['troubleshooting', 0, 0, 0, null],
    ]);
    expect(report.weakTopics[0]).toMatchObject({ topic: 'IAM › IAM identities', answers: 4, correct: 1, weak: true, command: expect.stringMatching(/^awsquiz study --topic-id \d+$/) });
    expect(report.readiness.available).toBe(false);
  });

  it('narrows by domain and by date', () => {
    const { run } = seeded();
    const sec = JSON.parse(run(['stats', '--json', '--domain', 'sec']).stdout) as Report;
    expect(sec.filter.domain).toBe('security');
    expect(sec.overview).toMatchObject({ questions: 3, answers: 4, correct: 1 });
    const recent = JSON.parse(run(['stats', '--json', '--since', '1d']).stdout) as Report;
    expect(recent.overview.answers).toBe(6);
  });

  it('prints an 80-column report, and rejects a bad filter in one line', () => {
    const { run } = seeded();
    const text = run(['stats']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Weakest topics');
    expect(text.stdout).toMatch(/awsquiz study --topic-id \d+/);
    for (const line of text.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const bad = run(['stats', '--since', 'someday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('awsquiz: not a date: someday — use a date such as 2026-03-01, or 7d / 4w\n');
  });
});

describe('awsquiz stats --exam-date', () => {
  it('predicts recall for the exam day, and refuses a day gone by', () => {
    const { run } = seeded();
    const day = new Date(Date.now() + 30 * 86_400_000);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const r = JSON.parse(run(['stats', '--json', '--exam-date', iso]).stdout) as { recallHorizon: string };
    expect(r.recallHorizon.slice(0, 10)).toBe(iso);
    const week = JSON.parse(run(['stats', '--json']).stdout) as { recallHorizon: string };
    expect(Date.parse(week.recallHorizon) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const past = run(['stats', '--exam-date', '2020-01-01']);
    expect(past.status).toBe(2);
    expect(past.stderr).toBe('awsquiz: the exam date 2020-01-01 has passed — give the day of your next exam, or leave --exam-date out\n');
  });
});
