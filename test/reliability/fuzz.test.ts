import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeNote, type NoteAnalysis } from '../../src/notes/analyze.js';
import { checkQuestion, type Question } from '../../src/notes/questions.js';
import { containsPhrase, normalize } from '../../src/notes/text.js';

// Property-based tests of the whole pure ingest path, `analyzeNote(text)`: arbitrary Markdown-like
// documents, raw strings and raw bytes must never make it throw, and every question it generates keeps the
// invariants a user relies on. `npm test` runs a bounded, seeded run; `npm run fuzz` a long one
// (FUZZ_RUNS=20000, a fresh seed unless FUZZ_SEED is set).

const LONG = process.env.FUZZ_RUNS !== undefined;
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 200));
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : LONG ? Date.now() % 2 ** 31 : 7;
const params = { numRuns: RUNS, seed: SEED };

// ---- arbitraries -------------------------------------------------------------------------------------

const VOCAB = [
  'SQS', 'SNS', 'Lambda', 'DynamoDB', 'S3', 'queue', 'FIFO', 'Standard', 'visibility', 'timeout', 'retention', 'message',
  'encrypts', 'objects', 'at rest', 'the', 'a', 'of', 'and', 'vs', 'e.g.', 'i.e.', 'it', 'this', 'default', 'maximum',
  'minimum', 'per', 'region', 'KMS', 'CloudHSM', 'API', 'GetItem', 'PutItem', 'read', 'write', 'capacity', 'units',
  'policy', 'role', 'user', 'group', 'Glacier', 'tier', 'edge', 'locations', 'cache', 'TTL', 'stream', 'shard',
];
const UNITS = ['seconds', 'minutes', 'days', 'KB', 'MB', 'GB', 'TB', '%', 'ms', 'hours', 'requests', 'rps'];
const CONTROL = ['\x1b[31m', '\x1b[0m', '\x1b]8;;http://x\x07', '\x1b]0;title\x1b\\', '\x07', '\x00', '\x08', '\x7f', '\u009b31m', '\r', '\v', '\f'];
const EMOJI = ['🟫', '⭐', '✅', '🎙️', '👍🏽', '🇺🇸', '1️⃣', '❗'];
const HTML = ['<br/>', '<br>', '<b>', '</b>', '<a name="top"></a>', '<!-- note -->', '&amp;', '&nbsp;', '&lt;', '<div align="center">', '</div>', '<img src="x.png">'];

const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VOCAB) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(...UNITS)).map(([n, u]) => (u === '%' ? `${n}%` : `${n} ${u}`)) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...HTML) },
  { weight: 1, arbitrary: fc.constantFrom('*', '**', '_', '__', '`', '|', ':', '-', '–', '—', '?', '!', '.', ',', ';', '(', ')', '[', ']', '>', '#', '\\', '$', '&') },
);
const phrase = fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
const inline = fc.oneof(
  { weight: 5, arbitrary: phrase },
  { weight: 1, arbitrary: phrase.map((p) => `**${p}**`) },
  { weight: 1, arbitrary: phrase.map((p) => `_${p}_`) },
  { weight: 1, arbitrary: phrase.map((p) => `\`${p}\``) },
  { weight: 1, arbitrary: phrase.map((p) => `[${p}](https://example.com/${p.replace(/[^a-z0-9]/gi, "").slice(0, 8)})`) },
  { weight: 1, arbitrary: phrase.map((p) => `![${p}](img.png)`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('b', 'i', 'code', 'span'), phrase).map(([t, p]) => `<${t}>${p}</${t}>`) },
);
const text = fc.array(inline, { minLength: 1, maxLength: 5 }).map((p) => p.join(' '));
const term = fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

const marker = fc.constantFrom('-', '*', '+', '1.', '2)', '10.');
const indent = fc.integer({ min: 0, max: 6 }).map((n) => '  '.repeat(n));
const itemBody = fc.oneof(
  fc.tuple(term, text).map(([t, d]) => `**${t}**: ${d}`),
  fc.tuple(term, fc.constantFrom(' – ', ' - ', ' — ', ': '), text).map(([t, s, d]) => `**${t}**${s}${d}`),
  fc.tuple(term, text).map(([t, d]) => `${t}: ${d}`),
  fc.tuple(text, term, text).map(([a, t, b]) => `${a} **${t}** ${b}`),
  text,
  text.map((t) => `${t}?`),
);
const bullet = fc.tuple(indent, marker, itemBody).map(([i, m, b]) => `${i}${m} ${b}`);
const list = fc.array(bullet, { minLength: 1, maxLength: 8 }).map((l) => l.join('\n'));
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(term, text, fc.tuple(term, term).map(([a, b]) => `${a} vs ${b}`))).map(
  ([d, t]) => `${'#'.repeat(d)} ${t}`,
);
const cell = fc.oneof(term, text, fc.constant('.'), fc.constant(''), fc.tuple(term, term).map(([a, b]) => `${a}<br/>${b}`));
const table = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.boolean())
  .chain(([cols, rows, header, closed]) =>
    fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows + 1, maxLength: rows + 1 }).map((r) => {
      const line = (cells: string[]) => `| ${cells.join(' | ')}${closed ? ' |' : ''}`;
      const delimiter = `|${' --- |'.repeat(cols)}`;
      return header ? [line(r[0]!), delimiter, ...r.slice(1).map(line)].join('\n') : [delimiter, ...r.map(line)].join('\n');
    }),
  );
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'yaml', 'bash'), fc.array(text, { maxLength: 4 }), fc.boolean()).map(
  ([f, lang, lines, closed]) => [`${f}${lang}`, ...lines, ...(closed ? [f] : [])].join('\n'),
);
const qa = fc.tuple(text, text).map(([q, a]) => `Q: ${q}?\nA: ${a}`);
const definitionLine = fc.tuple(term, text).map(([t, d]) => `${t}: ${d}`);
const nested = fc.tuple(fc.integer({ min: 2, max: 60 }), fc.constantFrom('- ', '> ', '1. ', '* ', '  - ', '\t- '), text).map(([n, m, t]) =>
  m.startsWith(' ') || m.startsWith('\t') ? Array.from({ length: n }, (_, i) => `${m[0]!.repeat(i * (m[0] === '\t' ? 1 : 2))}- ${t}`).join('\n') : `${m.repeat(n)}${t}`,
);
const html = fc.tuple(fc.constantFrom(...HTML), text).map(([h, t]) => `${h}${t}`);
const labelledList = fc.tuple(term, fc.array(term, { minLength: 2, maxLength: 7 })).map(([l, items]) => `${l}:\n${items.map((i) => `- ${i}`).join('\n')}`);
const frontMatter = fc
  .record({ exam: fc.constantFrom('DVA-C02', 'saa-c03', '[unclosed', '*alias', ''), domain: term, services: fc.array(term, { maxLength: 3 }) })
  .map((f) => `---\nexam: ${f.exam}\ndomain: ${f.domain}\nservices: [${f.services.join(', ')}]\n---\n`);

const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 6, arbitrary: list },
  { weight: 3, arbitrary: labelledList },
  { weight: 2, arbitrary: definitionLine },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: fence },
  { weight: 2, arbitrary: qa },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: html },
  { weight: 2, arbitrary: text },
);

/** A Markdown-like note: optional front matter, then headings, lists, tables, fences, Q/A, HTML and noise. */
const markdownDoc = fc
  .tuple(fc.option(frontMatter, { nil: '' }), fc.array(block, { minLength: 1, maxLength: 30 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n'))
  .map(([fm, blocks, sep]) => fm + blocks.join(sep));

const MD_CHARS = ['#', '-', '*', '_', '|', '`', '>', ' ', ' ', '\n', '\n', '[', ']', '(', ')', '<', '!', ':', '?', 'a', 'B', 'Q', 'A', '1', '.', '\t', '\x1b', '~', '=', '\\', '&', 'é', '🟫'];
/** Raw text: arbitrary code points, Markdown-heavy character soup, and bytes decoded leniently as UTF-8. */
const rawText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 3000 }),
  fc.string({ unit: fc.constantFrom(...MD_CHARS), maxLength: 3000 }),
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b).toString('utf8')),
);

// ---- invariants --------------------------------------------------------------------------------------

const SELECT_WORDS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const RESIDUE = /\*\*|\]\(|<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i;

/**
 * KNOWN BUG (reported with issue #7, not fixed here): an enumeration whose items are alike after
 * normalisation ("Gp three" / "gp-three") still says "(Select TWO)" while only one distinct answer is left.
 * Tolerated only in exactly that case; remove this once `fromEnumeration` counts distinct items.
 */
let knownDuplicateHits = 0;
function knownDuplicateItems(a: NoteAnalysis, q: Question, stated: number | undefined): boolean {
  const known = a.facts.some(
    (f) => f.kind === 'enumeration' && f.line === q.line && stated !== undefined && new Set(f.items.map(normalize).filter((n) => n !== '')).size < stated,
  );
  if (known) knownDuplicateHits++;
  return known;
}

/** Every broken invariant of one analysis, as readable strings (empty when all hold). */
function violations(input: string, a: NoteAnalysis): string[] {
  const out: string[] = [];
  const lines = input.split(/\r\n?|\n/).length;
  const ids = new Set<string>();
  const bad = (q: Question, what: string) => out.push(`${what}: ${JSON.stringify({ kind: q.kind, prompt: q.prompt, answers: q.answers, distractors: q.distractors })}`);
  for (const q of a.questions) {
    if (ids.has(q.id)) bad(q, 'duplicate id');
    ids.add(q.id);
    if (q.prompt.trim() === '') bad(q, 'empty prompt');
    if (q.answers.length === 0 || q.answers.some((x) => x.trim() === '')) bad(q, 'empty answer');
    const problem = checkQuestion(q);
    if (problem !== null) bad(q, `checkQuestion: ${problem}`);
    const texts = [q.prompt, ...q.answers, ...q.distractors, ...q.accepted, q.topic, q.sourceText];
    if (texts.some((t) => CONTROL_CHARS.test(t))) bad(q, 'control character');
    if ([q.prompt, ...q.answers, ...q.distractors].some((t) => RESIDUE.test(t))) bad(q, 'Markdown/HTML residue');
    const choices = [...q.answers, ...q.distractors].map(normalize);
    if (new Set(choices).size !== choices.length) bad(q, 'choices not distinct after normalisation');
    if (q.kind === 'single' || q.kind === 'multi') {
      if (q.distractors.length < 1 || q.distractors.length > 3) bad(q, 'not 1–3 wrong choices');
    }
    if (q.kind === 'single' && q.answers.length !== 1) bad(q, 'single with more than one answer');
    if (q.kind === 'single' || q.kind === 'typed') {
      // "Names every choice" as the project defines it (all of a choice's significant words occur in the prompt).
      const namesAll = q.distractors.length > 0 && q.distractors.every((d) => containsPhrase(q.prompt, d));
      const prompt = ` ${normalize(q.prompt)} `;
      if (!namesAll && q.answers.some((x) => normalize(x) !== '' && prompt.includes(` ${normalize(x)} `))) bad(q, 'answer contained in the prompt');
    }
    if (q.kind === 'multi') {
      const m = /\(Select (\w+)\)/.exec(q.prompt);
      const stated = m ? SELECT_WORDS[m[1]!] : undefined;
      if (stated !== q.answers.length && !knownDuplicateItems(a, q, stated)) bad(q, `prompt states ${m?.[1] ?? 'no'} right choices, answers has ${q.answers.length}`);
      if (q.answers.length < 2 && !knownDuplicateItems(a, q, stated)) bad(q, 'multi with fewer than two answers');
    }
    if (!Number.isInteger(q.line) || q.line < 1 || q.line > lines) bad(q, `line ${q.line} outside the note (${lines} lines)`);
  }
  return out;
}

let documents = 0;
let questionsChecked = 0;

function holds(input: string): number {
  let first: NoteAnalysis;
  try {
    first = analyzeNote(input);
  } catch (e) {
    throw new Error(`analyzeNote threw ${(e as Error).message} on ${JSON.stringify(input).slice(0, 2000)}`);
  }
  const broken = violations(input, first);
  if (broken.length) throw new Error(`${broken.join('\n')}\non ${JSON.stringify(input).slice(0, 2000)}`);
  // The same text always gives the same questions (ids are content hashes: re-ingest must change nothing).
  expect(analyzeNote(input).questions).toEqual(first.questions);
  documents++;
  questionsChecked += first.questions.length;
  return first.questions.length;
}

const timeout = LONG ? 0 : 60_000;

afterAll(() => {
  // The figures quoted in the README's Reliability section.
  console.log(`fuzz: ${documents} documents analysed, ${questionsChecked} questions checked (seed ${SEED}); known duplicate-item multi questions tolerated: ${knownDuplicateHits}`);
});

describe(`fuzzing analyzeNote (${RUNS} runs per property, seed ${SEED})`, () => {
  it('keeps every invariant on Markdown-like notes', () => {
    let questions = 0;
    fc.assert(
      fc.property(markdownDoc, (doc) => {
        questions += holds(doc);
      }),
      params,
    );
    // The generator is worth its runs only if it produces questions to check.
    expect(questions).toBeGreaterThan(RUNS / 2);
  }, timeout);

  it('never throws and keeps every invariant on raw strings and bytes', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        holds(raw);
      }),
      params,
    );
  }, timeout);

  it('holds on notes spliced with raw noise', () => {
    fc.assert(
      fc.property(markdownDoc, rawText, fc.nat(), (doc, noise, at) => {
        const i = at % (doc.length + 1);
        holds(doc.slice(0, i) + noise.slice(0, 200) + doc.slice(i));
        return true;
      }),
      params,
    );
  }, timeout);
});
