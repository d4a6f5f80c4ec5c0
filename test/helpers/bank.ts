/** A question bank written straight into a test database: faster than ingesting notes when a test needs thousands. */

import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '../../src/db/migrations/index.js';
import type { Db } from '../../src/db/open.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { type CardState, newCardState } from '../../src/study/schedule.js';

export const DVA_DOMAINS = ['development', 'security', 'deployment', 'troubleshooting'] as const;

export interface BankOptions {
  questions: number;
  topics: number;
  /** Every kth question is typed (0: none). */
  typedEvery?: number;
  /** Front-matter domain of question i (null: none, so the mapper must guess). */
  domainOf?: (i: number) => string | null;
}

/** Inserts `questions` active questions (ids q00000…) over `topics` topics of one source; returns the ids. */
export function writeBank(db: Db, o: BankOptions): string[] {
  const at = '2026-01-01T00:00:00.000Z';
  const ids: string[] = [];
  db.transaction(() => {
    const source = Number(db.prepare("INSERT INTO sources (path, content_hash, size, mtime_ms, ingested_at) VALUES ('/notes/bank.md', 'h', 1, 1, ?)").run(at).lastInsertRowid);
    const topic = db.prepare('INSERT INTO topics (path, name) VALUES (?, ?)');
    const topicIds = Array.from({ length: o.topics }, (_, t) => Number(topic.run(`Bank › Topic ${String(t).padStart(4, '0')}`, `Topic ${t}`).lastInsertRowid));
    // Banks are written into databases of older versions too, from before questions had a score.
    const scored = (db.pragma('table_info(questions)') as Array<{ name: string }>).some((c) => c.name === 'score');
    const insert = db.prepare(
      `INSERT INTO questions (id, source_id, topic_id, kind, fact_kind, prompt, answers, distractors, accepted, line, source_text, exam, domain, created_at, updated_at${scored ? ', score' : ''})
       VALUES (?, ?, ?, ?, 'attribute', ?, ?, ?, '[]', ?, 'text', ?, ?, ?, ?${scored ? ', ?' : ''})`,
    );
    for (let i = 0; i < o.questions; i++) {
      const id = `q${String(i).padStart(5, '0')}`;
      const typed = o.typedEvery ? i % o.typedEvery === 0 : false;
      const domain = o.domainOf ? o.domainOf(i) : DVA_DOMAINS[i % DVA_DOMAINS.length]!;
      insert.run(
        id,
        source,
        topicIds[i % o.topics],
        typed ? 'typed' : 'single',
        `Bank question ${i}?`,
        JSON.stringify([`right ${i}`]),
        JSON.stringify(typed ? [] : [`wrong ${i}a`, `wrong ${i}b`, `wrong ${i}c`]),
        i + 1,
        domain === null ? null : 'DVA-C02',
        domain,
        at,
        at,
        // Scores in no order of their own (0.30–0.88), so that a plan that ignored them would differ.
        ...(scored ? [0.3 + ((i * 37) % 59) / 100] : []),
      );
      ids.push(id);
    }
  })();
  return ids;
}

/** Gives question `id` a reviewed card (and one answer, right or not) as the study command would record it. */
export function review(db: Db, id: string, card: Partial<CardState> & Pick<CardState, 'due' | 'last_review'>, correct: boolean): void {
  const full: CardState = { ...newCardState(card.last_review!), state: 2, reps: 2, stability: 5, difficulty: 5, ...card };
  new QuizRepository(db).record({
    sessionId: null,
    questionId: id,
    position: null,
    given: correct ? 'right' : 'wrong',
    correct,
    timeMs: 3000,
    at: card.last_review!,
    review: {
      rating: correct ? 3 : 1,
      card: full,
      log: {
        rating: correct ? 3 : 1,
        state: 2,
        due: full.due,
        stability: full.stability,
        difficulty: full.difficulty,
        elapsed_days: 0,
        last_elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 0,
        review: card.last_review!,
      },
    },
  });
}

/**
 * A database file at schema version 1 (as awsquiz 0.1 left it) holding a bank; `fill` adds more with the
 * raw connection before it is closed. Returns the file's path, for openDatabase to upgrade.
 */
export function versionOneBank(bank: BankOptions, fill: (raw: Db) => void): string {
  const path = join(mkdtempSync(join(tmpdir(), 'awsquiz-v1-')), 'old.db');
  const raw = new Database(path);
  raw.exec(migrations[0]!.sql);
  raw.pragma('user_version = 1');
  writeBank(raw, bank);
  fill(raw);
  raw.close();
  return path;
}

/**
 * A database file at schema version 2 (before the statistics tallies of migration 0003) holding a bank;
 * `fill` adds more with the raw connection (answers, cards, a question index) before it is closed.
 */
export function versionTwoBank(bank: BankOptions, fill: (raw: Db) => void): string {
  const path = join(mkdtempSync(join(tmpdir(), 'awsquiz-v2-')), 'old.db');
  const raw = new Database(path);
  for (const m of migrations.slice(0, 2)) raw.exec(m.sql);
  raw.pragma('user_version = 2');
  writeBank(raw, bank);
  fill(raw);
  raw.close();
  return path;
}
