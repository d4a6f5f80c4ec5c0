/**
 * Roles: the practice-exam items a note keeps — a question, its choices, and which of them are right. The
 * right ones are marked on the choice (">> S3 Select", "S3 Select ✅", "(correct)") or given by an answer
 * line under the item ("Answer: B", "Correct answers: A, C"), or by an answer key elsewhere in the note
 * ("## Question 30 — Answer: B", "30. B"). Such an item is asked with its own choices. One whose answer the
 * note does not give is not asked at all; and no item's choices (wrong ones among them) are read as claims
 * by the other extractors: the stage takes them out of the outline they read.
 */
import type { QaFact } from '../facts.js';
import type { OutlineNode } from '../outline.js';
import { wordCount } from '../text.js';
import { labelText } from './shared.js';

/** The quiz items found, and the outline without them (the same tree when the note has none). */
export interface Quizzes {
  facts: QaFact[];
  root: OutlineNode;
}

// "A) Use S3 Select", "b. Use S3 Select", "(C) …", "D - …": a lettered choice.
const LETTERED = /^\(?([A-Fa-f])(?:[).:]|\s+[-–])\s+(\S.*)$/;
// A mark that says a choice is the right one, before or after it.
const MARK_BEFORE = /^(?:>>|✅|✔️?|☑️?|\(correct\)|\[correct\])\s*/i;
const MARK_AFTER = /\s*(?:>>|✅|✔️?|☑️?|\(correct\)|\[correct\]|<-+\s*correct)\s*$/i;
// "Answer: B", "Correct answers: A, C", "Ans - B) …".
// The letters must end the line or stand before a ")", "." or dash: "Answer: A role with …" gives no letter.
const ANSWER_LINE = /^(?:the\s+)?(?:correct\s+)?(?:answers?|ans)\s*(?:is|are)?\s*[:：-]?\s*\(?([A-Fa-f](?:\s*(?:,|&|and)\s*[A-Fa-f])*)\)?\s*(?:$|[).:—–-])/i;
// "Question 30 — Answer: B", "Q30: B", "30. B, D": an answer key's entry.
// "1. A bucket policy" is a numbered line, not an entry: the letters end it or stand before ")", "." or a dash.
const KEY_ENTRY = /^(?:q(?:uestion)?\s*#?\s*)?(\d{1,3})\s*(?:[—–:.)-]\s*)*(?:(?:correct\s+)?answers?\s*[:：-]?\s*)?\(?([A-Fa-f](?:\s*(?:,|&|and)\s*[A-Fa-f])*)\)?\s*(?:$|[).:—–-])/i;
// "Question 5", "Q5", "5." at the start of a heading or stem: the item's number.
const NUMBER = /^(?:q(?:uestion)?\s*#?\s*)?(\d{1,3})\b/i;
const POINTS_AT_CHOICES = /\b(?:all|none|both|neither)\b.*\b(?:above|below)\b|^(?:all|none|both|neither)(?: of (?:them|these|the options))?\.?$/i;
const NAMES_LETTERS = /\b[A-F]\s*(?:and|&|or|,)\s*[A-F]\b/;
// A key needs several entries: one "3. B" line alone is a list item, not a key.
const KEY_MIN = 3;

interface Choice {
  text: string;
  letter: string;
  marked: boolean;
}

/** Finds the quiz items of a note's outline and returns them with the outline they leave. */
export function takeQuizzes(root: OutlineNode): Quizzes {
  // Most notes hold no quiz: one cheap pass for a first choice says so before any list is built.
  if (!firstChoiceIn(root)) return { facts: [], root };
  const key = answerKey(root);
  const nodes = inOrder(root);
  const facts: QaFact[] = [];
  const consumed = new Set<OutlineNode>(key.nodes);
  let number: string | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const { node } = nodes[i]!;
    if (node.kind === 'section') number = NUMBER.exec(node.text)?.[1];
    const run = choicesAt(nodes, i);
    if (run === null) continue;
    // The stem is the line right before the choices: an item, a line or a heading that says enough to ask.
    const stem = nodes[i - 1];
    const taken = [...run.nodes];
    // …and asks: it ends on "?" or says how many to choose. "My progress this week" over a to-do list of
    // ticked and open boxes asks nothing.
    const asks = stem !== undefined && (/\?\s*\)?\s*$/.test(stem.node.text.trim()) || /\b(?:choose|select)\b/i.test(stem.node.text));
    if (stem && asks && stem.node.kind !== 'root' && stem.node.kind !== 'code' && !consumed.has(stem.node) && wordCount(stem.node.text) >= 4) {
      // A heading that asks the question keeps its subsections; its own lines (the explanation) go with the item.
      if (stem.node.kind !== 'section') taken.push(stem.node);
      else taken.push(...stem.node.children.filter((c) => c.kind !== 'section'));
      // "A company wants … <br/> Which service meets that need?": the break puts the asking line under the
      // scenario; asked alone, "that need" points at nothing.
      const scene = sceneOf(nodes, i - 1, consumed);
      if (scene) taken.push(scene);
      const own = NUMBER.exec(stem.node.text)?.[1] ?? (scene && NUMBER.exec(scene.text)?.[1]) ?? number;
      const right = rightChoices(run.choices, run.answerLine, own === undefined ? undefined : key.entries.get(own));
      const asked = labelText(stem.node.text.replace(NUMBERING, '')).trim();
      const question = scene ? `${scene.text.replace(NUMBERING, '').trim()} ${asked}` : asked;
      // "Both B and C", "All of the above": a choice that points at others by their place, which shown
      // shuffled and unlettered points at nothing.
      if (right.length > 0 && right.length < run.choices.length && !run.choices.some((c) => POINTS_AT_CHOICES.test(c.text) || NAMES_LETTERS.test(c.text))) {
        facts.push({
          kind: 'qa',
          path: stem.path,
          context: stem.context,
          line: stem.node.line,
          sourceText: stem.node.text,
          question,
          answer: right.map((c) => c.text).join('; '),
          long: false,
          options: run.choices.map((c) => c.text),
          correct: right.map((c) => c.text),
        });
      }
    }
    // Choices are never claims, whether or not the item could be asked; a to-do list under no question is a list.
    if (!asks && run.checklist) {
      i = run.end - 1;
      continue;
    }
    for (const n of taken) consumed.add(n);
    i = run.end - 1;
  }
  if (consumed.size === 0) return { facts, root };
  return { facts, root: without(root, consumed) };
}

/** Whether a note has anything that may open a run of choices: "A) …", a marked line in a code block, a task box. */
function firstChoiceIn(node: OutlineNode): boolean {
  if (node.checked !== undefined) return true;
  if ((node.kind === 'item' || node.kind === 'line') && /^[Aa]$/.test(LETTERED.exec(stripMark(node.text))?.[1] ?? '')) return true;
  if (node.kind === 'code' && (node.code ?? '').split('\n').some((l) => isMarked(l.trim()))) return true;
  return node.children.some(firstChoiceIn);
}

const NUMBERING = /^(?:q(?:uestion)?\s*#?\s*\d{1,3}\s*[:.)—–-]\s*|\d{1,3}[.)]\s+)/i;

/**
 * The scenario a stem continues: the item or line the stem is the first line under, when it is a sentence
 * of its own (ends as one) rather than a label or a heading.
 */
function sceneOf(nodes: Placed[], at: number, consumed: ReadonlySet<OutlineNode>): OutlineNode | undefined {
  const stem = nodes[at]?.node;
  const parent = nodes[at - 1]?.node;
  if (!stem || !parent || stem.kind !== 'line' || parent.children[0] !== stem) return undefined;
  if ((parent.kind !== 'item' && parent.kind !== 'line') || consumed.has(parent)) return undefined;
  return /[.!)]\s*$/.test(parent.text.trim()) && wordCount(parent.text) >= 4 ? parent : undefined;
}

interface Placed {
  node: OutlineNode;
  path: string[];
  context: string[];
}

/** Every node of the outline in document order, with the headings and labels above it. */
function inOrder(root: OutlineNode): Placed[] {
  const out: Placed[] = [];
  const visit = (node: OutlineNode, path: string[], context: string[]) => {
    if (node.kind !== 'root') out.push({ node, path, context });
    const inner = node.kind === 'section' ? { path: [...path, labelText(node.text)], context: [] } : node.kind === 'root' ? { path, context } : { path, context: [...context, labelText(node.text)] };
    for (const c of node.children) visit(c, inner.path, inner.context);
  };
  visit(root, [], []);
  return out;
}

/**
 * The choices that start at `i`: lettered lines in order from A, wherever the outline nested them (a
 * paragraph of "A. …" lines may come out as siblings or as children of the first), with the answer line and
 * the explanation block that follow them; or a code block of one choice a line with the right one marked.
 */
function choicesAt(nodes: Placed[], i: number): { choices: Choice[]; answerLine: string | undefined; nodes: OutlineNode[]; end: number; checklist?: boolean } | null {
  const first = nodes[i]!.node;
  if (first.kind === 'code') {
    const lines = (first.code ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
    if (lines.length < 3 || lines.length > 8 || !lines.some(isMarked)) return null;
    return { choices: lines.map((l, k) => ({ letter: String.fromCharCode(65 + k), text: stripMark(l), marked: isMarked(l) })), answerLine: undefined, nodes: [first], end: i + 1 };
  }
  // A task list of choices with the right ones ticked: "- [ ] SQS", "- [x] Kinesis Data Streams".
  if (first.kind === 'item' && first.checked !== undefined) {
    const boxes: Choice[] = [];
    const taken: OutlineNode[] = [];
    let j = i;
    for (; j < nodes.length && nodes[j]!.node.kind === 'item' && nodes[j]!.node.checked !== undefined; j++) {
      const n = nodes[j]!.node;
      boxes.push({ letter: String.fromCharCode(65 + boxes.length), text: n.text.trim(), marked: n.checked === true });
      taken.push(n);
    }
    // Ticked boxes and none left open is a done to-do list, not a question.
    if (boxes.length < 3 || boxes.length > 8 || boxes.every((b) => b.marked) || !boxes.some((b) => b.marked)) return null;
    return { choices: boxes, answerLine: undefined, nodes: taken, end: j, checklist: true };
  }
  if ((first.kind !== 'item' && first.kind !== 'line') || !/^[Aa]$/.test(LETTERED.exec(stripMark(first.text))?.[1] ?? '')) return null;
  const choices: Choice[] = [];
  const taken: OutlineNode[] = [];
  let j = i;
  for (; j < nodes.length; j++) {
    const n = nodes[j]!.node;
    const m = LETTERED.exec(stripMark(n.text));
    if ((n.kind !== 'item' && n.kind !== 'line') || !m || m[1]!.toUpperCase() !== String.fromCharCode(65 + choices.length)) break;
    choices.push({ letter: m[1]!.toUpperCase(), text: m[2]!.trim(), marked: isMarked(n.text) || writtenAsCode(n) });
    taken.push(n);
  }
  if (choices.length < 3) return null;
  // What follows the choices: "Answer: B", then perhaps an explanation in a code block or a line of its own.
  let answerLine: string | undefined;
  for (let k = j; k < Math.min(j + 2, nodes.length); k++) {
    const n = nodes[k]!.node;
    if (n.kind === 'section') break;
    if (answerLine === undefined && ANSWER_LINE.test(n.text)) {
      answerLine = n.text;
      taken.push(n);
      j = k + 1;
    } else if (n.kind === 'code' || /^(?:explanation|reason|why)\b/i.test(n.text)) {
      taken.push(n);
      j = k + 1;
    }
  }
  return { choices, answerLine, nodes: taken, end: j };
}

/** Whether a whole line is written as code: "`D. Create an IAM role …`" marks the right choice. */
function writtenAsCode(node: OutlineNode): boolean {
  const spans = node.spans.filter((s) => s.text.trim() !== '');
  return spans.length > 0 && spans.every((s) => s.code);
}

function isMarked(text: string): boolean {
  return MARK_BEFORE.test(text.trim()) || MARK_AFTER.test(text.trim());
}

function stripMark(text: string): string {
  return text.trim().replace(MARK_BEFORE, '').replace(MARK_AFTER, '').trim();
}

/** The right choices: the marked ones, else those the item's answer line names, else those the key names. */
function rightChoices(choices: Choice[], answerLine: string | undefined, keyed: string[] | undefined): Choice[] {
  const marked = choices.filter((c) => c.marked);
  if (marked.length > 0) return marked;
  const letters = answerLine !== undefined ? lettersOf(ANSWER_LINE.exec(answerLine)?.[1] ?? '') : (keyed ?? []);
  return choices.filter((c) => letters.includes(c.letter));
}

function lettersOf(list: string): string[] {
  return [...list.toUpperCase().matchAll(/[A-F]/g)].map((m) => m[0]);
}

/** The note's answer key: question number → letters, with the nodes that hold it (kept only with enough entries). */
function answerKey(root: OutlineNode): { entries: Map<string, string[]>; nodes: Set<OutlineNode> } {
  const entries = new Map<string, string[]>();
  const nodes = new Set<OutlineNode>();
  const visit = (node: OutlineNode) => {
    if (node.kind !== 'root' && node.kind !== 'code' && node.kind !== 'table') {
      const m = KEY_ENTRY.exec(node.text);
      // A key entry is short ("30. B", "Question 30 — Answer: B"): a numbered line that goes on is a statement.
      if (m && wordCount(node.text) <= 6) {
        entries.set(m[1]!, lettersOf(m[2]!));
        nodes.add(node);
        return;
      }
    }
    for (const c of node.children) visit(c);
  };
  visit(root);
  return entries.size >= KEY_MIN ? { entries, nodes } : { entries: new Map(), nodes: new Set() };
}

/** The outline without the given nodes (and what is under them), sharing every subtree that loses nothing. */
function without(node: OutlineNode, gone: ReadonlySet<OutlineNode>): OutlineNode {
  let changed = false;
  const children: OutlineNode[] = [];
  for (const c of node.children) {
    if (gone.has(c)) {
      changed = true;
      continue;
    }
    const kept = without(c, gone);
    if (kept !== c) changed = true;
    children.push(kept);
  }
  return changed ? { ...node, children } : node;
}
