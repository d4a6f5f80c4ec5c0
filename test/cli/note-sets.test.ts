import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner, query, tempDir } from '../helpers/cli.js';

const practice = (service: string, items: string[]) =>
  `# ${service}\n\n## Practice questions\n\n${items.map(([q, a]) => `Q: ${q}\nA: ${a}\n`).join('\n')}`;

const SQS = practice('Amazon SQS', [
  ['Which SQS queue type keeps messages in strict order?', 'FIFO queue'],
  ['Which SQS setting hides a received message from other consumers?', 'Visibility timeout'],
] as unknown as string[]);
const IAM = practice('AWS IAM', [
  ['Which IAM identity is meant for a person or program with long-term credentials?', 'IAM user'],
  ['Which element of an IAM policy names the actions it allows or denies?', 'Action'],
] as unknown as string[]);

function setup() {
  const root = tempDir('awsquiz-sets-');
  const a = join(root, 'sqs');
  const b = join(root, 'iam');
  mkdirSync(a);
  mkdirSync(b);
  writeFileSync(join(a, 'sqs.md'), SQS);
  writeFileSync(join(b, 'iam.md'), IAM);
  const db = join(root, 'q.db');
  const run = cliRunner(db);
  expect(run(['ingest', a, b]).status).toBe(0);
  return { root, a, b, db, run };
}

const topicsAnswered = (db: string) =>
  query<{ path: string }>(db, 'SELECT DISTINCT t.path FROM answers a JOIN questions q ON q.id = a.question_id JOIN topics t ON t.id = q.topic_id ORDER BY 1').map((r) => r.path);

describe('note sets', () => {
  it('lists the ingested notes by folder and one by one', () => {
    const { a, b, db, run } = setup();
    const count = (dir: string) => query<{ n: number }>(db, `SELECT count(*) AS n FROM questions q JOIN sources s ON s.id = q.source_id WHERE s.path LIKE '${dir}/%'`)[0]!.n;
    const byFolder = JSON.parse(run(['notes', '--json']).stdout) as Array<{ folder: string; notes: number; questions: number }>;
    expect(byFolder.map((s) => [s.folder, s.notes, s.questions])).toEqual([
      [b, 1, count(b)],
      [a, 1, count(a)],
    ]);
    expect(count(a)).toBe(2);
    const text = run(['notes', '--files']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/ {8}2 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}.*sqs\.md/);
  });

  it('draws study and exam from one set with --notes', () => {
    const { a, db, run } = setup();
    expect(run(['study', '--notes', a, '--limit', '10', '--plain'], 'x1\nx2\nx3\nx4\n').status).toBe(0);
    expect(topicsAnswered(db)).toEqual(['Amazon SQS › Practice questions']);
    const bad = run(['study', '--notes', join(a, 'nothing-here')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^awsquiz: no ingested notes at .*nothing-here — `awsquiz notes` lists them/);
  });

  it('drills exactly one topic by id, where the last heading is shared by many', () => {
    const { db, run } = setup();
    const { id } = query<{ id: number }>(db, "SELECT id FROM topics WHERE path = 'AWS IAM › Practice questions'")[0]!;
    expect(run(['study', '--topic-id', String(id), '--limit', '10', '--plain'], 'a\nb\nc\nd\n').status).toBe(0);
    expect(topicsAnswered(db)).toEqual(['AWS IAM › Practice questions']);
    // What `--topic` with the last heading would have drawn: both.
    expect(run(['study', '--topic', 'Practice questions', '--limit', '10', '--plain'], 'a\nb\nc\nd\n').status).toBe(0);
    expect(topicsAnswered(db)).toEqual(['AWS IAM › Practice questions', 'Amazon SQS › Practice questions']);
    expect(run(['study', '--topic-id', '9999']).stderr).toMatch(/^awsquiz: no topic has the id 9999 — /);
  });

  it('removes a set: its questions retire, its answers stay, re-checks leave it out, ingesting it again brings it back', () => {
    const { a, db, run } = setup();
    expect(run(['study', '--notes', a, '--limit', '2', '--plain'], 'FIFO queue\nnope\n').status).toBe(0);
    const r = run(['notes', 'remove', a]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Removed 1 note: 2 questions will not be asked again\.\nYour 2 answers to them stay in your history/);
    expect(query(db, "SELECT count(*) AS n FROM questions q JOIN sources s ON s.id = q.source_id WHERE s.path LIKE '%sqs.md' AND q.retired_at IS NULL")).toEqual([{ n: 0 }]);
    expect(query(db, 'SELECT count(*) AS n FROM answers')).toEqual([{ n: 2 }]);
    // A bare `ingest` re-checks every known note, but not a removed one.
    run(['ingest']);
    expect(query(db, "SELECT count(*) AS n FROM questions q JOIN sources s ON s.id = q.source_id WHERE s.path LIKE '%sqs.md' AND q.retired_at IS NULL")).toEqual([{ n: 0 }]);
    expect(run(['study', '--notes', a]).status).toBe(2);
    expect(run(['notes', 'remove', a]).stderr).toMatch(/^awsquiz: no ingested notes at /);
    expect(run(['ingest', a]).status).toBe(0);
    expect(query(db, "SELECT count(*) AS n FROM questions q JOIN sources s ON s.id = q.source_id WHERE s.path LIKE '%sqs.md' AND q.retired_at IS NULL")).toEqual([{ n: 2 }]);
  });

  it('says which files a folder of no Markdown holds and how to include them', () => {
    const dir = tempDir('awsquiz-txt-');
    writeFileSync(join(dir, 'sqs.txt'), SQS);
    writeFileSync(join(dir, 'iam.txt'), IAM);
    const run = cliRunner(join(dir, 'q.db'));
    const r = run(['ingest', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^awsquiz: no Markdown notes in .*: 2 files \(iam\.txt, sqs\.txt\) not read \(\.txt\) — name such files to ingest them anyway \(`awsquiz ingest .*\/\*\.txt`\), or rename them to \.md\n$/);
    expect(run(['ingest', join(dir, 'sqs.txt')]).status).toBe(0);
  });
});

describe('db reset --progress and questions unflag', () => {
  it('asks for a confirmation, backs up first, then forgets answers and schedules and keeps the questions', () => {
    const { root, db, run } = setup();
    expect(run(['study', '--limit', '3', '--plain'], 'a\nb\nc\n').status).toBe(0);
    const refused = run(['db', 'reset', '--progress']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^awsquiz: resetting would forget 3 answers and 3 schedules — confirm with `awsquiz db reset --progress --yes`\n$/);
    expect(run(['db', 'reset']).status).toBe(2);
    const done = run(['db', 'reset', '--progress', '--yes']);
    expect(done.status).toBe(0);
    const questions = query<{ n: number }>(db, 'SELECT count(*) AS n FROM questions WHERE retired_at IS NULL')[0]!.n;
    expect(done.stdout).toContain(`Forgot 3 answers, 3 schedules and 1 session; your ${questions} questions, notes and flags are kept.`);
    const backups = readdirSync(root).filter((f) => f.includes('before-reset'));
    expect(backups).toHaveLength(1);
    expect(existsSync(join(root, backups[0]!))).toBe(true);
    for (const t of ['answers', 'cards', 'review_logs', 'sessions', 'topic_scores', 'question_scores']) expect(query(db, `SELECT count(*) AS n FROM ${t}`)).toEqual([{ n: 0 }]);
    expect(query(db, 'SELECT count(*) AS n FROM questions WHERE retired_at IS NULL')).toEqual([{ n: questions }]);
    const stats = JSON.parse(run(['stats', '--json']).stdout) as { overview: { answers: number; seen: number } };
    expect(stats.overview).toMatchObject({ answers: 0, seen: 0 });
  });

  it('takes a flag back', () => {
    const { db, run } = setup();
    const { id } = query<{ id: string }>(db, 'SELECT id FROM questions ORDER BY id LIMIT 1')[0]!;
    const raw = new Database(db);
    raw.prepare("UPDATE questions SET flagged_at = 'x' WHERE id = ?").run(id);
    raw.close();
    const r = run(['questions', 'unflag', id.slice(0, 8)]);
    expect(r.stdout).toBe(`Unflagged ${id}: it is asked again in study sessions and exams.\n`);
    expect(query(db, 'SELECT count(*) AS n FROM questions WHERE flagged_at IS NOT NULL')).toEqual([{ n: 0 }]);
    expect(run(['questions', 'unflag', id]).stdout).toBe(`${id} is not flagged: nothing to do.\n`);
  });
});

describe('study flags', () => {
  it('refuses contradictory flags and takes minutes in fractions, saying minutes when they are wrong', () => {
    const { run } = setup();
    const both = run(['study', '--new-only', '--due-only']);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe("awsquiz: option '--new-only' cannot be used with option '--due-only' — use one of them\n");
    expect(run(['study', '--minutes', '0.5', '--plain'], '').status).toBe(0);
    const bad = run(['study', '--minutes', 'soon']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('awsquiz: not a number of minutes: soon — give minutes such as 15 or 0.5\n');
    expect(run(['exam', '--resume', '--abandon']).status).toBe(2);
  });

  it('draws only questions mapped to the exam named with --exam, not notes written for another exam', () => {
    const root = tempDir('awsquiz-exam-only-');
    writeFileSync(join(root, 'dva.md'), `---\nexam: DVA-C02\n---\n\n${SQS}`);
    writeFileSync(join(root, 'plain.md'), IAM);
    const db = join(root, 'q.db');
    const run = cliRunner(db);
    expect(run(['ingest', root]).status).toBe(0);
    expect(run(['study', '--exam', 'SAA-C03', '--limit', '10', '--plain'], 'a\nb\nc\nd\n').status).toBe(0);
    expect(topicsAnswered(db)).toEqual(['AWS IAM › Practice questions']);
  });
});
