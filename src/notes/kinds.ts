/**
 * What kind of thing a name is, judged by its shape alone: a wrong answer must look like the same kind of
 * thing as the right one ("ALB" next to "NLB", not next to "Average Memory Utilization"; "PurgeQueue" next
 * to "DeleteQueue", not next to "default retention").
 */
import { memo, normalize, singular } from './text.js';

export type NameShape =
  /** "ALB", "SSE-KMS", "GP2": an acronym or code name in capitals. */
  | 'acronym'
  /** "PurgeQueue", "States.ALL", "AWS_PROXY", "page-size": an API, parameter or constant name. */
  | 'identifier'
  /** "Spot", "Fargate": one ordinary word. */
  | 'word'
  /** "Dedicated Hosts", "Inline policies": a name of a few words. */
  | 'phrase'
  /** "Monitors an endpoint", "From the Console": a piece of a sentence, not a name of anything. */
  | 'clause'
  /** "Up to 15 replicas", "100 users": a quantity. */
  | 'number';

// Words that only a piece of a sentence has: articles, auxiliaries, and a preposition at its start.
const CLAUSE_WORD = /(?<![\w-])(the|a|an|is|are|was|were|can|cannot|will|should|must|does|do|not|when|if|then|than)(?![\w-])/i;
const CLAUSE_START = /^(from|based|up|in|on|with|without|to|for|by|via|at|into|after|before|when|if|only|just|also|more|less|no|not|all of|each)\s/i;
// "Useful for disaster recovery", "Simple to put in place": a judgement of something, not a name of anything.
const JUDGEMENT_START = /^(useful|helpful|good|great|best|better|ideal|suitable|simple|simpler|easy|easier|hard|harder|cheap|cheaper|expensive)\s+(for|to|when|if|in)\s/i;
// "Monitors an endpoint", "Processes the message": a verb in the third person starts a description.
const VERB_START = /^[A-Z]?[a-z]+(?<!ss|us|is)s\s+(the|a|an|all|any|each|its|their|your|data|one|it)\b/;

/** A whole statement rather than a name or a note-taker's phrase: it has a verb form or an article, or runs long. */
export function isSentenceLike(text: string): boolean {
  return CLAUSE_WORD.test(text) || JUDGEMENT_START.test(text.trim()) || text.trim().split(/\s+/).length > 8;
}

// The shape tests below run for every pair of siblings of every fact: each name is judged once and remembered.

/** The shape of a name (see NameShape); a parenthesised aside ("(SSD)", "(default)") does not count. */
export const nameShape = memo(nameShapeUncached);

function nameShapeUncached(name: string): NameShape {
  const core = name.replace(/\s*\([^)]*\)/g, '').trim() || name.trim();
  if (/^[~<>≈$]?\d/.test(core)) return 'number';
  const words = core.split(/\s+/);
  if (words.length === 1) return tokenShape(words[0]!);
  // A name is short: six words and more describe something ("Variables passed to the function as …").
  if (words.length > 5 || CLAUSE_WORD.test(core) || CLAUSE_START.test(core) || JUDGEMENT_START.test(core) || VERB_START.test(core) || /\s(to|with|of|per|by|in)\s\d/.test(core) || /\b(and|or)$/i.test(core)) return 'clause';
  // "Type MOCK", "Price Class 100": a phrase ending in a code name is still a name.
  return 'phrase';
}

function tokenShape(token: string): NameShape {
  const t = token.replace(/[.,;:]+$/, '');
  if (/^[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*s?$/.test(t) && /[A-Z].*[A-Z0-9]/.test(t)) return 'acronym';
  // A dot, an underscore or a lower-case hyphenated run inside the token: code, not prose.
  if (/\w[._]\w/.test(t) || /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(t)) return 'identifier';
  // "PurgeQueue", "AllAtOnce", "CloudShell": joined capitalised words.
  if (/^[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+$/.test(t) || /^[a-z]+[A-Z]\w*$/.test(t)) return 'identifier';
  return 'word';
}

const FUNCTION_WORD = /^(of|for|and|or|the|to|on|in|with|by|a|an|at|per|vs)$/i;

/**
 * How a phrase is capitalised after its first word: "Cluster Mode Enabled" is a title, "Implementation
 * consideration" a sentence. A set written one way makes a member written the other way stand out.
 */
const caseStyle = memo(caseStyleUncached);

function caseStyleUncached(name: string): 'title' | 'sentence' | 'none' {
  const words = name.replace(/\s*\([^)]*\)/g, '').trim().split(/\s+/).slice(1).filter((w) => /^\p{L}/u.test(w) && !FUNCTION_WORD.test(w));
  if (words.length === 0) return 'none';
  if (words.every((w) => /^\p{Lu}/u.test(w))) return 'title';
  if (words.every((w) => /^\p{Ll}/u.test(w))) return 'sentence';
  return 'none';
}

/** Two phrases capitalised in opposite ways ("Cluster Mode Enabled" / "Implementation consideration"). */
export function clashingCase(a: string, b: string): boolean {
  const x = caseStyle(a);
  const y = caseStyle(b);
  return x !== 'none' && y !== 'none' && x !== y;
}

/** Word count of a name without its parenthesised asides. */
const nameWords = memo(nameWordsUncached);

function nameWordsUncached(name: string): number {
  const core = name.replace(/\s*\([^)]*\)/g, '').trim() || name.trim();
  return core.split(/\s+/).length;
}

/**
 * Whether `other` is a fair wrong answer next to `answer` by shape: the same kind of token, or names of
 * a similar length. A clause is never a fair choice, and neither is a number next to a name.
 */
export function sameKind(answer: string, other: string): boolean {
  const a = nameShape(answer);
  const b = nameShape(other);
  if (a === 'clause' || b === 'clause') return false;
  if (a === 'number' || b === 'number') return a === b;
  if (a === b) return a !== 'phrase' || Math.abs(nameWords(answer) - nameWords(other)) <= 2;
  // Code names and API names go together with one-word names ("Spot", "Fargate"), not with phrases.
  const pair = new Set([a, b]);
  if (pair.has('word')) return !pair.has('phrase') || nameWords(a === 'phrase' ? answer : other) <= 3;
  // "ALB" or "PurgeQueue" next to "Average Memory Utilization": different kinds of thing.
  return false;
}

/** The head word of a name ("Inline policies" → "policy"), lower-case and singular. */
export const headWord = memo(headWordUncached);

function headWordUncached(name: string): string {
  const words = normalize(name.replace(/\s*\([^)]*\)/g, '')).split(' ');
  return singular(words[words.length - 1] ?? '');
}

/** A label that names a set of alike things ("Routing Policies", "Instance Types", "X-Ray API", "States"). */
export const namesKinds = memo(namesKindsUncached);

function namesKindsUncached(label: string): boolean {
  const core = label.replace(/\s*\([^)]*\)\s*$/, '').trim();
  // "CLI, SDK, IAM Roles & Policies" lists several topics; its last word names none of them all.
  if (/[,&+]|\sand\s/.test(core)) return false;
  const last = core.split(/[\s\-–—:]+/).filter((w) => w !== '').pop() ?? '';
  if (/^(types|classes|tiers|options|kinds|components|features|modes|models|categories|methods|ways|steps|services|tools|strategies|approaches|operations|apis?|actions|states|patterns|policies|rules|limits|metrics|functions|parameters|settings|modes|levels|plans)$/i.test(last)) return true;
  // "4 methods to encrypt objects", "Types of load balancers": a counted or qualified plural names the set.
  if (/\b(\d+|two|three|four|five|six|several|main|different)\s+(?:\w+\s+)?(types|classes|tiers|options|kinds|modes|methods|ways|approaches|strategies|models|categories|levels|policies)\b|^(types|kinds|classes|categories)\s+of\b/i.test(core)) return true;
  // "Commands to remember", "Settings for queues": a plural set before what the set is for.
  if (/^(?:\w+\s+){0,2}[a-z]{3,}[^su'’\s]s\s+(to|of|for|you|that)\s/i.test(core)) return true;
  // A plural ordinary noun: "Instances", "Endpoints" (not "Kinesis", "Access", "Status", "SNS").
  return /^[a-z]{3,}[^sui'’]s$/i.test(last) && !/^[A-Z]+s?$/.test(last);
}
