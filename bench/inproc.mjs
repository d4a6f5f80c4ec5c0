// In-process timings on a large database (measure 4), importing the compiled code from dist/:
//  - "next study question": what `awsquiz study` does before it shows the first question — select the
//    questions (repository query + domain mapping), load the cards and the topic accuracy, buildQueue(limit 20);
//  - "exam assembly": what `awsquiz exam` does before the first question — select the questions and
//    assembleExam (65 questions for DVA-C02, domains mapped from front matter, services and topic keywords).
// One cold call (the first in this process), then `--runs` warm calls; the SQL the code prepares is captured and
// shown with EXPLAIN QUERY PLAN.
//
//   node bench/inproc.mjs <db> [--runs 25]      prints one JSON object on stdout
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const dbPath = args[0];
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 25;

// Capture every statement prepared (and its first arguments) to explain it afterwards.
const captured = new Map(); // sql -> { sql, args, phase, calls }
let phase = 'setup';
const originalPrepare = Database.prototype.prepare;
Database.prototype.prepare = function prepare(sql, ...rest) {
  const stmt = originalPrepare.call(this, sql, ...rest);
  for (const method of ['all', 'get', 'iterate', 'run']) {
    const original = stmt[method];
    if (typeof original !== 'function') continue;
    stmt[method] = function (...callArgs) {
      const key = `${phase}\u0000${sql}`;
      const entry = captured.get(key);
      if (entry) entry.calls++;
      else captured.set(key, { phase, sql: sql.replace(/\s+/g, ' ').trim(), args: callArgs, calls: 1 });
      return original.apply(this, callArgs);
    };
  }
  return stmt;
};

const now = () => performance.now();
const result = { runs, errors: [] };

const mod = async (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { openDatabase } = await mod('db/open.js');
const { QuizRepository } = await mod('db/quiz.js');
const { selectQuestions } = await mod('app/selection.js');
const { loadCatalogue } = await mod('app/catalogue.js');
const { buildQueue } = await mod('study/queue.js');
const { makeScheduler } = await mod('study/schedule.js');
const studyRandom = (await mod('study/random.js')).seededRandom;
const { assembleExam } = await mod('exam/assemble.js');
const examRandom = (await mod('exam/random.js')).seededRandom;

const db = openDatabase(dbPath);
result.database = db
  .prepare(
    `SELECT (SELECT count(*) FROM questions WHERE retired_at IS NULL AND flagged_at IS NULL) AS activeQuestions, (SELECT count(*) FROM questions) AS questions,
            (SELECT count(*) FROM review_logs) AS reviewLogs, (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM cards) AS cards,
            (SELECT count(*) FROM topics) AS topics, (SELECT count(*) FROM sources) AS sources`,
  )
  .get();
captured.clear();

function nextQuestion(seed) {
  const t0 = now();
  const repo = new QuizRepository(db);
  const selection = selectQuestions(repo, loadCatalogue(), {});
  const t1 = now();
  const cards = repo.cards();
  const t2 = now();
  const topicAccuracy = repo.topicAccuracy();
  const t3 = now();
  const ids = buildQueue({ questions: selection.questions, cards, topicAccuracy, now: new Date(), scheduler: makeScheduler({ retention: 0.9 }), limit: 20, rng: studyRandom(seed) });
  const t4 = now();
  if (ids.length === 0) throw new Error('buildQueue returned no question');
  return { total: t4 - t0, parts: { selectQuestions: t1 - t0, cards: t2 - t1, topicAccuracy: t3 - t2, buildQueue: t4 - t3 }, first: ids[0], pool: selection.questions.length };
}

function exam(seed) {
  const t0 = now();
  const repo = new QuizRepository(db);
  const selection = selectQuestions(repo, loadCatalogue(), {});
  const t1 = now();
  const assembled = assembleExam({ questions: selection.questions.map((q) => ({ ...q, domain: q.domainSlug })), bp: selection.bp, rng: examRandom(String(seed)) });
  const t2 = now();
  if (assembled.items.length !== 65) result.errors.push(`exam assembled ${assembled.items.length} items, not 65 (short by ${assembled.shortBy})`);
  return { total: t2 - t0, parts: { selectQuestions: t1 - t0, assembleExam: t2 - t1 }, items: assembled.items.length, exam: selection.bp.code };
}

function series(name, fn) {
  phase = name;
  const cold = fn(1);
  phase = `${name} (warm)`;
  const warm = [];
  for (let i = 0; i < runs; i++) {
    warm.push(fn(i + 2));
    if (global.gc) global.gc();
  }
  return { cold, warm };
}

process.stderr.write(`  inproc: ${JSON.stringify(result.database)}\n`);
result.nextQuestion = series('next study question', nextQuestion);
process.stderr.write(`  inproc: next question done\n`);
result.exam = series('exam assembly', exam);
process.stderr.write(`  inproc: exam done\n`);

// EXPLAIN QUERY PLAN of every statement the two operations ran (first call's arguments).
result.plans = [];
const seen = new Set();
for (const entry of captured.values()) {
  if (seen.has(entry.sql) || /^(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(entry.sql)) continue;
  seen.add(entry.sql);
  try {
    const rows = originalPrepare.call(db, `EXPLAIN QUERY PLAN ${entry.sql}`).all(...entry.args);
    // Indent by depth in the plan tree.
    const depth = new Map([[0, -1]]);
    const lines = rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    });
    const scans = lines.filter((l) => /\bSCAN\b/.test(l) && !/USING (COVERING )?INDEX/.test(l) && !/json_each|CONSTANT ROW|SUBQUERY/.test(l)).map((l) => l.trim());
    result.plans.push({ phase: entry.phase.replace(/ \(warm\)$/, ''), sql: entry.sql, calls: entry.calls, plan: lines, fullScans: scans });
  } catch (e) {
    result.plans.push({ phase: entry.phase, sql: entry.sql, error: e.message });
  }
}
db.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
