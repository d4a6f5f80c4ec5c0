/**
 * Wrong answers for "which service" questions: services that do the same kind of job as the right one, as the
 * catalogue groups them (data/services.json), then the ones the note talks about; never one the statement
 * names, one of the same family, or one the note describes in the statement's own words.
 */
import type { ServiceEntry, ServiceLookup } from './services.js';
import type { NoteSayings } from './sayings.js';
import { stableOrder } from './ids.js';
import { stem } from './giveaway.js';
import { containsWhole, normalize } from './text.js';

/** Two full names sharing two words in a row, by stem ("Network Load Balancer", "Elastic Load Balancing"). */
export function sharesTwoWords(a: string, b: string): boolean {
  const pairs = (t: string) => {
    const w = normalize(t).split(' ').filter((x) => x !== 'amazon' && x !== 'aws').map((x) => stem(x).slice(0, 6));
    return new Set(w.slice(1).map((x, i) => `${w[i]} ${x}`));
  };
  const pb = pairs(b);
  return [...pairs(a)].some((p) => pb.has(p));
}

/**
 * Up to three services to offer against `entry` for `claims` (what the prompt says of it): `named` are the
 * catalogue ids the prompt names, `seed` orders each tier reproducibly.
 */
export function serviceChoices(entry: ServiceEntry, claims: readonly string[], named: ReadonlySet<string>, services: ServiceLookup, sayings: NoteSayings, seed: string): ServiceEntry[] {
  // "NLB" next to "ELB", "Kinesis Video Streams" next to "Kinesis Data Streams": one family, not alternatives.
  const sameJob = (o: ServiceEntry) => entry.group !== undefined && o.group === entry.group;
  const siblings = (o: ServiceEntry) => sameFamily(entry, o);
  const clash = (o: ServiceEntry) => containsWhole(o.name, entry.name) || containsWhole(entry.name, o.name) || (sharesTwoWords(o.fullName, entry.fullName) && !siblings(o));
  // Features against features ("Security Groups" / "Network ACLs"), services against services.
  const candidates = services.alike(entry.id).filter((o) => o.kind === entry.kind && !named.has(o.id) && !clash(o));
  // Services that do the same kind of job first ("Directory Service" against Inspector's scans fools no one, R3),
  // then the ones the note talks about: the likeliest wrong answers.
  const inNote = (o: ServiceEntry) => [o.name, ...o.aliases].some((n) => sayings.mentions(n));
  const tiers = [(o: ServiceEntry) => sameJob(o) && inNote(o), sameJob, inNote, () => true];
  const ordered: ServiceEntry[] = [];
  for (const tier of tiers) ordered.push(...stableOrder(candidates.filter((o) => !ordered.includes(o) && tier(o)), seed, (o) => o.id));
  // Wrong answers from different families too ("FSx" next to "FSx for Lustre" is one guess offered twice), and
  // none the note describes in the statement's words (checked only for the ones about to be picked).
  const picked: ServiceEntry[] = [];
  for (const o of ordered) {
    if (picked.length >= 3) break;
    // Two parts of the right one's own job are two alternatives, though their names share words (ALB, GWLB for NLB).
    if (picked.some((p) => containsWhole(p.name, o.name) || containsWhole(o.name, p.name) || (sharesTwoWords(p.fullName, o.fullName) && !(siblings(p) && siblings(o))))) continue;
    if ([o.name, ...o.aliases].some((n) => claims.some((c) => sayings.saysOf(n, c, entry.name)))) continue;
    picked.push(o);
  }
  // ALB and GWLB against NLB, and then "Security Groups": a third from outside the family is the one choice that
  // fools no one (R3; 5 of 10 such were graded bad). Two of the family are a fair choice already.
  const family = picked.filter((o) => siblings(o));
  return family.length >= 2 ? family : picked;
}

/** Whether `picked` (from serviceChoices) is enough to ask: three wrong answers, or two of the answer's own family. */
export function enoughChoices(entry: ServiceEntry, picked: readonly ServiceEntry[]): boolean {
  return picked.length >= 3 || (picked.length === 2 && picked.every((o) => sameFamily(entry, o)));
}

/**
 * Parts of one job that share a name are alternatives all the same: ALB, NLB and GWLB (features of one group,
 * while ELB, the service they make up, is never offered against them).
 */
function sameFamily(entry: ServiceEntry, o: ServiceEntry): boolean {
  return o.kind === 'feature' && entry.kind === 'feature' && entry.group !== undefined && o.group === entry.group;
}
