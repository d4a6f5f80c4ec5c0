import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeOptions, inProcessAnalyzer, type Analyzer } from '../../src/app/analyzers.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { analyzeNote } from '../../src/notes/analyze.js';

// Worker threads run the compiled pipeline: `npm test` builds dist/ before vitest runs.
const compiled = new URL('../../dist/app/analyzers.js', import.meta.url);
async function compiledAnalyzers(): Promise<typeof import('../../src/app/analyzers.js')> {
  if (!existsSync(fileURLToPath(compiled))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  return (await import(compiled.href)) as typeof import('../../src/app/analyzers.js');
}

const catalogue = loadCatalogue();
const here = (text: string) => analyzeNote(text, analyzeOptions(catalogue));

/** A note on one service with `sections` sections of five settings each. */
function note(service: string, sections: number): string {
  const lines = [`# Amazon ${service}`];
  for (let s = 0; s < sections; s++) {
    lines.push('', `## Feature ${s}`);
    for (let i = 0; i < 5; i++) lines.push(`- Setting ${i}: keeps copy number ${i} of each object for ${s + i + 1} days`);
  }
  return lines.join('\n');
}

/** An analyzer that counts what it is given and analyses in this thread. */
function counting(): Analyzer & { calls: number } {
  const inner = inProcessAnalyzer(catalogue);
  const c = { threads: 0, calls: 0, analyze: (t: string) => (c.calls++, inner.analyze(t)), close: () => inner.close() };
  return c;
}

describe('workerAnalyzer', () => {
  it('gives the same analyses as the pipeline run here', async () => {
    const { workerAnalyzer } = await compiledAnalyzers();
    const analyzer = workerAnalyzer(2, catalogue);
    try {
      const texts = ['S3', 'SQS', 'SNS', 'Kinesis', 'Lambda'].map((s, i) => note(s, 1 + i));
      const got = await Promise.all(texts.map((t) => analyzer.analyze(t)));
      expect(got).toEqual(texts.map(here));
      expect(got.every((a) => a.questions.length > 0)).toBe(true);
    } finally {
      await analyzer.close();
    }
  });

  it('analyses a note here when its thread runs out of heap, and carries on with a new thread', async () => {
    const { workerAnalyzer } = await compiledAnalyzers();
    const fallback = counting();
    const analyzer = workerAnalyzer(1, catalogue, { heapMb: 16, fallback });
    try {
      const huge = note('S3', 600);
      const small = note('SQS', 1);
      const [big, after] = await Promise.all([analyzer.analyze(huge), analyzer.analyze(small)]);
      expect(fallback.calls).toBeGreaterThanOrEqual(1);
      expect(big.questions.length).toBe(here(huge).questions.length);
      expect(after).toEqual(here(small));
      // The replacement thread takes the next note.
      const calls = fallback.calls;
      expect(await analyzer.analyze(small)).toEqual(here(small));
      expect(fallback.calls).toBe(calls);
    } finally {
      await analyzer.close();
    }
  }, 60_000);
});
