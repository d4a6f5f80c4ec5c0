/**
 * Question quality scores (issue 14): each question keeps the score the quality model gave it and the named
 * features behind it, so that `questions --json` can show why and study and exams can prefer surer questions;
 * each source keeps the stamp of the generator that analysed it (its version, the model's and the minimum
 * score), so that a new release or another `--min-score` re-analyses unchanged notes once. Questions stored
 * before scores existed get 0.5, the score of a question nothing is known about. `settings` keeps what a
 * user chose once for every later command (the minimum score of `ingest --min-score`).
 */
export const sql = `
ALTER TABLE questions ADD COLUMN score REAL NOT NULL DEFAULT 0.5;
ALTER TABLE questions ADD COLUMN features TEXT NOT NULL DEFAULT '{}';
ALTER TABLE sources ADD COLUMN generator TEXT NOT NULL DEFAULT '';
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
`;
