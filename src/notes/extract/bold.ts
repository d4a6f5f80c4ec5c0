import type { OutlineNode } from '../outline.js';
import { cleanText, containsPhrase, normalize, wordCount } from '../text.js';
import { Collector, askableStatement, labelText, looksLikeCode, splitDefinition, walk } from './shared.js';

// Emphasis words people bold for tone, not for content ("**BUT** you cannot SSH into it").
const TONE = /^(never|always|not|no|only|must|important|note|do not|don't|cannot|can't|very|all|any|each|every|one|both|also|recommended|optional|mandatory|required|default|by default|free|true|false|yes|but|however|and|or|so|then|except|unless|warning|caution|tip|remember)$/i;

/** Statements with a key phrase in bold ("content is cached at **edge locations**") → a blank for the phrase. */
export function extractBold(root: OutlineNode, out: Collector): void {
  walk(root, (node, _parent, place) => {
    // A statement too long to ask (askableStatement allows 40 words) is skipped before the per-run work,
    // which would otherwise grow with the square of a long line's bold terms.
    if ((node.kind !== 'item' && node.kind !== 'line') || wordCount(node.text) > 80) return;
    const spans = node.spans;
    // The leading bold term of a definition is the definition's subject, not a blank.
    const def = splitDefinition(node);
    let start = 0;
    if (def && spans[0]?.bold) while (start < spans.length && spans[start]!.bold) start++;
    const runs: Array<{ from: number; to: number }> = [];
    for (let i = start; i < spans.length; i++) {
      // Bold cut by a line break ("**Identity … \nConsists** of") is a label run on, not a key phrase.
      if (!spans[i]!.bold || spans[i]!.code || spans[i]!.split) continue;
      let j = i;
      while (j + 1 < spans.length && spans[j + 1]!.bold) j++;
      runs.push({ from: i, to: j });
      i = j;
    }
    const subject = labelText(place.context[place.context.length - 1] ?? place.path[place.path.length - 1] ?? '');
    for (const run of runs) {
      const answer = cleanText(spans.slice(run.from, run.to + 1).map((s) => s.text).join('')).replace(/[:,;.]$/, '');
      if (def && normalize(answer) === normalize(def.term)) continue;
      if (answer === '' || TONE.test(answer) || wordCount(answer) > 6 || /^\$?\d/.test(answer)) continue;
      // "default: 30 seconds" or "Transform: 'AWS::…'" in bold is a whole statement, not a term to recall.
      if (!/[a-zA-Z]{3,}/.test(answer) || !termLike(answer) || /[:'"]/.test(answer)) continue;
      const before = cleanText(spans.slice(0, run.from).map((s) => s.text).join('') + '\u2063').replace(/\u2063$/, '');
      const after = cleanText('\u2063' + spans.slice(run.to + 1).map((s) => s.text).join('')).replace(/^\u2063/, '');
      const full = askableStatement(`${before} ____ ${after}`);
      if (full === null) {
        out.skip('too-long', node);
        continue;
      }
      if (wordCount(`${before} ${after}`) < 3 || looksLikeCode(after)) {
        out.skip('too-short', node);
        continue;
      }
      if (containsPhrase(`${subject} ${before} ${after}`, answer)) {
        out.skip('gives-answer-away', node);
        continue;
      }
      out.add(
        {
          kind: 'cloze',
          path: place.path,
          context: place.context,
          line: node.line,
          sourceText: node.text,
          subject,
          before: spacedBefore(before),
          answer,
          after: spacedAfter(after),
          group: place.path.slice(0, 2).join('/'),
        },
        node,
      );
    }
  });
}

function spacedBefore(s: string): string {
  return s === '' ? '' : /[(\s]$/.test(s) ? s : `${s} `;
}

function spacedAfter(s: string): string {
  return s === '' ? '' : /^[\s),.;:!?]/.test(s) ? s : ` ${s}`;
}

/**
 * A blank is worth filling when the bold phrase is a term (a name, an acronym, an API), not a loose
 * phrase ("model your workflows", "enabled by default") that any wording could fill.
 */
function termLike(phrase: string): boolean {
  if (/^(to|use|using|need|needs|can|must|should|will|is|are|be|for|with|by|in|on|of|and|or|not|no|only|when|if|that)\b/i.test(phrase)) return false;
  return /^[\p{Lu}\d]/u.test(phrase) || /[A-Z]{2,}|\d|[-_.:/]\w/.test(phrase) || /[a-z][A-Z]/.test(phrase);
}
