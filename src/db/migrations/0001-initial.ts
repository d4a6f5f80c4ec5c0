/**
 * The first schema. It already holds what study, exam and stats need (sources, topics, facts, questions,
 * FSRS card state and review logs, sessions, answers with time taken), so later work adds migrations
 * instead of reshaping tables that hold a user's history.
 */
export const sql = `
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL UNIQUE,
  content_hash  TEXT NOT NULL,
  size          INTEGER NOT NULL,
  mtime_ms      INTEGER NOT NULL,
  ingested_at   TEXT NOT NULL,
  exam          TEXT,
  domain        TEXT,
  front_matter  TEXT NOT NULL DEFAULT '{}',
  facts         INTEGER NOT NULL DEFAULT 0,
  questions     INTEGER NOT NULL DEFAULT 0,
  skipped       TEXT NOT NULL DEFAULT '{}',
  warnings      TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE topics (
  id    INTEGER PRIMARY KEY,
  path  TEXT NOT NULL UNIQUE,
  name  TEXT NOT NULL
);

CREATE TABLE facts (
  id          TEXT PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  topic_id    INTEGER NOT NULL REFERENCES topics(id),
  kind        TEXT NOT NULL,
  line        INTEGER NOT NULL,
  data        TEXT NOT NULL,
  retired_at  TEXT
);
CREATE INDEX facts_source ON facts(source_id);

CREATE TABLE questions (
  id           TEXT PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id),
  topic_id     INTEGER NOT NULL REFERENCES topics(id),
  kind         TEXT NOT NULL CHECK (kind IN ('single', 'multi', 'typed', 'flip')),
  fact_kind    TEXT NOT NULL,
  prompt       TEXT NOT NULL,
  answers      TEXT NOT NULL,
  distractors  TEXT NOT NULL DEFAULT '[]',
  accepted     TEXT NOT NULL DEFAULT '[]',
  line         INTEGER NOT NULL,
  source_text  TEXT NOT NULL,
  exam         TEXT,
  domain       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  retired_at   TEXT,
  flagged_at   TEXT,
  flag_reason  TEXT
);
CREATE INDEX questions_source ON questions(source_id);
CREATE INDEX questions_topic ON questions(topic_id);
CREATE INDEX questions_active ON questions(retired_at, flagged_at);

CREATE TABLE services (
  id    TEXT PRIMARY KEY,
  name  TEXT NOT NULL
);

CREATE TABLE question_services (
  question_id  TEXT NOT NULL REFERENCES questions(id),
  service_id   TEXT NOT NULL,
  PRIMARY KEY (question_id, service_id)
) WITHOUT ROWID;
CREATE INDEX question_services_service ON question_services(service_id, question_id);

CREATE TABLE cards (
  question_id     TEXT PRIMARY KEY REFERENCES questions(id),
  due             TEXT NOT NULL,
  stability       REAL NOT NULL,
  difficulty      REAL NOT NULL,
  elapsed_days    REAL NOT NULL,
  scheduled_days  REAL NOT NULL,
  learning_steps  INTEGER NOT NULL DEFAULT 0,
  reps            INTEGER NOT NULL,
  lapses          INTEGER NOT NULL,
  state           INTEGER NOT NULL,
  last_review     TEXT
);
CREATE INDEX cards_due ON cards(due);

CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('study', 'exam')),
  exam          TEXT,
  domain        TEXT,
  started_at    TEXT NOT NULL,
  ended_at      TEXT,
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'finished', 'abandoned')),
  time_limit_s  INTEGER,
  elapsed_ms    INTEGER NOT NULL DEFAULT 0,
  seed          TEXT,
  plan          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX sessions_kind ON sessions(kind, status);

CREATE TABLE answers (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER REFERENCES sessions(id),
  question_id  TEXT NOT NULL REFERENCES questions(id),
  position     INTEGER,
  given        TEXT NOT NULL,
  correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
  rating       INTEGER,
  time_ms      INTEGER NOT NULL,
  flagged      INTEGER NOT NULL DEFAULT 0,
  answered_at  TEXT NOT NULL
);
CREATE INDEX answers_question ON answers(question_id, answered_at);
CREATE INDEX answers_session ON answers(session_id, position);
CREATE INDEX answers_time ON answers(answered_at);

CREATE TABLE review_logs (
  id                 INTEGER PRIMARY KEY,
  question_id        TEXT NOT NULL REFERENCES questions(id),
  answer_id          INTEGER REFERENCES answers(id),
  rating             INTEGER NOT NULL,
  state              INTEGER NOT NULL,
  due                TEXT NOT NULL,
  stability          REAL NOT NULL,
  difficulty         REAL NOT NULL,
  elapsed_days       REAL NOT NULL,
  last_elapsed_days  REAL NOT NULL,
  scheduled_days     REAL NOT NULL,
  learning_steps     INTEGER NOT NULL DEFAULT 0,
  review             TEXT NOT NULL
);
CREATE INDEX review_logs_question ON review_logs(question_id, review);
`;
