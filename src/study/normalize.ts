/**
 * The comparable form of a typed answer: what is left once case, accents, punctuation, spacing, articles,
 * plural endings and unit spellings stop mattering, with the numbers and units kept aside so that a
 * forgiven typo can never change a quantity.
 */

/** A typed answer reduced to what is compared. */
export interface NormalizedAnswer {
  /** Word stems, articles dropped, numbers and units in one spelling. */
  tokens: string[];
  /** The tokens run together, so "read-only", "read only" and "readonly" compare equal ('' when nothing is left). */
  compact: string;
  /**
   * Spellings to compare, pairwise with another answer's: the stemmed tokens joined (plurals inside a phrase),
   * the unstemmed tokens joined and stemmed as one word (so a space added inside a word costs nothing), and
   * the unstemmed tokens joined (a typo in a plural ending must not count twice).
   */
  forms: [string, string, string];
  /** Every number (and the unit after it) in order: these must match exactly. */
  quantities: string[];
}

const UNITS: Record<string, string> = {};
for (const [unit, spellings] of Object.entries({
  ms: ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds'],
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  min: ['min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  d: ['d', 'day', 'days'],
  w: ['wk', 'wks', 'week', 'weeks'],
  mo: ['mo', 'month', 'months'],
  y: ['yr', 'yrs', 'year', 'years'],
  b: ['b', 'byte', 'bytes'],
  kb: ['kb', 'kilobyte', 'kilobytes'],
  mb: ['mb', 'megabyte', 'megabytes'],
  gb: ['gb', 'gigabyte', 'gigabytes'],
  tb: ['tb', 'terabyte', 'terabytes'],
  kib: ['kib'],
  mib: ['mib'],
  gib: ['gib'],
  tib: ['tib'],
  '%': ['percent', 'pct'],
})) {
  for (const s of spellings) UNITS[s] = unit;
}

const ARTICLES = new Set(['a', 'an', 'the']);
const NUMBER = /^\d+(?:\.\d+)?$/;

const SMALL: Record<string, number> = {};
['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].forEach(
  (w, i) => (SMALL[w] = i),
);
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const isNumberWord = (t: string) => t in SMALL || t in TENS || t in SCALES;

/**
 * Number words read as digits, so "one hour" is "1 hour" and "twenty-four" is "24": each maximal run of
 * number words (with "and" inside a run, as in "one hundred and twenty") becomes one number. A run that does
 * not read as one number ("one two") is left as words.
 */
function numberWordsAsDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!isNumberWord(tokens[i]!) || tokens[i]! in SCALES) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    let j = i;
    const run: string[] = [];
    while (j < tokens.length && (isNumberWord(tokens[j]!) || (tokens[j] === 'and' && run.length > 0 && isNumberWord(tokens[j + 1] ?? '') && !(tokens[j + 1]! in SCALES)))) {
      if (tokens[j] !== 'and') run.push(tokens[j]!);
      j++;
    }
    const value = numberOf(run);
    if (value === null) out.push(...tokens.slice(i, j));
    else out.push(String(value));
    i = j;
  }
  return out;
}

/** The value of number words in their usual order ("three hundred forty five"), or null when they are not one number. */
function numberOf(words: readonly string[]): number | null {
  let total = 0;
  let group = 0;
  // What may come next: a units word may follow a tens word once, a scale ends a group.
  let last: 'none' | 'small' | 'tens' | 'scale' = 'none';
  for (const w of words) {
    if (w in SMALL) {
      if (last === 'small' || (last === 'tens' && SMALL[w]! >= 10) || (last === 'tens' && SMALL[w] === 0)) return null;
      group += SMALL[w]!;
      last = 'small';
    } else if (w in TENS) {
      if (last === 'small' || last === 'tens') return null;
      group += TENS[w]!;
      last = 'tens';
    } else {
      const scale = SCALES[w]!;
      if (last === 'none' || last === 'scale') return null;
      if (scale === 100) group *= 100;
      else {
        total += group * scale;
        group = 0;
      }
      last = 'scale';
    }
  }
  return total + group;
}

/** Reduces a typed answer (or an expected one) to its comparable form. */
export function normalizeTyped(text: string): NormalizedAnswer {
  const spaced = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/%/g, ' percent ')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    // A dot survives only as a decimal point; everything else that is not a letter or digit separates words.
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/(\d)(\p{L})/gu, '$1 $2');
  // "Resource-based policy" is said "resource policy" as often: "based" after a word is left out.
  const raw = numberWordsAsDigits(spaced.split(' ').filter((t) => t !== '')).filter((t, i, all) => t !== 'based' || i === 0 || !/^\p{L}/u.test(all[i - 1]!));

  const tokens: string[] = [];
  const quantities: string[] = [];
  for (const [i, t] of raw.entries()) {
    const afterNumber = i > 0 && NUMBER.test(raw[i - 1]!);
    const unit = afterNumber ? UNITS[t] : undefined;
    if (unit !== undefined) {
      tokens.push(unit);
      quantities.push(unit);
    } else if (NUMBER.test(t)) {
      tokens.push(canonicalNumber(t));
      quantities.push(canonicalNumber(t));
    } else {
      tokens.push(t);
      // Digits inside words (EC2, t3, Route 53) are quantities too: "t2" must not pass for "t3".
      for (const n of t.match(/\d+(?:\.\d+)?/g) ?? []) quantities.push(canonicalNumber(n));
    }
  }

  const withoutArticles = tokens.filter((t) => !ARTICLES.has(t));
  // An answer that is only an article-like letter ("A" record) keeps it.
  const words = withoutArticles.length > 0 ? withoutArticles : tokens;
  const stemmed = words.map(stem);
  const joined = words.join('');
  const compact = stemmed.join('');
  return { tokens: stemmed, compact, forms: [compact, stem(joined), joined], quantities };
}

function canonicalNumber(n: string): string {
  const int = n.replace(/^0+(?=\d)/, '');
  return int.includes('.') ? int.replace(/0+$/, '').replace(/\.$/, '') : int;
}

/**
 * A crude singular stem. It need not be a word, only the same for "policy"/"policies", "queue"/"queues",
 * "box"/"boxes", "cache"/"caches": dropping a final "e" after the plural "s" makes the -s and -es plurals
 * meet. Short tokens are left alone because they are mostly acronyms (SQS, AWS, IAM).
 */
function stem(token: string): string {
  if (token.length <= 3 || !/^\p{L}+$/u.test(token)) return token;
  let t = token;
  if (t.endsWith('ies') && t.length > 4) t = `${t.slice(0, -3)}y`;
  else if (t.endsWith('s') && !/(ss|us|is)$/.test(t)) t = t.slice(0, -1);
  if (t.endsWith('e') && t.length > 3) t = t.slice(0, -1);
  return t;
}
