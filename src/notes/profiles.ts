/**
 * Service profiles: the plain bullets a note writes under a heading that names one service ("## Redshift":
 * "Massively parallel query execution, has a SQL interface", "BI tools such as QuickSight integrate with it")
 * asked together as "which service is this?". They are the commonest statements in notes and were the ones
 * most often never asked (issue 14, kind 8: recall, read by hand, 16 % of what is worth studying). One such
 * statement alone fits many services — with its service blanked, statements of under nine words were good 15
 * times in 40 — so two or three are asked together, and wrong answers come as for a service sentence
 * (service-choices.ts): same job first, none the statements name or the note describes in their words.
 */
import type { SentenceFact, SkipReason } from './facts.js';
import type { ServiceEntry, ServiceLookup } from './services.js';
import type { Asker, Draft } from './questions.js';
import { saysInitials, spellsFullName, spellsWholeName, stem } from './giveaway.js';
import { enoughChoices, serviceChoices } from './service-choices.js';
import { endsMidClause, normalize, wordCount } from './text.js';
import { saysTooLittle } from './vague.js';

// "Yes, you can use it as input for training jobs": the answer of a question the note asked just before.
const ANSWER_OF_A_QUESTION = /^(?:yes|no)\b[,.!:]/i;

// The course talking ("So far we've been using Docker Hub", "Similar to developer exam questions"): no property.
const COURSE = /\b(?:we|we['’](?:ve|re|ll)|our|my|you['’]ll|exams?|course|lecture|lesson|section|chapter|lab|demo|hands-on)\b/i;
const FIRST_PERSON = /(?:^|\s)I(?:['’](?:m|ve))?\s/;
// "This is enabled by using Git", "These include SaaS applications": what "this" is stays on the line before
// ("it" under a service's heading is the service). "NOTE: as of May 2019 use the old UI" is the author's aside;
// "Events vs Webhooks vs Polling" names a comparison, not a property.
const LEANS = /^(?:this|that|these|those|note|nb)\b(?!\s+(?:service|tool|feature)\b)/i;
// How many statements one profile asks together: more is a reading test, not a question.
const PER_PROFILE = 3;

// "Create a stack", "Go to the console", "Set desired instances to 1": a step of a walk-through, not a property.
const STEP_VERBS = ['create', 'click', 'go', 'select', 'choose', 'open', 'enter', 'attach', 'add', 'download', 'install', 'navigate', 'launch', 'configure', 'delete', 'remove', 'copy', 'paste', 'upload', 'send', 'poll', 'wait', 'refresh', 'verify', 'try', 'set', 'run', 'type', 'check', 'log in', 'sign in', 'sign up', 'make sure'];
// The verb, then a word in lower case: "Set desired instances to 1", not "Read Replicas" or "Type of …".
const STEP = new RegExp(`^(?:${STEP_VERBS.map((v) => `[${v[0]!.toUpperCase()}${v[0]}]${v.slice(1)}`).join('|')})\\s+(?!of\\b)[a-z0-9]`);
// What a heading may say after the service's name and still be about the whole service.
const WHOLE = /^(?:overview|basics|fundamentals|introduction|intro|summary|in a nutshell|recap|notes?|deep dive|(?:key )?features|benefits|(?:exam )?tips|good to know|key points|facts|essentials)?$/i;
// "What is Lambda", "What can API Gateway do?", "Benefits of AWS Lambda": the heading asks about the service.
const ASKS_ABOUT = /^(?:what(?:['’]s|\s+is|\s+are)(?:\s+an?)?|what\s+can|why(?:\s+use)?|how\s+(?:does|do)|introduction\s+to|intro\s+to|about|overview\s+of|features\s+of|benefits\s+of)\s+/i;
const ASKS_TAIL = /(?:\s+(?:do|does|work|works))?\s*\??$/i;

/**
 * The statements to profile, grouped by the heading they sit under (top-level bullets and lines only: a
 * child bullet belongs to its parent), in note order.
 */
export function profileGroups(facts: readonly SentenceFact[]): SentenceFact[][] {
  const groups = new Map<string, SentenceFact[]>();
  for (const f of facts) {
    if (f.context.length > 0 || f.path.length === 0) continue;
    const key = f.path.join('\u0000');
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].filter((g) => g.length >= 2);
}

/** The service a heading names as a whole ("Amazon Redshift", "SQS: Simple Queue Service", "EFS Overview"), if any. */
export function headingService(heading: string, services: ServiceLookup): ServiceEntry | null {
  // "KMS (Key Management Service)": the parentheses spell out or qualify what is outside them.
  let h = heading.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const asked = h.replace(ASKS_ABOUT, '');
  if (asked !== h) h = asked.replace(ASKS_TAIL, '').trim();
  h = h.replace(/^(?:amazon|aws)\s+/i, '');
  const lead = services.leading(h);
  const entry = lead ? services.entry(lead.id) : undefined;
  if (!lead || !entry) return null;
  const bare = (name: string) => normalize(name).replace(/^(?:amazon|aws) /, '');
  // The heading must say the service's own name, its full name, an older one that ends in it ("Kinesis Data
  // Firehose") or its initials ("KDS"): the catalogue also files parts under a service ("Lambda@Edge" and
  // "Origin Access Identity" under CloudFront, "SCP" under Organizations), and their bullets describe the part.
  const said = bare(h.slice(0, lead.length));
  const name = bare(entry.name);
  const initials = bare(entry.fullName).split(' ').map((w) => w[0]).join('');
  const stems = (t: string) => t.split(' ').filter((w) => !/^(?:and|for|of|the)$/.test(w)).map(stem);
  const nameStems = new Set([...stems(bare(entry.fullName)), ...stems(name)]);
  // "Kinesis Streams", "Load Balancers", "Cost and Usage Reports": words of the full name, shortened.
  const shortened = stems(said).every((w) => nameStems.has(w));
  const own = said === initials || said.endsWith(` ${name}`) || shortened;
  if (!own) return null;
  const rest = h.slice(lead.length).trim();
  if (WHOLE.test(rest)) return entry;
  // "SQS: Simple Queue Service" spells the name out; "SQS - Long polling" is one part of it.
  const subtitle = /^[:–—-]\s*(.*)$/.exec(rest)?.[1];
  return subtitle !== undefined && (WHOLE.test(subtitle) || bare(subtitle) === bare(entry.fullName)) ? entry : null;
}

/**
 * "Which service is this" questions from the bullets under a service's heading — three bullets each, the most
 * telling first — or why there are none.
 */
export function fromProfile(group: readonly SentenceFact[], asker: Asker, services: ServiceLookup): Array<{ draft: Draft; fact: SentenceFact }> | SkipReason {
  const heading = group[0]!.path[group[0]!.path.length - 1]!;
  const entry = headingService(heading, services);
  if (!entry) return 'no-checkable-claim';
  // One step among the bullets makes them a walk-through ("Create a queue", then "Send three messages"): what
  // they say is what the author did.
  if (group.some((f) => STEP.test(f.statement))) return 'no-checkable-claim';
  // A statement that names the service says the answer; a question or a lead-in says nothing of it.
  const usable = group.filter((f) => {
    const words = wordCount(f.statement);
    return words >= 4 && words <= 25 && !/[?:]\s*$/.test(f.statement) && !LEANS.test(f.statement) && !/\svs\.?\s/i.test(f.statement) && !endsMidClause(f.statement) && !ANSWER_OF_A_QUESTION.test(f.statement) && !COURSE.test(f.statement) && !FIRST_PERSON.test(f.statement) && !ANNOUNCES_A_LIST.test(f.statement) && !services.find(f.statement).includes(entry.id);
  });
  // The most telling statements first; a last one left alone is not asked (one statement fits many services).
  const ranked = [...usable].sort((a, b) => wordCount(b.statement) - wordCount(a.statement));
  const drafts: Array<{ draft: Draft; fact: SentenceFact }> = [];
  let reason: SkipReason = 'ambiguous';
  for (let i = 0; i + 1 < ranked.length; i += PER_PROFILE) {
    const chosen = ranked.slice(i, i + PER_PROFILE).sort((a, b) => a.line - b.line);
    const d = profile(chosen, entry, asker, services);
    if (typeof d === 'string') reason = d;
    else drafts.push({ draft: d, fact: chosen[0]! });
  }
  return drafts.length > 0 ? drafts : reason;
}

/** How a profile's prompt opens: the one question built from several lines of a note (see findingFor). */
export const PROFILE_ASKS = 'which service is this:';

// "There are two deployment modes": a count that announces the list below it says nothing without the list.
const ANNOUNCES_A_LIST = /^there\s+(?:are|is)\s+(?:\w+\s+)?(?:two|three|four|five|six|seven|eight|\d+)\b[^,;:]*\.?$/i;

/** The question that asks which service `chosen` (two or three statements, in the note's order) describe. */
function profile(chosen: SentenceFact[], entry: ServiceEntry, asker: Asker, services: ServiceLookup): Draft | SkipReason {
  const names = [entry.name, entry.fullName, ...entry.aliases];
  const claims = chosen.map((f) => f.statement.replace(/[.;,\s]+$/, ''));
  const joined = claims.join(' · ');
  // "Read scaling using Read Replicas" · "Multi AZ with Failover Capability" (ElastiCache, and as much RDS):
  // two short lines fit many services between them (graded blind r56–r58: bad 3 times in 4); two make a
  // profile only when one of them says more.
  if (claims.length === 2 && Math.max(...claims.map(wordCount)) < 7) return 'ambiguous';
  // "Fully managed", "Pay as you go": claims any of the choices could make tell nothing apart.
  if (saysTooLittle(joined, names)) return 'ambiguous';
  const named = new Set(chosen.flatMap((f) => services.find(f.statement)));
  const picked = serviceChoices(entry, claims, named, services, asker.sayings, joined);
  if (!enoughChoices(entry, picked)) return 'no-plausible-distractors';
  // "Serverless framework for serverless applications" spells "Serverless Application Model", "migrate
  // databases" Database Migration Service, "If CF update fails" CloudFormation's initials.
  if (spellsFullName(joined, entry.fullName, picked.flatMap((o) => [o.name, o.fullName])) || spellsWholeName(joined, entry.fullName) || saysInitials(joined, [entry.name, entry.fullName])) return 'gives-answer-away';
  const body = `${PROFILE_ASKS} ${claims.map((c) => `“${c}”`).join(' · ')}?`;
  const first = chosen[0]!;
  const d = asker.draft(first, 'single', first.path, body, [entry.name], joined, { statement: joined });
  // The heading names the answer: the prompt stands without a breadcrumb.
  d.q.prompt = body.charAt(0).toUpperCase() + body.slice(1);
  d.q.distractors = picked.map((o) => o.name);
  d.form = 'profile';
  return d;
}
