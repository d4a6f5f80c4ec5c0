import type { OutlineNode } from '../outline.js';
import { wordCount } from '../text.js';
import { AUTHOR_TALKING, Collector, askableStatement, isGenericLabel, labelText, looksLikeCode, walk } from './shared.js';

// Sizes in lower case too ("256kb per message"): notes write them so as often as not.
const UNITS =
  'milliseconds|millisecond|ms|seconds|second|secs|sec|minutes|minute|mins|min|hours|hour|hrs|hr|days|day|weeks|week|months|month|years|year|' +
  'bytes|KB|KiB|MB|MiB|GB|GiB|TB|TiB|PB|kb|mb|gb|tb|Gbps|Mbps|MB/s|MiB/s|GB/s|IOPS|rps|RPS|TPS|requests per second|requests/second|' +
  'characters|chars|records|items|messages|versions|regions|AZs|instances|copies|replicas|shards|partitions|subnets|targets|retries|attempts';
const NUMBER = String.raw`\$?\d{1,3}(?:[,.]\d{3})+(?!\d)|\$?\d+(?:\.\d+)?`;
const FIND = new RegExp(
  String.raw`(?<![\w.$/:#-])(${NUMBER})(\s?(?:%|[kKM](?![a-zA-Z])|x(?![a-zA-Z])))?(?:(\s?)(${UNITS})(?![\w/]))?`,
  'g',
);
const COUNT_NOUN = /^\s+([a-zA-Z][a-zA-Z-]{2,})/;
const NOT_A_COUNT = new Set(['and', 'or', 'to', 'of', 'the', 'in', 'on', 'for', 'with', 'by', 'is', 'are', 'at', 'from', 'as', 'if', 'then', 'but', 'so']);

export interface NumberMatch {
  before: string;
  answer: string;
  after: string;
  value: number;
  unit: string;
}

/** Finds the number worth asking about in a statement: one with a unit, else one counting something. */
export function findNumber(text: string): NumberMatch | null {
  return findNumbers(text, 1)[0] ?? null;
}

/**
 * Every number worth asking about in a statement, in order, up to `max`: those with a unit (or %, $), and
 * the first one counting something ("3 AZs"); each is its own blank, with the rest of the line as it is.
 */
export function findNumbers(text: string, max = 3): NumberMatch[] {
  if (/^\d+[.)]\s/.test(text)) text = text.replace(/^\d+[.)]\s+/, '');
  const found: NumberMatch[] = [];
  let counted: NumberMatch | null = null;
  for (const m of text.matchAll(FIND)) {
    const raw = m[1]!;
    const idx = m.index!;
    const after = text.slice(idx + m[0].length);
    if (/^[\w.]*\d/.test(after) || /^\.\d/.test(after) || /^\/\d/.test(after)) continue; // IPs, dates, versions
    const value = parseNumber(raw, m[0].trim().endsWith('%'));
    if (!Number.isFinite(value)) continue;
    const suffix = (m[2] ?? '').trim();
    const unit = m[4] ?? '';
    const isYear = /^(19|20)\d\d$/.test(raw) && unit === '' && suffix === '';
    if (isYear) continue;
    // One end of a range ("10 - 30 sec") without a unit of its own takes the other end's.
    const rangeUnit = unit === '' && suffix === '' ? /^\s?[-–]\s?\d[\d.,]*\s?([a-zA-Z%]+)/.exec(after)?.[1] : undefined;
    if (unit !== '' || suffix !== '' || raw.startsWith('$')) {
      found.push({ before: text.slice(0, idx), answer: m[0].trim(), after, value, unit: unitKey(suffix + unit) });
    } else if (rangeUnit !== undefined && new RegExp(`^(${UNITS})$`).test(rangeUnit)) {
      found.push({ before: text.slice(0, idx), answer: raw, after, value, unit: unitKey(rangeUnit) });
      // …and its high end, written against the dash ("1-10 messages"), which the search above passes over:
      // often the fact worth knowing ("Batch size: 1-____").
      const high = /^(\s?[-–])(\d[\d.,]*)(\s?[a-zA-Z%]+)/.exec(after);
      const highValue = high ? parseNumber(high[2]!, false) : NaN;
      if (high && Number.isFinite(highValue) && found.length < max) {
        const at = idx + m[0].length + high[1]!.length;
        found.push({ before: text.slice(0, at), answer: `${high[2]}${high[3]}`, after: after.slice(high[0].length), value: highValue, unit: unitKey(rangeUnit) });
      }
    } else {
      const noun = COUNT_NOUN.exec(after);
      // "Route 53 health checks", "Windows 10 hosts": a number after a capitalised word is part of a name.
      const partOfName = /\b\p{Lu}[\p{L}]*\s$/u.test(text.slice(0, idx));
      if (!counted && !partOfName && value >= 2 && noun && !NOT_A_COUNT.has(noun[1]!.toLowerCase())) {
        counted = { before: text.slice(0, idx), answer: raw, after, value, unit: `#${noun[1]!.toLowerCase().replace(/s$/, '')}` };
      }
    }
    if (found.length >= max) break;
  }
  // A count is asked only when the line has no measured quantity: "3 AZs, 99.99% availability" asks the percentage.
  if (found.length === 0 && counted) found.push(counted);
  return found;
}

function parseNumber(raw: string, share: boolean): number {
  const s = raw.replace(/^\$/, '');
  // "10.000" and "12.500.000" are thousands separators in many locales; "1.5" is a decimal, and so is "0.085"
  // (no number is grouped after a lone 0), and so is a share's "99.999 %" (five nines, not 99 999 %).
  if (/^[1-9]\d{0,2}(?:[.,]\d{3})+$/.test(s) && !(share && /^\d{1,3}\.\d{3}$/.test(s))) return Number(s.replace(/[.,]/g, ''));
  return Number(s);
}

/** A unit as written ("secs", "Days") → the key numbers of one measure share ("second", "day"). */
export function unitKey(unit: string): string {
  const u = unit.toLowerCase().replace(/\s+/g, ' ');
  const aliases: Record<string, string> = {
    ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond',
    s: 'second', sec: 'second', secs: 'second', second: 'second', seconds: 'second',
    min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute',
    hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour',
    day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
    rps: 'rps', 'requests per second': 'rps', 'requests/second': 'rps',
  };
  return aliases[u] ?? u;
}

/** Statements with a number: "Message retention: 4 days by default" → a blank for "4 days". */
export function extractNumbers(root: OutlineNode, out: Collector): void {
  walk(root, (node, parent, place) => {
    // A label with a list under it ("Layer 7 load balancers:") names a group; it states nothing.
    if ((node.kind !== 'item' && node.kind !== 'line') || node.children.length > 0) return;
    // "99,99% availability": a decimal comma (many locales write one) before a share is a decimal point, not
    // a break between two numbers ("99," and "99%").
    const statement = askableStatement(node.text)?.replace(/\b(\d{1,2}),(\d+)(?=\s?%)/g, '$1.$2') ?? null;
    if (statement === null || looksLikeCode(statement)) return;
    // Worked examples are arithmetic on made-up numbers, not facts to remember.
    if ([...place.path, ...place.context].some((p) => /^(example|exercise|scenario)s?\b/i.test(p))) return;
    if (/\b(for ex(ample)?|e\.g\.|eg:|eg|ex:|example)(?!\w)/i.test(statement)) return;
    // "I can't teach you all of the 224 resources": the author talking about the course.
    if (AUTHOR_TALKING.test(statement)) return;
    // "1 x 80 = 80 units", "8 KB / 4 KB = 2": a worked sum, whatever heading it sits under.
    // "== 400,000 seconds if …" carries on a sum from the line above.
    if (WORKED_SUM.test(statement) || WORKED_PRODUCT.test(statement) || /(^|:)\s*(=|≈|~=)/.test(statement)) {
      out.skip('no-checkable-claim', node);
      return;
    }
    for (const found of findNumbers(statement)) {
      // "444444444444": twelve digits are an account's id, an example's placeholder, not a quantity.
      if (/^\d{12}$/.test(found.answer.replace(/[\s-]/g, ''))) continue;
      // "ex $10 per hour for 1 to 3 years": the value after "ex" was picked to show the shape of a commitment,
      // and any other would show it as well; the line's other numbers still state its terms.
      if (/\bex\.?\s*$/i.test(found.before)) continue;
      // A blank needs enough words around it, or a label above it, to say what it is about.
      const around = wordCount(found.before + ' ' + found.after);
      const named = /^[^:]{2,60}:\s/.test(statement); // "Message retention: 4 days" names its subject itself
      const label = /^([^:]{1,20}):/.exec(statement)?.[1];
      if (label && isGenericLabel(label)) continue; // "EX1: move to IA after 60 days" is an example
      // A plain line in a flat dump has no reliable label above it: it must say enough by itself.
      if (node.kind === 'line' && place.context.length === 0 && wordCount(found.before + ' ' + found.after) < 6 && !named) continue;
      // "Time: 15min <": a dangling sign says the number is one side of a comparison the line does not finish.
      // A bullet right under a short heading ("# SNS" / "- up to 100,000 topics") has that heading for a subject.
      const underName = node.kind === 'item' && parent?.kind === 'section' && wordCount(parent.text) <= 3 && !isGenericLabel(labelText(parent.text));
      if (around < 2 || (around < 4 && place.context.length === 0 && !named && !underName) || /^(or|and|but|need|needs|so|then|if)\b/i.test(statement) || /^\s*[<>=≤≥]+\s*$/.test(found.after)) {
        out.skip('too-short', node);
        continue;
      }
      // "Minimum storage duration: 90 days" in a flat run of lines under "Storage Classes": the member it is
      // about is one of the unmarked lines above it, so the question could not name its subject.
      if (node.kind === 'line' && place.context.length === 0 && parent && isFlatRun(parent) && namesKinds(place.path[place.path.length - 1] ?? '') && !namesThing(statement)) {
        out.skip('ambiguous', node);
        continue;
      }
      const subject = place.context[place.context.length - 1] ?? place.path[place.path.length - 1] ?? '';
      out.add(
        {
          kind: 'numeric',
          path: place.path,
          context: place.context,
          line: node.line,
          sourceText: node.text,
          subject: labelText(subject),
          ...found,
        },
        node,
      );
    }
  });
}

// Numbers joined by an operator and an "=" later on: arithmetic, not a limit or a default.
const WORKED_SUM = /\d\s*(?:[a-z]{1,3}\s*)?(?:[x×*/+]|\bdivided by\b|\btimes\b)\s*\(?\d[^=]*=\s*~?\s*\(?\d/i;
// "2 Instances x $0.362/hour x 24 hours/day x 30 days = $520.32": factors with their units between them, then a total.
const WORKED_PRODUCT = /\d[^=\n]*?(?:\s[x×*]\s|×)\s*\$?\d[^=\n]*=\s*~?\s*\$?\d/i;

const FLAT_RUN_MIN = 8;

/** A section whose content is a long run of plain lines with no list structure (a flattened export). */
function isFlatRun(node: OutlineNode): boolean {
  return node.children.filter((c) => c.kind === 'line' && c.children.length === 0).length >= FLAT_RUN_MIN;
}

/** A heading that names a kind of things ("Storage Classes", "Routing Policies") rather than one thing. */
function namesKinds(heading: string): boolean {
  const last = labelText(heading).replace(/\s*\([^)]*\)\s*$/, '').split(/\s+/).pop() ?? '';
  return /^[a-z]{3,}[^su]s$/i.test(last) && !/^[A-Z]+s?$/.test(last);
}

/** A statement that names something itself: a capitalised word or an acronym after its first word. */
function namesThing(statement: string): boolean {
  return statement.split(/\s+/).slice(1).some((w) => /^[\p{Lu}]|[A-Z]{2,}/u.test(w));
}
