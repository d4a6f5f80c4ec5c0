import type { OutlineNode } from '../outline.js';
import { wordCount } from '../text.js';
import { Collector, isGenericLabel, labelText, walk } from './shared.js';

const Q_PREFIX = /^(?:Q(?:uestion)?\s*\d*\s*[:.)]|Q\d+\s*[-–])\s*/i;
const A_PREFIX = /^(?:A(?:nswer)?\s*\d*\s*[:.)]|A\d+\s*[-–])\s*/i;
const NUMBERED = /^\(?\d{1,3}[.)]\s+/;

/**
 * Questions the note asks itself: "Q: … / A: …" pairs, items or headings ending in "?" with the answer
 * below, and numbered prompts followed by a code block holding the answer.
 */
export function extractExplicit(root: OutlineNode, out: Collector): void {
  walk(root, (node, _parent, place) => {
    if (node.kind === 'root' || node.kind === 'table' || node.kind === 'code') return;
    // Q:/A: pairs are siblings, or the answer is nested under the question.
    if (Q_PREFIX.test(node.text)) {
      const question = node.text.replace(Q_PREFIX, '').trim();
      const answerNode = node.children.find((c) => A_PREFIX.test(c.text)) ?? nextSibling(node, _parent, (s) => A_PREFIX.test(s.text));
      if (answerNode && question !== '') {
        add(out, node, place, question, answerNode.text.replace(A_PREFIX, '').trim(), [answerNode]);
      }
      return;
    }
    if (A_PREFIX.test(node.text)) return;
    const codes = node.children.filter((c) => c.kind === 'code' && (c.code ?? '').trim() !== '');
    const text = labelText(node.text.replace(NUMBERED, ''));
    if (node.text.endsWith('?') && node.children.length > 0) {
      // The answer is what follows up to the next question or section.
      const answers: OutlineNode[] = [];
      for (const c of node.children) {
        if (c.kind === 'section' || c.kind === 'table' || c.text.endsWith('?') || Q_PREFIX.test(c.text) || NUMBERED.test(c.text)) break;
        // "Use cases", "Notes": a label over lines about something else than the question (a flat export
        // lost which lines it covers), so the answer ends there.
        if (answers.length > 0 && c.kind !== 'code' && isGenericLabel(labelText(c.text))) break;
        answers.push(c);
      }
      if (answers.length === 0) return;
      const answer = answers.map(answerText).filter((x) => x !== '').join('\n');
      if (answer === '') return;
      add(out, node, place, node.text.replace(NUMBERED, ''), answer, answers);
      return;
    }
    // "**1. How …?**" + code block: only a real question; "5. RDS Auto Scaling storage" is a heading of sorts.
    if (NUMBERED.test(node.text) && node.text.endsWith('?') && codes.length > 0 && wordCount(text) >= 2) {
      add(out, node, place, text, codes.map((c) => (c.code ?? '').trim()).join('\n'), codes);
    }
  });
}

function nextSibling(node: OutlineNode, parent: OutlineNode | null, test: (n: OutlineNode) => boolean): OutlineNode | undefined {
  if (!parent) return undefined;
  const i = parent.children.indexOf(node);
  const next = parent.children[i + 1];
  return next && test(next) ? next : undefined;
}

/** A part of an answer with what is nested under it: "base images such as:" keeps the images it names. */
function answerText(node: OutlineNode): string {
  if (node.kind === 'code') return (node.code ?? '').trim();
  return [node.text, ...node.children.map(answerText)].filter((x) => x !== '').join('\n');
}

function add(out: Collector, node: OutlineNode, place: { path: string[]; context: string[] }, question: string, answer: string, used: OutlineNode[]): void {
  if (wordCount(answer) === 0) return;
  const long = answer.includes('\n') || wordCount(answer) > 12;
  if (wordCount(answer) > 120) {
    out.skip('too-long', node);
    return;
  }
  const path = node.kind === 'section' ? place.path : place.path;
  out.add(
    {
      kind: 'qa',
      path,
      context: place.context,
      line: node.line,
      sourceText: node.text,
      question,
      answer,
      long,
    },
    node,
  );
  for (const u of used) out.used.add(u);
}
