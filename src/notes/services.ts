/** The AWS service catalogue (data/services.json) and recognising services named in text. */

export interface ServiceEntry {
  id: string;
  name: string;
  fullName: string;
  aliases: string[];
  category: string;
  /** A narrower set of services that do the same kind of job ("threat-findings": GuardDuty, Inspector, Macie…), across categories. */
  group?: string;
  /** "feature": a part of a service (Security Groups, Parameter Store, ALB), not a service of its own. */
  kind?: 'feature';
  /**
   * The service this one is a part or a front end of (Aurora of RDS, DAX of DynamoDB, SAM of CloudFormation):
   * what is true of the part is mostly true of the whole, so neither is offered as a wrong answer for the other.
   */
  partOf?: string;
  /** Services whose jobs overlap this one's so far that a statement of one often holds of the other (Trusted Advisor and Compute Optimizer both rightsize EC2). */
  overlaps?: string[];
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

/**
 * Every name, full name and alias of the catalogue as its words joined (to the service's id), and every
 * word-prefix of one ("amazon", "amazon simple", …): a walk over words stops as soon as it leaves them.
 */
function nameIndex(catalogue: Catalogue): { byName: Map<string, string>; prefixes: Set<string> } {
  const byName = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const s of catalogue.services) {
    for (const n of [s.name, s.fullName, ...s.aliases]) {
      const words = tokens(n);
      if (words.length === 0) continue;
      byName.set(words.join(' '), s.id);
      for (let k = 1; k <= words.length; k++) prefixes.add(words.slice(0, k).join(' '));
    }
  }
  return { byName, prefixes };
}

/** Builds a matcher over every name, full name and alias of the catalogue. */
export function serviceMatcher(catalogue: Catalogue): ServiceMatcher {
  // Names are looked up as runs of whole words, the longest run that names a service winning, so
  // "S3 Glacier" is Glacier and not S3: a dictionary walk over the words instead of one huge regex.
  const { byName, prefixes } = nameIndex(catalogue);
  return {
    find(text: string): string[] {
      const words = tokens(text);
      const found: string[] = [];
      for (let i = 0; i < words.length; ) {
        let key = '';
        let match: string | undefined;
        let matchedWords = 0;
        for (let j = i; j < words.length; j++) {
          key = j === i ? words[j]! : `${key} ${words[j]!}`;
          if (!prefixes.has(key)) break;
          const id = byName.get(key);
          if (id !== undefined) {
            match = id;
            matchedWords = j - i + 1;
          }
        }
        if (match !== undefined && !found.includes(match)) found.push(match);
        i += matchedWords || 1;
      }
      return found;
    },
  };
}

/**
 * Lower-case words; letters, digits and the joiners names use ("@", "-", ".", "&") stay inside a word,
 * punctuation around a word does not ("(SQS)," → "sqs").
 */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}@&.\-/+]+/u)
    .map((w) => w.replace(/^[.\-/]+|[.\-/]+$/g, ''))
    .filter((w) => w !== '');
}

/** Headings remembered by headingNamesService before it starts over (a 100 MB vault has about this many). */
const HEADING_MEMO_LIMIT = 50_000;

/** Whether a heading names a catalogue service ("RDS + Aurora" does, "Backups" does not); headings repeat, so answers are remembered. */
export function headingNamesService(catalogue: Catalogue): (heading: string) => boolean {
  const matcher = serviceMatcher(catalogue);
  let memo = new Map<string, boolean>();
  return (heading) => {
    let named = memo.get(heading);
    if (named === undefined) {
      if (memo.size >= HEADING_MEMO_LIMIT) memo = new Map();
      named = matcher.find(heading).length > 0;
      memo.set(heading, named);
    }
    return named;
  };
}

/** What question generation needs of the catalogue: the service a statement opens with, and its alike services. */
export interface ServiceLookup {
  /** Ids of the services named in `text` (see ServiceMatcher). */
  find(text: string): string[];
  /** The service `text` opens with ("Amazon DynamoDB lets you …" → dynamodb) and how many characters name it. */
  leading(text: string): { id: string; length: number } | null;
  /** The catalogue's entry for an id. */
  entry(id: string): ServiceEntry | undefined;
  /**
   * The services that could stand in for an id: those of its group first (any category), then the rest of its
   * category, each in catalogue order (one shared list per id). Never its whole or its parts, nor one it overlaps.
   */
  alike(id: string): readonly ServiceEntry[];
}

/** Builds the lookup once per catalogue (it walks words, as serviceMatcher does). */
export function serviceLookup(catalogue: Catalogue): ServiceLookup {
  const matcher = serviceMatcher(catalogue);
  const byId = new Map(catalogue.services.map((s) => [s.id, s]));
  const { byName, prefixes } = nameIndex(catalogue);
  // A category's services, worked out once per service: every statement about one asks for them.
  const alikeById = new Map<string, readonly ServiceEntry[]>();
  return {
    find: (text) => matcher.find(text),
    leading(text) {
      // The first few words only: a name that opens a statement is short.
      const words = [...text.slice(0, 80).matchAll(/[^\s(),:;]+/g)];
      let key = '';
      let best: { id: string; length: number } | null = null;
      for (let j = 0; j < Math.min(words.length, 6); j++) {
        const w = words[j]!;
        const t = tokens(w[0]).join(' ');
        if (t === '') break;
        key = j === 0 ? t : `${key} ${t}`;
        if (!prefixes.has(key)) break;
        const id = byName.get(key);
        if (id !== undefined) best = { id, length: w.index! + w[0].length };
      }
      return best;
    },
    entry: (id) => byId.get(id),
    alike(id) {
      let list = alikeById.get(id);
      if (list === undefined) {
        const me = byId.get(id);
        const apart = (s: ServiceEntry) => s.id !== id && (me === undefined || !related(me, s, byId));
        const group = me?.group === undefined ? [] : catalogue.services.filter((s) => s.group === me.group && apart(s));
        const rest = me ? catalogue.services.filter((s) => s.category === me.category && apart(s) && !group.includes(s)) : [];
        alikeById.set(id, (list = [...group, ...rest]));
      }
      return list;
    },
  };
}

/** The ids a service is part of, nearest first (Aurora → RDS); a loop in the data ends the walk. */
function wholesOf(s: ServiceEntry, byId: ReadonlyMap<string, ServiceEntry>): string[] {
  const out: string[] = [];
  for (let at = s.partOf; at !== undefined && !out.includes(at) && at !== s.id; at = byId.get(at)?.partOf) out.push(at);
  return out;
}

/** Whether one service is a part of the other (at any depth), or either says their jobs overlap. */
function related(a: ServiceEntry, b: ServiceEntry, byId: ReadonlyMap<string, ServiceEntry>): boolean {
  return wholesOf(a, byId).includes(b.id) || wholesOf(b, byId).includes(a.id) || (a.overlaps ?? []).includes(b.id) || (b.overlaps ?? []).includes(a.id);
}
