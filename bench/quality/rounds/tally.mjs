// A graded round's counts: per set and per group of the sample (a dev repository, a seed file), and how many
// bad verdicts blame the note (R4-note, by the grader's words: "R4-note", "note error", "out of date" …).
//   node bench/quality/rounds/tally.mjs ROUNDDIR   (ROUNDDIR holds SET.md samples and verdicts/*.txt)
// A question id drawn into two sets' samples (the same line in two corpora) is counted in the last one read.
import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const group = {}; // id -> group
for (const f of readdirSync(dir).filter((f) => /\.md$/.test(f) && !/-\d+\.md$/.test(f))) {
  let g = null;
  for (const line of readFileSync(`${dir}/${f}`, 'utf8').split('\n')) {
    const h = /^# (\S+)/.exec(line); if (h) g = `${f.replace('.md', '')}:${h[1]}`;
    const q = /^## Q\d+ \[[^\]]+\] (q[0-9a-f]+)/.exec(line); if (q) group[q[1]] = g;
  }
}
const sets = {}, groups = {};
for (const f of readdirSync(`${dir}/verdicts`)) for (const line of readFileSync(`${dir}/verdicts/${f}`, 'utf8').split('\n')) {
  const m = /^Q\d+ (q[0-9a-f]+) (GOOD|BAD)/.exec(line); if (!m) continue;
  const g = group[m[1]] ?? '?'; const s = g.split(':')[0];
  const note = m[2] === 'BAD' && /R4-note|note error|note's error|note is wrong|out of date|outdated|\(note/i.test(line);
  for (const [t, k] of [[sets, s], [groups, g]]) { t[k] ??= { n: 0, good: 0, note: 0 }; t[k].n++; if (m[2] === 'GOOD') t[k].good++; if (note) t[k].note++; }
}
for (const [k, v] of Object.entries(sets)) console.log(`${k}: ${v.good}/${v.n} (${Math.round(100 * v.good / v.n)} %; ex ${v.note} R4-note ${Math.round(100 * v.good / (v.n - v.note))} %)`);
for (const [k, v] of Object.entries(groups)) console.log(`  ${k}: ${v.good}/${v.n}`);
