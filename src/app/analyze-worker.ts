import { parentPort, workerData } from 'node:worker_threads';
import { analyzeNote } from '../notes/analyze.js';
import type { Catalogue } from '../notes/services.js';
import { analyzeOptions } from './analyzers.js';

// A parse worker: notes in, analyses out. The pure pipeline needs only the catalogue (sent once, in
// workerData), so any number can run.
const options = analyzeOptions((workerData as { catalogue: Catalogue }).catalogue);
parentPort?.on('message', (job: { id: number; text: string }) => {
  try {
    parentPort!.postMessage({ id: job.id, analysis: analyzeNote(job.text, options) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message ?? String(e) });
  }
});
