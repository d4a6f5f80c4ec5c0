import { parentPort, workerData } from 'node:worker_threads';
import { analyzeNote } from '../notes/analyze.js';
import type { Catalogue } from '../notes/services.js';
import { analyzeOptions, type Quality } from './analyzers.js';

// A parse worker: notes in, analyses out. The pure pipeline needs only the catalogue and the quality model
// (sent once, in workerData), so any number can run.
const data = workerData as { catalogue: Catalogue; quality?: Quality };
const options = analyzeOptions(data.catalogue, data.quality);
parentPort?.on('message', (job: { id: number; text: string; name?: string }) => {
  try {
    parentPort!.postMessage({ id: job.id, analysis: analyzeNote(job.text, options, job.name) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message ?? String(e) });
  }
});
