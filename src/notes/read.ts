import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import './linear-edit-map.js';
import { boundedFootnotes, installLinearResolvers, mergingStrikethrough } from './linear-resolvers.js';
import { splitFrontMatter, type FrontMatter, type NoteMessage } from './frontmatter.js';
import { parseInPieces } from './pieces.js';
import { MAX_PARAGRAPH_CHARS, MAX_PARAGRAPH_LINES, preprocess } from './preprocess.js';
import { stripControl } from './text.js';

export interface ParsedNote {
  frontMatter: FrontMatter;
  tree: Root;
  /** Maps a line of the parsed text (1-based) to the line of the user's file. */
  lineOf: (parsedLine: number) => number;
  messages: NoteMessage[];
  /** The Markdown after the front matter, as the user wrote it. */
  body: string;
}

/**
 * GitHub Markdown as remark-gfm reads it, less autolink literals. Those hook into nearly every character of
 * running text and cost a quarter of the whole parse (bench/results.md), yet all a question needs from
 * them is which characters are a bare URL or e-mail address, and `literalLinks` finds that far more cheaply.
 */
function gfmWithoutAutolinks(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(boundedFootnotes(gfmFootnote()), mergingStrikethrough(gfmStrikethrough()), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

installLinearResolvers();

// Built once: creating a unified processor per file would dominate the cost of small notes.
const processor = unified().use(remarkParse).use(gfmWithoutAutolinks);

/** The Markdown parser notes go through, in one piece (`readNote` cuts long notes with `parseInPieces`). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** Parses a note's text (front matter + Markdown) into an mdast tree whose lines map back to the file. */
export function readNote(text: string): ParsedNote {
  // Escape sequences go before parsing: half an OSC sequence must not turn a heading into a link.
  const split = splitFrontMatter(stripControl(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')));
  const pre = preprocess(split.body);
  const tree = parseInPieces(pre.text, parseMarkdown);
  const messages = [...split.messages];
  if (pre.capped) messages.push({ line: split.bodyLine, message: 'nesting deeper than 40 levels was flattened' });
  const offset = split.bodyLine - 1;
  for (const s of pre.skipped) {
    messages.push({
      line: s.line + offset,
      message: `a paragraph or table of ${s.lines} lines and ${Math.round(s.chars / 1024)} KB was skipped (over ${MAX_PARAGRAPH_LINES} lines, ${Math.round(MAX_PARAGRAPH_CHARS / 1024)} KB counting each inline mark as 25 characters, or 80 columns)`,
    });
  }
  const lineOf = (parsedLine: number) => (pre.lineMap[parsedLine - 1] ?? parsedLine) + offset;
  return { frontMatter: split.frontMatter, tree, lineOf, messages, body: split.body };
}
