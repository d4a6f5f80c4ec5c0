/**
 * Screens as the terminal shows them: lines wrapped at word boundaries to the window's width, and the whole
 * fitted to its height, the middle part scrolling when it is taller. A prompt redrawn in place must never be
 * taller than the window: the lines that scroll off could not be erased and would pile up in the scrollback.
 */

import stringWidth from 'fast-string-width';
import { wrapAnsi } from 'fast-wrap-ansi';

/** The window a screen is drawn in. */
export interface Size {
  columns: number;
  rows: number;
}

/** A logical line: text, or text after a prefix (a choice's key) under which its wrapped lines continue. */
export type Line = string | { prefix: string; text: string };

/**
 * One screen: `head` and `foot` are always shown (header and heading path; status and hint), `body` scrolls
 * when the whole does not fit, `input` (a typed answer) sits between body and foot, where the cursor goes.
 */
export interface Screen {
  head: Line[];
  body: Line[];
  input?: string;
  foot: Line[];
}

/** A screen fitted to a window: the lines above the cursor line, the cursor line, the lines below. */
export interface Fitted {
  top: string[];
  input?: string;
  bottom: string[];
  /** The first body line shown, after clamping; and whether the body scrolls at all. */
  offset: number;
  scrolls: boolean;
}

/** Visible width of a string, escape codes aside, wide characters counting two. */
export function textWidth(s: string): number {
  return stringWidth(s);
}

/** One logical line wrapped to `width` columns at word boundaries (a word longer than a line is cut). */
export function wrapLine(line: Line, width: number): string[] {
  const w = Math.max(8, width);
  if (typeof line === 'string') return wrap(line, w);
  const indent = ' '.repeat(textWidth(line.prefix));
  const rest = wrap(line.text, Math.max(4, w - indent.length));
  return rest.map((l, i) => (i === 0 ? line.prefix : indent) + l);
}

function wrap(text: string, width: number): string[] {
  if (text === '') return [''];
  // Leading spaces are layout (an indent), after any style codes: kept on the first line and given to the lines
  // that continue it.
  const [, codes, lead] = /^((?:\x1b\[[0-9;]*m)*)( *)/.exec(text)!;
  const body = codes! + text.slice(codes!.length + lead!.length);
  // Not trimmed: spaces inside the line (a padded column) are layout too; only the ends of wrapped lines go.
  const lines = wrapAnsi(body, Math.max(4, width - lead!.length), { hard: true, trim: false }).split('\n');
  return lines.map((l, i) => lead + (i === 0 ? l : l.trimStart()).trimEnd());
}

/** Logical lines as plain text for a pipe: prefixes joined to their text, nothing wrapped. */
export function plainLines(lines: readonly Line[]): string[] {
  return lines.map((l) => (typeof l === 'string' ? l : l.prefix + l.text));
}

/** The whole screen for a pipe, one logical line per line. */
export function plainScreen(screen: Screen): string {
  return plainLines([...screen.head, ...screen.body, ...(screen.input === undefined ? [] : [screen.input]), ...screen.foot]).join('\n');
}

/**
 * Fits `screen` to `size`: every line at most `columns − 1` wide (the last column is left free, so no terminal
 * wraps a line by itself), at most `rows − 1` lines in all (the cursor's line stays free). When the body does
 * not fit it shows `offset` onwards, with a line saying what is above and below (styled by `dim`).
 */
export function fit(screen: Screen, size: Size, offset: number, dim: (s: string) => string = (s) => s): Fitted {
  const width = Math.max(20, size.columns - 1);
  const rows = Math.max(6, size.rows - 1);
  const wrapAll = (lines: readonly Line[]) => lines.flatMap((l) => wrapLine(l, width));
  let head = wrapAll(screen.head);
  const foot = wrapAll(screen.foot);
  const body = wrapAll(screen.body);
  const input = screen.input;
  const fixed = () => head.length + foot.length + (input === undefined ? 0 : 1);
  // In a very small window the header gives way first: the question and its keys matter more.
  while (head.length > 0 && rows - fixed() < 3) head = head.slice(1);
  const room = Math.max(1, rows - fixed());
  if (body.length <= room) return { top: [...head, ...body], input, bottom: foot, offset: 0, scrolls: false };
  const shown = Math.max(1, room - 2);
  const first = Math.min(Math.max(0, offset), body.length - shown);
  const above = first;
  const below = body.length - first - shown;
  const marker = (text: string) => (text === '' ? '' : dim(text));
  const top = [
    ...head,
    marker(above > 0 ? `  ↑ ${above} more line${above === 1 ? '' : 's'}` : ''),
    ...body.slice(first, first + shown),
    marker(below > 0 ? `  ↓ ${below} more line${below === 1 ? '' : 's'} · ↑/↓ PgUp/PgDn scroll` : ''),
  ];
  return { top, input, bottom: foot, offset: first, scrolls: true };
}
