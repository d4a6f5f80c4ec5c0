import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeNote } from '../../src/notes/analyze.js';
import { checkQuestion } from '../../src/notes/questions.js';

// One folder per note shape: input.md (written by us) and expected.json (facts' questions as reviewed).
// `UPDATE=1 npx vitest run test/notes/fixtures.test.ts` rewrites expected.json; review the diff before committing.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'input.md')));

function snapshot(input: string) {
  const a = analyzeNote(input);
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
    const kinds = new Set(cases.flatMap((c) => analyzeNote(readFileSync(join(root, c, 'input.md'), 'utf8')).facts.map((f) => f.kind)));
    expect([...kinds].sort()).toEqual(['attribute', 'cloze', 'enumeration', 'numeric', 'qa', 'table-cell']);
  });

  for (const name of cases) {
    it(name, () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const actual = snapshot(input);
      const file = join(root, name, 'expected.json');
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      for (const q of analyzeNote(input).questions) expect(checkQuestion(q)).toBeNull();
    });
  }
});
