import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuizQuestion } from '../../src/core/types.js';
import { type Blueprint, parseBlueprint } from '../../src/exam/blueprint.js';
import type { Catalogue } from '../../src/notes/services.js';

/** data/ of the repository: the tests read the real blueprints and catalogue (the core itself never touches fs). */
export const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

/** Every data/exams/*.json file name with its parsed JSON. */
export function examFiles(): Array<{ file: string; json: unknown }> {
  return readdirSync(join(dataDir, 'exams'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(dataDir, 'exams', file), 'utf8')) as unknown }));
}

/** The real blueprint of `code`. */
export function blueprint(code: string): Blueprint {
  const file = `${code}.json`;
  return parseBlueprint(JSON.parse(readFileSync(join(dataDir, 'exams', file), 'utf8')), file);
}

/** The real service catalogue. */
export function catalogue(): Catalogue {
  return JSON.parse(readFileSync(join(dataDir, 'services.json'), 'utf8')) as Catalogue;
}

/** A question with harmless defaults; tests override what they are about. */
export function question(id: string, over: Partial<QuizQuestion> = {}): QuizQuestion {
  return {
    id,
    kind: 'single',
    topic: 'Topic',
    prompt: `Prompt ${id}?`,
    answers: [`right ${id}`],
    distractors: [`wrong ${id} 1`, `wrong ${id} 2`, `wrong ${id} 3`],
    accepted: [],
    services: [],
    exam: null,
    domain: null,
    source: { path: 'notes/x.md', line: 1, text: 'x' },
    ...over,
  };
}
