import fc from 'fast-check';
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/notes/read.js';
import { installLinearResolvers, mergeData, uninstallLinearResolvers } from '../../src/notes/linear-resolvers.js';

// The parser read.ts builds, but with GFM's extensions as the packages make them (no footnote or
// strikethrough wrapper), for the original's side.
function pristineGfm(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}
const pristine = unified().use(remarkParse).use(pristineGfm);

// The linear resolvers of issue #17 give the tree micromark's own give, positions included: every
// property below parses the same text with both and compares.

function both(text: string): [unknown, unknown] {
  uninstallLinearResolvers();
  let original: unknown;
  try {
    original = JSON.parse(JSON.stringify(pristine.parse(text) as Root));
  } finally {
    installLinearResolvers();
  }
  return [original, JSON.parse(JSON.stringify(parseMarkdown(text)))];
}

// Inline soup: every delimiter the resolvers pair, brackets, escapes, code, line breaks, and block markers
// that start new paragraphs, lists and quotes.
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('*', '**', '***', '_', '__', '~', '~~', '[', ']', '![', '](', ')', '(', '^', '\\', '`', ' ', ' ', 'a', 'b', 'word', '.', ':', '!') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\n- ', '\n> ', '\n# ', '\n1. ', '\n    ', '\n| a | b |\n| --- | --- |\n| ') },
  { weight: 1, arbitrary: fc.constantFrom('[^1]', '[x]: http://e.com', '\n[^1]: note', '<b>', '&amp;', 'http://e.com', '  \n') },
);
const soup = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 500));

describe('linear resolvers (issue #17)', () => {
  it('give the same tree as micromark’s own on delimiter and bracket soup', () => {
    fc.assert(
      fc.property(soup, (text) => {
        const [original, linear] = both(text);
        expect(linear).toEqual(original);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });

  it('give the same tree on the attack’s shapes', () => {
    for (const text of ['**T**: d; '.repeat(300), '[ '.repeat(300), ']'.repeat(300), '[a]'.repeat(300), 'a* '.repeat(300), '*a '.repeat(200) + 'a* '.repeat(200), '~~a~ '.repeat(100), '*a _b **c* d_ '.repeat(100), '***a** b* '.repeat(100)]) {
      const [original, linear] = both(text);
      expect(linear).toEqual(original);
    }
  });

  it('merge each run of data events into its first token', () => {
    const token = (type: string, start: number, end: number) => ({ type, start: { offset: start }, end: { offset: end } });
    const a = token('data', 0, 1);
    const b = token('data', 1, 2);
    const x = token('other', 2, 3);
    const c = token('data', 3, 4);
    const events = [['enter', a], ['exit', a], ['enter', b], ['exit', b], ['enter', x], ['exit', x], ['enter', c], ['exit', c]] as unknown as Parameters<typeof mergeData>[0];
    const merged = mergeData(events) as unknown as Array<[string, { type: string; end: { offset: number } }]>;
    expect(merged.map(([kind, t]) => `${kind}:${t.type}`)).toEqual(['enter:data', 'exit:data', 'enter:other', 'exit:other', 'enter:data', 'exit:data']);
    expect(merged[0]![1]).toBe(a);
    expect(a.end.offset).toBe(2);
  });
});
