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
 * - `question_scores` and `answer_slots` are the answer history as `awsquiz stats` reads it: tallies per
 *   question (with recency-weighted right/wrong, see below) and per UTC quarter-hour (every real time zone
 *   is a whole number of quarter-hours from UTC, so local days are exact). Kept by the same trigger.
 *
 * Recency weights: an answer weighs 0.5^(age / 14 days) (RECENCY_HALF_LIFE_DAYS in src/stats/history.ts).
 * `decay_right`/`decay_wrong` hold the weighted sums as of `decay_at` (the latest answer, Unix seconds);
 * a reader multiplies by 0.5^((now − decay_at) / 14 days). Storing sums as of the latest answer rather
 * than as of a fixed epoch keeps them from overflowing or vanishing, however long the history.
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
-- Covering: joins from cards and answer tallies read a question's topic and domain without the row.
CREATE INDEX question_index_question ON question_index(exam, question_id, topic_id, domain);
CREATE INDEX question_index_topic ON question_index(exam, topic_id, domain);
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

CREATE TABLE question_scores (
  question_id  TEXT PRIMARY KEY REFERENCES questions(id),
  answers      INTEGER NOT NULL,
  correct      INTEGER NOT NULL,
  time_ms      INTEGER NOT NULL,
  decay_at     REAL NOT NULL,
  decay_right  REAL NOT NULL,
  decay_wrong  REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO question_scores (question_id, answers, correct, time_ms, decay_at, decay_right, decay_wrong)
  WITH a AS (SELECT question_id, unixepoch(answered_at, 'subsec') AS t, correct, time_ms FROM answers),
       latest AS (SELECT question_id, max(t) AS at FROM a GROUP BY question_id)
  SELECT a.question_id, count(*), sum(a.correct), sum(a.time_ms), latest.at,
         sum(a.correct * pow(2.0, -(latest.at - a.t) / 1209600.0)), sum((1 - a.correct) * pow(2.0, -(latest.at - a.t) / 1209600.0))
  FROM a JOIN latest USING (question_id) GROUP BY a.question_id;

CREATE TABLE answer_slots (
  slot     INTEGER PRIMARY KEY,
  answers  INTEGER NOT NULL,
  correct  INTEGER NOT NULL,
  time_ms  INTEGER NOT NULL
);
INSERT INTO answer_slots (slot, answers, correct, time_ms)
  SELECT unixepoch(answered_at) / 900, count(*), sum(correct), sum(time_ms) FROM answers GROUP BY 1;

CREATE TRIGGER answers_scores AFTER INSERT ON answers
BEGIN
  INSERT INTO topic_scores (topic_id, right, total)
    SELECT topic_id, NEW.correct, 1 FROM questions WHERE id = NEW.question_id
  ON CONFLICT (topic_id) DO UPDATE SET right = right + excluded.right, total = total + 1;
  -- Every SET expression reads the row as it was, so decay_at is the old one until the statement ends.
  INSERT INTO question_scores (question_id, answers, correct, time_ms, decay_at, decay_right, decay_wrong)
    SELECT NEW.question_id, 1, NEW.correct, NEW.time_ms, unixepoch(NEW.answered_at, 'subsec'), NEW.correct, 1 - NEW.correct
    WHERE EXISTS (SELECT 1 FROM questions WHERE id = NEW.question_id)
  ON CONFLICT (question_id) DO UPDATE SET
    answers = answers + 1,
    correct = correct + excluded.correct,
    time_ms = time_ms + excluded.time_ms,
    decay_right = decay_right * pow(2.0, -max(0.0, excluded.decay_at - decay_at) / 1209600.0)
                + excluded.decay_right * pow(2.0, -max(0.0, decay_at - excluded.decay_at) / 1209600.0),
    decay_wrong = decay_wrong * pow(2.0, -max(0.0, excluded.decay_at - decay_at) / 1209600.0)
                + excluded.decay_wrong * pow(2.0, -max(0.0, decay_at - excluded.decay_at) / 1209600.0),
    decay_at = max(decay_at, excluded.decay_at);
  INSERT INTO answer_slots (slot, answers, correct, time_ms)
    VALUES (unixepoch(NEW.answered_at) / 900, 1, NEW.correct, NEW.time_ms)
  ON CONFLICT (slot) DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct, time_ms = time_ms + excluded.time_ms;
END;
`;
