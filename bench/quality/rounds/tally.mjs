// A graded round's counts: per set and per group of the sample (a dev repository, a seed file), and how many
// bad verdicts blame the note (R4-note, by the grader's words: "R4-note", "note error", "out of date" …).
//   node bench/quality/rounds/tally.mjs ROUNDDIR   (ROUNDDIR holds SET.md samples and verdicts/*.txt)
// A verdict is placed by its file's set (verdicts/dev-2.txt → dev) and its question number, so a question id drawn
// into two sets' samples (the same line in two corpora) counts in each set it was graded in.
import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const group = {}; // "set Qn" -> group
for (const f of readdirSync(dir).filter((f) => /\.md$/.test(f) && !/-\d+\.md$/.test(f))) {
  const set = f.replace('.md', '');
  let g = null;
  for (const line of readFileSync(`${dir}/${f}`, 'utf8').split('\n')) {
    const h = /^# (\S+)/.exec(line); if (h) g = `${set}:${h[1]}`;
    const q = /^## Q(\d+) \[[^\]]+\] q[0-9a-f]+/.exec(line); if (q) group[`${set} ${q[1]}`] = g;
  }
}
const sets = {}, groups = {};
for (const f of readdirSync(`${dir}/verdicts`)) for (const line of readFileSync(`${dir}/verdicts/${f}`, 'utf8').split('\n')) {
  const v = /^Q(\d+) q[0-9a-f]+ (GOOD|BAD)/.exec(line); if (!v) continue;
  const s = f.replace(/(-\d+)?\.txt$/, '');
  const g = group[`${s} ${v[1]}`] ?? `${s}:?`;
  const verdict = v[2];
  const note = verdict === 'BAD' && /R4-note|note error|note's error|note is wrong|out of date|outdated|\(note/i.test(line);
  for (const [t, k] of [[sets, s], [groups, g]]) { t[k] ??= { n: 0, good: 0, note: 0 }; t[k].n++; if (verdict === 'GOOD') t[k].good++; if (note) t[k].note++; }
}
for (const [k, v] of Object.entries(sets)) console.log(`${k}: ${v.good}/${v.n} (${Math.round(100 * v.good / v.n)} %; ex ${v.note} R4-note ${Math.round(100 * v.good / (v.n - v.note))} %)`);
for (const [k, v] of Object.entries(groups)) console.log(`  ${k}: ${v.good}/${v.n}`);
