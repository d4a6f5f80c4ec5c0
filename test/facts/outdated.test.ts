import { describe, expect, it } from 'vitest';
import { compileFacts, findOutdated, type AwsFact, type Statement } from '../../src/facts/outdated.js';
import { mentions, parseQuantity, sameAmount } from '../../src/facts/quantity.js';
import { serviceMatcher } from '../../src/notes/services.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { awsFacts } from '../../src/app/facts.js';
import { statementOf } from '../../src/facts/note.js';
import type { Fact } from '../../src/notes/facts.js';

const URL = 'https://docs.aws.amazon.com/x.html';
const fact = (f: Partial<AwsFact> & Pick<AwsFact, 'id' | 'service' | 'phrases'>): AwsFact => ({ attribute: f.id, since: '2025-08', url: URL, ...f });
const FACTS = compileFacts({
  checked: '2026-11-30',
  facts: [
    fact({ id: 'sqs.message-size', service: 'sqs', attribute: 'maximum message size', phrases: ['message size', 'payload'], max: '1 MiB', bare: 'max' }),
    fact({ id: 'sqs.visibility-timeout', service: 'sqs', phrases: ['visibility timeout'], default: '30 seconds', min: '0 seconds', max: '12 hours' }),
    fact({ id: 'sqs.retention', service: 'sqs', phrases: ['retention'], default: '4 days', min: '60 seconds', max: '14 days' }),
    fact({ id: 'sqs.price', service: 'sqs', phrases: ['requests'], value: '$0.40 per million', unless: ['fifo'] }),
    fact({ id: 'lambda.timeout', service: 'lambda', phrases: ['timeout'], default: '3 seconds', max: '900 seconds' }),
    fact({ id: 'lambda.memory', service: 'lambda', phrases: ['memory'], min: '128 MB', max: '10240 MB' }),
    fact({ id: 'ecs.tasks', service: 'ecs', phrases: ['tasks per service'], max: '5000 tasks', nouns: ['task'] }),
    fact({ id: 'cf.pops', service: 'cloudfront', phrases: ['edge locations', 'points of presence'], atLeast: '600 locations', nouns: ['edge', 'point', 'location'] }),
    fact({ id: 'api.throttle', service: 'api-gateway', phrases: ['throttling'], value: '10000 per second', nouns: ['request'] }),
  ],
});
const matcher = serviceMatcher(loadCatalogue());
const check = (text: string, path: string[] = [], context: string[] = [], extra: Partial<Statement> = {}) =>
  findOutdated({ text, path, context, ...extra }, FACTS, (t) => matcher.find(t)).map((f) => `${f.fact}: ${f.said} → ${f.documented}`);

describe('quantities', () => {
  it('reads byte units as binary, so KB/KiB and MB/MiB agree and 1 MiB is 1024 KB', () => {
    expect(sameAmount(parseQuantity('256 KB'), parseQuantity('256 KiB'))).toBe(true);
    expect(sameAmount(parseQuantity('1 MB'), parseQuantity('1 MiB'))).toBe(true);
    expect(sameAmount(parseQuantity('1024KB'), parseQuantity('1 MiB'))).toBe(true);
    expect(sameAmount(parseQuantity('10 GB'), parseQuantity('10240 MB'))).toBe(true);
    expect(sameAmount(parseQuantity('256 KB'), parseQuantity('1 MiB'))).toBe(false);
  });

  it('takes a size counted in thousands for the same size counted in 1,024s ("5 TB (5000 GB)")', () => {
    expect(sameAmount(parseQuantity('5 TB'), parseQuantity('5000 GB'))).toBe(true);
    expect(sameAmount(parseQuantity('2 GB'), parseQuantity('2000 MB'))).toBe(true);
    expect(sameAmount(parseQuantity('5 TB'), parseQuantity('4000 GB'))).toBe(false);
    expect(sameAmount(parseQuantity('64 GB'), parseQuantity('60 GB'))).toBe(false);
  });

  it('converts minutes, seconds, hours and days', () => {
    expect(sameAmount(parseQuantity('900 seconds'), parseQuantity('15 minutes'))).toBe(true);
    expect(sameAmount(parseQuantity('12h'), parseQuantity('43200 sec'))).toBe(true);
    expect(sameAmount(parseQuantity('14 days'), parseQuantity('2 weeks'))).toBe(true);
    expect(sameAmount(parseQuantity('300s'), parseQuantity('15 minutes'))).toBe(false);
  });

  it('joins ranges, taking the unit of the far end, and keeps versions, addresses and names out', () => {
    const r = mentions('Wait time = 1 to 20 seconds, memory 128MB - 10GB, batch 1-10 messages');
    expect(r.map((m) => [m.low.value, m.high?.value])).toEqual([
      [1, 20],
      [128 * 2 ** 20, 10 * 2 ** 30],
      [1, 10],
    ]);
    expect(mentions('between 15 minutes and 1 hour')[0]!.high!.value).toBe(3600);
    expect(mentions('Python 3.12 on 10.0.0.1, Route 53 records, since 2019')).toEqual([]);
    expect(mentions('$0.40 per million requests')[0]!.low.value).toBeCloseTo(0.4e-6);
    expect(mentions('10.000 rps')[0]!.low.value).toBe(10000);
  });
});

describe('findOutdated', () => {
  it('flags a number that differs from the documented one, with what AWS documents', () => {
    expect(check('SQS message size: 256KB max')).toEqual(['sqs.message-size: 256KB → up to 1 MiB']);
    expect(check('Max message size is 256 KiB', ['SQS'])).toEqual(['sqs.message-size: 256 KiB → up to 1 MiB']);
    expect(check('1000 tasks per service', ['Amazon ECS', 'Limits'])).toEqual(['ecs.tasks: 1000 → up to 5,000 tasks']);
    expect(check('$0.50 per 1 million SQS requests after the free tier')).toEqual(['sqs.price: $0.50 → $0.40 per million']);
  });

  it('finds the service by alias or full name in the statement, else in the nearest label or heading', () => {
    expect(check('Simple Queue Service message size: 256 KB')).toHaveLength(1);
    expect(check('message size: 256 KB', ['Notes', 'Amazon SQS', 'Limits'])).toHaveLength(1);
    expect(check('message size: 256 KB', ['Notes'], ['SQS limits'])).toHaveLength(1);
    // No service anywhere, or another service's heading: nothing to judge.
    expect(check('message size: 256 KB', ['Notes'])).toEqual([]);
    expect(check('message size: 256 KB', ['Amazon Kinesis'])).toEqual([]);
  });

  it('accepts the same amount in another unit, and the current value anywhere in a range', () => {
    expect(check('SQS message size: 1 MB max')).toEqual([]);
    expect(check('SQS message size: 1024 KB')).toEqual([]);
    expect(check('Lambda timeout: max 15 minutes')).toEqual([]);
    expect(check('Lambda memory: 128 MB to 10 GB')).toEqual([]);
    expect(check('SQS visibility timeout: 0 seconds to 12 hours')).toEqual([]);
    expect(check('Lambda memory: 128MB - 3008MB')).toEqual(['lambda.memory: 128MB - 3008MB → 128 MB to 10,240 MB']);
  });

  it('holds a default against the default and a maximum against the maximum', () => {
    expect(check('SQS retention: 4 days default, max 14 days')).toEqual([]);
    expect(check('SQS default retention: 7 days')).toEqual(['sqs.retention: 7 days → 4 days by default']);
    expect(check('Lambda timeout: default 3 seconds, max of 300s')).toEqual(['lambda.timeout: 300s → up to 900 seconds']);
    // A bare number that is none of the documented values says too little to judge.
    expect(check('Lambda timeout of 30 seconds for the API')).toEqual([]);
  });

  it('leaves a note alone that gives the new value too, or calls the number the old one', () => {
    expect(check('Lambda timeout: max of 300s (now 900 seconds)')).toEqual([]);
    expect(check('SQS message size was 256 KB before 2025')).toEqual([]);
  });

  it('takes a current value beside an old one for an update only when the line says something changed', () => {
    // Two limits set side by side: the current figure of one does not make the other's old figure right.
    expect(check('API Gateway regional throttling: 10,000 RPS > account throttling: 5,000 RPS')).toEqual(['api.throttle: 5,000 RPS → 10,000 per second']);
    expect(check('API Gateway throttling: raised from 5,000 RPS to 10,000 RPS')).toEqual([]);
  });

  it('keeps numbers apart from wording in another clause, and skips examples, sums and questions', () => {
    expect(check('SQS message size is large; a batch holds 256 KB')).toEqual([]);
    expect(check('SQS: e.g. a message size of 256 KB')).toEqual([]);
    expect(check('SQS: a 256KB payload = 4 requests')).toEqual([]);
    expect(check('What happens to an SQS message size of 256 KB?')).toEqual([]);
    expect(check('SQS FIFO: $0.50 per million requests')).toEqual([]);
  });

  it('counts only the nouns a fact counts, and holds a growing figure as a floor', () => {
    expect(check('216 edge locations', ['CloudFront'])).toEqual(['cf.pops: 216 → at least 600 locations']);
    expect(check('over 700 points of presence', ['CloudFront'])).toEqual([]);
    expect(check('1000 containers per service', ['ECS'])).toEqual([]);
    expect(check('API Gateway throttling: 10,000 RPS')).toEqual([]);
    expect(check('API Gateway throttling: 5,000 RPS')).toEqual(['api.throttle: 5,000 RPS → 10,000 per second']);
  });

  it('takes the wording from the label above a short statement, except for table cells and comparisons', () => {
    expect(check('Default = 20 seconds', ['SQS'], ['Visibility timeout'])).toEqual(['sqs.visibility-timeout: 20 seconds → 30 seconds by default']);
    expect(check('Default = 20 seconds', ['SQS'], ['Visibility timeout'], { fromLabel: false })).toEqual([]);
    expect(check('Default = 20 seconds', ['SQS', 'Visibility timeout vs retention'])).toEqual([]);
  });
});

describe('findOutdated on data/aws-facts.json: cases the corpora taught (reworded)', () => {
  const real = awsFacts().index;
  const judge = (text: string, path: string[] = [], context: string[] = []) => findOutdated({ text, path, context }, real, (t) => matcher.find(t)).map((f) => f.fact);

  it('warns about numbers AWS has since changed', () => {
    expect(judge('Lambda gives each function up to 3GB of memory')).toEqual(['lambda.memory']);
    expect(judge('CloudFront caches content in 216 edge locations')).toEqual(['cf.pops']);
    expect(judge('Aurora storage grows in 10GB steps, up to 64 TB')).toEqual(['aurora.storage']);
    expect(judge('Up to 75% cheaper than On-Demand', ['EC2 pricing', 'Reserved Instances'])).toEqual(['ec2.ri-discount']);
    expect(judge('Convertible RIs save up to 54% against On-Demand prices', ['EC2 pricing'])).toEqual(['ec2.convertible-ri-discount']);
    expect(judge('Up to 54% discount', ['EC2 pricing', 'Convertible Reserved Instances'])).toEqual(['ec2.convertible-ri-discount']);
    expect(judge('Convertible RIs save up to 66% against On-Demand prices', ['EC2 pricing'])).toEqual([]);
    expect(judge('1000 tasks per service', ['ECS', 'Limits'])).toEqual(['ecs.tasks-per-service']);
    // RDS for MySQL, MariaDB, PostgreSQL and Oracle grew to 64 TiB; SQL Server's limit is left alone.
    expect(judge('A MySQL instance on RDS holds up to 16 TiB of storage')).toEqual(['rds.storage']);
    expect(judge('RDS for SQL Server holds up to 16 TiB of storage')).toEqual([]);
  });

  it('reads a byte size written with a bare letter ("512M", "3G") where the fact measures bytes (reworded)', () => {
    expect(judge('Memory for a function: from 128M up to 3G', ['AWS Lambda'])).toEqual(['lambda.memory']);
    expect(judge('Memory setting (128M to 3G)', ['AWS Lambda'])).toEqual(['lambda.memory']);
    expect(judge('/tmp holds 512M, too small for big files', ['AWS Lambda', 'Limits'])).toEqual(['lambda.tmp']);
    expect(judge('Memory for a function: from 128M up to 10G', ['AWS Lambda'])).toEqual([]);
    // The memory setting moves in 1 MB steps since 2020, not 64 MB ones; billing steps are another fact.
    expect(judge('Memory: 128MB to 10GB, in 64MB increments', ['AWS Lambda'])).toEqual(['lambda.memory-increment']);
    expect(judge('Memory: 128MB to 10GB, in 1MB increments', ['AWS Lambda'])).toEqual([]);
    // A letter that scales a count stays a count: "1M requests" is no byte size.
    expect(judge('The first 1M requests a month are free', ['AWS Lambda'])).toEqual([]);
  });

  it('knows the memory of one vCPU and the queue scaling rate, with the count worded "60 more instances" (reworded)', () => {
    expect(judge('With 1792 MB a function gets one whole vCPU', ['AWS Lambda'])).toEqual(['lambda.vcpu-memory']);
    expect(judge('With 1,769 MB a function gets one whole vCPU', ['AWS Lambda'])).toEqual([]);
    expect(judge('For a queue, Lambda brings in 60 more instances per minute', ['Lambda', 'SQS event source'])).toEqual(['lambda.sqs-scaling']);
    expect(judge('For a queue, Lambda brings in up to 300 more instances per minute', ['Lambda', 'SQS event source'])).toEqual([]);
  });

  it('judges a range of limits raised since, each number against its own wording (reworded from the corpora)', () => {
    expect(judge('A database may have up to 5 read replicas', ['RDS'])).toEqual(['rds.read-replicas']);
    expect(judge('Up to 5 read replicas for an Oracle source', ['RDS'])).toEqual([]);
    expect(judge('You pay per duration, in increments of 100ms', ['Lambda pricing'])).toEqual(['lambda.billing-increment']);
    expect(judge('Timeout can be set in increments of 1 second', ['Lambda'])).toEqual([]);
    expect(judge('lowest buffer time is 1 minute', ['Kinesis Data Firehose'])).toEqual(['firehose.buffer-interval']);
    // "Firehose" alone names the service, and a latency said to be the least is its buffer.
    expect(judge('only near real time: lowest buffer time is 1 minute', ['Streams compared', 'Firehose'])).toEqual(['firehose.buffer-interval']);
    expect(judge('not real time: at least 60 seconds of latency', ['Kinesis Data Firehose'])).toEqual(['firehose.buffer-interval']);
    // A bare number that is the documented former minimum is that minimum; the default said bare is still right.
    expect(judge('Close to real time (60 seconds latency for partial batches)', ['Kinesis Data Firehose'])).toEqual(['firehose.buffer-interval']);
    expect(judge('Buffer interval: 300 seconds', ['Kinesis Data Firehose'])).toEqual([]);
    // Under a heading that names both, the label "Data Streams" says which one a line is about.
    expect(judge('Data retention of 1 to 7 days, and consumers can replay it', ['Kinesis', 'Data Streams vs Firehose'], ['Data Streams'])).toEqual(['kds.retention']);
  });

  it('knows the limits raised in 2024 and 2025, and reads the shapes notes give them in (reworded)', () => {
    // S3 objects: a range, a label above, a file size; a single PUT is another limit.
    expect(judge('Any object from 0 bytes to 5 TB', ['Amazon S3'])).toEqual(['s3.object-size']);
    expect(judge('Max size is 5TB', ['S3 buckets'], ['Objects hold the data itself'])).toEqual(['s3.object-size']);
    expect(judge('Objects up to 5 GB go up in one PUT; bigger ones need parts', ['Amazon S3'])).toEqual([]);
    expect(judge('Objects up to 50 TB', ['Amazon S3'])).toEqual([]);
    // "as large as" is a maximum; the record is Kinesis's, the request is not judged.
    expect(judge('One record may be as large as 1 MiB', ['Kinesis Data Streams'])).toEqual(['kds.record-size']);
    expect(judge('A global database: up to 5 secondary Regions', ['Aurora'])).toEqual(['aurora.global-regions']);
    expect(judge('Hosted connections from partners: up to 10 Gbps', ['Direct Connect'])).toEqual(['dx.hosted-bandwidth']);
    // DAX's developer guide: a primary and up to 10 read replicas.
    expect(judge('A cluster holds up to 10 nodes', ['DynamoDB Accelerator (DAX)'])).toEqual(['dax.nodes']);
    expect(judge('A cluster holds up to 11 nodes', ['DynamoDB Accelerator (DAX)'])).toEqual([]);
    // "Data storage for 1 to 7 days" is the stream's retention; four words before a range still take the heading.
    expect(judge('Data storage for 1 to 7 days, replayable', ['Kinesis Data Streams'])).toEqual(['kds.retention']);
    expect(judge('Can be set from 128MB to 3008MB', ['AWS Lambda', 'Memory'])).toEqual(['lambda.memory']);
  });

  it('knows 20 enhanced fan-out consumers per stream, and a Kinesis record written as a message (reworded)', () => {
    expect(judge('Enhanced fan-out: 5 consumer applications per stream, each with its own 2 MB/s per shard', ['Kinesis Data Streams'])).toEqual(['kds.efo-consumers']);
    expect(judge('Enhanced fan-out: up to 20 consumers per stream', ['Kinesis Data Streams'])).toEqual([]);
    // Shared-throughput consumers have no such count, and a rate is no count of consumers.
    expect(judge('Classic consumers share 2 MB/s per shard, with 5 GetRecords calls per second', ['Kinesis Data Streams'])).toEqual([]);
    expect(judge('Message size: one Kinesis message may be as big as 1 MB')).toEqual(['kds.record-size']);
  });

  it('knows 400 Gbps dedicated ports, io2 at 256,000 IOPS and rotation every 1,000 days at most (reworded)', () => {
    // Dedicated ports go to 400 Gbps; a hosted connection is another limit, and a line that gives 400 is current.
    expect(judge('Dedicated connection: weeks to set up, offers up to 100 Gbps', ['Direct Connect'])).toEqual(['dx.dedicated-bandwidth']);
    expect(judge('Dedicated connections: 1, 10, 100 or 400 Gbps', ['Direct Connect'])).toEqual([]);
    expect(judge('Hosted connections from partners: up to 25 Gbps', ['Direct Connect'])).toEqual([]);
    // Every io2 volume is Block Express now; io1 keeps its 64,000.
    expect(judge('io2 volumes deliver up to 64,000 IOPS', ['EBS'])).toEqual(['ebs.io2-iops']);
    expect(judge('io2 volumes deliver up to 256,000 IOPS', ['EBS'])).toEqual([]);
    expect(judge('io1 volumes deliver up to 64,000 IOPS', ['EBS'])).toEqual([]);
    // Secrets Manager rotates as seldom as every 1,000 days; a year is no longer the longest.
    expect(judge('Rotation can be scheduled from 1 to 365 days', ['AWS Secrets Manager'])).toEqual(['secrets.rotation-interval']);
    expect(judge('Rotation can be scheduled every 30 days', ['AWS Secrets Manager'])).toEqual([]);
  });

  it('reads IOPS as the unit of an IOPS limit, a rate per GB as no limit, and a line headed by its term', () => {
    // Under a gp2 heading, "burst" in the line names another fact; the number nearest no wording is the heading's.
    expect(judge('3 IOPS per GiB, a ceiling of 10,000 IOPS, and a burst to 3,000 IOPS for small volumes', ['EBS', 'General Purpose SSD (gp2)'])).toEqual(['ebs.gp2-iops']);
    expect(judge('3 IOPS per GiB and a burst to 3,000 IOPS', ['EBS', 'General Purpose SSD (gp2)'])).toEqual([]);
    // "gp2 - …; …": each clause of a line headed by its term is about that term.
    expect(judge('gp2 - a balance of price and speed; 3 IOPS per GiB up to 10,000 IOPS', ['EBS volume types'])).toEqual(['ebs.gp2-iops']);
    expect(judge('gp2 - a balance of price and speed; 3 IOPS per GiB up to 16,000 IOPS', ['EBS volume types'])).toEqual([]);
    // gp3 went to 80,000 IOPS, 2,000 MiB/s and 64 TiB in 2025; its baseline and gp2's 16,000 stay current, and
    // io1's 1,000 MiB/s is no old gp3 figure.
    expect(judge('gp3 can provision up to 16,000 IOPS', ['EBS'])).toEqual(['ebs.gp3-iops']);
    expect(judge('gp3 throughput up to 1,000 MiB/s', ['EBS'])).toEqual(['ebs.gp3-throughput']);
    expect(judge('Volume size from 1 GiB to 16 TiB', ['EBS', 'General Purpose SSD (gp3)'])).toEqual(['ebs.gp3-size']);
    expect(judge('gp3 gives a baseline of 3,000 IOPS and 125 MiB/s', ['EBS'])).toEqual([]);
    expect(judge('gp2 and gp3 both peak at 16,000 IOPS', ['EBS'])).toEqual([]);
    expect(judge('To reach 64,000 IOPS and 1,000 MB/s throughput, attach the volume to a Nitro instance', ['EBS'])).toEqual([]);
  });

  it('holds a bare number against a lone limit only when it reads as a quota', () => {
    // A count of one's own, and a setting that is no limit, stay quiet; "per" or a label's colon says quota.
    expect(judge('In the demo we created 2 stacks from one template', ['CloudFormation'])).toEqual([]);
    expect(judge('The data lives in 6 copies across 3 Availability Zones', ['Aurora'])).toEqual([]);
    expect(judge('Aurora Global: up to 16 read replicas in each secondary Region', ['Aurora'])).toEqual([]);
    expect(judge('200 stacks per Region', ['CloudFormation'])).toEqual(['cfn.stacks']);
    expect(judge('Stacks: 200', ['CloudFormation'])).toEqual(['cfn.stacks']);
  });

  it('reads "minimum X, maximum Y" as a minimum and a maximum, not both as the maximum', () => {
    // The minimum is no fact's; the maximum is outdated.
    expect(findOutdated({ text: 'payload size: minimum 1KB, maximum 256KB', path: ['SQS'], context: [] }, real, (t) => matcher.find(t)).map((f) => f.said)).toEqual(['256KB']);
  });

  it('reads the thing an attribute line is about as the label right above it', () => {
    const line = { kind: 'attribute', path: ['Streaming'], context: [], line: 3, sourceText: 'lowest buffer time is 1 minute', subject: 'Kinesis Data Firehose', statement: 'lowest buffer time is 1 minute', group: 'g', siblings: ['Kinesis Data Firehose', 'Kinesis Data Streams'], category: '', definition: false } as unknown as Fact;
    const s = statementOf(line)!;
    expect(s.context).toEqual(['Kinesis Data Firehose']);
    expect(findOutdated(s, real, (t) => matcher.find(t)).map((f) => f.fact)).toEqual(['firehose.buffer-interval']);
  });

  it('takes the service from the note as a whole when no heading or label names one', () => {
    const noteOf = (noteServices: string[]) => findOutdated({ text: 'Groups up to 25 actions in one all-or-nothing call', path: ['Transactions'], context: ['TransactWriteItems'], noteServices }, real, (t) => matcher.find(t)).map((f) => f.fact);
    expect(noteOf([])).toEqual([]);
    expect(noteOf(['dynamodb'])).toEqual(['ddb.transactions']);
  });

  it('takes the section\'s one service when the services the line names have none of their wording in it', () => {
    const said = (text: string, path: string[]) => findOutdated({ text, path, context: [] }, real, (t) => matcher.find(t)).map((f) => f.fact);
    // "S3" is named in passing; the number is the queue's message size.
    expect(said('Message size limits (256 KB for plain payloads unless offloading to S3)', ['Amazon SQS', 'Limits'])).toEqual(['sqs.message-size']);
    // "auto scaling" names EC2 Auto Scaling, whose facts have no wording here; the section is Aurora's.
    expect(said('Auto scaling of storage from 10GB to 64TB', ['Aurora'])).toEqual(['aurora.storage']);
    // A section about several services speaks for none of them.
    expect(said('API Gateway HTTP APIs cost less ($1.00 vs $3.50 per million requests)', ['Decoupling: API Gateway, Lambda and SQS'])).toEqual([]);
    // Nor does a list label above the line that names one service: only a heading or the note.
    expect(findOutdated({ text: 'API Gateway HTTP APIs cost less ($1.00 vs $3.50 per million requests)', path: ['Decoupling: API Gateway, Lambda and SQS', 'Answers'], context: ['One Lambda function for everything'] }, real, (t) => matcher.find(t))).toEqual([]);
    // Nor one heading's service when the line sets two things side by side: its figures are theirs.
    expect(said('API Gateway HTTP APIs cost less ($1.00 vs $3.50 per million requests)', ['Answers', 'B. One Lambda function for everything'])).toEqual([]);
  });

  it('knows Route 53 domains, SQS polling growth, Provisioned IOPS, Firehose latency and credentials filed under IAM (reworded)', () => {
    // A default limit is a quota; accounts opened since 2021 start at 20 registered domains.
    expect(judge('Route 53 gives each account a default limit of 50 domain names')).toEqual(['r53.domains']);
    expect(judge('Route 53 registers up to 20 domains per account')).toEqual([]);
    // "added" says the count is on top: the instances are what is counted.
    expect(judge('50 added instances per minute while the queue has messages', ['AWS Lambda', 'Event source mapping'])).toEqual(['lambda.sqs-scaling']);
    expect(judge('Up to 300 additional instances per minute', ['AWS Lambda', 'SQS as an event source'])).toEqual([]);
    expect(judge('Provisioned IOPS: at most 20,000 IOPS on one volume', ['EBS'])).toEqual(['ebs.io1-iops']);
    expect(judge('Provisioned IOPS io2 Block Express: up to 256,000 IOPS', ['EBS'])).toEqual([]);
    // An example rules out only its own clause.
    expect(judge('Provisioned IOPS - for busy databases; pick it if you need more than 10,000 IOPS; a volume takes up to 20,000 IOPS', ['EBS'])).toEqual(['ebs.io1-iops']);
    expect(judge('Provisioned IOPS - if you provision up to 20,000 IOPS you pay for all of them', ['EBS'])).toEqual([]);
    // One word between the number and "minimum".
    expect(judge('Near real time, with 60 seconds delivery minimum', ['Kinesis Data Firehose'])).toEqual([]);
    expect(judge('Near real time, 60 seconds latency minimum', ['Kinesis Data Firehose'])).toEqual(['firehose.buffer-interval']);
    // Notes file STS's temporary credentials under IAM.
    expect(judge('Temporary credentials last from 15 minutes to 1 hour', ['IAM', 'Roles'])).toEqual(['sts.assume-role']);
  });

  it('reads counts written as words, a list label that counts its items, and EBS filed under EC2', () => {
    expect(judge('There are three kinds of load balancers to choose from', ['ELB'])).toEqual(['elb.types']);
    expect(judge('2 Types of Load Balancers', ['Elastic Load Balancers'])).toEqual(['elb.types']);
    expect(judge('Four types of load balancers: ALB, NLB, GWLB and CLB', ['ELB'])).toEqual([]);
    // Counts of other things (copies, zones) say nothing of replicas.
    expect(judge('Aurora keeps six copies of your data across three zones')).toEqual([]);
    expect(judge('A FIFO queue holds at most 20,000 in-flight messages', ['SQS'])).toEqual(['sqs.inflight']);
    expect(judge('gp2 - up to 10,000 IOPS per volume', ['EC2', 'Volumes'])).toEqual(['ebs.gp2-iops']);
    // Cross-Region binlog replicas have a limit of their own.
    expect(judge('Each cluster can have up to five binlog read replicas, each in a different Region', ['Aurora'])).toEqual([]);
  });

  it('stays quiet where a wrong warning was once given', () => {
    // A default is not the maximum, wherever the word "default" sits in the label.
    expect(judge('Default /tmp ephemeral storage: 512 MB', ['AWS Lambda'])).toEqual([]);
    // Another product's figure under the same service, or another kind of stream or workflow.
    expect(judge('Memcached clusters: 20 nodes', ['ElastiCache'])).toEqual([]);
    expect(judge('Aurora global database: up to 16 replicas in each secondary Region')).toEqual([]);
    expect(judge('On-demand Kinesis data streams begin at 4 MB/s for writes and 8 MB/s for reads')).toEqual([]);
    expect(judge('SQS Extended Client Library: payloads up to 2 GB through S3')).toEqual([]);
    // A heading names the attribute, but the statement is about something else.
    expect(judge('EC2 instance metrics arrive every 5 minutes', ['CloudWatch', 'EC2 detailed monitoring'])).toEqual([]);
    expect(judge('Retention of sub-minute data points: 3 hours', ['CloudWatch', 'Metric resolution and retention'])).toEqual([]);
    // Rounding rules, lowest maximums, "Route 53" and a question's colon.
    expect(judge('Item sizes are rounded up to the next 4 KB for reads', ['DynamoDB'])).toEqual([]);
    expect(judge('Lowest configurable maximum event age: 60 seconds', ['Lambda'])).toEqual([]);
    expect(judge('Route 53 hosted zones and CloudFront distributions can be protected', ['AWS Shield'])).toEqual([]);
    expect(judge('How many internet gateways attach to one custom VPC: 1')).toEqual([]);
    // An aside in brackets does not hide "default", and "min:"/"max:" label the numbers after them.
    expect(judge('Default TTL (time to live) is 300 seconds (min: 0s, max: 3600s)', ['API Gateway', 'Caching'])).toEqual([]);
    // A number a thousand times the fact's measures something else: the volume, not the increment. A zero has
    // no magnitude to be off by: it is judged.
    expect(judge('Storage grows by itself in 10GB increments up to 128TB', ['Amazon Aurora'])).toEqual([]);
    expect(judge('Visibility timeout: default 0 seconds', ['Amazon SQS'])).toEqual(['sqs.visibility-timeout']);
  });

  it('teaches nothing old by a current figure set beside it for another kind (reworded)', () => {
    expect(judge('Up to 120,000 in-flight messages for standard queues, 20,000 in-flight messages for FIFO queues', ['Amazon SQS'])).toEqual(['sqs.inflight']);
    expect(judge('FIFO in-flight messages: was 20,000 messages, now 120,000 messages', ['Amazon SQS'])).toEqual([]);
  });

  it('holds a count AWS has grown as a floor it documents itself: Trusted Advisor\'s check categories', () => {
    expect(judge('Gives recommendations in 5 categories', ['AWS Trusted Advisor'])).toEqual(['trusted-advisor.categories']);
    expect(judge('Checks fall into 6 categories, operational excellence among them', ['AWS Trusted Advisor'])).toEqual([]);
    expect(judge('Savings Plans come in 3 categories', ['Cost Explorer'])).toEqual([]);
    const said = findOutdated({ text: 'Recommendations in 5 categories', path: ['Trusted Advisor'], context: [] }, real, (t) => matcher.find(t));
    expect(said.map((f) => f.documented)).toEqual(['at least 6 categories']);
  });
});

// Issue 14 (R4-note: a faithful question on an out-of-date note): an old documented amount, said in other words.
describe('amounts AWS documented before', () => {
  const OLD = compileFacts({
    checked: '2026-11-30',
    facts: [
      fact({ id: 'sqs.message-size', service: 'sqs', phrases: ['message size', 'payload'], max: '1 MiB', bare: 'max', was: ['256 KiB'] }),
      fact({ id: 'lambda.billing', service: 'lambda', phrases: ['billing granularity', 'rounded up to the nearest'], value: '1 ms', was: ['100 ms'] }),
      fact({ id: 'lambda.window', service: 'lambda', phrases: ['batch window'], max: '300 seconds' }),
      fact({ id: 'lambda.timeout', service: 'lambda', phrases: ['timeout'], max: '900 seconds', was: ['300 seconds'] }),
      fact({ id: 'dx.hosted', service: 'direct-connect', phrases: ['hosted connection'], max: '25 Gbps', was: ['10 Gbps'] }),
    ],
  });
  const old = (text: string, path: string[] = []) => findOutdated({ text, path, context: [] }, OLD, (t) => matcher.find(t)).map((f) => `${f.fact}: ${f.said} → ${f.documented}`);

  it('finds the old amount near a word of the wording, though the wording is not beside the number', () => {
    expect(old('A single queued item can carry a body of up to 256 KB', ['SQS'])).toEqual([]);
    expect(old('Each message you send holds up to 256 KB of text', ['SQS'])).toEqual(['sqs.message-size: 256 KB → up to 1 MiB']);
    expect(old('Run time is billed, rounded up to the nearest 100 ms', ['Lambda pricing'])).toEqual(['lambda.billing: 100 ms → 1 ms']);
    expect(old('Speeds on offer are 50 Mbps, 500 Mbps, 1 Gbps or 10 Gbps', ['Direct Connect', 'Hosted connections'])).toEqual(['dx.hosted: 10 Gbps → up to 25 Gbps']);
  });

  it('leaves an amount alone that another quantity of the service has now, that the note says was old, or beside an unrelated heading', () => {
    // 300 seconds is the old timeout, but also today's longest batch window.
    expect(old('A function may wait up to 300 seconds before it runs', ['Lambda'])).toEqual([]);
    expect(old('Each message used to be capped at 256 KB, now larger', ['SQS'])).toEqual([]);
    // "Dedicated connections" is not the wording of hosted connections, though it shares a word with it.
    expect(old('Speeds on offer are 1 Gbps, 10 Gbps or 100 Gbps', ['Direct Connect', 'Dedicated connections'])).toEqual([]);
  });
});
