import type { NumericFact } from './facts.js';
import { stableOrder } from './ids.js';
import { normalize } from './text.js';
import { unitKey } from './extract/numbers.js';

interface PooledNumber {
  value: number;
  answer: string;
  log: number;
}

/** The note's numbers by unit and written form, each value once (with its alphabetically first answer). */
export type NumberPool = Map<string, PooledNumber[]>;

/**
 * Percentages, money and plain numbers are wrong answers only for their own kind, within one unit, and a
 * number written with its unit only for one written so too: "10" offered next to "1 second" and "2 seconds"
 * (a range's end that took its unit from the other end) is no choice of the same kind (R3).
 */
const poolKey = (unit: string, answer: string) => `${unit}\u0000${answer.includes('%')}\u0000${answer.startsWith('$')}\u0000${BARE.test(answer)}`;
const BARE = /^[\d.,\s]+$/;
/** The pool a numeric fact's wrong answers come from (its unit and written form). */
export const poolKeyOf = (fact: NumericFact): string => poolKey(fact.unit, fact.answer);
const logOf = (v: number) => Math.log10(Math.max(v, 1e-9));

/**
 * Groups a note's numbers once, so each number's wrong answers are found among its own unit's values only:
 * a note with thousands of numbers must not compare every pair (that made a 1 MB note take minutes).
 */
export function numberPool(facts: NumericFact[]): NumberPool {
  const byKey = new Map<string, Map<number, string>>();
  for (const f of facts) {
    const key = poolKey(f.unit, f.answer);
    let values = byKey.get(key);
    if (!values) byKey.set(key, (values = new Map()));
    const had = values.get(f.value);
    if (had === undefined || f.answer.localeCompare(had) < 0) values.set(f.value, f.answer);
  }
  const pool: NumberPool = new Map();
  for (const [key, values] of byKey) pool.set(key, [...values].map(([value, answer]) => ({ value, answer, log: logOf(value) })));
  return pool;
}

/** The limits sibling lines set on a measure: "Minimum secret recovery window: 7 days", "Max: 14 days". */
export type NoteLimits = ReadonlyMap<string, { atLeast?: number; atMost?: number }>;

// "Maximum secret recovery window: ", "Min: ", "Default retention = ": a limit or a default, named by its label.
const LIMIT_LABEL = /^\W*(max(?:imum)?|min(?:imum)?|default)\b\.?\s*(.*?)\s*[:=]\s*$/i;

/** The measure a limit or default label names, with where it is filed and its unit (null for any other blank). */
function limitKey(fact: NumericFact): { kind: 'max' | 'min' | 'default'; key: string } | null {
  const m = LIMIT_LABEL.exec(fact.before);
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const kind = word.startsWith('max') ? 'max' : word.startsWith('min') ? 'min' : 'default';
  return { kind, key: [...fact.path, ...fact.context, normalize(m[2]!), fact.unit].join('\u0000') };
}

/** The maximum and minimum a note's lines give each measure, to keep the wrong values of its default inside them. */
export function noteLimits(facts: NumericFact[]): NoteLimits {
  const out = new Map<string, { atLeast?: number; atMost?: number }>();
  for (const f of facts) {
    const k = limitKey(f);
    if (!k || k.kind === 'default') continue;
    const had = out.get(k.key) ?? {};
    out.set(k.key, k.kind === 'max' ? { ...had, atMost: f.value } : { ...had, atLeast: f.value });
  }
  return out;
}

/**
 * Wrong answers for a number: the same unit's other values in the notes first (closest in size, and no more
 * than 30 times apart), then the values that measure usually takes (1- and 3-year terms, 7/14/30/90 days,
 * powers of two for sizes, the nines of availability), nearest first; every one inside the bounds the
 * statement itself sets ("between ____ and 400" is below 400; "from 1 to ____" is above 1).
 */
export function numericDistractors(fact: NumericFact, pool: NumberPool, seed: string, want = 3, limits: NoteLimits = new Map()): string[] {
  const taken = new Set<number>([fact.value]);
  // Other numbers in the same statement may be true too ("1 to 14 days, default 4"): never offer them.
  // (A standard's own number is no value of the line: "FIPS 140-2" leaves level 2 free.)
  for (const m of fact.sourceText.replace(/\bFIPS\s*140-[23]\b/gi, ' ').matchAll(/\d+(?:\.\d+)?/g)) taken.add(Number(m[0]));
  // "Add port ____", "____ tcp", "allow incoming port ____ (HTTPS)", "HTTPS on ____ port": a well-known port is
  // weighed against the ports everyone meets (SSH, HTTP, HTTPS, RDP…), not against 64 or 128.
  // Under "Ports to know" the line need not say "port" ("____ secured website" → 443; 400 and 500 fooled no one).
  const underPorts = [...fact.path, ...fact.context].some((p) => /\bports?\b/i.test(p));
  if (WELL_KNOWN_PORTS.has(fact.value) && BARE.test(fact.answer.trim()) && (underPorts || /\bports?\s*(?:number\s*)?[:=]?\s*$/i.test(fact.before) || /^\s*(?:\/\s*)?(?:tcp|udp|ports?)\b/i.test(fact.after))) {
    return stableOrder(COMMON_PORTS.filter((x) => !taken.has(x)).slice(0, want), seed, String).map(String);
  }
  const closed = closedSet(fact);
  if (closed) return nearestInSet(fact.value, closed, taken, seed, want).map((v) => withValue(fact.answer, v));
  const { below, above } = boundsOf(fact);
  // "Default secret recovery window: ____" under "Minimum …: 7 days" and "Maximum …: 30 days": no wrong value
  // outside what the note allows (90 and 365 days convinced no one, R3; graded blind r70).
  const k = limitKey(fact);
  const limit = k ? limits.get(k.key) : undefined;
  // A maximum's own wrong values may go past it, a minimum's below it: each is held only by the other end.
  const allowed = (v: number) => limit === undefined || ((k!.kind === 'max' || limit.atMost === undefined || v <= limit.atMost) && (k!.kind === 'min' || limit.atLeast === undefined || v >= limit.atLeast));
  // 100 % is "all of it": as a wrong choice it fools no one ("less than 100 %"); a share above it ("200 % of
  // the cost") is weighed against other shares above it.
  const share = fact.answer.includes('%');
  // "99.99 %" availability is weighed against high shares (other nines, 95 %), never against the note's "20 %"
  // discount (R3), and a "20 %" share never against a "99.9 %".
  const nines = share && isNines(fact.value);
  // "5x faster", "4x higher": a multiple of a comparison is more than once ("1x faster" fools no one).
  const multiple = fact.unit.toLowerCase() === 'x' && fact.value > 1;
  // "1.2 TiB" beside "1.17 TiB", "65,536" beside "64,000": within 5 % of the answer is the same amount to anyone
  // (R2); a share's nines are not ("99.99 %" and "99.999 %" differ tenfold in downtime).
  const distinct = (v: number) => share || Math.abs(v - fact.value) > 0.05 * fact.value;
  // "a base I/O size of 16 KB", "64 MB blocks": a size that is a power of two is weighed against powers of two
  // ("10 KB" and "50 KB" beside it convince no one, R3).
  const binarySize = SIZE_UNIT.test(fact.unit) && isPowerOfTwo(fact.value) && fact.value >= 4;
  const inside = (v: number) => v > 0 && distinct(v) && allowed(v) && (!binarySize || isPowerOfTwo(v)) && (!multiple || v > 1) && (below === undefined || v < below) && (above === undefined || v > above) && (!share || ((fact.value > 100 ? v > 100 : v < 100) && (nines ? v >= 90 : !isNines(v))));
  const out: string[] = [];
  const log = logOf(fact.value);
  const near = closest((pool.get(poolKey(fact.unit, fact.answer)) ?? []).filter((p) => inside(p.value) && Math.abs(p.log - log) <= 1.5), log, taken, want);
  // Written the answer's way: "30 sec" beside "20 seconds" singles out the one choice spelled otherwise.
  for (const p of near) {
    taken.add(p.value);
    out.push(withValue(fact.answer, p.value));
  }
  for (const v of usualValues(fact.value, fact.unit, fact.answer, seed)) {
    if (out.length >= want) break;
    if (taken.has(v) || !inside(v)) continue;
    taken.add(v);
    out.push(withValue(fact.answer, v));
  }
  return out;
}

// Each unit's values sorted by magnitude once: a note with 100 000 numbers of one unit asked every one of
// them for the nearest three of all the others (issue #17).
const byMagnitude = new WeakMap<PooledNumber[], PooledNumber[]>();

/** The `want` values nearest in order of magnitude to `log` (ties: alphabetical answer), leaving out `taken`. */
function closest(candidates: PooledNumber[], log: number, taken: Set<number>, want: number): PooledNumber[] {
  if (candidates.length <= 64) return closestOf(candidates, log, taken, want);
  let sorted = byMagnitude.get(candidates);
  if (!sorted) byMagnitude.set(candidates, (sorted = [...candidates].sort((a, b) => a.log - b.log)));
  // Out from where `log` would go: every value nearer than the `want`-th found, and all tied with it.
  let hi = 0;
  for (let step = sorted.length; step > 0; step >>= 1) while (hi + step <= sorted.length && sorted[hi + step - 1]!.log < log) hi += step;
  let lo = hi - 1;
  const near: PooledNumber[] = [];
  let kept = 0;
  let edge = Infinity;
  for (;;) {
    const left = lo >= 0 ? log - sorted[lo]!.log : Infinity;
    const right = hi < sorted.length ? sorted[hi]!.log - log : Infinity;
    const d = Math.min(left, right);
    if (d === Infinity || d > edge) break;
    const p = left <= right ? sorted[lo--]! : sorted[hi++]!;
    near.push(p);
    if (!taken.has(p.value) && ++kept === want) edge = d;
  }
  return closestOf(near, log, taken, want);
}

function closestOf(candidates: PooledNumber[], log: number, taken: Set<number>, want: number): PooledNumber[] {
  const best: Array<{ distance: number; p: PooledNumber }> = [];
  for (const p of candidates) {
    if (taken.has(p.value)) continue;
    const distance = Math.abs(p.log - log);
    let at = best.length;
    while (at > 0 && (best[at - 1]!.distance > distance || (best[at - 1]!.distance === distance && best[at - 1]!.p.answer.localeCompare(p.answer) > 0))) at--;
    if (at >= want) continue;
    best.splice(at, 0, { distance, p });
    if (best.length > want) best.pop();
  }
  return best.map((b) => b.p);
}

/** The bounds a statement puts on its blank: the other end of a range it is part of. */
function boundsOf(fact: NumericFact): { below?: number; above?: number } {
  const after = /^\s*(?:[a-zA-Z%/]+\s*)?(?:-|–|—|to|and|through)\s*\$?(\d[\d,]*(?:\.\d+)?)/i.exec(fact.after);
  const before = /\$?(\d[\d,]*(?:\.\d+)?)\s*(?:[a-zA-Z%/]+\s*)?(?:-|–|—|to|and|through)\s*$/i.exec(fact.before);
  const num = (m: RegExpExecArray | null) => (m ? Number(m[1]!.replace(/,/g, '')) : undefined);
  // "Retention: ____, max 14 days", "____ (minimum 1 day)": a limit of the same measure said beside the blank.
  const limit = (re: RegExp): number | undefined => {
    for (const m of `${fact.before} ${fact.after}`.matchAll(re)) if (unitKey(m[2]!) === fact.unit) return Number(m[1]!.replace(/,/g, ''));
    return undefined;
  };
  const hi = num(after) ?? limit(/\b(?:max(?:imum)?|up to|at most|no more than)\s*(?:of\s*|is\s*|:\s*)?(\d[\d,]*(?:\.\d+)?)\s*([a-zA-Z]+)/gi);
  // "7 days retention can be increased to ____": what it grows to is more than what it grows from.
  const grown = /(\d[\d,]*(?:\.\d+)?)\s*([a-zA-Z]+)\b[^.;]*\b(?:increased|raised|extended|expanded)\s+(?:up\s+)?to\s*$/i.exec(fact.before);
  const from = grown && unitKey(grown[2]!) === fact.unit ? Number(grown[1]!.replace(/,/g, '')) : undefined;
  const lo = num(before) ?? from ?? limit(/\b(?:min(?:imum)?|at least)\s*(?:of\s*|is\s*|:\s*)?(\d[\d,]*(?:\.\d+)?)\s*([a-zA-Z]+)/gi);
  return { below: hi !== undefined && hi > fact.value ? hi : undefined, above: lo !== undefined && lo < fact.value ? lo : undefined };
}

/**
 * Numbers that name one of a fixed set rather than measure anything: an HTTP status code ("____ Forbidden",
 * "a 5XX error such as ____") is one of its class's real codes, an OSI layer one of 1 to 7. "512 Service
 * Unavailable" or "layer 10" convince no one (R3), so only members of the set are offered.
 */
function closedSet(fact: NumericFact): readonly number[] | null {
  const v = fact.value;
  // The unit may be the reason phrase's first word ("504 Gateway Timeout"): the answer is the bare number.
  if (!Number.isInteger(v) || !BARE.test(fact.answer.trim())) return null;
  // "By default it returns a ____ when there's an application error": a code a load balancer or API returns.
  const returned = /\b(?:returns?|returned|responds? with|sends? back|throws?|gets?)\s+(?:an?\s+|the\s+)?$/i.test(fact.before) && /\b(?:errors?|status|http|responses?|requests?)\b/i.test(fact.sourceText);
  if (v >= 100 && v <= 599 && HTTP_CODES.includes(v) && (REASON_AFTER.test(fact.after) || STATUS_BEFORE.test(fact.before) || returned)) return HTTP_CODES.filter((c) => Math.floor(c / 100) === Math.floor(v / 100));
  // "FIPS 140-2 level ____": the standard has four levels; "level 5" convinces no one.
  if (v >= 1 && v <= 4 && /\bFIPS\s*140-[23]\s*(?:\(?\s*)?(?:security\s+)?level\s*$/i.test(fact.before)) return [1, 2, 3, 4];
  if (v >= 1 && v <= 7 && (/\b(?:osi\s+)?layer\s*$/i.test(fact.before) || /^\s*(?:osi\s+)?layer\b/i.test(fact.after) || /\bL\s*$/.test(fact.before))) return [1, 2, 3, 4, 5, 6, 7];
  return null;
}

// A status code with its reason phrase after it ("____ Forbidden", "____ - Gateway Timeout", "____ HTTP status"), or
// named as one before it ("HTTP ____", "status code ____", "a 5XX error such as ____").
/** The reason phrases of the HTTP status codes notes name ("Too Many Requests", "Gateway Timeout"), as a pattern source. */
export const HTTP_REASON = String.raw`ok|created|accepted|no\s+content|moved\s+permanently|not\s+modified|temporary\s+redirect|permanent\s+redirect|bad\s+request|unauthori[sz]ed|payment\s+required|forbidden|not\s+found|method\s+not\s+allowed|not\s+acceptable|request\s+time-?out|conflict|precondition\s+failed|payload\s+too\s+large|request\s+entity\s+too\s+large|unsupported\s+media\s+type|too\s+many\s+requests|internal\s+server\s+error|not\s+implemented|bad\s+gateway|service\s+unavailable|gateway\s+time-?out`;
const REASON_AFTER = new RegExp(String.raw`^\s*(?:[-–:(]\s*)?(?:https?\s+)?(?:${HTTP_REASON}|access\s+denied|throttl\w*|limit\s+exceeded|errors?|status|response)\b`, 'i');
const STATUS_BEFORE = /\b(?:https?|status(?:\s+code)?|error\s+code|response\s+code|[1-5]xx(?:\s+[a-z]+){0,3})\s*(?:[:=(]|such as|like|e\.g\.,?|is|of)?\s*$/i;
const WELL_KNOWN_PORTS = new Set([20, 21, 22, 23, 25, 53, 80, 110, 123, 143, 389, 443, 445, 465, 587, 636, 993, 995, 1433, 1521, 2049, 3306, 3389, 5432, 5439, 6379, 8080, 8443, 9092, 9200, 11211, 27017]);
// The ports notes and exams name most, most common first.
const COMMON_PORTS = [22, 80, 443, 3389, 3306, 5432, 8080, 21, 25, 53, 2049, 1433];
const HTTP_CODES = [200, 201, 202, 204, 301, 302, 304, 307, 308, 400, 401, 403, 404, 405, 409, 413, 429, 500, 501, 502, 503, 504];

/** Up to `want` members of `set` nearest to `v` (by rank), one below and one above in turn, leaving out `taken`. */
function nearestInSet(v: number, set: readonly number[], taken: Set<number>, seed: string, want: number): number[] {
  const free = set.filter((x) => !taken.has(x));
  const below = free.filter((x) => x < v).reverse();
  const above = free.filter((x) => x > v);
  const out: number[] = [];
  for (let i = 0; out.length < want && i < Math.max(below.length, above.length); i++) {
    out.push(...stableOrder([below[i], above[i]].filter((x): x is number => x !== undefined), seed + i, String));
  }
  return out.slice(0, want);
}

// The values a measure usually takes, by unit: what someone who half-remembers the fact might believe.
const DURATION_LADDERS: Record<string, number[]> = {
  millisecond: [1, 5, 10, 20, 50, 100, 200, 250, 500, 1000],
  second: [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600, 7200, 43200, 86400],
  minute: [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 720, 1440],
  hour: [1, 2, 3, 4, 6, 8, 12, 24, 36, 48, 72, 96, 120, 168, 336, 720],
  day: [1, 2, 3, 4, 5, 7, 10, 14, 30, 35, 45, 60, 90, 180, 365, 730, 1095, 1825],
  week: [1, 2, 3, 4, 6, 8, 12, 26, 52],
  month: [1, 2, 3, 6, 9, 12, 18, 24, 36],
  year: [1, 2, 3, 4, 5, 7, 10],
};
const SIZE_UNIT = /^([kmgtpe]i?b|bytes?|[kmgt]i?b\/s|gbps|mbps)$/i;
const SIZES = [1, 2, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100, 128, 200, 256, 500, 512, 1000, 1024, 2048, 4096, 5000, 10000, 16384];
// No 100 %: "less than 100 %" and "up to 100 % off" convince no one.
const PERCENTS = [2, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 95, 99];
const NINES = [90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 99.9999];

/** A share written as nines of availability or durability: 99 % and above, or 90–99 % with a decimal ("99.5 %", "95.5 %"). */
function isNines(v: number): boolean {
  return (v >= 99 && v < 100) || (v >= 90 && v < 99 && !Number.isInteger(v));
}

function isPowerOfTwo(v: number): boolean {
  return Number.isInteger(v) && v > 0 && v <= 2 ** 30 && (v & (v - 1)) === 0;
}

const POWERS_OF_TWO = Array.from({ length: 31 }, (_, i) => 2 ** i);

/**
 * Round values of the decades around `v` (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten), and nearby powers
 * of two where the measure can be binary: never for money or shares ("$4,096 a month", "256 % of the cost").
 */
function roundValues(v: number, binary: boolean): number[] {
  const decade = 10 ** Math.floor(Math.log10(Math.max(v, 1e-9)));
  const out = new Set<number>();
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8];
  for (const d of [decade / 10, decade, decade * 10]) for (const step of steps) out.add(Math.round(step * d * 1e6) / 1e6);
  // A half step off the ladder ("3,500", "4.5") has neighbours of its own kind, or it stands out among round ones.
  const lead = v / decade;
  if (!Number.isInteger(lead) && Number.isInteger(lead * 2) && !steps.includes(lead)) for (const k of [-2, -1, 1, 2]) out.add(Math.round((v + (k * decade) / 2) * 1e6) / 1e6);
  if (binary) for (let p = 1; p <= 2 ** 20; p *= 2) if (p >= v / 16 && p <= v * 16) out.add(p);
  return [...out].sort((a, b) => a - b);
}

/** Usual values near `v` for its unit, nearest in rank first, one below and one above in turn. */
function usualValues(v: number, unit: string, answer: string, seed: string): number[] {
  let ladder: number[];
  const binary = !answer.includes('%') && !answer.includes('$');
  // "750 hours a month" is past the ladder of usual hours: 72, 48 and 36 hours beside it convince no one (R3).
  const durations = DURATION_LADDERS[unit];
  if (durations && v > 1.5 * durations[durations.length - 1]!) ladder = roundValues(v, false);
  else if (durations) ladder = durations;
  else if (SIZE_UNIT.test(unit)) ladder = SIZES;
  else if (answer.includes('%') && v <= 100) ladder = isNines(v) ? NINES : PERCENTS;
  // "/16 offers 65,536 addresses", "a 256-bit key": a power of two is weighed against its neighbours.
  else if (binary && Number.isInteger(v) && v >= 16 && (v & (v - 1)) === 0 && v <= 2 ** 30) ladder = POWERS_OF_TWO;
  // "1,000,000 events", "64,000 IOPS", "10,000 per second": a count is not binary, and 1,048,576 or 65,536
  // beside it convince no one (R3); only a value that is itself a power of two is weighed against them.
  else ladder = roundValues(v, binary && Number.isInteger(v) && (v & (v - 1)) === 0);
  // "0.4 per million": small fractions have no ladder of their own.
  if (!Number.isInteger(v) && !answer.includes('%')) ladder = [...new Set([...ladder, ...nearbyValues(v, unit)])].sort((a, b) => a - b);
  // A whole number ("4 shards", "3 AZs") is not weighed against "2.5 shards".
  // (A whole 99 % is weighed against 99.9 % all the same: nines are written with decimals.)
  if (Number.isInteger(v) && !(answer.includes('%') && isNines(v))) ladder = ladder.filter((x) => Number.isInteger(x));
  const at = ladder.findIndex((x) => x >= v);
  const pivot = at < 0 ? ladder.length : at;
  const below = ladder.slice(0, pivot).filter((x) => x !== v).reverse();
  const above = ladder.slice(pivot).filter((x) => x !== v);
  // Within 30 times the value either way: "9 year" terms and "140 days" past a 90-day scale convince no one.
  const near = (x: number) => x <= v * 30 && x >= v / 30;
  const out: number[] = [];
  for (let i = 0; i < Math.max(below.length, above.length); i++) {
    // Which side comes first depends on the fact, so the right answer is not always the largest or smallest.
    out.push(...stableOrder([below[i], above[i]].filter((x): x is number => x !== undefined && near(x)), seed + i, String));
  }
  return out.length >= 3 ? out : [...out, ...nearbyValues(v, unit).filter((x) => !out.includes(x))];
}

function nearbyValues(v: number, unit: string): number[] {
  const isInt = Number.isInteger(v);
  // Off-by-one values ("3,501") are only plausible for small counts.
  const raw = [v * 2, v / 2, v * 4, v / 4, v * 10, v / 10, v * 3, v * 1.5, ...(v <= 20 ? [v + 1, v - 1] : [])];
  return raw
    .map((x) => (isInt ? Math.round(x) : Math.round(x * 100) / 100))
    .filter((x) => x > 0 && x !== v && (unit !== '%' || x <= 100))
    .filter((x, i, a) => a.indexOf(x) === i);
}

/** Replaces the number in an answer like "4 days" or "$0.023" or "10.000 rps" by another value. */
export function withValue(answer: string, value: number): string {
  const grouped = /(?<![\d.,])[1-9]\d{0,2}([,.])\d{3}(?!\d)/.exec(answer);
  const decimals = grouped || !/[$€£]/.test(answer) ? 0 : (/\d\.(\d+)/.exec(answer)?.[1]?.length ?? 0);
  // Written the note's way: "100.000" asks for "300.000", not "300,000", and "$0.40" for "$0.80" (a give-away by its style alone).
  const formatted = grouped
    ? groupThousands(value, grouped[1] === '.' && !/\d,\d/.test(answer) ? '.' : ',')
    : decimals > 0 && Number(value.toFixed(decimals)) === value ? value.toFixed(decimals) : String(value);
  const before = Number(/\d+(?:\.\d+)?/.exec(answer.replace(/(\d)[,.](?=\d{3}(?!\d))/g, '$1'))?.[0] ?? NaN);
  const replaced = answer.replace(/\d{1,3}(?:[,.]\d{3})+(?!\d)|\d+(?:\.\d+)?/, formatted);
  // "1 months" and "3 month" read as made up: the unit word agrees with its new number, unless the note used
  // it as an adjective ("30 minute increments").
  return replaced.replace(/^(\D*[\d.,]+\s*)([a-z]+?)(s?)\b/i, (whole, num: string, word: string, plural: string) => {
    if (!AGREEING_UNITS.has(word.toLowerCase())) return whole;
    const wantPlural = value !== 1 && (plural === 's' || before === 1);
    return `${num}${word}${wantPlural ? 's' : ''}`;
  });
}

// Unit words written with a plural "s" after any number but one.
const AGREEING_UNITS = new Set(['millisecond', 'microsecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'replica', 'shard', 'partition', 'region', 'instance', 'copy', 'subnet', 'target', 'retry', 'attempt', 'message', 'record', 'item', 'version', 'request', 'node', 'task', 'function', 'user', 'bucket', 'queue', 'topic', 'table', 'key', 'rule', 'zone', 'az', 'core', 'credit', 'event', 'connection', 'consumer', 'call', 'transaction', 'object', 'file', 'character', 'attribute', 'account', 'stack', 'stage', 'step', 'layer', 'worker', 'thread']);

/** An integer with its thousands grouped by `sep` ("12.500.000"); other values as they are. */
function groupThousands(value: number, sep: string): string {
  if (!Number.isInteger(value)) return String(value);
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Up to `want` items from `candidates` that differ from every answer and from each other. */
export function pickDistinct(candidates: string[], exclude: string[], seed: string, want: number, shuffle = true): string[] {
  const seen = new Set(exclude.flatMap(keys));
  const out: string[] = [];
  for (const c of shuffle ? stableOrder(candidates, seed, (x) => x) : candidates) {
    if (out.length >= want) break;
    const k = keys(c);
    if (k.length === 0 || k.some((x) => seen.has(x))) continue;
    for (const x of k) seen.add(x);
    out.push(c);
  }
  return out;
}

/**
 * A choice as compared with others: as written, and without an aside ("Graphics (pics)" is "Graphics"); a number
 * and its unit the same with or without a space between ("40 KB" is "40KB").
 */
function keys(choice: string): string[] {
  const glued = choice.replace(/(\d)\s+(?=\p{L})/gu, '$1');
  const whole = normalize(glued);
  const core = normalize(glued.replace(/\s*\([^)]*\)/g, ''));
  return [whole, core].filter((k, i, all) => k !== '' && all.indexOf(k) === i);
}
