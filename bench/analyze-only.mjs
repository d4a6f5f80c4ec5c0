// In-process analysis time: `analyzeNote` (parse, outline, facts, questions) over every note of a corpus in
// this thread, no database, no workers. The quickest way to see what a change to src/notes costs; compare
// two builds by passing another dist folder (a worktree's) with --dist.
//
//   node bench/analyze-only.mjs [--dist <dist folder>] [--runs 3] <folder|file> ...   (after `npm run build`)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { min, median, noteFiles, repoRoot } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const dist = resolve(option('dist', join(repoRoot, 'dist')));
const runs = Number(option('runs', '3'));
const { analyzeNote } = await import(pathToFileURL(join(dist, 'notes', 'analyze.js')).href);
const { analyzeOptions } = await import(pathToFileURL(join(dist, 'app', 'analyzers.js')).href);
const { loadCatalogue } = await import(pathToFileURL(join(dist, 'app', 'catalogue.js')).href);
const options = analyzeOptions(loadCatalogue());
const texts = noteFiles(args).map((f) => readFileSync(f, 'utf8'));
if (texts.length === 0) throw new Error('no notes found: pass a folder or files');

const times = [];
let questions = 0;
for (let r = 0; r < runs; r++) {
  const started = performance.now();
  questions = 0;
  for (const text of texts) questions += analyzeNote(text, options).questions.length;
  times.push(performance.now() - started);
}
console.log(`${texts.length} notes, ${questions} questions; analysis ms over ${runs} runs: min ${min(times).toFixed(0)}, median ${median(times).toFixed(0)} (the first run includes warming up)`);
