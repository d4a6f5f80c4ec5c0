/**
 * Text hygiene shared by the parser and the question generator: what a note's text looks like once every
 * piece of Markdown, HTML, navigation and terminal control has been taken out.
 */

// C0/C1 controls except tab and newline: a note must never be able to drive the user's terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
// Emoji and pictographs people use as bullets or section markers (🟫, ⭐, 🎙️, ✅ …).
// …and the invisible marks pasted text carries along: zero-width spaces and joiners, direction marks, a BOM.
// (Not U+2063, the invisible separator: extract/bold.ts puts it beside a blank so that cleaning keeps the " - " after it.)
const PICTO = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2060}-\u{2062}\u{2064}-\u{2069}\u{FEFF}\u{20E3}]/gu;
// No pictograph is ASCII, and a plain ASCII scan is much cheaper than the Unicode property class above.
const ASCII_ONLY = /^[\x00-\x7f]*$/;
// ASCII and the punctuation notes and prompts use beyond it (dashes, quotes, bullets, "…", arrows, the
// breadcrumb's "›"): none of these is a letter or a digit or decomposes into one, so to `normalize` they
// only separate words, as ASCII punctuation does.
const PLAIN_PUNCTUATED = /^[\x00-\x7f\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u203a\u2192]*$/;

// The extractors compare the same few thousand strings over and over: a bounded memo keeps that cheap
// without holding on to a whole corpus.
const MEMO_LIMIT = 20_000;
const memos: Array<Map<string, unknown>> = [];
/** A function of one string, remembered for the strings seen last (notes repeat their headings and names). */
export function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  memos.push(cache);
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      v = fn(text);
      cache.set(text, v);
    }
    return v;
  };
}

/**
 * Empties every memo. Called between notes: a note repeats its own strings, rarely another's, and a parse
 * thread that kept a corpus's worth of remembered strings alive made V8 grow its heap by hundreds of MB.
 */
export function forgetMemos(): void {
  for (const cache of memos) cache.clear();
}

/** Removes ANSI/OSC escape sequences and other control characters (keeps `\n` and `\t`). */
export function stripControl(text: string): string {
  // Every escape sequence starts with a control character: most text has none and needs no replacing.
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(ANSI, '').replace(CONTROL, '');
}

/** Removes emoji and pictographic symbols, and invisible format characters (zero-width spaces, direction marks). */
export function stripPictographs(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return text.replace(PICTO, '');
}

/** Collapses runs of white space to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// HTML's own tags only: "Task<string>", "List<T>" and "Map<K,V>" in a line of code are type parameters.
const HTML_TAG = new RegExp(
  `</?(?:${'a abbr address area article aside audio b big blockquote body br button caption center cite code col colgroup dd del details dfn div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'.split(' ').join('|')})(?=[\\s/>])[^>]*>`,
  'gi',
);

/** Strips HTML tags (keeping their text) and decodes the few entities notes actually contain. */
export function stripHtml(text: string): string {
  // Every tag and entity below starts with "<" or "&": text without either has nothing to strip.
  if (!/[<&]/.test(text)) return text;
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(HTML_TAG, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    // "&#9888 Important": a numbered entity, with or without its ";", is the character it numbers.
    .replace(/&#(\d{2,6});?/g, (_m, n: string) => codePoint(Number(n)))
    .replace(/&#x([0-9a-f]{2,6});?/gi, (_m, n: string) => codePoint(parseInt(n, 16)));
}

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

// Remembered: the outline cleans each line's text several times (as a line, as a node, to test it for noise).
/** Clean, single-line display text: no controls, no pictographs, no stray Markdown emphasis marks. */
export const cleanText = memo(cleanTextUncached);

function cleanTextUncached(text: string): string {
  const s = squash(stripNoteSyntax(stripPictographs(stripControl(stripHtml(text)))))
    .replace(/(^|\s)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|$|[.,;:!?)])/g, strayMark)
    // A lone "_" left of emphasis that never closed ("- _ lowest cost HDD"), and the author's "(important)".
    .replace(/(^|\s)_{1,3}(?=\s|$)/g, '$1')
    .replace(/\s*\((?:very\s+)?important!*\)/gi, '')
    // "PutItem – create an item. TODO description", "(Not less important) TODO other calls": the author's
    // placeholder for what is still to write, and whatever follows it, is no part of the note yet.
    .replace(/\s*\b(?:TODO|TBD|FIXME)\b.*$/, '')
    .replace(/\(\s*\)/g, '')
    .replace(/(^|;\s*)[*•+]\s+/g, '$1')
    .replace(/\s+([,;:])/g, '$1')
    .replace(/[,;]\s*;/g, ';');
  // A leading bullet or dash goes; a command-line flag's "--" stays ("--debug", "--page-size"). So does a quote
  // left over at the end that opened nowhere ("… in each domain.'").
  const out = squash(s.replace(/^(?:[–—•·>|\s]|-(?!-\p{L}))+/u, ''));
  const stray = /[.!?](['"])$/.exec(out)?.[1];
  // (An apostrophe is a single quote too: a trailing "'" goes only when it is the text's one.)
  const parts = stray === undefined ? 0 : out.split(stray).length - 1;
  return (stray === '"' && parts % 2 === 1) || (stray === "'" && parts === 1) ? out.slice(0, -1) : out;
}

/**
 * A stray emphasis mark goes; a wildcard stays: "*.example.com", "s3:Get*", "software.amazon.awssdk.*",
 * "client-*" and "bucket/*" are names with a "*" in them, and without it they are broken names (R5).
 */
function strayMark(mark: string, space: string | undefined, offset: number, whole: string): string {
  const lead = space ?? '';
  if (mark.trim() !== '*') return lead;
  if (space !== undefined) return whole[offset + mark.length] === '.' ? mark : lead;
  // The word the mark ends, read back to the space before it (a few dozen characters at most: a line of
  // nothing but stars must stay linear).
  let from = offset;
  while (from > 0 && offset - from < 64 && !/\s/.test(whole[from - 1]!)) from--;
  const token = whole.slice(from, offset);
  return /[.:/-]$/.test(token) || token.includes(':') ? mark : lead;
}

/**
 * The syntax of note apps that Markdown does not know: Obsidian's `[[wiki links]]` (their text, or the alias
 * after "|"), `==highlights==`, `#tags`, ` ^block-ids`, citation marks ("[6]"), and a run of seven or more "#" (not a heading, so left as text).
 */
export function stripNoteSyntax(text: string): string {
  let s = text;
  if (s.includes('[[')) s = s.replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2').replace(/\[\[([^\]]*)\]\]/g, (_m, t: string) => t.replace(/^.*\//, '').replace(/#.*$/, ''));
  if (s.includes('==')) s = s.replace(/==(?=\S)([^=]+?)(?<=\S)==/g, '$1');
  if (s.includes('#')) s = s.replace(/(^|\s)#{7,}(?=\s|$)/g, '$1').replace(/(^|\s)#[A-Za-z][\w/-]*(?=[\s,.;:!?)]|$)/g, '$1');
  // "(see RFCs in AWS docs) [6].", "[1, 2]": an answer engine's or a paper's citation marks point at sources the
  // note does not hold; what is left of them ("… docs 6.") reads as a number of the claim (R5, graded on fresh24).
  if (s.includes('[')) s = s.replace(/(?<![\p{L}\p{N}_\]])(?:\s*\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\])+(?![(\[:])/gu, '');
  // Obsidian's block ids ("… Placement Group ^bd76fb"), which mark a line for links to point at: no words of it.
  if (s.includes('^')) s = s.replace(/\s\^(?=[\w-]*[A-Za-z])[\w-]{1,40}(?=\n|$)/g, '');
  // GitHub's and Obsidian's callout markers ("> [!NOTE]"): the box's kind, not its text.
  if (s.includes('[!')) s = s.replace(/\[!(?:note|tip|important|warning|caution|info|danger|example|quote|abstract|summary|question|success|failure|bug)\][+-]?\s*/gi, '');
  return s;
}

/** Lower-case, punctuation-free, article-free form used to compare and hash text. */
export const normalize = memo(normalizeUncached);

function normalizeUncached(text: string): string {
  const lower = text.toLowerCase();
  // Decomposing accents is only needed when there are any; most notes are plain ASCII, and in lower-case
  // ASCII the letters and digits are a-z and 0-9, which a plain character class finds much faster.
  const words = PLAIN_PUNCTUATED.test(lower)
    ? lower.replace(/[^a-z0-9%$]+/g, ' ')
    : lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}%$]+/gu, ' ');
  // Words are now one space apart: only a dropped article leaves a longer run of spaces to close.
  const withoutArticles = words.replace(/\b(a|an|the)\b/g, ' ');
  return (withoutArticles === words ? words : withoutArticles.replace(/ {2,}/g, ' ')).trim();
}

/** Number of words in a text. */
export function wordCount(text: string): number {
  // Counts the runs of non-space characters without splitting: called on every line, many times over.
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** The characters `\s` matches (and `trim` removes): ECMAScript white space and line terminators. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 || code === 5760 || (code >= 8192 && code <= 8202) || code === 8232 || code === 8233 ||
    code === 8239 || code === 8287 || code === 12288 || code === 65279
  );
}

/** The set of significant words of a text (normalised, without stop words), for overlap tests. Do not mutate it. */
export const keywords = memo((text: string): ReadonlySet<string> => {
  const out = new Set<string>();
  for (const w of normalize(text).split(' ')) if (w.length > 1 && !STOP.has(w)) out.add(w);
  return out;
});

/** Jaccard similarity of the keyword sets of two texts (0 = nothing shared, 1 = same words). */
export function similarity(a: string, b: string): number {
  const ka = keywords(a);
  const kb = keywords(b);
  if (ka.size === 0 || kb.size === 0) return 0;
  let shared = 0;
  for (const w of ka) if (kb.has(w)) shared++;
  return shared / (ka.size + kb.size - shared);
}

// The same names are looked for in the same statements, sibling after sibling: the word lists of both
// sides are worked out once per text.

/** The normalised text with a space at each end, so that `includes` finds whole words only. */
export const spaced = memo((text: string): string => ` ${normalize(text)} `);

/** The singular forms of every word of a text (normalised). Do not mutate it. */
export const singularWords = memo((text: string): ReadonlySet<string> => new Set(normalize(text).split(' ').map(singular)));

/** The keywords of a text that are not too common to tell anything, singular. */
const tellingWords = memo((text: string): readonly string[] => [...keywords(text)].filter((w) => !GENERIC.has(w)).map(singular));

/** True when `needle`'s significant words all occur in `haystack` (so asking for it would give it away). */
export function containsPhrase(haystack: string, needle: string): boolean {
  if (normalize(needle) === '') return false;
  if (spaced(haystack).includes(spaced(needle))) return true;
  const words = tellingWords(needle);
  if (words.length === 0) return false;
  const hw = singularWords(haystack);
  return words.every((w) => hw.has(w));
}

/** A crude English singular, good enough to compare "instances" with "instance". */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  // "aliases" is "alias", and "alias" is already one.
  if (word.endsWith('iases')) return word.slice(0, -2);
  if (word.endsWith('ias')) return word;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Shortens text to at most `max` characters on a word boundary, adding an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const at = cut.lastIndexOf(' ');
  return (at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[\s,;:.-]+$/, '') + '…';
}

/** The first sentence of a text (or the whole text when it has one). */
export function firstSentence(text: string): string {
  // "e.g." and "i.e." end no sentence.
  const m = /^(.+?(?<!\b(?:e\.g|i\.e|etc|vs|approx))[.!?])\s+(?=[A-Z(])/.exec(text);
  return m ? m[1]!.trim() : text.trim();
}

// Words too common in AWS notes to show that a phrase is given away.
const GENERIC = new Set(['aws', 'amazon', 'service', 'services', 'type', 'types', 'mode', 'de', 'and', 'or', 'for', 'of', 'to', 'in', 'on']);

const STOP = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'is', 'are', 'be', 'can', 'it', 'its', 'by', 'as',
  'at', 'from', 'that', 'this', 'you', 'your', 'we', 'our', 'will', 'not', 'no', 'do', 'does', 'if', 'use', 'used',
]);

/** The whole phrase, word for word, somewhere in the text. */
export function containsWhole(text: string, phrase: string): boolean {
  return spaced(text).includes(spaced(phrase));
}

/** How many line feeds `text` holds before offset `end` (all of it by default). */
export function countNewlines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// A word that needs more after it. Not most prepositions, which may end a line ("the memory the task asks for",
// "Block Public Access on"), nor "that" ("does not allow that"); "of", "about" and "via" never do ("frees you
// from worrying about" runs on into the list below it).
const DANGLING = /\b(?:the|a|an|and|or|than|such as|your|their|its|be|are|is|can|will|of|about|via)\s*$|\s[-–—]\s*$/i;

/** Whether a line stops on a word or a dash that needs more after it ("… databases in the cloud that are"): the note wrapped it there. */
export function endsMidClause(line: string): boolean {
  return DANGLING.test(line);
}
