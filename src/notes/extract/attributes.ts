import type { OutlineNode } from '../outline.js';
import { containsPhrase, similarity, wordCount } from '../text.js';
import { Collector, type Place, askableStatement, isGenericLabel, isNameLike, labelText, leafStatements, looksLikeCode, splitDefinition, walk } from './shared.js';

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
    if (subjects.length < 2) return;
    const inner = innerPlace(node, place);
    const category = node.kind === 'root' ? '' : labelText(node.text);
    const group = `${inner.path.join('/')}|${inner.context.join('/')}|${node.line}`;
    const siblings = subjects.map((s) => s.name);
    for (const subject of subjects) {
      for (const st of subject.statements) {
        const statement = askableStatement(st.text);
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
        if (statement.endsWith('?') || FRAGMENT_END.test(statement) || /^(important|remember|note|see|tip|todo|more on|read)\b/i.test(statement)) {
          out.skip('no-checkable-claim', st.node);
          continue;
        }
        if (looksLikeCode(statement) || (!st.definition && isTitleCase(statement))) {
          out.skip('code-or-link', st.node);
          continue;
        }
        if (containsPhrase(statement, subject.name) || spellsAcronym(statement, subject.name) || sharesMark(statement, subject.name, siblings, [...inner.path, ...inner.context, category].join(' '))) {
          out.skip('gives-answer-away', st.node);
          continue;
        }
        // Said of another subject too: a sibling could be as right as the answer.
        const clash = subjects.some((o) => o !== subject && o.statements.some((x) => similarity(x.text, statement) >= 0.5));
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
          },
          st.node,
        );
      }
    }
  });
}

const CATEGORY = /\b(types|classes|tiers|options|kinds|components|features|modes|models|categories|methods|ways|steps|services|tools|examples|strategies|approaches)(\/\w+)?$/i;

function innerPlace(node: OutlineNode, place: Place): Place {
  if (node.kind === 'section') return { path: [...place.path, labelText(node.text)], context: [] };
  if (node.kind === 'root') return place;
  return { path: place.path, context: [...place.context, labelText(node.text)] };
}

/** The children of `node` that are subjects with something said about them. */
function subjectsOf(node: OutlineNode, sectionsAllowed: boolean): Subject[] {
  const sections = node.children.filter((c) => c.kind === 'section');
  const items = node.children.filter((c) => c.kind === 'item' || c.kind === 'line');
  const fromItems = items.map(itemSubject).filter((s): s is Subject => s !== null);
  // Top-level headings are a document's chapters, not things of one kind.
  const fromSections = node.kind === 'root' || !sectionsAllowed ? [] : sections.map(sectionSubject).filter((s): s is Subject => s !== null);
  // Headings and bullets are different kinds of things: never mix them in one group.
  const pick = fromItems.length >= 2 ? fromItems : fromSections.length >= 3 ? fromSections : [];
  const seen = new Set<string>();
  return pick.filter((s) => {
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

// Headings that name a part of the notes rather than a thing: never one of a set of alike subjects.
const SECTION_NOT_A_THING =
  /\b(introduction|intro|overview|basics|advanced|settings|lab|labs|theory|101|summary|vs\.?|versus|notes|concepts|other|misc|tips|exam|examples?|practice|part|section|chapter|review|faq|questions|limits|pricing|performance|security|monitoring|best practices?|types|features|comparison|solutions?|architectures?|use cases|how|what|why|when|integrations?|troubleshooting|good to know|topics|specific|general|more|appendix|resources|links)\b|[&?]/i;

function sectionSubject(node: OutlineNode): Subject | null {
  const name = labelText(node.text);
  if (!isNameLike(name) || wordCount(name) > 5 || SECTION_NOT_A_THING.test(name)) return null;
  const statements = ownStatements(node)
    .filter((l) => wordCount(l.text) >= 4)
    .map((l) => ({ text: l.text, node: l, definition: false }));
  return statements.length > 0 ? { name, node, statements } : null;
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

/** A clause cut short by the line end ("Consists of Root account, Users and"). */
const FRAGMENT_END = /\b(and|or|of|on|to|the|a|an|with|by|for|from|in|at|based on|such as|like|than|as)$/i;

/** "EFS" spelled out by the statement's capitalised words ("Elastic File System …"). */
function spellsAcronym(statement: string, subject: string): boolean {
  const acronyms = subject.match(/\b[A-Z]{2,6}\b/g) ?? [];
  const initials = (statement.match(/\b[A-Z][a-z]+/g) ?? []).map((w) => w[0]).join('');
  return acronyms.some((a) => initials.includes(a));
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
  const marks = subject.split(/\s+/).filter((t) => t.length >= 3 && (/[/@._\-\d]/.test(t) || /^[A-Z]{2,}$/.test(t)));
  const said = ` ${statement.toLowerCase()} `;
  return marks.some((m) => {
    const token = m.toLowerCase().replace(/^[(]|[),:]$/g, '');
    // A token the heading above already names ("SNS" under "# SNS") is shared by every choice.
    if (token.length < 3 || !said.includes(token) || around.includes(token)) return false;
    return !siblings.some((s) => s !== subject && s.toLowerCase().includes(token));
  });
}
