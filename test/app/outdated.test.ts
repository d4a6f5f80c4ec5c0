import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBlueprint } from '../../src/app/blueprints.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { drawExamCandidates } from '../../src/app/exam-draw.js';
import { awsFacts } from '../../src/app/facts.js';
import { ingest } from '../../src/app/ingest.js';
import { ensureOutdatedChecked } from '../../src/app/outdated.js';
import { ensureQuestionIndex } from '../../src/app/question-index.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { seededRandom } from '../../src/exam/random.js';
import { tempDir } from '../helpers/cli.js';
import { OUTDATED_NOTE } from '../helpers/outdated-note.js';


const catalogue = loadCatalogue();
const NOW = new Date('2026-11-20T10:00:00Z');
let dir: string;
let db: Db;
let path: string;
const flagged = () => db.prepare('SELECT line FROM questions WHERE outdated IS NOT NULL AND retired_at IS NULL ORDER BY line').pluck().all() as number[];

beforeAll(async () => {
  dir = tempDir('awsquiz-outdated-');
  path = join(dir, 'sqs.md');
  writeFileSync(path, OUTDATED_NOTE);
  db = openDatabase(join(dir, 'q.db'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('outdated numbers at ingest', () => {
  it('reports each with its line and marks only the questions that teach it', async () => {
    const report = await ingest({ db, catalogue, paths: [dir], includeKnown: false, now: NOW, threads: 0 });
    const file = report.files[0]!;
    expect(file.outdated.map((f) => [f.line, f.fact, f.said, f.documented, f.since])).toEqual([
      [5, 'sqs.message-size', '256 KB', 'up to 1 MiB', '2025-08'],
      [11, 'sqs.message-size', '256 KB', 'up to 1 MiB', '2025-08'],
    ]);
    expect(file.outdated[0]!.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(report.totals.outdated).toBe(2);
    expect(flagged()).toEqual([5, 11]);
    const stored = JSON.parse(db.prepare('SELECT outdated FROM questions WHERE line = 5').pluck().get() as string);
    expect(stored).toEqual({ fact: 'sqs.message-size', service: 'sqs', attribute: 'maximum message size', said: '256 KB', documented: 'up to 1 MiB', since: '2025-08', url: file.outdated[0]!.url });
  });

  it('judges stored questions again when the facts file (its stamp) changes, setting and clearing findings', () => {
    db.prepare('UPDATE questions SET outdated = NULL').run();
    db.prepare(`UPDATE questions SET outdated = '{"fact":"x"}' WHERE line = 6`).run();
    // Same stamp: nothing is read again.
    ensureOutdatedChecked(db, catalogue);
    expect(flagged()).toEqual([6]);
    db.prepare(`UPDATE derived SET stamp = 'an older facts file' WHERE key = 'outdated'`).run();
    ensureOutdatedChecked(db, catalogue);
    expect(flagged()).toEqual([5, 11]);
    expect(db.prepare(`SELECT stamp FROM derived WHERE key = 'outdated'`).pluck().get()).toBe(awsFacts().stamp);
  });
});

describe('a service profile asked from several lines', () => {
  it('is held back at ingest, and when judged again, by a discontinued feature on a line other than its first', async () => {
    const own = tempDir('awsquiz-outdated-profile-');
    const pdb = openDatabase(join(own, 'q.db'));
    try {
      writeFileSync(join(own, 'storage.md'), ['# Storage notes', '## S3', '- Keeps objects in buckets that live in one Region of your choice', '- Offers eventual consistency for overwrite PUTs and DELETEs of objects', '- Serves static websites straight from a bucket with an endpoint of its own', ''].join('\n'));
      await ingest({ db: pdb, catalogue, paths: [own], includeKnown: false, now: NOW, threads: 0 });
      const profile = () => pdb.prepare(`SELECT line, outdated FROM questions WHERE prompt LIKE 'Which service is this:%'`).get() as { line: number; outdated: string | null };
      expect(profile().line).toBe(3);
      expect(JSON.parse(profile().outdated!).fact).toBe('s3.eventual-consistency');
      pdb.prepare('UPDATE questions SET outdated = NULL').run();
      pdb.prepare(`UPDATE derived SET stamp = 'an older facts file' WHERE key = 'outdated'`).run();
      ensureOutdatedChecked(pdb, catalogue);
      expect(JSON.parse(profile().outdated!).fact).toBe('s3.eventual-consistency');
    } finally {
      pdb.close();
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('outdated questions in exams', () => {
  it('puts them last in their pools and leaves them out of exams unless asked', () => {
    const bp = loadBlueprint('DVA-C02')!;
    ensureQuestionIndex(db, bp, catalogue);
    const rows = db.prepare(`SELECT q.line, qi.outdated, qi.exam_use, qi.domain_rank FROM question_index qi JOIN questions q ON q.id = qi.question_id WHERE qi.exam = 'DVA-C02' ORDER BY qi.exam_use, qi.domain_rank`).all() as Array<{ line: number; outdated: number; exam_use: string; domain_rank: number }>;
    const objective = rows.filter((r) => r.exam_use === 'objective');
    expect(objective.map((r) => r.outdated)).toEqual([0, 0, 0, 0, 1]);
    expect(objective.at(-1)!.line).toBe(5);
    const outdatedIds = new Set(db.prepare('SELECT id FROM questions WHERE outdated IS NOT NULL').pluck().all() as string[]);
    for (let seed = 1; seed <= 20; seed++) {
      const drawn = drawExamCandidates(db, bp, { domain: 'development', count: 10, rng: seededRandom(String(seed)) });
      expect(drawn).toHaveLength(4);
      expect(drawn.filter((c) => outdatedIds.has(c.id))).toEqual([]);
    }
    const all = drawExamCandidates(db, bp, { domain: 'development', count: 10, rng: seededRandom('1'), includeOutdated: true });
    expect(all).toHaveLength(6);
    expect(all.filter((c) => outdatedIds.has(c.id))).toHaveLength(2);
  });
});
