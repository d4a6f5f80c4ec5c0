import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsquiz, corpus, count, integrity, query, sourcesWithoutTheirQuestions, start, tmp, until } from './helpers.js';

// `kill -9` at moments chosen by watching the database from outside: the next run must find a healthy file
// that holds either a note's previous state or its new one, never half of it, and every exam answer given.

const NOTES = 200;
const NOTE_BYTES = 3_000;
const KILL_AT_SOURCES = [15, 70, 130];

interface ExamPlanRow {
  plan: string;
}
interface ExamPlan {
  items: Array<{ questionId: string; options: string[] }>;
  state: { answers: Record<string, number[] | string>; index: number };
}

function activeExam(db: string): ExamPlan | undefined {
  const row = query<ExamPlanRow>(db, "SELECT plan FROM sessions WHERE kind = 'exam' AND status = 'active' ORDER BY id DESC LIMIT 1")[0];
  return row ? (JSON.parse(row.plan) as ExamPlan) : undefined;
}

const answered = (db: string) => Object.keys(activeExam(db)?.state.answers ?? {}).length;

describe('crash safety (kill -9)', () => {
  const dir = tmp('awsquiz-crash-');
  const notes = join(dir, 'notes');
  const db = join(dir, 'awsquiz.db');
  corpus(notes, NOTES, NOTE_BYTES);

  it(`survives ${KILL_AT_SOURCES.length} kills during an ingest of ${NOTES} notes, then completes it`, async () => {
    let kills = 0;
    for (const threshold of KILL_AT_SOURCES) {
      const { child, result } = start(db, ['ingest', notes]);
      await until(() => count(db, 'SELECT count(*) FROM sources') >= threshold, `${threshold} stored notes`, 30_000);
      child.kill('SIGKILL');
      const r = await result;
      expect(r.code).toBeNull(); // killed, not finished
      kills++;
      expect(integrity(db)).toEqual(['ok']);
      // Each note is stored in one transaction: every stored source has all of its questions.
      expect(sourcesWithoutTheirQuestions(db)).toEqual([]);
      const stored = count(db, 'SELECT count(*) FROM sources');
      expect(stored).toBeGreaterThanOrEqual(threshold);
      expect(stored).toBeLessThan(NOTES);
    }
    expect(kills).toBe(KILL_AT_SOURCES.length);

    const before = count(db, 'SELECT count(*) FROM sources');
    const last = awsquiz(db, ['ingest', notes, '--json']);
    expect(last.code).toBe(0);
    const report = JSON.parse(last.out) as { totals: { files: number; ingested: number; unchanged: number; failed: number } };
    expect(report.totals).toMatchObject({ files: NOTES, failed: 0, unchanged: before, ingested: NOTES - before });
    expect(count(db, 'SELECT count(*) FROM sources')).toBe(NOTES);
    expect(sourcesWithoutTheirQuestions(db)).toEqual([]);
    expect(integrity(db)).toEqual(['ok']);
  }, 90_000);

  it('survives two kills during an exam: every answer given is kept and --resume finishes it', async () => {
    const chosen = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a'];
    const index = (letter: string) => 'abcd'.indexOf(letter);

    // Run 1: three answers, then kill -9 with stdin still open.
    const first = start(db, ['exam', '--plain', '--domain', 'development', '--count', '10', '--seed', 'crash', '--no-refresh']);
    for (const a of chosen.slice(0, 3)) first.child.stdin.write(`${a}\n`);
    await until(() => answered(db) === 3, 'three saved exam answers');
    first.child.kill('SIGKILL');
    expect((await first.result).code).toBeNull();
    expect(integrity(db)).toEqual(['ok']);

    // Run 2: resumes at question 4, two more answers, killed again.
    const second = start(db, ['exam', '--resume', '--plain']);
    for (const a of chosen.slice(3, 5)) second.child.stdin.write(`${a}\n`);
    await until(() => answered(db) === 5, 'five saved exam answers');
    second.child.kill('SIGKILL');
    const r2 = await second.result;
    expect(r2.code).toBeNull();
    expect(r2.out).toContain('Resuming DVA-C02 exam: 3/10 answered');
    expect(integrity(db)).toEqual(['ok']);

    // Run 3: the rest, submitted at the review screen.
    const third = awsquiz(db, ['exam', '--resume', '--json'], `${chosen.slice(5).join('\n')}\ns\n`);
    expect(third.code).toBe(0);
    expect(third.err).toContain('Resuming DVA-C02 exam: 5/10 answered');
    expect((JSON.parse(third.out) as { total: number; answered: number }).answered).toBe(10);

    const plan = JSON.parse(query<ExamPlanRow>(db, "SELECT plan FROM sessions WHERE kind = 'exam' AND status = 'finished'")[0]!.plan) as ExamPlan;
    const given = query<{ position: number; given: string }>(
      db,
      "SELECT position, given FROM answers WHERE session_id = (SELECT id FROM sessions WHERE kind = 'exam') ORDER BY position",
    );
    expect(given.map((g) => JSON.parse(g.given) as string[])).toEqual(plan.items.map((item, i) => [item.options[index(chosen[i]!)]]));
    expect(count(db, "SELECT count(*) FROM sessions WHERE kind = 'exam'")).toBe(1);
    expect(integrity(db)).toEqual(['ok']);
  }, 60_000);
});
