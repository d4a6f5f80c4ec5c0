/** Is this answer right? Typed answers are matched tolerantly, choices exactly. */

import { typoAllowance, typoDistance } from './distance.js';
import { normalizeTyped, type NormalizedAnswer } from './normalize.js';

/** The verdict on a typed answer, and the spelling to show the user. */
export interface TypedMatch {
  correct: boolean;
  /** Right only thanks to a forgiven typo: show `canonical` so the user sees the proper spelling. */
  forgiven: boolean;
  /** The expected answer closest to what was typed (the first answer when nothing matched). */
  canonical: string;
}

/**
 * Matches a typed answer against a question's answers and accepted variants, ignoring case, accents,
 * punctuation, spacing and hyphens, articles, simple plurals, `&`/`and` and unit spellings, and forgiving a
 * small typo (Damerau–Levenshtein on the normalised text: none up to 4 characters, 1 up to 9, 2 beyond).
 * An empty answer is never right, and numbers and units must match exactly.
 */
export function matchTyped(given: string, q: { answers: readonly string[]; accepted: readonly string[] }): TypedMatch {
  const fallback = q.answers[0] ?? '';
  const typed = normalizeTyped(given);
  if (typed.compact === '') return { correct: false, forgiven: false, canonical: fallback };

  const candidates = [
    ...q.answers.map((text) => ({ text, canonical: text })),
    ...q.accepted.map((text) => ({ text, canonical: fallback })),
  ];
  let best: { canonical: string; distance: number } | null = null;
  for (const c of candidates) {
    const expected = normalizeTyped(c.text);
    if (expected.compact === '' || !sameList(typed.quantities, expected.quantities)) continue;
    if (typed.forms.some((f, i) => f === expected.forms[i])) return { correct: true, forgiven: false, canonical: c.canonical };
    if (!shortWordsIntact(expected, typed)) continue;
    for (const [i, form] of expected.forms.entries()) {
      const allowance = typoAllowance(Array.from(form).length);
      if (allowance === 0) continue;
      const distance = typoDistance(typed.forms[i]!, form);
      if (distance <= allowance && (best === null || distance < best.distance)) best = { canonical: c.canonical, distance };
    }
  }
  return best === null
    ? { correct: false, forgiven: false, canonical: fallback }
    : { correct: true, forgiven: true, canonical: best.canonical };
}

/** All-or-nothing comparison of chosen option indices with the right ones; order does not matter. */
export function matchChoices(selected: readonly number[], correct: readonly number[]): boolean {
  const a = new Set(selected);
  const b = new Set(correct);
  return a.size === b.size && [...a].every((i) => b.has(i));
}

/**
 * Reads a choice answer — "1", "b", "1,3", "a c", "13", "AC" — into sorted 0-based indices; null when it is
 * empty, malformed, out of range or names an option twice. Runs of digits are read digit by digit
 * ("13" = options 1 and 3) unless there are ten or more options, when they are whole numbers.
 */
export function parseChoiceInput(input: string, optionCount: number): number[] | null {
  const parts = input.trim().toLowerCase().split(/[\s,;+/]+/).filter((p) => p !== '');
  if (parts.length === 0 || optionCount < 1) return null;
  const picked: number[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      const numbers = optionCount >= 10 ? [part] : Array.from(part);
      for (const n of numbers) picked.push(Number(n) - 1);
    } else if (/^[a-z]+$/.test(part)) {
      for (const letter of part) picked.push(letter.charCodeAt(0) - 97);
    } else {
      return null;
    }
  }
  if (picked.some((i) => i < 0 || i >= optionCount)) return null;
  if (new Set(picked).size !== picked.length) return null;
  return picked.sort((x, y) => x - y);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// Acronyms one letter apart name different things (SQS/SNS, ECS/EKS), so a typo may not land in a short word.
function shortWordsIntact(expected: NormalizedAnswer, typed: NormalizedAnswer): boolean {
  return expected.tokens.every((t) => t.length > 3 || typed.forms[2].includes(t));
}
