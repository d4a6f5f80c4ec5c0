import type { OutlineNode } from '../outline.js';
import { wordCount } from '../text.js';
import { AUTHOR_TALKING, Collector, askableStatement, looksLikeCode, walk } from './shared.js';

/**
 * Plain statements that no other shape claimed: the bullets and lines that say something in a sentence of
 * their own ("DynamoDB Streams keeps item changes for 24 hours"). Whether one can be asked depends on what it
 * names, which the question stage knows (it has the service catalogue); here they are only collected.
 */
export function extractSentences(root: OutlineNode, out: Collector): void {
  walk(root, (node, _parent, place) => {
    if ((node.kind !== 'item' && node.kind !== 'line') || node.children.length > 0 || out.used.has(node)) return;
    const statement = askableStatement(node.text);
    if (statement === null) return;
    const words = wordCount(statement);
    if (words < 5 || words > 40 || statement.endsWith('?') || looksLikeCode(statement) || AUTHOR_TALKING.test(statement)) return;
    out.add({ kind: 'sentence', path: place.path, context: place.context, line: node.line, sourceText: node.text, statement }, node);
  });
}
