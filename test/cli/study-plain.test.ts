import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner, query, tempDir } from '../helpers/cli.js';

const NOTE = `# Amazon SQS

## SQS queue settings

- **Visibility timeout**: hides a received message from other consumers while one consumer works on it
- **Delay queue**: postpones the delivery of every new message for a set time
- **Dead-letter queue**: receives messages that failed processing too many times
- **Long polling**: waits for messages to arrive instead of returning an empty response at once

Q: Which API call shortens or extends how long a received message stays hidden?
A: ChangeMessageVisibility

## SQS limits

- Messages are kept for 4 days unless the queue says otherwise
- A long poll waits for at most 20 seconds before it answers
- The default visibility timeout is 30 seconds
- One batch holds up to 10 messages
`;

function setup(note = NOTE) {
  const dir = tempDir('awsquiz-study-');
  writeFileSync(join(dir, 'sqs.md'), note);
  const db = join(dir, 'q.db');
  const run = cliRunner(db);
  expect(run(['ingest', dir]).status).toBe(0);
  return { db, run };
}

interface AnswerRow {
  given: string;
  correct: number;
  rating: number;
  answers: string;
  kind: string;
}

function answers(db: string): AnswerRow[] {
  return query<AnswerRow>(db, 'SELECT a.given, a.correct, a.rating, q.answers, q.kind FROM answers a JOIN questions q ON q.id = a.question_id ORDER BY a.id');
}

describe('awsquiz study with piped answers', () => {
  it('records every answer as given, graded against the question’s answer', () => {
    const { db, run } = setup();
    const r = run(['study', '--limit', '4', '--seed', '7', '--new-only', '--topic', 'SQS limits'], '1\n2\n3\n4\n1\n2\n3\n4\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Session summary');
    const rows = answers(db).filter((a) => a.kind === 'single');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const a of rows) {
      const given = JSON.parse(a.given) as string[];
      const right = JSON.parse(a.answers) as string[];
      expect(a.correct).toBe(given[0] === right[0] ? 1 : 0);
      expect(a.rating === 1).toBe(a.correct === 0);
    }
  });

  it('matches typed answers tolerantly and ends cleanly at the end of input', () => {
    const { db, run } = setup('# SQS practice\n\nQ: Which API call shortens or extends how long a received message stays hidden?\nA: ChangeMessageVisibility\n\nQ: Which queue type keeps strict ordering?\nA: FIFO queue\n');
    // New questions of one topic come highest-scored first (ties in notes order): type each one's answer
    // loosely, in that order.
    const loosely: Record<string, string> = { '["ChangeMessageVisibility"]': 'change message visibility', '["FIFO queue"]': 'fifo queues' };
    const order = query<{ answers: string }>(db, 'SELECT answers FROM questions ORDER BY score DESC, line').map((q) => loosely[q.answers]!);
    expect(order).toHaveLength(2);
    const r = run(['study', '--limit', '10', '--seed', '1'], order.map((a) => `${a}\n`).join(''));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Session summary');
    expect(answers(db).map((a) => [a.kind, a.given, a.correct])).toEqual(order.map((a) => ['typed', JSON.stringify(a), 1]));
  });

  it('flags a question with x so it is never asked again', () => {
    const { db, run } = setup();
    expect(run(['study', '--limit', '1', '--seed', '3'], 'x\n').status).toBe(0);
    expect(query(db, 'SELECT count(*) AS n FROM questions WHERE flagged_at IS NOT NULL')).toEqual([{ n: 1 }]);
    expect(answers(db)).toEqual([]);
    const list = run(['questions', '--flagged', '--json']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(1);
  });

  it('rejects a bad domain with the exam’s domains and exit 2', () => {
    const { run } = setup();
    const r = run(['study', '--domain', 'nonsense'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^awsquiz: unknown DVA-C02 domain "nonsense" — use one of: 1 development/);
  });
});
