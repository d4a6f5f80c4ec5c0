/**
 * How much a claim says that only its subject could: "____ is a managed service, so you don't have to worry
 * about the underlying infrastructure" is true of Lambda, Beanstalk and Lightsail alike. Words every AWS
 * service's pitch uses (managed, scalable, durable, pay for what you use, helps with tasks) tell nothing
 * apart; what is left — "petabyte warehouse", "partition key hash", "subnet stateless firewall" — does.
 */
import { keywords, normalize, singular } from './text.js';

// Beyond `keywords`' stop words: more grammar, and what contractions leave ("don't" → "don t").
const GRAMMAR = new Set([
  'so', 'which', 'mean', 'means', 'there', 'they', 'them', 'their', 'also', 'such', 'other', 'than', 'more', 'most',
  'when', 'what', 'how', 'all', 'any', 'each', 'into', 'via', 'just', 'but', 'have', 'has', 'had', 'was', 'were',
  'been', 'very', 'really', 'then', 'only', 'some', 'many', 'much', 'one', 'don', 'about', 'etc',
]);

// What any service is said to be or do: the vocabulary of a product pitch, not of one product.
const PITCH = new Set([
  'managed', 'fully', 'service', 'simple', 'scalable', 'scalability', 'scale', 'elastic', 'cost', 'effective',
  'highly', 'available', 'availability', 'durable', 'durability', 'secure', 'security', 'reliable', 'reliability',
  'easy', 'easily', 'fast', 'flexible', 'performance', 'solution', 'way', 'store', 'storage', 'access', 'data',
  'cloud', 'aws', 'amazon', 'infrastructure', 'underlying', 'worry', 'resource', 'free', 'pay', 'tool', 'help',
  'task', 'number', 'range', 'variety', 'level', 'provide', 'provided', 'offer', 'allow', 'let', 'enable', 'make',
  'support', 'capability', 'requirement', 'need', 'application', 'regional', 'region', 'seamless', 'predictable',
  'take', 'care', 'patching', 'backup', 'maintenance', 'manage', 'managing', 'useful', 'good', 'great', 'powerful',
  'best', 'benefit', 'work', 'working', 'run', 'running', 'option', 'feature', 'different', 'various', 'several',
  'lot', 'want', 'able', 'new', 'based', 'use', 'used', 'using',
]);

// The security baseline every data service has: "supports VPC isolation, encryption at rest and in transit".
// Two of these words together are a checklist; one alone may be the point ("encrypts data, CMKs rotate" → KMS).
const BASELINE = new Set(['encryption', 'encrypt', 'encrypted', 'rest', 'transit', 'isolation', 'isolated', 'vpc']);

/** The words of `claim` that tell its subject from others: neither grammar, nor pitch, nor a word of `names`, nor a security checklist. */
export function tellingWords(claim: string, names: readonly string[]): string[] {
  const own = new Set(names.flatMap((n) => normalize(n).split(' ')).map(singular));
  const out = new Set<string>();
  for (const raw of keywords(claim)) {
    const w = singular(raw);
    if (GRAMMAR.has(raw) || PITCH.has(w) || PITCH.has(raw) || own.has(w)) continue;
    out.add(w);
  }
  const baseline = [...out].filter((w) => BASELINE.has(w));
  return baseline.length >= 2 ? [...out].filter((w) => !BASELINE.has(w)) : [...out];
}

/**
 * Whether a claim is too general to pin on one service: fewer than three telling words. Graded blind (r7–r12),
 * "which service fills the blank" with two or fewer was good 7 times in 27, and 16 of the 20 bad ones had a
 * second right answer among the choices; with three or more, 132 times in 192. Written from those verdicts,
 * so not yet graded blind.
 */
export function saysTooLittle(claim: string, names: readonly string[]): boolean {
  return tellingWords(claim, names).length < 3;
}
