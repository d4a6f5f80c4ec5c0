import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR_VERSION } from '../notes/generator-version.js';
import { modelProblem, type QualityModel } from '../notes/score.js';
import type { Quality } from './analyzers.js';
import { dataDir } from './paths.js';

let cached: QualityModel | undefined;

/** Loads data/quality-model.json once per process; a damaged file is an installation fault, said plainly. */
export function loadQualityModel(): QualityModel {
  if (cached) return cached;
  const file = join(dataDir, 'quality-model.json');
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const problem = modelProblem(parsed);
  if (problem) throw new Error(`${file} is not a quality model (${problem}); reinstall awsquiz`);
  cached = parsed as QualityModel;
  return cached;
}

/** The quality settings of an ingest: the shipped model, and the minimum score (default: the model's threshold). */
export function quality(minScore?: number): Quality {
  return { model: loadQualityModel(), minScore };
}

/**
 * What a note's questions depend on besides its text: the generator's version, the model's, and the minimum
 * score. A source stored under another stamp is analysed again even when its text did not change.
 */
export function generatorStamp(q: Quality): string {
  return `${GENERATOR_VERSION}:${q.model.version}:${q.minScore ?? q.model.threshold}`;
}
