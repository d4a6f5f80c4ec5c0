import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../helpers/cli.js';
import { bin, repeated, terminal } from './terminal.js';

// Long statements, so that lines wrap at 80 columns; lists of names, for a multiple-response question.
const NOTE = `# Amazon SQS

## SQS queue settings

- A received message stays hidden from the other consumers for 30 seconds by default while one consumer works on it, and then it reappears
- Every new message of a delay queue waits for 15 minutes at most before any consumer can receive it, however busy the queue is
- A message that failed processing 5 times in a row moves to the dead-letter queue, where it can be inspected and redriven later on
- A long poll waits for up to 20 seconds for messages to arrive instead of returning an empty response at once, which lowers the cost`;

const TYPED = `# IAM practice

Q: Which kind of IAM policy is attached to a resource such as an S3 bucket?
A: resource-based policy

Q: Which IAM entity is meant for a person or program with long-term credentials?
A: IAM user
`;

// Two lists under one heading: each is asked as "which THREE of these", the other's items the wrong choices.
const MULTI = `# AWS AppSync

## AppSync building blocks

- **AppSync**: a managed GraphQL service that answers each client with exactly the fields it asked for
- **Resolver**: ties one GraphQL field to a data source and maps its request and response
- AppSync data sources:
  - Amazon DynamoDB
  - AWS Lambda
  - Amazon OpenSearch Service
  - HTTP endpoints
- AppSync authorization modes:
  - API key
  - AWS IAM
  - Cognito user pools
  - OpenID Connect

## Practice question

1. Which two AppSync authorization modes sign users in through an identity provider? (Select TWO.)

A. API key
\`B. Cognito user pools\`
C. AWS IAM
\`D. OpenID Connect\`
E. AWS Lambda data source
`;

function setup(note: string) {
  const dir = mkdtempSync(join(tmpdir(), 'awsquiz-pty-'));
  writeFileSync(join(dir, 'note.md'), note);
  const db = join(dir, 'q.db');
  const env = { AWSQUIZ_DB: db, NO_COLOR: '1' };
  expect(spawnSync(process.execPath, [bin, 'ingest', dir], { env: { ...process.env, ...env } }).status).toBe(0);
  return { db, env };
}

const rows = query;

/** The words of `text` all stand whole among the screen's words: no word was cut at the edge of the window. */
function wordsWhole(screen: readonly string[], text: string): void {
  const shown = new Set(screen.join(' ').split(/\s+/));
  for (const word of text.split(/\s+/)) expect(shown, `"${word}" is cut`).toContain(word);
}

describe('awsquiz study in an 80×24 terminal', () => {
  it('draws each question once, in place: no line twice, words whole, the countdown never scrolling anything', async () => {
    const { env } = setup(NOTE);
    const t = terminal(['study', '--limit', '3', '--seed', '5', '--minutes', '10'], env);
    let screen = await t.waitFor('x flag as bad');
    await new Promise((r) => setTimeout(r, 2500)); // two ticks of the countdown
    const all = await t.lines();
    expect(repeated(all)).toEqual([]);
    expect(await t.scrollback()).toEqual([]);
    expect(all.filter((l) => l.includes('Amazon SQS › SQS queue settings'))).toHaveLength(1);
    for (const l of await t.screen()) expect(l.length).toBeLessThan(80);
    screen = await t.screen();
    const statement = screen.find((l) => /^Fill in the blank/.test(l));
    expect(statement).toBeDefined();

    // Answer: the feedback replaces the question on the same lines, the choices marked ✔ and ✘.
    t.type('1');
    screen = await t.waitFor(/✔ Right|✘ Wrong/);
    expect(repeated(await t.lines())).toEqual([]);
    expect(await t.scrollback()).toEqual([]);
    expect(screen.some((l) => /^ {2}✔ \d\/[a-d] {2}/.test(l))).toBe(true);
    // The heading path once: the source line does not repeat it.
    expect((await t.lines()).filter((l) => l.includes('Amazon SQS › SQS queue settings'))).toHaveLength(1);
    expect(screen.join('\n')).toMatch(/From .*note\.md:\d+:/);
    expect(screen.join('\n')).toMatch(/(Next review|Due again) in \d+ (min|h|days?)/);
    // The note's whole statement, wrapped at words: whichever line was asked, none of its words is cut.
    const asked = NOTE.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2)).find((l) => screen.join(' ').includes(l.split(' ').slice(0, 3).join(' ')));
    expect(asked).toBeDefined();
    wordsWhole(screen, asked!.replace(/\d+ \w+/g, '').replace(/\s+/g, ' ').split(' ').slice(1, 9).join(' '));
    t.type('\r');
    await t.waitFor('or a–d answer');
    t.type('\x03');
    await t.waitFor('Session summary');
    expect(await t.exited).toBe(0);
  }, 60_000);

  it('marks the choices picked in a multiple-response question before Enter confirms', async () => {
    const { env } = setup(MULTI);
    const t = terminal(['study', '--limit', '10', '--seed', '2', '--new-only'], env);
    let screen = await t.waitFor(/\(Select (TWO|THREE)\)|Enter shows the answer|answer ·/);
    // Find a multiple-response question; flip cards and others are passed over with a wrong pick or a grade.
    for (let i = 0; i < 10 && !screen.join('\n').includes('(Select'); i++) {
      if (screen.join('\n').includes('Enter shows the answer')) {
        t.type('\r');
        await t.waitFor('Grade it:');
        t.type('3');
      } else {
        t.type('1');
        await t.waitFor('Enter next');
        t.type('\r');
      }
      screen = await t.waitFor(/\(Select|Enter shows the answer|answer ·/);
    }
    expect(screen.join('\n')).toContain('(Select');
    expect(screen.filter((l) => l.includes('[x]'))).toEqual([]);
    t.type('1');
    screen = await t.waitFor('[x]');
    expect(screen.filter((l) => l.includes('[x]'))).toHaveLength(1);
    expect(screen.some((l) => /\[x\] 1\/a/.test(l))).toBe(true);
    t.type('2');
    screen = await t.waitFor(/\[x\] 2\/b/);
    expect(screen.filter((l) => l.includes('[x]'))).toHaveLength(2);
    expect(repeated(await t.lines())).toEqual([]);
    t.type('\x03');
    expect(await t.exited).toBe(0);
  }, 60_000);

  it('undoes an answer, accepts a refused typed answer as right, and flags and unflags, in the database', async () => {
    const { db, env } = setup(TYPED);
    const t = terminal(['study', '--limit', '2', '--seed', '1'], env);
    let screen = await t.waitFor('type it, Enter');
    const resource = screen.some((l) => l.includes('attached to a resource'));
    // A near miss the check refuses: "resource policy document" is not "resource-based policy".
    t.type(resource ? 'resource policy document\r' : 'IAM user account\r');
    screen = await t.waitFor('✘ Wrong');
    expect(screen.join('\n')).toContain('r I was right');
    expect(rows(db, 'SELECT correct, user_accepted FROM answers')).toEqual([{ correct: 0, user_accepted: 0 }]);

    t.type('r');
    screen = await t.waitFor('Accepted as right');
    expect(rows(db, 'SELECT correct, user_accepted, rating FROM answers')).toEqual([{ correct: 1, user_accepted: 1, rating: expect.any(Number) }]);
    expect(rows<{ rating: number }>(db, 'SELECT rating FROM review_logs')).toHaveLength(1);
    expect(rows<{ rating: number }>(db, 'SELECT rating FROM review_logs')[0]!.rating).toBeGreaterThan(1);

    t.type('x');
    await t.waitFor('Flagged as a bad question');
    expect(rows(db, 'SELECT count(*) AS n FROM questions WHERE flagged_at IS NOT NULL')).toEqual([{ n: 1 }]);
    t.type('x');
    await t.waitFor('Unflagged');
    expect(rows(db, 'SELECT count(*) AS n FROM questions WHERE flagged_at IS NOT NULL')).toEqual([{ n: 0 }]);

    // Undo takes the answer, its review and the card back, and asks the question again.
    t.type('u');
    screen = await t.waitFor('Undone: your last answer was taken back.');
    expect(screen.join('\n')).toContain('type it, Enter');
    expect(rows(db, 'SELECT count(*) AS n FROM answers')).toEqual([{ n: 0 }]);
    expect(rows(db, 'SELECT count(*) AS n FROM review_logs')).toEqual([{ n: 0 }]);
    expect(rows(db, 'SELECT count(*) AS n FROM cards')).toEqual([{ n: 0 }]);
    expect(rows(db, 'SELECT count(*) AS n FROM topic_scores')).toEqual([{ n: 0 }]);

    // The flag key is not taken from a typed answer: "x" is typed, and refused as an answer.
    t.type('x\r');
    screen = await t.waitFor('✘ Wrong');
    expect(screen.join('\n')).toMatch(/Yours: +x$/m);
    expect(rows(db, 'SELECT count(*) AS n FROM questions WHERE flagged_at IS NOT NULL')).toEqual([{ n: 0 }]);
    expect(rows(db, 'SELECT given FROM answers')).toEqual([{ given: '"x"' }]);
    t.type('q');
    await t.waitFor('Session summary');
    expect(await t.exited).toBe(0);
  }, 60_000);
});
