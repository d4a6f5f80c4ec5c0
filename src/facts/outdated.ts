/**
 * Numbers in notes checked against what AWS documents now (data/aws-facts.json). A wrong warning costs
 * more trust than a missed one, so a quantity is judged only when everything lines up: the statement (or
 * the label or heading right above it) names the fact's service, the fact's own wording sits next to the
 * number in the same clause, the number measures the same thing (bytes, time, a count of the same noun),
 * and what the note says it is (a default, a maximum, a range) is what the fact gives. A note that also
 * gives the current value, or says the number was the old one, is left alone.
 */
import type { OutdatedFinding } from '../core/types.js';
import { compileRetired, wordsPattern, type RetiredFeature, type RetiredIndex } from './retired.js';
import { inBytes, mentions, parseQuantity, sameAmount, singular, type Dimension, type Mention, type Quantity } from './quantity.js';

/** Which value of a fact a statement gives. */
export type Slot = 'value' | 'default' | 'min' | 'max' | 'atLeast';

/** One fact as data/aws-facts.json writes it. */
export interface AwsFact {
  id: string;
  /** Service id in data/services.json. */
  service: string;
  attribute: string;
  /** Ways notes name the attribute ("message size", "max message size"); matched as whole words, plurals and hyphens aside. */
  phrases: string[];
  value?: string;
  default?: string;
  min?: string;
  max?: string;
  /** A figure that only grows (edge locations): the note is outdated when it says fewer. */
  atLeast?: string;
  /** Which value a number stated without "default", "max" or "min" is taken for. */
  bare?: Slot;
  /** For counts: the nouns a number must count ("message"); singular. */
  nouns?: string[];
  /** Earlier documented values, for the record. */
  was?: string[];
  /** Which value the earlier ones were: a number stated bare that equals one of them is judged against it. */
  wasOf?: Slot;
  /** Words that make a statement about something else ("fifo" for a standard-queue price): never judged then. */
  unless?: string[];
  since: string;
  url: string;
}

export interface FactsFile {
  checked: string;
  facts: AwsFact[];
  /** Features AWS has discontinued (src/facts/retired.ts). */
  retired?: RetiredFeature[];
}

interface Compiled {
  fact: AwsFact;
  slots: Partial<Record<Slot, Quantity>>;
  /** The earlier values, parsed (only for a fact that says which value they were). */
  was: Quantity[];
  /** Every earlier value that parses, whatever value it was: what the former-value check looks for. */
  former: Quantity[];
  dimension: Dimension;
  /**
   * Each wording as a pattern (global, for every match; `once` for a yes or no), with a word it cannot match
   * without: a cheap test first, since most statements name none.
   */
  phrases: Array<{ re: RegExp; once: RegExp; key: string }>;
}

/** The facts, parsed once and grouped by service. */
export interface FactIndex {
  byService: Map<string, Compiled[]>;
  /** Numbers and discontinued features together. */
  size: number;
  retired: RetiredIndex;
}

/** What a statement is, and where it sits in its note. */
export interface Statement {
  text: string;
  /** Heading path, outermost first. */
  path: string[];
  /** Labels of the list items above it, outermost first. */
  context: string[];
  /** Whether the label or heading right above may name the attribute when the statement does not (not for table cells). */
  fromLabel?: boolean;
  /** The services the note as a whole is about (front matter, title, file name), when nothing nearer names one. */
  noteServices?: readonly string[];
}

const SLOTS: Slot[] = ['value', 'default', 'min', 'max', 'atLeast'];

/** Parses every fact's quantities and wording; throws RangeError on a fact that does not parse. */
export function compileFacts(file: FactsFile): FactIndex {
  const byService = new Map<string, Compiled[]>();
  for (const fact of file.facts) {
    const slots: Compiled['slots'] = {};
    for (const slot of SLOTS) {
      const raw = fact[slot];
      if (raw !== undefined) slots[slot] = parseQuantity(raw);
    }
    const dims = new Set(Object.values(slots).map((q) => q.dimension));
    if (dims.size !== 1) throw new RangeError(`fact ${fact.id}: needs values of one kind, got ${[...dims].join(', ') || 'none'}`);
    const dimension = [...dims][0]!;
    const former = (fact.was ?? []).flatMap((w) => {
      try {
        const q = parseQuantity(w);
        return q.dimension === dimension ? [q] : [];
      } catch {
        return []; // "$0.50 per million": a price kept for the record, not a quantity to look for
      }
    });
    const compiled: Compiled = { fact, slots, was: fact.wasOf ? (fact.was ?? []).map(parseQuantity) : [], former, dimension, phrases: fact.phrases.map((p) => {
      const re = phraseRegex(p);
      return { re, once: new RegExp(re.source), key: phraseKey(p) };
    }) };
    const list = byService.get(fact.service) ?? [];
    list.push(compiled);
    byService.set(fact.service, list);
  }
  const retired = file.retired ?? [];
  return { byService, size: file.facts.length + retired.length, retired: compileRetired(retired) };
}

/** The phrase's longest word, lower case and without a plural ending: every match contains it. */
function phraseKey(phrase: string): string {
  const words = phrase.toLowerCase().split(/[\s-]+/).filter(Boolean);
  return words.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** "max message size" → a whole-word pattern that allows plurals, hyphens and runs of spaces. */
function phraseRegex(phrase: string): RegExp {
  // Matched against lower-cased text; ASCII word edges are enough for the wording of AWS limits, and far cheaper.
  return new RegExp(`(?<![a-z0-9])${wordsPattern(phrase.toLowerCase())}(?![a-z0-9]|-[a-z0-9])`, 'g');
}

// A line that compares two things ("$1.00 vs $3.50", "cheaper than").
const COMPARES = /\b(?:vs\.?|versus|compared|than)\b/i;

// Clause breaks: a number on the far side of one is about something else.
const CLAUSE_BREAK = /[;|([\]{}]|\.\s|\s[-–—]\s|\bbut\b|\bwhile\b|\bvs\.?\b|\bversus\b|\bwhereas\b|\bunlike\b|\bcompared\b/i;
const MAX_GAP = 48;
const PRICE_TAIL = /^\s*(?:per|\/|for every|for each)\s*(?:1\s*)?(?:million|m|billion|thousand|k)?\s*(?:[\p{L}]+\s+)?$/iu;
// The note says the number is the old one: it knows.
const KNOWS_OLD = /\b(?:was|were|previously|formerly|used to be|old(?:er)?|legacy|until|before|deprecated|no longer|then)\b[^.;]{0,20}$/i;
/**
 * Whether a bare number reads as a quota: "per" something in its clause ("1000 tasks per service", "Buckets
 * per account: 100"), a word for a limit before it, or a label's colon right before it ("Throttling: 5,000
 * RPS"). "Created 2 stacks" or "added 2 versions" is a count of one's own.
 */
function quotaShaped(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start).split(/[.;]\s/).pop() ?? '';
  const after = text.slice(end, end + 40).split(/[.;,]/)[0] ?? '';
  return /\bper\b/i.test(before) || /\bper\b/i.test(after) || /\b(?:limits?|quotas?|max(?:imum)?|cap)\b/i.test(before) || /[:=|]\s*$/.test(before);
}
// Examples, rounding rules and questions state no limit.
const WORKED = /(?:^|\W)e\.g\.|\b(?:eg\b|for example|for instance|example|if you|suppose|assume|let's say|say you|round(?:ed|s)? (?:up|down))\b|\?/i;

/** The clause a quantity sits in: from the last ";" or sentence end before it to the next after it. */
function clauseAround(text: string, m: Mention): string {
  const start = m.low.start;
  const end = (m.high ?? m.low).end;
  const before = text.slice(0, start);
  // A sentence ends after a word, not after "e.g." or "approx.".
  const ends = [...before.matchAll(/;|(?<=\p{L}{3})[.!]\s/gu)];
  const from = ends.length > 0 ? ends[ends.length - 1]!.index! + 1 : 0;
  const rest = text.slice(end).search(/;|(?<=\p{L}{3})[.!?](?:\s|$)|\?/u);
  return text.slice(from, rest < 0 ? text.length : end + rest + 1);
}

/** An example, a rule of rounding, a question, or a worked sum ("a 256KB payload = 4 requests"). */
function worked(text: string): boolean {
  return WORKED.test(text) || (text.includes('=') && /\d[^=?]*=\s*~?\s*\d/.test(text));
}

/** What AWS documents differently from the note, for each quantity of `statement` that can be judged. */
export function findOutdated(statement: Statement, index: FactIndex, findServices: (text: string) => string[]): OutdatedFinding[] {
  // Cheapest first: most statements name no service with facts, and then nothing else needs doing.
  const [own, section] = candidateFacts(statement, index, findServices);
  if (own.length === 0) return [];
  const all = mentions(statement.text);
  if (all.length === 0) return [];
  const first = judgeAgainst(statement, own, all);
  // "Message size limits (256 KB … unless using S3 offload)" under "Amazon SQS": a service the line names in
  // passing, with none of its wording there, does not say what the number measures; the section's service may.
  // A line that sets two things side by side ("HTTP APIs are cheaper ($1.00 vs $3.50 per million requests)")
  // gives figures of the things it names, whatever its section is about.
  if (first.findings.length > 0 || first.worded || COMPARES.test(statement.text)) return first.findings;
  const others = section();
  return others.length === 0 ? [] : judgeAgainst(statement, others, all).findings;
}

/** The findings for one set of candidate facts, and whether any of their wording is in the line at all. */
function judgeAgainst(statement: Statement, candidates: Compiled[], all: Mention[]): { findings: OutdatedFinding[]; worded: boolean } {
  const text = statement.text;
  const around = `${text} ${statement.path[statement.path.length - 1] ?? ''} ${statement.context[statement.context.length - 1] ?? ''}`.toLowerCase();
  const facts = candidates.filter((c) => !(c.fact.unless ?? []).some((w) => around.includes(w)));
  if (facts.length === 0) return { findings: [], worded: true };
  const lower = text.toLowerCase();
  const hits: Array<{ c: Compiled; start: number; end: number }> = [];
  for (const c of facts) {
    for (const { re, key } of c.phrases) {
      if (!lower.includes(key)) continue;
      for (const m of lower.matchAll(re)) hits.push({ c, start: m.index!, end: m.index! + m[0].length });
    }
  }
  // The label or heading right above names what a short-lead statement measures ("Memory › 128 MB – 3008 MB");
  // with wordings of other facts in the line, it still speaks for the numbers none of them is next to
  // ("General Purpose SSD (GP2) › Ratio of 3 IOPS per GB with up to 10,000 IOPS and the ability to burst …").
  const label = (statement.fromLabel !== false && shortLead(text, all[0]!) ? labelFact(statement, facts) : null) ?? headFact(text, hits);
  const out: OutdatedFinding[] = [];
  const judged = new Set<string>();
  for (const said of all) {
    const near = hits.length > 0 ? nearestFact(text, said, hits) : null;
    const fact = near ?? label;
    // "/tmp: 512M" measures bytes where the fact does.
    const m = fact?.dimension === 'bytes' && said.high === null ? { low: inBytes(said.low), high: null } : said;
    if (!fact || ratio(text, m) || !measures(fact, m, text, near === null)) continue;
    // "use it if you need more than 10,000 IOPS; you can provision up to 20,000 IOPS": an example or a
    // question rules out only the clause it is in.
    if (worked(clauseAround(text, m))) continue;
    if (judged.has(fact.fact.id)) continue;
    const start = m.low.start;
    const end = (m.high ?? m.low).end;
    if (KNOWS_OLD.test(text.slice(Math.max(0, start - 40), start))) continue;
    const q = qualifier(text, start, end);
    // A bare number against a lone limit: "Task memory: 0.5 GB", "created 2 stacks" are settings and counts of
    // one's own, not the limit. Only a quota's shape ("1000 tasks per service", "… limit: 256 KB") says more.
    if (q === null && !fact.fact.bare && !m.high && !quotaShaped(text, start, end)) {
      const lone = SLOTS.filter((s) => fact.slots[s] !== undefined);
      if (lone.length === 1 && (lone[0] === 'max' || lone[0] === 'value')) continue;
    }
    const verdict = judge(fact, m, q);
    if (verdict === null) continue;
    // The note also gives the current value (an update next to the old number): nothing to warn about.
    if (verdict !== 'ok' && !knowsCurrent(fact.slots[verdict.slot]!, all, m, text)) {
      judged.add(fact.fact.id);
      out.push({
        fact: fact.fact.id,
        service: fact.fact.service,
        attribute: fact.fact.attribute,
        said: text.slice(start, end),
        documented: verdict.documented,
        since: fact.fact.since,
        url: fact.fact.url,
      });
    }
  }
  out.push(...formerValues(statement, facts, all, judged));
  return { findings: out, worded: hits.length > 0 || label !== null };
}

// Words of a wording that say only what kind of value it is: "minimum latency" is about latency.
const GENERIC_WORDS = new Set(['minimum', 'maximum', 'default', 'limit', 'size', 'time', 'number', 'total', 'per', 'max', 'min', 'of', 'the', 'a']);

/** The words of a wording that say what it measures ("minimum latency" → latency; "size of a message" → message). */
function distinctWords(phrase: string): string[] {
  return phrase.toLowerCase().split(/[\s-]+/).filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w));
}

/**
 * "Messages can contain up to 256KB" under "SQS", "Allocated memory (128 MB to 3008 MB)" under "Lambda": a number
 * that is exactly what AWS documented before for one quantity of the service, in the same unit, with a
 * distinctive word of that quantity's wording anywhere in the line (or the whole wording in the label or heading
 * above), when no quantity of the service is documented at that amount now. The wording need not sit right
 * beside the number (the rule above needs it to); the old amount itself is the evidence.
 */
function formerValues(statement: Statement, facts: Compiled[], all: Mention[], judged: Set<string>): OutdatedFinding[] {
  const text = statement.text;
  const lower = text.toLowerCase();
  const above = `${statement.context[statement.context.length - 1] ?? ''} ${statement.path[statement.path.length - 1] ?? ''}`.toLowerCase();
  const out: OutdatedFinding[] = [];
  for (const m of all) {
    const q = m.high ?? m.low;
    const olds = facts.filter((c) => c.former.some((w) => sameAmount(q, w)));
    if (olds.length !== 1) continue;
    const c = olds[0]!;
    if (judged.has(c.fact.id) || ratio(text, m)) continue;
    // "Batch window up to 300 seconds" in a Lambda note: an amount some quantity has now may be that one.
    if (facts.some((o) => SLOTS.some((slot) => o.slots[slot] !== undefined && sameAmount(q, o.slots[slot]!)))) continue;
    if (q.dimension === 'count' && !measures(c, { low: q, high: null }, text, false)) continue;
    // A word of the wording in the line itself ("Messages can contain up to 256KB"), or the whole wording in the
    // label or heading above ("Hosted Connections" › "Speeds: … 10 Gbps"; "Dedicated Connections" is not it).
    if (!c.fact.phrases.some((p) => distinctWords(p).some((w) => lower.includes(w))) && !c.phrases.some(({ key, once }) => above.includes(key) && once.test(above))) continue;
    // The rounding rule is this fact's own wording ("rounded up to the nearest 100ms"), not a worked example.
    const clause = c.fact.phrases.reduce((t, p) => t.split(p).join(' '), clauseAround(text, m).toLowerCase());
    if (worked(clause) || KNOWS_OLD.test(text.slice(Math.max(0, m.low.start - 40), m.low.start))) continue;
    const slot: Slot = c.fact.wasOf ?? (['max', 'value', 'default', 'atLeast', 'min'] as const).find((s) => c.slots[s] !== undefined)!;
    if (knowsCurrent(c.slots[slot]!, all, m, text)) continue;
    judged.add(c.fact.id);
    out.push({ fact: c.fact.id, service: c.fact.service, attribute: c.fact.attribute, said: text.slice(m.low.start, q.end), documented: m.high && slot === 'max' && c.fact.min ? `${readable(c.fact.min)} to ${readable(c.fact.max!)}` : describe(c.fact, slot), since: c.fact.since, url: c.fact.url });
  }
  return out;
}

// Services whose limits notes file under another's name: temporary credentials and AssumeRole under "IAM".
const FILED_WITH: Readonly<Record<string, readonly string[]>> = { iam: ['sts'], ec2: ['ebs'] };

/**
 * The facts of the services the statement names; failing that, of the nearest label or heading that names
 * one; failing that, of the note's own services. Second, for a statement that names services of its own,
 * the facts of the section's service (the nearest label, heading or the note's) that it does not name.
 */
function candidateFacts(statement: Statement, index: FactIndex, findServices: (text: string) => string[]): [Compiled[], () => Compiled[]] {
  const factsOf = (ids: string[]) => [...new Set(ids.flatMap((id) => [id, ...(FILED_WITH[id] ?? [])]))].flatMap((id) => index.byService.get(id) ?? []);
  const sectionServices = () => {
    for (const label of [...statement.context].reverse().concat([...statement.path].reverse())) {
      const ids = findServices(label);
      if (ids.length > 0) return ids;
    }
    // "DynamoDB.md" › Transactions › "Groups up to 25 actions": the note names what its headings leave out.
    return [...(statement.noteServices ?? [])];
  };
  const own = findServices(statement.text);
  if (own.length === 0) return [factsOf(sectionServices()), () => []];
  const ownFacts = factsOf(own);
  // Only a heading (or the note) about one service speaks for the line: "Serverless decoupling: API Gateway,
  // Lambda, SQS" does not, nor does a list label that happens to name one ("Single Lambda for everything").
  return [ownFacts, () => {
    const heading = [...statement.path].reverse().map(findServices).find((ids) => ids.length > 0) ?? [...(statement.noteServices ?? [])];
    return heading.length === 1 ? factsOf(heading).filter((c) => !ownFacts.includes(c)) : [];
  }];
}

/**
 * Whether a heading sets things side by side ("Standard vs Advanced tiers", "Data Pipeline and DMS", "Snowball
 * into Glacier"): a line under it may be about any of them, so the heading names no one thing for it.
 */
export function setsApart(heading: string): boolean {
  return /\b(?:vs|versus|and|or|into|before|after|from|with|without)\b|[&+,/]/i.test(heading);
}

/** "Default: 30 seconds", "Can be set from 128 MB to …": at most four words before the first number, so the label above is what it is about. */
function shortLead(text: string, first: Mention): boolean {
  return text.slice(0, first.low.start).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= 4;
}

/**
 * "General Purpose SSD GP2 - balance …; 3 IOPS per GB up to 10,000 IOPS": a line headed by a term and a dash
 * or colon is about that term in each of its clauses.
 */
function headFact(text: string, hits: Array<{ c: Compiled; start: number; end: number }>): Compiled | null {
  const head = /^([^.;:()]{1,60}?)\s(?:-|–|—)\s|^([^.;:()]{1,60}?):\s/.exec(text);
  if (!head) return null;
  const end = head[0].length;
  const named = new Set(hits.filter((h) => h.end <= end).map((h) => h.c));
  return named.size === 1 ? [...named][0]! : null;
}

/** A statement without the fact's wording ("Default: 30 seconds") takes it from the label or heading right above it. */
function labelFact(statement: Statement, facts: Compiled[]): Compiled | null {
  const above = statement.context.length > 0 ? statement.context[statement.context.length - 1]! : statement.path[statement.path.length - 1] ?? '';
  // A heading that compares or lists ("Standard vs Advanced tiers") labels no one thing.
  if (setsApart(above)) return null;
  const lower = above.toLowerCase();
  const named = facts.filter((c) => c.phrases.some(({ once, key }) => lower.includes(key) && once.test(lower)));
  return named.length === 1 ? named[0]! : null;
}

/** The fact whose wording is nearest before the quantity in its clause (or just after it: "256 KB message size"). */
function nearestFact(text: string, m: Mention, hits: Array<{ c: Compiled; start: number; end: number }>): Compiled | null {
  const start = m.low.start;
  const end = (m.high ?? m.low).end;
  let best: { c: Compiled; d: number } | null = null;
  let tie = false;
  for (const h of hits) {
    let d: number;
    if (h.end <= start) {
      const gap = text.slice(h.end, start);
      if (gap.length > MAX_GAP || CLAUSE_BREAK.test(gap)) continue;
      // "grows in increments of 10GB, up to 64 TB": past another number only when this one is said to be the maximum.
      if (otherNumber(gap) && !(h.c.slots.max && /(?:up to|max(?:es)?(?: (?:to|at|out at|of))?|maximum(?: of)?)\s*$/i.test(gap))) continue;
      d = gap.length;
    } else if (h.start >= end) {
      const gap = text.slice(end, h.start);
      // "256 KB message size", "$0.20 per 1 million requests".
      if (!(gap.length <= 12 && !/[^\p{L}\s]/u.test(gap)) && !(m.low.dimension === 'usd' && PRICE_TAIL.test(gap))) continue;
      d = gap.length + 1;
    } else continue;
    if (!best || d < best.d) {
      best = { c: h.c, d };
      tie = false;
    } else if (d === best.d && h.c !== best.c) tie = true;
  }
  return best && !tie ? best.c : null;
}

/** "3 IOPS per GB", "$0.10 per GB": a rate per unit of size is no limit of the thing itself. */
function ratio(text: string, m: Mention): boolean {
  return /^\s*(?:per|\/)\s*(?:[kmgtp]i?b|gigabytes?|terabytes?|gb-month)\b/i.test(text.slice((m.high ?? m.low).end, (m.high ?? m.low).end + 16));
}

/** A number between the wording and the quantity: the quantity belongs to something the number opened. */
function otherNumber(gap: string): boolean {
  return /\d/.test(gap);
}

/** Whether the quantity measures what the fact measures (for counts, the same noun, or a bare number right after the wording). */
function measures(c: Compiled, m: Mention, text: string, fromLabel: boolean): boolean {
  const q = m.high ?? m.low;
  if (q.dimension !== c.dimension) return false;
  if (c.dimension !== 'count' && c.dimension !== 'per-second') return true;
  // The fact's own unit counts too: "10,000 IOPS" against "16000 IOPS".
  const nouns = [...(c.fact.nouns ?? []).map(singular), ...Object.values(c.slots).map((s) => s.noun).filter(Boolean)];
  if (q.noun !== '' && nouns.includes(q.noun)) return true;
  // "10,000 RPS": the unit says what it counts.
  if (c.dimension === 'per-second' && q.noun === '' && /[a-z]/i.test(q.text)) return true;
  // "Max batch size: 10", "Batch size = 10": a bare number right after the wording's colon or equals sign.
  if (q.noun !== '' || fromLabel) return false;
  const lead = /^(.*?)[:=]\s*(?:up to|max(?:imum)?|default|of)?\s*$/i.exec(text.slice(0, m.low.start));
  // Only a label's colon: "How many internet gateways can I attach to my VPC: 1" is no label.
  return lead !== null && lead[1]!.split(/\s+/).filter(Boolean).length <= 5;
}

type Qualifier = 'default' | 'max' | 'min' | null;

/** What the note says the number is: a default, a maximum, a minimum, or nothing said. */
function qualifier(text: string, start: number, end: number): Qualifier {
  // An aside in brackets is not the number's clause: "Default TTL (time to live) is 300 seconds" is a default.
  const before = text.slice(Math.max(0, start - 60), start).toLowerCase().replace(/\([^()]*\)/g, ' ');
  // Up to the end of the number's clause: in "minimum 1KB, maximum 256KB" the maximum is the next number's, and
  // in "300 seconds (min: 0s, max: 3600s)" "min:" labels the number after it.
  const after = text.slice(end, end + 16).toLowerCase().split(/[,;]|\b(?:min|max)(?:imum)?\s*[:=]/)[0]!;
  // From the start of the number's clause: "Default /tmp ephemeral storage: 512 MB" is a default.
  const near = before.split(/[,;(]|\.\s/).pop() ?? before;
  const found = new Set<Qualifier>();
  if (/\bdefault/.test(near) || /^\W{0,3}(?:by )?default/.test(after)) found.add('default');
  if (/\b(?:max(?:imum)?(?: of| is)?|up ?to|at most|upto|limit(?:ed)?(?: to| of| is)?|maxes(?: out)?(?: at| to)?|no more than|cap(?:ped)?(?: at)?|as (?:large|big|long|many|much|high) as|<=?|≤)\W*$/.test(near) || /\bmax\b|\bmaximum\b|^\W{0,3}(?:at most|max)\b/.test(after.slice(0, 10))) found.add('max');
  // "60 seconds latency minimum": one word may sit between the number and what it is.
  if (/\b(?:min(?:imum)?(?: of| is)?|at least|>=|≥|starts? at)\W*$/.test(near) || /^\W{0,3}(?:[\p{L}-]+\s+)?min(?:imum)?\b/u.test(after)) found.add('min');
  // "Lowest configurable maximum event age": a minimum and a maximum at once says neither.
  if (/\b(?:lowest|smallest|shortest|minimum)\b/.test(near)) found.add('min');
  if (/\b(?:highest|largest|longest|maximum)\b/.test(near)) found.add('max');
  return found.size === 1 ? [...found][0]! : null;
}

/** 'ok', what AWS documents instead (readable) and the value compared, or null when the statement cannot be judged against this fact. */
function judge(c: Compiled, m: Mention, q: Qualifier): { documented: string; slot: Slot } | 'ok' | null {
  const { slots, fact } = c;
  if (m.high) {
    // A range is judged by its ends against the fact's range; a fact without one has nothing to say of it.
    if (!slots.max) return null;
    // Only the upper end is held against the note: "1 to 20 seconds" for long polling is right for its purpose.
    if (sameAmount(m.high, slots.max)) return 'ok';
    return { documented: slots.min ? `${readable(fact.min!)} to ${readable(fact.max!)}` : `up to ${readable(fact.max!)}`, slot: 'max' };
  }
  const v = m.low;
  const slot: Slot | null = q === 'default' ? (slots.default ? 'default' : null) : q === 'min' ? (slots.min ? 'min' : null) : q === 'max' ? (slots.max ? 'max' : slots.value ? 'value' : null) : bareSlot(c, v);
  if (slot === null) return null;
  const want = slots[slot]!;
  // "Scales in 10GB increments up to 128TB": a number a thousand times off the fact's is another measure's
  // (a zero is no magnitude: "default 0 seconds" is still judged).
  const [low, high] = [Math.min(v.value, want.value), Math.max(v.value, want.value)];
  if (low > 0 && high > 1000 * low) return null;
  if (slot === 'atLeast') return v.value >= want.value ? 'ok' : { documented: `at least ${readable(fact.atLeast!)}`, slot };
  return sameAmount(v, want) ? 'ok' : { documented: describe(fact, slot), slot };
}

/** The value a bare number is held against: the fact's `bare`, else its only value; a number equal to any current value passes. */
function bareSlot(c: Compiled, v: Quantity): Slot | null {
  const present = SLOTS.filter((s) => c.slots[s] !== undefined);
  if (c.fact.bare) return c.fact.bare;
  if (present.some((s) => s !== 'atLeast' && sameAmount(v, c.slots[s]!))) return present.find((s) => sameAmount(v, c.slots[s]!))!;
  // "60 seconds latency" for Firehose: a bare number that is the documented former minimum is that minimum.
  if (c.fact.wasOf && c.slots[c.fact.wasOf] && c.was.some((w) => sameAmount(v, w))) return c.fact.wasOf;
  // A lone minimum or default says nothing of a number stated bare ("transition after 60 days" is no minimum).
  return present.length === 1 && (present[0] === 'value' || present[0] === 'max' || present[0] === 'atLeast') ? present[0]! : null;
}

/** "12500000 subscriptions" → "12,500,000 subscriptions". */
function readable(v: string): string {
  return v.replace(/(?<![\d.])\d{4,}(?![\d.])/g, (n) => n.replace(/\B(?=(\d{3})+$)/g, ','));
}

function describe(fact: AwsFact, slot: Slot): string {
  const v = readable(fact[slot]!);
  switch (slot) {
    case 'default':
      return `${v} by default`;
    case 'max':
      return `up to ${v}`;
    case 'min':
      return `at least ${v}`;
    case 'atLeast':
      // "at least": the figure itself is documented ("6 categories"), not only more than it.
      return `at least ${v}`;
    case 'value':
      return v;
  }
}

// Words that tell of a change: "raised from 20k to 120k", "256 KB (1 MiB since 2025)", "was 3 GB, now 10 GB".
const CHANGE = /\b(?:from|raised|increased|decreased|lowered|changed|previously|formerly|was|were|used to|now|since|old|older|new|newer|before|until|updated?)\b|->|→/i;

/**
 * Whether the statement writes an update beside the judged amount: another of its quantities is `current`, the
 * value the judged one missed, and it says that something changed. "120k for standard, 20k for FIFO" sets
 * the current figure of one queue type beside the old one of another: it teaches the old one.
 */
function knowsCurrent(current: Quantity, all: Mention[], judged: Mention, text: string): boolean {
  return CHANGE.test(text) && all.some((m) => m !== judged && [m.low, m.high].some((q) => q && sameAmount(q, current)));
}
