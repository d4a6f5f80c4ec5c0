/**
 * Text-level repairs for note styles that Markdown parsers cannot see as intended, done before parsing.
 * Every output line remembers the input line it came from, so facts still point at the user's file.
 */

export interface Preprocessed {
  text: string;
  /** True when nesting deeper than the parser can take was flattened. */
  capped: boolean;
  /** Paragraphs left out for their size (see MAX_PARAGRAPH_*): first input line, lines, characters. */
  skipped: Array<{ line: number; lines: number; chars: number }>;
  /** `lineMap[i]` is the 1-based input line of output line `i + 1`. */
  lineMap: number[];
}

const ROW = /^\s*\|/;
const DELIMITER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const ATX = /^ {0,3}(#{1,6})\s/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)\S/;
const DASH_LINE = /^\s*[—–]\s+(?=\S)/;
// remark's cost grows steeply with nesting (10 000 levels take half a minute and then overflow the stack),
// and nobody's notes go this deep: deeper lines are flattened to this depth before parsing.
const MAX_NESTING = 40;
const MAX_INDENT = MAX_NESTING * 4;
const NESTED_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/;
// A paragraph is parsed whole, every event of it held at once: one of 20 MB on a line took 2.6 GB and
// minutes (issue #17). No note has paragraphs of this size (the seeds' largest is 5 KB); past it, a run of
// text lines is left out and reported. Lines that start a block (items, headings, quotes, table rows,
// fences, HTML) end a run, so lists and tables of any length are not affected.
export const MAX_PARAGRAPH_CHARS = 1024 * 1024;
// Each emphasis mark, bracket or other inline marker costs the parser some thirty times a plain character
// (a 90 KB line of "[ " peaked at 180 MB): they count for this many characters towards the limit.
const MARKER_WEIGHT = 24;
const MARKERS = /[*_~[\]`<&!\\]/g;
export const MAX_PARAGRAPH_LINES = 5_000;
const BLOCK_START = /^ {0,3}(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#|>|\||```|~~~|<)/;

/** Flattens a line nested deeper than MAX_NESTING (indentation, quote markers, list markers on one line). */
function capNesting(line: string): string | null {
  let out = line;
  const indent = /^[ \t]*/.exec(out)![0];
  const width = indent.replace(/\t/g, '    ').length;
  if (width > MAX_INDENT) out = ' '.repeat(MAX_INDENT) + out.slice(indent.length);
  const markers = NESTED_MARKERS.exec(out);
  if (markers) {
    const found = markers[0].match(/>|[-*+]|\d{1,9}[.)]/g) ?? [];
    if (found.length > MAX_NESTING) {
      const kept = markers[0].split(/(?<=>|[-*+]|\d[.)])/).slice(0, MAX_NESTING).join('');
      out = kept + out.slice(markers[0].length);
    }
  }
  return out === line ? null : out;
}

/** Rewrites Notion-style tables and dash-led lines into plain Markdown structure. */
export function preprocess(input: string): Preprocessed {
  const lines = input.split(/\r\n?|\n/);
  const out: string[] = [];
  const map: number[] = [];
  const push = (line: string, from: number) => {
    out.push(line);
    map.push(from);
  };

  let headingDepth = 0;
  let itemIndent = -1; // content column of the last list item, for dash lines that belong under it
  let fence: string | null = null;
  let capped = false;

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (fence === null) {
      const flat = capNesting(line);
      if (flat !== null) {
        line = flat;
        capped = true;
      }
    }
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceMark && fenceMark[1]!.startsWith(fence)) fence = null;
      push(line, i + 1);
      continue;
    }
    if (fenceMark) {
      fence = fenceMark[1]!;
      push(line, i + 1);
      continue;
    }

    const atx = ATX.exec(line);
    if (atx) {
      headingDepth = atx[1]!.length;
      itemIndent = -1;
    }

    // Notion always closes its header row with a pipe; a pipe-less GFM table is an ordinary table.
    if (ROW.test(line) && /\|\s*$/.test(line) && DELIMITER.test(lines[i + 1] ?? '') && isMultiLineTable(lines, i + 2)) {
      i = rewriteTable(lines, i, Math.min(headingDepth + 1, 6), push) - 1;
      itemIndent = -1;
      continue;
    }

    const item = ITEM.exec(line);
    if (item) itemIndent = item[1]!.length + item[2]!.length + item[3]!.length;
    else if (line.trim() === '' || /^\S/.test(line) && !DASH_LINE.test(line)) {
      if (line.trim() !== '' && !/^\s/.test(line)) itemIndent = -1;
    }

    if (DASH_LINE.test(line)) {
      const indent = itemIndent >= 0 ? ' '.repeat(itemIndent) : '';
      push(`${indent}- ${line.replace(DASH_LINE, '')}`, i + 1);
      continue;
    }
    push(line, i + 1);
  }
  splitLongTables(out, map);
  const skipped = [...dropHugeParagraphs(out, map), ...dropWideTables(out, map)];
  if (skipped.length === 0) return { text: out.join('\n'), lineMap: map, capped, skipped };
  // Each run left out stays as one empty line, so that what was before and after it stay apart.
  const kept: string[] = [];
  const keptMap: number[] = [];
  for (let i = 0; i < out.length; i++) {
    if (out[i] === DROPPED) {
      if (i > 0 && out[i - 1] === DROPPED) continue;
      kept.push('');
    } else kept.push(out[i]!);
    keptMap.push(map[i]!);
  }
  return { text: kept.join('\n'), lineMap: keptMap, capped, skipped };
}

// A table's cells are all parsed before the outline can skip a table too wide to ask about (see
// MAX_TABLE_COLUMNS in outline.ts): 20 rows of 5 000 columns took a gigabyte. Such a table is left out here.
const MAX_TABLE_PIPES = 80;
/** Marks a line left out (a string no line of a split text can be). */
const DROPPED = '\n';

/** Rows of one table parsed at once: a table is one block, every event of it held until its end. */
const TABLE_ROWS_PER_PARSE = 64;

/**
 * Cuts a table of more rows than TABLE_ROWS_PER_PARSE into tables of that many under the same header, set
 * apart by blank lines, so that each is a block of its own (parsed in pieces, see pieces.ts): a 10 000-row
 * table peaked at 800 MB per MB. The outline asks at most that many rows of a table together anyway
 * (MAX_TABLE_ROWS); the header lines added map to the header's own lines.
 */
function splitLongTables(lines: string[], map: number[]): void {
  for (let i = 1; i < lines.length; i++) {
    if (!DELIMITER.test(lines[i]!) || !lines[i - 1]!.includes('|')) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== '' && lines[end]!.includes('|')) end++;
    const rows = end - i - 1;
    if (rows <= TABLE_ROWS_PER_PARSE) {
      i = end;
      continue;
    }
    const header = [lines[i - 1]!, lines[i]!];
    const headerLines = [map[i - 1]!, map[i]!];
    const outLines: string[] = [];
    const outMap: number[] = [];
    for (let r = i + 1; r < end; r += TABLE_ROWS_PER_PARSE) {
      if (r > i + 1) {
        outLines.push('', ...header);
        outMap.push(map[r - 1]!, ...headerLines);
      } else {
        outLines.push(...header);
        outMap.push(...headerLines);
      }
      for (let k = r; k < Math.min(end, r + TABLE_ROWS_PER_PARSE); k++) {
        outLines.push(lines[k]!);
        outMap.push(map[k]!);
      }
    }
    // Rebuilt rather than spliced: a spread of 100 000 rows would overflow the call stack.
    replaceRange(lines, i - 1, end, outLines);
    replaceRange(map, i - 1, end, outMap);
    i = i - 1 + outLines.length;
  }
}

/** `array` with its items from `from` to `to` (exclusive) replaced by `items`, in place. */
function replaceRange<T>(array: T[], from: number, to: number, items: T[]): void {
  const tail = array.slice(to);
  array.length = from;
  for (const x of items) array.push(x);
  for (const x of tail) array.push(x);
}

/** Marks as left out the tables whose delimiter row has more than MAX_TABLE_PIPES cells. */
function dropWideTables(lines: string[], map: number[]): Preprocessed['skipped'] {
  const skipped: Preprocessed['skipped'] = [];
  for (let i = 1; i < lines.length; i++) {
    const delimiter = lines[i]!;
    if (delimiter.length < MAX_TABLE_PIPES * 2 || !DELIMITER.test(delimiter) || countPipes(delimiter) <= MAX_TABLE_PIPES) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== '' && lines[end]!.includes('|')) end++;
    let chars = 0;
    for (let k = i - 1; k < end; k++) {
      chars += lines[k]!.length + 1;
      lines[k] = DROPPED;
    }
    skipped.push({ line: map[i - 1] ?? i, lines: end - i + 1, chars });
    i = end;
  }
  return skipped;
}

function countPipes(line: string): number {
  let n = 0;
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) n++;
  return n;
}

/** Marks as left out the runs of text lines longer than MAX_PARAGRAPH_CHARS or MAX_PARAGRAPH_LINES. */
function dropHugeParagraphs(lines: string[], map: number[]): Preprocessed['skipped'] {
  const skipped: Preprocessed['skipped'] = [];
  let start = 0;
  let chars = 0;
  let fence: string | null = null;
  const close = (end: number) => {
    const count = end - start;
    if (count > MAX_PARAGRAPH_LINES || chars > MAX_PARAGRAPH_CHARS) {
      let size = 0;
      for (let k = start; k < end; k++) size += lines[k]!.length + 1;
      skipped.push({ line: map[start] ?? start + 1, lines: count, chars: size });
      for (let k = start; k < end; k++) lines[k] = DROPPED;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence !== null || fenceMark) {
      if (fence === null) fence = fenceMark![1]!;
      else if (fenceMark && fenceMark[1]!.startsWith(fence)) fence = null;
      close(i);
      start = i + 1;
      chars = 0;
      continue;
    }
    if (line.trim() === '' || BLOCK_START.test(line)) {
      close(i);
      start = i + 1;
      chars = 0;
      continue;
    }
    chars += line.length + 1 + MARKER_WEIGHT * (line.match(MARKERS)?.length ?? 0);
  }
  close(lines.length);
  return skipped;
}

/** A table is "multi-line" when some row starts with a pipe but its cells run on past the line end. */
function isMultiLineTable(lines: string[], from: number): boolean {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (!ROW.test(l)) return false;
    if (!/\|\s*$/.test(l)) return true;
  }
  return false;
}

/**
 * Turns each row into a heading (the first cell) followed by the other cells' content as ordinary
 * Markdown. Returns the index of the first line after the table.
 */
function rewriteTable(lines: string[], start: number, depth: number, push: (line: string, from: number) => void): number {
  let i = start + 2; // skip header and delimiter: a Notion header only names the columns
  while (i < lines.length) {
    const first = lines[i]!;
    if (!ROW.test(first)) break;
    const rowLine = i + 1;
    const body: Array<[string, number]> = [];
    const text = first.replace(/^\s*\|/, '');
    // A row ends on a closing pipe followed by the next row, a blank line or the end: "| CodeDeploy | "
    // followed by text is a row whose last cell starts empty and runs on.
    const endsRow = (l: string, next: string | undefined) => /\|\s*$/.test(l) && (next === undefined || next.trim() === '' || ROW.test(next));
    let ended = endsRow(text, lines[i + 1]);
    body.push([ended ? text.replace(/\|\s*$/, '') : text, rowLine]);
    i++;
    while (!ended && i < lines.length) {
      const l = lines[i]!;
      ended = endsRow(l, lines[i + 1]);
      body.push([ended ? l.replace(/\|\s*$/, '') : l, i + 1]);
      i++;
    }
    // The first cell may itself run over several lines ("AWS Fundamentals:\nELB + ASG | …").
    let k = body.findIndex(([l]) => /(?<!\\)\|/.test(l));
    if (k < 0) k = 0;
    const [before, ...after] = splitCells(body[k]![0]);
    const labelParts = body.slice(0, k).map(([l]) => l.trim());
    if (after.length > 0) labelParts.push((before ?? '').trim());
    const label = labelParts.join(' ').replace(/\*\*/g, '').trim();
    const content = after.length > 0 ? after : [before ?? ''];
    push('', rowLine);
    if (label !== '') push(`${'#'.repeat(depth)} ${label}`, body[k]![1]);
    push('', rowLine);
    const cellLines: Array<[string, number]> = [...content.map((cell): [string, number] => [cell.trim(), body[k]![1]]), ...body.slice(k + 1)];
    for (const [l, from] of renestCell(cellLines, Math.min(depth + 1, 6))) push(l, from);
    push('', rowLine);
  }
  return i;
}

interface ListLevel {
  type: 'ol' | 'ul' | 'dash';
  /** Column the level's markers go in. */
  indent: number;
  /** Content column of the level's last item: where a list nested under it goes. */
  content: number;
  /** Number of the last ordered item. */
  last: number;
}

const CELL_ITEM = /^([-*+]|(\d{1,9})[.)])(\s+)(?=\S)/;
// "🟫 Buckets", "2️⃣ Kinesis": an emoji-led short line in a Notion cell is the cell's own sub-heading.
const EMOJI_LABEL = /^(?:\p{Extended_Pictographic}|\d\uFE0F?\u20E3)/u;
const EMOJI_LABEL_MAX_WORDS = 12;

/**
 * Restores the list nesting a Notion export flattens: every line of a cell starts at column 0, and the
 * only trace of the nesting left is the marker. A list of another marker kind right under an item
 * ("1. ALB" then "- Supports: …"), an ordered list restarting at 1, or a "— " line is a sub-list of that
 * item; a marker kind already open further up closes the lists below it. A blank line followed by plain
 * text ends the lists. Emoji-led short lines become sub-headings, so what follows them has a subject.
 */
export function renestCell(lines: Array<[string, number]>, subDepth: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let stack: ListLevel[] = [];
  let blank = false;
  let fence = false;
  for (const [line, from] of lines) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fence = !fence;
    if (fence || /^\s*(`{3,}|~{3,})/.test(line)) {
      stack = [];
      out.push([line, from]);
      continue;
    }
    if (line.trim() === '') {
      blank = true;
      out.push([line, from]);
      continue;
    }
    const text = line.trimStart();
    const words = text.split(/\s+/).length;
    if (line === text && EMOJI_LABEL.test(text) && words <= EMOJI_LABEL_MAX_WORDS && !/[.!?]$/.test(text.trim())) {
      stack = [];
      blank = false;
      out.push([`${'#'.repeat(subDepth)} ${text}`, from]);
      continue;
    }
    const dash = DASH_LINE.test(text);
    const item = dash ? null : CELL_ITEM.exec(text);
    // Only unindented lines lost their nesting; an indented one keeps what its author wrote.
    if (line !== text || (!item && !dash)) {
      if (blank && line === text) stack = [];
      blank = false;
      out.push([line, from]);
      continue;
    }
    const type: ListLevel['type'] = dash ? 'dash' : item![2] !== undefined ? 'ol' : 'ul';
    const num = item?.[2] !== undefined ? Number(item[2]) : 0;
    const top = stack[stack.length - 1];
    let level: ListLevel;
    const open = stack.filter((l) => l.type === type);
    if (!top) {
      level = { type, indent: 0, content: 0, last: 0 };
      stack.push(level);
    } else if (!blank && (open.length === 0 || (type === 'ol' && num === 1 && top.type !== 'ol') || (type === 'ol' && num === 1 && top.last >= 1))) {
      // Right under an item: a new marker kind, or a numbering that starts again, opens a sub-list.
      level = { type, indent: top.content, content: top.content, last: 0 };
      stack.push(level);
    } else if (open.length === 0 || (type === 'ol' && num === 1)) {
      // After a blank line, a list nothing above continues starts afresh.
      level = { type, indent: 0, content: 0, last: 0 };
      stack = [level];
    } else {
      // The open level of this kind whose numbering this item continues, else the deepest of its kind. When
      // two levels fit, a blank line before the item points to the outer one (blocks are set apart by them).
      const fits = open.filter((l) => type !== 'ol' || l.last + 1 === num);
      level = (blank ? fits[0] : fits[fits.length - 1]) ?? open[open.length - 1]!;
      stack = stack.slice(0, stack.indexOf(level) + 1);
    }
    const body = dash ? `- ${text.replace(DASH_LINE, '')}` : text;
    const marker = dash ? 2 : item![1]!.length + item![3]!.length;
    level.content = level.indent + marker;
    level.last = num;
    blank = false;
    out.push([`${' '.repeat(level.indent)}${body}`, from]);
  }
  return out;
}

function splitCells(row: string): string[] {
  return row.split(/(?<!\\)\|/);
}
