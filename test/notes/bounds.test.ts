import { describe, expect, it } from 'vitest';
import { analyzeNote } from '../../src/notes/analyze.js';
import { buildOutline, MAX_CHILDREN } from '../../src/notes/outline.js';
import { readNote } from '../../src/notes/read.js';

// Issue #17: the parts of a degenerate note that no bound could make cheap are left out, with a warning and
// with the rest of the note at its own lines; the rest is bounded per group of siblings.

const TAIL = ['', '# After', '', '## SQS queue settings', '', '- **Visibility timeout**: hides a received message from other consumers for a while', '- **Delay queue**: postpones the delivery of every new message for a set time', '- **Dead-letter queue**: receives messages that failed processing too many times', ''];

describe('bounds on degenerate notes (issue #17)', () => {
  it('leaves out a paragraph of more than 5 000 lines, says so, and keeps the lines of what follows', () => {
    const huge = Array.from({ length: 6_000 }, () => '*a').join('\n');
    const a = analyzeNote(`${huge}\n${TAIL.join('\n')}`);
    expect(a.messages).toEqual([{ line: 1, message: 'a paragraph or table of 6000 lines and 18 KB was skipped (over 5000 lines, 1024 KB counting each inline mark as 25 characters, or 80 columns)' }]);
    const delay = a.questions.find((q) => q.sourceText.startsWith('Delay queue'))!;
    expect(delay.line).toBe(6_000 + 7);
  });

  it('leaves out a table of more than 80 columns before parsing it', () => {
    const cols = 100;
    const table = [`| ${Array.from({ length: cols }, (_, i) => `h${i}`).join(' | ')} |`, `|${' --- |'.repeat(cols)}`, `| ${Array.from({ length: cols }, (_, i) => `v${i}`).join(' | ')} |`];
    const a = analyzeNote(`${table.join('\n')}\n${TAIL.join('\n')}`);
    expect(a.messages).toHaveLength(1);
    expect(a.messages[0]!.message).toMatch(/^a paragraph or table of 3 lines/);
    expect(a.questions.find((q) => q.sourceText.startsWith('Delay queue'))!.line).toBe(3 + 7);
  });

  it('reads a table of 1 000 rows as tables of at most 64 rows under its header, each row at its own line', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => `| Service ${i} | stores parcels of kind ${i} for the team |`);
    const note = readNote(`# Table\n\n| Name | What it does |\n| --- | --- |\n${rows.join('\n')}\n`);
    const { root } = buildOutline(note.tree, { lineOf: note.lineOf });
    const tables: Array<{ rows: number; header: string[] | null; firstLine: number }> = [];
    const visit = (n: typeof root) => {
      if (n.table) tables.push({ rows: n.table.rows.length, header: n.table.header, firstLine: n.table.rowLines[0]! });
      n.children.forEach(visit);
    };
    visit(root);
    expect(tables.reduce((a, t) => a + t.rows, 0)).toBe(1_000);
    expect(Math.max(...tables.map((t) => t.rows))).toBeLessThanOrEqual(64);
    expect(new Set(tables.map((t) => JSON.stringify(t.header)))).toEqual(new Set([JSON.stringify(['Name', 'What it does'])]));
    // Row k (0-based) is on line 5 + k of the file, in whichever table it landed.
    expect(tables.map((t) => t.firstLine)).toEqual(tables.map((_, j) => 5 + 64 * j));
  });

  it('holds at most MAX_CHILDREN children under any outline node', () => {
    const bullets = Array.from({ length: 1_000 }, (_, i) => `- item number ${i} of the list`).join('\n');
    const note = readNote(`# Many\n\n${bullets}\n`);
    const { root } = buildOutline(note.tree, { lineOf: note.lineOf });
    let widest = 0;
    const visit = (n: typeof root) => {
      widest = Math.max(widest, n.children.length);
      n.children.forEach(visit);
    };
    visit(root);
    expect(widest).toBeLessThanOrEqual(MAX_CHILDREN);
    // Nothing is lost: every item is still in the outline.
    let items = 0;
    const count = (n: typeof root) => {
      if (n.kind === 'item') items++;
      n.children.forEach(count);
    };
    count(root);
    expect(items).toBe(1_000);
  });
});
