import type { Root, RootContent } from 'mdast';
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
 */

/** Pieces shorter than this are joined with the next: a parse has a fixed cost, and tiny ones gain nothing. */
export const PIECE_CHARS = 2_048;

const ATX_HEADING = /#{1,6}(?:[ \t]|$)/my;
/** Offsets of the column-0 ATX headings where `text` may be cut, at least `minChars` apart; none if it has definitions. */
export function headingCuts(text: string, minChars = PIECE_CHARS): number[] {
  // Any "]:" at all may be a definition, in a list or a quote too: such a note is parsed whole.
  if (text.length < 2 * minChars || text.includes(']:')) return [];
  const cuts: number[] = [];
  let last = 0;
  for (let at = text.indexOf('\n#', minChars - 1); at >= 0; at = text.indexOf('\n#', at + 1)) {
    const line = at + 1;
    if (line - last < minChars || text.length - line < minChars) continue;
    ATX_HEADING.lastIndex = line;
    if (!ATX_HEADING.test(text)) continue;
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

/** Parses `text` with `parse`, in pieces cut at `headingCuts` when it is long, into the tree a whole parse gives. */
export function parseInPieces(text: string, parse: (text: string) => Root, minChars = PIECE_CHARS): Root {
  const cuts = headingCuts(text, minChars);
  if (cuts.length === 0) return parse(text);
  const children: RootContent[] = [];
  let from = 0;
  let lines = 0;
  const append = (tree: Root) => {
    for (const child of tree.children) {
      if (from > 0) shift(child, lines, from);
      children.push(child);
    }
  };
  // After a piece that ended open, the next try is at least twice as long: a fence left open near the top
  // of a long note then costs a few extra parses, not one per heading below it.
  let reach = 0;
  for (const to of cuts) {
    if (to < reach) continue;
    const piece = text.slice(from, to);
    const tree = parse(piece);
    if (endsOpen(tree, piece)) {
      reach = to + (to - from);
      continue;
    }
    append(tree);
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
