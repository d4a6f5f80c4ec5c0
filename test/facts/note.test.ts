import { describe, expect, it } from 'vitest';
import { analyzeOptions } from '../../src/app/analyzers.js';
import { awsFacts } from '../../src/app/facts.js';
import { analyzeNote } from '../../src/notes/analyze.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { findingFor, noteFindings, statementOf } from '../../src/facts/note.js';
import type { Fact } from '../../src/notes/facts.js';
import { serviceMatcher } from '../../src/notes/services.js';

const matcher = serviceMatcher(loadCatalogue());
const base = { path: ['Amazon SQS', 'Limits'], context: [], line: 3, sourceText: '' };

describe('a note’s findings', () => {
  it('reads a table cell with its row and column, and a Q/A pair as its question and answer', () => {
    const cell: Fact = { ...base, kind: 'table-cell', caption: '', rowKey: 'Standard queue', column: 'Max message size', value: '256 KB', group: 'g', columnValues: [] };
    expect(statementOf(cell)).toEqual({ text: 'Standard queue Max message size: 256 KB', path: base.path, context: [], fromLabel: false });
    const qa: Fact = { ...base, kind: 'qa', question: 'What is the largest SQS message?', answer: '256 KB', long: false };
    expect(statementOf(qa)!.text).toBe('What is the largest SQS message: 256 KB');
    // A question with numbers of its own is a worked problem, not a claim.
    expect(statementOf({ ...qa, question: 'How many RCUs do 10 reads of 6 KB items need?', answer: '20' })).toBeNull();
    // A digit inside a service's name is no number of the question's own.
    expect(statementOf({ ...qa, question: 'How many S3 buckets does one account get by default?', answer: '100 buckets' })!.text).toBe('How many S3 buckets does one account get by default: 100 buckets');
  });

  it('judges the count a list label gives, and holds back the question that recites the list', () => {
    const list: Fact = { ...base, path: ['Elastic Load Balancers'], kind: 'enumeration', sourceText: '3 Types of Load Balancers', label: '3 Types of Load Balancers', items: ['Application', 'Network', 'Classic'], group: 'g' };
    const found = noteFindings([list], awsFacts().index, (t) => matcher.find(t));
    expect(found.map((f) => [f.fact, f.said])).toEqual([['elb.types', '3']]);
    expect(findingFor({ line: 3, prompt: 'name the 3 listed under “3 Types of Load Balancers”.', answers: ['Application; Network; Classic'] }, found)?.fact).toBe('elb.types');
    // A label that counts nothing is no statement.
    expect(statementOf({ ...list, label: 'Load balancer types' } as Fact)).toBeNull();
  });

  it('finds each number once per line, and ties a question to it only when the question shows that number', () => {
    const numeric: Fact = { ...base, kind: 'numeric', sourceText: 'Maximum message size: 256 KB', subject: 'Limits', before: 'Maximum message size: ', answer: '256 KB', after: '', value: 256, unit: 'kb' };
    const attribute: Fact = { ...base, kind: 'attribute', sourceText: 'Maximum message size: 256 KB', subject: 'Maximum message size', statement: '256 KB', group: 'g', siblings: [], category: '', definition: true };
    const found = noteFindings([numeric, attribute], awsFacts().index, (t) => matcher.find(t));
    expect(found.map((f) => [f.line, f.fact, f.said])).toEqual([[3, 'sqs.message-size', '256 KB']]);
    expect(findingFor({ line: 3, prompt: 'Maximum message size: ____', answers: ['256 KB'] }, found)?.fact).toBe('sqs.message-size');
    expect(findingFor({ line: 3, prompt: 'Which limit is 256KB?', answers: ['Maximum message size'] }, found)?.fact).toBe('sqs.message-size');
    expect(findingFor({ line: 3, prompt: 'What does the line above say?', answers: ['Limits'] }, found)).toBeNull();
    expect(findingFor({ line: 4, prompt: 'Maximum message size: ____', answers: ['256 KB'] }, found)).toBeNull();
  });

  it('ties either end of an outdated range to the line: the blank filled in shows the range', () => {
    const range: Fact = { ...base, path: ['AWS Lambda', 'Limits'], kind: 'numeric', sourceText: 'Memory: 128 MB – 3008 MB', subject: 'Limits', before: 'Memory: 128 MB – ', answer: '3008 MB', after: '', value: 3008, unit: 'mb' };
    const found = noteFindings([range], awsFacts().index, (t) => matcher.find(t));
    expect(found.map((f) => f.fact)).toEqual(['lambda.memory']);
    expect(findingFor({ line: 3, prompt: 'fill in the blank: “Memory: 128 MB – ____”', answers: ['3008 MB'] }, found)?.fact).toBe('lambda.memory');
    expect(findingFor({ line: 3, prompt: 'fill in the blank: “Memory: ____ – 3008 MB”', answers: ['128 MB'] }, found)?.fact).toBe('lambda.memory');
  });
});

// Issue 14 (R4-note): a claim that was true of one service and still is of another.
describe('discontinued behaviour judged only in a line about its service', () => {
  const sentence = (path: string[], text: string, line: number): Fact => ({ ...base, path, line, kind: 'sentence', sourceText: text, statement: text } as Fact);
  const facts = [
    sentence(['Object storage', 'Consistency model'], 'S3 gives eventual consistency for overwrites and deletes', 3),
    sentence(['DynamoDB', 'Reads'], 'Reads are eventually consistent unless you ask for strong ones', 4),
    sentence(['CloudFront', 'Key terms'], 'RTMP: used for streaming media', 5),
    sentence(['MediaLive', 'Inputs'], 'An encoder pushes an RTMP input to a channel', 6),
    sentence(['Storage'], 'Objects are eventually consistent after an overwrite', 7),
  ];
  it('finds S3’s old consistency and CloudFront’s RTMP where the line or its headings name the service, not DynamoDB’s or MediaLive’s', () => {
    const found = noteFindings(facts, awsFacts().index, (t) => matcher.find(t));
    expect(found.map((f) => [f.line, f.fact])).toEqual([[3, 's3.eventual-consistency'], [5, 'cloudfront.rtmp']]);
    // The note as a whole is about S3 ("s3.md"): a line under a generic heading is about it too.
    const inS3Note = noteFindings(facts.slice(4), awsFacts().index, (t) => matcher.find(t), ['s3']);
    expect(inS3Note.map((f) => f.fact)).toEqual(['s3.eventual-consistency']);
  });

  it('finds the pre-2020 S3 model that promised read-after-write only for new objects, not today’s strong model', () => {
    const lines = [
      sentence(['S3', 'Consistency'], 'Read-after-write consistency for PUTs of new objects', 3),
      sentence(['Simple Storage Service (S3)', 'Data model'], 'You get read after write consistency for new objects only', 4),
      sentence(['S3', 'Consistency'], 'Strong read-after-write consistency for PUTs of new objects and overwrites', 5),
      sentence(['DynamoDB', 'Reads'], 'Read after write consistency for new items needs a strongly consistent read', 6),
      sentence(['Caching'], 'Read-after-write consistency for new objects in the cache tier', 7),
    ];
    expect(noteFindings(lines, awsFacts().index, (t) => matcher.find(t)).map((f) => [f.line, f.fact])).toEqual([
      [3, 's3.new-object-consistency'],
      [4, 's3.new-object-consistency'],
    ]);
  });

  it('finds a minimum storage duration given to Intelligent-Tiering, and the discontinued Server Migration Service', () => {
    const lines = [
      sentence(['S3', 'Storage classes'], 'Intelligent-Tiering minimum storage duration: 30 days', 3),
      sentence(['S3', 'Storage classes'], 'Standard-IA minimum storage duration: 30 days', 4),
      sentence(['Migration'], 'AWS Server Migration Service replicates on-premises VMs into AMIs', 5),
      sentence(['Migration'], 'AWS Application Migration Service replicates servers into EC2 continuously', 6),
    ];
    expect(noteFindings(lines, awsFacts().index, (t) => matcher.find(t)).map((f) => [f.line, f.fact])).toEqual([
      [3, 's3.intelligent-tiering-min-duration'],
      [5, 'sms.service'],
    ]);
  });

  it('holds back only the table cell that shows a gone feature, not the rest of its row', () => {
    const cell = (column: string, value: string): Fact => ({ ...base, path: ['S3 storage classes'], kind: 'table-cell', caption: '', rowKey: 'Intelligent-Tiering', column, value, group: column, columnValues: [] } as Fact);
    const found = noteFindings([cell('Min storage duration', '30 days'), cell('Designed for', 'data with changing access')], awsFacts().index, (t) => matcher.find(t));
    expect(found.map((f) => f.fact)).toEqual(['s3.intelligent-tiering-min-duration']);
    expect(findingFor({ line: 3, prompt: 'S3 storage classes — Intelligent-Tiering: Min storage duration?', answers: ['30 days'] }, found)?.fact).toBe('s3.intelligent-tiering-min-duration');
    expect(findingFor({ line: 3, prompt: 'S3 storage classes — Intelligent-Tiering: Designed for?', answers: ['data with changing access'] }, found)).toBeNull();
    // Today's classes say it has none.
    expect(noteFindings([cell('Minimum storage duration', 'None')], awsFacts().index, (t) => matcher.find(t))).toEqual([]);
  });

  it('finds peering "within a single region" under a peering heading, not a same-region rule that still holds', () => {
    const peering = [
      sentence(['VPC peering'], 'Two VPCs can be peered only within a single region', 3),
      sentence(['VPC peering'], 'Peers can reference each other’s security groups when both sit in the same Region', 4),
      sentence(['Transit Gateway'], 'A gateway routes traffic within a single region', 5),
    ];
    expect(noteFindings(peering, awsFacts().index, (t) => matcher.find(t)).map((f) => [f.line, f.fact])).toEqual([[3, 'vpc-peering.single-region']]);
  });
});

describe('a note’s findings, from its own text', () => {
  it('holds a Kinesis retention "configurable to 7 days" against today’s 365-day maximum, and keeps the 24-hour default', () => {
    const note = ['# Kinesis', '', '## Services', '', '- Kinesis Streams - records land in shards and by default, stored for 24h (configurable to 7 days retention). Consumers then read them and keep the results in a database (DynamoDB, Redshift, S3).', '- Kinesis Firehose - no shards to manage, and no retention: records are delivered as they come', '- Kinesis Streams keep records for 24 hours by default'].join('\n');
    const { facts } = analyzeNote(note, analyzeOptions(loadCatalogue()));
    const found = noteFindings(facts, awsFacts().index, (t) => matcher.find(t));
    expect(found.map((f) => [f.fact, f.said, f.line])).toEqual([['kds.retention', '7 days', 5]]);
  });
});
