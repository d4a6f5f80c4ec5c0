/**
 * Give-aways by a shared word or stem (RUBRIC.md R6): "detect" in a prompt points at "Detective", "Synchronize"
 * at "Cognito Sync", "caching" at "ElastiCache", "preinstall" at "BeforeInstall", "KMS" at "SSE-KMS". A word
 * every wrong choice shares too ("Lambda" in "Lambda Layers" and "Lambda Aliases") singles nothing out.
 */
import { memo } from './text.js';

// Words too common in AWS notes for sharing them to point at one answer.
const UBIQUITOUS = new Set(['aws', 'amazon', 'service', 'services', 'cloud', 'the', 'and', 'for', 'with', 'from', 'your', 'you', 'can', 'are', 'not', 'use', 'used', 'using', 'one', 'all', 'any', 'new', 'per', 'each', 'more', 'less', 'than', 'that', 'this', 'type', 'types', 'based', 'other', 'only', 'also', 'when', 'into', 'over', 'have', 'has', 'its', 'which', 'what', 'does', 'describe', 'fills', 'blank', 'fill', 'option', 'options', 'following']);

/** Camel case apart, and a digit run into a capital ("ConsistentRead" → "Consistent Read", "S3Crud" → "S3 Crud"). */
function splitCamel(text: string): string {
  return text.replace(/([a-z]|(?<=[A-Za-z])\d)([A-Z])/g, '$1 $2');
}

/**
 * The parts of a text split as names are built: punctuation, spaces, hyphens and camel case ("ConsistentRead" →
 * Consistent, Read; "SQSQueue" → SQS, Queue). An initialism's plural stays whole: "RDSes" is no "RD" and "Ses".
 */
export const nameParts = memo((text: string): readonly string[] =>
  splitCamel(text)
    .replace(/([A-Z]+)([A-Z](?!es\b)[a-z]{2,})/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u),
);

/** The words of a text split as names are built: spaces, punctuation, hyphens and camel case ("BeforeInstall" → before, install). */
export const nameWords = memo((text: string): readonly string[] =>
  nameParts(text)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !UBIQUITOUS.has(w)),
);

/** Initials of two characters in a text ("MQ" of "ActiveMQ", "S3", "AZ"), which nameWords leaves out with "is" and "an". */
const initials = memo((text: string): readonly Stemmed[] => nameParts(text).filter((w) => /^[A-Z][A-Z0-9]$/.test(w)).map((w) => withStem(w.toLowerCase())));

/** A crude stem: plural, tense and common derivational endings off ("logged" → log, "synchronize" → synchron). */
export const stem = memo((word: string): string => {
  let w = word.toLowerCase();
  for (const suffix of ['izations', 'ization', 'ations', 'ation', 'itions', 'ition', 'ments', 'ment', 'ings', 'ing', 'ies', 'ers', 'er', 'ed', 'es', 's', 'ize', 'ise', 'ive', 'ity', 'ion', 'ly', 'al']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "logged" → "logg" → "log", "stopped" → "stop".
  if (/([bcdfgklmnprstz])\1$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  return w;
});

/** A word of a name with its stem, worked out once per text: the checks compare every word with every other. */
interface Stemmed {
  word: string;
  stem: string;
}

const withStem = (word: string): Stemmed => ({ word, stem: stem(word) });

/** The words of a text (see nameWords), each with its stem (remembered). */
const stemmedWords = memo((text: string): readonly Stemmed[] => nameWords(text).map(withStem));

/**
 * Two words of one stem: the same crude stem ("logged" / "logs"), a long shared start ("creating" /
 * "creation", "detect" / "detective"; four letters will do when one word is short: "sync" / "synchronize"),
 * or one word inside a compound of the other ("location" in "geolocation", "install" in "preinstall").
 */
function related(a: Stemmed, b: Stemmed): boolean {
  if (a.stem === b.stem) return true;
  const [s, l] = a.word.length <= b.word.length ? [a, b] : [b, a];
  const short = s.word;
  const long = l.word;
  let n = 0;
  while (n < short.length && short[n] === long[n]) n++;
  if (n >= 5 || (n >= 4 && short.length <= 6 && n >= short.length - 2)) return true;
  const core = s.stem.length >= 4 ? s.stem : short;
  return core.length >= 4 && long.length >= core.length + 4 && long.includes(core);
}

/** Whether `text` uses one of `words` or its stem (see related). */
export function usesStemOf(text: string, words: readonly string[]): boolean {
  const inText = stemmedWords(text);
  return words.some((w) => {
    const sw = withStem(w);
    return inText.some((t) => related(t, sw));
  });
}

/**
 * The words of an answer a prompt must not share. Without wrong choices (a typed blank), only the words that
 * tell the answer from others of its kind count: not the kind the question asks for ("Which queue type …?" →
 * "FIFO queue"), not the service it is about ("Which IAM entity …?" → "IAM user"), and not the words of an API
 * name recalled whole ("ChangeMessageVisibility" for "makes a message visible again").
 */
function tellingWords(answer: string, alone: boolean): readonly Stemmed[] {
  const words = stemmedWords(answer);
  if (!alone) return words;
  if (/^[A-Za-z]+(?:[A-Z][a-z0-9]+)+$/.test(answer.trim())) return [];
  const acronyms = new Set((answer.match(/\b[A-Z][A-Z0-9]+\b/g) ?? []).map((a) => a.toLowerCase()));
  return (words.length >= 2 ? words.slice(0, -1) : words).filter((w) => !acronyms.has(w.word));
}

/**
 * Whether `prompt` shares a word or its stem with an answer and with none of the wrong choices (with no wrong
 * choices, with none at all): the answer is then picked by matching words, not by knowing.
 */
export function sharesStemWithAnswer(prompt: string, answers: string[], distractors: string[]): boolean {
  const promptWords = stemmedWords(prompt);
  const promptInitials = initials(prompt);
  if (promptWords.length === 0 && promptInitials.length === 0) return false;
  for (const answer of answers) {
    // A quantity's unit ("days") is shared by design.
    if (/^\W*[\d$]/.test(answer)) continue;
    for (const w of tellingWords(answer, distractors.length === 0)) {
      if (!promptWords.some((p) => related(p, w))) continue;
      if (distractors.some((d) => stemmedWords(d).some((x) => related(x, w)))) continue;
      return true;
    }
    // "evicts the least recently used among all keys" → allkeys-lru: a word of the name the prompt says in two.
    if (distractors.length > 0 && saysApart(prompt, answer, distractors)) return true;
    // "NEW_IMAGE" against "OLD_IMAGE": when a wrong choice shares every telling word of the answer, the common
    // word that sets the answer apart ("new") is telling after all (graded blind r59–r61: 9 of 11 bad).
    if (distractors.length > 0 && setApart(answer, distractors).some((w) => nameParts(prompt).some((p) => p.toLowerCase() === w))) return true;
    // "Apache ActiveMQ and RabbitMQ" → Amazon MQ: two-letter initials count only when written the same.
    if (distractors.length > 0 && initials(answer).some((w) => promptInitials.some((p) => p.word === w.word) && !distractors.some((d) => initials(d).some((x) => x.word === w.word)))) return true;
  }
  return false;
}

/** Whether a word of the answer no wrong choice has is two neighbouring words of the prompt run together ("all keys" → allkeys). */
function saysApart(prompt: string, answer: string, distractors: string[]): boolean {
  const theirs = new Set(distractors.flatMap((d) => nameParts(d).map((p) => p.toLowerCase())));
  const mine = nameParts(answer).map((p) => p.toLowerCase()).filter((p) => p.length >= 6 && !theirs.has(p));
  if (mine.length === 0) return false;
  const said = nameParts(prompt).map((p) => p.toLowerCase()).filter((p) => p !== '');
  const pairs = new Set(said.slice(1).map((w, i) => `${said[i]}${w}`));
  return mine.some((p) => pairs.has(p));
}

// Parts of an API name that say what kind of name it is, not which one.
const KIND_PARTS = new Set(['exception', 'error', 'id', 'arn', 'name', 'type']);

/**
 * Whether a prompt says half or more of the words a camel-case name is built of: "SQS › Delay Queue — … the
 * ____ parameter" for DelaySeconds, "Which STS call decodes an authorization message?" for
 * DecodeAuthorizationMessage. Typed, such a name is half written out (graded blind r7–r61, such cards were
 * bad 22 times in 47).
 */
export function spellsHalfOfName(prompt: string, answer: string): boolean {
  const a = answer.trim();
  if (!/^[A-Za-z]+(?:[A-Z][a-z0-9]+)+$/.test(a)) return false;
  const parts = nameParts(a).map((p) => p.toLowerCase()).filter((p) => p.length >= 3 && !KIND_PARTS.has(p));
  if (parts.length === 0) return false;
  const said = nameParts(prompt.replace('____', ' ')).map((p) => p.toLowerCase()).filter((p) => p.length >= 3);
  const shared = parts.filter((p) => said.some((w) => stem(w) === stem(p) || (w.length >= 5 && p.length >= 5 && w.slice(0, 5) === p.slice(0, 5))));
  // A two-word name is half said by its last word alone ("reads" for ConsistentRead), which names only what
  // kind of thing it is: its first word must be said.
  return shared.length * 2 >= parts.length && (parts.length >= 3 || shared.includes(parts[0]!));
}

// Common words that can be all that tells two names apart ("NEW_IMAGE" / "OLD_IMAGE", "One Zone-IA" / "Standard-IA").
const SETS_APART = new Set(['new', 'one', 'all', 'more', 'less']);

/** The common words (SETS_APART) of an answer no wrong choice has, when the wrong choices share all its other words. */
function setApart(answer: string, distractors: string[]): string[] {
  // Most answers hold no such word: that is checked first, since every choice question asks.
  const common = nameParts(answer).map((p) => p.toLowerCase()).filter((w) => SETS_APART.has(w));
  if (common.length === 0) return [];
  if (!stemmedWords(answer).every((w) => distractors.some((d) => stemmedWords(d).some((x) => related(x, w))))) return [];
  const theirs = new Set(distractors.flatMap((d) => nameParts(d).map((p) => p.toLowerCase())));
  return common.filter((w) => !theirs.has(w));
}

// Words of full names that say nothing of what a service does ("Amazon Elastic … Service").
const NAME_FILLER = new Set(['elastic', 'simple', 'managed', 'web', 'manager', 'management', 'compute', 'database']);

/**
 * Whether a statement uses a word of the answer's full name that no wrong answer's full name has: "messages
 * from a queue" for Simple Queue Service, "Kubernetes clusters" for EKS, "convert the schema" for the Schema
 * Conversion Tool. The short name hides what the long one spells out.
 */
export function spellsFullName(statement: string, fullName: string, others: readonly string[]): boolean {
  const telling = nameWords(fullName).filter((w) => !NAME_FILLER.has(w));
  if (telling.length === 0) return false;
  const inText = stemmedWords(statement);
  const otherWords = others.flatMap((o) => stemmedWords(o));
  return telling.some((w) => {
    const sw = withStem(w);
    return inText.some((t) => related(t, sw)) && !otherWords.some((o) => related(o, sw));
  });
}

/**
 * Whether a statement says every word of a full name of two words or more, filler included: "migrate databases"
 * is Database Migration Service whatever else migrates ("Migration Hub" shares one word, not both).
 */
export function spellsWholeName(statement: string, fullName: string): boolean {
  const words = nameWords(fullName);
  if (words.length < 2) return false;
  return words.every((w) => usesStemOf(statement, [w]));
}

/**
 * Whether a statement writes a name's initials as a word: "CF" or "CFN" for CloudFormation, "SSM" is no such
 * case for Systems Manager (its initials are "SM"), "ASG" for Auto Scaling Group.
 */
export function saysInitials(statement: string, names: readonly string[]): boolean {
  const tokens = new Set(statement.split(/[^A-Za-z]+/).filter((t) => t.length >= 2 && t === t.toUpperCase()));
  return names.some((n) => {
    const initials = splitCamel(n.replace(/\b(?:Amazon|AWS)\s+/g, ''))
      .split(/[^A-Za-z]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase())
      .join('');
    return initials.length >= 2 && (tokens.has(initials) || tokens.has(`${initials}N`));
  });
}
