import type { OutlineNode } from '../outline.js';
import { wordCount } from '../text.js';
import { Collector, isGenericLabel, labelText, leafStatements, looksLikeCode, splitDefinition, walk } from './shared.js';

const MAX_ITEMS = 8;
const ONE_NAME = /^[A-Za-z][\w-]*(?:(?:::|\.)[A-Za-z][\w-]*)+$/;
const MAX_ITEM_WORDS = 8;
// Generic labels whose items are things of one kind, so recalling them is a fair question.
const LISTING_LABEL = /^(use ?cases?|benefits|pros|cons|advantages|disadvantages|options|supports|features|components|structure|limitations|types|steps|flow)$/i;

/**
 * A label followed by a short list ("Types of load balancers:" → ALB, NLB, GWLB): asked as "which of
 * these…" with wrong answers from sibling lists, or as a list to recall.
 */
export function extractEnumerations(root: OutlineNode, out: Collector): void {
  walk(root, (node, parent, place) => {
    if (node.kind === 'root' || node.kind === 'table' || node.kind === 'code') return;
    const leaves = leafStatements(node);
    if (leaves.length < 2 || leaves.length !== node.children.length) return;
    if (node.kind !== 'section' && /[.!]$/.test(node.text)) return;
    const def = node.kind === 'section' ? null : splitDefinition(node);
    if (def && def.definition !== '') return; // "Term: definition" + details is a subject, not a list
    // A list of "Term: definition" items is a set of subjects (asked as attributes), not a list to recall;
    // a list of bare names with a definition here and there ("Rolling", "Immutable: a new fleet",
    // "Blue/green") is still a list of names.
    const definitions = leaves.map((l) => { const d = splitDefinition(l); return d && d.definition !== '' ? d : null; });
    const defined = definitions.filter((d) => d !== null).length;
    const bareNames = leaves.every((l, i) => definitions[i] !== null || wordCount(labelText(l.text)) <= 3);
    if (defined > 0 && (defined * 2 >= leaves.length || !bareNames)) return;
    // Among bare names, a member with a definition is named by its term alone.
    const items = leaves.map((l, i) => definitions[i]?.term ?? labelText(l.text));
    // "AWS::Region", "Fn::Join": one code-like token is the name of a thing, not a piece of code.
    if (items.some((i) => wordCount(i) > MAX_ITEM_WORDS || (looksLikeCode(i) && !ONE_NAME.test(i)))) return;
    if (items.length > MAX_ITEMS) {
      out.skip('too-long');
      return;
    }
    const label = def ? def.term : labelText(node.text);
    if (label === '') return;
    // "Notes", "Example", "How does it work?" gather whatever follows; "Use cases" and "Pros" gather alike things.
    if (isGenericLabel(label) && !LISTING_LABEL.test(label)) {
      out.skip('no-checkable-claim', node);
      return;
    }
    const inPath = node.kind === 'section' ? place.path : place.path;
    out.add(
      {
        kind: 'enumeration',
        path: node.kind === 'section' ? [...inPath, label] : inPath,
        context: node.kind === 'section' ? [] : [...place.context, label],
        line: node.line,
        sourceText: node.text,
        label,
        items,
        group: parent ? `${parent.line}:${parent.text}` : '',
      },
      node,
    );
  });
}
