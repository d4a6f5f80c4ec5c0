import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, NoteAnalysis } from '../notes/analyze.js';
import type { QualityModel } from '../notes/score.js';
import { headingNamesService, serviceLookup, type Catalogue } from '../notes/services.js';

/** Turns note text into an analysis, here or in worker threads. */
export interface Analyzer {
  readonly threads: number;
  /** Analyses one note; `name` (its path) is the title of last resort for its prompts. */
  analyze(text: string, name?: string): Promise<NoteAnalysis>;
  close(): Promise<void>;
}

/**
 * Analyses in the calling thread (small ingests: starting workers would cost more than it saves). The
 * parser (unified, remark, gray-matter) is imported on the first note that changed, so a re-ingest that
 * finds nothing to do never loads it.
 */
export function inProcessAnalyzer(catalogue: Catalogue, quality?: Quality): Analyzer {
  let parser: Promise<typeof import('../notes/analyze.js')> | undefined;
  let options: AnalyzeOptions | undefined;
  return {
    threads: 0,
    analyze: async (text, name) => {
      const { analyzeNote } = await (parser ??= import('../notes/analyze.js'));
      return analyzeNote(text, (options ??= analyzeOptions(catalogue, quality)), name);
    },
    close: () => Promise.resolve(),
  };
}

const workerUrl = new URL('./analyze-worker.js', import.meta.url);

/** Whether the compiled worker exists (it does not when the sources run directly, as under vitest). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(workerUrl));
}

/** The quality model questions are scored with, and the score below which they are not kept. */
export interface Quality {
  model: QualityModel;
  minScore?: number;
}

/**
 * What the pure pipeline is told: which headings name a service (breadcrumbs climb to one), and the quality
 * model that scores each question.
 */
export function analyzeOptions(catalogue: Catalogue, quality?: Quality): AnalyzeOptions {
  return { namesSubject: headingNamesService(catalogue), services: serviceLookup(catalogue), model: quality?.model, minScore: quality?.minScore };
}

export interface WorkerOptions {
  /**
   * Old-generation heap cap of each thread, in MB (default: V8's own). Not set by ingest: any cap makes V8
   * collect far more often (15–40% slower ingest, bench/results.md), and forgetting each note's memos
   * already keeps the threads' heaps small.
   */
  heapMb?: number;
  /** Where a note goes when its thread dies under it: analysed here, unless it is large enough to be the cause (see RETRY_HERE_BELOW). */
  fallback?: Analyzer;
  /** The quality model, sent to each thread once (see analyzeOptions). */
  quality?: Quality;
}

/**
 * A thread that dies (out of heap) takes every note it held with it. The small ones are analysed here; a
 * large one may well be what killed it, and analysing it here would kill this thread the same way, and the
 * whole ingest with it (issue #17): it is reported as failed instead.
 */
export const RETRY_HERE_BELOW = 256 * 1024;

interface Job {
  text: string;
  name: string | undefined;
  resolve: (a: NoteAnalysis) => void;
  reject: (e: Error) => void;
  slot: number;
}

// The young generation of each analysis thread, in MB (see workerAnalyzer).
const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * Analyses in `threads` worker threads, each job sent to the least busy one; each thread gets the catalogue
 * once. A thread that dies (out of heap) is replaced, and the notes it held are analysed by the
 * fallback instead, so one huge note neither fails nor stalls the ingest.
 */
export function workerAnalyzer(threads: number, catalogue: Catalogue, options: WorkerOptions = {}): Analyzer {
  const fallback = options.fallback ?? inProcessAnalyzer(catalogue, options.quality);
  const pending = new Map<number, Job>();
  const busy = new Array<number>(threads).fill(0);
  let closing = false;
  let restarts = 0;
  const start = (slot: number): Worker => {
    // A smaller young generation than V8's default for a thread: as fast here, and ~20 MB less at peak on
    // 10 MB of notes (369–377 against 386–397 MB). At 100 MB the peak is the main thread's (417 MB either way).
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(options.heapMb === undefined ? {} : { maxOldGenerationSizeMb: options.heapMb }) };
    const limits = { resourceLimits };
    const w = new Worker(workerUrl, { workerData: { catalogue, quality: options.quality }, ...limits });
    w.on('message', (m: { id: number; analysis?: NoteAnalysis; error?: string }) => {
      const job = pending.get(m.id);
      if (!job) return;
      pending.delete(m.id);
      busy[slot]!--;
      if (m.analysis) job.resolve(m.analysis);
      else job.reject(new Error(m.error ?? 'worker failed'));
    });
    w.on('error', () => {
      if (closing) return;
      for (const [id, job] of pending) {
        if (job.slot !== slot) continue;
        pending.delete(id);
        busy[slot]!--;
        if (job.text.length >= RETRY_HERE_BELOW) job.reject(new Error(`its parse thread ran out of memory on it (${(job.text.length / 1048576).toFixed(1)} MB of note)`));
        else fallback.analyze(job.text, job.name).then(job.resolve, job.reject);
      }
      // A thread that keeps dying (it cannot even start) is not restarted for ever: its slot closes.
      if (restarts++ < threads * 2) workers[slot] = start(slot);
      else busy[slot] = Infinity;
    });
    return w;
  };
  const workers = Array.from({ length: threads }, (_, i) => start(i));
  let next = 0;
  return {
    threads,
    analyze(text, name) {
      const slot = busy.indexOf(Math.min(...busy));
      if (busy[slot] === Infinity) return fallback.analyze(text, name);
      const id = next++;
      busy[slot]!++;
      return new Promise<NoteAnalysis>((resolve, reject) => {
        pending.set(id, { text, name, resolve, reject, slot });
        workers[slot]!.postMessage({ id, text, name });
      });
    },
    async close() {
      closing = true;
      await Promise.all([...workers.map((w) => w.terminate()), fallback.close()]);
    },
  };
}

/**
 * Worker threads with this thread helping: a note goes to `workers` while their threads hold fewer than
 * `perThread` notes each, and is analysed `here` when they are all busy. On 2 cores, one thread plus this
 * one ingests 10 MB in ~1.15× the parse-only time with ~330 MB peak RSS, where two threads took ~1.0× and
 * ~400 MB: a V8 heap fewer (bench/results.md).
 */
export function sharedAnalyzer(workers: Analyzer, here: Analyzer, perThread = 2): Analyzer {
  let inWorkers = 0;
  const full = () => inWorkers >= workers.threads * perThread;
  const toWorkers = (text: string, name?: string) => {
    inWorkers++;
    const job = workers.analyze(text, name);
    job.then(
      () => inWorkers--,
      () => inWorkers--,
    );
    return job;
  };
  return {
    threads: workers.threads + 1,
    async analyze(text, name) {
      if (!full()) return toWorkers(text, name);
      // Read the threads' finished notes first: analysing here goes from one microtask to the next, and
      // without this pause the threads' answers would wait unread while they sat idle.
      await new Promise((resolve) => setImmediate(resolve));
      return full() ? here.analyze(text, name) : toWorkers(text, name);
    },
    async close() {
      await Promise.all([workers.close(), here.close()]);
    },
  };
}
