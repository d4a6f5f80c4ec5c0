// Gives an ingested awsquiz database a study history, written directly with better-sqlite3 in one transaction:
// answers, FSRS cards and review logs (one log per answer, the card states computed with the project's own
// FSRS wrapper from dist/), study sessions per day and a few finished mock exams.
//
//   node bench/setup-history.mjs <db> --answers N [--active Q] [--answered-questions K] [--seed S]
//
// --active Q makes exactly Q questions active: extra ones are retired (highest ids first), missing ones are
// cloned from existing rows (new ids, same topic/services, prompt marked as a variant).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { prng, randomTools } from './lib.mjs';

const { makeScheduler, newCardState, reviewCard } = await import('../dist/study/schedule.js');

const args = process.argv.slice(2);
const dbPath = args[0];
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const answersWanted = opt('answers', 100_000);
const activeWanted = opt('active', NaN);
const seed = opt('seed', 6);
if (!dbPath) throw new Error('usage: setup-history.mjs <db> --answers N [--active Q]');

const r = randomTools(prng(seed));
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = OFF');
db.pragma('foreign_keys = OFF');
const t0 = Date.now();
const say = (m) => process.stderr.write(`  setup-history: ${m} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);

const DAY = 86_400_000;
const now = Date.now();

db.transaction(() => {
  // 1. Exactly `activeWanted` active questions, when asked.
  const activeIds = () => db.prepare('SELECT id FROM questions WHERE retired_at IS NULL AND flagged_at IS NULL ORDER BY id').pluck().all();
  let ids = activeIds();
  if (Number.isFinite(activeWanted) && ids.length !== activeWanted) {
    if (ids.length > activeWanted) {
      const retire = db.prepare('UPDATE questions SET retired_at = ? WHERE id = ?');
      const at = new Date(now - 30 * DAY).toISOString();
      for (const id of ids.slice(activeWanted)) retire.run(at, id);
      say(`retired ${ids.length - activeWanted} questions to leave ${activeWanted} active`);
    } else {
      const need = activeWanted - ids.length;
      const rows = db.prepare('SELECT * FROM questions WHERE retired_at IS NULL AND flagged_at IS NULL ORDER BY id').all();
      if (rows.length === 0) throw new Error('no questions to clone: ingest a corpus first');
      const cols = Object.keys(rows[0]);
      const insert = db.prepare(`INSERT INTO questions (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      const services = db.prepare('SELECT service_id FROM question_services WHERE question_id = ?').pluck();
      const addService = db.prepare('INSERT OR IGNORE INTO question_services (question_id, service_id) VALUES (?, ?)');
      for (let i = 0; i < need; i++) {
        const src = rows[i % rows.length];
        const id = `q${createHash('sha256').update(`clone:${i}:${src.id}`).digest('hex').slice(0, 15)}`;
        insert.run({ ...src, id, prompt: `${src.prompt} (variant ${1 + Math.floor(i / rows.length)})` });
        for (const s of services.all(src.id)) addService.run(id, s);
      }
      say(`cloned ${need} questions to reach ${activeWanted} active`);
    }
    ids = activeIds();
  }

  // 2. Which questions have a history, and how many answers each: exponential weights, summing exactly to N.
  const answeredCount = Math.min(ids.length, opt('answered-questions', Math.max(1, Math.round(Math.sqrt(answersWanted) * 60))));
  const answered = r.sample(ids, answeredCount);
  const weights = answered.map(() => -Math.log(1 - r.rng()));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / total) * answersWanted)));
  let sum = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; sum !== answersWanted; i = (i + 1) % counts.length) {
    if (sum < answersWanted) {
      counts[i]++;
      sum++;
    } else if (counts[i] > 1) {
      counts[i]--;
      sum--;
    }
  }

  // 3. The events: each question's answers at sorted random times over the last year, then all in time order.
  const events = [];
  answered.forEach((qid, qi) => {
    const start = now - r.int(2, 365) * DAY;
    const times = Array.from({ length: counts[qi] }, () => start + Math.floor(r.rng() * (now - start - 3_600_000)));
    times.sort((a, b) => a - b);
    for (const at of times) events.push({ qid, at, rating: r.weighted([[1, 20], [2, 10], [3, 60], [4, 10]]) });
  });
  events.sort((a, b) => a.at - b.at);
  say(`${events.length} answers over ${answered.length} questions`);

  // 4. Sessions: one study session per day with answers; 24 finished DVA-C02 mock exams over the year.
  const insertSession = db.prepare(
    `INSERT INTO sessions (kind, exam, domain, started_at, ended_at, status, time_limit_s, elapsed_ms, seed, plan) VALUES (?, ?, NULL, ?, ?, 'finished', ?, ?, ?, ?)`,
  );
  const studyByDay = new Map();
  const examByDay = new Map();
  for (let i = 0; i < 24; i++) {
    const day = Math.floor((now - r.int(1, 360) * DAY) / DAY);
    if (examByDay.has(day)) continue;
    const right = r.int(30, 60);
    const percent = (right / 65) * 100;
    const scaled = Math.round(100 + (percent / 100) * 900);
    const started = new Date(day * DAY + 10 * 3_600_000);
    const plan = { version: 1, exam: 'DVA-C02', domain: null, seed: String(i), items: [], state: {}, times: {}, result: { percent, scaledEstimate: scaled, passed: scaled >= 720, total: 65, right } };
    const id = Number(insertSession.run('exam', 'DVA-C02', started.toISOString(), new Date(started.getTime() + 7_200_000).toISOString(), 7800, 7_200_000, String(i), JSON.stringify(plan)).lastInsertRowid);
    examByDay.set(day, id);
  }
  const sessionFor = (at) => {
    const day = Math.floor(at / DAY);
    if (examByDay.has(day) && r.chance(0.3)) return examByDay.get(day);
    let id = studyByDay.get(day);
    if (id === undefined) {
      id = Number(insertSession.run('study', null, new Date(day * DAY + 8 * 3_600_000).toISOString(), new Date(day * DAY + 20 * 3_600_000).toISOString(), null, 900_000, null, '{}').lastInsertRowid);
      studyByDay.set(day, id);
    }
    return id;
  };

  // 5. Answers, review logs (FSRS, in time order per question) and the final card of each question.
  const insertAnswer = db.prepare(
    'INSERT INTO answers (session_id, question_id, position, given, correct, rating, time_ms, flagged, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)',
  );
  const insertLog = db.prepare(
    `INSERT INTO review_logs (question_id, answer_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, review)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const scheduler = makeScheduler();
  const cards = new Map();
  const positions = new Map();
  let done = 0;
  for (const e of events) {
    const at = new Date(e.at);
    const before = cards.get(e.qid) ?? newCardState(at);
    const { card, log } = reviewCard(scheduler, before, e.rating, at);
    cards.set(e.qid, card);
    const session = sessionFor(e.at);
    const position = positions.get(session) ?? 0;
    positions.set(session, position + 1);
    const answerId = Number(
      insertAnswer.run(session, e.qid, position, JSON.stringify(e.rating > 1 ? 'right' : 'wrong'), e.rating > 1 ? 1 : 0, e.rating, r.int(2500, 45000), at.toISOString()).lastInsertRowid,
    );
    insertLog.run(e.qid, answerId, log.rating, log.state, log.due.toISOString(), log.stability, log.difficulty, log.elapsed_days, log.last_elapsed_days, log.scheduled_days, log.learning_steps, log.review.toISOString());
    if (++done % 200_000 === 0) say(`${done} answers written`);
  }
  const insertCard = db.prepare(
    `INSERT OR REPLACE INTO cards (question_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [qid, c] of cards) {
    insertCard.run(qid, c.due.toISOString(), c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state, c.last_review ? c.last_review.toISOString() : null);
  }
  say(`${cards.size} cards, ${studyByDay.size} study sessions, ${examByDay.size} mock exams`);
})();

db.pragma('wal_checkpoint(TRUNCATE)');
const counts = db
  .prepare(
    `SELECT (SELECT count(*) FROM questions WHERE retired_at IS NULL AND flagged_at IS NULL) AS active, (SELECT count(*) FROM questions) AS questions,
            (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM review_logs) AS reviewLogs, (SELECT count(*) FROM cards) AS cards,
            (SELECT count(*) FROM cards WHERE due <= ?) AS due, (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM topics) AS topics`,
  )
  .get(new Date().toISOString());
db.close();
process.stdout.write(`${JSON.stringify(counts)}\n`);
