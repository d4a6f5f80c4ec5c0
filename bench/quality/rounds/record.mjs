// Adds a round's blind verdicts to bench/quality/graded.json (hash and features of each question, no note text).
//   node bench/quality/rounds/record.mjs ROUND DUMPDIR VERDICTDIR [--write]
// VERDICTDIR holds SET[-N].md samples (from ../shared/tools/sample-questions.mjs) and SET[-N].verdicts files,
// one line per question: "Q<n> <id> GOOD" or "Q<n> <id> BAD R<k> — reason". Prints the counts per set.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { signature } from '../signature.mjs';

const [round, dumps, dir, write] = process.argv.slice(2);
if (!round || !dumps || !dir) {
  console.error('usage: node bench/quality/rounds/record.mjs ROUND DUMPDIR VERDICTDIR [--write]');
  process.exit(2);
}
const G = new URL('../graded.json', import.meta.url);
const graded = JSON.parse(readFileSync(G, 'utf8'));
const byId = new Map();
for (const f of readdirSync(dumps).filter((n) => n.endsWith('.json'))) for (const q of JSON.parse(readFileSync(join(dumps, f), 'utf8'))) byId.set(q.id, q);
const out = [];
const tally = {};
for (const f of readdirSync(dir).filter((n) => n.endsWith('.verdicts')).sort()) {
  const set = f.replace(/(-\d+)?\.verdicts$/, '');
  const ids = [...readFileSync(join(dir, f.replace(/\.verdicts$/, '.md')), 'utf8').matchAll(/^## Q\d+ \[[^\]]+\] (\S+)/gm)].map((m) => m[1]);
  const seen = new Set();
  for (const line of readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => /^Q\d+ /.test(l))) {
    const m = /^Q\d+\s+(\S+)\s+(GOOD|BAD)(?:\s+(R\d(?:-note)?))?/.exec(line);
    if (!m || !ids.includes(m[1]) || !byId.has(m[1])) { console.error(`${f}: not recorded: ${line}`); continue; }
    const q = byId.get(m[1]);
    const good = m[2] === 'GOOD';
    seen.add(m[1]);
    const t = (tally[set] ??= { good: 0, graded: 0, bad: {} });
    t.graded++;
    if (good) t.good++;
    else t.bad[m[3] ?? 'R?'] = (t.bad[m[3] ?? 'R?'] ?? 0) + 1;
    out.push({ id: m[1], sig: signature({ ...q, distractors: q.distractors ?? [] }), round, set, good, rule: good ? null : (m[3] ?? 'R?'), features: q.features });
  }
  const missing = ids.filter((i) => !seen.has(i)).length;
  if (missing > 0) console.error(`${f}: ${missing} sampled questions have no verdict`);
}
console.log(JSON.stringify(tally, null, 1));
if (write === '--write') {
  writeFileSync(G, `[${[...graded, ...out].map((v) => JSON.stringify(v)).join(',\n')}]\n`);
  console.log(`recorded ${out.length}; graded.json holds ${graded.length + out.length}`);
}
