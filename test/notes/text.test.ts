import { describe, expect, it } from 'vitest';
import { cleanText, containsPhrase, countNewlines, containsWhole, firstSentence, forgetMemos, memo, normalize, similarity, stripControl, stripHtml, stripPictographs, truncate, wordCount } from '../../src/notes/text.js';

describe('stripControl', () => {
  it('removes ANSI CSI sequences (colours, cursor moves)', () => {
    expect(stripControl('\u001b[31mred\u001b[0m and \u001b[2K\u001b[1;1Hcleared')).toEqual('red and cleared');
  });

  it('removes OSC sequences ended by BEL or by ESC \\ (titles, hyperlinks)', () => {
    expect(stripControl('a\u001b]0;window title\u0007b')).toEqual('ab');
    expect(stripControl('\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ here')).toEqual('click here');
  });

  it('removes C0 and C1 control characters but keeps newline and tab', () => {
    expect(stripControl('a\u0000b\u0007c\rd\u000be\u000cf\u007fg\u0085h\u009bi')).toEqual('abcdefghi');
    expect(stripControl('col1\tcol2\nline 2')).toEqual('col1\tcol2\nline 2');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(stripControl('Résumé — 10 % off ✅')).toEqual('Résumé — 10 % off ✅');
  });
});

describe('cleanText', () => {
  it('keeps a command-line flag\'s "--" and drops a bullet\'s dash', () => {
    expect(cleanText('--page-size: how many items each call fetches')).toEqual('--page-size: how many items each call fetches');
    expect(cleanText('- a bullet that kept its dash')).toEqual('a bullet that kept its dash');
    expect(cleanText('— an aside')).toEqual('an aside');
  });

  it('decodes numbered entities, with or without their ";", and drops callout markers', () => {
    expect(cleanText('&#9888 Watch out')).toEqual('Watch out');
    expect(cleanText('left &#8594; right, &#x41;B')).toEqual('left → right, AB');
    expect(cleanText('[!TIP] Keep one queue per consumer')).toEqual('Keep one queue per consumer');
    expect(cleanText('[!WARNING]- Deleting a key cannot be undone')).toEqual('Deleting a key cannot be undone');
  });

  it('strips HTML tags, keeping their text, and decodes common entities', () => {
    expect(cleanText('<b>Hello</b> <span class="x">world</span> &amp; more')).toEqual('Hello world & more');
  });

  it('turns <br> variants into spaces on one line', () => {
    expect(cleanText('line one<br>line two<BR />three<br/>four')).toEqual('line one line two three four');
  });

  it('drops HTML comments', () => {
    expect(cleanText('<!-- hidden -->shown')).toEqual('shown');
  });

  it('removes emoji used as bullets or markers', () => {
    expect(cleanText('🟫 Storage ⭐ classes ✅')).toEqual('Storage classes');
  });

  it('removes leftover ** and __ emphasis marks', () => {
    expect(cleanText('**unclosed bold start')).toEqual('unclosed bold start');
    expect(cleanText('ends with bold** here')).toEqual('ends with bold here');
    expect(cleanText('**Retention**: 4 days.')).toEqual('Retention: 4 days.');
  });

  it('keeps a wildcard\'s "*" while it drops stray emphasis marks', () => {
    expect(cleanText('Import software.amazon.awssdk.* or @aws-sdk/client-*')).toEqual('Import software.amazon.awssdk.* or @aws-sdk/client-*');
    expect(cleanText('Allow s3:Get* on arn:aws:s3:::my-bucket/*')).toEqual('Allow s3:Get* on arn:aws:s3:::my-bucket/*');
    expect(cleanText('A certificate for *.example.com covers one level')).toEqual('A certificate for *.example.com covers one level');
    expect(cleanText('An ECDHE-* cipher gives forward secrecy')).toEqual('An ECDHE-* cipher gives forward secrecy');
    expect(cleanText('a footnote mark* goes, as does *a stray opener')).toEqual('a footnote mark goes, as does a stray opener');
    expect(cleanText('as low as $0.03/GB-month*.')).toEqual('as low as $0.03/GB-month.');
  });

  it('keeps underscores inside identifiers', () => {
    expect(cleanText('set max_receive_count here')).toEqual('set max_receive_count here');
  });

  it('removes leading bullet characters, quote marks and pipes', () => {
    expect(cleanText('- • Item one')).toEqual('Item one');
    expect(cleanText('> | — quoted item')).toEqual('quoted item');
    expect(cleanText('· middle dot')).toEqual('middle dot');
  });

  it('keeps a leading number', () => {
    expect(cleanText('1. first')).toEqual('1. first');
  });

  it('collapses white space and removes space before , ; :', () => {
    expect(cleanText('  Term :  a   thing ,\n b  ')).toEqual('Term: a thing, b');
  });

  it('keeps < and > that are not tags', () => {
    expect(cleanText('2 < 3 and 5 > 4')).toEqual('2 < 3 and 5 > 4');
  });
});

describe('normalize', () => {
  it('lower-cases, removes accents, punctuation and articles, collapses spaces', () => {
    expect(normalize('The  Quick, brown FOX — an Élan!')).toEqual('quick brown fox elan');
  });

  it('keeps % and $ because they change the meaning of numbers', () => {
    expect(normalize('Up to 50% off, $10 a month')).toEqual('up to 50% off $10 month');
  });

  it('does not remove article letters inside words', () => {
    expect(normalize('Theater and Anthem')).toEqual('theater and anthem');
  });

  it('gives the empty string for text of only punctuation and articles', () => {
    expect(normalize(' — the, a; an! ')).toEqual('');
  });

  it('treats typographic dashes, quotes, bullets, arrows and ellipses as word separators', () => {
    expect(normalize('Lambda › Limits — which one: “the timeout”… • A → B · ‘x’ – y')).toEqual('lambda limits which one timeout b x y');
  });

  it('drops an article next to % or $ but keeps the sign', () => {
    expect(normalize('$the% a$ an%')).toEqual('$ % $ %');
  });

  it('decomposes compatibility characters in text beyond plain punctuation', () => {
    expect(normalize('½ ﬁle “Café”')).toEqual('1 2 file cafe');
  });
});

describe('wordCount', () => {
  it('counts runs of non-space characters', () => {
    expect(wordCount('')).toEqual(0);
    expect(wordCount('   ')).toEqual(0);
    expect(wordCount('one')).toEqual(1);
    expect(wordCount('  one two\tthree\nfour  ')).toEqual(4);
  });

  it('counts every white space `\\s` matches as a separator, and nothing else', () => {
    expect(wordCount('a\u00a0b\u2003c\u3000d\ufeffe\u2028f')).toEqual(6);
    expect(wordCount('a\u200bb\u180ec')).toEqual(1);
  });
});

describe('containsWhole', () => {
  it('finds the whole phrase, word for word, whatever the case and punctuation', () => {
    expect(containsWhole('Use the Dead-Letter Queue!', 'dead letter queue')).toEqual(true);
    expect(containsWhole('Use dead letter queues', 'dead letter queue')).toEqual(false);
  });
});

describe('fast paths', () => {
  it('leave text without tags, entities, controls or pictographs as it is', () => {
    const plain = 'Plain text, 100% ASCII: no <tags> … well, one.';
    expect(stripHtml('no markup here')).toEqual('no markup here');
    expect(stripControl(plain)).toEqual(plain);
    expect(stripPictographs(plain)).toEqual(plain);
  });

  it('strip HTML\'s own tags, not the type parameters of a line of code', () => {
    expect(stripHtml('<b>Lambda</b> runs <span class="x">code</span><br/>fast')).toEqual('Lambda runs code\nfast');
    expect(stripHtml('public async Task<string> Handler(string input)')).toEqual('public async Task<string> Handler(string input)');
    expect(stripHtml('List<T> and Map<K,V>')).toEqual('List<T> and Map<K,V>');
  });

  it('still strip what is there', () => {
    expect(stripHtml('a &amp; b')).toEqual('a & b');
    expect(stripPictographs('ok ✅')).toEqual('ok ');
  });
});

describe('containsPhrase', () => {
  it('finds a phrase regardless of case, punctuation and plural', () => {
    expect(containsPhrase('Spot instances are cheap', 'Spot Instance')).toEqual(true);
    expect(containsPhrase('Dead letter queue holds failures', 'dead-letter queue')).toEqual(true);
  });

  it('finds the significant words of the phrase in any order', () => {
    expect(containsPhrase('Use queues from Amazon SQS', 'SQS queue')).toEqual(true);
  });

  it('is false when a significant word is missing', () => {
    expect(containsPhrase('On-Demand pricing', 'Spot instance')).toEqual(false);
  });

  it('is false for an empty phrase or one made only of generic words', () => {
    expect(containsPhrase('anything at all', 'the')).toEqual(false);
    expect(containsPhrase('Amazon SQS queue', 'AWS service')).toEqual(false);
  });
});

describe('similarity', () => {
  it('is the Jaccard index of the significant words', () => {
    // {standard, queue} vs {fifo, queue}: one shared of three.
    expect(similarity('Standard queue', 'FIFO queue')).toEqual(1 / 3);
    expect(similarity('Standard queue', 'the standard QUEUE!')).toEqual(1);
  });

  it('is 0 when nothing is shared or one side has no significant words', () => {
    expect(similarity('alpha beta', 'gamma')).toEqual(0);
    expect(similarity('the of', 'queue')).toEqual(0);
  });

  it('does not equate singular and plural', () => {
    // {standard, queue, order} vs {standard, queues, order}: two shared of four.
    expect(similarity('Standard queue order', 'standard queues order')).toEqual(0.5);
  });
});

describe('truncate', () => {
  it('returns short text unchanged', () => {
    expect(truncate('short', 10)).toEqual('short');
    expect(truncate('exactly10!', 10)).toEqual('exactly10!');
  });

  it('cuts on a word boundary and adds an ellipsis', () => {
    expect(truncate('The quick brown fox jumps over the lazy dog', 20)).toEqual('The quick brown…');
  });

  it('cuts inside a word when no boundary is close enough', () => {
    expect(truncate('Supercalifragilisticexpialidocious word', 10)).toEqual('Supercali…');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncate('abc, def, ghi jkl', 10)).toEqual('abc, def…');
  });
});

describe('firstSentence', () => {
  it('returns the first sentence when a capitalised one follows', () => {
    expect(firstSentence('SQS is a queue. It scales well.')).toEqual('SQS is a queue.');
    expect(firstSentence('Is it durable? (Yes) eleven nines')).toEqual('Is it durable?');
  });

  it('does not split on a decimal point or before a lower-case word', () => {
    expect(firstSentence('Version 1.5 is out. next one soon')).toEqual('Version 1.5 is out. next one soon');
  });

  it('returns the trimmed text when there is one sentence', () => {
    expect(firstSentence('  One sentence only.  ')).toEqual('One sentence only.');
  });
});

describe('memo', () => {
  it('remembers a result until the memos are forgotten (between notes)', () => {
    let calls = 0;
    const length = memo((t: string) => (calls++, t.length));
    expect([length('queue'), length('queue')]).toEqual([5, 5]);
    expect(calls).toBe(1);
    forgetMemos();
    expect(length('queue')).toBe(5);
    expect(calls).toBe(2);
  });
});

describe('countNewlines', () => {
  it('counts line feeds in the whole text or before an offset', () => {
    expect(countNewlines('')).toBe(0);
    expect(countNewlines('a\nb\n\nc')).toBe(3);
    expect(countNewlines('a\nb\n\nc', 3)).toBe(1);
    expect(countNewlines('a\nb\n\nc', 4)).toBe(2);
  });
});
