// Precision of slices of questions the generator still makes word for word, from every verdict since a round:
// each question's verdicts averaged, so a question graded often weighs no more than one graded once.
//   node bench/quality/rounds/slices.mjs DUMPDIR [FROM_ROUND=7]
// Prints the share good by set and by kind/form: where a rule would pay (see README, r24–r26).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { signature } from '../signature.mjs';

const [dumps, from = '7'] = process.argv.slice(2);
const graded = JSON.parse(readFileSync(new URL('../graded.json', import.meta.url), 'utf8'));
const byId = new Map();
for (const f of readdirSync(dumps).filter((n) => n.endsWith('.json'))) for (const q of JSON.parse(readFileSync(join(dumps, f), 'utf8'))) byId.set(q.id, { ...q, set: f.replace(/\.json$/, '') });
const perQuestion = new Map();
for (const v of graded) {
  const q = byId.get(v.id);
  if (Number(v.round.slice(1)) < Number(from) || !q || signature({ ...q, distractors: q.distractors ?? [] }) !== v.sig) continue;
  const e = perQuestion.get(v.id) ?? { q, good: 0, n: 0 };
  e.n++;
  if (v.good) e.good++;
  perQuestion.set(v.id, e);
}
const share = (key) => {
  const groups = new Map();
  for (const e of perQuestion.values()) {
    const k = key(e.q);
    const g = groups.get(k) ?? { sum: 0, n: 0 };
    g.sum += e.good / e.n;
    g.n++;
    groups.set(k, g);
  }
  return [...groups].sort((a, b) => b[1].n - a[1].n).map(([k, g]) => `${k}: ${g.n} questions, ${Math.round((100 * g.sum) / g.n)} % good`);
};
console.log(`${perQuestion.size} questions still made as graded (rounds r${from} on)`);
for (const line of [...share((q) => q.set), ...share((q) => `${q.kind}/${q.factKind}`)]) console.log(`  ${line}`);
