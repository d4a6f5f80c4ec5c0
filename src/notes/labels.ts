/**
 * Headings and labels: a question's topic, and the labels that organise a note rather than name anything
 * ("Overview", "Key metrics for EC2"), which are never answers (the breadcrumb itself is subjects.ts's).
 */
import { memo, normalize } from './text.js';

/** The heading path as a topic name. */
export function topicOf(path: string[]): string {
  return path.filter((p) => p !== '').join(' › ');
}

// Words of headings that organise any note ("Overview", "Core features", "How it works", "Use cases"),
// as opposed to naming what the note is about.
const GENERIC_HEADING_WORDS = new Set(
  ('overview introduction intro basics basic summary notes note general misc miscellaneous other others core key main ' +
    'concept concepts terminology term terms component components feature features benefit benefits advantage advantages ' +
    'disadvantage disadvantages pros cons limit limits limitation limitations pricing price cost costs use case cases ' +
    'example examples detail details fact facts tip tips important info information how it works work what is are why ' +
    'when to know remember things thing best practice practices common exam question questions integration integrations ' +
    'architecture performance security monitoring configuration settings setup options option types type and of the a an ' +
    'error errors ' +
    'implementation consideration considerations effective patterns pattern anti ' +
    // Qualities a section can be about, not things a statement can describe.
    'high availability durability reliability scalability logging audit auditing compliance governance troubleshooting metric metrics ' +
    'storage networking')
    .split(' '),
);
const LONG_GENERIC_WORDS = [...GENERIC_HEADING_WORDS].filter((w) => w.length >= 7);

/**
 * A label of a part of the note rather than a name: an organising heading, alone, narrowed ("Key metrics
 * for EC2") or joined to something else ("High Availability and Read Scaling"; "S3 Select & Glacier
 * Select" joins two names and is one).
 */
export const isSectionLabel = memo((name: string): boolean => {
  const generic = (part: string) => isGenericHeading(part) || isGenericHeading(part.replace(/\s+(for|of|in|on|with)\s.*$/i, ''));
  return generic(name) || name.split(/\s+(?:and|&)\s+/i).some((part) => part !== name && generic(part));
});

/** A heading made only of words that organise any note, naming no subject of its own. */
export const isGenericHeading = memo((heading: string): boolean => {
  const words = normalize(heading).split(' ').filter((w) => w !== '');
  return words.length > 0 && words.every(isGenericWord);
});

// Notes are typed fast: "Perfomance" and "Considerations" are the same heading.
function isGenericWord(word: string): boolean {
  if (GENERIC_HEADING_WORDS.has(word) || GENERIC_HEADING_WORDS.has(word.replace(/s$/, ''))) return true;
  return word.length >= 7 && LONG_GENERIC_WORDS.some((g) => oneEditApart(word, g));
}

/** Whether two words differ by one letter added, dropped, changed, or two neighbours swapped. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
