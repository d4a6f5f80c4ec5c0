import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../notes/services.js';
import { dataDir } from './paths.js';

let cached: Catalogue | undefined;

/** Loads data/services.json once per process. */
export function loadCatalogue(): Catalogue {
  cached ??= JSON.parse(readFileSync(join(dataDir, 'services.json'), 'utf8')) as Catalogue;
  return cached;
}
