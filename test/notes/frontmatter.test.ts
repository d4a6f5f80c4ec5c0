import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/notes/frontmatter.js';

describe('splitFrontMatter', () => {
  it('returns the whole text as body when there is no front matter', () => {
    expect(splitFrontMatter('# Title\n---\nmore\n')).toEqual({ frontMatter: {}, body: '# Title\n---\nmore\n', bodyLine: 1, messages: [] });
  });

  it('picks exam (upper-cased), domain, services and tags, and ignores unknown keys', () => {
    const text = [
      '---',
      'exam: dva-c02',
      'domain: development',
      'services:',
      '  - SQS',
      '  - Lambda',
      'tags: [queues, async]',
      'author: someone',
      'priority: 3',
      '---',
      '# Queues',
      'body',
      '',
    ].join('\n');
    expect(splitFrontMatter(text)).toEqual({
      frontMatter: { exam: 'DVA-C02', domain: 'development', services: ['SQS', 'Lambda'], tags: ['queues', 'async'] },
      body: '# Queues\nbody\n',
      bodyLine: 11,
      messages: [],
    });
  });

  it('accepts services and tags written as a comma-separated string', () => {
    const r = splitFrontMatter('---\nservices: SQS, SNS ,  EventBridge\ntags: one\n---\nx');
    expect(r.frontMatter).toEqual({ services: ['SQS', 'SNS', 'EventBridge'], tags: ['one'] });
    expect(r.bodyLine).toEqual(5);
  });

  it('handles CRLF line endings', () => {
    expect(splitFrontMatter('---\r\nexam: saa-c03\r\n---\r\nBody')).toEqual({
      frontMatter: { exam: 'SAA-C03' },
      body: 'Body',
      bodyLine: 4,
      messages: [],
    });
  });

  it('cleans values and drops empty ones', () => {
    const r = splitFrontMatter('---\ndomain: "**security** <b>x</b>"\ntags: ["", "  ", real]\ntitle: ""\n---\n');
    expect(r.frontMatter).toEqual({ domain: 'security x', tags: ['real'] });
  });

  it('reports invalid YAML with a line number inside the front matter, and still returns the body', () => {
    const text = '---\ntitle: ok\n  bad indent: 1\n---\n# Body\ntext\n';
    const r = splitFrontMatter(text);
    expect(r.frontMatter).toEqual({});
    expect(r.body).toEqual('# Body\ntext\n');
    expect(r.bodyLine).toEqual(5);
    expect(r.messages.map((m) => m.message)).toEqual(['invalid front matter ignored: bad indentation of a mapping entry']);
    // The faulty YAML line is file line 3 (see the report); it must at least point inside the front matter block.
    expect(r.messages[0]!.line).toBeGreaterThanOrEqual(2);
    expect(r.messages[0]!.line).toBeLessThanOrEqual(4);
  });

  it('refuses front matter larger than 16 KB without parsing it', () => {
    const text = `---\nnotes: ${'x'.repeat(17 * 1024)}\nexam: dva-c02\n---\n# After\n`;
    expect(splitFrontMatter(text)).toEqual({
      frontMatter: {},
      body: '# After\n',
      bodyLine: 5,
      messages: [{ line: 1, message: 'front matter larger than 16 KB ignored' }],
    });
  });

  it('survives a YAML alias bomb ("billion laughs") and keeps the plain fields', () => {
    const names = 'abcdefghi';
    let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < names.length; i++) {
      yaml += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
    }
    yaml += 'services: *i\ntags: *i\ndomain: *i\nexam: dva-c02\n';
    const r = splitFrontMatter(`---\n${yaml}---\n# Body\n`);
    expect(r).toEqual({ frontMatter: { exam: 'DVA-C02' }, body: '# Body\n', bodyLine: 16, messages: [] });
  });
});
