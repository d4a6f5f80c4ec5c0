import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/notes/frontmatter.js';
import { buildOutline, type OutlineNode } from '../../src/notes/outline.js';
import { readNote } from '../../src/notes/read.js';
import { serviceMatcher } from '../../src/notes/services.js';
import { cleanText, firstSentence } from '../../src/notes/text.js';

// Bugs found while writing the unit tests; each test failed before its fix.
const lines = (md: string) => {
  const p = readNote(md);
  const out: Array<[string, number]> = [];
  const rec = (n: OutlineNode) => {
    if (n.kind !== 'root') out.push([n.text, n.line]);
    n.children.forEach(rec);
  };
  rec(buildOutline(p.tree, { lineOf: p.lineOf }).root);
  return out;
};

describe('regressions', () => {
  it('reports the faulty YAML line itself', () => {
    expect(splitFrontMatter('---\ntitle: ok\n  bad indent: 1\n---\nBody').messages).toEqual([
      { line: 3, message: 'invalid front matter ignored: bad indentation of a mapping entry' },
    ]);
  });

  it('keeps the source line across a <br>', () => {
    expect(lines('# X\nFirst fact.<br>Second fact.\nThird fact.\n')).toEqual([
      ['X', 1],
      ['First fact.', 2],
      ['Second fact.', 2],
      ['Third fact.', 3],
    ]);
  });

  it('keeps file lines inside a three-column Notion row', () => {
    const md = ['# Storage', '| Name | Kind | Notes |', '| --- | --- | --- |', '| S3 | Object storage | Eleven nines durability', 'Versioning: per bucket |'].join('\n');
    expect(lines(md)).toEqual([
      ['Storage', 1],
      ['S3', 4],
      ['Object storage', 4],
      ['Eleven nines durability', 4],
      ['Versioning: per bucket', 5],
    ]);
  });

  it('leaves a GFM table without trailing pipes a table', () => {
    const p = readNote('| Class | Min size\n| --- | ---\n| Standard | none\n| Glacier | 40 KB\n');
    expect(buildOutline(p.tree, { lineOf: p.lineOf }).root.children[0]!.table).toEqual({
      header: ['Class', 'Min size'],
      rows: [
        ['Standard', 'none'],
        ['Glacier', '40 KB'],
      ],
      rowLines: [3, 4],
    });
  });

  it('finds service names split by several spaces or a line break', () => {
    const m = serviceMatcher({
      services: [
        { id: 's3', name: 'S3', fullName: 'Amazon Simple Storage Service', aliases: [], category: 'x', domains: {} },
        { id: 'glacier', name: 'S3 Glacier', fullName: 'Amazon S3 Glacier', aliases: [], category: 'x', domains: {} },
      ],
      topics: [],
    });
    expect(m.find('S3  Glacier')).toEqual(['glacier']);
    expect(m.find('S3\nGlacier')).toEqual(['glacier']);
  });

  it('cuts nested blockquotes like lists instead of overflowing the stack', () => {
    const p = readNote(`# Deep\n\n${'>'.repeat(3000)} x\n`);
    expect(p.messages).toEqual([{ line: 1, message: 'nesting deeper than 40 levels was flattened' }]);
    expect(buildOutline(p.tree, { lineOf: p.lineOf, maxDepth: 20 }).truncatedDepth).toEqual(true);
  });

  it('leaves one space where a lone ** was', () => {
    expect(cleanText('a ** b')).toEqual('a b');
  });

  it('does not end a sentence at "e.g."', () => {
    expect(firstSentence('Use a queue, e.g. SQS for decoupling. Then scale.')).toEqual('Use a queue, e.g. SQS for decoupling.');
  });
});
