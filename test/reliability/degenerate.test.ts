import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tmp } from './helpers.js';

// Issue #17: degenerate Markdown up to 1 MB (long tokens, wide and long tables, deep nesting, many
// headings, bracket and emphasis runs, long lists and paragraphs) is analysed in time and memory linear in
// its size, or its degenerate part is skipped with a warning. Time is a ratio against a baseline taken in
// the same run (README, Reliability): a degenerate note takes at most 1.5 times the CPU of an ordinary note
// of the same size — headings, term bullets, numbers and a table, as notes are written — so that a
// quadratic shape (each of these once ran for minutes) fails on any machine and a slower machine fails
// none. Memory is an absolute bound: at most 150 MB + 400 MB of peak RSS per MB, one thread. Each note is
// analysed by the built code in a process of its own, so that its peak RSS is its own. `npm test` runs a
// few notes of up to 256 KB; `npm run fuzz` forty of up to 1 MB.

const RUNS = Math.max(1, Number(process.env.DEGENERATE_RUNS ?? 4));
const MAX_BYTES = Number(process.env.DEGENERATE_MAX_BYTES ?? 256 * 1024);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.DEGENERATE_RUNS ? Date.now() % 2 ** 31 : 17;

export const BOUND = { cpuRatio: 1.5, rssBaseMb: 150, rssPerMb: 400 };

/** The baseline: a note as people write them, repeated to any size (`$i` is the repetition). */
const ordinary = (i: number) =>
  `## Queue setting ${i}\n\n- **Visibility timeout ${i}**: hides a received message for 30 seconds while a consumer works on it\n` +
  `- **Retention ${i}**: keeps a message for up to 14 days, 4 days by default\n- Long polling waits up to 20 seconds for a message to arrive\n\n` +
  `| Queue | Ordering |\n| --- | --- |\n| Standard ${i} | best effort |\n| FIFO ${i} | strict |\n\n`;

/** One repeated unit of a degenerate shape (`$i` is its number). */
const shapes: Record<string, (i: number) => string> = {
  longToken: () => 'a',
  base64Token: (i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[(i * 7919) % 64]!,
  wideTable: (i) => (i === 0 ? '| h |' : i === 1 ? '\n| --- |' : i % 500 === 0 ? ` c${i} |\n|` : ` c${i} |`),
  longTable: (i) => (i === 0 ? '| Term | Meaning |\n| --- | --- |\n' : `| Term ${i} | meaning number ${i} of things |\n`),
  deepList: (i) => `${'  '.repeat(i % 400)}- level ${i}\n`,
  deepQuote: (i) => `${'> '.repeat(i % 300)}quoted ${i}\n`,
  headings: (i) => `## Heading ${i}\n\n- item one ${i}\n- item two ${i}\n\n`,
  brackets: () => '[ ',
  closingBrackets: () => ']',
  bracketPairs: () => '[a]',
  stars: () => 'a* ',
  emphasisLine: () => '**T**: d; ',
  starLines: () => '*a\n',
  bullets: (i) => `- **Term ${i}**: definition of item ${i} here\n`,
  paragraphs: (i) => `plain line ${i} here, some words\n\n`,
  tildes: () => '~~a~ ',
};

const degenerate = fc.record({
  shape: fc.constantFrom(...Object.keys(shapes)),
  bytes: fc.integer({ min: 16 * 1024, max: MAX_BYTES }),
  header: fc.boolean(),
});

function build(shape: string, bytes: number, header: boolean): string {
  const unit = shape === 'ordinary' ? ordinary : shapes[shape]!;
  const parts: string[] = [header ? '# Degenerate note\n\n' : ''];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  return parts.join('');
}

/** CPU seconds, peak RSS (MB) and warnings of analysing `file` in a fresh process with the built code. */
function measure(file: string): { cpu: number; rssMb: number; warnings: string[] } {
  const script = `
    const { readFileSync } = await import('node:fs');
    const { analyzeNote } = await import(${JSON.stringify(join(root, 'dist', 'notes', 'analyze.js'))});
    const text = readFileSync(${JSON.stringify(file)}, 'utf8');
    const before = process.cpuUsage();
    const a = analyzeNote(text);
    const used = process.cpuUsage(before);
    console.log(JSON.stringify({ cpu: (used.user + used.system) / 1e6, rssMb: process.resourceUsage().maxRSS / 1024, warnings: a.messages.map((m) => m.message) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`analysis failed (${r.signal ?? r.status}): ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout) as { cpu: number; rssMb: number; warnings: string[] };
}

// The baseline's CPU per size (to 4 KB), measured once in this run.
const baselines = new Map<number, number>();
const BUCKET = 4096;

function withinBound(dir: string, name: string, text: string): void {
  const file = join(dir, `${name}.md`);
  writeFileSync(file, text);
  const bytes = Buffer.byteLength(text);
  const mb = bytes / 1048576;
  const size = Math.ceil(bytes / BUCKET) * BUCKET;
  let baseline = baselines.get(size);
  if (baseline === undefined) {
    const ordinaryFile = join(dir, `ordinary-${size}.md`);
    writeFileSync(ordinaryFile, build('ordinary', size, true));
    baselines.set(size, (baseline = measure(ordinaryFile).cpu));
  }
  const m = measure(file);
  const what = `${name}, ${Math.round(mb * 1024)} KB: ${m.cpu.toFixed(2)} s (an ordinary note of its size: ${baseline.toFixed(2)} s), ${Math.round(m.rssMb)} MB`;
  expect(m.cpu, what).toBeLessThanOrEqual(BOUND.cpuRatio * baseline);
  expect(m.rssMb, what).toBeLessThanOrEqual(BOUND.rssBaseMb + BOUND.rssPerMb * mb);
}

describe(`degenerate notes up to ${Math.round(MAX_BYTES / 1024)} KB (${RUNS} notes, seed ${SEED})`, () => {
  const dir = tmp('awsquiz-degenerate-');
  it('of every shape, at 96 KB, are analysed within the linear bound', () => {
    // Each shape once, so that every class the attack found is in every `npm test` (each was quadratic).
    for (const shape of Object.keys(shapes)) withinBound(dir, `each-${shape}`, build(shape, 96 * 1024, true));
  }, 600_000);

  it('are analysed within the linear bound in time and memory', () => {
    let n = 0;
    fc.assert(
      fc.property(degenerate, ({ shape, bytes, header }) => {
        withinBound(dir, `${n++}-${shape}`, build(shape, bytes, header));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
