import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeOptions, inProcessAnalyzer, sharedAnalyzer, type Analyzer } from '../../src/app/analyzers.js';
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

  it('fails a large note whose thread ran out of heap instead of analysing it here, analyses the small ones it held here, and carries on with a new thread', async () => {
    const { workerAnalyzer, RETRY_HERE_BELOW } = await compiledAnalyzers();
    const fallback = counting();
    const analyzer = workerAnalyzer(1, catalogue, { heapMb: 16, fallback });
    try {
      const huge = note('S3', 900);
      expect(huge.length).toBeGreaterThanOrEqual(RETRY_HERE_BELOW);
      const small = note('SQS', 1);
      const [big, after] = await Promise.allSettled([analyzer.analyze(huge), analyzer.analyze(small)]);
      // Issue #17: analysed here, the note that killed its thread killed the whole ingest too.
      expect(big).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/^its parse thread ran out of memory on it \(\d+\.\d MB of note\)$/) } });
      expect(fallback.calls).toBeGreaterThanOrEqual(1);
      expect(after).toEqual({ status: 'fulfilled', value: here(small) });
      // The replacement thread takes the next note.
      const calls = fallback.calls;
      expect(await analyzer.analyze(small)).toEqual(here(small));
      expect(fallback.calls).toBe(calls);
    } finally {
      await analyzer.close();
    }
  }, 60_000);
});

/** Stand-in worker threads: each note is answered in a later macrotask, as a thread's message would be, or after `ms`. */
function lateThreads(threads: number, ms?: number): Analyzer & { calls: number } {
  const c = {
    threads,
    calls: 0,
    analyze: (t: string) => {
      c.calls++;
      return new Promise<ReturnType<typeof here>>((resolve) => {
        const answer = () => resolve(here(t));
        if (ms === undefined) setImmediate(answer);
        else setTimeout(answer, ms);
      });
    },
    close: () => Promise.resolve(),
  };
  return c;
}

describe('sharedAnalyzer', () => {
  it('gives the threads what they have room for and analyses the rest here, with the same results', async () => {
    const threads = lateThreads(1, 50);
    const local = counting();
    const shared = sharedAnalyzer(threads, local, 2);
    expect(shared.threads).toBe(2);
    const texts = ['S3', 'SQS', 'SNS', 'Kinesis'].map((s, i) => note(s, 1 + i));
    const got = await Promise.all(texts.map((t) => shared.analyze(t)));
    expect(got).toEqual(texts.map(here));
    expect([threads.calls, local.calls]).toEqual([2, 2]);
  });

  it('reads the threads\' finished notes before analysing here', async () => {
    const threads = lateThreads(1);
    const local = counting();
    const shared = sharedAnalyzer(threads, local, 1);
    const first = shared.analyze(note('S3', 1));
    // The thread is full, but its answer arrives before this thread would start: the note waits for it.
    const second = shared.analyze(note('SQS', 1));
    await Promise.all([first, second]);
    expect([threads.calls, local.calls]).toEqual([2, 0]);
  });
});
