import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsOpen, headingCuts, parseInPieces } from '../../src/notes/pieces.js';
import { parseMarkdown } from '../../src/notes/read.js';

// Lines chosen to sit on either side of every rule that decides where a note may be cut: headings and
// near-headings, fences and HTML blocks that a `#` line cannot end, containers, tables, definitions.
const LINES = [
  '# Heading', '## Sub heading', '#', '###### Six', '####### Seven', '#hashtag', '  # Indented heading', '\t# Tabbed',
  '> # Quoted heading', 'A paragraph line', 'lazy continuation', '> quote', '> ```', '- item', '  - nested item',
  '  ```', '```', '~~~', '````', '```js', '``` `x`', '    indented code', '1. first', '2) second', '<div>', '</div>',
  '<!--', '-->', '<!-- one line -->', '<script>', '</script>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>',
  '<pre>', '</pre>', '<a name="anchor"></a>', '  <div>', '  <!--', '> <div>', '> <!--', '  - ```', '| a | b |', '| - | - |', '| 1 | 2 |', '', '   ', '===', '---', '* * *',
  '[ref]: https://example.com', '[^1]: a footnote', 'see [ref] and [^1]', '- [ ] task', 'Term: definition',
  // The cuts of issue #17: after a blank line, and before a bullet item that continues a list.
  '- **Term**: a definition', '* star item', '+ plus item', '-', '- ', '- - -', '-\tTabbed item', '*emphasis* at the start', '+1 not an item',
  '10. tenth', '  continued item text', 'Another paragraph', '<b>inline html</b>', '    - indented item', '>', '| x | y |',
];

const notes = fc.array(fc.constantFrom(...LINES), { maxLength: 40 }).map((lines) => lines.join('\n'));

/** The tree as plain data, positions included. */
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree)) as unknown;

describe('parseInPieces', () => {
  it('parses a note whose top is an unclosed fence a few times, not once per heading below it', () => {
    const text = ['```', ...Array.from({ length: 200 }, (_, i) => `# Heading ${i}\nline ${i}`)].join('\n');
    let parses = 0;
    const counted = (piece: string) => (parses++, parseMarkdown(piece));
    expect(headingCuts(text, 1)).toHaveLength(200);
    expect(plain(parseInPieces(text, counted, 1))).toEqual(plain(parseMarkdown(text)));
    expect(parses).toBeLessThanOrEqual(12);
  });

  it('gives the same tree as one parse, positions included, for any note and any piece size', () => {
    fc.assert(
      fc.property(notes, fc.constantFrom(1, 8, 40), fc.boolean(), (text, minChars, trailingNewline) => {
        const note = trailingNewline ? `${text}\n` : text;
        expect(plain(parseInPieces(note, parseMarkdown, minChars))).toEqual(plain(parseMarkdown(note)));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  });

  it('cuts only before column-0 ATX headings, at least minChars apart', () => {
    const text = ['intro', '# One', 'body', '  # not here', '#nor here', '## Two', 'body', '### Three', 'end'].join('\n');
    const cuts = headingCuts(text, 1);
    expect(cuts.map((at) => text.slice(at, text.indexOf('\n', at)))).toEqual(['# One', '## Two', '### Three']);
    expect(headingCuts(text, 13).map((at) => text.slice(at, text.indexOf('\n', at)))).toEqual(['## Two']);
  });

  it('does not cut a note that has a definition anywhere', () => {
    expect(headingCuts('# A\ntext\n# B\n- [id]: https://example.com\n# C\n', 1)).toEqual([]);
    expect(headingCuts('# A\ntext\n# B\n[^n]: note\n# C\n', 1)).toEqual([]);
  });

  it('joins a piece that ends inside a fence or an HTML block with the next one', () => {
    const open = (piece: string) => endsOpen(parseMarkdown(piece), piece);
    expect(open('text\n```\ncode\n')).toBe(true);
    expect(open('text\n```\ncode\n```\n')).toBe(false);
    expect(open('text\n````\ncode\n```\n')).toBe(true);
    expect(open('text\n<!--\ncomment\n\n')).toBe(true);
    expect(open('text\n<!--\ncomment -->\n\n')).toBe(false);
    // Closed, but with no blank line after it: taken as open, which only costs a parse.
    expect(open('text\n<!--\ncomment -->\n')).toBe(true);
    expect(open('<div>\ntext\n')).toBe(true);
    expect(open('<div>\ntext\n\n')).toBe(false);
    expect(open('- task\n  ```\n')).toBe(true);
    expect(open('> quote\n> ```\n')).toBe(false);
    const text = 'intro\n```\n# inside code\n```\n# After\nend\n';
    expect(parseInPieces(text, parseMarkdown, 1).children.map((n) => n.type)).toEqual(['paragraph', 'code', 'heading', 'paragraph']);
  });
});
