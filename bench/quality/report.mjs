// The quality report: what the generator makes of each corpus — questions, questions per 400 bytes of notes,
// by kind and form, by score band, and what it skipped and why — so that the precision/recall trade of a
// change to src/notes is visible next to the graded rounds (bench/quality/graded.json).
//
//   npm run build && node bench/quality/report.mjs [--write] [name=path …]
//
// Without arguments it reads the seeds, the dev corpus (both under ../shared, when present) and notes/;
// --write puts the tables in bench/quality/report.md. The corpora are read, never copied.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bytesOf, noteFiles, repoRoot } from '../lib.mjs';

const dist = join(repoRoot, 'dist');
const { analyzeNote } = await import(pathToFileURL(join(dist, 'notes', 'analyze.js')).href);
const { analyzeOptions } = await import(pathToFileURL(join(dist, 'app', 'analyzers.js')).href);
const { loadCatalogue } = await import(pathToFileURL(join(dist, 'app', 'catalogue.js')).href);
const { quality } = await import(pathToFileURL(join(dist, 'app', 'quality.js')).href);

const args = process.argv.slice(2);
const write = args.includes('--write');
const named = args.filter((a) => a.includes('='));
const shared = resolve(repoRoot, '..', 'shared');
const corpora = named.length
  ? named.map((a) => a.split('='))
  : [
      ['seeds', join(shared, 'seeds')],
      ['dev corpus', join(shared, 'corpus', 'dev')],
      ['notes/', join(repoRoot, 'notes')],
    ];
const q = quality();
const options = analyzeOptions(loadCatalogue(), q);
const BANDS = [0, 0.5, 0.6, 0.7, 0.8, 1.01];

const rows = [];
for (const [name, path] of corpora) {
  // The seeds are .txt: an explicit folder of notes is read whatever the extension, as `ingest FILE` does.
  const files = noteFiles([path]).length > 0 ? noteFiles([path]) : filesIn(path);
  if (files.length === 0) continue;
  const bytes = bytesOf(files);
  const byForm = {};
  const bands = new Array(BANDS.length - 1).fill(0);
  const skipped = {};
  let questions = 0;
  for (const f of files) {
    const a = analyzeNote(readFileSync(f, 'utf8'), options, f);
    for (const question of a.questions) {
      questions++;
      const form = Object.keys(question.features).find((k) => k.startsWith('form_'))?.slice(5) ?? question.factKind;
      const key = `${question.kind}/${form}`;
      byForm[key] = (byForm[key] ?? 0) + 1;
      bands[BANDS.findIndex((b, i) => question.score >= b && question.score < BANDS[i + 1])]++;
    }
    for (const [k, v] of Object.entries(a.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  }
  rows.push({ name, files: files.length, bytes, questions, per400: questions / (bytes / 400), byForm, bands, skipped });
}

/** Every file directly in a folder (the seeds are .txt files), or none when it is missing. */
function filesIn(dir) {
  try {
    return readdirSync(dir).map((n) => join(dir, n)).filter((p) => statSync(p).isFile()).sort();
  } catch {
    return [];
  }
}

const out = [];
out.push(`Quality report, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, model ${q.model.version} (threshold ${q.model.threshold})`, '');
out.push('| corpus | files | KB | questions | per 400 bytes |', '| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) out.push(`| ${r.name} | ${r.files} | ${(r.bytes / 1024).toFixed(0)} | ${r.questions} | ${r.per400.toFixed(2)} |`);
const forms = [...new Set(rows.flatMap((r) => Object.keys(r.byForm)))].sort();
out.push('', `| kind/form | ${rows.map((r) => r.name).join(' | ')} |`, `| --- |${rows.map(() => ' ---: |').join('')}`);
for (const f of forms) out.push(`| ${f} | ${rows.map((r) => r.byForm[f] ?? 0).join(' | ')} |`);
out.push('', `| score band | ${rows.map((r) => r.name).join(' | ')} |`, `| --- |${rows.map(() => ' ---: |').join('')}`);
for (let i = 0; i < BANDS.length - 1; i++) out.push(`| ${BANDS[i]}–${Math.min(1, BANDS[i + 1])} | ${rows.map((r) => r.bands[i]).join(' | ')} |`);
const reasons = [...new Set(rows.flatMap((r) => Object.keys(r.skipped)))].sort();
out.push('', `| skipped because | ${rows.map((r) => r.name).join(' | ')} |`, `| --- |${rows.map(() => ' ---: |').join('')}`);
for (const k of reasons) out.push(`| ${k} | ${rows.map((r) => r.skipped[k] ?? 0).join(' | ')} |`);
const text = out.join('\n');
console.log(text);
if (write) writeFileSync(join(repoRoot, 'bench', 'quality', 'report.md'), `# Question quality report\n\n\`node bench/quality/report.mjs --write\` (after \`npm run build\`); graded precision is in the README and the closing notes.\n\n${text}\n`);
