// The floor for this stack: read every note and parse it with unified + remark-parse + remark-gfm, in one
// thread, nothing else (no front matter, no extraction, no database).
//
//   node bench/parse-only.mjs <folder|file> ...     folders walked as awsquiz walks them (*.md, *.markdown)
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { noteFiles } from './lib.mjs';

const processor = unified().use(remarkParse).use(remarkGfm);
const files = noteFiles(process.argv.slice(2));
let bytes = 0;
let nodes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  const tree = processor.parse(text);
  nodes += tree.children.length;
}
if (process.env.BENCH_VERBOSE) process.stderr.write(`parsed ${files.length} files, ${bytes} chars, ${nodes} top-level nodes\n`);
