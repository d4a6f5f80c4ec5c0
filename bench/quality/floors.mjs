// Measures whether per-form score floors would help: within one form of question ("typed/cloze",
// "flip/qa", …) does the quality model's score (data/quality-model.json) tell good from bad well enough that
// dropping a form's lowest-scored questions raises precision on questions it was not chosen on?
//
//   node bench/quality/floors.mjs [--graded bench/quality/graded.json] [--below 0.5] [--min-dropped 8]
//                                 [--refresh QUESTIONS.json…] [--rounds r14,r15,…]
//
// For each form, the floor is the highest score such that the questions under it were good less often than
// --below (a question there is likelier bad than good). What that buys is measured by 5-fold
// cross-validation over question ids (a question graded in several rounds stays in one fold): floors chosen
// on four folds, judged on the fifth. --refresh takes current dumps (`awsquiz questions --json`) and keeps
// only verdicts of questions still made with the same prompt and choices, scored as they are now.
// Measured 2026-12-03 (README, "How good the questions are"): on r14–r19 the floors looked worth 2 points,
// on r7–r13 they dropped typed clozes that were good more often than those kept; no floors are shipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib.mjs';
import { signature } from './signature.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : args[i + 1];
};
const below = Number(opt('below', '0.5'));
const minDropped = Number(opt('min-dropped', '8'));
const model = JSON.parse(readFileSync(join(repoRoot, 'data', 'quality-model.json'), 'utf8'));
const rounds = opt('rounds', null)?.split(',');
const refresh = [];
if (args.includes('--refresh')) for (const a of args.slice(args.indexOf('--refresh') + 1)) { if (a.startsWith('--')) break; refresh.push(a); }

// The bundled notes are ours, written in the recommended format: the question is about real notes.
let graded = JSON.parse(readFileSync(opt('graded', join(repoRoot, 'bench', 'quality', 'graded.json')), 'utf8')).filter((g) => g.set !== 'notes');
if (rounds) graded = graded.filter((g) => rounds.includes(g.round));
if (refresh.length > 0) {
  const current = new Map();
  for (const f of refresh) for (const q of JSON.parse(readFileSync(f, 'utf8'))) current.set(q.id, q);
  graded = graded.filter((g) => current.has(g.id) && signature(current.get(g.id)) === g.sig);
  for (const g of graded) g.features = current.get(g.id).features;
}

const score = (features) => {
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) z += (model.weights[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
};
const formOf = (features) => {
  const kind = Object.keys(features).find((k) => k.startsWith('kind_'))?.slice(5);
  const form = Object.keys(features).find((k) => k.startsWith('form_'))?.slice(5);
  return `${kind}/${form}`;
};
const rows = graded.map((g) => ({ id: g.id, set: g.set, good: g.good, form: formOf(g.features), score: score(g.features) }));

/** Per form, the highest cut under which the share of good questions stays below `below`. */
function chooseFloors(train) {
  const floors = {};
  for (const form of new Set(train.map((r) => r.form))) {
    const s = train.filter((r) => r.form === form).sort((a, b) => a.score - b.score);
    let good = 0;
    let floor = 0;
    for (let i = 0; i < s.length - 1; i++) {
      good += s[i].good ? 1 : 0;
      if (i + 1 >= minDropped && good / (i + 1) < below && s[i + 1].score > s[i].score) floor = (s[i].score + s[i + 1].score) / 2;
    }
    if (floor > 0) floors[form] = +floor.toFixed(3);
  }
  return floors;
}

const fold = (id) => parseInt(id.slice(1, 6), 16) % 5;
const tally = () => ({ kept: 0, keptGood: 0, all: 0, allGood: 0 });
const bySet = {};
const byForm = {};
for (let f = 0; f < 5; f++) {
  const floors = chooseFloors(rows.filter((r) => fold(r.id) !== f));
  for (const r of rows.filter((r) => fold(r.id) === f)) {
    for (const t of [(bySet[r.set] ??= tally()), (bySet.all ??= tally()), (byForm[r.form] ??= tally())]) {
      t.all++;
      t.allGood += r.good ? 1 : 0;
      if (r.score >= (floors[r.form] ?? 0)) {
        t.kept++;
        t.keptGood += r.good ? 1 : 0;
      }
    }
  }
}
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
console.log(`${rows.length} verdicts of real notes${rounds ? ` (rounds ${rounds.join(', ')})` : ''}; floors where a form's questions below were under ${below * 100} % good (at least ${minDropped} below)`);
console.log('cross-validated (5 folds by question id): precision of all questions → of those kept, and the share kept');
for (const [name, t] of [...Object.entries(bySet), ...Object.entries(byForm)]) {
  console.log(`  ${name.padEnd(20)} ${pct(t.allGood, t.all).padStart(7)} → ${pct(t.keptGood, t.kept).padStart(7)}  kept ${t.kept}/${t.all}; dropped ${t.all - t.kept}, ${pct(t.allGood - t.keptGood, t.all - t.kept)} good`);
}
console.log('floors on all verdicts:', chooseFloors(rows));
