import type { Extraction } from '../facts.js';
import type { OutlineNode } from '../outline.js';
import { extractAttributes } from './attributes.js';
import { extractBold } from './bold.js';
import { extractEnumerations } from './enumerations.js';
import { extractExplicit } from './explicit.js';
import { extractNumbers } from './numbers.js';
import { takeQuizzes } from './quiz.js';
import { extractSentences } from './sentences.js';
import { Collector, walk } from './shared.js';
import { extractTables } from './tables.js';

/** Runs every fact extractor over a note's outline; statements no extractor could use are counted as skipped. */
export function extractFacts(note: OutlineNode): Extraction {
  // A practice exam's items are asked with their own choices; what remains is read as notes.
  const quiz = takeQuizzes(note);
  const root = quiz.root;
  const out = new Collector();
  for (const f of quiz.facts) out.add(f);
  extractExplicit(root, out);
  extractTables(root, out);
  extractAttributes(root, out);
  extractEnumerations(root, out);
  extractNumbers(root, out);
  extractBold(root, out);
  extractSentences(root, out);
  walk(root, (node) => {
    if ((node.kind === 'item' || node.kind === 'line') && node.children.length === 0 && !out.used.has(node)) {
      out.skip('no-checkable-claim');
    }
    if (node.kind === 'code' && !out.used.has(node)) out.skip('code-or-link');
  });
  return { facts: out.facts, skipped: out.skipped };
}
