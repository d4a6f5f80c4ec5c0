// Fits the quality model (data/quality-model.json) to graded questions: L2-regularised logistic regression
// over the named features of src/notes/features.ts, then picks the threshold for a target precision.
//
//   node bench/quality/fit.mjs [--graded bench/quality/graded.json] [--target 0.9] [--lambda 1] [--exclude-sets notes]
//                              [--current-only] [--refresh QUESTIONS.json…] [--threshold T] [--write]
//
// --threshold T ships T instead of the threshold found for the target: when no threshold reaches the target,
// the best one found may keep too few questions to be worth its precision (README, "How good the questions are").
//
// graded.json holds, per graded question, only its id, a hash of its prompt and choices, round, verdict, rule
// and features: no note text.
// Features are those the question had when it was graded, unless --refresh QUESTIONS.json… gives current
// dumps (`awsquiz questions --json`): then a question still generated with the same id, prompt and choices
// takes its current features (so a changed feature definition is fitted on the same verdicts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib.mjs';
import { signature } from './signature.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : args[i + 1];
};
const gradedFile = opt('graded', join(repoRoot, 'bench', 'quality', 'graded.json'));
const target = Number(opt('target', '0.9'));
const lambda = Number(opt('lambda', '1'));
// The files after --refresh, up to the next option.
const refresh = [];
if (args.includes('--refresh')) for (const a of args.slice(args.indexOf('--refresh') + 1)) { if (a.startsWith('--')) break; refresh.push(a); }
// The bundled notes are ours, written in the recommended format: the model is for real notes.
const skipSets = new Set(opt('exclude-sets', 'notes').split(',').filter(Boolean));
let graded = JSON.parse(readFileSync(gradedFile, 'utf8')).filter((g) => !skipSets.has(g.set));

if (refresh.length > 0) {
  const current = new Map();
  for (const f of refresh) for (const q of JSON.parse(readFileSync(f, 'utf8'))) current.set(q.id, q);
  let kept = 0;
  for (const g of graded) {
    const q = current.get(g.id);
    if (q && signature(q) === g.sig) {
      g.features = q.features;
      kept++;
    }
  }
  console.log(`refreshed features of ${kept}/${graded.length} graded questions`);
  // Questions the generator no longer makes say nothing about the ones it makes now.
  if (args.includes('--current-only')) graded = graded.filter((g) => current.has(g.id) && signature(current.get(g.id)) === g.sig);
}

const names = [...new Set(graded.flatMap((g) => Object.keys(g.features)))].sort();
const X = graded.map((g) => names.map((n) => g.features[n] ?? 0));
const y = graded.map((g) => (g.good ? 1 : 0));

function fit(rows, labels) {
  const w = new Array(names.length).fill(0);
  let b = 0;
  const lr = 0.1;
  for (let it = 0; it < 3000; it++) {
    const gw = new Array(names.length).fill(0);
    let gb = 0;
    rows.forEach((x, i) => {
      const z = b + x.reduce((s, v, j) => s + v * w[j], 0);
      const e = 1 / (1 + Math.exp(-z)) - labels[i];
      gb += e;
      x.forEach((v, j) => (gw[j] += e * v));
    });
    for (let j = 0; j < w.length; j++) w[j] -= (lr * (gw[j] + lambda * w[j])) / rows.length;
    b -= (lr * gb) / rows.length;
  }
  return { w, b };
}
const predict = (m, x) => 1 / (1 + Math.exp(-(m.b + x.reduce((s, v, j) => s + v * m.w[j], 0))));
const auc = (scores, labels) => {
  let a = 0, p = 0, n = 0;
  scores.forEach((s, i) => scores.forEach((t, k) => {
    if (labels[i] === 1 && labels[k] === 0) { a += s > t ? 1 : s === t ? 0.5 : 0; p++; }
  }));
  return p ? a / p : NaN;
};

// 5-fold cross-validation: how well the model ranks questions it was not fitted on.
const folds = 5;
const cv = new Array(graded.length);
for (let f = 0; f < folds; f++) {
  const train = X.map((x, i) => i).filter((i) => i % folds !== f);
  const m = fit(train.map((i) => X[i]), train.map((i) => y[i]));
  X.forEach((x, i) => { if (i % folds === f) cv[i] = predict(m, x); });
}
console.log(`${graded.length} graded, ${y.filter(Boolean).length} good (${(y.filter(Boolean).length / y.length * 100).toFixed(1)} %); cross-validated AUC ${auc(cv, y).toFixed(3)}`);
const table = [];
for (const t of [0, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
  const kept = cv.map((s, i) => [s, y[i]]).filter(([s]) => s >= t);
  const good = kept.filter(([, l]) => l).length;
  table.push({ threshold: t, kept: kept.length, keptShare: +(kept.length / graded.length).toFixed(3), precision: kept.length ? +(good / kept.length).toFixed(3) : null });
}
console.table(table);

const model = fit(X, y);
const weights = Object.fromEntries(names.map((n, j) => [n, +model.w[j].toFixed(3)]).filter(([, w]) => w !== 0).sort((a, b) => a[1] - b[1]));
console.log('bias', model.b.toFixed(3));
console.log(weights);
// The lowest threshold whose cross-validated precision reaches the target (else the most precise one), on 20 questions or more.
const reach = table.filter((r) => r.precision !== null && r.precision >= target && r.kept >= 20);
const found = reach.length ? reach[0].threshold : table.filter((r) => r.kept >= 20).reduce((a, r) => ((r.precision ?? 0) > (a.precision ?? 0) ? r : a)).threshold;
const threshold = opt('threshold', null) === null ? found : Number(opt('threshold', null));
console.log(`threshold ${found} ${reach.length ? `reaches precision ${target}` : `is the best found: none reaches ${target}`}${threshold !== found ? `; shipping ${threshold} as told` : ''}`);
if (args.includes('--write')) {
  const file = join(repoRoot, 'data', 'quality-model.json');
  const rounds = [...new Set(graded.map((g) => g.round))].join(', ');
  const out = {
    version: `fit-${graded.length}-${new Date().toISOString().slice(0, 10)}`,
    source: `bench/quality/fit.mjs on bench/quality/graded.json (${graded.length} questions graded blind by RUBRIC.md, rounds ${rounds}); cross-validated AUC ${auc(cv, y).toFixed(3)}; threshold ${threshold}${threshold !== found ? ` (the fit's best was ${found})` : ''}`,
    bias: +model.b.toFixed(3),
    threshold,
    weights,
  };
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log('wrote', file);
}
