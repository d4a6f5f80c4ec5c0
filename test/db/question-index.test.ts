import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { openDatabase } from '../../src/db/open.js';
import { questionsVersion } from '../../src/db/question-index.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { wilsonLowerBound } from '../../src/study/wilson.js';
import { review, versionOneBank, writeBank } from '../helpers/bank.js';

const at = new Date('2026-02-01T10:00:00Z');

describe('the questions change counter', () => {
  it('moves on every change a question index depends on, and only then', () => {
    const db = openDatabase(':memory:');
    writeBank(db, { questions: 3, topics: 1 });
    const seen = [questionsVersion(db)];
    const step = (sql: string) => {
      db.prepare(sql).run();
      seen.push(questionsVersion(db));
    };
    step("UPDATE questions SET prompt = 'edited?' WHERE id = 'q00000'");
    step("UPDATE questions SET retired_at = '2026-01-02' WHERE id = 'q00001'");
    step("INSERT INTO question_services (question_id, service_id) VALUES ('q00002', 'sqs')");
    step("DELETE FROM question_services WHERE question_id = 'q00002'");
    new QuizRepository(db).flag('q00000', 'bad', at);
    seen.push(questionsVersion(db));
    // Bookkeeping columns an index does not read leave it alone.
    step("UPDATE questions SET updated_at = '2026-03-01', line = 40 WHERE id = 'q00002'");
    expect(seen.slice(1).map((v, i) => v - seen[i]!)).toEqual([1, 1, 1, 1, 1, 0]);
    db.close();
  });
});

describe('topic_scores', () => {
  it('equals right/total per topic over the answers, with the Wilson bound study uses', () => {
    const db = openDatabase(':memory:');
    const ids = writeBank(db, { questions: 12, topics: 3 });
    const pattern = [true, false, true, true, false, true, true, true, false, false, true, true, true, false];
    pattern.forEach((ok, i) => review(db, ids[i % ids.length]!, { due: at, last_review: new Date(at.getTime() - i * 1000) }, ok));
    const expected = db
      .prepare('SELECT q.topic_id, SUM(a.correct) AS right, COUNT(*) AS total FROM answers a JOIN questions q ON q.id = a.question_id GROUP BY q.topic_id ORDER BY 1')
      .all();
    const scores = db.prepare('SELECT topic_id, right, total, lower_bound FROM topic_scores ORDER BY topic_id').all() as Array<{ topic_id: number; right: number; total: number; lower_bound: number }>;
    expect(scores.map(({ topic_id, right, total }) => ({ topic_id, right, total }))).toEqual(expected);
    for (const s of scores) expect(s.lower_bound).toBeCloseTo(wilsonLowerBound(s.right, s.total), 12);
    db.close();
  });

  it('is filled from the answers already given when a version-1 database is upgraded', () => {
    const path = versionOneBank({ questions: 4, topics: 2 }, (raw) => {
      const answer = raw.prepare("INSERT INTO answers (question_id, given, correct, time_ms, answered_at) VALUES (?, '\"x\"', ?, 1000, '2026-01-05T00:00:00Z')");
      for (const [id, ok] of [['q00000', 1], ['q00002', 0], ['q00001', 1], ['q00000', 1]] as const) answer.run(id, ok);
    });

    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT topic_id, right, total FROM topic_scores ORDER BY topic_id').raw().all()).toEqual([
      [1, 2, 3],
      [2, 1, 1],
    ]);
    // New answers keep adding to the backfilled totals.
    db.prepare("INSERT INTO answers (question_id, given, correct, time_ms, answered_at) VALUES ('q00003', '\"y\"', 0, 900, '2026-01-06T00:00:00Z')").run();
    expect(db.prepare('SELECT right, total FROM topic_scores WHERE topic_id = 2').raw().get()).toEqual([1, 2]);
    db.close();
  });
});
