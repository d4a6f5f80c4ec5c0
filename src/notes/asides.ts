/**
 * Roles: lines that are about the exam or the course rather than about AWS (RUBRIC.md R7) — an exam guide's
 * weightings and skill lines, task statements, registration and scoring. No question is asked of them,
 * whatever their shape.
 */
import type { Fact } from './facts.js';

const EXAM_LOGISTICS = new RegExp(
  [
    String.raw`%\s*of\s+(the\s+)?(exam|questions|scored content)`,
    String.raw`\bexam\s+(guide|weight(ing)?s?|domains?|format|duration|fee|cost|registration|voucher|objectives?|blueprint)\b`,
    String.raw`\b(passing|scaled|minimum)\s+score\b`,
    String.raw`\bscored\s+(questions|content)\b|\bunscored\b`,
    String.raw`\bnumber of (exam )?questions\b`,
    // "The exam includes 50 questions", "130 minutes to complete the exam".
    String.raw`\bexam\s+(includes|has|contains|consists|lasts)\b|\bminutes to (complete|finish)\b`,
    String.raw`^(knowledge|skills?|abilities)\s+(of|in|to)\b`,
    String.raw`^(know|understand|be able to)\s+(how|what|when|which|why|the)\b`,
    String.raw`^(task statement|domain)\s*\d`,
  ].join('|'),
  'i',
);

/** Whether a line (or a table's header cell) is about the exam or the course rather than AWS. */
export function isExamLogistics(text: string): boolean {
  return EXAM_LOGISTICS.test(text);
}

// A course's hands-on part: what the author clicked, typed and saw ("Create deployment group", "Refresh page",
// "4 containers", "29 ms") is true of that lab, not of AWS.
// "Step-by-Step Guide", "Creating Your AWS Account (Step-by-Step)" head a walk-through; "Step-by-Step Evaluation" of NACL rules does not.
const LAB = /\b(hands[- ]?on|labs?|demo|walk-?through|tutorial|workshop|exercises?|console|step\s*\d+|step[- ]by[- ]step(?=\s*(?:$|\)|guide|process|implementation|configuration|setup|instructions|deployment)))\b/i;

/** Whether a note as a whole is a lab: its title, file name or folder says so ("Walkthrough/Exercise3.md"). */
export function isLabNote(names: string[]): boolean {
  return names.some((n) => LAB_NOTE.test(n.replace(/[-_]+/g, ' ')));
}

// A note named for a lab (not for the console it may be about).
const LAB_NOTE = /\b(hands ?on|labs?|demo|walk ?through|tutorial|workshop|exercises?)\b/i;

// A step of a walk-through: an imperative console action and what it acts on ("Create Alarm", "Open 2 pages in
// browser", "Modify main queue", "Test: Invoke", "Push image to ECR"), or a bare "Testing", "Test", "View",
// "Clean up". Some read as nouns of AWS too ("Push Sync", "Build project", a pipeline's "Test" stage): they
// count only in a note that is a walk-through (isWalkThrough). "Change", "Wait", "Stop" and "Terminate" are
// left out ("Change Management", "Wait State", EC2's Stop vs Terminate), and a gerund heading ("Creating
// CloudWatch Dashboards") names a topic, not a step.
const LAB_STEP = /^(?!open\s*api\b)(?:(?:create|modify|view|open|add|configure|deploy|install|invoke|delete|click|enable|attach|upload|download|edit|verify|inspect|navigate|copy|paste|refresh|login|send|enter|remove|apply|register|assign|test|monitor|provision|push|pull|build|publish|subscribe|go\s+to|set\s+up|log\s+in|sign\s+in)\b[:\s]+\S|(?:testing|test|view|clean\s*up|cleanup)\s*$)/i;

// A step's title as sibling headings of a hands-on write-up name them: a gerund of doing something to a resource
// ("Testing Deduplication ID"), or a change made ("ECS Instances Count modification"). LAB_STEP leaves gerunds
// out because one heading may name a topic ("Creating CloudWatch Dashboards"); two such siblings offered as the
// kinds of a thing are steps all the same.
const STEP_TITLE = /^(?:testing|creating|adding|configuring|setting up|deploying|modifying|enabling|disabling|installing|launching|cleaning up|deleting|updating|verifying|attaching|uploading|downloading)\s+\S|\s(?:modification|creation|clean-?up)$/i;

/** Whether a sibling's name is a step of a hands-on write-up rather than a kind of thing (see STEP_TITLE). */
export function namesAStep(name: string): boolean {
  return STEP_TITLE.test(name.trim());
}

/** Whether a label or heading is a step of a walk-through (see LAB_STEP). */
export function isLabStep(label: string): boolean {
  return LAB_STEP.test(label.trim());
}

/** The labels right above a fact that may be steps: its list labels and its nearest heading. */
function stepPlaces(fact: Fact): string[] {
  return [...fact.context, fact.path[fact.path.length - 1] ?? ''];
}

/**
 * Whether a note walks through a lab: two or more different step labels, and steps a sixth or more of all
 * its labels and headings. One "Refresh token" or "Deploy action providers" is a noun that starts like a verb,
 * and a long study guide has a handful of "Configure …" among hundreds of labels; a course's hands-on
 * write-up is "Create Alarm", "Modify main queue", "Testing" throughout (on the seeds, the development corpus
 * and four other repositories: 0.14 and under for notes, 0.18–1 for walk-throughs).
 */
export function isWalkThrough(facts: readonly Fact[]): boolean {
  const steps = new Set<string>();
  const places = new Set<string>();
  for (const f of facts)
    for (const p of stepPlaces(f)) {
      const key = p.trim().toLowerCase();
      places.add(key);
      if (isLabStep(p)) steps.add(key);
    }
  return steps.size >= 2 && steps.size >= places.size / 6;
}

/** Whether a fact sits under a step of a walk-through: what the author typed and saw there ("Port mapping: 80 tcp", "Tasks: 4 containers") was true of that lab. */
export function underLabStep(fact: Fact): boolean {
  // "____ sends automated requests to check the health of resources" is a claim about a service, wherever it stands.
  return fact.kind !== 'sentence' && stepPlaces(fact).some(isLabStep);
}

/**
 * Whether a number on a walk-through's line is one the author picked ("Budgeted amount: $20", "Modify Visibility
 * Timeout to 1 minute", "we have 4 instances on 2 EC2s") rather than one AWS documents. What a lab typed is a
 * bare value; a limit, a default, a range or a price says which it is ("Default TTL is 300 seconds (max:
 * 3600s)", "Cache capacity between 0.5GB to 237GB"). On the fresh repositories' one walk-through (r18–r27),
 * its seven bare values were graded bad 45 times and good never; its three bounded ones good 26 times in 26.
 */
export function labSetting(line: string): boolean {
  return !DOCUMENTED_AMOUNT.test(line);
}

/**
 * Whether a fact sits under a course's "practical" (its hands-on class: "ec2 practicals", "Practical CloudWatch
 * lec-34", "VPC endpoint practical"): its bare numbers are what the class set up ("we have 5 machines", "avg CPU
 * to 70 percent"), as a walk-through's are (labSetting); its limits and defaults are still AWS's.
 */
export function underAPractical(fact: Fact): boolean {
  return [...fact.path, ...fact.context].some((p) => PRACTICAL.test(p));
}

// The noun, not the adjective: "Practical tips for S3" names no class.
const PRACTICAL = /\bpracticals\b|^practical\s+(?!tips?\b|guide\b|advice\b|examples?\b|uses?\b|considerations?\b)\S|\bpractical\s*(?:\(|[-–—:]|$)|\bpractical\s+(?:class|session|lab|lecture|part)\b/i;

const DOCUMENTED_AMOUNT = /\b(?:defaults?|by default|max(?:imum)?|min(?:imum)?|up\s?to|limit(?:ed|s)?|at (?:most|least)|between|ranges?|from\b.*\bto|no more than|(?:less|more|fewer) than|quotas?|per|prices?|costs?|free|charged?)\b/i;

/**
 * Whether a fact is about the exam or the course rather than AWS: an exam guide's weightings and skill lines,
 * or a line of a lab (under a heading or label that says so).
 */
export function aboutTheExam(fact: Fact): boolean {
  if (EXAM_LOGISTICS.test(fact.sourceText) || COURSE_TALK.test(fact.sourceText)) return true;
  if ('statement' in fact && EXAM_LOGISTICS.test(fact.statement)) return true;
  return [...fact.path, ...fact.context].some((p) => /^(knowledge|skills?|abilities)\s+(of|in|to)\b|%\s*of\s+(the\s+)?exam|^task statement\b/i.test(p) || EXAM_HEADING.test(p) || OBJECTIVE.test(p) || LAB.test(p) || CONTENTS.test(p.trim()));
}

// A line about the course itself ("This lesson covers the basics of EBS", "In this section, we will learn how to
// secure accounts", "In the next part of the demo series, you will configure API Gateway"): what a lesson covers
// is its table of contents, and the service it names is no answer to recall (R7; 24 such lines in one
// repository of lecture notes, 0 of them worth asking).
const COURSE_TALK = /^\W*(?:welcome\s+to\b|in\s+(?:this|the\s+next|the\s+previous|today['’]s)\s+(?:lesson|lecture|video|section|chapter|module|course|class|session|demo|part|unit|episode|tutorial)\b|(?:this|the\s+next|the\s+previous|next|previous|today['’]s)\s+(?:lesson|lecture|video|section|chapter|module|course|class|session|demo|part|unit|episode|tutorial)\s+(?:from\s+\S+\s+)?(?:covers|explains|introduces|discusses|explores|serves|focuses|highlights|describes|shows|walks|looks|demonstrates|teaches|is\s+about|will|we|you|I)\b)/i;

// The notes' own table of contents: which chapter a service is filed in is the author's layout, not AWS's (R7, R2).
// "📂 Sub-Topics", "Related notes", "See also": the notes it points at are the layout too.
const CONTENTS = /^[^\p{L}]*(?:table\s+of\s+contents|contents|toc|sub-?\s?topics|related\s+(?:notes|topics|pages)|see\s+also|further\s+reading)\s*:?$/iu;

// An exam guide's objective as a heading or label ("Identify AWS compute services", "Describe the benefits of …"):
// what sits under it is a list of what to study, not what to know.
const OBJECTIVE = /^(identify|describe|explain|recognize|differentiate|understand)\s+(the\s+)?(\w+\s+){0,3}(aws|amazon|services?|concepts?|benefits?|ways?|options?|components?|features?|principles?)\b/i;

// A heading over the exam's own shape ("Exam Format" — "Fromat" as one note spells it —, "About the exam"):
// its "Length: 180 Minutes" is the exam's, not AWS's. "Exam Tips" and "Key Exam Terms" are about AWS.
const EXAM_HEADING = /^(the\s+)?exams?\s+(format|fromat|structure|details|information|info|overview|logistics|content|length|duration|domains?|weightings?|strateg(?:y|ies)|techniques|tactics)\b|^about\s+the\s+exam\b|^(questions?|domains?|content)\s+(distribution|weightings?|outline)\b/i;

/**
 * Whether a fact sits under an example (any heading or label naming one: "Lifecycle rules example", "Example
 * Architecture", "Traffic Flow Example"): its values and parts were picked for the example ("30 days", "EC2
 * instances", "GoDaddy"), so another pick is as right. Graded r7–r13: 9 of 31 such questions were good.
 */
export function underAnExample(fact: Fact): boolean {
  return [...fact.path, ...fact.context].some((p) => EXAMPLE.test(p));
}

/**
 * Under a practice question's own sections ("## Question", "## Options", "## Scenario", "## Current state"): the
 * made-up company, its bill, its latency targets and the wrong options are the question's, not AWS facts
 * (graded blind: 0 good of 5 in a repository of such write-ups). The quiz item itself is asked as one (kind qa).
 */
export function underAScenario(fact: Fact): boolean {
  return fact.kind !== 'qa' && fact.path.some((p) => SCENARIO_HEADING.test(p.trim()));
}

// ("Requirements" and "Problem" head real facts in tutorials too: "Requirements › attach an IAM policy to the role".)
const SCENARIO_HEADING = /^(?:the\s+)?(?:question|options|answer options|choices|scenario|business requirements|current (?:state|situation|setup|architecture))\s*:?$/i;

/**
 * "高级 DDoS 防护，适合企业关键应用" → Shield Advanced: a line written mostly in a script without spaces between words
 * (Chinese, Japanese, Korean) is one the give-away, stem and sentence checks cannot read, so nothing vouches for
 * what it asks (R6, R7; graded blind on fresh26). Counted over the line and the headings above it.
 */
export function inUncheckedScript(fact: Fact): boolean {
  const text = [fact.sourceText, ...fact.path, ...fact.context].join(' ');
  if (!UNSPACED.test(text)) return false;
  const glyphs = text.match(UNSPACED_ALL)?.length ?? 0;
  const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  return glyphs >= words;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const UNSPACED_ALL = new RegExp(UNSPACED.source, 'gu');

/**
 * "Cross-Cloud Equivalents › Azure: Difference?", "Google BigQuery: Pro vs Athena?": what another cloud offers
 * (not "OCI": an image format ECR stores, too)
 * is not what an AWS exam asks (R7), and its wrong choices are as true of the other cloud (R2; graded blind,
 * 0 good of 5).
 */
export function aboutAnotherCloud(fact: Fact): boolean {
  // A line that only names another cloud is still about AWS ("MGN moves Azure virtual machines to AWS"): a line
  // counts when it opens with it ("Azure: …"), a table row wherever it names it ("GKE | GCP | …": the row is its).
  if ([...fact.path, ...fact.context].some((t) => OTHER_CLOUD.test(t))) return true;
  return (fact.kind === 'table-cell' ? OTHER_CLOUD : OPENS_WITH_OTHER_CLOUD).test(fact.sourceText);
}

const OTHER_CLOUD = /\b(?:azure|google cloud|gcp|bigquery|oracle cloud|ibm cloud|alibaba cloud|cross[- ]cloud|multi[- ]cloud equivalents?)\b/i;
const OPENS_WITH_OTHER_CLOUD = new RegExp(`^\\W*${OTHER_CLOUD.source}`, 'i');

// Not a domain, address or path that holds the word ("example.com", "s3://example-bucket").
const EXAMPLE = /(?<![\w.@/:-])examples?(?![\w.@/-])/i;

/** "Which of the following …?" asked without its options: nothing says what to choose from. */
export function needsItsOptions(question: string): boolean {
  return /\bwhich\s+(one\s+)?of\s+(the\s+)?(following|these|those|below|above)\b|\b(choose|select)\s+(two|three|\d)\b|\ball of the above\b/i.test(question);
}
