// Summarises V8 CPU profiles (from `node --cpu-prof`): self time by function and by package/source folder,
// and inclusive time of the project's own functions.
//
//   node --cpu-prof --cpu-prof-dir=bench/tmp/prof bin/awsquiz.js stats --json --db …
//   node bench/profile-summary.mjs bench/tmp/prof/*.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot } from './lib.mjs';

const args = process.argv.slice(2);
const topArg = args.indexOf('--top');
const TOP = topArg >= 0 ? Number(args[topArg + 1]) : 25;
const files = args.filter((a, i) => a.endsWith('.cpuprofile') && args[i - 1] !== '--top');

const where = (url) => {
  if (!url) return '(native/V8)';
  const path = url.replace(/^file:\/\//, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return `npm:${nm[1]}`;
  if (path.startsWith('node:')) return path;
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel.replace(/\/[^/]+$/, '/');
};

for (const file of files) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  // timeDeltas[i] is the time before sample i.
  for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fnKey = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${relative(repoRoot, n.callFrame.url.replace(/^file:\/\//, ''))}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  const byFn = new Map();
  const byWhere = new Map();
  const inclusive = new Map();
  for (const [id, t] of self) {
    const n = byId.get(id);
    const k = fnKey(n);
    byFn.set(k, (byFn.get(k) ?? 0) + t);
    const w = n.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : n.callFrame.functionName === '(idle)' ? '(idle)' : where(n.callFrame.url);
    byWhere.set(w, (byWhere.get(w) ?? 0) + t);
    // Inclusive time: each distinct project (dist/) function on the stack gets the sample once.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const c = byId.get(cur);
      if (!c.callFrame.url.includes('/dist/')) continue;
      const key = fnKey(c);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    }
  }
  const pct = (t) => `${((t / total) * 100).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms`;
  const show = (title, map, n) => {
    console.log(`  ${title}`);
    for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`    ${pct(t)}  ${k}`);
  };
  console.log(`${relative(process.cwd(), file)}: ${(total / 1000).toFixed(0)} ms sampled`);
  show('self time by package / folder', byWhere, 15);
  show('self time by function', byFn, TOP);
  show('inclusive time, project functions (dist/)', inclusive, TOP);
  console.log('');
}
