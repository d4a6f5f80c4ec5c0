import type { AttributeFact, ClozeFact, EnumerationFact, Fact, NumericFact, QaFact, SentenceFact, SkipReason, TableCellFact } from './facts.js';
import type { ServiceLookup } from './services.js';
import { noteLimits, numberPool, numericDistractors, pickDistinct, poolKeyOf, type NoteLimits, type NumberPool } from './distractors.js';
import { findNumber } from './extract/numbers.js';
import { numericSkip } from './number-blanks.js';
import { isGenericLabel, isNameLike } from './extract/shared.js';
import { setsApart } from '../facts/outdated.js';
import { aboutAnotherCloud, aboutTheExam, inUncheckedScript, isWalkThrough, labSetting, namesAStep, needsItsOptions, underAnExample, underAPractical, underAScenario, underLabStep } from './asides.js';
import { checkQuestion } from './checks.js';
import { featuresOf, type FeatureInput } from './features.js';
import { nameWords, spellsFullName, spellsHalfOfName, usesStemOf } from './giveaway.js';
import { contentId } from './ids.js';
import { NoteSayings } from './sayings.js';
import { clashingCase, headWord, isSentenceLike, nameShape, namesKinds, sameKind } from './kinds.js';
import { isGenericHeading, isSectionLabel, topicOf } from './labels.js';
import { NEUTRAL_MODEL, scoreOf, type Features, type QualityModel } from './score.js';
import { aspectOf, isLeadIn, namesNothing, resolveSubject, writtenAsClaim, type ResolvedSubject, type SubjectContext } from './subjects.js';
import { containsPhrase, containsWhole, normalize, similarity, singular, wordCount } from './text.js';
import { saysTooLittle } from './vague.js';
import { enoughChoices, serviceChoices } from './service-choices.js';
import { fromProfile, profileGroups } from './profiles.js';

export { checkQuestion } from './checks.js';
export { isGenericHeading, topicOf } from './labels.js';

export type QuestionKind = 'single' | 'multi' | 'typed' | 'flip';

/** A question as generated from a fact, before it is stored. */
export interface Question {
  id: string;
  kind: QuestionKind;
  factKind: Fact['kind'];
  /** Heading path of the fact ("SQS › Dead Letter Queue"). */
  topic: string;
  prompt: string;
  /** The right answer(s); for a flip card, the back of the card. */
  answers: string[];
  /** Wrong choices for single/multi questions. */
  distractors: string[];
  /** Other spellings accepted for typed answers. */
  accepted: string[];
  line: number;
  sourceText: string;
  /** The quality model's probability that the question is good (see score.ts). */
  score: number;
  /** The named features the score was computed from (see features.ts). */
  features: Features;
}

export interface Generation {
  questions: Question[];
  skipped: Partial<Record<SkipReason, number>>;
}


/** What question generation may be told about the world outside the note. */
export interface GenerationOptions {
  /** Whether a heading names a service ("RDS + Aurora" does, "Backups" does not); without it, no place counts as a service. */
  namesSubject?: (heading: string) => boolean;
  /** The service catalogue, for statements that open with a service's name (without it they are not asked). */
  services?: ServiceLookup;
  /** The fitted quality model (data/quality-model.json); without it every question scores 0.5 and is kept. */
  model?: QualityModel;
  /** Questions scoring below this are skipped as "low-score" (default: the model's threshold). */
  minScore?: number;
}

/** What generation knows of the note as a whole. */
export interface NoteContext {
  /** The note's title (see noteTitle in subjects.ts). */
  title: string;
  /** The note's other first-level headings, when its title is the first of several (see SubjectContext). */
  chapters?: string[];
  /** The note is a lab's write-up (see isLabNote): what it says was true of that lab, not of AWS. */
  lab?: boolean;
}

/** A question made by a form, with what its features need to know. */
export interface Draft {
  q: Question;
  /** What its id hashes besides kind, topic and answers (worked out only for questions that pass the checks). */
  core: string;
  /** The form, when it is not the fact's own kind ("definition": a term's definition recalled from its name). */
  form?: string;
  extra: Omit<FeatureInput, 'kind' | 'form' | 'prompt' | 'answers' | 'distractors' | 'fact' | 'namesService'>;
}

/** Builds a fact's prompts: the breadcrumb that names its subject, without giving the answer away. */
export interface Asker {
  subjects: SubjectContext;
  /** What the note says anywhere of each name (see sayings.ts). */
  sayings: NoteSayings;
  /** The service catalogue, when generation was given it. */
  services?: ServiceLookup;
  /** The maximum and minimum the note's own lines give each measure (see noteLimits). */
  limits: NoteLimits;
  /** What the fact at `places` is about, its breadcrumb naming none of `exclude` (remembered per note). */
  subject(places: string[], exclude: string[]): ResolvedSubject;
  /** The draft of a question about `fact` at `places`, whose prompt is the breadcrumb, then `body`. */
  draft(fact: Fact, kind: QuestionKind, places: string[], body: string, answers: string[], core: string, extra?: Partial<Draft['extra']>): Draft;
}

/** Turns a note's facts into questions; facts that cannot be asked well are counted as skipped. */
export function generateQuestions(facts: Fact[], options: GenerationOptions = {}, note: NoteContext = { title: '' }): Generation {
  const namesService = options.namesSubject ?? (() => false);
  const model = options.model ?? NEUTRAL_MODEL;
  const minScore = options.minScore ?? model.threshold;
  const subjects: SubjectContext = { title: note.title, namesService, chapters: new Set((note.chapters ?? []).map(normalize)) };
  // Facts under one heading share their places: each breadcrumb is worked out once.
  const resolved = new Map<string, ResolvedSubject>();
  const subject = (places: string[], exclude: string[]) => {
    const key = `${places.join('\u0000')}\u0001${exclude.join('\u0000')}`;
    let r = resolved.get(key);
    if (!r) resolved.set(key, (r = resolveSubject(places, subjects, exclude)));
    return r;
  };
  // The index of what the note says is built the first time a wrong answer is weighed against it: many
  // notes never need it.
  let sayings: NoteSayings | undefined;
  // "Timeout | 29 sec": an attribute whose statement is a quantity, worked out once per fact (limits, lab settings, asking).
  const quantities = new Map<AttributeFact, NumericFact | null>();
  for (const f of facts) if (f.kind === 'attribute') quantities.set(f, quantityOf(f));
  const numbers = facts.flatMap((f) => (f.kind === 'numeric' ? [f] : f.kind === 'attribute' ? [quantities.get(f)].filter((q): q is NumericFact => q != null) : []));
  const asker: Asker = {
    subjects,
    limits: noteLimits(numbers),
    get sayings() {
      return (sayings ??= new NoteSayings(facts.map((f) => f.sourceText)));
    },
    services: options.services,
    subject,
    draft: (...args) => draft(subject, ...args),
  };
  const skipped: Generation['skipped'] = {};
  const skip = (r: SkipReason) => (skipped[r] = (skipped[r] ?? 0) + 1);
  const numericPool = numberPool(facts.filter((f): f is NumericFact => f.kind === 'numeric'));
  const said = statementsBySubject(facts);
  const saidOf = (f: AttributeFact, subject: string) => said.get(f.group)?.get(normalize(subject)) ?? [];
  const byId = new Map<string, Question>();
  // A note that bolds something on most of its lines stresses nothing: its bold is emphasis, not key terms.
  const boldLines = new Set(facts.filter((f) => f.kind === 'cloze').map((f) => f.line)).size;
  const lines = new Set(facts.map((f) => f.line)).size;
  const emphasisOnly = boldLines >= 20 && boldLines > 0.4 * lines;
  const walkThrough = isWalkThrough(facts);
  // Checked, given an id, weighed and kept unless a copy was kept before or it scores too low.
  const keep = (one: Draft, fact: Fact): void => {
    const q = one.q;
    const problem = checkQuestion(q);
    if (problem) {
      skip(problem);
      return;
    }
    // A typed API name the prompt half spells ("Delay Queue — … the ____ parameter" → DelaySeconds); a service's
    // own name ("put ____ in front of the bucket" → CloudFront) is no API name.
    if (q.kind === 'typed' && spellsHalfOfName(q.prompt, q.answers[0]!) && (options.services?.find(q.answers[0]!).length ?? 0) === 0) {
      skip('gives-answer-away');
      return;
    }
    // A question already kept is not weighed again (notes repeat themselves); one that scored too low is
    // not kept, so a later copy of it is weighed as the first was.
    q.id = contentId('q', q.kind, q.factKind, q.topic, one.core, q.answers.join('|'));
    if (byId.has(q.id)) {
      skip('duplicate');
      return;
    }
    q.features = featuresOf({ ...one.extra, kind: q.kind, form: one.form ?? fact.kind, prompt: q.prompt, answers: q.answers, distractors: q.distractors, fact, namesService });
    q.score = scoreOf(q.features, model);
    if (q.score < minScore) {
      skip('low-score');
      return;
    }
    byId.set(q.id, q);
  };
  const unnamed: SentenceFact[] = [];
  for (const fact of facts) {
    // Roles: an exam guide's weightings and skill lines, and a lab's steps, are about the course, not about AWS;
    // what is under an example was picked for it.
    if (note.lab || aboutTheExam(fact) || underAnExample(fact) || underAScenario(fact) || aboutAnotherCloud(fact) || inUncheckedScript(fact) || (walkThrough && underLabStep(fact))) {
      skip('no-checkable-claim');
      continue;
    }
    // A walk-through's bare numbers are its own settings, wherever they stand, and a course practical's under it:
    // only a bound or a price is AWS's.
    if ((walkThrough || underAPractical(fact)) && (fact.kind === 'numeric' || (fact.kind === 'attribute' && quantities.get(fact) != null)) && labSetting(fact.sourceText)) {
      skip('no-checkable-claim');
      continue;
    }
    let d: Draft | Draft[] | SkipReason;
    switch (fact.kind) {
      case 'attribute': {
        // "Timeout | 29 sec": a quantity says nothing that singles out its name; the name asks for the quantity.
        const quantity = quantities.get(fact) ?? null;
        d = quantity ? fromNumeric(quantity, numericPool, asker) : withForward(fromAttribute(fact, asker, options.namesSubject, saidOf), forwardDefinition(fact, asker));
        break;
      }
      case 'numeric':
        d = fromNumeric(fact, numericPool, asker);
        break;
      case 'cloze':
        d = emphasisOnly ? 'no-checkable-claim' : fromCloze(fact, asker);
        break;
      case 'enumeration':
        d = fromEnumeration(fact, asker);
        break;
      case 'table-cell':
        d = fromTableCell(fact, asker);
        break;
      case 'qa':
        d = fromQa(fact, asker);
        break;
      case 'sentence':
        // A statement that does not open with a service's name may still be one of the bullets that profile
        // the service its heading names (profiles.ts).
        if (options.services && !options.services.leading(fact.statement)) unnamed.push(fact);
        d = options.services ? fromSentence(fact, asker, options.services) : 'no-checkable-claim';
        break;
    }
    if (typeof d === 'string') {
      skip(d);
      continue;
    }
    for (const one of Array.isArray(d) ? d : [d]) keep(one, fact);
  }
  if (options.services) {
    for (const group of profileGroups(unnamed)) {
      const d = fromProfile(group, asker, options.services);
      if (typeof d !== 'string') for (const one of d) keep(one.draft, one.fact);
    }
  }
  return { questions: oneAnswerPerPrompt([...byId.values()], skip), skipped };
}

/**
 * "Storage Gateway — Max storage of ____ per gateway" asked twice, 512TB and 1024TB: the lines that told the
 * two apart (stored and cached volumes) did not make it into the prompt, so each has a second right answer
 * (R2). A prompt the note asks with different answers is asked with none.
 */
function oneAnswerPerPrompt(questions: Question[], skip: (r: SkipReason) => void): Question[] {
  const answersOf = new Map<string, Set<string>>();
  const keyOf = (q: Question) => `${q.kind}\u0000${normalize(q.prompt)}`;
  for (const q of questions) {
    const k = keyOf(q);
    (answersOf.get(k) ?? answersOf.set(k, new Set()).get(k)!).add(normalize(q.answers.join('|')));
  }
  return questions.filter((q) => {
    if (answersOf.get(keyOf(q))!.size === 1) return true;
    skip('ambiguous');
    return false;
  });
}

function draft(
  subjectOf: Asker['subject'],
  fact: Fact,
  kind: QuestionKind,
  places: string[],
  body: string,
  answers: string[],
  core: string,
  extra: Partial<Draft['extra']> = {},
): Draft {
  // A flip card's back is no choice to give away; every other answer must stay out of the breadcrumb.
  const subject = subjectOf(places, kind === 'flip' || kind === 'multi' ? [] : answers);
  const topic = topicOf(fact.path);
  const q: Question = {
    id: '',
    kind,
    factKind: fact.kind,
    topic,
    prompt: subject.crumb === '' ? capitalise(body) : `${subject.crumb} — ${body}`,
    answers,
    distractors: [],
    accepted: [],
    line: fact.line,
    sourceText: fact.sourceText,
    score: 0,
    features: {},
  };
  return { q, core, extra: { subject, statement: '', ...extra } };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The words of what the note says of each subject (normalised) of each attribute group (see claimWords). */
function statementsBySubject(facts: Fact[]): Map<string, Map<string, Array<ReadonlySet<string>>>> {
  const out = new Map<string, Map<string, Array<ReadonlySet<string>>>>();
  for (const f of facts) {
    if (f.kind !== 'attribute') continue;
    let group = out.get(f.group);
    if (!group) {
      group = new Map();
      out.set(f.group, group);
    }
    const key = normalize(f.subject);
    const words = new Set(claimWords(f.statement));
    const list = group.get(key);
    if (list) list.push(words);
    else group.set(key, [words]);
  }
  return out;
}

// Words that carry no claim of their own; "you", "not" and "no" do ("managed by you" is not "managed by AWS").
// "Supports both symmetric and asymmetric" claims what "Symmetric and asymmetric (new)" does: a verb of having
// or allowing, "both", "also" and "new" add nothing that tells two things apart.
// (Singular forms: "supports" is "support".)
const FILLER = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'is', 'are', 'be', 'by', 'it', 'its', 'as', 'at', 'both', 'also', 'new', 'support', 'supported', 'provide', 'offer', 'allow', 'has', 'have']);

/** The words a statement claims something with, singular: another statement with all of them says all it says. */
function claimWords(statement: string): string[] {
  return normalize(statement).split(' ').map(singular).filter((w) => w !== '' && !FILLER.has(w));
}

function fromAttribute(
  f: AttributeFact,
  asker: Asker,
  namesService: ((name: string) => boolean) | undefined,
  saidOf: (f: AttributeFact, subject: string) => Array<ReadonlySet<string>>,
): Draft | SkipReason {
  // Roles: "Knowledge of:", "Benefits", "Option 2" introduce what follows; they are no answer to recall.
  if (isLeadIn(f.subject) || namesNothing(f.subject)) return 'no-checkable-claim';
  if (REMARK.test(f.statement) && wordCount(f.statement) <= 6) return 'no-checkable-claim';
  // "It is enabled at the bucket level": a short line about "it" fits most of its neighbours as well, and so
  // does "Launch an EC2 using this image": what "this" is stays on the line before.
  if (/^it\s+(is|can|has|was|does|will)\b/i.test(f.statement) && wordCount(f.statement) <= 7) return 'no-checkable-claim';
  if (/\b(?:this|these|those)\s+(?!is\b|are\b|means\b|way\b)[a-z]+\b/i.test(f.statement) && wordCount(f.statement) <= 10) return 'no-checkable-claim';
  // "Which one does this describe" among three or four siblings was good less than half the time in every
  // graded round and every corpus (the statement rarely singles out one sibling by real AWS facts): a line is
  // asked only as a comparison of two of a kind (LSI or GSI), and a definition also forward (forwardDefinition).
  // A sibling named almost like the answer ("Async Invocations" / "Async Invocations - Services") is not a fair wrong answer.
  // Nor is one whose name holds the answer's ("Managed Redis or Memcached" for "Memcached"): it may be as true.
  // "Customer managed CMKs" holds "CMKs", the acronym of "Customer master keys (CMKs)": it is a kind of it.
  // "Performance" next to "Versioning", "Aurora Security" next to "Aurora Serverless": a section of the note, not a thing a statement could describe.
  const subjectKey = normalize(f.subject);
  const alias = /\(([A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*)\)\s*$/.exec(f.subject)?.[1];
  const holdsAlias = (s: string) => alias !== undefined && containsWhole(s.replace(/\([^)]*\)/g, ' '), alias);
  const others = f.siblings.filter(
    (s) => normalize(s) !== subjectKey && similarity(s, f.subject) < 0.6 && !containsWhole(s, f.subject) && !holdsAlias(s) && !isSectionLabel(s) && !isLeadIn(s) && !aspectOf(s, f.subject),
  );
  // Two of a kind: the two members of a set the note names (the two "Throughput modes"), two services ("Redis"
  // / "Memcached"), two names with one head word ("Shared rules" / "Inline rules", whatever else the list
  // holds), or two the heading sets side by side; between two aspects of one thing ("Routing" / "Target
  // Groups") a choice is a guess, and with a third of the kind left out it is a trap.
  const answer = answerOf(f);
  const sameKind = others.filter((o) => headWord(o) === answer.head || (namesService !== undefined && namesService(f.subject) && namesService(o)) || (containsWhole(answer.heading, o) && answer.inHeading));
  const alike = sameKind.length > 0 || !answer.kinds ? sameKind : others;
  if (alike.length !== 1) return 'no-plausible-distractors';
  // "Benefits" › Flexibility / Highly functional, "Key features" › Easy setup / Optional inputs: two qualities the
  // author listed, not two kinds of one thing; which of them a line "describes" is the author's filing
  // (graded r18–r27: 2 good in 7; two kinds of a thing under such a label are rare).
  if (QUALITIES.test(f.category.trim())) return 'ambiguous';
  const other = alike[0]!;
  // "Template ≠ Stack", "If the question asks for…": the one other sibling names nothing, so there is no pair to tell apart.
  if (writtenAsClaim(other) || isGenericLabel(other)) return 'no-checkable-claim';
  // "Defined at region level" beside "Naming convention": one side is a claim in a label's place, not a kind of
  // the other's, and no rule of naming could be it (R3, graded blind on fresh19, twice).
  if (SAID_AS_LABEL.test(other) || SAID_AS_LABEL.test(f.subject)) return 'no-checkable-claim';
  // "Testing Deduplication ID" / "Testing Message Group ID", "ECS Instances Count modification": the steps of a
  // hands-on write-up, not two kinds of a thing; what a step showed is the lab's, not a claim to study (R7).
  if (namesAStep(f.subject) || namesAStep(other)) return 'no-checkable-claim';
  // The other one is a second right answer when the note says the same of it, here or anywhere else.
  const claim = claimWords(f.statement);
  if (claim.length > 0 && saidOf(f, other).some((theirs) => claim.every((w) => theirs.has(w)))) return 'ambiguous';
  if (!fairSibling(answer, other) || asker.sayings.saysOf(other, f.statement, f.subject)) return 'ambiguous';
  const places = [...f.path, ...f.context.slice(0, -1)];
  // Even a comparison is weak when the statement runs long (it says more than what tells the two apart),
  // when the siblings are a chapter's loose topics, or when nothing above the fact names what they are.
  // Two services ("KMS or CloudHSM") name what they are themselves.
  const named = namesService !== undefined && namesService(f.subject) && namesService(other);
  // "Kinesis Data Streams or SQS: … 'Purpose: Message queuing'": the short name hides the word the full one
  // (Simple Queue Service) shares with the line, as in a service's own blank (fromSentence).
  // A word the note also says of the other one ("keys" of both KMS and CloudHSM), or the heading's own
  // ("DynamoDB" under Amazon DynamoDB for DAX or ElastiCache), tells nothing apart.
  if (named && asker.services !== undefined) {
    const shared = [...saidOf(f, other).map((words) => [...words].join(' ')), ...f.path, ...f.context.slice(0, -1)];
    if (spellsAnswerName(f.statement, f.subject, other, shared, asker.services)) return 'gives-answer-away';
  }
  const weak = wordCount(f.statement) > 15 || f.loose === true || (asker.subject(places, [f.subject]).from === 'none' && !named);
  if (!weak) {
    const what = f.statement.startsWith('____') ? 'fills the blank' : 'does this describe';
    const [a, b] = [f.subject, other].sort((x, y) => f.siblings.indexOf(x) - f.siblings.indexOf(y));
    // "Valkey or Redis OSS or Memcached: which one …" reads as three choices, not two.
    if (/\sor\s/i.test(`${f.subject} | ${other}`)) return 'ambiguous';
    const extra = { statement: f.statement, overlap: overlapWith(claim, saidOf(f, other)), named: f.named === true, loose: f.loose === true, definition: f.definition, comparison: true };
    const d = asker.draft(f, 'single', places, `${a} or ${b}: which one ${what}: “${f.statement}”?`, [f.subject], f.statement, extra);
    d.q.distractors = [other];
    return d;
  }
  // Recalling a name from one thing said of it, without choices, is a guess among everything the line could
  // describe (graded blind, half such cards were bad): a definition is asked forward instead (forwardDefinition).
  return 'no-plausible-distractors';
}

/**
 * Whether a statement uses a word of the full name of the service `answer` names that neither the names of
 * the service `other` names nor the `shared` texts (what the note says of the other, its headings) have.
 */
function spellsAnswerName(statement: string, answer: string, other: string, shared: readonly string[], services: ServiceLookup): boolean {
  const entries = (n: string) => services.find(n).map((id) => services.entry(id)).filter((e) => e !== undefined);
  const [mine, theirs] = [entries(answer), entries(other)];
  if (mine.length !== 1 || theirs.length === 0) return false;
  return spellsFullName(statement, mine[0]!.fullName, [other, ...shared, ...theirs.flatMap((e) => [e.name, e.fullName])]);
}

/** The words of a mention after the service's own name ("IAM roles" → "roles"), or "" when it is the name or another spelling. */
function partWord(mention: string, name: string): string {
  const words = mention.trim().split(/\s+/);
  const own = name.split(/\s+/);
  const starts = own.every((w, i) => words[i]?.toLowerCase() === w.toLowerCase());
  return starts && words.length > own.length ? words.slice(own.length).join(' ') : '';
}

// A label that is a claim: a participle and where or how ("Defined at region level", "Stored in one AZ").
const SAID_AS_LABEL = /^(?:defined|stored|located|kept|replicated|billed|charged|priced|encrypted|created|deployed|hosted)\s+(?:at|in|on|by|per|across|within|for)\b/i;

// A claim whose verb is negated, perhaps after an adverb or two ("also cannot", "by itself does not").
const NEGATED_CLAIM = /^(?:\S+\s+){0,2}?(?:cannot|can['’]?t|can not|does not|doesn['’]?t|do not|don['’]?t|is not|isn['’]?t|are not|aren['’]?t|will not|won['’]?t|should not|must not|may not|never|has no|have no)\b/i;

const QUALITIES = /^(?:(?:key|main|core|top|notable|basic)\s+)?(?:benefits?|advantages?|pros|cons|disadvantages?|drawbacks?|goals?|features?|capabilities|highlights|strengths|weaknesses|characteristics|properties|attributes|traits)\b|^why\b/i;

// The merits (or faults) of something, or why to use it: qualities argued for, not kinds of a thing.
const MERITS = /^(?:(?:key|main|core|top)\s+)?(?:benefits?|advantages?|pros|cons|disadvantages?|drawbacks?|strengths|weaknesses)\b|^why\b/i;

/** A fact's reverse question and, when it has one, its forward card: both are asked, as Anki's reverse cards are. */
function withForward(reverse: Draft | SkipReason, forward: Draft | null): Draft | Draft[] | SkipReason {
  if (forward === null) return reverse;
  return typeof reverse === 'string' ? [forward] : [reverse, forward];
}

/**
 * "Visibility timeout: hides a message while one consumer works on it" also asks forward: the term named,
 * its definition recalled (a flip card). The term must name a thing, and the definition be a whole claim.
 */
function forwardDefinition(f: AttributeFact, asker: Asker): Draft | null {
  // A table row's cells answer its columns, not "what is it" ("gp2" → its size column).
  if (!f.definition || f.table || f.statement.startsWith('____') || isLeadIn(f.subject) || namesNothing(f.subject) || namesAStep(f.subject)) return null;
  if (nameShape(f.subject) === 'clause' || nameShape(f.subject) === 'number') return null;
  // "Route 53 Resolver → CloudFront cache + Lambda@Edge", "Hook passes → traffic shifts": an arrow says what
  // leads to, maps to or follows the term, not what it is (graded blind: 1 good of 8 such cards).
  if (ARROWED.test(f.sourceText.slice(0, Math.max(0, f.sourceText.indexOf(f.statement))))) return null;
  const words = wordCount(f.statement);
  // Graded blind, a back of a few words ("it's a Global Service", "queue model", "OLTP") answered only one of
  // the things the prompt could mean: in r7–r23, backs of four or five words were good for 61 % of 119
  // questions (every set and period alike: dev 63 %, seeds 65 %, fresh 48 %), of six or seven 80 %, of more
  // 90 % — "RDS won't be deleted", "now is empty (None)" make sense only beside their neighbours. An
  // instruction ("Convert the key to DER", "Store data in One Zone") is a tip, not what the term is; two terms
  // run together ("At least once. FIFO: exactly once") are two facts.
  if (words < 6 || words > 40 || FRAGMENT.test(f.statement) || REMARK.test(f.statement) || INSTRUCTION.test(f.statement)) return null;
  if (/[.;]\s+[A-Z][\w-]*(\s[\w-]+){0,3}:\s/.test(f.statement) || restates(f.statement, f.subject)) return null;
  // A value is no definition ("Caching: default is 300s", "Starting position: Trim horizon"), and a quiz's
  // "True or False" is no term.
  if (/^(\W*\d|~|default\b|by default\b|up to\b|max\b|min\b)/i.test(f.statement) || /\b(true|false|yes|no)\b/i.test(f.subject)) return null;
  // "Why choose RDS?" › Reduced management overhead, "Benefits" › Flexible scaling: a quality the author names
  // and argues for, not a term with a meaning of its own (graded blind: 5 good in 19).
  if (MERITS.test(f.category.trim()) || MERITS.test(f.path[f.path.length - 1] ?? '')) return null;
  const places = [...f.path, ...f.context.slice(0, -1)];
  // Under a lead-in ("CloudWatch can collect logs from:") the items are members of what the label says,
  // not terms the lines define.
  if (places.length > 0 && f.context.length >= 2 && isLeadIn(f.context[f.context.length - 2]!)) return null;
  // "Target Groups: EC2 Instances, ECS tasks, Lambda functions, IP addresses", "Routing policies: Simple,
  // Weighted, Latency, Failover": a line that lists names says what the term holds, not what it is, and
  // "what is “Target Groups”?" does not tell the reader to recall a list (R1, graded blind r56–r57).
  const members = listedNames(f.statement);
  const body = members > 0 ? `name the ${members} listed for “${f.subject}”.` : `what is “${f.subject}”?`;
  const d = asker.draft(f, 'flip', places, body, [f.statement], `forward ${f.subject}`, { statement: f.statement, named: f.named === true, definition: true });
  d.form = 'definition';
  return d;
}

/**
 * How many names a line lists, when all it says is three or more names of up to three words, each
 * capitalised ("EC2 Instances (managed by ASG), ECS tasks, Lambda functions, IP addresses"); else 0. An open
 * list ("…", "etc.") has no count to recall.
 */
function listedNames(line: string): number {
  const bare = line.replace(/\([^)]*\)/g, ' ').trim();
  if (/(?:\betc\.?|…|\.\.\.)\s*$/i.test(bare)) return 0;
  const items = bare.replace(/\.\s*$/, '').split(/\s*[,;]\s*/).flatMap((x, i, all) => (i === all.length - 1 ? x.split(/\s+and\s+/) : [x])).map((x) => x.trim());
  return items.length >= 3 && items.every((x) => /^[A-Z0-9]/.test(x) && wordCount(x) <= 3) ? items.length : 0;
}

// An arrow between a term and what follows it.
const ARROWED = /\s(?:→|->|=>|⇒)\s*$/;

// A line that tells the reader to do something: a step or a tip, not a definition.
const INSTRUCTION = /^(use|store|create|convert|run|set|add|enable|disable|click|go|open|select|choose|install|configure|make|put|keep|avoid|remember|check|see|try|know|ensure|don'?t|do not|never|always)\b/i;

/**
 * A back that only spells out its own term: "Version ID" → "the ID … used for versioning", "SSE-KMS" → "keys
 * managed in KMS", "Succeed state" → "ends the execution successfully", "SQSPollerPolicy" → "poll a queue".
 * Graded blind, a back sharing even one word's stem with its term was given away by it; the term's last
 * word, when it only says its kind ("state", "policy"), does not count.
 */
function restates(back: string, term: string): boolean {
  const words = nameWords(term);
  // "SSE-KMS" is told apart by its last part; "Succeed state" is not told apart by "state".
  const kind = words.length >= 2 && !/\b[A-Z0-9]{2,}$/.test(term.trim()) ? words.slice(0, -1) : words;
  if (usesStemOf(back, kind)) return true;
  // "DynamoDBCrudPolicy" → "create, read, update and delete": a word of the term spelled out letter by letter.
  const initials = back.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '' && !/^(and|or|of|the|a|an|to|for)$/.test(w)).map((w) => w[0]).join('');
  return kind.some((w) => w.length >= 3 && w.length <= 6 && initials.includes(w));
}

// A definition cut short, or one that points at its neighbours ("see above", "same as …").
const FRAGMENT = /\b(and|or|of|on|to|the|a|an|with|by|for|from|in|at|such as|like|than|as)$|^(see|same as|similar to|like|as above|e\.g\.?)\b/i;

/** The largest share of a statement's claim words that one of a sibling's statements also makes (0..1). */
function overlapWith(claim: string[], theirs: Array<ReadonlySet<string>>): number {
  if (claim.length === 0) return 0;
  return Math.max(0, ...theirs.map((words) => claim.filter((w) => words.has(w)).length / claim.length));
}

// "Only for ECS on EC2", "Either for ECS or Fargate", "Simple to put in place", "Need to create a role
// first", "Same properties as ALB + ASG", "Might be used by a person": a short remark that leans on what
// is around it, or hedges, says nothing that singles its subject out.
const REMARK = /^(the rest|the others|all others|everything else|either\b|same\s+(as|properties|features)\b|(might|may|could)\s+be\b|(simple|simpler|easy|easier|hard|harder)\s+to\b|needs?\s+to\b|only\s+(for|with|in|on)\b)/i;

/**
 * Two members of a set the note names ("4 ways to encrypt": "SSE-C" and "Client-side encryption") may
 * differ in shape; still, an API name ("ListWidgets") and a phrase ("paging token") are not alike, and a
 * clause or a quantity is no member at all.
 */
function alikeInASet(a: string, b: string): boolean {
  const shapes = new Set([nameShape(a), nameShape(b)]);
  if (shapes.has('clause') || shapes.has('number')) return false;
  return !(shapes.has('identifier') && shapes.has('phrase'));
}

/** What every sibling of an attribute fact is weighed against, worked out once per fact rather than per sibling. */
interface Answer {
  fact: AttributeFact;
  /** The headings above the fact and its category, as one text. */
  heading: string;
  /** The heading names the answer itself. */
  inHeading: boolean;
  /** The category names a set of alike things (see namesKinds). */
  kinds: boolean;
  /** Head words of the answer and of the category (see headWord). */
  head: string;
  setHead: string;
  /** The siblings capitalised the opposite way to the answer (see clashingCase). */
  clashing: string[];
}

/** The answer of an attribute fact as its siblings are weighed against it (see Answer). */
function answerOf(f: AttributeFact): Answer {
  const heading = [...f.path, f.category].join(' ');
  return {
    fact: f,
    heading,
    inHeading: containsWhole(heading, f.subject),
    kinds: namesKinds(f.category),
    head: headWord(f.subject),
    setHead: headWord(f.category),
    clashing: f.siblings.filter((s) => s !== f.subject && clashingCase(f.subject, s)),
  };
}

/**
 * A sibling that is a fair wrong answer: of the answer's shape (see sameKind), of its kind when the answer's
 * name says its kind ("Inline policies" among "Policies": only other policies), and, among the topics of a
 * chapter (a heading that does not name a set of alike things), only names that are plainly alike.
 */
function fairSibling(answer: Answer, other: string): boolean {
  const f = answer.fact;
  // "Not recommended, use Cognito": a choice the statement itself names cannot be what it describes.
  if (containsWhole(f.statement, other)) return false;
  // "KMS vs CloudHSM": choices the heading itself sets side by side are alike by the note's own say.
  if (answer.inHeading && containsWhole(answer.heading, other)) return true;
  // Under a label that names a set ("4 ways to encrypt", "Integration types") the note vouches that the
  // members are alike, whatever their shapes ("SSE-C" and "Client-side encryption"); a clause still is none.
  const kinds = answer.kinds;
  if (kinds ? !alikeInASet(f.subject, other) : !sameKind(f.subject, other)) return false;
  // Written unlike the rest of the set, a wrong answer stands out whatever it means.
  if (clashingCase(f.subject, other) && answer.clashing.every((s) => s === other)) return false;
  const head = answer.head;
  if (headWord(other) === head) return true;
  // "Inline policies" among "Policies" is one of the set; "Least privilege principle" next to it is not.
  const setHead = answer.setHead;
  if (kinds && (head === setHead || headWord(other) === setHead)) return false;
  if (!f.loose) return true;
  const shape = nameShape(f.subject);
  return (shape === 'acronym' || shape === 'identifier') && nameShape(other) === shape;
}

/** An attribute whose statement is only a quantity ("29 sec", "20KB", "120,000"), as the number fact "Timeout: 29 sec". */
function quantityOf(f: AttributeFact): NumericFact | null {
  // The word count first: it is cheap, and rules out most statements.
  if (wordCount(f.statement) > 3 || nameShape(f.statement) !== 'number') return null;
  const found = findNumber(f.statement);
  const bare = /^~?\d{1,3}(?:,\d{3})+$|^~?\d+$/.test(f.statement.trim()) ? f.statement.trim() : null;
  if (found === null && bare === null) return null;
  const number = found ?? { before: '', answer: bare!, after: '', value: Number(bare!.replace(/[~,]/g, '')), unit: `#${normalize(f.subject)}` };
  const { path, line, sourceText, subject } = f;
  // The subject's own place in the context is said by the blank's label.
  const context = f.context.slice(0, -1);
  return { kind: 'numeric', path, context, line, sourceText, subject, ...number, before: `${subject}: ${number.before}` };
}

function fromNumeric(f: NumericFact, pool: NumberPool, asker: Asker): Draft | SkipReason {
  const skip = numericSkip(f);
  if (skip !== null) return skip;
  const found = numericDistractors(f, pool, f.sourceText, 3, asker.limits);
  if (found.length < 3) return 'no-plausible-distractors';
  const blank = `${f.before}____${f.after}`.trim();
  const d = asker.draft(f, 'single', [...f.path, ...f.context], `fill in the blank: “${blank}”`, [f.answer], blank, { statement: blank, fabricated: fabricatedCount(found, pool, f) });
  d.q.distractors = found;
  return d;
}

/** How many of a number's wrong answers are not values the note itself uses for that unit. */
function fabricatedCount(distractors: string[], pool: NumberPool, f: NumericFact): number {
  const known = pool.get(poolKeyOf(f)) ?? [];
  return distractors.filter((d) => !known.some((p) => p.answer === d)).length;
}

function fromCloze(f: ClozeFact, asker: Asker): Draft | SkipReason {
  // "SQS, Lambda, Kinesis" typed into a blank is right in any order and any spelling of the list: no fair check.
  if (/,/.test(f.answer)) return 'ambiguous';
  // "Never write credentials in code. **EVER**": bold for emphasis, not a term.
  if (/^(ever|never|always|not|only|must|all|any|none|no|very|really)$/i.test(f.answer.trim())) return 'no-checkable-claim';
  // "**FYI**: the agent ships logs too": the bold label of an aside is no term of the line.
  if (isGenericLabel(f.answer)) return 'no-checkable-claim';
  // "up to 1000 versions" typed word for word is a test of wording; the number alone is asked as a number.
  if (/^\W*\d/.test(f.answer) && wordCount(f.answer) >= 2) return 'ambiguous';
  // A typed blank is fair only for a name ("DelaySeconds", "Amazon Neptune", "Cache Invalidation"): a plain
  // phrase ("permanent block storage", "do not include MFA information") can be typed in many right ways.
  if (!/^[\p{Lu}\d]/u.test(f.answer) || wordCount(f.answer) > 4 || /\b(not|no)\b/i.test(f.answer)) return 'ambiguous';
  // At the start of a line the capital is the sentence's: "Critical applications where …", "Run production
  // workloads across …" are phrases, and only a capital or digit further in ("Security Groups", "EC2
  // instances") still shows a name. Graded r14–r31, such phrases were good 5 times in 13.
  if (f.before.trim() === '' && wordCount(f.answer) >= 2 && !/[\p{Lu}\d]/u.test(f.answer.slice(1))) return 'ambiguous';
  // "Can subscribe to ____", "Use ____ to replicate data": a few words around a blank leave room for many
  // right names (R2). Graded blind r7–r19, typed blanks with under 7 words around them were good 52 times in
  // 119 (43 % in r7–r13, 45 % in r14–r19), those with 7 or more 123 in 194 — the same line the service
  // sentences draw at 9 words.
  if (wordCount(`${f.before} ${f.after}`) < 7) return 'ambiguous';
  // "Formats such as ____, JSON and Parquet", "headers, body, or ____", "type A or ____": a member of a list
  // or a pair, which another member (or one the note left out) fills as well, or which the other member
  // names for you. Graded r7–r24, typed blanks beside a comma, "and" or "or" were good for 56 % of 35 (pairs
  // told apart no better than open lists), the others 69 % of 108; in each period alike.
  if (inList(f.before, f.after)) return 'ambiguous';
  // "This is where ____ comes in": the line that brings a name on stage says nothing of it (R2: any tool of the
  // kind fills it; fresh17).
  if (/^\s*(?:comes? in|comes? into play|to the rescue|steps? in)\b/i.test(f.after)) return 'no-checkable-claim';
  const blank = `${f.before}____${f.after}`.trim();
  const d = asker.draft(f, 'typed', [...f.path, ...f.context], `fill in the blank: “${blank}”`, [f.answer], blank, { statement: blank, named: true });
  d.q.accepted = variantsOf(f.answer);
  return d;
}

/**
 * Whether a blank is a member of a list or a pair: after a comma, "and", "or" or "&", or before one that goes
 * on to another name ("____ and Parquet"), not to the rest of a clause ("use ____ and must travel over HTTPS").
 */
function inList(before: string, after: string): boolean {
  if (/(?:\band|\bor|&)\s*(?:the\s+|an?\s+)?$/i.test(before)) return true;
  // "RDS, ____ scale vertically" lists; "For arbitrary Docker images, ____ is preferred" or "As of 2024, ____"
  // opens with a clause of its own.
  if (/,\s*(?:the\s+|an?\s+)?$/.test(before)) {
    const lead = /(?:^|[.;:(])\s*([^.;:(,]*),\s*(?:the\s+|an?\s+)?$/.exec(before);
    return !(lead !== null && INTRO.test(lead[1]!.trim()));
  }
  const next = /^\s*(and\b|or\b|&)\s*(\S*)/i.exec(after);
  if (next !== null) return !CLAUSE_GOES_ON.test(next[2]!);
  // "____, JSON and CSV", "____, Backup & Storage, Big Data" list on; "Without ____, a task can wait", "____,
  // and S3 does not store it" or "____, either AWS managed or …" go on with a clause.
  const listed = /^\s*,\s*((?:[^\s,&]+\s+){0,3}?[^\s,&]+)\s*(?:,|&|\band\b|\bor\b)/i.exec(after);
  return listed !== null && !CLAUSE_AFTER_COMMA.test(listed[1]!.split(/\s+/)[0]!);
}

// Words that open a clause before a comma: "When data arrives, ____ …", "Alternatively, ____ …".
const INTRO = /^(?:when|if|for|as|after|before|while|since|although|though|once|unless|until|because|alternatively|finally|however|then|now|in|on|at|by|with|without|to|from|during|instead|otherwise|first|next|lastly|typically|usually|often|optionally)\b/i;
// Words that carry a clause on past "and" or "or": "… ____ and must travel over HTTPS".
const CLAUSE_GOES_ON = /^(?:must|can|cannot|can't|should|may|might|will|would|is|are|was|were|be|does|do|did|has|have|had|then|it|its|they|this|that|which|who|so|also|not|only|when|where|if|uses?|sends?|returns?|stores?|keeps?|runs?|gets?|makes?|needs?|lets?|allows?)$/i;
// Words that open a new clause after a comma: "… ____, and S3 does not store the key", "… ____, which …".
const CLAUSE_AFTER_COMMA = /^(?:and|or|but|which|who|where|when|while|whereas|either|so|then|because|since|if|unless|as|though|although|e\.g\.?|i\.e\.?|etc\.?|not|only|otherwise|instead|meaning)$/i;

function fromEnumeration(f: EnumerationFact, asker: Asker): Draft | SkipReason {
  // "client -> vpc -> ALB -> ec2" draws a path; the items under it are no set it names.
  if (/->|=>|→/.test(f.label)) return 'no-checkable-claim';
  // "Knowledge of:", "Skills in:": an exam guide's lead-in over skill lines, not a set of things.
  if (/^(knowledge|skills?|abilities|understanding)\b/i.test(f.label)) return 'no-checkable-claim';
  // "Base images such as: …", "…, etc.": an open list of examples, which more answers would complete.
  if (/\b(such as|e\.g\.?|for example|for instance|like|include|includes|including)\s*:?$/i.test(f.label) || f.items.some((i) => /^(etc|and more|others?|\.\.\.)\b|\betc\.*$/i.test(i.trim()))) return 'no-checkable-claim';
  // "Examples" or "Notes" among the items is a sub-label whose own list was flattened into this one.
  if (f.items.some(isGenericHeading)) return 'ambiguous';
  const places = f.path.concat(f.context.slice(0, -1));
  // "Which TWO of these belong to “Capacity Modes”? (Select TWO)", the other lists' items the wrong choices: made
  // only of short names since r11, it was still good for 2 of 19 such questions graded blind (r11–r53): the other
  // lists of a note hold another kind of thing ("Single-digit millisecond latency" among capacity modes), or
  // things as true of the label, or a table of contents. A list is asked as its own members instead.
  if (f.items.length > 6) return 'too-long';
  if (!listsMembers(f)) return 'no-checkable-claim';
  // "Name the N listed" is asked only of a set the label counts ("2 modes", "Three kinds of …"): graded blind
  // over r4–r54, one vote per question, 76 % of 23 such lists were good, and 35 % of 24 where the label only
  // named kinds ("Key material options", "Policy Types", "Deployment Strategies"): a note's list of options, types or
  // targets is rarely all of them (AWS has more, or added some since), and only a count says the author meant all.
  if (!countedSet(f.label, f.items.length)) return 'ambiguous';
  return asker.draft(f, 'flip', places, `name the ${f.items.length} listed under “${f.label}”.`, [f.items.join('; ')], f.label, { statement: f.label });
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

/** A list the note presents as complete: its label counts its items ("Two agents", "4 things"). */
function countedSet(label: string, items: number): boolean {
  return new RegExp(`\\b(${items}|${NUMBER_WORDS[items] ?? '-'})\\b`, 'i').test(label);
}

/** An item that says something rather than naming something. */
function isStatement(item: string): boolean {
  return nameShape(item) === 'clause';
}

/**
 * "Name the 3 listed under …" asks for the members of a set. Names are members whatever the label ("Maps
 * your domain to" → "Load Balancers"); but under a remark ("Don't re-invent the wheel") or a single thing
 * ("Synchronous replication") sentences are things said about it, and reciting them is no question. A set
 * the label names ("Use cases") may hold short phrases that are not names, though not sentences.
 */
function listsMembers(f: EnumerationFact): boolean {
  if (!f.items.some(isStatement)) return true;
  return nameShape(f.label) !== 'clause' && namesKinds(f.label) && !f.items.some(isSentenceLike);
}

function fromTableCell(f: TableCellFact, asker: Asker): Draft | SkipReason {
  // A "." placeholder for a row or column name leaves the question without a subject.
  if (!/[\p{L}\p{N}]/u.test(f.rowKey) || !/[\p{L}\p{N}]/u.test(f.column)) return 'ambiguous';
  // "r5b.12xlarge: Memory (GiB)?": a spec sheet's row is reference data, not something to study (R7), and the
  // other rows' sizes are no believable answer for this one (R3).
  if (INSTANCE_SIZE.test(f.rowKey.trim()) && quantityUnit(f.value) !== null) return 'no-checkable-claim';
  // "Cloud services used by a single organization, not exposed to the public.: Public Cloud?": a sentence in the
  // first column says the table runs the other way (its things are the columns), so the row names nothing.
  const keyWords = wordCount(f.rowKey);
  if ((keyWords >= 4 && /[.!]$/.test(f.rowKey.trim())) || (keyWords > 6 && f.rowKey.includes(','))) return 'ambiguous';
  // "20 nodes" is weighed against "10 nodes", not against "16k IOPS" from another row of the column.
  const unit = quantityUnit(f.value);
  const values = unit === null ? f.columnValues : f.columnValues.filter((v) => quantityUnit(v) === unit);
  // "No" beside "No, deleted after processing": a cell that is another's first clause alone says the same.
  const distractors = pickDistinct(values.filter((v) => !firstClauseOf(v, f.value)), [f.value], f.group + f.rowKey, 3);
  // Two rows make a coin toss, not a question: single choice needs two wrong answers.
  if (distractors.length < 2) return 'no-plausible-distractors';
  // "MX: Name?" → Mail Exchange against "Name Server", "Text": an initialism's expansion is picked by its first
  // letter when no other choice shares it (R6, R3; graded blind on fresh23).
  if (expandsKey(f.rowKey, f.value) && !distractors.some((d) => expandsKey(f.rowKey, d))) return 'gives-answer-away';
  const d = asker.draft(f, 'single', [...f.path, ...f.context, f.caption], `${f.rowKey}: ${f.column}?`, [f.value], `${f.rowKey} ${f.column}`, { statement: `${f.rowKey} ${f.column}` });
  d.q.distractors = distractors;
  return d;
}

/** Whether a cell reads as the expansion of an initialism in the row's key: its first word starts with the key's first letter ("MX" → "Mail Exchange"). */
function expandsKey(key: string, cell: string): boolean {
  const k = key.trim();
  if (!/^[A-Z][A-Z0-9]{1,5}s?$/.test(k)) return false;
  const first = /\p{L}/u.exec(cell)?.[0];
  return first !== undefined && first.toUpperCase() === k[0] && /^\W*\p{Lu}\p{Ll}/u.test(cell);
}

/**
 * Whether one cell is the other's first clause and nothing more ("No" and "No, deleted after processing"),
 * either way round.
 */
function firstClauseOf(a: string, b: string): boolean {
  const lead = (v: string) => normalize(v.split(/[,;(—–]|\s-\s/)[0]!);
  const [na, nb] = [normalize(a), normalize(b)];
  return na !== nb && na !== '' && nb !== '' && (na === lead(b) || nb === lead(a));
}

// An EC2 (or RDS, ElastiCache) instance size: "t3.micro", "m5.2xlarge", "db.r6g.large", "cache.t3.small".
const INSTANCE_SIZE = /^(?:db\.|cache\.)?[a-z][a-z0-9-]*\d[a-z0-9-]*\.(?:nano|micro|small|medium|large|\d*xlarge|metal)$/i;

/**
 * What a quantity measures, from its unit word: "20 nodes" → "node", "16k IOPS" → "iops"; sizes and
 * durations are one measure each ("400 KB" and "5 TB"). Null for anything that is not a quantity.
 */
function quantityUnit(value: string): string | null {
  if (nameShape(value) !== 'number') return null;
  const word = /^[~<>≈$]?[\d.,]+[kmgt]?\s*([\p{L}%]+)/iu.exec(value.trim())?.[1];
  if (word === undefined) return '';
  const unit = singular(word.toLowerCase());
  if (/^([kmgtp]i?)?b(yte)?$/.test(unit)) return 'size';
  if (/^(ms|millisecond|s|sec|second|min|minute|h|hr|hour|day|week|month|year)$/.test(unit)) return 'time';
  return unit;
}

function fromQa(f: QaFact, asker: Asker): Draft | SkipReason {
  if (f.options !== undefined) return fromQuizItem(f, asker);
  let question = f.question;
  // A quiz item whose options the note did not keep cannot be answered as asked.
  if (needsItsOptions(question)) return 'ambiguous';
  const subject = f.context[f.context.length - 1] ?? f.path[f.path.length - 1] ?? '';
  let places = f.path;
  // "What is it?" under "CloudFront" must say what "it" is.
  if (wordCount(question) <= 6 && /\b(it|this|they|them)\b/i.test(question)) {
    // "What is it?" needs a name for "it"; a label that is itself a sentence cannot give one.
    if (!isNameLike(subject)) return 'ambiguous';
    // "Implementation consideration: Is it effective?": a label any note could have names nothing for "it".
    if (isSectionLabel(subject)) return 'ambiguous';
    // "Serverless Application Repository: What is it?" → "Managed repository for serverless applications": a back
    // that says two words of the name again is read off the prompt (R6); "Stack policies" → "Protect a stack
    // against updates" shares only the thing it is about.
    if (/^what\s+(?:is|are)\s+(?:it|this|they)\s*\??$/i.test(question.trim())) {
      const back = f.answer.split('\n')[0]!;
      if (nameWords(subject).filter((w) => usesStemOf(back, [w])).length >= 2) return 'gives-answer-away';
    }
    question = `${subject}: ${question}`;
    // "Hosted Authentication UI: What is it?" under "Cognito": a feature's name alone does not say whose it is,
    // the headings above it do; a service's own name needs none.
    places = asker.subjects.namesService(subject) ? [] : f.path.filter((p) => p !== subject);
  } else if (asker.subjects.namesService(question) || f.path.some((p) => containsPhrase(question, p))) {
    // A question that names its own subject needs no breadcrumb.
    places = [];
  }
  const short = !f.long && wordCount(f.answer) <= 4;
  const d = asker.draft(f, short ? 'typed' : 'flip', places, question, [f.answer], f.question);
  if (places.length === 0) d.q.prompt = question;
  if (short) d.q.accepted = variantsOf(f.answer);
  return d;
}

/**
 * A practice-exam item the note answers: asked as written, with its own choices — one right answer as single
 * choice, several as multiple response. An exam question states its own scenario; one of fewer than six words
 * keeps the headings above it. Two choices are too few to be a question of this shape (R3).
 */
function fromQuizItem(f: QaFact, asker: Asker): Draft | SkipReason {
  const right = f.correct ?? [];
  const wrong = (f.options ?? []).filter((o) => !right.includes(o));
  if (right.length === 0 || wrong.length < 2) return 'no-plausible-distractors';
  const places = wordCount(f.question) >= 6 || asker.subjects.namesService(f.question) ? [] : f.path;
  const d = asker.draft(f, right.length === 1 ? 'single' : 'multi', places, f.question, right, `quiz ${f.question}`);
  if (places.length === 0) d.q.prompt = f.question;
  d.q.distractors = wrong;
  return d;
}

/**
 * "DynamoDB Streams keeps item-level changes for 24 hours": a statement that opens with a service's name says
 * something of that service; with the name blanked it asks which service, among others of its category
 * (those the note talks about first). Services the statement names itself are no wrong answers.
 */
function fromSentence(f: SentenceFact, asker: Asker, services: ServiceLookup): Draft | SkipReason {
  const lead = services.leading(f.statement);
  if (!lead) return 'no-checkable-claim';
  const entry = services.entry(lead.id)!;
  // "Lambda@Edge runs your code …", "Redis is multi-AZ …": a name the catalogue files under a service (a
  // feature, an engine) is not that service; "CloudFront" would answer for what the line says of Lambda@Edge.
  if (!spellsService(f.statement.slice(0, lead.length), entry)) return 'ambiguous';
  const rest = f.statement.slice(lead.length).trim();
  // "S3: …", "Lambda - …" are labels of a definition, and "Lambda (…)" an aside; "Lambda functions run …" is a sentence.
  // Only a statement whose predicate follows the name says something of the service ("EKS Cluster runs …"
  // is about a cluster, "ELB to route requests" is half a sentence).
  if (wordCount(rest) < 4 || !(PREDICATE.test(rest) || /^[a-z]+[^s\s]s\s/.test(rest))) return 'no-checkable-claim';
  // A short claim fits more services than the one it names ("____ is a low latency NoSQL database", "____ are
  // per Account per Region"): graded blind over five rounds, statements of under ten words were good 15 times
  // in 40 (a second right answer, R2, most often), longer ones 56 times in 81.
  if (wordCount(rest) < 9) return 'ambiguous';
  // "____ is a managed service, so you don't have to worry about the underlying infrastructure": a pitch
  // any of the choices could claim says too little to tell them apart.
  if (saysTooLittle(rest, [entry.name, entry.fullName, ...entry.aliases])) return 'ambiguous';
  // "____ cannot be used to track queries made within RDS", "____ does not have any cache": what one service does
  // not do, most others do not either (a second right answer, R2; graded r10–r27, 2 good in 19).
  if (NEGATED_CLAIM.test(rest)) return 'ambiguous';
  // "____ are stateless … with NACLs alone is error-prone": the line names its service again, in another spelling.
  if (services.find(rest).includes(lead.id) && namesAgain(rest, entry)) return 'gives-answer-away';
  // The service the heading right above is about is no wrong answer either: a line filed under "Site-to-site VPN"
  // says what holds for it ("Transit gateway can carry IPv6 inside the VPN tunnels"), unless the heading sets
  // things side by side ("ECS vs Fargate").
  const heading = f.path[f.path.length - 1] ?? '';
  const filedUnder = setsApart(heading) ? [] : services.find(heading);
  const named = new Set([...services.find(f.statement), ...(filedUnder.length === 1 ? filedUnder : [])]);
  const picked = serviceChoices(entry, [rest], named, services, asker.sayings, f.statement);
  const distractors = picked.map((o) => o.name);
  if (!enoughChoices(entry, picked)) return 'no-plausible-distractors';
  // "____ decouples producers with messages in a queue": the answer's full name says "queue" and no other does.
  if (spellsFullName(rest, entry.fullName, picked.flatMap((o) => [o.name, o.fullName]))) return 'gives-answer-away';
  const mention = f.statement.slice(0, lead.length);
  // "IAM roles can come with a policy …": the line names a part of the service; the blank takes the service's
  // name and leaves the part's word ("____ roles can come with …"), or the claim would be the service's.
  const blank = `____ ${[partWord(mention, entry.name), rest].filter((w) => w !== '').join(' ')}`;
  const d = asker.draft(f, 'single', [...f.path, ...f.context], `which service fills the blank: “${blank}”?`, [entry.name], blank, { statement: blank });
  // The breadcrumb must not name the answer in any of its spellings.
  const hidden = resolveSubjectWithout([...f.path, ...f.context], asker, [entry.name, entry.fullName, mention, ...entry.aliases]);
  d.q.prompt = hidden === '' ? capitalise(`which service fills the blank: “${blank}”?`) : `${hidden} — which service fills the blank: “${blank}”?`;
  d.q.distractors = distractors;
  d.form = 'sentence';
  return d;
}

/**
 * Whether a mention spells the service itself: a word of its name ("Route53" too), an initialism ("ASG",
 * "NACL"), or a former name the catalogue also knows with "Amazon" or "AWS" before it ("Kinesis Data
 * Analytics", "CloudWatch Events"). A feature filed under it ("Lambda@Edge", "Redis", "Stack Sets") is none.
 */
function spellsService(mention: string, entry: { name: string; fullName: string; aliases: readonly string[] }): boolean {
  const m = mention.trim();
  if (/^[A-Z0-9]{2,6}s?$/.test(m)) return true;
  const squash = (t: string) => t.toLowerCase().replace(/^(?:amazon|aws)\s+/, '').replace(/[^a-z0-9]/g, '');
  if ([entry.name, entry.fullName].some((n) => squash(m).includes(squash(n)))) return true;
  if (entry.aliases.some((a) => /^(?:amazon|aws)\s/i.test(a) && squash(a) === squash(m))) return true;
  const words = (t: string) => t.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && w !== 'amazon' && w !== 'aws');
  const own = new Set([...words(entry.name), ...words(entry.fullName)]);
  return words(m).some((w) => own.has(w) || own.has(w.replace(/s$/, '')));
}

/**
 * Whether `text` names the service again in one of its own spellings: a name that shares a word of the
 * service's name ("Simple Storage Service" beside "S3") or spells its words' initials ("NACLs" beside "Network
 * ACLs"). A part the catalogue files under it ("CMK" of KMS, "Customer Gateway" of Site-to-Site VPN) is none.
 */
function namesAgain(text: string, entry: { name: string; fullName: string; aliases: readonly string[] }): boolean {
  const words = (t: string) => t.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && w !== 'amazon' && w !== 'aws');
  const own = new Set([...words(entry.name), ...words(entry.fullName)]);
  // Initials of a spelling that shares a word of the short name: "network access control list" → NACL.
  const short = new Set(words(entry.name));
  const initials = new Set([entry.fullName, ...entry.aliases].filter((n) => words(n).some((w) => short.has(w))).map((n) => words(n).map((w) => w[0]).join('')));
  const spellings = [entry.name, entry.fullName, ...entry.aliases].filter((n) => words(n).some((w) => own.has(w) || own.has(w.replace(/e?s$/, ''))) || initials.has(n.toLowerCase().replace(/s$/, '')));
  return spellings.some((n) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:e?s)?(?![\\p{L}\\p{N}])`, 'iu').test(text));
}

const PREDICATE = /^(is|are|was|were|can|cannot|can't|could|will|won't|would|should|must|may|might|has|have|had|does|doesn't|do|don't|supports?|provides?|allows?|lets|uses?|stores?|offers?|enables?|gives?|keeps?|runs?|sends?|delivers?|automatically|only|also|now|natively|integrates?|works?|creates?|manages?|handles?|monitors?|records?|tracks?|collects?|captures?|scales?|replicates?|encrypts?|caches?|routes?|charges?|costs?|needs?|requires?|helps?|makes?|acts?|comes?|includes?|contains?|exposes?|connects?|distributes?|reads?|writes?|returns?|triggers?|invokes?|processes|analy[sz]es|queries|retains?|deletes?|defaults?|performs?|detects?|protects?|prevents?|simplifies|automates?|orchestrates?|coordinates?|publishes|delivers|ingests?|transforms?|loads?|copies|moves?|migrates?|converts?|generates?|evaluates?|inspects?|discovers?|identifies|assesses|audits?|logs?|aggregates?|visuali[sz]es|reports?|notifies|alerts?)\b/i;

/** The breadcrumb of `places` that names none of `hide`. */
function resolveSubjectWithout(places: string[], asker: Asker, hide: string[]): string {
  return asker.subject(places, hide).crumb;
}

/** Accepted spellings of a short answer: without a parenthesised part, or the part in parentheses alone. */
function variantsOf(answer: string): string[] {
  const out = new Set<string>();
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(answer);
  if (paren) {
    out.add(paren[1]!.trim());
    out.add(paren[2]!.trim());
  }
  const slash = answer.split(/\s*\/\s*/);
  if (slash.length === 2) slash.forEach((s) => out.add(s));
  out.delete(answer);
  return [...out].filter((v) => v.length >= 2);
}

