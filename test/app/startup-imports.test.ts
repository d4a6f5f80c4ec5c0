// Commands start quickly because none of them loads the Markdown parser (remark, micromark, gray-matter:
// about 150 ms) until a note has to be analysed: a re-ingest with nothing changed, study, exam and stats never
// parse. This follows each command module's static imports through src/ and checks the parser is not among them.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(__dirname, '../../src');

/** The project files `file` imports statically (not `import type`, not `await import(…)`), as .ts paths. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) out.push(join(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  for (const m of text.matchAll(/^import\s+'(\.[^']+)'/gm)) out.push(join(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  return out;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...staticImports(f));
  }
  return seen;
}

const PARSER = join(src, 'notes', 'read.ts');

describe('commands load no parser at startup', () => {
  for (const command of ['ingest', 'study', 'exam', 'stats', 'questions', 'notes', 'db']) {
    it(`${command}`, () => {
      const files = reachable(join(src, 'cli', 'commands', `${command}.ts`));
      expect(files.size).toBeGreaterThan(3);
      expect([...files].filter((f) => f === PARSER).map((f) => f.slice(src.length + 1))).toEqual([]);
    });
  }

  it('finds the parser where it is imported', () => {
    expect(reachable(join(src, 'app', 'analyze-worker.ts')).has(PARSER)).toBe(true);
  });
});
