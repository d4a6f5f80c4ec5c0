import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlueprint, type Blueprint } from '../exam/blueprint.js';
import { dataDir } from './paths.js';

const examsDir = join(dataDir, 'exams');

/** Exam codes that have a blueprint in data/exams. */
export function examCodes(): string[] {
  return readdirSync(examsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** Loads and validates one exam's blueprint; null when there is none for that code. */
export function loadBlueprint(code: string): Blueprint | null {
  const wanted = code.trim().toUpperCase();
  const file = examCodes().find((c) => c.toUpperCase() === wanted);
  if (!file) return null;
  const path = join(examsDir, `${file}.json`);
  return parseBlueprint(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}
