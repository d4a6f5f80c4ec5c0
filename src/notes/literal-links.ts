/**
 * Bare URLs and e-mail addresses in running text, the way GitHub Markdown links them ("autolink
 * literals"). The parser is run without that construct because it costs a quarter of the parse; the only
 * thing questions need from it is which characters are a link (lines made mostly of links are navigation,
 * not facts), and this scan answers that for the few text runs that can hold one.
 */

// A URL starts after whitespace, an emphasis marker or an opening parenthesis (GFM's rule), and runs to
// the next space or "<"; its trailing punctuation is trimmed below. An address has a dotted domain.
const CANDIDATE = /(?<![^\s*_~(])(?:https?:\/\/|www\.)[^\s<]+|(?<![\p{L}\p{N}.+\-_@])[\p{L}\p{N}.+\-_]+@[\p{L}\p{N}\-_]+(?:\.[\p{L}\p{N}\-_]+)+/gu;
const TRAILING_PUNCTUATION = /[?!.,:*_~]$/;
const TRAILING_ENTITY = /&[A-Za-z\d]+;$/;

/** The [start, end) ranges of `text` that GitHub Markdown would turn into links. */
export function literalLinks(text: string): Array<[number, number]> {
  // Nearly every text run has none of these; the regular expression is kept off them.
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return [];
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const found = trimTrailing(m[0]);
    if (found.length > 4 && found.includes('.')) ranges.push([m.index, m.index + found.length]);
  }
  return ranges;
}

/** Drops what GFM leaves out of a link's end: sentence punctuation, an unmatched ")", an entity. */
function trimTrailing(url: string): string {
  let out = url;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(out)) out = out.slice(0, -1);
    else if (out.endsWith(')') && count(out, ')') > count(out, '(')) out = out.slice(0, -1);
    else if (TRAILING_ENTITY.test(out)) out = out.replace(TRAILING_ENTITY, '');
    else return out;
  }
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
