// What storing one note costs must not grow with the bank: every statement the notes repository prepares
// reads questions by key (or by the note's own rows), never every live question. At 200 000 questions the
// retiring statement, planned on questions_active, read them all for each note: 55 ms a note.
import { describe, expect, it } from 'vitest';
import { NotesRepository } from '../../src/db/notes.js';
import { openDatabase } from '../../src/db/open.js';

describe('the notes repository’s statements', () => {
  it('never scan the questions, nor read them through the index of every live one', () => {
    const db = openDatabase(':memory:');
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = Object.assign(Object.create(db) as typeof db, { prepare: (sql: string) => (prepared.push(sql), prepare(sql)) });
    new NotesRepository(spy);
    const onQuestions = prepared.filter((sql) => /\bquestions\b/.test(sql) && /json_each/.test(sql));
    expect(onQuestions.length).toBeGreaterThanOrEqual(2);
    for (const sql of onQuestions) {
      const params = (sql.match(/\?/g) ?? []).map(() => '[]');
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
      expect(plan, sql).not.toMatch(/SCAN questions\b|USING INDEX questions_active/);
    }
    db.close();
  });
});
