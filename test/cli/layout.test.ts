import { describe, expect, it } from 'vitest';
import { fit, plainScreen, textWidth, wrapLine, type Screen } from '../../src/cli/layout.js';
import { makeStyle } from '../../src/cli/render.js';

const style = makeStyle(true);
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('wrapLine', () => {
  it('breaks at word boundaries, never inside a word that fits a line', () => {
    const text = 'CloudWatch Logs subscriptions deliver log events to Lambda, Kinesis or Firehose as they arrive in the resources';
    const lines = wrapLine(text, 40);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(40);
    expect(lines.join(' ').split(' ')).toEqual(text.split(' '));
  });

  it('continues a prefixed line under its text, and keeps an indent after style codes', () => {
    const lines = wrapLine({ prefix: '  ✔ 1/a  ', text: 'a managed GraphQL service that answers each client with exactly the fields' }, 40);
    expect(lines[0]!.startsWith('  ✔ 1/a  a managed')).toBe(true);
    for (const l of lines.slice(1)) expect(l.startsWith('         ')).toBe(true);
    const dim = wrapLine(style.dim('    From notes/sqs.md:12, a line long enough to be wrapped onto a second line'), 40).map(strip);
    expect(dim.every((l) => l.startsWith('    '))).toBe(true);
  });

  it('cuts only a word longer than the line', () => {
    const lines = wrapLine('x'.repeat(50), 20);
    expect(lines.map((l) => l.length)).toEqual([20, 20, 10]);
  });
});

describe('fit', () => {
  const screen = (body: number): Screen => ({
    head: ['header', 'Heading › path'],
    body: Array.from({ length: body }, (_, i) => `line ${i + 1}`),
    foot: ['status', 'hint'],
  });

  it('shows a screen that fits as it is', () => {
    const f = fit(screen(5), { columns: 80, rows: 24 }, 0);
    expect(f.top).toEqual(['header', 'Heading › path', 'line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    expect(f.bottom).toEqual(['status', 'hint']);
    expect(f.scrolls).toBe(false);
  });

  it('never draws more than the window’s rows less one, scrolling the body and saying what is hidden', () => {
    for (const offset of [0, 10, 1000]) {
      const f = fit(screen(65), { columns: 80, rows: 24 }, offset);
      expect(f.top.length + f.bottom.length).toBe(23);
      expect(f.scrolls).toBe(true);
    }
    const first = fit(screen(65), { columns: 80, rows: 24 }, 0);
    expect(first.top.at(-1)).toMatch(/↓ 48 more lines/);
    const last = fit(screen(65), { columns: 80, rows: 24 }, 1000);
    expect(last.offset).toBe(48);
    expect(last.top[2]).toMatch(/↑ 48 more lines/);
    expect(last.top.at(-2)).toBe('line 65');
  });

  it('keeps every line one column short of the window, wrapped lines counted in the height', () => {
    const long = { head: [], body: ['word '.repeat(100).trim()], foot: ['hint'] };
    const f = fit(long, { columns: 60, rows: 24 }, 0);
    for (const l of [...f.top, ...f.bottom]) expect(textWidth(l)).toBeLessThanOrEqual(59);
    expect(f.top.length).toBe(9);
  });

  it('keeps the cursor line for a typed answer between body and foot', () => {
    const f = fit({ ...screen(2), input: '> resource pol' }, { columns: 80, rows: 24 }, 0);
    expect(f.input).toBe('> resource pol');
    expect(f.bottom).toEqual(['status', 'hint']);
  });

  it('gives plain output one logical line per line, unwrapped', () => {
    expect(plainScreen({ head: ['h'], body: [{ prefix: '  1/a  ', text: 'x '.repeat(60).trim() }], input: '> ', foot: ['f'] }).split('\n')).toEqual([
      'h',
      `  1/a  ${'x '.repeat(60).trim()}`,
      '> ',
      'f',
    ]);
  });
});
