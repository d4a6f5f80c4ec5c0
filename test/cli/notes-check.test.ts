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
    expect(files.stdout.split('\n')).toEqual([`${note}:5 says the maximum message size is 256 KB; ${MIB}`, `${note}:11 says the maximum message size is 256 KB; ${MIB}`, expect.stringMatching(/^2 outdated statements in 1 of 1 note \(checked against \d+ AWS facts\)\.$/), '']);
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

  it('study leaves outdated questions out; with --include-outdated its feedback says so in one line, for them only', () => {
    const { dir, run } = setup();
    expect(run(['ingest', dir]).status).toBe(0);
    const db = join(dir, 'q.db');
    const asked = () =>
      query<{ outdated: number; current: number }>(db, 'SELECT coalesce(sum(q.outdated IS NOT NULL), 0) AS outdated, coalesce(sum(q.outdated IS NULL), 0) AS current FROM answers a JOIN questions q ON q.id = a.question_id')[0]!;
    // By default a whole session of every question there is: the current ones only, no warning.
    const plain = run(['study', '--limit', '20', '--new-only', '--seed', '3', '--plain', '--no-refresh'], 'a\n'.repeat(20));
    expect(plain.status).toBe(0);
    expect(plain.stdout).not.toContain('Outdated');
    expect(asked()).toEqual({ outdated: 0, current: expect.any(Number) });
    expect(asked().current).toBeGreaterThan(0);
    const r = run(['study', '--limit', '6', '--new-only', '--seed', '3', '--plain', '--no-refresh', '--include-outdated'], 'a\n'.repeat(6));
    expect(r.status).toBe(0);
    const warned = r.stdout.split('\n').filter((l) => l.includes('Outdated'));
    // One warning per answer given to an outdated question (a wrong one is asked again), none for the others;
    // which questions the session asks first is the queue's business (test/study/queue.test.ts).
    expect(asked().outdated).toBeGreaterThan(0);
    expect(warned).toEqual(
      Array.from({ length: asked().outdated }, () => `  ⚠ Outdated: AWS documents up to 1 MiB for the maximum message size since 2025-08 (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html)`),
    );
  });

  it('a study narrowed to outdated questions alone says why there is nothing to ask', () => {
    const { dir, run } = setup();
    const old = join(dir, 'old.md');
    writeFileSync(old, '# SQS quotas of old\n\n- Maximum message size: 256 KB\n');
    expect(run(['ingest', dir]).status).toBe(0);
    const r = run(['study', '--notes', old, '--plain', '--no-refresh']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('awsquiz: every question these filters match teaches something AWS documents differently now — see `awsquiz notes check` and fix the notes, or add --include-outdated\n');
  });

  it('questions lists them only with --include-outdated, and says how many it left out', () => {
    const { dir, run } = setup();
    expect(run(['ingest', dir]).status).toBe(0);
    type Listed = { source: { line: number }; outdated: { documented: string } | null };
    const lines = (extra: string[]) => (JSON.parse(run(['questions', '--json', ...extra]).stdout) as Listed[]).map((q) => q.source.line);
    expect(new Set(lines([]))).toEqual(new Set([6, 7, 8, 9]));
    const all = JSON.parse(run(['questions', '--json', '--include-outdated']).stdout) as Listed[];
    expect(new Set(all.map((q) => q.source.line))).toEqual(new Set([5, 6, 7, 8, 9, 11]));
    expect(all.filter((q) => q.outdated).map((q) => [q.source.line, q.outdated!.documented])).toEqual([
      ...all.filter((q) => q.source.line === 5).map(() => [5, 'up to 1 MiB']),
      ...all.filter((q) => q.source.line === 11).map(() => [11, 'up to 1 MiB']),
    ]);
    const text = run(['questions']);
    expect(text.stdout).toMatch(/\n\d+ questions · \d+ outdated left out \(--include-outdated lists them; `awsquiz notes check` says why\)\n$/);
    expect(run(['questions', '--include-outdated']).stdout).toContain('Outdated: AWS documents up to 1 MiB for the maximum message size since 2025-08');
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

describe('discontinued features on the command line', () => {
  it('a comparison with a discontinued feature is outdated at ingest and when the stored notes are judged again', () => {
    const dir = tempDir('awsquiz-retired-');
    writeFileSync(
      join(dir, 'cdn.md'),
      ['# CloudFront distribution types', '', '- **Web distribution**: serves websites over HTTP and HTTPS', '- **RTMP distribution**: streams media with Adobe Flash', '- **Origin access control**: keeps the bucket private to the distribution', ''].join('\n'),
    );
    const run = cliRunner(join(dir, 'q.db'));
    const ingest = run(['ingest', dir]);
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toContain('names RTMP distribution; AWS discontinued RTMP distributions on 2020-12-31');
    type Listed = { prompt: string; source: { line: number }; outdated: { fact: string } | null };
    const all = JSON.parse(run(['questions', '--json', '--include-outdated']).stdout) as Listed[];
    const shown = JSON.parse(run(['questions', '--json']).stdout) as Listed[];
    // Every question that offers or asks the RTMP distribution is held back; the others are asked.
    const rtmp = all.filter((q) => /RTMP/.test(JSON.stringify(q)));
    expect(rtmp.length).toBeGreaterThan(0);
    expect(rtmp.filter((q) => q.prompt.includes('RTMP')).every((q) => q.outdated?.fact === 'cloudfront.rtmp-distributions')).toBe(true);
    expect(shown.every((q) => q.outdated === null)).toBe(true);
    expect(shown.length).toBe(all.filter((q) => q.outdated === null).length);
    // notes check reads the stored facts (with their siblings), not the file.
    const stored = run(['notes', 'check']);
    expect(stored.stdout.split('\n').filter((l) => l.includes('names RTMP distribution')).length).toBeGreaterThan(0);
    expect(stored.stdout).toContain(':3 names RTMP distribution');
  });
});
