import { describe, expect, it } from 'vitest';
import { literalLinks } from '../../src/notes/literal-links.js';

const linked = (text: string) => literalLinks(text).map(([s, e]) => text.slice(s, e));

describe('literalLinks', () => {
  it('finds http(s) and www URLs and e-mail addresses', () => {
    expect(linked('docs at https://docs.aws.amazon.com/s3/ and www.example.com/a?b=1')).toEqual([
      'https://docs.aws.amazon.com/s3/',
      'www.example.com/a?b=1',
    ]);
    expect(linked('write to team@example.org today')).toEqual(['team@example.org']);
  });

  it('leaves sentence punctuation, unmatched parentheses and entities off the end, as GFM does', () => {
    expect(linked('See https://aws.amazon.com/sqs/.')).toEqual(['https://aws.amazon.com/sqs/']);
    expect(linked('(see www.example.com/page)')).toEqual(['www.example.com/page']);
    expect(linked('the wiki https://en.wikipedia.org/wiki/Queue_(data) page')).toEqual(['https://en.wikipedia.org/wiki/Queue_(data)']);
    expect(linked('https://example.com/x&amp;')).toEqual(['https://example.com/x']);
  });

  it('needs a boundary before a URL and a dotted domain after an @', () => {
    expect(linked('prefixhttps://example.com')).toEqual([]);
    expect(linked('@mentions and user@localhost are not addresses')).toEqual([]);
    expect(linked('s3://bucket/key is not a web link')).toEqual([]);
  });

  it('finds nothing in ordinary text', () => {
    expect(literalLinks('Standard queues deliver at least once')).toEqual([]);
  });
});
