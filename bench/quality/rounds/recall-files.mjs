// For a recall grader (README, "Recall"): every question made from each of the named notes, with its choices,
// in the order of its source line, one file per note.
//   node bench/quality/rounds/recall-files.mjs OUT/dev.json OUTDIR /abs/path/to/note.md …
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename } from 'node:path';
const [dump, out, ...files] = process.argv.slice(2);
const qs = JSON.parse(readFileSync(dump, 'utf8')).filter((q) => !q.retired);
mkdirSync(out, { recursive: true });
files.forEach((f, i) => {
  const mine = qs.filter((q) => q.source.path === f).sort((a, b) => a.source.line - b.source.line);
  const L = [`# Questions made from ${f}`, '', `${mine.length} questions, in the order of their source line.`, ''];
  mine.forEach((q, n) => {
    L.push(`## Q${n + 1} [${q.kind}] (line ${q.source.line})`, `PROMPT: ${q.prompt}`, `RIGHT: ${q.answers.join(' | ')}`);
    if (q.distractors.length) L.push(`WRONG CHOICES: ${q.distractors.join(' | ')}`);
    L.push('');
  });
  writeFileSync(`${out}/file${i + 1}-${basename(f).replace(/\s+/g, '_')}.md`, L.join('\n'));
  console.log(i + 1, mine.length, f);
});
