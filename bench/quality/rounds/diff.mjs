// What a change to src/notes does to the questions: two dump folders (bench/quality/rounds/dumps.sh) compared
// set by set — questions gone, added, and changed (same id, other prompt or choices), one line each.
//   node bench/quality/rounds/diff.mjs OLD_DUMPDIR NEW_DUMPDIR [dev,seeds,notes,fresh]
import { readFileSync, existsSync } from 'node:fs';
const [a, b, setsArg] = process.argv.slice(2);
const sets = (setsArg ?? 'dev,seeds,notes').split(',');
for (const s of sets) {
  if (!existsSync(`${a}/${s}.json`) || !existsSync(`${b}/${s}.json`)) continue;
  const A = JSON.parse(readFileSync(`${a}/${s}.json`, 'utf8')).filter((q) => !q.retired);
  const B = JSON.parse(readFileSync(`${b}/${s}.json`, 'utf8')).filter((q) => !q.retired);
  const ia = new Map(A.map((q) => [q.id, q])), ib = new Map(B.map((q) => [q.id, q]));
  const gone = A.filter((q) => !ib.has(q.id)), added = B.filter((q) => !ia.has(q.id));
  const changed = B.filter((q) => ia.has(q.id) && JSON.stringify([q.prompt, q.answers, q.distractors]) !== JSON.stringify([ia.get(q.id).prompt, ia.get(q.id).answers, ia.get(q.id).distractors]));
  console.log(`== ${s}: ${A.length} → ${B.length} (gone ${gone.length}, added ${added.length}, changed ${changed.length})`);
  for (const q of gone) console.log(`- [${q.kind}/${q.factKind}] ${q.prompt.slice(0, 230)} → ${q.answers.join(' | ').slice(0, 60)}`);
  for (const q of added) console.log(`+ [${q.kind}/${q.factKind}] ${q.prompt.slice(0, 230)} → ${q.answers.join(' | ').slice(0, 60)}  ✗ ${q.distractors.join(' | ').slice(0, 80)}`);
  for (const q of changed) { const o = ia.get(q.id); console.log(`~ ${q.prompt.slice(0, 160)} → ${q.answers.join('|')}  ✗ ${o.distractors.join(' | ')}  ⇒  ${q.distractors.join(' | ')}`); }
}
