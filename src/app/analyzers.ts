import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, NoteAnalysis } from '../notes/analyze.js';
import { headingNamesService, type Catalogue } from '../notes/services.js';

/** Turns note text into an analysis, here or in worker threads. */
export interface Analyzer {
  readonly threads: number;
  analyze(text: string): Promise<NoteAnalysis>;
  close(): Promise<void>;
}

/**
 * Analyses in the calling thread (small ingests: starting workers would cost more than it saves). The
 * parser (unified, remark, gray-matter) is imported on the first note that changed, so a re-ingest that
 * finds nothing to do never loads it.
 */
export function inProcessAnalyzer(catalogue: Catalogue): Analyzer {
  let parser: Promise<typeof import('../notes/analyze.js')> | undefined;
  let options: AnalyzeOptions | undefined;
  return {
    threads: 0,
    analyze: async (text) => {
      const { analyzeNote } = await (parser ??= import('../notes/analyze.js'));
      return analyzeNote(text, (options ??= analyzeOptions(catalogue)));
    },
    close: () => Promise.resolve(),
  };
}

const workerUrl = new URL('./analyze-worker.js', import.meta.url);

/** Whether the compiled worker exists (it does not when the sources run directly, as under vitest). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(workerUrl));
}

/** What the pure pipeline is told about the catalogue: which headings name a service (breadcrumbs climb to one). */
export function analyzeOptions(catalogue: Catalogue): AnalyzeOptions {
  return { namesSubject: headingNamesService(catalogue) };
}

/** Analyses in `threads` worker threads, each job sent to the least busy one; each thread gets the catalogue once. */
export function workerAnalyzer(threads: number, catalogue: Catalogue): Analyzer {
  const url = workerUrl;
  const pending = new Map<number, { resolve: (a: NoteAnalysis) => void; reject: (e: Error) => void; worker: number }>();
  const busy = new Array<number>(threads).fill(0);
  const workers = Array.from({ length: threads }, (_, i) => {
    const w = new Worker(url, { workerData: { catalogue } });
    w.on('message', (m: { id: number; analysis?: NoteAnalysis; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      busy[i]!--;
      if (m.analysis) p.resolve(m.analysis);
      else p.reject(new Error(m.error ?? 'worker failed'));
    });
    w.on('error', (e) => {
      // A crashed worker fails its own jobs; the others carry on.
      for (const [id, p] of pending) if (p.worker === i) {
        pending.delete(id);
        p.reject(e);
      }
    });
    return w;
  });
  let next = 0;
  return {
    threads,
    analyze(text) {
      const i = busy.indexOf(Math.min(...busy));
      const id = next++;
      busy[i]!++;
      return new Promise<NoteAnalysis>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: i });
        workers[i]!.postMessage({ id, text });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
