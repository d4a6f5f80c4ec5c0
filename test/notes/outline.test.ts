import { describe, expect, it } from 'vitest';
import { buildOutline, type OutlineNode } from '../../src/notes/outline.js';
import { readNote } from '../../src/notes/read.js';

interface Shape {
  kind: OutlineNode['kind'];
  text: string;
  line: number;
  children?: Shape[];
}

/** The outline without spans and depths: kind, clean text, file line and children. */
function shape(n: OutlineNode): Shape {
  const s: Shape = { kind: n.kind, text: n.text, line: n.line };
  if (n.children.length > 0) s.children = n.children.map(shape);
  return s;
}

function outline(md: string, maxDepth?: number) {
  const parsed = readNote(md);
  return buildOutline(parsed.tree, { lineOf: parsed.lineOf, maxDepth });
}

function children(md: string): Shape[] {
  return outline(md).root.children.map(shape);
}

describe('buildOutline', () => {
  it('nests sections by heading depth', () => {
    const md = ['# SQS', '## Standard', '- At-least-once delivery', '### Limits', 'Some text here.', '## FIFO', '- Exactly-once processing', '# SNS'].join('\n');
    const { root } = outline(md);
    expect(root.children.map((c) => [c.text, c.depth])).toEqual([
      ['SQS', 1],
      ['SNS', 1],
    ]);
    expect(children(md)).toEqual([
      {
        kind: 'section',
        text: 'SQS',
        line: 1,
        children: [
          {
            kind: 'section',
            text: 'Standard',
            line: 2,
            children: [
              { kind: 'item', text: 'At-least-once delivery', line: 3 },
              { kind: 'section', text: 'Limits', line: 4, children: [{ kind: 'line', text: 'Some text here.', line: 5 }] },
            ],
          },
          { kind: 'section', text: 'FIFO', line: 6, children: [{ kind: 'item', text: 'Exactly-once processing', line: 7 }] },
        ],
      },
      { kind: 'section', text: 'SNS', line: 8 },
    ]);
  });

  it('removes navigation links and HTML anchors from heading text', () => {
    const md = ['# SQS [↖](#top)[↑](#1)', '<a name="sqs"></a>', '## Standard <a name="std"></a>', '- Best-effort ordering'].join('\n');
    expect(children(md)).toEqual([
      {
        kind: 'section',
        text: 'SQS',
        line: 1,
        children: [{ kind: 'section', text: 'Standard', line: 3, children: [{ kind: 'item', text: 'Best-effort ordering', line: 4 }] }],
      },
    ]);
  });

  it('drops a heading that is only a navigation link', () => {
    expect(children('# [↑](#top)\n- Kept item')).toEqual([{ kind: 'item', text: 'Kept item', line: 2 }]);
  });

  it('treats bare URLs as links: a line made mostly of one is navigation, not a fact', () => {
    const md = ['# S3', '- Docs: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html', '- Pricing www.aws.amazon.com/s3/pricing/', '- Versioning: keeps every version'].join('\n');
    expect(children(md)).toEqual([{ kind: 'section', text: 'S3', line: 1, children: [{ kind: 'item', text: 'Versioning: keeps every version', line: 4 }] }]);
  });

  it('keeps file lines right when a URL sits inside a multi-line paragraph', () => {
    const md = ['# S3', 'Intro line.', 'Read the FAQ at https://example.com/a before picking a class.', 'Buckets are global names.'].join('\n');
    expect(children(md)).toEqual([
      {
        kind: 'section',
        text: 'S3',
        line: 1,
        children: [
          { kind: 'line', text: 'Intro line.', line: 2 },
          { kind: 'line', text: 'Read the FAQ at https://example.com/a before picking a class.', line: 3 },
          { kind: 'line', text: 'Buckets are global names.', line: 4 },
        ],
      },
    ]);
  });

  it('drops a table of contents made of links', () => {
    const md = ['# Contents', '- [SQS](#sqs)', '- [SNS](#sns)', '  - [Topics](#topics)', '', '# SQS', '- Pull-based queue'].join('\n');
    expect(children(md)).toEqual([
      { kind: 'section', text: 'Contents', line: 1 },
      { kind: 'section', text: 'SQS', line: 6, children: [{ kind: 'item', text: 'Pull-based queue', line: 7 }] },
    ]);
  });

  it('gives a short paragraph label the list that follows it as children', () => {
    const md = ['# SQS', 'Queue types', '- Standard', '- FIFO'].join('\n');
    expect(children(md)).toEqual([
      {
        kind: 'section',
        text: 'SQS',
        line: 1,
        children: [
          {
            kind: 'line',
            text: 'Queue types',
            line: 2,
            children: [
              { kind: 'item', text: 'Standard', line: 3 },
              { kind: 'item', text: 'FIFO', line: 4 },
            ],
          },
        ],
      },
    ]);
  });

  it('does not attach a list to a full sentence', () => {
    const md = ['A full sentence about queues ends here.', '', '- Standard', '- FIFO'].join('\n');
    expect(children(md)).toEqual([
      { kind: 'line', text: 'A full sentence about queues ends here.', line: 1 },
      { kind: 'item', text: 'Standard', line: 3 },
      { kind: 'item', text: 'FIFO', line: 4 },
    ]);
  });

  it('gives "- Types:" the ordered list that follows it at column 0', () => {
    const md = ['## EC2', '- Types:', '1. On-Demand', '2. Spot', '3. Reserved'].join('\n');
    expect(children(md)).toEqual([
      {
        kind: 'section',
        text: 'EC2',
        line: 1,
        children: [
          {
            kind: 'item',
            text: 'Types:',
            line: 2,
            children: [
              { kind: 'item', text: 'On-Demand', line: 3 },
              { kind: 'item', text: 'Spot', line: 4 },
              { kind: 'item', text: 'Reserved', line: 5 },
            ],
          },
        ],
      },
    ]);
  });

  it('splits a paragraph typed one statement per line, the first short line labelling the others', () => {
    const md = ['## MFA', 'MFA devices', 'Virtual MFA device: an app on your phone', 'U2F security key: a physical key', 'Hardware token: a key fob'].join('\n');
    expect(children(md)).toEqual([
      {
        kind: 'section',
        text: 'MFA',
        line: 1,
        children: [
          {
            kind: 'line',
            text: 'MFA devices',
            line: 2,
            children: [
              { kind: 'line', text: 'Virtual MFA device: an app on your phone', line: 3 },
              { kind: 'line', text: 'U2F security key: a physical key', line: 4 },
              { kind: 'line', text: 'Hardware token: a key fob', line: 5 },
            ],
          },
        ],
      },
    ]);
  });

  it('joins hard-wrapped prose back into one line', () => {
    const md = 'Some long prose line that wraps\nonto the next line and continues.';
    expect(children(md)).toEqual([{ kind: 'line', text: 'Some long prose line that wraps onto the next line and continues.', line: 1 }]);
  });

  it('keeps the original line numbers when front matter precedes the body', () => {
    const md = ['---', 'exam: DVA-C02', 'services: [SQS]', '---', '# SQS', '', '- Retention: 4 days', '- Visibility timeout: 30 seconds', '', 'First line', 'Second line.'].join('\n');
    expect(children(md)).toEqual([
      {
        kind: 'section',
        text: 'SQS',
        line: 5,
        children: [
          { kind: 'item', text: 'Retention: 4 days', line: 7 },
          { kind: 'item', text: 'Visibility timeout: 30 seconds', line: 8 },
          { kind: 'line', text: 'First line', line: 10, children: [{ kind: 'line', text: 'Second line.', line: 11 }] },
        ],
      },
    ]);
  });

  it('keeps the original line numbers of rewritten Notion tables', () => {
    const md = ['# Compute', '| Service | Notes |', '| --- | --- |', '| EC2 | Virtual servers', 'Billed per second |'].join('\n');
    expect(children(md)).toEqual([
      {
        kind: 'section',
        text: 'Compute',
        line: 1,
        children: [
          {
            kind: 'section',
            text: 'EC2',
            line: 4,
            children: [{ kind: 'line', text: 'Virtual servers', line: 4, children: [{ kind: 'line', text: 'Billed per second', line: 5 }] }],
          },
        ],
      },
    ]);
  });

  it('reads a table, with no header for ".|.|." header rows', () => {
    const md = ['| . | . | . |', '| --- | --- | --- |', '| Compute | EC2 | servers |', '| . | Lambda | functions |'].join('\n');
    const [table] = outline(md).root.children;
    expect(table!.kind).toEqual('table');
    expect(table!.line).toEqual(1);
    expect(table!.table).toEqual({
      header: null,
      rows: [
        ['Compute', 'EC2', 'servers'],
        ['.', 'Lambda', 'functions'],
      ],
      rowLines: [3, 4],
    });
  });

  it('reads a table header when it names the columns, cleaning cell text', () => {
    const md = ['| Name | Use |', '| --- | --- |', '| **EC2** | virtual<br>servers |'].join('\n');
    expect(outline(md).root.children[0]!.table).toEqual({ header: ['Name', 'Use'], rows: [['EC2', 'virtual; servers']], rowLines: [3] });
  });

  it('attaches a code block to the label that introduces it', () => {
    const md = ['Create a queue:', '', '```sh', 'aws sqs create-queue --queue-name q', '```'].join('\n');
    const [label] = outline(md).root.children;
    expect(label!.text).toEqual('Create a queue:');
    expect(label!.children.map((c) => [c.kind, c.code, c.line])).toEqual([['code', 'aws sqs create-queue --queue-name q', 3]]);
  });

  it('cuts lists nested deeper than maxDepth and says so', () => {
    const md = ['- one', '  - two', '    - three', '      - four'].join('\n');
    const cut = outline(md, 2);
    expect(cut.truncatedDepth).toEqual(true);
    expect(cut.root.children.map(shape)).toEqual([{ kind: 'item', text: 'one', line: 1, children: [{ kind: 'item', text: 'two', line: 2 }] }]);
    expect(outline(md).truncatedDepth).toEqual(false);
  });
});
