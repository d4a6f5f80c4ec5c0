import { describe, expect, it } from 'vitest';
import { isLeadIn, namesNothing, noteTitle, resolveSubject, titleFromFileName } from '../../src/notes/subjects.js';

const none = { title: '', namesService: () => false };
const services = (h: string) => /\b(RDS|Aurora|SQS|DynamoDB)\b/.test(h);

describe('resolveSubject', () => {
  it('names the nearest specific place, with the specific one above it when no service is named', () => {
    expect(resolveSubject(['Name service notes', 'Resolver', 'Overview', 'Terminology'], none).crumb).toBe('Resolver › Terminology');
    expect(resolveSubject(['Workflow engine', 'Core components', 'Actors'], none).crumb).toBe('Workflow engine › Actors');
    expect(resolveSubject(['Study notes', 'Backups', 'Automated'], none).crumb).toBe('Backups › Automated');
    expect(resolveSubject(['Notes', 'Functions', 'Limits'], none).crumb).toBe('Functions › Limits');
  });

  it('climbs to the nearest place naming a service, keeping the specific places below it', () => {
    const ctx = { title: '', namesService: services };
    expect(resolveSubject(['Study notes', 'RDS + Aurora', 'Advantages', 'Backups', 'Automated'], ctx)).toEqual({ subject: 'RDS + Aurora', from: 'path', service: true, crumb: 'RDS + Aurora › Backups › Automated' });
    expect(resolveSubject(['Study notes', 'SQS', 'Delay queues'], ctx).crumb).toBe('SQS › Delay queues');
  });

  it('falls back on the note’s title when nothing in the path names anything', () => {
    expect(resolveSubject(['Overview', 'Terminology'], { title: 'SQS', namesService: services })).toEqual({ subject: 'SQS', from: 'title', service: true, crumb: 'SQS › Terminology' });
    expect(resolveSubject(['Overview', 'Terminology'], none)).toEqual({ subject: '', from: 'none', service: false, crumb: 'Terminology' });
    // A concept with no service above it sits in a note about one: the title goes first.
    expect(resolveSubject(['Partition keys', 'Hot partitions'], { title: 'DynamoDB', namesService: services }).crumb).toBe('DynamoDB › Partition keys › Hot partitions');
  });

  it('never shows a place that holds an answer, an exam-guide label or a sentence', () => {
    const ctx = { title: '', namesService: services };
    expect(resolveSubject(['SQS', 'Dead-letter queues'], ctx, ['Dead-letter queues']).crumb).toBe('SQS');
    expect(resolveSubject(['Domain 2', 'Task Statement 2.1', 'Queues'], none).crumb).toBe('Queues');
    expect(resolveSubject(['SQS', 'Messages that fail too often are moved aside after a few tries.', 'Redrive'], ctx).crumb).toBe('SQS › Redrive');
  });
});

describe('labels that name nothing', () => {
  it('tells a lead-in or an aspect from a name', () => {
    for (const l of ['Knowledge of', 'Skills in', 'Benefits', 'Goals of ASGs', 'Option 2', 'Root user privileges', 'Use cases', 'Task Statement 3', 'RDS Security']) expect(namesNothing(l), l).toBe(true);
    for (const l of ['Spot Instances', 'Dead-letter queues', 'Route 53', 'Visibility timeout', 'Security Groups']) expect(namesNothing(l), l).toBe(false);
    expect(isLeadIn('Integrates with:')).toBe(true);
    expect(isLeadIn('Lambda layers')).toBe(false);
  });
});

describe('noteTitle', () => {
  it('takes the front matter, the first heading, the file name or (for "notes.md") the folder, preferring one that names a service', () => {
    expect(noteTitle('Step Functions', 'My notes', '/x/a.md')).toBe('Step Functions');
    expect(noteTitle(undefined, 'Overview', '/notes/page-DynamoDB.md', services)).toBe('DynamoDB');
    expect(noteTitle(undefined, null, '/course/rds/notes.md', services)).toBe('rds');
    expect(noteTitle(undefined, 'Serverless', '/course/SQS/notes.md', services)).toBe('SQS');
    expect(noteTitle(undefined, null, undefined)).toBe('');
  });

  it('spells a lower-case file name as the note\'s first heading spells its words', () => {
    const named = (t: string) => /\b(?:elastic beanstalk|ecs)\b/i.test(t) && !/,/.test(t);
    expect(noteTitle(undefined, 'AWS Elastic Beanstalk, Amazon ECS and AWS AppConfig', '/notes/elastic-beanstalk-ecs.md', named)).toBe('Elastic Beanstalk ECS');
    // Without a heading to spell it, the file's name stays as written.
    expect(noteTitle(undefined, null, '/course/rds/notes.md', services)).toBe('rds');
  });

  it('reads file names as titles', () => {
    expect(titleFromFileName('page-DynamoDB.md')).toBe('DynamoDB');
    expect(titleFromFileName('2-sns.md')).toBe('sns');
    expect(titleFromFileName('aws_lambda_notes.markdown')).toBe('aws lambda notes');
    expect(titleFromFileName('01.md')).toBe('');
  });

  it('takes a folder named like "S3" or "EC2" for the title of a note filed as "Introduction.md"', () => {
    const services = (t: string) => /\b(S3|EC2)\b/.test(t);
    expect(titleFromFileName('S3')).toBe('S3');
    expect(noteTitle(undefined, 'Introduction', '/course/S3/Introduction.md', services)).toBe('S3');
    expect(noteTitle(undefined, 'Overview', '/course/EC2/Overview.md', services)).toBe('EC2');
  });

  it('takes no id for a title: a hash, or the id an export adds to a page name', () => {
    expect(titleFromFileName('003_7c21be90d4aa1f3e.txt')).toBe('');
    expect(titleFromFileName('Kinesis streams 8e1f2a0b3c4d5e6f7a8b9c0d1e2f3a4b.md')).toBe('Kinesis streams');
    // A word that happens to be spelt in hex letters only is a word.
    expect(titleFromFileName('facade.md')).toBe('facade');
  });
});
