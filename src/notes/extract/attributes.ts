import type { OutlineNode } from '../outline.js';
import { containsPhrase, keywords, normalize, similarity, singular, singularWords, wordCount } from '../text.js';
import { headWord, namesKinds } from '../kinds.js';
import { AUTHOR_TALKING, Collector, type Place, askableStatement, isGenericLabel, isNameLike, labelText, leafStatements, looksLikeCode, spellsAcronym, splitDefinition, walk } from './shared.js';

interface Subject {
  name: string;
  node: OutlineNode;
  statements: Array<{ text: string; node: OutlineNode; definition: boolean }>;
}

/**
 * Sibling subjects and what the note says about each: "Term: definition" items, labels with their own
 * bullets ("Spot Instances" + bullets), and headings with their bullets. Each statement becomes an
 * attribute fact whose wrong answers are the sibling subjects.
 */
export function extractAttributes(root: OutlineNode, out: Collector): void {
  // A lone top heading is the document's title: its subsections are chapters, not things of one kind.
  const topSections = root.children.filter((c) => c.kind === 'section');
  const title = topSections.length === 1 ? topSections[0] : undefined;
  walk(root, (node, _parent, place) => {
    if (node.children.length < 2) return;
    // Worked examples ("Example 2: 8 KB / 4 KB = 2 units") are arithmetic, not subjects.
    if (node.kind !== 'root' && isGenericLabel(labelText(node.text)) && /example|exercise|scenario/i.test(node.text)) return;
    if ([...place.path, ...place.context].some((p) => /^(example|exercise|scenario)s?\b/i.test(p))) return;
    const subjects = subjectsOf(node, node !== title);
    const bare = subjects.length >= 1 && subjects.every((s) => s.node.kind !== 'section') ? bareTerms(node, subjects) : [];
    if (subjects.length + bare.length < 2) return;
    const inner = innerPlace(node, place);
    const category = node.kind === 'root' ? '' : labelText(node.text);
    const group = `${inner.path.join('/')}|${inner.context.join('/')}|${node.line}`;
    const around = [...inner.path, ...inner.context, category].join(' ');
    // Subjects are looked up by their outline node for every sibling of every subject: index them once.
    const subjectAt = new Map(subjects.map((s) => [s.node, s]));
    const bareAt = new Map(bare.map((b) => [b.node, b]));
    // In the note's order, so that the nearest siblings are the likeliest wrong answers.
    const all = node.children.flatMap((c) => subjectAt.get(c)?.name ?? bareAt.get(c)?.name ?? []);
    // The subjects under a heading all share one list of siblings: judge its layout once.
    const layouts = new Map<string[], boolean>();
    const laidOut = (siblings: string[]) => {
      let v = layouts.get(siblings);
      if (v === undefined) {
        v = laidOutAsOneList(node, subjectAt, bare, siblings);
        layouts.set(siblings, v);
      }
      return v;
    };
    for (const subject of subjects) {
      // A heading that names a set ("Deployment Strategies") vouches for all its terms; under a chapter
      // heading a flat dump mixes terms of many sets, and only neighbours plainly belong together.
      const siblings = subject.node.kind === 'line' ? lineRun(node, subject.node, subjectAt, namesKinds(category)) : all;
      const loose = inner.context.length === 0 && !namesKinds(category) && !laidOut(siblings);
      const givesAway = giveAwayTest(subject.name, siblings, around);
      for (const st of subject.statements) {
        let statement = askableStatement(st.text);
        if (statement === null) {
          out.skip('too-long', st.node);
          continue;
        }
        // A loose bullet of four words or fewer is usually a name in a list, not a claim ("Java (Java 8 compatible)").
        if (wordCount(statement) < 2 || (wordCount(statement) < 5 && !st.definition)) {
          out.skip('too-short', st.node);
          continue;
        }
        // Questions, cut-off clauses and remarks about the notes ("Important to understand the differences").
        // "OR configure … with a rule" continues a line above it, and "Use them to …" or "… a script for that"
        // points at one: alone, each is half a claim.
        // "Why? Adds rate limiting …" answers a question the line asks itself; "(through a mapping)" is an aside;
        // ".: Classic" keeps a table's placeholder for a label it never had.
        if (statement.endsWith('?') || /\?\s/.test(statement) || /^\([^()]*\)$/.test(statement) || FRAGMENT_END.test(statement) || /^(important|remember|note|see|tip|todo|more on|read|or|and|but|also|then)\b/i.test(statement) || POINTS_BACK.test(statement) || ABOUT_THE_EXAM.test(statement) || AUTHOR_TALKING.test(statement) || CARRIED_SUM.test(statement) || (/^(same as|similar to|like)\s/i.test(statement) && wordCount(statement) <= 5) || /^[^\p{L}\p{N}]+:/u.test(statement)) {
          out.skip('no-checkable-claim', st.node);
          continue;
        }
        if (looksLikeCode(statement) || (!st.definition && isTitleCase(statement))) {
          out.skip('code-or-link', st.node);
          continue;
        }
        if (givesAway(statement)) {
          // "API Gateway has caching capabilities": the name is the sentence's subject; with it blanked out
          // the rest still says something of it alone.
          const blanked = blankLeadingName(statement, subject.name);
          if (blanked === null || givesAway(blanked)) {
            out.skip('gives-answer-away', st.node);
            continue;
          }
          statement = blanked;
        }
        // Said of another subject too: a sibling could be as right as the answer.
        // A sibling's own lines count whole, labels of lists of their own too ("no mapping template" over two lines).
        const clash = subjects.some((o) => o !== subject && (o.statements.some((x) => saysTheSame(x.text, statement)) || o.node.children.some((c) => echoes(statement, c.text, [subject.name, o.name]))));
        if (clash || siblings.some((n) => n !== subject.name && containsPhrase(statement, n) && containsPhrase(n, subject.name))) {
          out.skip('ambiguous', st.node);
          continue;
        }
        out.add(
          {
            kind: 'attribute',
            path: inner.path,
            context: [...inner.context, subject.name],
            line: st.node.line,
            sourceText: st.node.text,
            subject: subject.name,
            statement,
            group,
            siblings,
            category,
            definition: st.definition,
            loose,
            named: subject.node.kind === 'section' || (subject.node.spans.find((sp) => sp.text.trim() !== '')?.bold ?? false) || (subject.node.spans.find((sp) => sp.text.trim() !== '')?.code ?? false),
          },
          st.node,
        );
      }
    }
  });
}

/** "Lambda scales out automatically" → "____ scales out automatically"; null unless the name opens the statement and at least four words follow. */
function blankLeadingName(statement: string, name: string): string | null {
  const opening = statement.slice(0, name.length);
  if (opening.toLowerCase() !== name.toLowerCase() || !/^\s/.test(statement.slice(name.length))) return null;
  const rest = statement.slice(name.length).trim();
  return wordCount(rest) >= 4 ? `____ ${rest}` : null;
}

const CATEGORY = /\b(types|classes|tiers|options|kinds|components|features|modes|models|categories|methods|ways|steps|services|tools|examples|strategies|approaches|operations|apis|actions|states|patterns)(\/\w+)?$/i;

function innerPlace(node: OutlineNode, place: Place): Place {
  if (node.kind === 'section') return { path: [...place.path, labelText(node.text)], context: [] };
  if (node.kind === 'root') return place;
  return { path: place.path, context: [...place.context, labelText(node.text)] };
}

/**
 * Bold names alone on a bullet among bold "Term: definition" bullets ("**Rolling**", "**Immutable**: …"):
 * members of the same set that the note names without describing. They ask nothing but are fair wrong answers.
 */
function bareTerms(node: OutlineNode, subjects: Subject[]): Array<{ name: string; node: OutlineNode }> {
  const out: Array<{ name: string; node: OutlineNode }> = [];
  for (const c of node.children) {
    if (c.kind !== 'item' || c.children.length > 0 || subjects.some((s) => s.node === c)) continue;
    const spans = c.spans.filter((sp) => sp.text.trim() !== '');
    if (spans.length === 0 || !spans.every((sp) => sp.bold && !sp.link)) continue;
    const name = labelText(c.text);
    if (isNameLike(name) && wordCount(name) <= 5 && !subjects.some((s) => s.name.toLowerCase() === name.toLowerCase())) out.push({ name, node: c });
  }
  // Only in a list whose described members are bold too: then the bare ones are plainly of their kind.
  return subjects.every((s) => s.node.spans.find((sp) => sp.text.trim() !== '')?.bold) ? out : [];
}

/**
 * Plain lines lost their list structure ("Record – sent by producers" under a label long gone): only the
 * "Term – definition" lines next to each other are plainly members of one set; a line of another shape
 * between two of them may be the label of a new set.
 */
function lineRun(node: OutlineNode, line: OutlineNode, subjectAt: ReadonlyMap<OutlineNode, Subject>, wholeSet: boolean): string[] {
  const at = node.children.indexOf(line);
  const isMember = (c: OutlineNode | undefined) => c !== undefined && c.kind === 'line' && subjectAt.has(c);
  const sep = separatorOf(line, subjectAt);
  // Under a heading that names a set, terms apart from each other still belong to it when they are
  // written alike ("All-at-Once: …" … "Rolling: …"); "CPU – …" next to "ECS: …" are two sets.
  if (wholeSet) return node.children.filter((c) => isMember(c) && separatorOf(c, subjectAt) === sep).map((c) => subjectAt.get(c)!.name);
  let from = at;
  let to = at;
  while (isMember(node.children[from - 1])) from--;
  while (isMember(node.children[to + 1])) to++;
  return node.children.slice(from, to + 1).map((c) => subjectAt.get(c)!.name);
}

/**
 * Terms one after the other, each set off the same way ("**Term**: …" bullets in a row): the note lays
 * them out as members of one set. Topics spread over a chapter, with other matter between them or
 * written in different ways, are not.
 */
function laidOutAsOneList(node: OutlineNode, subjectAt: ReadonlyMap<OutlineNode, Subject>, bare: Array<{ node: OutlineNode }>, names: string[]): boolean {
  const named = new Set(names);
  const members = [...subjectAt.values()].filter((s) => named.has(s.name)).map((s) => s.node);
  const all = [...members, ...bare.map((b) => b.node)];
  const at = all.map((m) => node.children.indexOf(m)).sort((a, b) => a - b);
  if (at.length < 2 || at[at.length - 1]! - at[0]! !== at.length - 1) return false;
  const style = (m: OutlineNode) => `${m.kind}|${separatorOf(m, subjectAt)}|${m.spans.find((sp) => sp.text.trim() !== '')?.bold ?? false}`;
  return members.every((m) => style(m) === style(members[0]!));
}

/** The mark between a term and its definition on a line: ":", "–", "=", "->" (or "" for a bare label). */
function separatorOf(line: OutlineNode, subjectAt: ReadonlyMap<OutlineNode, Subject>): string {
  // After the term: "All-at-Once: …" is set off by its colon, not by the hyphens of its name.
  const name = subjectAt.get(line)?.name ?? '';
  const at = name !== '' && line.text.startsWith(name) ? name.length : 0;
  const m = /^[^:：=–—→>-]*?\s*(:|：|=>?|->|→|–|—|-)/.exec(line.text.slice(at));
  return m ? m[1]!.replace('：', ':').replace('—', '–') : '';
}

// "Security", "Performance", "AWS Responsibility": an aspect every service has, named as a bullet. What is
// said under it is about the service above, so it is no answer, and next to real names no fair wrong one.
const TOPIC_WORD =
  /^(aws\s+|customer\s+)?(security|performance|pricing|costs?|monitoring|logging|responsibility|deployment|integrations?|troubleshooting|overview|availability|durability|reliability|scalability|limits|limitations|management|access management|best practices|use cases|pros|cons)$/i;

/** The children of `node` that are subjects with something said about them. */
function subjectsOf(node: OutlineNode, sectionsAllowed: boolean): Subject[] {
  const sections = node.children.filter((c) => c.kind === 'section');
  const items = node.children.filter((c) => c.kind === 'item' || c.kind === 'line');
  const fromItems = items.map(itemSubject).filter((s): s is Subject => s !== null);
  // Top-level headings are a document's chapters, not things of one kind.
  const fromSections = node.kind === 'root' || !sectionsAllowed ? [] : sections.map(sectionSubject).filter((s): s is Subject => s !== null);
  // Headings and bullets are different kinds of things: never mix them in one group.
  // A lone described item is kept for its bare-named siblings (see bareTerms); alone it makes no group.
  // Two headings are a set only when they name two of one kind ("Standard queue" / "FIFO queue", "Local Secondary
  // Index" / "Global Secondary Index"); any two chapters would otherwise take their lines from the other forms.
  const pair = fromSections.length === 2 && headWord(fromSections[0]!.name) === headWord(fromSections[1]!.name);
  const pick = fromItems.length >= 2 ? fromItems : fromSections.length >= 3 || pair ? fromSections : fromItems;
  const seen = new Set<string>();
  // "RDS vs. Aurora" names a comparison, not one thing: neither an answer nor a wrong one.
  return pick.filter((s) => {
    if (/\bvs\b\.?|\bversus\b/i.test(s.name) || TOPIC_WORD.test(s.name)) return false;
    const k = s.name.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function itemSubject(node: OutlineNode): Subject | null {
  const def = splitDefinition(node);
  const statements: Subject['statements'] = [];
  let name: string;
  if (def) {
    name = def.term;
    if (def.definition !== '') statements.push({ text: def.definition, node, definition: true });
  } else if (node.children.length > 0 && wordCount(node.text) <= 8 && !/[.!]$/.test(node.text) && !guessedGroup(node)) {
    name = labelText(node.text);
    // "S3 Storage Classes:" introduces members, not statements about one thing.
    if (CATEGORY.test(name)) return null;
  } else {
    return null;
  }
  if (!isNameLike(name)) return null;
  for (const leaf of ownStatements(node)) statements.push({ text: leaf.text, node: leaf, definition: false });
  return statements.length > 0 ? { name, node, statements } : null;
}

// Headings that name a part of the notes rather than a thing, or grade a quiz's option ("All Spot — Incorrect"):
// never one of a set of alike subjects.
const SECTION_NOT_A_THING =
  /\b(introduction|intro|overview|basics|advanced|settings|lab|labs|theory|101|summary|vs\.?|versus|notes|concepts|other|misc|tips|exam|examples?|practice|part|section|chapter|review|faq|questions|limits|pricing|performance|security|monitoring|best practices?|types|features|comparison|solutions?|architectures?|use cases|how|what|why|when|integrations?|troubleshooting|good to know|topics|specific|general|more|appendix|resources|links|correct|incorrect|wrong|right answer)\b|[&?]/i;

function sectionSubject(node: OutlineNode): Subject | null {
  const name = labelText(node.text);
  // "Deployment Strategies" over its own list of strategies names a kind of thing, not one thing.
  if (!isNameLike(name) || wordCount(name) > 5 || SECTION_NOT_A_THING.test(name) || CATEGORY.test(name)) return null;
  const statements = ownStatements(node)
    .filter((l) => l.kind !== 'line' || !afterSubLabel(node, l))
    .filter((l) => wordCount(l.text) >= 4)
    .map((l) => ({ text: l.text, node: l, definition: false }));
  return statements.length > 0 ? { name, node, statements } : null;
}

const SUB_LABEL_MAX_WORDS = 4;

/**
 * In a flat run of lines (an export that lost its list structure) a short line without punctuation
 * ("Stage Variables", "Use Cases") is most likely a label over the lines after it: from there on, which
 * thing a line is about is a guess, so only the lines before it are the section's own.
 */
function afterSubLabel(section: OutlineNode, line: OutlineNode): boolean {
  for (const c of section.children) {
    if (c === line) return false;
    if (c.kind === 'line' && c.children.length === 0 && wordCount(c.text) <= SUB_LABEL_MAX_WORDS && !/[.!;)]$/.test(c.text)) return true;
  }
  return false;
}

/** Leaf statements that are about the node itself: a "Term: definition" child is a subject of its own. */
function ownStatements(node: OutlineNode): OutlineNode[] {
  return leafStatements(node).filter((leaf) => {
    // "A: maps a name to IPv4" (a term too short to pass as one) and "NOTE: …" (about the whole group).
    if (/^[^\s:][^:]{0,40}:\s/.test(leaf.text)) return false;
    const def = splitDefinition(leaf);
    return !def || def.definition === '';
  });
}

// "This is a popular exam question", "Comes up on the exam a lot": about studying, not about the thing.
const ABOUT_THE_EXAM = /\b(exam|test) (question|tip|topic)s?\b|\b(on|in|for) the (exam|test)\b/i;
// "== 3,200,000 seconds": a sum carried on from the line above.
const CARRIED_SUM = /^\s*(==?|≈|~=)/;

const POINTS_BACK = /\b(them|these|those)\b|\b(for|of|with|to|do|does) (that|this)$|^(others|the others|the rest|some)\s|^(this|that|it) (means|is why)\b/i;

/** A clause cut short by the line end ("Consists of Root account, Users and"). */
const FRAGMENT_END = /\b(and|or|of|on|to|the|a|an|with|by|for|from|in|at|based on|such as|like|than|as)$/i;

/** "Simple Queue Service" under a heading that says "SQS": the heading spells the answer out. */
function acronymAround(subject: string, around: string): boolean {
  const words = subject.replace(/\([^)]*\)/g, ' ').split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
  if (words.length < 2) return false;
  const acronym = words.map((w) => w[0]).join('');
  return new RegExp(`\\b${acronym}\\b`).test(around);
}

/** "Amazon Elastic Compute Cloud": a name in a list, not a claim about anything. */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length <= 6 && words.every((w) => /^[\p{Lu}\d(]/u.test(w) || /^(of|for|and|the|to|on|in|with|by|a|an)$/.test(w));
}

/**
 * A plain line that owns plain lines only by our guess (notes typed one statement per line, with no list
 * markers): which line belongs to which label is unknowable, so they make no subject.
 */
function guessedGroup(node: OutlineNode): boolean {
  return node.kind === 'line' && node.children.every((c) => c.kind === 'line');
}

/**
 * A technical token of the answer that no sibling shares ("/tmp" in "Lambda /tmp space", "SSE-C") gives the
 * answer away when the statement contains it; tokens every choice shares ("RDS …") do not.
 */
function sharesMark(statement: string, subject: string, siblings: string[], context: string): boolean {
  const around = context.toLowerCase();
  // "(DAX)" marks the answer as much as "DAX".
  const marks = subject.split(/\s+/).map((t) => t.replace(/^[(["']+|[)\]"',:]+$/g, '')).filter((t) => t.length >= 3 && (/[/@._\-\d]/.test(t) || /^[A-Z]{2,}$/.test(t)));
  const said = ` ${statement.toLowerCase()} `;
  return marks.some((m) => {
    const token = m.toLowerCase().replace(/^[(]|[),:]$/g, '');
    // A token the heading above already names ("SNS" under "# SNS") is shared by every choice.
    if (token.length < 3 || !said.includes(token) || around.includes(token)) return false;
    return !siblings.some((s) => s !== subject && s.toLowerCase().includes(token));
  });
}

/**
 * Whether a statement gives away the subject's name: says it, spells out its acronym, or uses a mark or a
 * rare word of it. What the tests need of the name alone is worked out once, for all its statements.
 */
function giveAwayTest(subject: string, siblings: string[], around: string): (statement: string) => boolean {
  let inHeading: boolean | undefined;
  let rare: string[] | undefined;
  return (text) =>
    containsPhrase(text, subject) ||
    spellsAcronym(text, subject) ||
    (inHeading ??= acronymAround(subject, around)) ||
    sharesMark(text, subject, siblings, around) ||
    sharesRareWord(text, (rare ??= rareWords(subject, siblings, around)));
}

/** The long words (singular) of a subject's name that no sibling and no heading shares (see sharesRareWord). */
function rareWords(subject: string, siblings: string[], around: string): string[] {
  // Only the few long words of the name are looked up, rather than gathering every word of every sibling.
  const shared = (w: string) => singularWords(around).has(w) || siblings.some((s) => s !== subject && singularWords(s).has(w));
  return [...singularWords(subject)].filter((w) => w.length >= 5 && !shared(w));
}

/**
 * A long word of the answer that no sibling and no heading shares ("OpenTelemetry" in "AWS Distro for
 * OpenTelemetry") gives the answer away when the statement uses it.
 */
function sharesRareWord(statement: string, rare: string[]): boolean {
  if (rare.length === 0) return false;
  const said = singularWords(statement);
  const words = normalize(statement).split(' ');
  // ".ebextensions" spells "Extensions" inside a longer token.
  return rare.some((w) => said.has(w) || (w.length >= 7 && words.some((t) => (t.length > w.length && singular(t).endsWith(w)) || sameStem(t, w))));
}

/** "concurrent" and "Concurrency", "encrypted" and "Encryption": one word in two forms. */
function sameStem(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 7 && n >= 0.75 * Math.max(a.length, b.length);
}

/**
 * "no mapping template cuz proxy" against a sibling's "no mapping template": the line opens with all the sibling
 * says and adds at most one word of its own (names aside), so it is as true of the sibling (R2, graded blind on
 * fresh19). "edited by you and deleted with its user" adds a claim of its own, and is asked.
 */
function echoes(statement: string, other: string, names: string[]): boolean {
  const theirs = normalize(other);
  const mine = normalize(statement);
  if (wordCount(theirs) < 2 || !`${mine} `.startsWith(`${theirs} `)) return false;
  const named = new Set(names.flatMap((n) => normalize(n).split(' ')).map(singular));
  return [...keywords(mine.slice(theirs.length))].filter((w) => !named.has(singular(w))).length < 2;
}

/**
 * Two statements that say the same of two subjects: one's words all in the other, or nearly the same
 * words. "gives access to one file" and "gives access to many files" differ in the very word asked about,
 * which makes them a fair pair rather than a clash.
 */
function saysTheSame(a: string, b: string): boolean {
  const sim = similarity(a, b);
  if (sim >= 0.75) return true;
  if (sim < 0.5) return false;
  const ka = keywords(a);
  const kb = keywords(b);
  return [...ka].every((w) => kb.has(w)) || [...kb].every((w) => ka.has(w));
}
