import { describe, expect, it } from 'vitest';
import { preprocess } from '../../src/notes/preprocess.js';

/** Output lines paired with the input line each came from. */
function mapped(input: string): Array<[string, number]> {
  const r = preprocess(input);
  const lines = r.text.split('\n');
  expect(r.lineMap.length).toEqual(lines.length);
  return lines.map((l, i) => [l, r.lineMap[i]!]);
}

describe('preprocess: Notion-style multi-line tables', () => {
  const notion = [
    '## Compute', // 1
    '', // 2
    '| Service | Notes |', // 3
    '| --- | --- |', // 4
    '| EC2 | Virtual servers', // 5
    'billed per second |', // 6
    '| AWS Fundamentals:', // 7  first cell spans two lines
    'ELB + ASG | Load balancing', // 8
    'and scaling |', // 9
    '|  | more text', // 10 continuation row: no label of its own
    'on two lines |', // 11
    '', // 12
    'After the table', // 13
  ].join('\n');

  it('turns each row into a heading one level below the section, followed by its content', () => {
    expect(mapped(notion)).toEqual([
      ['## Compute', 1],
      ['', 2],
      ['', 5],
      ['### EC2', 5],
      ['', 5],
      ['Virtual servers', 5],
      ['billed per second ', 6],
      ['', 5],
      ['', 7],
      ['### AWS Fundamentals: ELB + ASG', 8],
      ['', 7],
      ['Load balancing', 8],
      ['and scaling ', 9],
      ['', 7],
      ['', 10],
      ['', 10],
      ['more text', 10],
      ['on two lines ', 11],
      ['', 10],
      ['', 12],
      ['After the table', 13],
    ]);
  });

  it('puts every cell of a wider row on its own line, mapped to the line it was on', () => {
    const input = ['# Storage', '| Name | Kind | Notes |', '| --- | --- | --- |', '| S3 | Object storage | Eleven nines', 'Versioning per bucket |'].join('\n');
    expect(mapped(input)).toEqual([
      ['# Storage', 1],
      ['', 4],
      ['## S3', 4],
      ['', 4],
      ['Object storage', 4],
      ['Eleven nines', 4],
      ['Versioning per bucket ', 5],
      ['', 4],
    ]);
  });

  it('removes ** from row labels', () => {
    const input = ['| A | B |', '| --- | --- |', '| **Lambda** | Functions', 'run on demand |'].join('\n');
    expect(preprocess(input).text.split('\n')).toEqual(['', '# Lambda', '', 'Functions', 'run on demand ', '']);
  });
});

describe('preprocess: what it leaves alone', () => {
  it('leaves an ordinary one-line GFM table untouched', () => {
    const input = '## Sizes\n\n| Class | Min size |\n|:---|---:|\n| Standard | none |\n| Glacier | 40 KB |\n';
    const r = preprocess(input);
    expect(r.text).toEqual(input);
    expect(r.lineMap).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('leaves fenced code blocks untouched, even when they hold tables or dash lines', () => {
    const input = ['```md', '| a | b', '| --- | --- |', '| x | y', '— not a list', '```', '~~~', '— still code', '~~~'].join('\n');
    const r = preprocess(input);
    expect(r.text).toEqual(input);
    expect(r.lineMap).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('handles CRLF input, mapping lines one to one', () => {
    expect(preprocess('a\r\nb\r\nc')).toEqual({ capped: false, text: 'a\nb\nc', lineMap: [1, 2, 3], skipped: [] });
  });
});

describe('preprocess: dash-led lines', () => {
  it('nests "— " lines under the preceding list item', () => {
    const input = ['- Retention', '— default 4 days', '— max 14 days', '- Visibility', '  — 30 seconds'].join('\n');
    expect(mapped(input)).toEqual([
      ['- Retention', 1],
      ['  - default 4 days', 2],
      ['  - max 14 days', 3],
      ['- Visibility', 4],
      ['  - 30 seconds', 5],
    ]);
  });

  it('indents to the content column of the item, for ordered and nested items', () => {
    expect(preprocess('1. First\n— sub').text).toEqual('1. First\n   - sub');
    expect(preprocess('* Parent\n  * Child\n— dash').text).toEqual('* Parent\n  * Child\n    - dash');
  });

  it('makes a top-level item of a dash line after plain text', () => {
    expect(preprocess('- Item\nPlain line\n— orphan').text).toEqual('- Item\nPlain line\n- orphan');
  });

  it('makes a top-level item of a dash line after a heading', () => {
    expect(preprocess('- Item\n# Next\n— orphan').text).toEqual('- Item\n# Next\n- orphan');
  });

  it('keeps an en dash inside text and a dash without a following space', () => {
    const input = 'Range 1–14 days\n—no space';
    expect(preprocess(input).text).toEqual(input);
  });
});

describe('preprocess: list nesting a Notion cell lost', () => {
  const rows = (input: string[]) => preprocess(['| A | B |', '| --- | --- |', ...input].join('\n')).text.split('\n');

  it('nests a list of the other marker kind, a restarted numbering and dash lines under the item above', () => {
    expect(rows(['| Topic | 1. First', '- about first', '- Detail:', '1. deeper', '2. deeper still', '', '2. Second', '— about second |'])).toEqual([
      '',
      '# Topic',
      '',
      '1. First',
      '   - about first',
      '   - Detail:',
      '     1. deeper',
      '     2. deeper still',
      '',
      '2. Second',
      '   - about second ',
      '',
    ]);
  });

  it('turns an emoji-led short line into a sub-heading and ends the lists at plain text after a blank line', () => {
    expect(rows(['| Topic | 🟦 Part one', '- a bullet', '1. under it', '', 'Plain line', '- new list |'])).toEqual([
      '',
      '# Topic',
      '',
      '## 🟦 Part one',
      '- a bullet',
      '  1. under it',
      '',
      'Plain line',
      '- new list ',
      '',
    ]);
  });
});
