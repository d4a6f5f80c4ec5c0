/**
 * Give-aways read off the page (RUBRIC.md R6): the answer is on the screen in another form — held inside a longer
 * name, as the initial a table asks by, as the rest of a share or a count of nines, in the heading above, in the
 * acronym after the blank, or in the word a name's prefix means. Graded blind in r14–r19; each rule has its failure case
 * in test/notes/failure-kinds.test.ts.
 */
import { numberWordValue } from '../facts/quantity.js';
import { nameParts } from './giveaway.js';
import type { Question } from './questions.js';

/** Whether a single-choice or typed question's answer can be read off its own prompt (see the rules below). */
export function readsOff(q: Question): boolean {
  if (q.kind !== 'single' && q.kind !== 'typed') return false;
  if (q.answers.some((a) => nestsIdentifier(q.prompt, a) || blankInsideAcronym(q.prompt, a) || spellsIdentifier(q.prompt, a))) return true;
  if (q.kind !== 'single') return false;
  return initialGivesAway(q) || prefixSaysIt(q) || oppositeSaysIt(q) || q.answers.some((a) => restOfTheWhole(q.prompt, a) || ninesCounted(q.prompt, a) || numberInBreadcrumb(q.prompt, a) || numberInName(q.prompt, a));
}

/** A name written as one word of several parts: "WaitTimeSeconds", "putRecord", "max_receive_count". */
const IDENTIFIER = /^(?=.{6,}$)(?:[a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[a-z0-9]+(?:_[a-z0-9]+)+)$/;

/**
 * The answer is a compound name held inside another in the prompt ("____ on the call" beside
 * "ReceiveMessageWaitTimeSeconds" for "WaitTimeSeconds"), or holds one that is half of it or more (the other
 * way round, "GetParameter" for "GetParameters"): the answer is read off the page. "CloudWatch" in
 * "CloudWatchAgentServerPolicy" leaves most of the name to recall.
 */
function nestsIdentifier(prompt: string, answer: string): boolean {
  const a = answer.trim();
  if (!IDENTIFIER.test(a)) return false;
  const lower = a.toLowerCase();
  return prompt.split(/[^\p{L}\d_]+/u).some((t) => {
    if (!IDENTIFIER.test(t)) return false;
    const l = t.toLowerCase();
    return l !== lower && (l.includes(lower) || (lower.includes(l) && l.length * 2 >= lower.length));
  });
}

/**
 * "… eventually consistent reads, but GetItem can provide a ____ parameter" for "ConsistentRead": the words of a
 * name written in parts ("ConsistentRead", "visibility_timeout") stand together on the line.
 */
function spellsIdentifier(prompt: string, answer: string): boolean {
  const a = answer.trim();
  if (!/^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$|^[a-z]+(?:_[a-z]+)+$/.test(a)) return false;
  const parts = nameParts(a).filter((w) => w !== '').map((w) => w.toLowerCase().replace(/s$/, ''));
  // Words as written: "CloudFront" on the line is the name itself, not "cloud" and "front" said apart.
  const words = prompt.toLowerCase().split(/[^a-z]+/).map((w) => w.replace(/s$/, ''));
  return words.some((_, i) => parts.every((p, k) => words[i + k] === p));
}

/**
 * A table of initials ("D | Density | …", asked as "D: Mnemonic?"): the letter the prompt asks about starts the
 * answer, or stands out as a capital inside it ("eXtreme memory" for X), and no wrong choice, so the letter
 * alone picks it.
 */
function initialGivesAway(q: Question): boolean {
  const letter = /(?:^|[\s—›“])([A-Z])\s*[:=|]/.exec(q.prompt)?.[1];
  if (letter === undefined || q.distractors.length === 0) return false;
  const marks = (c: string) => c.trim().toUpperCase().startsWith(letter) || new RegExp(`\\p{Ll}${letter}`, 'u').test(c);
  return q.answers.some(marks) && !q.distractors.some(marks);
}

// Shares said in words: "half at a time" is 50 %.
const SHARE_WORDS: Array<[RegExp, number]> = [[/\bhalf\b/i, 50], [/\b(a\s+)?quarter\b/i, 25], [/\ba\s+third\b/i, 33]];

/**
 * A share that the prompt gives by another name: the rest of one it states ("80 % … and ____ are active" is
 * 20 %) or its word ("Half at a time: ____" is 50 %). Arithmetic on the page, not knowledge.
 */
function restOfTheWhole(prompt: string, answer: string): boolean {
  const m = /^(\d+(?:\.\d+)?)\s?%$/.exec(answer.trim());
  if (!m || !prompt.includes('____')) return false;
  const v = Number(m[1]);
  if (SHARE_WORDS.some(([re, share]) => share === Math.round(v) && re.test(prompt))) return true;
  for (const other of prompt.matchAll(/(\d+(?:\.\d+)?)\s?%/g)) if (Math.abs(Number(other[1]) + v - 100) < 1e-9) return true;
  return false;
}

/** "99.999999999%" beside "11 9's" or "eleven nines": the count of nines is the answer written another way. */
function ninesCounted(prompt: string, answer: string): boolean {
  const m = /^(9+)\.(9+)\s?%$/.exec(answer.trim());
  if (!m) return false;
  const nines = m[1]!.length + m[2]!.length;
  // Any count on the line: "durability is 11x9s - availability is 4x9s" says both.
  return [...prompt.matchAll(/\b(\d{1,2}|[a-z]+)\s*(?:x\s*)?(?:9['’]?s|nines)\b/gi)].some(([, said]) => (/^\d+$/.test(said!) ? Number(said) : numberWordValue(said!)) === nines);
}

/**
 * The answer's number stands in the breadcrumb ("Up to 32 volumes per gateway — … each volume up to ____" for
 * "32 TB"): a heading above the statement says the figure the blank hides.
 */
function numberInBreadcrumb(prompt: string, answer: string): boolean {
  const n = /^\$?([\d.,]+)/.exec(answer.trim())?.[1];
  const crumb = prompt.split(' — ')[0]!;
  if (n === undefined || crumb === prompt || !/\d/.test(crumb)) return false;
  // A number of its own: not the "3" of "S3" or the "2" of "EC2".
  return new RegExp(`(?<![\\p{L}\\d.,])${n.replace(/[.]/g, '\\.')}(?![\\d]|[.,]\\d)`, 'u').test(crumb);
}

/**
 * "Create ____ Secondary Index (GSI)" for "Global": the acronym after the blank spells the answer's initials
 * with those of the words that follow it.
 */
function blankInsideAcronym(prompt: string, answer: string): boolean {
  const m = /____((?:\s+[\p{L}][\p{L}-]*){0,4})\s*\(([A-Z][A-Za-z]{1,5})\)/u.exec(prompt);
  if (!m) return false;
  const words = [...answer.split(/[\s-]+/), ...m[1]!.trim().split(/\s+/)].filter((w) => w !== '' && !/^(of|and|for|the|a|an|to|on|in)$/i.test(w));
  const initials = words.map((w) => w[0]!.toUpperCase()).join('');
  return initials === m[2]!.toUpperCase();
}

// Name prefixes and the words that say them: "post_build" is what runs "after the build".
const PREFIX_MEANINGS: Array<[RegExp, RegExp]> = [
  // A word or part of a name of its own ("Pre authentication", "pre_build", "PreTraffic"), not "premium" or "PostgreSQL".
  [/(?:^|[\s_-])[Pp]re(?:[\s_-]|(?=[A-Z]))/, /\b(?:before|prior to|ahead of)\b/i],
  [/(?:^|[\s_-])[Pp]ost(?:[\s_-]|(?=[A-Z]))/, /\bafter\b/i],
  [/\bexternal\b/i, /\boutside\b/i],
  [/\binternal\b/i, /\b(?:inside|within)\b/i],
  [/\binbound\b/i, /\b(?:incoming|coming in)\b/i],
  [/\boutbound\b/i, /\b(?:outgoing|going out|leaving)\b/i],
];

// Words that name the two ends of one relation: a line that says one end is not about the choice named by the other.
const OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  ['producer', 'consumer'],
  ['publisher', 'subscriber'],
  ['sender', 'receiver'],
  ['reader', 'writer'],
  ['upload', 'download'],
  ['encrypt', 'decrypt'],
  ['ingress', 'egress'],
  ['synchronous', 'asynchronous'],
  ['stateful', 'stateless'],
];

/**
 * "Kinesis Client Library or Kinesis Producer Library: which one does this describe: “consumer library that …”":
 * the line says the opposite of the word that names the wrong choice, so the choice is made by the word alone.
 */
function oppositeSaysIt(q: Question): boolean {
  const statement = /“([^”]*)”/.exec(q.prompt)?.[1];
  if (statement === undefined || q.distractors.length === 0) return false;
  const words = (t: string) => new Set(t.toLowerCase().split(/[^a-z]+/).map((w) => w.replace(/s$/, '')));
  const said = words(statement);
  const answer = words(q.answers.join(' '));
  const wrong = words(q.distractors.join(' '));
  return OPPOSITES.some(([a, b]) =>
    [[a, b], [b, a]].some(([mine, theirs]) => said.has(mine!) && wrong.has(theirs!) && !answer.has(theirs!) && !answer.has(mine!)),
  );
}

/**
 * The statement says in words what the answer's prefix means, and no wrong choice has that prefix: "runs after
 * the build" picks "post_build phase" over "pre_build phase", "stays outside AWS" picks "External key store".
 */
function prefixSaysIt(q: Question): boolean {
  const statement = /“([^”]*)”/.exec(q.prompt)?.[1];
  if (statement === undefined || q.distractors.length === 0) return false;
  const said = PREFIX_MEANINGS.filter(([, meaning]) => meaning.test(statement));
  if (said.length !== 1) return false;
  const [prefix] = said[0]!;
  const bare = (c: string) => c.replace(/\s*\([^)]*\)/g, '');
  return q.answers.some((a) => prefix.test(bare(a))) && !q.distractors.some((d) => prefix.test(bare(d)));
}

const NAME_UNITS: Readonly<Record<string, string>> = { percent: '%', minute: 'minute', minutes: 'minute', second: 'second', seconds: 'second', hour: 'hour', hours: 'hour', day: 'day', days: 'day' };

/**
 * "ECSCanary10Percent5Minutes shifts ____ of the traffic first" for 10%: a configuration's name on the line
 * spells the amount, number and unit, as AWS's deployment configurations do.
 */
function numberInName(prompt: string, answer: string): boolean {
  const m = /^\s*(\d+)\s*(%|minutes?|seconds?|hours?|days?)\s*$/i.exec(answer);
  if (!m) return false;
  const unit = m[2]!.toLowerCase() === '%' ? '%' : NAME_UNITS[m[2]!.toLowerCase()];
  // Each amount inside a name ("…Linear10PercentEvery3Minutes" holds 10 % and 3 minutes).
  for (const token of prompt.match(/[A-Za-z][\w.]*\d[\w.]*/g) ?? []) {
    for (const t of token.matchAll(/(\d+)(Percent|Minutes?|Seconds?|Hours?|Days?)(?![a-z])/g)) {
      if (t[1] === m[1] && NAME_UNITS[t[2]!.toLowerCase()] === unit) return true;
    }
  }
  return false;
}
