/**
 * What issue #17's attack showed the schema could not say:
 *
 * - `application_id` marks the file as awsquiz's, so that another program's SQLite database given as `--db`
 *   is recognised and refused rather than filled with our tables (src/db/open.ts).
 * - `sources.retired_at`: a note the user removed, or whose file was seen deleted while its folder was
 *   there. A note that is merely missing or unreadable keeps its questions; a retired one comes back, with
 *   its questions and their history, as soon as its file is ingested again.
 * - `question_sources`: a question belongs to every note that makes it (the same fact under the same
 *   heading in two notes). A question is active while some note makes it; `questions.source_id` and `line`
 *   name the one it is shown with. Filled from the active questions, each made by its own source.
 * - Sources whose every question was retired at once by an earlier awsquiz (which took a missing file for
 *   a deleted one) are marked retired, so that their file, found again, brings them back.
 * - `fact_groups`: what the facts of one sibling group share (the list of siblings, a table column's
 *   values) stored once, instead of in every fact: a 10 000-row table stored 10 000² names.
 * - `sessions.owner`: the process running an exam (`pid:token`), so that two `exam --resume` cannot both
 *   run and submit it; and at most one active exam, enforced by a unique index (older duplicates, which the
 *   race let in, are abandoned first, the newest kept).
 */
export const sql = `
PRAGMA application_id = 1096242001;

ALTER TABLE sources ADD COLUMN retired_at TEXT;

CREATE TABLE question_sources (
  question_id  TEXT NOT NULL REFERENCES questions(id),
  source_id    INTEGER NOT NULL REFERENCES sources(id),
  line         INTEGER NOT NULL,
  PRIMARY KEY (question_id, source_id)
) WITHOUT ROWID;
CREATE INDEX question_sources_source ON question_sources(source_id, question_id);
INSERT INTO question_sources (question_id, source_id, line) SELECT id, source_id, line FROM questions WHERE retired_at IS NULL;

UPDATE sources SET retired_at = (SELECT max(q.retired_at) FROM questions q WHERE q.source_id = sources.id)
WHERE questions > 0
  AND EXISTS (SELECT 1 FROM questions q WHERE q.source_id = sources.id)
  AND NOT EXISTS (SELECT 1 FROM questions q WHERE q.source_id = sources.id AND q.retired_at IS NULL);

CREATE TABLE fact_groups (
  id    TEXT PRIMARY KEY,
  data  TEXT NOT NULL
) WITHOUT ROWID;
ALTER TABLE facts ADD COLUMN group_id TEXT REFERENCES fact_groups(id);

ALTER TABLE sessions ADD COLUMN owner TEXT;
UPDATE sessions SET status = 'abandoned', ended_at = coalesce(ended_at, started_at)
WHERE kind = 'exam' AND status = 'active' AND id <> (SELECT max(id) FROM sessions WHERE kind = 'exam' AND status = 'active');
CREATE UNIQUE INDEX sessions_one_active_exam ON sessions(kind) WHERE kind = 'exam' AND status = 'active';
`;

/** `PRAGMA application_id` of an awsquiz database ("AWSQ" read as a big-endian integer). */
export const APPLICATION_ID = 1096242001;
