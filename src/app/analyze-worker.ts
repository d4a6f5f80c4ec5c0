import { parentPort } from 'node:worker_threads';
import { analyzeNote } from '../notes/analyze.js';

// A parse worker: notes in, analyses out. The pure pipeline needs nothing else, so any number can run.
parentPort?.on('message', (job: { id: number; text: string }) => {
  try {
    parentPort!.postMessage({ id: job.id, analysis: analyzeNote(job.text) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message ?? String(e) });
  }
});
