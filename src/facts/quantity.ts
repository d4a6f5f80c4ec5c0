/**
 * Quantities as notes write them ("256KB", "12 hours", "$0.40 per million", "10K rps", "1 to 20 seconds"),
 * reduced to a dimension and a value in that dimension's base unit, so that "900 seconds" equals
 * "15 minutes" and "10 GB" equals "10,240 MB". Byte units are read as binary whatever they are called:
 * AWS documentation and notes alike write KB for 1024 bytes.
 */

export type Dimension = 'bytes' | 'seconds' | 'percent' | 'usd' | 'bytes/s' | 'bits/s' | 'count' | 'per-second';

export interface Quantity {
  value: number;
  dimension: Dimension;
  /** For counts: the singular noun counted ("message", "replica"), '' when the number stands alone. */
  noun: string;
  /** The text as written ("256KB"). */
  text: string;
  start: number;
  end: number;
  /**
   * "512M", "64K": a count scaled by a letter glued to it, which is a byte size when it measures bytes
   * ("/tmp: 512M", "128M to 3G"): the number as written, before the scale, and the letter.
   */
  letter?: { number: number; scale: 'k' | 'm' };
}

export interface Mention {
  /** One quantity, or the two ends of a range ("128 MB to 10 GB", "0-12 hours"). */
  low: Quantity;
  high: Quantity | null;
}

const BYTES: Record<string, number> = {
  b: 1, byte: 1, bytes: 1,
  kb: 2 ** 10, kib: 2 ** 10, kilobyte: 2 ** 10, kilobytes: 2 ** 10,
  mb: 2 ** 20, mib: 2 ** 20, megabyte: 2 ** 20, megabytes: 2 ** 20,
  gb: 2 ** 30, gib: 2 ** 30, gigabyte: 2 ** 30, gigabytes: 2 ** 30,
  tb: 2 ** 40, tib: 2 ** 40, terabyte: 2 ** 40, terabytes: 2 ** 40,
  pb: 2 ** 50, pib: 2 ** 50, petabyte: 2 ** 50, petabytes: 2 ** 50,
};
const DAY = 86400;
const SECONDS: Record<string, number> = {
  ms: 0.001, millisecond: 0.001, milliseconds: 0.001,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  day: DAY, days: DAY,
  week: 7 * DAY, weeks: 7 * DAY,
  month: 30.4375 * DAY, months: 30.4375 * DAY,
  yr: 365 * DAY, yrs: 365 * DAY, year: 365 * DAY, years: 365 * DAY,
};
const RATE_BYTES: Record<string, number> = { 'kb/s': 2 ** 10, 'mb/s': 2 ** 20, 'mib/s': 2 ** 20, 'gb/s': 2 ** 30, 'gib/s': 2 ** 30 };
const BITS: Record<string, number> = { kbps: 1e3, mbps: 1e6, gbps: 1e9 };
const PER_SECOND = new Set(['rps', 'tps', 'qps', 'iops']);

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:\.\d{3})+(?![\d.])|\d+(?:\.\d+)?`;
const UNIT_WORDS = [...Object.keys(BYTES), ...Object.keys(SECONDS), ...Object.keys(RATE_BYTES), ...Object.keys(BITS), ...PER_SECOND].sort((a, b) => b.length - a.length);
const UNIT = `(?:${UNIT_WORDS.map((u) => u.replace('/', '\\/')).join('|')})(?![\\p{L}\\d])`;
// A "G" or "T" glued to a number is a byte size ("3G", "1T"): notes write memory and disks so, never counts.
const SCALE = String.raw`(?:\s?(?:million|billion|thousand)|[kKMGT](?![\p{L}\d]))`;
/** A number with an optional scale and unit, or a dollar amount. */
const QUANTITY = new RegExp(String.raw`(?<![\p{L}\d.,/:#$]|(?<!\d)-)(\$\s?)?(${NUMBER})(${SCALE})?(?:\s?(%)|\s?(${UNIT}))?`, 'giu');
const RANGE_JOIN = /^\s*(?:-|–|—|to|through|->|→|~)\s*$/i;
// Words after a number that are not what it counts ("1 to 20", "5 or more").
const NOT_NOUNS = new Set(['to', 'and', 'or', 'of', 'the', 'in', 'on', 'for', 'with', 'by', 'is', 'are', 'at', 'from', 'as', 'if', 'than', 'per', 'x', 'times', 'more', 'less', 'through', 'but', 'so', 'a', 'an']);
// "60 added instances", "60 more instances", "2 additional replicas": a word that only says the count is on top
// counts the next noun ("5 more than" counts nothing). "three supported types", "two different kinds": a word
// that only qualifies the count does too.
const COUNT_NOUN = /^\s*(?:(?:added|additional|more|extra|new|different|distinct|supported|main)\s+)?([\p{L}][\p{L}-]{1,30})/u;
// "Three types of load balancers", "five read replicas": a count written as a word, which counts only with its noun.
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const NUMBER_WORD_LIST = Object.keys(NUMBER_WORDS).join('|');

/** The value of a count written as a word ("eleven" → 11), or undefined for any other word. */
export function numberWordValue(word: string): number | undefined {
  return NUMBER_WORDS[word.toLowerCase()];
}
const NUMBER_WORD = new RegExp(`(?<![\\p{L}\\d-])(${NUMBER_WORD_LIST})(?![\\p{L}\\d-])`, 'giu');
// A cheap test first: most lines hold none of these letters in a row.
const NUMBER_WORD_HINT = new RegExp(NUMBER_WORD_LIST, 'i');
// Capitalised words a number may follow in a sentence ("Max 10 containers"), as opposed to names ("Route 53").
const QUALIFIER_WORDS = new Set(['max', 'maximum', 'min', 'minimum', 'up', 'upto', 'over', 'about', 'around', 'approx', 'approximately', 'default', 'limit', 'only', 'just', 'first', 'last', 'each', 'every', 'all', 'top', 'under', 'below', 'above', 'less', 'more', 'than', 'at', 'to', 'by', 'in', 'of', 'for', 'with', 'and', 'or', 'the', 'a', 'an', 'is', 'are', 'can', 'has', 'have', 'supports', 'allows', 'stores', 'keeps', 'holds', 'create', 'creates', 'add', 'adds', 'use', 'uses', 'set', 'sets', 'scale', 'scales', 'store', 'run', 'runs', 'from', 'between', 'within', 'after', 'before', 'takes', 'lasts', 'costs', 'nearly', 'almost', 'roughly', 'exactly', 'total', 'overall', 'initially', 'starts', 'start', 'begins', 'retains', 'retention', 'timeout', 'size', 'capacity', 'duration', 'memory', 'storage', 'ttl']);
// Per how many a price is ("$0.40 per million requests", "$0.20 per 1M").
const PRICE_PER = /^\s*(?:per|\/|for every|for each)\s*(?:1\s*)?(million|m(?![\p{L}])|billion|thousand|k(?![\p{L}]))?/iu;

/** Whether `text` may hold a quantity at all (a digit, or a count written as a word): a cheap test before `mentions`. */
export function mayCount(text: string): boolean {
  return /\d/.test(text) || NUMBER_WORD_HINT.test(text);
}

/** Every quantity in `text`, left to right; ranges are joined into one mention. */
export function mentions(text: string): Mention[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const q = toQuantity(m, text);
    if (q) found.push(q);
  }
  if (NUMBER_WORD_HINT.test(text)) {
    for (const m of text.matchAll(NUMBER_WORD)) {
      const noun = COUNT_NOUN.exec(text.slice(m.index! + m[0].length));
      if (!noun || NOT_NOUNS.has(noun[1]!.toLowerCase())) continue;
      found.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, value: NUMBER_WORDS[m[1]!.toLowerCase()]!, dimension: 'count', noun: singular(noun[1]!.toLowerCase()) });
    }
    found.sort((a, b) => a.start - b.start);
  }
  const out: Mention[] = [];
  for (let i = 0; i < found.length; i++) {
    const low = found[i]!;
    const next = found[i + 1];
    if (next) {
      const gap = text.slice(low.end, next.start);
      const between = /\bbetween\s*$/i.test(text.slice(Math.max(0, low.start - 10), low.start));
      const joined = (RANGE_JOIN.test(gap) || (between && /^\s*and\s*$/i.test(gap))) && joinRange(low, next);
      if (joined) {
        out.push(joined);
        i++;
        continue;
      }
    }
    out.push({ low, high: null });
  }
  return out;
}

/** "1 to 20 seconds": the first end takes the second's unit when it has none ("128M to 3G": a byte size). */
function joinRange(low: Quantity, high: Quantity): Mention | null {
  const bytes = high.dimension === 'bytes' ? inBytes(low) : low;
  if (bytes !== low) return { low: bytes, high };
  if (low.dimension === 'count' && low.noun === '' && high.dimension !== 'count') {
    const unit = high.value / Number(high.text.match(/[\d.,]+/)![0].replace(/,/g, ''));
    return { low: { ...low, value: low.value * (Number.isFinite(unit) ? unit : 1), dimension: high.dimension, noun: high.noun }, high };
  }
  if (low.dimension !== high.dimension) return null;
  return { low, high };
}

function toQuantity(m: RegExpMatchArray, text: string): Quantity | null {
  const [whole, dollar, num, scale, percent, unit] = m;
  const start = m.index!;
  const end = start + whole!.length;
  // A version, an IP address, a date, a port range or a CIDR: numbers, but not quantities.
  if (/^[.:/]\d/.test(text.slice(end)) || /^\d/.test(text.slice(end))) return null;
  // "10.000 rps": a dot between groups of three is a thousands separator in many locales.
  let value = Number(/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(num!) ? num!.replace(/\./g, '') : num!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const sc = (scale ?? '').trim().toLowerCase();
  if ((sc === 'g' || sc === 't') && !dollar && !percent && !unit) return { text: whole!.trim(), start, end, value: value * BYTES[`${sc}b`]!, dimension: 'bytes', noun: '' };
  const letter = (sc === 'k' || sc === 'm') && !dollar && !percent && !unit ? { number: value, scale: sc as 'k' | 'm' } : undefined;
  value *= sc === 'k' || sc === 'thousand' ? 1e3 : sc === 'm' || sc === 'million' ? 1e6 : sc === 'billion' ? 1e9 : 1;
  const base = { text: whole!.trim(), start, end };
  if (dollar) {
    // A price is kept per single unit: "$0.40 per million" is 0.0000004 a request.
    const per = PRICE_PER.exec(text.slice(end));
    const n = (per?.[1] ?? '').toLowerCase();
    const each = n === 'million' || n === 'm' ? 1e6 : n === 'billion' ? 1e9 : n === 'thousand' || n === 'k' ? 1e3 : 1;
    return { ...base, value: value / each, dimension: 'usd', noun: '' };
  }
  if (percent) return { ...base, value, dimension: 'percent', noun: '' };
  const u = (unit ?? '').toLowerCase();
  if (u in BYTES) return { ...base, value: value * BYTES[u]!, dimension: 'bytes', noun: '' };
  if (u in SECONDS) return { ...base, value: value * SECONDS[u]!, dimension: 'seconds', noun: '' };
  if (u in BITS) return { ...base, value: value * BITS[u]!, dimension: 'bits/s', noun: '' };
  if (u in RATE_BYTES) return { ...base, value: value * RATE_BYTES[u]!, dimension: 'bytes/s', noun: '' };
  if (PER_SECOND.has(u)) return { ...base, value, dimension: 'per-second', noun: u === 'iops' ? 'iops' : '' };
  // A count: the noun after it, singular ("10 messages" → message); "per second" after the noun makes it a rate.
  const after = text.slice(end);
  const noun = COUNT_NOUN.exec(after);
  const word = noun && !NOT_NOUNS.has(noun[1]!.toLowerCase()) ? singular(noun[1]!.toLowerCase()) : '';
  const rest = noun ? after.slice(noun[0].length) : after;
  if (/^\s*(?:\/\s?s(?:ec(?:ond)?)?\b|per\s+sec(?:ond)?\b|a\s+second\b)/i.test(rest) || /^\s*(?:\/\s?s(?:ec(?:ond)?)?\b|per\s+sec(?:ond)?\b)/i.test(after)) {
    return { ...base, value, dimension: 'per-second', noun: word };
  }
  // "Route 53", "Windows 10": a bare number right after a capitalised word is part of a name.
  const name = /(?:^|\s)(\p{Lu}[\p{L}]*)\s$/u.exec(text.slice(Math.max(0, start - 20), start));
  if (name && !QUALIFIER_WORDS.has(name[1]!.toLowerCase()) && !scale) return null;
  // A year standing alone ("since 2019") is a date.
  if (word === '' && /^(19|20)\d\d$/.test(num!) && !scale) return null;
  return { ...base, value, dimension: 'count', noun: word, ...(letter && word === '' ? { letter } : {}) };
}

/** A count written "512M" or "64K" read as the byte size it is where bytes are measured; any other quantity as it is. */
export function inBytes(q: Quantity): Quantity {
  if (q.dimension !== 'count' || q.noun !== '' || q.letter === undefined) return q;
  return { ...q, value: q.letter.number * BYTES[`${q.letter.scale}b`]!, dimension: 'bytes', letter: undefined };
}

/** A word's singular ("replicas" → "replica", "queries" → "query"), enough for the nouns facts count. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us)$/.test(word)) return word;
  if (/(xes|ches|shes|sses)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A quantity written in a facts file ("1 MiB", "12 hours", "10 messages"): the first mention's first end. */
export function parseQuantity(text: string): Quantity {
  const m = mentions(text)[0];
  if (!m || m.high) throw new RangeError(`not a single quantity: "${text}"`);
  return m.low;
}

/** Whether two quantities are the same amount (1% apart at most: units written loosely, months and years). */
export function sameAmount(a: Quantity, b: Quantity): boolean {
  if (a.dimension !== b.dimension) return false;
  if (a.value === b.value) return true;
  const tolerance = a.dimension === 'seconds' && Math.max(a.value, b.value) >= 28 * DAY ? 0.025 : 0.01;
  const near = (x: number, y: number) => Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
  if (near(a.value, b.value)) return true;
  // Bytes are read as binary, but "5 TB (5000 GB)" counts in thousands: each step of 1,000 between the two
  // units is 1,024 read so. Only units written without "i" (KiB and GiB say they are binary).
  if (a.dimension === 'bytes') {
    const steps = byteStep(a.text) - byteStep(b.text);
    if (Number.isFinite(steps) && steps !== 0) return near(a.value, b.value * 1.024 ** steps);
  }
  return false;
}

/** How many steps of 1,000 a byte unit written without "i" is above a byte: KB 1, MB 2 … (NaN for "GiB" and words). */
function byteStep(text: string): number {
  // "3G" and "512M" are written without "i" too.
  const unit = /([kmgtp])b\b/i.exec(text)?.[1] ?? /\d([kmgt])$/i.exec(text)?.[1];
  return unit === undefined ? (/\d\s?b(ytes?)?\b/i.test(text) ? 0 : NaN) : 'bkmgtp'.indexOf(unit.toLowerCase());
}
