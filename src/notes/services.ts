/** The AWS service catalogue (data/services.json) and recognising services named in text. */

export interface ServiceEntry {
  id: string;
  name: string;
  fullName: string;
  aliases: string[];
  category: string;
  domains: Record<string, string[]>;
}

export interface TopicEntry {
  keywords: string[];
  domains: Record<string, string[]>;
}

export interface Catalogue {
  services: ServiceEntry[];
  topics: TopicEntry[];
}

export interface ServiceMatcher {
  /** Ids of the services named in `text`, longest names first ("S3 Glacier" is Glacier, not S3). */
  find(text: string): string[];
}

/** Builds a matcher over every name, full name and alias of the catalogue. */
export function serviceMatcher(catalogue: Catalogue): ServiceMatcher {
  const byName = new Map<string, string>();
  for (const s of catalogue.services) {
    for (const n of [s.name, s.fullName, ...s.aliases]) byName.set(n.toLowerCase(), s.id);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
  if (names.length === 0) return { find: () => [] };
  // One alternation, longest first, so the regex engine itself prefers the longest name at each position.
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return {
    find(text: string): string[] {
      const found = new Set<string>();
      for (const m of text.matchAll(re)) {
        const id = byName.get(m[0].toLowerCase().replace(/\s+/g, ' '));
        if (id) found.add(id);
      }
      return [...found];
    },
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
