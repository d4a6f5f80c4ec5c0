/**
 * Which number blanks are worth asking, read off the statement alone: a blank that is a label, a worked
 * example's step, a count the line lists, a restatement in other units, a rough size, a lower bound, a case's
 * own figures, a price. Each rule says what it keeps out and how it graded blind. The wrong values are chosen
 * apart (distractors.ts); this stage only says no.
 */
import type { NumericFact, SkipReason } from './facts.js';
import { HTTP_REASON } from './distractors.js';
import { unitKey } from './extract/numbers.js';
import { mentions, sameAmount } from '../facts/quantity.js';

/** Why a number's blank should not be asked, or null when nothing in its line speaks against it. */
export function numericSkip(f: NumericFact): SkipReason | null {
  // "____ per GB of data processed", "Advanced - ____ per month", "The current monthly bill is ____": a price is
  // the Region's and the year's (the exams ask which option costs less, not what it costs), a case's bill is the
  // case's, and a line of prices offers its neighbours as wrong choices that are right for them, or works one out
  // from another ("$0.045/hour (~____/month)"). Graded blind r7–r54, 80 price blanks were good 38 % of the time,
  // one vote per question (R6, R1, R7, R4-note, R2 alike).
  if (MONEY.test(f.answer)) return 'no-checkable-claim';
  // "____: 500 shards": the blank is a label, and nothing says what the number after it counts.
  if (f.before.trim() === '' && /^\s*[:=–—-]/.test(f.after)) return 'ambiguous';
  // "1 replica: ____ shards": a label that is itself a quantity names no subject either.
  if (/^\s*\d[\w\s]{0,20}:\s*$/.test(f.before)) return 'ambiguous';
  // "Rounded to 4, so 6KB needs 2 RCU": a worked example's step, true only of the example.
  if (/\b(so|therefore|thus|hence)\b|=>|→/i.test(`${f.before} ${f.after}`) && (`${f.before} ${f.after}`.match(/\d/g) ?? []).length > 0) return 'no-checkable-claim';
  // "2 caching strategies: lazy loading and write-through": the list after it counts itself.
  if (countsItsList(f)) return 'gives-answer-away';
  // "EBS volumes come in ____ types", "AWS has ____ pricing models", "Developer: ____ core checks": a count of
  // kinds is read off the list the note gives with it, or is out of date once AWS adds one ("4 types", "5
  // categories"); "____ way trust" counts a name; "Remember the ____ commands" counts what the note lists elsewhere.
  // Graded r7–r26: 2 of 10 such questions good.
  if (BARE_COUNT.test(f.answer) && COUNTS_KINDS.test(f.after)) return 'no-checkable-claim';
  // "up to one year (____)": the blank only restates the quantity just before it in other units.
  if (/\(\s*$/.test(f.before) && /^\s*\)/.test(f.after) && /(\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an)\s+(second|minute|hour|day|week|month|year)s?\b)/i.test(f.before)) return 'gives-answer-away';
  // "____ (15 minutes)", "5 TB (5000 GB)": the line says the answer again in other units.
  if (restatesAnswer(f)) return 'gives-answer-away';
  // "1 MiB (raised from ____ in 2025)", "previously ____", "(previously: ____)": the value it used to be is history, not a fact to study.
  if (/\b(?:raised|increased|lowered|reduced|up|down)\s+from\s*$|\b(?:previously|formerly|used to be|was|were|old(?: limit)?)\s*:?\s*$/i.test(f.before)) return 'no-checkable-claim';
  // "shift traffic until ____" → 100 %: all of it is the one answer anyone would guess, and every wrong choice is less.
  if (/^100\s?%$/.test(f.answer.trim())) return 'gives-answer-away';
  // "Less latency ~100 ms (vs 400 ms for ALB)", "about 30 minutes": figures the line gives as rough sizes have
  // more than one right answer, and graded blind they were good 2 times in 11.
  if (APPROXIMATE.test(`${f.before} ${f.answer} ${f.after}`)) return 'no-checkable-claim';
  // "3 IOPS per GB × 100 GB = ____": the result of a sum on the note's own numbers is arithmetic for one case, not a
  // fact (R7, R6: graded blind, 0 good of 2; a priced total is a price, above). The count it multiplies
  // ("____ × gp2 $0.10/GB = …") is the case's own too.
  if (COMPUTED.test(f.before) || /^\s*[×*]\s*[^=]*=/.test(f.after)) return 'no-checkable-claim';
  // "____ X $0.25 per GB per month", "Rounding up, ____ WCUs are needed to satisfy this requirement": a step of a
  // worked example — an amount times a price, or a figure for "this" case — is the example's (R1, R7; fresh16).
  if (/^\s*[x×*]\s*\$/i.test(f.after) || /\b(?:this|the)\s+(?:requirement|example|scenario|case|workload)\b/i.test(`${f.before} ${f.after}`)) return 'no-checkable-claim';
  // "over ____ types", "more than ____ products", "at least ____": a lower bound is as true of every smaller
  // value, so a smaller wrong choice is right too (R2); graded blind, such blanks were good 4 times in 16.
  // "10 GB+ /s", "1000+ nodes": a "+" after the number says the same.
  if (LOWER_BOUND.test(f.before) || /^\+/.test(f.after)) return 'ambiguous';
  // "Transition to Glacier after ____", "expire (delete) them after ____", "Move to IA ____ after creation": the
  // age a lifecycle rule acts at is the author's example setting, and any other age is as valid (R2, R1: graded
  // blind, 1 good in 9). A default or a limit ("By default, files move after 30 days", "minimum 30 days") is a fact.
  if (EXAMPLE_AGE.test(`${f.before}____${f.after}`) && !AGE_FACT.test(f.sourceText)) return 'no-checkable-claim';
  // "Suppose you have 4 instances in one zone and ____ in the other", "say we have ____ objects": the figures of a
  // made-up case are the case's, not AWS's (R7; 9 such blanks over the sets, none graded good).
  if (HYPOTHETICAL.test(f.before.split(/[.!?;]\s/).pop() ?? '')) return 'no-checkable-claim';
  // "This will cause the task to run up to ____", "This results in ____ tunnels": the line goes on from the one
  // above it, and what "this" is stays there (R1; graded blind, 0 good of 2). "This means …" is often a fact's
  // own restatement ("This means the message has 30 seconds to be processed") and is still asked.
  if (/^\W*(?:this|that)\s+(?:will|would|causes?|results?)\b/i.test(f.before)) return 'no-checkable-claim';
  if (convertedOnLine(f)) return 'gives-answer-away';
  // "Batch size: ____-10 messages": the low end of a count's range that starts at nothing or one is where any
  // count starts, and a minimum of 2, 3 or 4 convinces no one (R3); the high end is the fact. A low end with a
  // unit of its own ("from ____ to 14 days" → 1 minute, "1 GiB to 16 TiB") is a documented minimum and is asked.
  if (f.value <= 1 && /^\d+$/.test(f.answer.trim()) && RANGE_AFTER.test(f.after)) return 'no-plausible-distractors';
  // "____ per second. With 10 messages batched per operation, 3000 messages per second": the line's other
  // numbers work the blank out (300 × 10 = 3000), so the prompt gives it away (R6).
  if (worksOut(f)) return 'gives-answer-away';
  // "retries wait longer each time (50ms, 100ms, ____…)": a series the blank continues is read off its neighbours,
  // and its values are the example's (R6, R7).
  if (inSeries(f)) return 'gives-answer-away';
  // "Allocated for a ____ year reservation": reservations and commitments come in 1- and 3-year terms, so the
  // other term is as right a choice as the one the line names (R2), and a 2- or 4-year term convinces no one.
  if (f.unit === 'year' && (f.value === 1 || f.value === 3) && TERMED.test(f.sourceText)) return 'ambiguous';
  // "Throttled requests receive ____ Too Many Requests": the reason phrase is the status code's own name, so
  // it gives the code away to anyone who knows HTTP, and asks nothing of the service (R6, graded blind r59).
  if (f.value >= 100 && f.value <= 599 && /^\d{3}$/.test(f.answer.trim()) && REASON_PHRASE.test(f.after)) return 'gives-answer-away';
  // "1 or 3 year terms": the statement names the one other value; any third one would be made up.
  // "can only choose 10 sec or ____": the unit may stand between the other value and its "or".
  if (/^\s*(?:[a-zA-Z%]+\s+)?or\s+\$?\d/i.test(f.after) || /\d[\w%]*(?:\s+[a-zA-Z%]+)?\s+or\s*$/i.test(f.before)) return 'no-plausible-distractors';
  // "No ____ items in a table can have the same key", "____ items may have the same partition key when their
  // sort keys differ": two things alike is how a rule of sameness is said ("no two"), not a count; three or four is as
  // true (R2, graded blind r60–r61, both times). A measured amount ("shares 2 MB per second") is a quantity.
  if (f.value === 2 && SAMENESS.test(f.sourceText) && (mentions(f.answer)[0]?.low.dimension ?? 'count') === 'count') return 'no-checkable-claim';
  // "HalfAtATime: capacity drops by ____" → 50 %: the line names the share in words (R6, graded blind r61).
  if (SHARE_IN_WORDS[f.answer.replace(/\s/g, '')]?.test(splitWords(`${f.before} ${f.after}`))) return 'gives-answer-away';
  // "better to use an alias (____, 180 days, etc.)", "e.g. ____ or 60 seconds": values a line gives as examples
  // are the author's picks, and any other would do as well (R2, graded blind on fresh23).
  if (EXAMPLE_OPENS.test(f.before) || (/\([^()]*$/.test(f.before) && EXAMPLES_GO_ON.test(f.after))) return 'ambiguous';
  // "one writer replicates to two reader instances. We can have ____ readers only!": the line counts them in words.
  if (countsInWords(f)) return 'gives-answer-away';
  // "Custom: min healthy hosts = ____": what a custom setting is set to is the author's pick, not AWS's (R2).
  if (/^\W*custom(?:ised|ized)?\b[^:=]*[:=]/i.test(f.before)) return 'no-checkable-claim';
  return null;
}

// An example the line opens, still open at the blank ("e.g. ____", "for example 30 or ____"): to its sentence's end.
const EXAMPLE_OPENS = /\b(?:e\.g\.?|eg\.|for example|for instance)[^.;:)]*$/i;
// A parenthesised list that goes on past what it names: "(____, 180 days, etc.)", "(5, ____, …)".
const EXAMPLES_GO_ON = /^[^()]*(?:\betc\b\.?|\band so on\b|…|\.\.\.)\s*\)/i;

// Shares a line may say in words, in camel-cased names too ("HalfAtATime").
const SHARE_IN_WORDS: Record<string, RegExp> = { '50%': /\bhalf\b/i, '25%': /\bquarter\b/i, '75%': /\bthree quarters\b/i };

/** A text with camel-cased names taken apart ("HalfAtATime" → "Half At A Time"). */
function splitWords(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2');
}

// A rule that two things may not, or may, be the same.
const SAMENESS = /\b(?:the same|identical|duplicates?|unique)\b/i;

// The reason phrase of an HTTP status code, right after it ("____ Too Many Requests", "____ (Not Found)").
const REASON_PHRASE = new RegExp(String.raw`^\s*[-–:(]?\s*(?:${HTTP_REASON})\b`, 'i');

// The rest of a range after its low end: "-10 messages", "–5 minutes", "to 10,000".
const RANGE_AFTER = /^\s*(?:[a-zA-Z%]+\s*)?(?:-|–|—|to)\s*\d/i;

// What is bought or committed to for a term of years.
const TERMED = /\b(?:reserv\w*|commit\w*|savings plans?|terms?)\b/i;

/**
 * Whether the statement's other numbers work the blank out: the blank times one is another ("____ per second …
 * 10 per batch … 3000 per second"), two multiply to it, the same amount is written out in full beside it
 * ("10000000 (____ million)"), or an equation sets it equal to another ("____ shards = max 4 consumers").
 * Numbers inside names ("EC2", "t3", "140-2") are not amounts.
 */
function worksOut(f: NumericFact): boolean {
  const v = f.value;
  if (!(v >= 2)) return false;
  const numbers = (text: string) => [...text.matchAll(/(?<![A-Za-z\d.,-])\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, ''))).filter((n) => Number.isFinite(n) && n >= 2);
  const others = numbers(`${f.before} ${f.after}`);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(a, b);
  if (others.some((a, i) => others.some((b, j) => i !== j && (same(v * a, b) || same(a * b, v))))) return true;
  const scale = SCALE[/^\s*(thousand|million|billion)\b/i.exec(f.after)?.[1]?.toLowerCase() ?? ''];
  if (scale !== undefined && others.some((o) => same(o, v * scale))) return true;
  const [left, right] = [f.before.split(/=/), f.after.split(/=/)];
  const across = [...(left.length > 1 ? numbers(left.slice(0, -1).join('=')) : []), ...(right.length > 1 ? numbers(right.slice(1).join('=')) : [])];
  return across.some((o) => same(o, v));
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

// A run of amounts the blank continues, starts or sits in: "(50ms, 100ms, ____…)", "____, 200, 400", "1, ____, 4".
const AMOUNT = String.raw`\d[\d.]*\s*[a-zA-Z%]*`;
const ONE_BEFORE = new RegExp(`${AMOUNT}\\s*,\\s*$`);
const TWO_BEFORE = new RegExp(`${AMOUNT}\\s*,\\s*${AMOUNT}\\s*,\\s*$`);
const ONE_AFTER = new RegExp(`^\\s*[a-zA-Z%]*\\s*,\\s*\\d`);
const TWO_AFTER = new RegExp(`^\\s*[a-zA-Z%]*\\s*,\\s*${AMOUNT}\\s*,\\s*\\d`);

/** Whether the blank is one of three or more amounts in a row, split by commas. */
function inSeries(f: NumericFact): boolean {
  const before = ONE_BEFORE.test(f.before);
  const after = ONE_AFTER.test(f.after);
  return (before && after) || TWO_BEFORE.test(f.before) || TWO_AFTER.test(f.after);
}

// What a number's blank may follow when it is only a lower bound of the truth.
const LOWER_BOUND = /(?:\b(?:over|more than|greater than|at least|beyond|exceeds?|exceeding|larger than|longer than)|>=?|≥)\s*\$?$/i;

// A number alone, and the kind of thing a count of kinds counts, right after the blank.
const BARE_COUNT = /^\s*\d+\s*$/;
const COUNTS_KINDS = /^\s*-?\s*(?:(?:main|different|core|major|key|basic|primary|distinct|supported|available|deployment|pricing|storage|support)\s+)?(?:types?|kinds?|categories|category|models?|classes|options?|flavou?rs|ways?|widgets|modes?|tiers?|levels?|checks?|plans?|methods?|strategies|families|commands|steps|things|points|advantages|benefits|characteristics)\b/i;

/**
 * "within 100 km (____ miles)", "8 GiB (____ GB)": the blank is the same amount as its neighbour in another unit
 * of one measure, so it is read off the line (R6, R2). "10GB (1MB increments)" is no conversion: the blank does
 * not close the bracket.
 */
function convertedOnLine(f: NumericFact): boolean {
  const own = f.unit.replace(/^#/, '');
  const apart = (a: string, b: string) => MEASURE.test(a) && MEASURE.test(b) && unitKey(a) !== unitKey(b);
  // The amount before: the blank closes the bracket, its unit in the answer or after it ("(____ miles)", counted as "#mile").
  const before = CONVERTED.exec(f.before);
  if (before) {
    const closes = (own !== '' && !f.unit.startsWith('#') ? /^\s*\)/ : /^\s*([a-zA-Z°]+)?\s*\)/).exec(f.after);
    const blankUnit = own !== '' ? own : (closes?.[1] ?? '');
    if (closes && apart(before[1]!, blankUnit)) return true;
  }
  // …or the amount after, in brackets: "____ (8.6 GB)" for "8 GiB".
  const after = /^\s*\(\s*(?:~|≈|about|approx\.?|roughly)?\s*\d[\d.,]*\s*([a-zA-Z°]+)\s*\)/.exec(f.after);
  return after !== null && apart(after[1]!, own);
}

// An amount with its unit, then an opening parenthesis (and "~" or "about"), right before the blank: "100 KM (".
const CONVERTED = /\d[\d.,]*\s*([a-zA-Z°]+)\s*\(\s*(?:~|≈|about|approx\.?|roughly)?\s*$/;
// Units one amount is converted between: length, size, weight, temperature ("10GB (1MB increments)" is no conversion: the blank does not close the bracket).
const MEASURE = /^(?:km|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s?|ft|feet|[kmgtp]i?b|c|f|°c|°f|kg|lbs?)$/i;

// A sentence that sets up a made-up case.
const HYPOTHETICAL = /\b(?:suppose|supposing|imagine|assume|assuming|hypothetically|let['’]?s say|let us say|say (?:you|we|I) (?:have|had|need|want|get|run|use))\b/i;

// An age a rule moves, archives or deletes objects at, as the blank of the statement.
// ("The token expires after 12 hours" is a limit, not a rule's setting: expiring alone does not count.)
const EXAMPLE_AGE = /\b(?:move[sd]?|moving|transition(?:s|ed|ing)?|delete[sd]?|deleting|archive[sd]?|archiving)\b[^.;]*\bafter\s+____|____\s+after\s+(?:creation|upload|being created|last access)/i;
// What makes such an age a documented fact: a default, a minimum or maximum.
const AGE_FACT = /\b(?:by default|default|minimum|min\.?|at least|maximum|max\.?|up to|no sooner|must)\b/i;

// A blank right after "=" in a line that multiplies, or prices per unit, before it.
const COMPUTED = /(?:[×*]|\d\s*x\s*\$|\$\d[\d.,]*\s*\/\s*\p{L})[^=]*=\s*[~≈]?\s*\$?\s*$/u;

// An amount of money: "$0.045", "~$3K", "€20", "USD 100".
const MONEY = /^\s*[~≈]?\s*(?:[$€£¥]|USD\b)|\bUSD\s*$/;

// A number marked as a rough size: "~100 ms", "≈ 5 minutes", "about 30 minutes", "around 100ms".
const APPROXIMATE = /(?:~|≈)\s*\d|\b(?:about|around|approximately|approx\.?|roughly|circa)\s+\d/i;

/**
 * Whether the rest of the line holds the answer's amount in another unit ("900 seconds" and "15 minutes").
 * Counts and percentages aside: "2 AZs, 2 subnets" is no restatement, and 99.9 % is not 99.99 %.
 */
function restatesAnswer(f: NumericFact): boolean {
  const answer = mentions(f.answer)[0];
  if (!answer || answer.high || answer.low.dimension === 'count' || answer.low.dimension === 'percent') return false;
  const unit = (text: string) => text.replace(/[\d.,\s~]+/g, '').toLowerCase();
  const otherWay = (q: { text: string }) => unit(q.text) !== '' && unit(q.text) !== unit(answer.low.text);
  return mentions(`${f.before} ____ ${f.after}`).some((m) => [m.low, m.high].some((q) => q != null && otherWay(q) && sameAmount(q, answer.low)));
}

const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A small count the statement also says in words, of the same things ("two reader instances" beside "____ readers"). */
function countsInWords(f: NumericFact): boolean {
  const word = COUNT_WORDS[f.value];
  if (word === undefined || !Number.isInteger(f.value) || f.value < 2) return false;
  // The things counted: the unit the answer carries, else the word right after the blank.
  const noun = (/^\s*\d+\s+(\p{L}{3,})/u.exec(f.answer)?.[1] ?? /^\s*(\p{L}{3,})/u.exec(f.after)?.[1])?.toLowerCase();
  if (noun === undefined) return false;
  const stem = noun.replace(/(?:es|s)$/, '');
  return new RegExp(`\\b${word}\\s+(?:\\p{L}+\\s+)?${stem}`, 'iu').test(`${f.before} ${f.after}`);
}

/** A small count of things the statement goes on to list, one by one. */
function countsItsList(f: NumericFact): boolean {
  if (f.value < 2 || f.value > 10 || !Number.isInteger(f.value)) return false;
  const list = /(?::|\s[-–—])\s*(.+)$/.exec(f.after)?.[1];
  if (list === undefined) return false;
  // Asides may hold slashes and commas of their own ("Partition Key (user id / product id) and …").
  const items = list.replace(/\([^)]*\)/g, ' ').split(/\s*(?:,|\/|;|\band\b|\bor\b|&)\s*/i);
  return items.filter((p) => p.trim() !== '').length === f.value;
}
