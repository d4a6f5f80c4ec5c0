/**
 * Derived data that makes study, exam and stats start in milliseconds instead of re-reading every
 * question and answer:
 *
 * - `counters.questions` is bumped by triggers whenever anything a question index depends on changes
 *   (questions added, edited, retired, flagged or removed; their services). Triggers rather than
 *   application code so that no write path — ingest, flagging, a future command — can forget it.
 * - `question_index` is a slim, per-exam projection of the active questions: topic, mapped domain and
 *   how an exam may use the question. It is rebuilt lazily (src/app/question-index.ts) when its stamp in
 *   `derived` no longer matches the counter and the data files it was mapped with.
 * - `topic_scores` keeps right/total answers per topic, updated by a trigger in the same transaction as
 *   each answer, so "which topics are weak" never scans the answer history. A question's topic never
 *   changes (its id is derived from content and topic), so the totals equal a GROUP BY over answers.
 */
export const sql = `
CREATE TABLE counters (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('questions', 0);

CREATE TRIGGER questions_counter_insert AFTER INSERT ON questions
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'questions'; END;
CREATE TRIGGER questions_counter_update
AFTER UPDATE OF topic_id, kind, prompt, answers, distractors, exam, domain, retired_at, flagged_at ON questions
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'questions'; END;
CREATE TRIGGER questions_counter_delete AFTER DELETE ON questions
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'questions'; END;
CREATE TRIGGER question_services_counter_insert AFTER INSERT ON question_services
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'questions'; END;
CREATE TRIGGER question_services_counter_delete AFTER DELETE ON question_services
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'questions'; END;

CREATE TABLE derived (
  key    TEXT PRIMARY KEY,
  stamp  TEXT NOT NULL,
  value  TEXT
) WITHOUT ROWID;

CREATE TABLE question_index (
  exam         TEXT NOT NULL,
  position     INTEGER NOT NULL,
  question_id  TEXT NOT NULL,
  topic_id     INTEGER NOT NULL,
  domain       TEXT,
  kind         TEXT NOT NULL,
  exam_use     TEXT,
  -- 0, 1, 2… within (exam, domain, exam_use) in position order: lets an exam draw k random questions of a
  -- domain by rank without reading the others.
  domain_rank  INTEGER NOT NULL,
  PRIMARY KEY (exam, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX question_index_question ON question_index(exam, question_id);
CREATE INDEX question_index_topic ON question_index(exam, topic_id);
CREATE INDEX question_index_domain ON question_index(exam, domain, exam_use, domain_rank);

CREATE TABLE topic_scores (
  topic_id     INTEGER PRIMARY KEY REFERENCES topics(id),
  right        INTEGER NOT NULL,
  total        INTEGER NOT NULL CHECK (total > 0),
  -- The Wilson 90% lower bound of right/total, computed as src/study/wilson.ts does, indexed so that the
  -- weakest topics are read without scanning every topic.
  lower_bound  REAL GENERATED ALWAYS AS (
    max(0.0, ((right * 1.0 / total) + 2.705543454095413 / (2.0 * total)
      - 1.6448536269514722 * sqrt((right * 1.0 / total) * (1.0 - right * 1.0 / total) / total + 2.705543454095413 / (4.0 * total * total)))
      / (1.0 + 2.705543454095413 / total))
  ) STORED
);
CREATE INDEX topic_scores_weakest ON topic_scores(lower_bound, total DESC);
INSERT INTO topic_scores (topic_id, right, total)
  SELECT q.topic_id, SUM(a.correct), COUNT(*) FROM answers a JOIN questions q ON q.id = a.question_id GROUP BY q.topic_id;
CREATE TRIGGER answers_topic_score AFTER INSERT ON answers
BEGIN
  INSERT INTO topic_scores (topic_id, right, total)
    SELECT topic_id, NEW.correct, 1 FROM questions WHERE id = NEW.question_id
  ON CONFLICT (topic_id) DO UPDATE SET right = right + excluded.right, total = total + 1;
END;
`;
