/**
 * Questions that teach a number AWS no longer documents (src/facts/outdated.ts judges them):
 *
 * - `questions.outdated` holds the finding as JSON (what the note says, what AWS documents, since when, the
 *   documentation URL), NULL for a question nothing was found against. Ingest sets it; when the facts file
 *   or the matcher changes, every stored question is judged again (src/app/outdated.ts, stamped in `derived`).
 * - A change to it bumps the questions counter like any other change an index depends on, so the question
 *   index of migration 0002 is rebuilt and exams see it.
 * - `question_index.outdated` copies it as 0/1 (0 for every row an older version built, which is right: no
 *   question is outdated until one is judged so, and that change rebuilds the index). Within each (exam,
 *   domain, use) pool the current questions take the first ranks, so an exam that leaves outdated
 *   questions out draws ranks below the pool's count of current ones, and one with `--include-outdated`
 *   draws from the whole pool.
 * - `question_index_outdated`, a partial index of the outdated rows only: a pool's count of current ones is
 *   its count (read from the covering index of migration 0002) less this index's few rows. Summing the
 *   column instead read every row of the table (45 ms at 100 000 questions, every exam).
 */
export const sql = `
ALTER TABLE questions ADD COLUMN outdated TEXT;
CREATE TRIGGER questions_counter_outdated AFTER UPDATE OF outdated ON questions
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'questions'; END;
ALTER TABLE question_index ADD COLUMN outdated INTEGER NOT NULL DEFAULT 0;
CREATE INDEX question_index_outdated ON question_index(exam, domain, exam_use) WHERE outdated = 1;
`;
