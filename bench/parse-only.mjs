// The floor for this stack: read every note and parse it with unified + remark-parse + remark-gfm, nothing
// else (no front matter, no extraction, no database). In one thread by default; with `--threads N` the
// files are shared out over N worker threads (balanced by size), which is the floor for an ingest that
// spreads its parsing over worker threads on this machine.
//
//   node bench/parse-only.mjs [--threads N] <folder|file> ...     folders walked as awsquiz walks them (*.md, *.markdown)
import { readFileSync, statSync } from 'node:fs';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { noteFiles } from './lib.mjs';

/** Parses the files; returns how many characters and top-level nodes there were. */
function parseAll(files) {
  const processor = unified().use(remarkParse).use(remarkGfm);
  let bytes = 0;
  let nodes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    nodes += processor.parse(text).children.length;
  }
  return { bytes, nodes };
}

/** Deals files out to n groups, largest first to the lightest group, so the threads finish together. */
function shareOut(files, n) {
  const groups = Array.from({ length: n }, () => ({ files: [], bytes: 0 }));
  const sized = files.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size);
  for (const { f, size } of sized) {
    const g = groups.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    g.files.push(f);
    g.bytes += size;
  }
  return groups.map((g) => g.files);
}

if (!isMainThread) {
  parseAll(workerData.files);
} else {
  const args = process.argv.slice(2);
  const t = args.indexOf('--threads');
  const threads = t >= 0 ? Number(args[t + 1]) : 0;
  const files = noteFiles(t >= 0 ? args.filter((_, i) => i !== t && i !== t + 1) : args);
  if (threads > 0) {
    await Promise.all(
      shareOut(files, threads).map(
        (group) =>
          new Promise((resolve, reject) => {
            const w = new Worker(new URL(import.meta.url), { workerData: { files: group } });
            w.on('error', reject);
            w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parse worker exited with ${code}`))));
          }),
      ),
    );
    if (process.env.BENCH_VERBOSE) process.stderr.write(`parsed ${files.length} files in ${threads} threads\n`);
  } else {
    const { bytes, nodes } = parseAll(files);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`parsed ${files.length} files, ${bytes} chars, ${nodes} top-level nodes\n`);
  }
}
