import type { NumericFact } from './facts.js';
import { stableOrder } from './ids.js';
import { normalize } from './text.js';

/** Wrong answers for a number: the same unit's other values in the notes first, then nearby round values. */
export function numericDistractors(fact: NumericFact, pool: NumericFact[], seed: string, want = 3): string[] {
  const taken = new Set<number>([fact.value]);
  // Other numbers in the same statement may be true too ("1 to 14 days, default 4"): never offer them.
  for (const m of fact.sourceText.matchAll(/\d+(?:\.\d+)?/g)) taken.add(Number(m[0]));
  const out: string[] = [];
  const fromNotes = pool
    .filter((p) => p.unit === fact.unit && !taken.has(p.value) && sameShape(p.answer, fact.answer))
    .sort((a, b) => closeness(a.value, fact.value) - closeness(b.value, fact.value) || a.answer.localeCompare(b.answer));
  for (const p of fromNotes) {
    if (out.length >= want) break;
    if (taken.has(p.value)) continue;
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

function closeness(a: number, b: number): number {
  return Math.abs(Math.log10(Math.max(a, 1e-9)) - Math.log10(Math.max(b, 1e-9)));
}

/** Same kind of written form: both percentages, both money, or both plain. */
function sameShape(a: string, b: string): boolean {
  return a.includes('%') === b.includes('%') && a.startsWith('$') === b.startsWith('$');
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
