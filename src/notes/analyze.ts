import type { Extraction, Fact, SkipReason } from './facts.js';
import type { FrontMatter, NoteMessage } from './frontmatter.js';
import { extractFacts } from './extract/index.js';
import { buildOutline, MAX_TABLE_COLUMNS } from './outline.js';
import { generateQuestions, type GenerationOptions, type Question } from './questions.js';
import { readNote } from './read.js';
import { aboutAws } from './about-aws.js';
import { isLabNote } from './asides.js';
import { noteTitle } from './subjects.js';
import { forgetMemos } from './text.js';

export interface NoteAnalysis {
  frontMatter: FrontMatter;
  /** The note's first heading, if any (it often names the exam the notes are for). */
  title: string | null;
  facts: Fact[];
  questions: Question[];
  skipped: Partial<Record<SkipReason, number>>;
  messages: NoteMessage[];
}

const MAX_LIST_DEPTH = 40;

/**
 * Lists are asked with their sibling lists' items as wrong answers, every list weighed against the others of
 * its group: a group of 60 000 lists (a heading's 60 000 subsections) took minutes. Real notes have groups of
 * at most 4 lists; past this size a group is split into runs of this many, in the note's order.
 */
const MAX_LIST_GROUP = 16;

function boundGroups(extraction: Extraction): Extraction {
  const sizes = new Map<string, number>();
  for (const f of extraction.facts) if (f.kind === 'enumeration') sizes.set(f.group, (sizes.get(f.group) ?? 0) + 1);
  if (![...sizes.values()].some((n) => n > MAX_LIST_GROUP)) return extraction;
  const seen = new Map<string, number>();
  const facts = extraction.facts.map((f) => {
    if (f.kind !== 'enumeration' || (sizes.get(f.group) ?? 0) <= MAX_LIST_GROUP) return f;
    const n = seen.get(f.group) ?? 0;
    seen.set(f.group, n + 1);
    return { ...f, group: `${f.group}#${Math.floor(n / MAX_LIST_GROUP)}` };
  });
  return { ...extraction, facts };
}

/** What the pipeline may be told about the world outside the note (see GenerationOptions). */
export type AnalyzeOptions = GenerationOptions;

/**
 * The whole pure pipeline for one note: text → outline → facts → subjects → questions (scored), with what was
 * skipped and why. `fileName` (the note's path or name) is the title of last resort for prompts.
 */
export function analyzeNote(text: string, options: AnalyzeOptions = {}, fileName?: string): NoteAnalysis {
  forgetMemos();
  const parsed = readNote(text);
  const { root, truncatedDepth, wideTables } = buildOutline(parsed.tree, { lineOf: parsed.lineOf, maxDepth: MAX_LIST_DEPTH });
  const messages = [...parsed.messages];
  if (truncatedDepth) messages.push({ line: 1, message: `lists nested deeper than ${MAX_LIST_DEPTH} levels were cut` });
  for (const line of wideTables) messages.push({ line, message: `a table of more than ${MAX_TABLE_COLUMNS} columns was skipped` });
  const extraction: Extraction = boundGroups(extractFacts(root));
  // The first heading, in a container too when the note has more top-level blocks than one node holds.
  const first = root.children[0]?.kind === 'root' ? root.children[0] : root;
  const title = first.children.find((c) => c.kind === 'section')?.text ?? null;
  // Only a first-level heading titles the whole note; "## Roles" opening a note is its first chapter, and "# S3"
  // in a note that goes on to "# Binding" and "# EBS" titles only its own part (see chapters below).
  const blocks = root.children[0]?.kind === 'root' ? root.children.flatMap((c) => c.children) : root.children;
  const h1s = blocks.filter((c) => c.kind === 'section' && c.depth === 1);
  const h1 = h1s[0]?.text ?? null;
  // The file's name and the two folders above it: "lab-compute/deliverables/README.md" is a lab's write-up.
  const lab = isLabNote([parsed.frontMatter.title ?? '', h1 ?? '', ...(fileName ? fileName.split(/[\\/]/).slice(-3) : [])]);
  const noteName = noteTitle(parsed.frontMatter.title, h1, fileName, options.namesSubject);
  // A title taken from the first of several first-level headings is that chapter's: not the subject of the others.
  const chapters = h1s.length > 1 && noteName === h1 ? h1s.slice(1).map((c) => c.text) : [];
  const generation = generateQuestions(extraction.facts, options, { title: noteName, chapters, lab });
  const skipped = { ...extraction.skipped };
  for (const [k, v] of Object.entries(generation.skipped) as Array<[SkipReason, number]>) skipped[k] = (skipped[k] ?? 0) + v;
  let questions = generation.questions;
  // A long document that hardly names AWS (a framework's README in a notes repository) is not asked.
  if (questions.length > 0 && options.services !== undefined && !aboutAws(parsed.body, (line) => options.services!.find(line))) {
    skipped['no-checkable-claim'] = (skipped['no-checkable-claim'] ?? 0) + questions.length;
    messages.push({ line: 1, message: 'hardly names an AWS service for its length: not asked as AWS notes' });
    questions = [];
  }
  return { frontMatter: parsed.frontMatter, title, facts: extraction.facts, questions, skipped, messages };
}
