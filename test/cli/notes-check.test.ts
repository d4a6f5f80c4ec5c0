import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTDATED_NOTE } from '../helpers/outdated-note.js';
import { cliRunner, query, tempDir } from '../helpers/cli.js';

const MIB = 'AWS documents up to 1 MiB since 2025-08 (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html)';

function setup() {
  const dir = tempDir('awsquiz-notes-check-');
  const note = join(dir, 'sqs.md');
  writeFileSync(note, OUTDATED_NOTE);
  return { dir, note, run: cliRunner(join(dir, 'q.db')) };
}

describe('outdated numbers on the command line', () => {
  it('ingest lists each with file:line and what AWS documents', () => {
    const { dir, note, run } = setup();
    const r = run(['ingest', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  outdated: ${note}:5 says the maximum message size is 256 KB; ${MIB}\n`);
    expect(r.stdout).toContain(`  outdated: ${note}:11 says the maximum message size is 256 KB; ${MIB}\n`);
    expect(r.stdout).toMatch(/· 2 outdated \(awsquiz notes check\)\n$/);
  });

  it('notes check lists them for the ingested notes, or for the files given, as text or JSON', () => {
    const { dir, note, run } = setup();
    const files = run(['notes', 'check', note]);
    expect(files.status).toBe(0);
    expect(files.stdout.split('\n')).toEqual([`${note}:5 says the maximum message size is 256 KB; ${MIB}`, `${note}:11 says the maximum message size is 256 KB; ${MIB}`, expect.stringMatching(/^2 outdated numbers in 1 of 1 note \(checked against \d+ AWS facts\)\.$/), '']);
    const json = JSON.parse(run(['notes', 'check', dir, '--json']).stdout) as { notes: number; outdated: Array<{ path: string; line: number; documented: string }> };
    expect(json.notes).toBe(1);
    expect(json.outdated.map((o) => [o.path, o.line, o.documented])).toEqual([
      [note, 5, 'up to 1 MiB'],
      [note, 11, 'up to 1 MiB'],
    ]);
    // Without a path: what was ingested. Before any ingest that is a one-line error.
    const none = run(['notes', 'check']);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe('awsquiz: no notes ingested yet — run `awsquiz ingest PATH`, or give the notes to check: `awsquiz notes check PATH`\n');
    expect(run(['ingest', dir]).status).toBe(0);
    const stored = run(['notes', 'check']);
    expect(stored.stdout.split('\n').filter((l) => l.includes('says the'))).toHaveLength(2);
    const missing = run(['notes', 'check', join(dir, 'nope.md')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^awsquiz: cannot check .*nope\.md: .* — give note files or folders\n$/);
  });

  it('study feedback says so in one line, for the outdated questions only', () => {
    const { dir, run } = setup();
    expect(run(['ingest', dir]).status).toBe(0);
    const r = run(['study', '--limit', '6', '--new-only', '--seed', '3', '--plain', '--no-refresh'], 'a\n'.repeat(6));
    expect(r.status).toBe(0);
    const warned = r.stdout.split('\n').filter((l) => l.includes('Outdated'));
    // One warning per answer given to an outdated question (a wrong one is asked again), none for the others;
    // which questions the session asks first is the queue's business (test/study/queue.test.ts).
    const [asked] = query<{ outdated: number; current: number }>(
      join(dir, 'q.db'),
      'SELECT sum(q.outdated IS NOT NULL) AS outdated, sum(q.outdated IS NULL) AS current FROM answers a JOIN questions q ON q.id = a.question_id',
    );
    expect(asked!.outdated).toBeGreaterThan(0);
    expect(asked!.current).toBeGreaterThan(0);
    expect(warned).toEqual(
      Array.from({ length: asked!.outdated }, () => `  ⚠ Outdated: AWS documents up to 1 MiB for the maximum message size since 2025-08 (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html)`),
    );
  });

  it('exams leave outdated questions out unless --include-outdated', () => {
    const { dir, run } = setup();
    expect(run(['ingest', dir]).status).toBe(0);
    // Submitted at once (s, then y to confirm): every question is in the report, unanswered.
    const exam = (extra: string[]) => JSON.parse(run(['exam', '--domain', 'development', '--count', '10', '--json', '--plain', '--seed', '3', ...extra], 's\ny\n').stdout) as { total: number; questions: Array<{ source: { line: number } }> };
    const plain = exam([]);
    expect(plain.total).toBe(4);
    expect(plain.questions.map((m) => m.source.line).sort()).toEqual([6, 7, 8, 9]);
    const all = exam(['--include-outdated']);
    expect(all.total).toBe(6);
    expect(all.questions.map((m) => m.source.line).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 11]);
  });
});
