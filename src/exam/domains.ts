/** Which exam domain a question belongs to: front matter, then its services, then topic keywords. */

import type { QuizQuestion } from '../core/types.js';
import type { Catalogue } from '../notes/services.js';
import { type Blueprint, resolveDomain } from './blueprint.js';

/** Builds a function giving a question's domain slug in `bp`, or null when nothing ties it to one. */
export function domainMapper(catalogue: Catalogue, bp: Blueprint): (q: QuizQuestion) => string | null {
  const slugs = new Set(bp.domains.map((d) => d.slug));
  // A catalogue entry may name a slug the blueprint lacks (data drift): such a vote is ignored, not trusted.
  const primary = (domains: Record<string, string[]>): string | null => {
    const slug = domains[bp.code]?.[0];
    return slug !== undefined && slugs.has(slug) ? slug : null;
  };
  const byService = new Map<string, string>();
  for (const s of catalogue.services) {
    const slug = primary(s.domains);
    if (slug) byService.set(s.id, slug);
  }
  const topics = catalogue.topics.flatMap((t) => {
    const slug = primary(t.domains);
    const re = keywordPattern(t.keywords);
    return slug && re ? [{ slug, re }] : [];
  });

  return (q) => {
    // Front matter is the author's own word, but only for this exam (or when it names no exam).
    if (q.domain !== null && (q.exam === null || q.exam.toUpperCase() === bp.code.toUpperCase())) {
      const d = resolveDomain(q.domain, bp);
      if (!('error' in d)) return d.slug;
    }
    const fromServices = q.services.flatMap((id) => byService.get(id) ?? []);
    if (fromServices.length > 0) return vote(fromServices, bp);
    const text = `${q.topic}\n${q.prompt}`;
    const fromTopics = topics.filter((t) => t.re.test(text)).map((t) => t.slug);
    return fromTopics.length > 0 ? vote(fromTopics, bp) : null;
  };
}

/** The exam most of the questions' front matter names (ties: alphabetical), else `fallback`. */
export function defaultExam(questions: ReadonlyArray<Pick<QuizQuestion, 'exam'>>, fallback = 'DVA-C02'): string {
  const counts = new Map<string, number>();
  for (const q of questions) {
    if (q.exam) counts.set(q.exam.toUpperCase(), (counts.get(q.exam.toUpperCase()) ?? 0) + 1);
  }
  return mostNamedExam(counts, fallback);
}

/** defaultExam from counts already made (upper-case exam code → questions naming it). */
export function mostNamedExam(counts: ReadonlyMap<string, number>, fallback = 'DVA-C02'): string {
  let best: [string, number] | null = null;
  for (const entry of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (best === null || entry[1] > best[1]) best = entry;
  }
  return best?.[0] ?? fallback;
}

/**
 * The exam a note's title says it is for ("AWS Certified Developer Associate notes" → DVA-C02): its code,
 * or every distinctive word of the exam's name; null when no single exam fits.
 */
export function examFromTitle(title: string, blueprints: ReadonlyArray<Pick<Blueprint, 'code' | 'name'>>): string | null {
  const words = new Set(title.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const fits = blueprints.filter((bp) => {
    if (title.toUpperCase().includes(bp.code.toUpperCase())) return true;
    const distinctive = bp.name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '' && !['aws', 'certified', 'amazon'].includes(w));
    return distinctive.length > 0 && distinctive.every((w) => words.has(w));
  });
  return fits.length === 1 ? fits[0]!.code : null;
}

/** The most frequent slug; a tie goes to the domain listed first in the blueprint, so the answer never depends on order. */
function vote(slugs: string[], bp: Blueprint): string {
  const counts = new Map<string, number>();
  for (const s of slugs) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = slugs[0]!;
  let most = 0;
  // Walking the blueprint in order and replacing only on a strictly higher count keeps the first of equals.
  for (const d of bp.domains) {
    const n = counts.get(d.slug) ?? 0;
    if (n > most) [best, most] = [d.slug, n];
  }
  return best;
}

/** One case-insensitive whole-word pattern for a topic's keywords; "ci/cd" and "blue-green" keep their punctuation. */
function keywordPattern(keywords: string[]): RegExp | null {
  const words = keywords
    .map((k) => k.trim())
    .filter((k) => k !== '')
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  if (words.length === 0) return null;
  // Letters and digits on either side mean the keyword is part of a longer word ("cache" in "cached" is not a hit).
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}
