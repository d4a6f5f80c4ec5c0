import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../src/app/paths.js';
import { compileFacts } from '../../src/facts/outdated.js';
import { findingFor, findingText, noteFindings, noteServicesOf, reportedFindings } from '../../src/facts/note.js';
import { compileRetired, findRetired, sinceWords, type RetiredFeature } from '../../src/facts/retired.js';
import type { Fact } from '../../src/notes/facts.js';

const URL = 'https://docs.aws.amazon.com/y.html';
const feature = (f: Partial<RetiredFeature> & Pick<RetiredFeature, 'id' | 'service' | 'feature' | 'phrases'>): RetiredFeature => ({ status: 'discontinued {feature}', since: '2020-12-31', url: URL, ...f });
const LIST = [
  feature({ id: 'cloudfront.rtmp', service: 'cloudfront', feature: 'RTMP distributions', phrases: ['rtmp distribution'] }),
  feature({ id: 'asg.launch-configurations', service: 'ec2-auto-scaling', feature: 'launch configurations', phrases: ['launch configuration'], status: 'closed {feature} to new accounts', since: '2024-10' }),
  feature({ id: 'codestar.projects', service: 'codestar', feature: 'CodeStar projects', phrases: ['codestar'], unless: ['connection'] }),
  // Written with capitals: only the service's own name, not any pipeline of data.
  feature({ id: 'pipeline.service', service: 'data-pipeline', feature: 'the pipeline service', phrases: ['Data Pipeline'] }),
];
const INDEX = compileRetired(LIST);
const check = (text: string) => findRetired(text, INDEX).map((f) => `${f.fact}: ${f.said} → ${f.documented}`);

describe('discontinued features', () => {
  it('are found by their wording, in any case, singular or plural, each once', () => {
    expect(check('A web distribution serves sites; an RTMP Distribution streams media files')).toEqual(['cloudfront.rtmp: RTMP Distribution → discontinued RTMP distributions']);
    expect(check('Auto Scaling groups take Launch Configurations; each launch configuration is immutable')).toEqual([
      'asg.launch-configurations: Launch Configurations → closed launch configurations to new accounts',
    ]);
  });

  it('match a wording written with capitals only as written', () => {
    expect(check('Data Pipeline moves data between stores on a schedule')).toEqual(['pipeline.service: Data Pipeline → discontinued the pipeline service']);
    expect(check('Kinesis feeds a data pipeline that ends in S3')).toEqual([]);
  });

  it('leave alone a line that says the feature is old or what replaced it', () => {
    expect(check('Launch templates replace launch configurations and support versions')).toEqual([]);
    expect(check('RTMP distributions are deprecated')).toEqual([]);
    expect(check('You used to stream with an RTMP distribution')).toEqual([]);
    expect(check('A launch configuration (legacy) cannot be edited')).toEqual([]);
    expect(check('Launch configurations were replaced by launch templates')).toEqual([]);
  });

  it('still judge a line in which the feature itself replaces something', () => {
    expect(check('A launch configuration can replace an unhealthy instance with the same settings')).toEqual([
      'asg.launch-configurations: launch configuration → closed launch configurations to new accounts',
    ]);
  });

  it('leave alone a line about something of the same name that lives on', () => {
    expect(check('CodeStar connections link a pipeline to GitHub')).toEqual([]);
    expect(check('A CodeStar project sets up a whole pipeline')).toEqual(['codestar.projects: CodeStar → discontinued CodeStar projects']);
  });

  it('need whole words', () => {
    expect(check('The xrtmp distribution field')).toEqual([]);
  });

  it('say when: "on" a day, "in" a month', () => {
    expect(sinceWords('2020-12-31')).toBe('on 2020-12-31');
    expect(sinceWords('2024-07')).toBe('in 2024-07');
    // A year alone is when the documentation said so, not the day AWS did it.
    expect(sinceWords('2023')).toBe('by 2023');
  });
});

describe('the services of a note as a whole', () => {
  const find = (t: string) => (/dynamo/i.test(t) ? ['dynamodb'] : /sqs/i.test(t) ? ['sqs'] : []);
  it('come from its front matter, else its title, else its file or folder name', () => {
    expect(noteServicesOf({ services: ['SQS'] }, ['DynamoDB'], find)).toEqual(['sqs']);
    expect(noteServicesOf({ title: 'DynamoDB in depth' }, ['misc'], find)).toEqual(['dynamodb']);
    expect(noteServicesOf({}, ['notes', 'DynamoDB'], find)).toEqual(['dynamodb']);
    expect(noteServicesOf({}, ['week 3'], find)).toEqual([]);
  });
});

describe('findings in a note', () => {
  const facts = compileFacts({ checked: '2026-11-30', facts: [], retired: LIST });
  const base = { path: ['Amazon CloudFront'], context: [], line: 3 };
  const sentence = (line: number, text: string): Fact => ({ ...base, kind: 'sentence', line, sourceText: text, statement: text, subject: 'x' }) as unknown as Fact;
  const list = (line: number, label: string, items: string[]): Fact => ({ ...base, kind: 'enumeration', line, sourceText: label, label, items, siblings: [] }) as unknown as Fact;

  it('come from a thing told apart from a discontinued sibling: the choice between them is gone', () => {
    const web = { ...base, kind: 'attribute', line: 4, sourceText: 'Web distribution - serves websites', subject: 'Web distribution', statement: 'serves websites', group: 'g', siblings: ['Web distribution', 'RTMP distribution'], category: '', definition: true } as unknown as Fact;
    expect(noteFindings([web], facts, () => ['cloudfront']).map((f) => [f.line, f.fact, f.said])).toEqual([[4, 'cloudfront.rtmp', 'RTMP distribution']]);
    const alone = { ...(web as object), siblings: ['Web distribution', 'Signed URL'] } as unknown as Fact;
    expect(noteFindings([alone], facts, () => ['cloudfront'])).toEqual([]);
  });

  it('in the shipped list: Spot bids and Snowcone, but not an ad auction or AWS Batch\'s bid percentage (reworded)', () => {
    const real = compileFacts(JSON.parse(readFileSync(join(dataDir, 'aws-facts.json'), 'utf8'))).retired;
    const ids = (text: string) => findRetired(text, real).map((f) => f.fact);
    expect(ids('Spot: name your bid; if the market price passes it you lose the instance')).toEqual(['ec2.spot-bidding']);
    expect(ids('Snowcone is the smallest device of the Snow family')).toEqual(['snowcone.device']);
    expect(ids('DAX suits real-time bidding and gaming leaderboards')).toEqual([]);
    expect(ids('A Batch compute environment on Spot can set a bid percentage of the On-Demand price')).toEqual([]);
    expect(ids('Spot used to work by bidding; now you pay the Spot price')).toEqual([]);
  });

  it('hold back every question of their line, the sibling told apart included', () => {
    const web = { ...base, kind: 'attribute', line: 5, sourceText: 'Web distribution - serves web sites over HTTP and HTTPS', subject: 'Web distribution', statement: 'serves web sites over HTTP and HTTPS', group: 'g', siblings: ['Web distribution', 'RTMP distribution'], category: '', definition: true } as unknown as Fact;
    const found = noteFindings([web], facts, () => ['cloudfront']);
    expect(found.map((f) => f.fact)).toEqual(['cloudfront.rtmp']);
    expect(findingFor({ line: 5, prompt: 'CloudFront — what is “Web distribution”?', answers: ['serves web sites over HTTP and HTTPS'] }, found)?.fact).toBe('cloudfront.rtmp');
    expect(findingFor({ line: 6, prompt: 'CloudFront — what is “Web distribution”?', answers: ['serves web sites over HTTP and HTTPS'] }, found)).toBeNull();
    // One member of a long comparison that lists the feature among others teaches only what it shows.
    const ebs = { ...(web as object), sourceText: 'EBS volumes - block storage for one instance', subject: 'EBS volumes', statement: 'block storage for one instance', siblings: ['EBS volumes', 'EFS', 'RTMP distribution'] } as unknown as Fact;
    const inTable = noteFindings([ebs], facts, () => ['cloudfront']);
    expect(inTable.map((f) => f.fact)).toEqual(['cloudfront.rtmp']);
    expect(findingFor({ line: 5, prompt: 'Storage — what is “EBS volumes”?', answers: ['block storage for one instance'] }, inTable)).toBeNull();
  });

  it('hold back a question filed under another line (a service profile) that shows the feature and is about its service', () => {
    const rtmp = { ...base, kind: 'sentence', line: 9, sourceText: 'Streams Flash video over an RTMP distribution', statement: 'Streams Flash video over an RTMP distribution' } as unknown as Fact;
    const found = noteFindings([rtmp], facts, () => ['cloudfront']);
    expect(found.map((f) => [f.fact, f.line])).toEqual([['cloudfront.rtmp', 9]]);
    const profile = { line: 7, prompt: 'Which service is this: “Caches objects near viewers” · “Streams Flash video over an RTMP distribution”?', answers: ['CloudFront'] };
    expect(findingFor({ ...profile, services: ['cloudfront'] }, found)?.fact).toBe('cloudfront.rtmp');
    // Not one about another service, nor one that does not show the feature.
    expect(findingFor({ ...profile, services: ['mediaconvert'] }, found)).toBeNull();
    expect(findingFor({ line: 7, prompt: 'Which service is this: “Caches objects near viewers” · “Signs URLs for private content”?', answers: ['CloudFront'], services: ['cloudfront'] }, found)).toBeNull();
  });

  it('come from statements with no number and from lists, with file:line and what AWS did', () => {
    const found = noteFindings([sentence(3, 'CloudFront offers a web distribution and an RTMP distribution'), list(7, 'Ways to launch instances in a group', ['Launch template', 'Launch configuration']), sentence(9, 'Edge locations cache content')], facts, () => ['cloudfront']);
    expect(found.map((f) => [f.line, f.fact, f.said])).toEqual([
      [3, 'cloudfront.rtmp', 'RTMP distribution'],
      [7, 'asg.launch-configurations', 'Launch configuration'],
    ]);
    expect(findingText('notes/cf.md', found[0]!)).toBe(`notes/cf.md:3 names RTMP distribution; AWS discontinued RTMP distributions on 2020-12-31 (${URL})`);
    expect(findingText('notes/asg.md', found[1]!)).toBe(`notes/asg.md:7 names Launch configuration; AWS closed launch configurations to new accounts in 2024-10 (${URL})`);
  });
});

describe('a section whose heading names a discontinued feature', () => {
  const facts = compileFacts({ checked: '2026-11-30', facts: [], retired: LIST });
  const under = (heading: string, line: number, text: string, context: string[] = []): Fact =>
    ({ path: ['Developer tools', heading], context, line, kind: 'sentence', sourceText: text, statement: text, subject: heading }) as unknown as Fact;

  it('holds back every question of every line under it, and tells the reader of the heading once', () => {
    const lines = [under('CodeStar', 4, 'Sets up a whole project with a pipeline in minutes'), under('CodeStar', 5, 'Adds a dashboard of the project’s tools')];
    const found = noteFindings(lines, facts, () => ['codestar']);
    expect(found.map((f) => [f.line, f.fact, f.under])).toEqual([
      [4, 'codestar.projects', 'CodeStar'],
      [5, 'codestar.projects', 'CodeStar'],
    ]);
    // The question shows neither the feature's name nor any number: the section still teaches it.
    expect(findingFor({ line: 5, prompt: 'CodeStar — what does the dashboard show?', answers: ['the project’s tools'] }, found)?.fact).toBe('codestar.projects');
    const told = reportedFindings(found.map((finding) => ({ path: 'notes/dev.md', finding })));
    expect(told.map((t) => t.finding.line)).toEqual([4]);
    expect(findingText('notes/dev.md', told[0]!.finding)).toBe(`notes/dev.md:4 is under “CodeStar”, which names CodeStar; AWS discontinued CodeStar projects on 2020-12-31 (${URL})`);
  });

  it('counts any heading above the line, and the label right above it', () => {
    const found = noteFindings([under('Ways to build', 9, 'Gives each project a wiki', ['CodeStar'])], facts, () => ['codestar']);
    expect(found.map((f) => [f.line, f.under])).toEqual([[9, 'CodeStar']]);
    const readme = { ...(under('What is in the sample', 12, 'A buildspec file tells the build what to run') as object), path: ['Welcome to your CodeStar sample project', 'What is in the sample'] } as unknown as Fact;
    expect(noteFindings([readme], facts, () => []).map((f) => [f.line, f.under])).toEqual([[12, 'Welcome to your CodeStar sample project']]);
  });

  it('leaves alone a heading that sets the feature beside something else, and a line that knows it is gone', () => {
    expect(noteFindings([under('Data Pipeline vs Glue', 4, 'Glue runs Spark jobs without servers')], facts, () => ['glue'])).toEqual([]);
    expect(noteFindings([under('CodeStar and CodeCatalyst', 4, 'CodeCatalyst plans and builds in one place')], facts, () => [])).toEqual([]);
    expect(noteFindings([under('CodeStar (legacy)', 4, 'Sets up a project with a pipeline')], facts, () => [])).toEqual([]);
  });
});

describe('the shipped list: services closed since 2024 (reworded)', () => {
  const real = compileFacts(JSON.parse(readFileSync(join(dataDir, 'aws-facts.json'), 'utf8'))).retired;
  const ids = (text: string) => findRetired(text, real).map((f) => f.fact);

  it('names S3 Select, Cognito Sync and its push sync, Cloud9, CloudSearch, Forecast and App Mesh', () => {
    expect(ids('S3 Select pulls only the rows you need out of a CSV object')).toEqual(['s3.select']);
    expect(ids('Glacier Select runs SQL on archived objects')).toEqual(['s3.select']);
    expect(ids('Cognito Sync keeps user preferences the same on every device')).toEqual(['cognito.sync']);
    expect(ids('Push synchronization tells other devices that the data changed')).toEqual(['cognito.sync']);
    expect(ids('Cloud9 is a browser IDE with a terminal')).toEqual(['cloud9.service']);
    expect(ids('CloudSearch indexes your documents for full-text search')).toEqual(['cloudsearch.service']);
    expect(ids('Amazon Forecast predicts demand from time series')).toEqual(['forecast.service']);
    expect(ids('App Mesh puts an Envoy proxy beside each service')).toEqual(['app-mesh.service']);
  });

  it('leaves alone what merely shares a word: a forecast in Cost Explorer, selecting objects, a sync job', () => {
    expect(ids('Cost Explorer can forecast the next months of spend')).toEqual([]);
    expect(ids('Use Athena to select rows from objects in S3')).toEqual([]);
    expect(ids('DataSync moves files into S3 on a schedule')).toEqual([]);
  });
});

describe('the shipped list: what ended in 2025 and 2026, and schedules AWS changed (reworded)', () => {
  const real = compileFacts(JSON.parse(readFileSync(join(dataDir, 'aws-facts.json'), 'utf8'))).retired;
  const ids = (text: string, service?: string) => findRetired(text, real, service === undefined ? undefined : (s) => s === service).map((f) => f.fact);

  it('names Kinesis Data Analytics only where the line is about its SQL applications', () => {
    expect(ids('Kinesis Analytics runs SQL over a stream as the records arrive')).toEqual(['managed-flink.sql-applications']);
    expect(ids('Kinesis Data Analytics: query streams in real time with standard SQL')).toEqual(['managed-flink.sql-applications']);
    // Its Flink applications live on under a new name: the line teaches nothing gone.
    expect(ids('Kinesis Data Analytics scales a streaming application on its own')).toEqual([]);
    expect(ids('Kinesis Data Analytics for Apache Flink runs Java stream processors')).toEqual([]);
  });

  it('names Elastic Transcoder, Amazon Pinpoint and Scheduled Reserved Instances, but not the verb "pinpoint" or a scheduled action', () => {
    expect(ids('Elastic Transcoder turns a video in S3 into formats for phones')).toEqual(['elastic-transcoder.service']);
    expect(ids('Amazon Pinpoint sends campaigns to segments of app users')).toEqual(['pinpoint.engagement']);
    expect(ids('Pinpoint the slow call with X-Ray traces')).toEqual([]);
    expect(ids('Scheduled Reserved Instances reserve capacity for a window every week')).toEqual(['ec2.scheduled-reserved-instances']);
    expect(ids('Scheduled RIs suit a batch job that runs each night')).toEqual(['ec2.scheduled-reserved-instances']);
    expect(ids('A scheduled action grows the group every morning')).toEqual([]);
  });

  it('names the old CloudWatch Logs agent, unless the line sets it beside the unified agent or knows it is gone', () => {
    expect(ids('The CloudWatch Logs agent ships log files from an instance')).toEqual(['cloudwatch-logs.logs-agent']);
    expect(ids('Logs come from the SDK, the CloudWatch Logs agent or the unified agent')).toEqual([]);
    expect(ids('The unified agent replaced the CloudWatch Logs agent')).toEqual([]);
    expect(ids('Install the CloudWatch agent to push logs')).toEqual([]);
  });

  it('judges Inspector Classic, Reduced Redundancy, a three-yearly rotation and TTL within 48 hours in a line about their service only', () => {
    expect(ids('An assessment template says which rules packages run, and for how long', 'inspector')).toEqual(['inspector.classic']);
    expect(ids('An assessment template says which rules packages run, and for how long')).toEqual([]);
    expect(ids('RRS keeps fewer copies, for data you could make again', 's3')).toEqual(['s3.reduced-redundancy']);
    expect(ids('Reduced Redundancy Storage (depricated)', 's3')).toEqual([]);
    expect(ids('AWS managed keys rotate on their own every three years', 'kms')).toEqual(['kms.aws-managed-three-year-rotation']);
    expect(ids('Expired items go within 48 hours of their TTL', 'dynamodb')).toEqual(['dynamodb.ttl-48-hours']);
    expect(ids('A bulk restore from Deep Archive ends within 48 hours', 's3')).toEqual([]);
  });

  it('names a public IPv4 address taught as free, and the 12-month Free Tier, but not a line that gives the charge', () => {
    expect(ids('Public IP: goes away on stop; no charge; stays with one instance')).toEqual(['vpc.free-public-ipv4']);
    expect(ids('An Elastic IP is free while it is attached to a running instance')).toEqual(['vpc.free-public-ipv4']);
    expect(ids('Every public IPv4 address is charged for by the hour')).toEqual([]);
    expect(ids('Public IP: goes away on stop; stays with one instance')).toEqual([]);
    expect(ids('New accounts get the Free Tier for 12 months: 750 hours of t2.micro a month')).toEqual(['billing.twelve-month-free-tier']);
    expect(ids('The free tier gives one million Lambda requests a month')).toEqual([]);
  });
});
