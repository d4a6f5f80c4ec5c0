import { describe, expect, it } from 'vitest';
import { shellArg, shellWord, stripControls, studyTopicCommand, topicLeaf } from '../../src/stats/command.js';

describe('studyTopicCommand', () => {
  it('drills the last segment of the heading path', () => {
    expect(studyTopicCommand('SQS › Dead-letter queues')).toBe('awsquiz study --topic "Dead-letter queues"');
    expect(studyTopicCommand('Lambda')).toBe('awsquiz study --topic "Lambda"');
  });

  it('escapes what a double-quoted shell word would expand', () => {
    expect(studyTopicCommand('IAM › The "Deny" rule')).toBe('awsquiz study --topic "The \\"Deny\\" rule"');
    expect(studyTopicCommand('X › $(rm -rf ~) `id` C:\\temp')).toBe('awsquiz study --topic "\\$(rm -rf ~) \\`id\\` C:\\\\temp"');
  });

  it('single-quotes text with "!", which bash expands even in double quotes', () => {
    expect(studyTopicCommand("Wow! It's fast")).toBe(`awsquiz study --topic 'Wow! It'\\''s fast'`);
  });

  it('strips control characters and bidi overrides', () => {
    expect(studyTopicCommand('SQS › Bad\u001b[31m\ttopic\u202e\n')).toBe('awsquiz study --topic "Bad [31m topic"');
    expect(stripControls('a\u0000b\u0085c')).toBe('a b c');
  });

  it('falls back to the whole path, then to plain study, when a segment is empty', () => {
    expect(topicLeaf('SQS › ')).toBe('SQS ›');
    expect(studyTopicCommand('\u0007')).toBe('awsquiz study');
  });
});

describe('shellWord and shellArg', () => {
  it('quotes only when needed', () => {
    expect([shellArg('DVA-C02'), shellArg('my exam'), shellWord('')]).toEqual(['DVA-C02', '"my exam"', '""']);
  });
});
