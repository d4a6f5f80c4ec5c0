/** Exam blueprints (data/exams/<code>.json): validated on load, and domain names as a user types them. */

/** One exam domain: its number in the exam guide, a short slug, the guide's name and its weight in percent. */
export interface Domain {
  id: number;
  slug: string;
  name: string;
  weight: number;
}

/** An AWS exam's shape as its exam guide publishes it. */
export interface Blueprint {
  code: string;
  name: string;
  source: string;
  questions: number;
  scoredQuestions: number;
  minutes: number;
  passingScore: number;
  scoreRange: [number, number];
  retired: string | null;
  domains: Domain[];
}

/** A blueprint file that cannot be used; the message is one line and starts with the file name. */
export class BlueprintError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'BlueprintError';
  }
}

type Obj = Record<string, unknown>;

/** Validates a parsed blueprint file; throws BlueprintError naming the first problem found. */
export function parseBlueprint(json: unknown, file: string): Blueprint {
  const fail = (problem: string): never => {
    throw new BlueprintError(file, problem);
  };
  if (!isObject(json)) return fail('not a JSON object');

  const code = text(json, 'code', fail);
  const name = text(json, 'name', fail);
  const source = text(json, 'source', fail);
  if (!/^https?:\/\/\S+$/.test(source)) fail(`"source" is not a URL: ${source}`);
  const questions = positiveInt(json, 'questions', fail);
  const scoredQuestions = positiveInt(json, 'scoredQuestions', fail);
  if (scoredQuestions > questions) fail(`"scoredQuestions" (${scoredQuestions}) is more than "questions" (${questions})`);
  const minutes = positiveInt(json, 'minutes', fail);

  const range = json['scoreRange'];
  if (range === undefined) fail('missing field "scoreRange"');
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isFinite(n))) {
    fail('"scoreRange" must be [lowest, highest]');
  }
  const [low, high] = range as [number, number];
  if (low >= high) fail(`"scoreRange" must go up: [${low}, ${high}]`);
  const passingScore = number(json, 'passingScore', fail);
  if (passingScore < low || passingScore > high) {
    fail(`"passingScore" ${passingScore} is outside the score range ${low}–${high}`);
  }

  const retired = json['retired'] ?? null;
  if (retired !== null && (typeof retired !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(retired))) {
    fail('"retired" must be null or a date "YYYY-MM-DD"');
  }

  const domains = parseDomains(json['domains'], fail);
  return { code, name, source, questions, scoredQuestions, minutes, passingScore, scoreRange: [low, high], retired: retired as string | null, domains };
}

function parseDomains(value: unknown, fail: (problem: string) => never): Domain[] {
  if (value === undefined) fail('missing field "domains"');
  if (!Array.isArray(value) || value.length === 0) fail('"domains" must be a non-empty list');
  const domains = (value as unknown[]).map((d, i): Domain => {
    if (!isObject(d)) return fail(`domains[${i}] is not an object`);
    const where = (field: string) => `domains[${i}].${field}`;
    const id = d['id'];
    if (id === undefined) fail(`missing field "${where('id')}"`);
    if (!Number.isInteger(id) || (id as number) < 1) fail(`"${where('id')}" must be a positive whole number`);
    const slug = d['slug'];
    if (slug === undefined) fail(`missing field "${where('slug')}"`);
    // Slugs are typed on the command line and stored in the database: keep them plain.
    if (typeof slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) fail(`"${where('slug')}" must be lower-case words joined by "-"`);
    const name = d['name'];
    if (name === undefined) fail(`missing field "${where('name')}"`);
    if (typeof name !== 'string' || name.trim() === '') fail(`"${where('name')}" must be a non-empty string`);
    const weight = d['weight'];
    if (weight === undefined) fail(`missing field "${where('weight')}"`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) fail(`"${where('weight')}" must be a positive number`);
    return { id: id as number, slug: slug as string, name: (name as string).trim(), weight: weight as number };
  });

  for (const [key, label] of [['id', 'id'], ['slug', 'slug'], ['name', 'name']] as const) {
    const seen = new Set<string>();
    for (const d of domains) {
      const k = String(d[key]).toLowerCase();
      if (seen.has(k)) fail(`duplicate domain ${label} "${d[key]}"`);
      seen.add(k);
    }
  }
  const sum = domains.reduce((s, d) => s + d.weight, 0);
  // Weights are whole percents in every guide; the tolerance only absorbs float noise from fractional ones.
  if (Math.abs(sum - 100) > 1e-9) fail(`domain weights add up to ${Number(sum.toFixed(6))}, not 100`);
  return domains;
}

/** Finds the domain a user means: its number, slug or name, or an unambiguous prefix of the slug or of the name from any word on. */
export function resolveDomain(input: string, bp: Blueprint): Domain | { error: string } {
  const wanted = fold(input);
  if (wanted === '') return { error: `no domain given — ${bp.code} domains: ${describeDomains(bp)}` };

  // Exact matches win over prefixes: a slug that also starts another domain's name still means its own domain.
  const exact = bp.domains.filter((d) => String(d.id) === wanted || fold(d.slug) === wanted || fold(d.name) === wanted);
  if (exact.length === 1) return exact[0]!;

  const byPrefix = bp.domains.filter((d) => candidates(d).some((c) => c.startsWith(wanted)));
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1) {
    return {
      error: `"${input.trim()}" matches several ${bp.code} domains (${byPrefix.map((d) => d.slug).join(', ')}) — use one of: ${describeDomains(bp)}`,
    };
  }
  return { error: `unknown ${bp.code} domain "${input.trim()}" — use one of: ${describeDomains(bp)}` };
}

/** The exam's domains on one line: "1 development — Development with AWS Services (32%); 2 security — …". */
export function describeDomains(bp: Blueprint): string {
  return bp.domains.map((d) => `${d.id} ${d.slug} — ${d.name} (${d.weight}%)`).join('; ');
}

// Words too common in domain names to identify one ("Design … and …").
const STOP_WORDS = new Set(['a', 'an', 'and', 'for', 'of', 'the', 'to', 'with', 'in', 'on']);

/** The slug, and the name from each of its words on ("cost optimized" finds "Design Cost-Optimized Architectures"). */
function candidates(d: Domain): string[] {
  const words = fold(d.name).split(' ');
  const tails = words.flatMap((w, i) => (i === 0 || !STOP_WORDS.has(w) ? [words.slice(i).join(' ')] : []));
  return [fold(d.slug), ...tails];
}

/** Lower case, with hyphens, underscores, commas and runs of spaces as one space: "org complexity" finds "org-complexity". */
function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[-_,\s]+/g, ' ')
    .trim();
}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(o: Obj, key: string, fail: (problem: string) => never): string {
  const v = o[key];
  if (v === undefined) fail(`missing field "${key}"`);
  if (typeof v !== 'string' || v.trim() === '') fail(`"${key}" must be a non-empty string`);
  return (v as string).trim();
}

function number(o: Obj, key: string, fail: (problem: string) => never): number {
  const v = o[key];
  if (v === undefined) fail(`missing field "${key}"`);
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`"${key}" must be a number`);
  return v as number;
}

function positiveInt(o: Obj, key: string, fail: (problem: string) => never): number {
  const v = number(o, key, fail);
  if (!Number.isInteger(v) || v < 1) fail(`"${key}" must be a positive whole number`);
  return v;
}
