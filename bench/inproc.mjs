// In-process timings on a large database (measure 4), importing the compiled code from dist/:
//  - "next study question": what `awsquiz study` does before it shows the first question — resolve the
//    selection (default exam, question index current?), planStudy (indexed reads of due cards, weak topics and
//    sampled new questions, then buildQueue with limit 20), load the planned questions and their cards;
//  - "exam assembly": what `awsquiz exam` does before the first question — resolve the selection,
//    drawExamCandidates + planExam (65 questions of the default exam), load the 65 and draw their options (examItems).
// The cold call includes building the question index when the database has none yet (once per change).
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
const { resolveSelection } = await mod('app/selection.js');
const { planStudy } = await mod('app/study-plan.js');
const { drawExamCandidates } = await mod('app/exam-draw.js');
const { loadCatalogue } = await mod('app/catalogue.js');
const { makeScheduler } = await mod('study/schedule.js');
const studyRandom = (await mod('study/random.js')).seededRandom;
const { planExam, examItems } = await mod('exam/assemble.js');
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
  const selection = resolveSelection(db, loadCatalogue(), {});
  const t1 = now();
  const ids = planStudy(db, selection.bp.code, selection.filter, { now: new Date(), scheduler: makeScheduler({ retention: 0.9 }), limit: 20, rng: studyRandom(seed) });
  const t2 = now();
  if (ids.length === 0) throw new Error('planStudy returned no question');
  const first = repo.questionsById(ids);
  const cards = repo.cardsById(ids);
  const t3 = now();
  if (first.size !== new Set(ids).size) throw new Error('the planned questions did not load');
  return { total: t3 - t0, parts: { resolveSelection: t1 - t0, planStudy: t2 - t1, loadPlanned: t3 - t2 }, first: ids[0], cards: cards.size };
}

function exam(seed) {
  const t0 = now();
  const repo = new QuizRepository(db);
  const selection = resolveSelection(db, loadCatalogue(), {});
  const t1 = now();
  const rng = examRandom(String(seed));
  const candidates = drawExamCandidates(db, selection.bp, { rng });
  const draft = planExam({ candidates, bp: selection.bp, rng });
  const t2 = now();
  const items = examItems(draft, repo.questionsById(draft.chosen.map((c) => c.questionId)), rng);
  const t3 = now();
  if (items.length !== 65) result.errors.push(`exam assembled ${items.length} items, not 65 (short by ${draft.shortBy})`);
  return { total: t3 - t0, parts: { resolveSelection: t1 - t0, drawAndPlan: t2 - t1, loadAndItems: t3 - t2 }, items: items.length, exam: selection.bp.code };
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
