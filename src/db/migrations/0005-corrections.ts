/**
 * What corrections, recall and note sets need:
 *
 * - `answers.user_accepted`: 1 when the learner overruled the matcher ("I was right") on a typed answer it had
 *   marked wrong; the answer is then stored as right, and this says why.
 * - `answers_scores_delete`: undoing an answer deletes its row, and this trigger takes it back out of every
 *   tally the insert trigger of 0003 added it to, so an undo leaves them as they were before the answer.
 *   The recency sums are kept as of `decay_at`; an answer at t adds 2^(−max(0, decay_at − t) / 14 days) to them
 *   at that reference whether it came before or after the others, so subtracting that weight is exact (up to
 *   rounding, clamped at 0). A tally whose last answer goes is deleted (topic_scores forbids a total of 0).
 * - `cards.last_rating` (and `index_cards.last_rating`): the rating of the card's latest review, so that
 *   statistics can count a card just failed as not recalled, whatever FSRS's retrievability says right after a
 *   review. Filled from the review logs for existing cards.
 * - `sources.removed_at`: `awsquiz notes remove` retires a note's questions and marks the source removed, so that
 *   re-checking known notes leaves it alone until the user ingests it again.
 */
/** The trigger of migration 0003 that copies a card into each exam's `index_cards`, now with its last rating. */
function cardsTrigger(name: string, event: 'INSERT' | 'UPDATE'): string {
  return `CREATE TRIGGER ${name} AFTER ${event} ON cards
BEGIN
  INSERT INTO index_cards (exam, question_id, domain, state, stability, due_ms, last_review_ms, last_rating)
    SELECT qi.exam, NEW.question_id, coalesce(qi.domain, ''), NEW.state, NEW.stability,
           CAST(round(unixepoch(NEW.due, 'subsec') * 1000) AS INTEGER), CAST(round(unixepoch(NEW.last_review, 'subsec') * 1000) AS INTEGER), NEW.last_rating
    FROM (SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = NEW.question_id WHERE true
  ON CONFLICT (exam, domain, question_id) DO UPDATE SET
    state = excluded.state, stability = excluded.stability, due_ms = excluded.due_ms, last_review_ms = excluded.last_review_ms, last_rating = excluded.last_rating;
END;`;
}

export const sql = `
ALTER TABLE answers ADD COLUMN user_accepted INTEGER NOT NULL DEFAULT 0 CHECK (user_accepted IN (0, 1));
ALTER TABLE sources ADD COLUMN removed_at TEXT;

ALTER TABLE cards ADD COLUMN last_rating INTEGER;
UPDATE cards SET last_rating = (SELECT l.rating FROM review_logs l WHERE l.question_id = cards.question_id ORDER BY l.review DESC, l.id DESC LIMIT 1);
ALTER TABLE index_cards ADD COLUMN last_rating INTEGER;
UPDATE index_cards SET last_rating = (SELECT c.last_rating FROM cards c WHERE c.question_id = index_cards.question_id);

DROP TRIGGER cards_index_insert;
${cardsTrigger('cards_index_insert', 'INSERT')}
DROP TRIGGER cards_index_update;
${cardsTrigger('cards_index_update', 'UPDATE')}

CREATE TRIGGER answers_scores_delete AFTER DELETE ON answers
BEGIN
  DELETE FROM topic_scores WHERE total = 1 AND topic_id = (SELECT topic_id FROM questions WHERE id = OLD.question_id);
  UPDATE topic_scores SET right = right - OLD.correct, total = total - 1 WHERE topic_id = (SELECT topic_id FROM questions WHERE id = OLD.question_id);
  -- Before the question's own tally changes: the question stops counting as seen when this was its only answer.
  UPDATE index_domains SET
    seen = seen - coalesce((SELECT s.answers = 1 FROM question_scores s WHERE s.question_id = OLD.question_id), 0),
    answers = answers - 1,
    correct = correct - OLD.correct,
    decay_right = max(0.0, decay_right - OLD.correct * pow(2.0, -max(0.0, coalesce(decay_at, 0) - unixepoch(OLD.answered_at, 'subsec')) / 1209600.0)),
    decay_wrong = max(0.0, decay_wrong - (1 - OLD.correct) * pow(2.0, -max(0.0, coalesce(decay_at, 0) - unixepoch(OLD.answered_at, 'subsec')) / 1209600.0))
  WHERE (exam, domain) IN (SELECT qi.exam, coalesce(qi.domain, '') FROM (SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = OLD.question_id);
  UPDATE index_topics SET answers = answers - 1, correct = correct - OLD.correct
  WHERE (exam, topic_id) IN (SELECT qi.exam, qi.topic_id FROM (SELECT DISTINCT exam FROM index_domains) e JOIN question_index qi ON qi.exam = e.exam AND qi.question_id = OLD.question_id);
  DELETE FROM question_scores WHERE question_id = OLD.question_id AND answers = 1;
  UPDATE question_scores SET
    answers = answers - 1,
    correct = correct - OLD.correct,
    time_ms = time_ms - OLD.time_ms,
    decay_right = max(0.0, decay_right - OLD.correct * pow(2.0, -max(0.0, decay_at - unixepoch(OLD.answered_at, 'subsec')) / 1209600.0)),
    decay_wrong = max(0.0, decay_wrong - (1 - OLD.correct) * pow(2.0, -max(0.0, decay_at - unixepoch(OLD.answered_at, 'subsec')) / 1209600.0))
  WHERE question_id = OLD.question_id;
  DELETE FROM answer_slots WHERE slot = unixepoch(OLD.answered_at) / 900 AND answers = 1;
  UPDATE answer_slots SET answers = answers - 1, correct = correct - OLD.correct, time_ms = time_ms - OLD.time_ms WHERE slot = unixepoch(OLD.answered_at) / 900;
  DELETE FROM answer_days WHERE answers = 1 AND (offset_minutes, day) IN
    (SELECT offset_minutes, (s - ((s % 86400) + 86400) % 86400) / 86400 FROM (SELECT offset_minutes, unixepoch(OLD.answered_at) / 900 * 900 + offset_minutes * 60 AS s FROM answer_day_offsets));
  UPDATE answer_days SET answers = answers - 1, correct = correct - OLD.correct, time_ms = time_ms - OLD.time_ms WHERE (offset_minutes, day) IN
    (SELECT offset_minutes, (s - ((s % 86400) + 86400) % 86400) / 86400 FROM (SELECT offset_minutes, unixepoch(OLD.answered_at) / 900 * 900 + offset_minutes * 60 AS s FROM answer_day_offsets));
END;
`;
