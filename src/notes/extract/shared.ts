import type { Fact, SkipReason } from '../facts.js';
import type { OutlineNode } from '../outline.js';
import { cleanText, firstSentence, memo, wordCount } from '../text.js';

/** Where a node sits: the section headings above it and the list labels between them and it. */
export interface Place {
  path: string[];
  context: string[];
}

/** Collects facts and skip counts, and remembers which outline nodes some fact already used. */
export class Collector {
  readonly facts: Fact[] = [];
  readonly skipped: Partial<Record<SkipReason, number>> = {};
  readonly used = new Set<OutlineNode>();

  add(fact: Fact, node?: OutlineNode): void {
    this.facts.push(fact);
    if (node) this.used.add(node);
  }

  skip(reason: SkipReason, node?: OutlineNode): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
    if (node) this.used.add(node);
  }
}

/** Visits every node with its place in the note, parents before children. */
export function walk(root: OutlineNode, visit: (node: OutlineNode, parent: OutlineNode | null, place: Place) => void): void {
  const rec = (node: OutlineNode, parent: OutlineNode | null, place: Place) => {
    visit(node, parent, place);
    // Most nodes are leaves: they need no place for children they do not have.
    if (node.children.length === 0) return;
    let inner: Place;
    if (node.kind === 'section') inner = { path: [...place.path, labelText(node.text)], context: [] };
    else if (node.kind === 'root') inner = place;
    else inner = { path: place.path, context: [...place.context, labelText(node.text)] };
    for (const c of node.children) rec(c, node, inner);
  };
  rec(root, null, { path: [], context: [] });
}

/** A label without its closing colon and numbering ("1. General Purpose:" → "General Purpose"). */
export const labelText = memo(labelTextUncached);

function labelTextUncached(text: string): string {
  return text
    .replace(/^\(?\d{1,3}[.)]\s+/, '')
    .replace(/^[A-Za-z][.)]\s+(?=\p{Lu})/u, '')
    .replace(/\s*[:：\-–—=>,;]+\s*$/, '')
    .trim();
}

/** Leaf statements directly under a node (its children that have no children of their own). */
export function leafStatements(node: OutlineNode): OutlineNode[] {
  return node.children.filter((c) => (c.kind === 'item' || c.kind === 'line') && c.children.length === 0 && c.text !== '');
}

// Labels that name a kind of remark rather than a thing: never a subject or a term.
const GENERIC_TERMS = new Set(
  [
    'note', 'notes', 'nb', 'example', 'examples', 'eg', 'e.g', 'ex', 'purpose', 'use case', 'use cases', 'why', 'how', 'what',
    'important', 'tip', 'tips', 'remember', 'summary', 'overview', 'info', 'warning', 'exam tip', 'exam', 'good to know',
    'see', 'source', 'link', 'links', 'reference', 'references', 'todo', 'answer', 'question', 'q', 'a', 'definition',
    'pros', 'cons', 'benefits', 'features', 'limitations', 'limitation', 'result', 'flow', 'steps', 'components', 'on aws',
    'bonus', 'caveat', 'advantages', 'disadvantages', 'structure', 'output', 'input', 'syntax', 'format', 'also',
    'best practice', 'best practices', 'summary', 'other', 'others', 'misc', 'miscellaneous', 'takeaways', 'key points',
    'usecases', 'usecase', 'problem', 'solution', 'process', 'workaround', 'description', 'value', 'values', 'supports', 'command', 'commands',
    'create', 'result', 'results', 'options', 'settings', 'config', 'configuration', 'setup', 'mentioned above', 'cheat sheet',
    'all', 'both', 'either', 'similar service', 'similar services', 'alternative', 'alternatives', 'difference', 'differences',
    'details', 'more', 'general', 'mechanism', 'mechanisms', 'how it works', 'behavior', 'behaviour',
    'strengths', 'weaknesses', 'strength', 'weakness', 'drawbacks', 'drawback', 'key aws services', 'aws services', 'key services', 'attributes', 'properties', 'characteristics', 'requirements', 'prerequisites', 'pre-requisites', 'default', 'defaults', 'usage', 'use', 'cost', 'costs', 'pricing', 'limits', 'con', 'pro', 'intro', 'introduction', 'basics', 'recap', 'hint', 'hints', 'demo', 'lab', 'practice',
    // Asides a note sets off by a label: the label is no thing the line defines ("Reminder: EC2 already reports CPU").
    'overall', 'in summary', 'conclusion', 'in conclusion', 'reminder', 'reminders', 'quote', 'analogy', 'fun fact', 'trivia', 'fyi', 'aside', 'side note', 'sidenote', 'takeaway', 'key takeaway',
    'bottom line', 'tldr', 'gotcha', 'gotchas', 'caution', 'attention', 'observation', 'in short', 'rule of thumb', 'keep in mind',
    'observe', 'key insight', 'key insights', 'insight', 'insights', 'why it matters', 'expected result', 'expected output', 'what happened',
    'heads up', 'headsup', 'pro tip', 'protip', 'disclaimer',
  ].map((s) => s.toLowerCase()),
);

/** True for labels such as "Note", "Example", "Use cases" that say what follows, not what it is about. */
export function isGenericLabel(label: string): boolean {
  const l = label.toLowerCase().replace(/[^a-z0-9 .]/g, '').trim();
  if (GENERIC_TERMS.has(l) || /^(example|ex|exercise|scenario|step|case|question|note|sample|use case|idea|tip|hint)s?\s*(process\s*)?#?\s*\d*$/.test(l)) return true;
  if (/\bgood to know\b|\bsummary\b|\btakeaways\b|^(what|why|how|when|which|where)\b/.test(l)) return true;
  return label.trim().endsWith('?');
}

/** A name that can stand as a subject or a term: has letters, not mostly digits or symbols, not a remark. */
export function isNameLike(name: string): boolean {
  if (name === '' || wordCount(name) > 8 || isGenericLabel(name)) return false;
  // A command of a tool with its verb ("cdk synth", "eb deploy") names something as well as a word does.
  const command = /^[a-z][\w-]*(\s[a-z][\w-]*){1,2}$/.test(name);
  if (/^\d/.test(name) || /\w\.\w+\(|\(\)|^(const|let|var|function|def|class|import)\s/.test(name) || (looksLikeCode(name) && !command)) return false;
  // "Rules can include", "ACM loads certificates on…": a clause, not a name.
  if (wordCount(name) > 2 && CLAUSE.test(name)) return false;
  // "User, Group, Policies" lists several things; "Remember the core fundamentals…" is an instruction.
  // "A database with a Redis-compatible API" describes something; it does not name it.
  if (/,/.test(name) || /^(a|an)\s/i.test(name) || IMPERATIVE.test(name) || PART_OF_NOTES.test(name)) return false;
  const letters = (name.match(/\p{L}/gu) ?? []).length;
  return letters >= 2 && letters / name.replace(/\s/g, '').length >= 0.5 && balanced(name);
}

// Labels that name a part of the notes ("Developer Associate Specific Topics"), not a thing.
const PART_OF_NOTES = /\b(topics|specific|overview|summary|introduction|misc|miscellaneous|advanced|basic|basics|fundamentals|cheat ?sheet|recap|review|notes)\b/i;
const IMPERATIVE = /^(remember|note|see|make|use|consider|know|keep|think|read|check|don'?t|do|never|always|try|avoid|ensure|build|create|add|set|enable|choose|click|go|open|run|install|configure|define|deploy|need|or|and|but|if|then|so|it|it[’']s|this|that|these|those|they|there|we|you)\b/i;
const CLAUSE = /\b(solves|helps|lets|gives|makes|works|runs|keeps|stores|sends|returns|creates|allows|enables|improves|reduces|increases|prevents|protects|using|via|by|can|cannot|could|must|should|will|would|is|are|was|were|does|do|has|have|had|include|includes|allow|allows|loads|makes|uses|needs|gets|means|provides|supports|requires)\b/i;

/** True when every opening parenthesis or bracket is closed. */
export function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

export interface Definition {
  term: string;
  definition: string;
}

const SEPARATOR = /^\s*(?:[:：]|[-–—]{1,2}>?|=>?|->|→)\s*/;
const PLAIN = /^([^:：]{1,80}?)\s*(?:[:：]\s+|[:：]$|\s[-–—]{1,2}\s+|\s=>?\s+|\s->\s+|\s→\s+)(.*)$/;

// Every extractor asks the same nodes for their definitions, and an outline does not change once built.
const definitions = new WeakMap<OutlineNode, Readonly<Definition> | null>();

/**
 * Splits "Term: definition", "**Term** – definition", "Term = definition" and "Term - definition" items.
 * Returns null when the line is not shaped like a definition. The definition may be empty (a label).
 */
export function splitDefinition(node: OutlineNode): Readonly<Definition> | null {
  let def = definitions.get(node);
  if (def === undefined) {
    def = splitDefinitionUncached(node);
    definitions.set(node, def);
  }
  return def;
}

function splitDefinitionUncached(node: OutlineNode): Definition | null {
  const spans = node.spans;
  const firstIdx = spans.findIndex((s) => s.text.trim() !== '');
  const first = spans[firstIdx];
  if (first && (first.bold || first.code) && !first.link) {
    // "**Term** rest": the bold run may be split over several spans.
    let i = firstIdx;
    let term = '';
    while (i < spans.length && (spans[i]!.bold || spans[i]!.code) === (first.bold || first.code) && spans[i]!.bold === first.bold) {
      term += spans[i]!.text;
      i++;
    }
    const rest = spans.slice(i).map((s) => s.text).join('');
    const t = labelText(cleanText(term));
    if (t !== '' && wordCount(t) <= 8) {
      if (SEPARATOR.test(rest) || /[:：]\s*$/.test(term)) {
        return validate(t, cleanText(rest.replace(SEPARATOR, '')));
      }
      if (cleanText(rest) === '') return validate(t, '');
    }
  }
  const m = PLAIN.exec(node.text);
  if (!m) return null;
  const dashed = !/[:：]/.test(node.text.slice(m[1]!.length, m[1]!.length + 3));
  return validate(labelText(m[1]!), cleanText(m[2]!), dashed);
}

function validate(term: string, definition: string, dashed = false): Definition | null {
  // "Multi - AZ RDS" is a name with a dash in it, not a term and its definition.
  if (dashed && wordCount(definition) < 3) return null;
  // "Prevent any non - compliant tagging", "a cross - account role": a word broken at its hyphen, not a term.
  if (dashed && /\b(?:non|pre|re|anti|multi|cross|self|co|un|semi|sub|inter|intra|post|over|under|auto|read|write|on|off)$/i.test(term)) return null;
  // "Before -> Install -> After" is a sequence, and in "GET - Intensive Workloads - Use CloudFront" the name
  // goes on past the first dash: neither is a term and its definition.
  if (/^\S+(?:\s\S+){0,2}\s(?:->|=>|→)\s/.test(definition)) return null;
  // "Multi-AZ = Reliability, CloudFront = Performance, RI/Spot = Cost": pairs strung on a line, not one term's.
  if (/^[^,;=()]{1,40}[,;]\s*[^\s,;=()][^,;=()]{0,40}\s=>?\s/.test(definition)) return null;
  const dash = /^(\S+(?:\s\S+){0,2})\s[-–—]{1,2}\s/.exec(definition);
  if (dash && dash[1]!.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return null;
  // "Bucket operations get - list - put - delete - head": a list strung on dashes, cut at its first one.
  if (dashed && /^[^-–—]{1,20}(?:\s[-–—]\s[^-–—]{1,20}){2,}$/.test(definition)) return null;
  if (term === '' || wordCount(term) > 6 || !balanced(term)) return null;
  if (/[!?;]/.test(term) || /^(if|when|the|a|an|you|it|this|we|to|for|in|on|by|and|or|but|so)\b/i.test(term)) return null;
  if (/^(https?|ftp|s3|arn)$/i.test(term)) return null;
  if (isGenericLabel(term)) return null;
  return { term, definition };
}

/** A statement short enough to read in a question (first sentence of a long one), or null when too long. */
export function askableStatement(text: string, maxWords = 40): string | null {
  let s = text;
  // "Questions attempted today: [ ]": a form the reader fills in, not a claim.
  if (/\[\s?\]\s*$/.test(s)) return null;
  if (wordCount(s) > maxWords) s = firstSentence(s);
  if (wordCount(s) > maxWords) return null;
  // "… and many layers. Ex" lost its example to the next line: the dangling marker goes.
  return s.replace(/[.,;:]?\s*\b(ex|e\.g|eg|i\.e)\.?:?\s*$/i, '').replace(/[;,:]\s*$/, '').trim();
}

/** Text that reads like code, a path, a URL or JSON rather than a claim. */
export function looksLikeCode(text: string): boolean {
  // "a.b.c.d" is looked for from the start of a word only: tried at every letter of a long token, as
  // `\w+\.\w+…` alone is, it took time quadratic in the token (a 1 MB table cell ran for minutes). Any
  // match of that form extends back to its word's start, so the two find the same texts.
  if (/https?:\/\/|www\.|::|\w:\w+:\w|\b\w+(?:\.\w+){3}|(?<!\.)\.\.(?!\.)|\w\.(com|net|org|io)\b/i.test(text)) return true;
  if (/^(docker|aws|npm|git|kubectl|sam|cdk|curl|pip|sudo|cd|ls|mkdir|eb|serverless)\s+[a-z-]/.test(text)) return true;
  if (isSnippet(text)) return true;
  const symbols = (text.match(/[{}[\]"=<>$\\/|`]/g) ?? []).length;
  return symbols / Math.max(1, text.length) > 0.08 || /^[\w.-]+\([^)]*\)$/.test(text);
}

// "!Equals [!Ref Env, prod]": the short form of a template function.
const TEMPLATE_FUNCTION = /(^|[\s[(,])!(?:[A-Z][A-Za-z]+)\b/;
const SQL_START = /^\s*(SELECT|INSERT|UPDATE|DELETE|GRANT|REVOKE|CREATE|ALTER|DROP)\s/;
const SQL_WORD = /\s(FROM|INTO|ON|TO|SET|TABLE|WHERE|VALUES|REQUIRE|USER|INDEX|USAGE|ALL)\s/;
// "conf/app.config", ".hidden/file.yml", "./run.sh": a path to a file.
const FILE_PATH = /(?:^|[\s=>(:])(?:\.{0,2}\/|~\/|\.?[\w-]+\/)[\w./-]*\.[a-z][a-z0-9]{1,5}\b/i;

/**
 * A piece of a template, a query, a shell line or a file path written in a note as if it were a sentence:
 * nothing in it can be asked as a claim.
 */
function isSnippet(text: string): boolean {
  if (TEMPLATE_FUNCTION.test(text)) return true;
  if (SQL_START.test(text) && SQL_WORD.test(text)) return true;
  if (/^\$\s+\S/.test(text) || (text.match(/(?:^|\s)--[a-z][\w-]+/g) ?? []).length >= 2) return true;
  // A path among a few words ("From the code => conf/app.config") is an instruction to open a file.
  if (FILE_PATH.test(text)) return text.replace(FILE_PATH, ' ').split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length <= 5;
  return false;
}

/** "EFS" spelled out by the statement's capitalised words ("Elastic File System …"). */
export function spellsAcronym(statement: string, subject: string): boolean {
  // A quantity's unit is shared by design: "3 AZs" beside "Availability Zones".
  if (/^\W*[\d$]/.test(subject)) return false;
  // "NFSv4" holds NFS and "APIs" API: a version or a plural does not hide the acronym.
  const acronyms = subject.match(/\b[A-Z]{2,6}(?=v\d|s?\b)/g) ?? [];
  // Most names hold no acronym: then the statement need not be read at all.
  if (acronyms.length === 0) return false;
  const initials = (statement.match(/\b[A-Z][a-z]+/g) ?? []).map((w) => w[0]).join('');
  if (acronyms.some((a) => initials.includes(a))) return true;
  // "multi factor authentication" spells "MFA" as well, when the words follow each other.
  const running = statement.split(/[\s-]+/).map((w) => w.replace(/^\W+/, '')[0] ?? ' ').join('').toUpperCase();
  return acronyms.some((a) => a.length >= 3 && running.includes(a));
}

/** "I can't teach you all of them": the author talking about the course or the notes, not a claim. */
export const AUTHOR_TALKING = /(^|[.!?]\s+)I\s+(can|can['’]t|cannot|will|won['’]t|am|have|personally|would|think|recommend)\b/;
