/**
 * Tallies per exam domain and topic, so that `awsquiz stats` reads a few hundred rows instead of joining
 * every answered question and every card to the question index of migration 0002:
 *
 * - `index_domains`: per (exam, domain of its question index; '' for none) the number of questions, how many
 *   have been answered, their answers and right answers, and recency-weighted right/wrong sums kept as
 *   `question_scores` keeps them (as of `decay_at`, the domain's latest answer; a reader ages them to now).
 * - `index_topics`: per (exam, topic) the answers and right answers to the topic's indexed questions, and
 *   the domain most of them map to (topicDomain in src/stats/weak-topics.ts; it breaks ties by the
 *   blueprint's order, so the application writes it).
 * - `index_cards`: each indexed question's card with the question's domain and its instants in Unix
 *   milliseconds, so that due counts, mastery and recall are one scan of one exam's rows.
 * - `answer_days`: answers per local day for each UTC offset (minutes east) a statistics command has asked
 *   for (`answer_day_offsets`), summed from `answer_slots` when an offset is first asked for, then kept by
 *   the answers trigger for every offset listed.
 *
 * The first three are a function of `question_index`, `question_scores` and `cards`; triggers keep them so
 * on every answer and card write, for each exam that has them (one lookup in that exam's index per write).
 * The answers trigger of 0002 is recreated with the new statements after its own, in that order: `seen`
 * reads the question's tally the trigger has just updated. When an exam's index is rebuilt, its tallies are
 * recomputed on their next use (ensureIndexStats in src/app/question-index.ts), which is also how a
 * database upgraded to this version fills them: the stamp `index-stats:<exam>` in `derived` names the index
 * they were computed for.
 */
export const sql = `
CREATE TABLE index_domains (
  exam         TEXT NOT NULL,
  domain       TEXT NOT NULL,
  questions    INTEGER NOT NULL,
  seen         INTEGER NOT NULL,
  answers      INTEGER NOT NULL,
  correct      INTEGER NOT NULL,
  decay_at     REAL,
  decay_right  REAL NOT NULL,
  decay_wrong  REAL NOT NULL,
  PRIMARY KEY (exam, domain)
) WITHOUT ROWID;

CREATE TABLE index_topics (
  exam      TEXT NOT NULL,
  topic_id  INTEGER NOT NULL,
  domain    TEXT,
  answers   INTEGER NOT NULL,
  correct   INTEGER NOT NULL,
  PRIMARY KEY (exam, topic_id)
) WITHOUT ROWID;
-- Topics that rank alike (same domain, answers and right answers) are counted, then read, through this.
CREATE INDEX index_topics_rank ON index_topics(exam, answers, correct, domain);

CREATE TABLE index_cards (
  exam            TEXT NOT NULL,
  question_id     TEXT NOT NULL,
  domain          TEXT NOT NULL,
  state           INTEGER NOT NULL,
  stability       REAL NOT NULL,
  due_ms          INTEGER,
  last_review_ms  INTEGER,
  -- By domain first: statistics read one exam's cards grouped by domain in key order, without sorting them.
  -- A question's domain changes only when the index is rebuilt, and then these rows are recomputed.
  PRIMARY KEY (exam, domain, question_id)
) WITHOUT ROWID;

CREATE TABLE answer_day_offsets (
  offset_minutes  INTEGER PRIMARY KEY
);
CREATE TABLE answer_days (
  offset_minutes  INTEGER NOT NULL,
  -- floor((slot × 900 + offset_minutes × 60) / 86 400): the local day of the answers' quarter-hour.
  day             INTEGER NOT NULL,
  answers         INTEGER NOT NULL,
  correct         INTEGER NOT NULL,
  time_ms         INTEGER NOT NULL,
  PRIMARY KEY (offset_minutes, day)
) WITHOUT ROWID;

DROP TRIGGER answers_scores;
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
  INSERT INTO answer_days (offset_minutes, day, answers, correct, time_ms)
    SELECT offset_minutes, (s - ((s % 86400) + 86400) % 86400) / 86400, 1, NEW.correct, NEW.time_ms
    FROM (SELECT offset_minutes, unixepoch(NEW.answered_at) / 900 * 900 + offset_minutes * 60 AS s FROM answer_day_offsets) WHERE true
  ON CONFLICT (offset_minutes, day) DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct, time_ms = time_ms + excluded.time_ms;
  -- The question counts as seen on its first answer: its tally (just updated above) then holds one.
  UPDATE index_domains SET
    seen = seen + coalesce((SELECT s.answers = 1 FROM question_scores s WHERE s.question_id = NEW.question_id), 0),
    answers = answers + 1,
    correct = correct + NEW.correct,
    decay_right = decay_right * pow(2.0, -max(0.0, unixepoch(NEW.answered_at, 'subsec') - coalesce(decay_at, unixepoch(NEW.answered_at, 'subsec'))) / 1209600.0)
                + NEW.correct * pow(2.0, -max(0.0, coalesce(decay_at, unixepoch(NEW.answered_at, 'subsec')) - unixepoch(NEW.answered_at, 'subsec')) / 1209600.0),
    decay_wrong = decay_wrong * pow(2.0, -max(0.0, unixepoch(NEW.answered_at, 'subsec') - coalesce(decay_at, unixepoch(NEW.answered_at, 'subsec'))) / 1209600.0)
                + (1 - NEW.correct) * pow(2.0, -max(0.0, coalesce(decay_at, unixepoch(NEW.answered_at, 'subsec')) - unixepoch(NEW.answered_at, 'subsec')) / 1209600.0),
    decay_at = max(coalesce(decay_at, unixepoch(NEW.answered_at, 'subsec')), unixepoch(NEW.answered_at, 'subsec'))
  WHERE (exam, domain) IN (SELECT qi.exam, coalesce(qi.domain, '') FROM (SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = NEW.question_id);
  UPDATE index_topics SET answers = answers + 1, correct = correct + NEW.correct
  WHERE (exam, topic_id) IN (SELECT qi.exam, qi.topic_id FROM (SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = NEW.question_id);
END;

CREATE TRIGGER cards_index_insert AFTER INSERT ON cards
BEGIN
  INSERT INTO index_cards (exam, question_id, domain, state, stability, due_ms, last_review_ms)
    SELECT qi.exam, NEW.question_id, coalesce(qi.domain, ''), NEW.state, NEW.stability,
           CAST(round(unixepoch(NEW.due, 'subsec') * 1000) AS INTEGER), CAST(round(unixepoch(NEW.last_review, 'subsec') * 1000) AS INTEGER)
    FROM (SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = NEW.question_id WHERE true
  ON CONFLICT (exam, domain, question_id) DO UPDATE SET
    state = excluded.state, stability = excluded.stability, due_ms = excluded.due_ms, last_review_ms = excluded.last_review_ms;
END;
CREATE TRIGGER cards_index_update AFTER UPDATE ON cards
BEGIN
  INSERT INTO index_cards (exam, question_id, domain, state, stability, due_ms, last_review_ms)
    SELECT qi.exam, NEW.question_id, coalesce(qi.domain, ''), NEW.state, NEW.stability,
           CAST(round(unixepoch(NEW.due, 'subsec') * 1000) AS INTEGER), CAST(round(unixepoch(NEW.last_review, 'subsec') * 1000) AS INTEGER)
    FROM (SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = NEW.question_id WHERE true
  ON CONFLICT (exam, domain, question_id) DO UPDATE SET
    state = excluded.state, stability = excluded.stability, due_ms = excluded.due_ms, last_review_ms = excluded.last_review_ms;
END;
CREATE TRIGGER cards_index_delete AFTER DELETE ON cards
BEGIN
  DELETE FROM index_cards WHERE (exam, domain, question_id) IN (SELECT qi.exam, coalesce(qi.domain, ''), qi.question_id FROM (SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = OLD.question_id);
END;
`;
