import type { NumericFact } from './facts.js';
import { stableOrder } from './ids.js';
import { normalize } from './text.js';

interface PooledNumber {
  value: number;
  answer: string;
  log: number;
}

/** The note's numbers by unit and written form, each value once (with its alphabetically first answer). */
export type NumberPool = Map<string, PooledNumber[]>;

/** Percentages, money and plain numbers are wrong answers only for their own kind, within one unit. */
const poolKey = (unit: string, answer: string) => `${unit}\u0000${answer.includes('%')}\u0000${answer.startsWith('$')}`;
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

/** Wrong answers for a number: the same unit's other values in the notes first (closest in size), then nearby round values. */
export function numericDistractors(fact: NumericFact, pool: NumberPool, seed: string, want = 3): string[] {
  const taken = new Set<number>([fact.value]);
  // Other numbers in the same statement may be true too ("1 to 14 days, default 4"): never offer them.
  for (const m of fact.sourceText.matchAll(/\d+(?:\.\d+)?/g)) taken.add(Number(m[0]));
  const out: string[] = [];
  for (const p of closest(pool.get(poolKey(fact.unit, fact.answer)) ?? [], logOf(fact.value), taken, want)) {
    taken.add(p.value);
    out.push(p.answer);
  }
  for (const v of stableOrder(nearbyValues(fact.value, fact.unit), seed, String)) {
    if (out.length >= want) break;
    if (taken.has(v)) continue;
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
  const grouped = /\d([,.])\d{3}(?!\d)/.exec(answer);
  // Written the note's way: "100.000" asks for "300.000", not "300,000" (a give-away by its style alone).
  const formatted = grouped ? groupThousands(value, grouped[1] === '.' && !/\d,\d/.test(answer) ? '.' : ',') : String(value);
  return answer.replace(/\d{1,3}(?:[,.]\d{3})+(?!\d)|\d+(?:\.\d+)?/, formatted);
}

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

/** A choice as compared with others: as written, and without an aside ("Graphics (pics)" is "Graphics"). */
function keys(choice: string): string[] {
  const whole = normalize(choice);
  const core = normalize(choice.replace(/\s*\([^)]*\)/g, ''));
  return [whole, core].filter((k, i, all) => k !== '' && all.indexOf(k) === i);
}
