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

const loaded = new Map<string, Blueprint | null>();

/** Loads and validates one exam's blueprint, once per process; null when there is none for that code. */
export function loadBlueprint(code: string): Blueprint | null {
  const wanted = code.trim().toUpperCase();
  if (!loaded.has(wanted)) {
    const file = examCodes().find((c) => c.toUpperCase() === wanted);
    const path = file === undefined ? '' : join(examsDir, `${file}.json`);
    loaded.set(wanted, file === undefined ? null : parseBlueprint(JSON.parse(readFileSync(path, 'utf8')) as unknown, path));
  }
  return loaded.get(wanted)!;
}
