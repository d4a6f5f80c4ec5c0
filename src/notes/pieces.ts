import type { List, Root, RootContent } from 'mdast';
import { countNewlines } from './text.js';

/**
 * Parsing a long note in pieces, cut before its top-level headings.
 *
 * micromark keeps every event of the text it parses alive until the end, and a 60 KB note's events outgrow
 * V8's young generation: they are copied into the old one and collected there, which was most of the parse's
 * garbage-collection time and the reason a parse thread's heap grows to hundreds of MB (bench/results.md).
 * A piece of a few KB is parsed and dropped while still young. The tree is the same, positions included,
 * because of where the cuts go:
 * - only before a line that is an ATX heading in column 0: it ends any paragraph, list, quote or table
 *   above it, and nothing below it can reach back into them;
 * - never in a note that has a definition (`[id]: url`, `[^note]: text`): those apply to the whole note;
 * - a piece whose parse ends inside a fenced code block or an HTML block (where a `#` line is not a
 *   heading) is not cut there but parsed again together with the next piece.
 * The property test in test/notes/pieces.test.ts compares both trees over notes built from lines on either
 * side of each rule.
 *
 * A note with few headings is also cut (issue #17: a 5 MB list or 40 000 paragraphs were parsed whole, and
 * their events peaked at gigabytes):
 * - before a column-0 line after a blank line, that starts no list item: the blank line has ended every
 *   paragraph, and a line that is neither indented nor a list item continues no list or quote;
 * - before a column-0 bullet item (`-`, `*`, `+` with text) right after a line of text, when the piece
 *   before ends with a bullet list of that marker on the line just before: the item is that list's next
 *   one, so the list the next piece starts with is merged into it (see mergeList). A piece that does not
 *   end so is joined with the next, as one that ends open is.
 */

/** Pieces shorter than this are joined with the next: a parse has a fixed cost, and tiny ones gain nothing. */
export const PIECE_CHARS = 2_048;

const ATX_HEADING = /#{1,6}(?:[ \t]|$)/my;
// A list item's start: a bullet or a number, then a space, a tab or the end of the line.
const ITEM_START = /(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/my;
// A bullet item with text on its line, which no thematic break ("- - -", "* * *") is.
const BULLET_ITEM = /([-*+])[ \t]+(?=\S)/y;
const THEMATIC_BREAK = /(?:[-*_][ \t]*){3,}$/y;

/** What kind of cut may go before the line at `line`, if any. */
function cutKind(text: string, line: number): 'heading' | 'block' | 'item' | null {
  const c = text.charCodeAt(line);
  if (c === 35 /* # */) {
    ATX_HEADING.lastIndex = line;
    return ATX_HEADING.test(text) ? 'heading' : null;
  }
  // Column 0, not blank: the line may start anything but a continuation.
  if (c === 32 || c === 9 || c === 10 || Number.isNaN(c)) return null;
  const prevStart = text.lastIndexOf('\n', line - 2) + 1;
  const previousBlank = text.slice(prevStart, line - 1).trim() === '';
  ITEM_START.lastIndex = line;
  const item = ITEM_START.test(text);
  if (previousBlank) return item ? null : 'block';
  if (!item) return null;
  BULLET_ITEM.lastIndex = line;
  THEMATIC_BREAK.lastIndex = line;
  const end = text.indexOf('\n', line);
  return BULLET_ITEM.test(text) && !THEMATIC_BREAK.test(text.slice(0, end < 0 ? text.length : end)) ? 'item' : null;
}

/** Offsets of the lines where `text` may be cut (see the rules above), at least `minChars` apart; none if it has definitions. */
export function headingCuts(text: string, minChars = PIECE_CHARS): number[] {
  // Any "]:" at all may be a definition, in a list or a quote too: such a note is parsed whole.
  if (text.length < 2 * minChars || text.includes(']:')) return [];
  const cuts: number[] = [];
  let last = 0;
  for (let at = text.indexOf('\n', minChars - 1); at >= 0; at = text.indexOf('\n', at + 1)) {
    const line = at + 1;
    if (line - last < minChars) {
      // Nothing can be cut before `last + minChars`: jump there.
      const next = text.indexOf('\n', last + minChars - 1);
      if (next < 0) break;
      at = next - 1;
      continue;
    }
    if (text.length - line < minChars) break;
    if (cutKind(text, line) === null) continue;
    cuts.push(line);
    last = line;
  }
  return cuts;
}

/**
 * Whether a piece's parse ended inside a block that the text after it would have continued: a fenced code
 * block or HTML block still open at the end of the piece, or an HTML block not yet ended by a blank line.
 */
export function endsOpen(tree: Root, piece: string): boolean {
  const last = tree.children.at(-1);
  const end = last?.position?.end.offset;
  if (last === undefined || end === undefined) return false;
  // A block that only the end of the text closed runs on to it, line ending included; a closed one stops
  // before its line ending. Fences and marker-ended HTML reach the end when left open, in a list or quote too.
  if (end >= piece.length) return true;
  return last.type === 'html' && !/\n[ \t]*\n/.test(piece.slice(end));
}

interface Point {
  line: number;
  offset?: number;
}

/** Moves every position in the subtree down by `lines` lines and `chars` characters. */
function shift(node: RootContent, lines: number, chars: number): void {
  const p = node.position;
  if (p) {
    move(p.start, lines, chars);
    move(p.end, lines, chars);
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, chars);
}

function move(point: Point, lines: number, chars: number): void {
  point.line += lines;
  if (point.offset !== undefined) point.offset += chars;
}

/**
 * Whether a piece cut before a bullet item ends with a bullet list of the same marker, on the line just
 * before the cut: the item that follows is then that list's next item (see the rules above).
 */
function endsWithListFor(tree: Root, piece: string, marker: string): boolean {
  const last = tree.children.at(-1);
  if (last?.type !== 'list' || last.ordered || !last.position) return false;
  if (piece[last.position.start.offset!] !== marker) return false;
  return /^[ \t]*\n$/.test(piece.slice(last.position.end.offset));
}

/** Appends a list that continues `into` across a cut: its items, its end, and whether blank lines separate items. */
function mergeList(into: List, rest: List): void {
  into.children.push(...rest.children);
  into.spread = Boolean(into.spread || rest.spread);
  into.position!.end = rest.position!.end;
}

/** Parses `text` with `parse`, in pieces cut at `headingCuts` when it is long, into the tree a whole parse gives. */
export function parseInPieces(text: string, parse: (text: string) => Root, minChars = PIECE_CHARS): Root {
  const cuts = headingCuts(text, minChars);
  if (cuts.length === 0) return parse(text);
  const children: RootContent[] = [];
  let from = 0;
  let lines = 0;
  // Whether the piece being appended starts with the next item of the list the last one ended with.
  let continues = false;
  const append = (tree: Root) => {
    tree.children.forEach((child, i) => {
      if (from > 0) shift(child, lines, from);
      const last = children.at(-1);
      if (i === 0 && continues && child.type === 'list' && last?.type === 'list') mergeList(last, child);
      else children.push(child);
    });
  };
  // After a piece that ended open, the next try is at least twice as long: a fence left open near the top
  // of a long note then costs a few extra parses, not one per heading below it.
  let reach = 0;
  for (const to of cuts) {
    if (to < reach) continue;
    const piece = text.slice(from, to);
    const tree = parse(piece);
    const item = cutKind(text, to) === 'item';
    if (endsOpen(tree, piece) || (item && !endsWithListFor(tree, piece, text[to]!))) {
      reach = to + (to - from);
      continue;
    }
    append(tree);
    continues = item;
    lines += countNewlines(piece);
    from = to;
  }
  const tree = parse(text.slice(from));
  append(tree);
  const end = tree.position!.end;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line + lines, column: end.column, offset: text.length } },
  };
}
