import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeOptions } from '../../src/app/analyzers.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { analyzeNote } from '../../src/notes/analyze.js';
import { checkQuestion } from '../../src/notes/questions.js';

// One folder per note shape: input.md (written by us) and expected.json (facts' questions as reviewed).
// `UPDATE=1 npx vitest run test/notes/fixtures.test.ts` rewrites expected.json; review the diff before committing.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'input.md')));

// As ingest runs it: with the service catalogue (breadcrumbs, statements that open with a service), without
// the quality model (every question the rules let through is kept, so the fixtures show them all).
const options = analyzeOptions(loadCatalogue());

function snapshot(input: string) {
  const a = analyzeNote(input, options);
  return {
    frontMatter: a.frontMatter,
    messages: a.messages,
    questions: a.questions.map((q) => ({
      kind: q.kind,
      factKind: q.factKind,
      topic: q.topic,
      prompt: q.prompt,
      answers: q.answers,
      distractors: q.distractors,
      accepted: q.accepted,
      line: q.line,
    })),
  };
}

describe('note shapes', () => {
  it('has a fixture for every extractor shape', () => {
    const kinds = new Set(cases.flatMap((c) => analyzeNote(readFileSync(join(root, c, 'input.md'), 'utf8'), options).facts.map((f) => f.kind)));
    expect([...kinds].sort()).toEqual(['attribute', 'cloze', 'enumeration', 'numeric', 'qa', 'sentence', 'table-cell']);
  });

  for (const name of cases) {
    it(name, () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const actual = snapshot(input);
      const file = join(root, name, 'expected.json');
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      for (const q of analyzeNote(input, options).questions) expect(checkQuestion(q)).toBeNull();
    });
  }
});
