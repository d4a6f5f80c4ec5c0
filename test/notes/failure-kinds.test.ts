// One case per failure kind that blind grading found (issue 14), each in notes written for this test: the
// generator must not make the bad question, and must make the good one where the note holds one.
import { describe, expect, it } from 'vitest';
import { analyzeOptions } from '../../src/app/analyzers.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { analyzeNote } from '../../src/notes/analyze.js';
import { checkQuestion } from '../../src/notes/checks.js';
import type { Question } from '../../src/notes/questions.js';

const options = analyzeOptions(loadCatalogue());
const questions = (note: string, file?: string) => analyzeNote(note, options, file).questions;
const lines = (...l: string[]) => l.join('\n');

describe('1. the subject is named', () => {
  it('climbs past generic headings to the note title', () => {
    const qs = questions(lines('# SQS', '## Key exam terms', '- **Visibility timeout**: hides a received message from other consumers for a while', '- **Delay queue**: postpones the delivery of every new message', '- **Dead-letter queue**: keeps the messages that failed too many times'));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).toMatch(/^SQS › Key exam terms — /);
  });

  it('uses the front matter title, then the file name, when no heading names anything', () => {
    const body = lines('## Overview', '- **Standard workflow**: runs for up to a year, at least once', '- **Express workflow**: runs for up to five minutes, at high rates', '- **Activity task**: work done by a worker that polls for it');
    expect(questions(lines('---', 'title: Step Functions', '---', body)).every((q) => q.prompt.startsWith('Step Functions'))).toBe(true);
    expect(questions(body, '/notes/page-StepFunctions.md').every((q) => q.prompt.startsWith('StepFunctions'))).toBe(true);
  });

  it('takes the first of several top-level headings for its own chapter\'s title, not the next chapters\'', () => {
    const qs = questions(lines('# S3', '', '- S3 keeps every object in at least three Availability Zones of the Region you pick', '', '# Binding', '', '- Bind mounts: share a folder of the host with the container that runs on it', '- Volumes: storage that docker manages for the containers of one host', '', '# EBS', '', '- EBS volumes are locked to one Availability Zone, and a snapshot copy moves them to another Region'));
    const ebs = qs.find((q) => q.answers[0] === 'EBS');
    expect(ebs?.prompt).toMatch(/^Which service fills the blank: “____ volumes are locked/);
    const binding = qs.filter((x) => x.prompt.includes('Bind mounts') || x.prompt.includes('“Volumes”'));
    expect(binding.length).toBeGreaterThan(0);
    for (const q of binding) expect(q.prompt).not.toMatch(/^S3/);
  });

  it('names the term a defining line gives the lines under it', () => {
    const qs = questions(lines('# Kinesis Data Streams', '- Enhanced fan-out - every registered consumer gets its own pipe of read throughput per shard', '  - Each consumer reads up to 2 MB per second from every shard'));
    const rate = qs.find((q) => q.answers[0] === '2 MB');
    expect(rate?.prompt).toMatch(/^Kinesis Data Streams › Enhanced fan-out — fill in the blank/);
  });

  it('says whose feature "it" is in a "What is it?" the note asks, and asks none of a generic label', () => {
    const qs = questions(lines('# Amazon Cognito', '## Managed login pages', '- What is it?', '  - A sign-in page that Cognito hosts for a user pool', '  - Takes your own logo and CSS', '## Design notes', '- Is it effective?', '  - When sign-up rules change slowly'));
    const hosted = qs.find((q) => q.prompt.includes('Managed login pages: What is it?'));
    expect(hosted?.prompt).toMatch(/^Amazon Cognito — Managed login pages: What is it\?/);
    expect(qs.filter((q) => q.prompt.includes('Design notes'))).toEqual([]);
  });

  it('does not compare two things by a line about "this" one, which leans on the line before', () => {
    const qs = questions(lines('# EBS', '- A root volume can be encrypted in 2 ways:', '  - Agent: let software inside the guest encrypt the disk', '  - Snapshot:', '    - Take a snapshot of the volume', '    - Make an encrypted copy of the snapshot', '    - Register an image from the encrypted copy', '    - Start an instance from this image'));
    expect(qs.some((q) => q.prompt.includes('Agent or Snapshot: which one does this describe'))).toBe(true);
    expect(qs.filter((q) => q.prompt.includes('from this image'))).toEqual([]);
  });

  it('asks a term whose line only lists names to name them, not "what is" it', () => {
    const qs = questions(lines('# Route 53', '- Routing policies: Simple, Weighted, Latency based, Failover, Geolocation', '- Alias records: point a name at an AWS resource such as a load balancer, free of charge', '- Health checks: probe an endpoint and feed failover (on, etc.)'));
    const policies = qs.find((q) => q.answers[0] === 'Simple, Weighted, Latency based, Failover, Geolocation');
    expect(policies?.prompt).toBe('Route 53 — name the 5 listed for “Routing policies”.');
    expect(qs.find((q) => q.prompt.includes('“Alias records”'))?.prompt).toMatch(/what is “Alias records”\?$/);
  });

  it('reads a run of "term: value" lines as siblings, not the first as the others\' label', () => {
    const qs = questions(lines('# Workflow service', '', '## Limits', '', 'History retention: 1 year  ', 'Domains: 100 per account, each a container for its workflows  ', 'Open executions: 100,000 per domain at a time'));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).not.toContain('History retention: 1 year —');
  });

  it('does not take a remark for a heading: the breadcrumb climbs to the thing it is about', () => {
    const qs = questions(lines('# QuickSight', '## Data sources', '### These sources can live in S3 or on premises', '- **Parquet** – a columnar file format that query engines scan quickly', '- **CSV** – plain text files with one comma-separated record per line', '- **Excel** – spreadsheets saved in the XLSX workbook form'));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      expect(q.prompt).not.toMatch(/These sources/);
      expect(q.prompt).toMatch(/QuickSight/);
    }
  });

  it('never puts an exam-guide outline label or a sentence in the breadcrumb', () => {
    const qs = questions(lines('# Domain 2: Security', '## Task Statement 1.2', '- **KMS key policy**: the resource policy that says who may use a key', '- **Grant**: a temporary permission to use a key, given to a principal', '- **Key alias**: a friendly name that points at one key'));
    for (const q of qs) expect(q.prompt).not.toMatch(/Domain 2|Task Statement/);
  });
});

describe('2. lead-in labels are never answers', () => {
  it('does not ask which label a skill line or a benefit sits under', () => {
    const qs = questions(lines('# Auto Scaling', '- Knowledge of:', '  - scaling policies that follow a metric', '  - warm pools that keep instances ready', '- Skills in:', '  - choosing a cooldown for a group', '  - reading scaling activity history', '- Benefits:', '  - pay only for the instances you need', '  - replace unhealthy instances on their own', '- Option 1:', '  - a target tracking policy on average CPU'));
    const answers = qs.flatMap((q) => q.answers);
    for (const label of ['Knowledge of', 'Skills in', 'Benefits', 'Option 1']) expect(answers).not.toContain(label);
  });

  it('does not ask "what is" a quality listed under "Benefits" or "Why choose …", and still asks a term under "Key concepts"', () => {
    const why = questions(lines('# Managed databases', '## Why choose RDS over a database on EC2?', '- Less operational work: the service patches, backs up and fails over the engine for you', '- Elastic storage: the volume grows on its own when free space runs low, with no downtime at all'));
    expect(why.filter((q) => /what is “(Less operational work|Elastic storage)”/.test(q.prompt))).toEqual([]);
    const benefits = questions(lines('# Lambda', '## Benefits', '- Pay per use: you are billed for requests and for the time your code runs, nothing else', '- No servers: AWS runs, patches and scales the machines your functions run on'));
    expect(benefits.filter((q) => /what is “/.test(q.prompt))).toEqual([]);
    const terms = questions(lines('# SQS', '## Key concepts', '- Long polling: a receive call waits up to twenty seconds for a message to arrive', '- Visibility timeout: the time a received message stays hidden from the other consumers'));
    expect(terms.some((q) => /what is “Long polling”/.test(q.prompt))).toBe(true);
  });

  it('does not ask what "All" or "Both" is, or fill a blank in a line that only leads into a list', () => {
    const qs = questions(lines('# Snow devices', '- **Snowcone**: the smallest, 8 TB of disk', '- **Snowball Edge**: 80 TB, can cluster', '- **All**: can run EC2 instances at the edge', '- **Both**: ship back to AWS to load the data', '# S3 lifecycle paths', '- Objects kept in **Standard-IA** can be moved to:', '  - One Zone-IA', '  - Glacier Flexible Retrieval'));
    expect(qs.filter((q) => /“(All|Both)”/.test(q.prompt) || ['All', 'Both'].includes(q.answers[0]!))).toEqual([]);
    expect(qs.filter((q) => /:”/.test(q.prompt))).toEqual([]);
  });

  it('does not ask what an aside\'s label is ("Reminder", "Quote", "FYI")', () => {
    const qs = questions(lines('# CloudWatch agent', '- **Memory used**: reported by the agent, not by the hypervisor', '- **Disk used**: reported by the agent for each mounted volume', '- **Reminder**: CPU and network come from the hypervisor without any agent', '- **Quote**: what you do not measure you cannot alarm on', '- **FYI**: the agent can also ship log files'));
    expect(qs.filter((q) => /“(Reminder|Quote|FYI)”/.test(q.prompt) || ['Reminder', 'Quote', 'FYI'].includes(q.answers[0]!))).toEqual([]);
    expect(qs.some((q) => q.prompt.includes('“Memory used”'))).toBe(true);
  });

  it('does not ask what a lone verb or a claimed quality is ("Provides:", "Billed:", "Secure:"), but asks a mode named by an adjective', () => {
    const qs = questions(lines('# Transit Gateway', '- Secure: traffic between attached networks stays on the AWS backbone the whole way', '- Highly scalable: one gateway can take thousands of attachments in a hub and spoke design', '- Provides: route tables that decide which attachments can reach which others', '- Billed: for each attachment hour and for each gigabyte it processes', '', '# EFS throughput modes', '- Elastic: throughput follows the workload up and down and you pay for what it uses', '- Provisioned: a fixed throughput you set ahead of time, whatever the stored size'));
    const asked = qs.map((q) => /what is “([^”]+)”/.exec(q.prompt)?.[1]).filter((t) => t !== undefined);
    for (const label of ['Secure', 'Highly scalable', 'Provides', 'Billed']) expect(asked).not.toContain(label);
    expect(asked).toEqual(expect.arrayContaining(['Elastic', 'Provisioned']));
  });

  it('does not ask what a numbered idea or tip is', () => {
    const qs = questions(lines('# Practice ideas', '- Idea 1: stop the test instances every evening with a scheduled Lambda function', '- Idea 2: make thumbnails of each upload with a Lambda function behind an S3 event', '- Tip 3: keep a budget alarm on the practice account'));
    for (const q of qs) expect(q.prompt).not.toMatch(/“(Idea|Tip) \d”/);
    expect(qs.flatMap((q) => q.answers)).not.toEqual(expect.arrayContaining(['Idea 1']));
  });
});

describe('2b. labels that name an aspect, a sign, or a quality', () => {
  it('asks no "what is “Mechanism”?" (a label for how something works, not a term)', () => {
    const qs = questions(lines('# RDS encryption', '## At rest', '- Mechanism: the storage layer encrypts the volume, and RDS asks KMS for a data key for each instance', '- Scope: the encryption covers snapshots, automated backups and read replicas of the instance'));
    expect(qs.filter((q) => q.prompt.includes('“Mechanism”'))).toEqual([]);
  });

  it('asks no "what is “Weaknesses”?" or "what is “Key AWS services”?" (labels of a list, not terms)', () => {
    const qs = questions(lines('# Databases', '## NoSQL', '- Strengths: scales out across many nodes and takes any shape of item', '- Weaknesses: harder to query across items than a relational engine is', '', '# Order pipeline', '- Key AWS services: API Gateway, Lambda, SQS and DynamoDB, one after another', '- Flow: the API hands each order to a function that puts it on a queue'));
    expect(qs.filter((q) => /“(Strengths|Weaknesses|Key AWS services)”/.test(q.prompt))).toEqual([]);
  });

  it('reads a word broken at its hyphen ("non - compliant") as one word, not a term and its definition', () => {
    const qs = questions(lines('# AWS Organizations', '## Concepts', '- Stop any non - compliant tagging of the chosen resources in member accounts', '- List every tagged or non - compliant resource in a report', '- Policy order:', '\t- Explicit deny first', '\t- Service control policies', '\t- Resource - based policies'));
    expect(qs.filter((q) => /“(Stop any non|Allow a cross)”/.test(q.prompt) || q.answers.some((a) => /^(compliant|account role)/.test(a)))).toEqual([]);
  });

  it('asks nothing of a form the reader fills in ("20 questions attempted: [ ]")', () => {
    const qs = questions(lines('# Networking drills', '## Daily scorecard', '- 20 networking questions attempted: [ ]', '- 15 of them right on the first try: [ ]', '- Time spent: 30 minutes: [ ]'));
    expect(qs).toEqual([]);
  });

  it('offers no "Template ≠ Stack" as a thing a line describes', () => {
    const qs = questions(lines('# CloudFormation', '## Exam tips', '- Template ≠ Stack: a template is the file, a stack is what it deploys', '- Nested Stacks: a template that is reused as a resource of a parent stack'));
    expect(qs.flatMap((q) => [...q.answers, ...q.distractors])).not.toContain('Template ≠ Stack');
  });

  it('asks no "which one does this describe" between two characteristics the author listed', () => {
    const traits = questions(lines('# EC2', '## Core characteristics', '- Virtual machines: the servers are called instances', '- Zonal: an instance lives in one Availability Zone and fails with it'));
    expect(traits.filter((q) => q.prompt.includes('which one does this describe'))).toEqual([]);
    // Two kinds of a thing are still told apart.
    const kinds = questions(lines('# SQS', '## Queue types', '- Standard queue: delivers at least once, in roughly the order sent', '- FIFO queue: delivers exactly once, in the order sent'));
    expect(kinds.some((q) => q.prompt.includes('which one does this describe'))).toBe(true);
  });
});

describe('3. wrong choices: enough, alike and believable', () => {
  it('asks a two-member set only as a comparison that names both', () => {
    const qs = questions(lines('# DynamoDB indexes', '- **Local secondary index**: must be created with the table, shares its partition key', '- **Global secondary index**: can be added at any time, has its own partition key'));
    for (const q of qs.filter((x) => x.kind === 'single' && x.distractors.length === 1)) expect(q.prompt).toMatch(/Local secondary index or Global secondary index:/);
  });

  it('offers no section on an aspect of a thing ("Neptune Security") as a kind of that thing', () => {
    const note = (other: string) =>
      questions(lines('# Amazon Neptune', '', other, '- Clusters sit in a VPC and take IAM database authentication', '- Snapshots of an encrypted cluster stay encrypted', '', 'Neptune Serverless', '- Capacity grows and shrinks in small steps with the query load', '- Good for spiky or unpredictable graph workloads'));
    expect(note('Neptune Security').filter((q) => q.distractors.includes('Neptune Security'))).toEqual([]);
    expect(note('Neptune Provisioned').some((q) => q.distractors.includes('Neptune Provisioned'))).toBe(true);
  });

  it('keeps made-up numbers within the range the statement sets, in agreement with their unit', () => {
    const qs = questions(lines('# Lambda', '- A function may run for between 1 second and 900 seconds', '- Releases happen once every 3 months'));
    const lower = qs.find((q) => q.answers[0] === '1 second');
    expect(lower).toBeDefined();
    for (const d of lower!.distractors) expect(Number(d.replace(/\D.*/, ''))).toBeLessThan(900);
    for (const d of lower!.distractors) expect(d).toMatch(/^([2-9]|\d{2,}) seconds$/);
    const months = qs.find((q) => q.answers[0] === '3 months');
    expect(months).toBeDefined();
    for (const d of months!.distractors) expect(d).toMatch(/^(1 month|([2-9]|\d{2,}) months)$/);
    for (const d of months!.distractors) expect(Number(d.replace(/\D.*/, ''))).toBeLessThanOrEqual(36);
  });

  it('offers a feature\'s own family when it has two, not a third from outside it ("Security Groups" beside ALB and GWLB)', () => {
    const qs = questions(lines('# Load balancing in a VPC', '- NLB works at layer 4 and keeps a fixed IP address in every zone it is enabled in, for clients that allow-list addresses', '- Security Groups filter what reaches the targets behind every kind of balancer', '- Network ACLs filter what crosses the subnet edge in both directions'));
    const nlb = qs.find((q) => q.answers[0] === 'NLB' && q.kind === 'single');
    expect(nlb).toBeDefined();
    expect([...nlb!.distractors].sort()).toEqual(['ALB', 'GWLB']);
  });

  it('offers no wrong answer the statement rules out in other words ("no NAT device needed" against NAT Gateway)', () => {
    const qs = questions(lines('# Amazon VPC', '- VPC Endpoints connect your VPC privately to supported AWS services, with no internet gateway or NAT device needed on the way', '- VPC Peering joins two VPCs so that their instances talk over private addresses', '- NAT Gateway gives instances in private subnets a way out to the internet'));
    const endpoints = qs.find((q) => q.answers[0] === 'VPC Endpoints');
    expect(endpoints).toBeDefined();
    expect(endpoints!.distractors).not.toContain('NAT Gateway');
    expect(endpoints!.distractors).not.toContain('Internet Gateway');
  });

  it('asks no price: the Region\'s and the year\'s, a case\'s bill, or a neighbour\'s price offered as wrong', () => {
    const qs = questions(lines('# CloudFront', '- Data transfer out costs $0.085/GB for the first 10 TB each month', '- Shield Advanced costs $3,000 a month', '- Cached objects live 24 hours by default'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers.filter((a) => a!.includes('$'))).toEqual([]);
    expect(answers).toContain('24 hours');
  });

  it('asks neither of two values a line names as the only ones ("10 sec or 30 sec")', () => {
    const qs = questions(lines('# CloudWatch', '- High resolution alarms: can only choose 10 sec or 30 sec periods', '- Standard alarms evaluate every 60 seconds'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('10 sec');
    expect(answers).not.toContain('30 sec');
    expect(answers).toContain('60 seconds');
  });

  it('offers term lengths a buyer could believe, not "9 year"', () => {
    const q = questions(lines('# Snowball Edge', '- A job keeps the device on site for up to 3 years of rental')).find((x) => x.answers[0] === '3 years');
    expect(q).toBeDefined();
    for (const d of q!.distractors) expect(Number(d.replace(/\D.*/, ''))).toBeLessThanOrEqual(10);
  });

  it('asks no 1- or 3-year term of a reservation or commitment: the other term is as right (R2)', () => {
    const qs = questions(lines('# EC2 pricing', '- Reserved Instances: pay less for a commitment of 3 years', '- A Dedicated Host can be reserved for a 1 year period', '- Savings Plans bill a steady hourly spend, with up to 72% off'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('3 years');
    expect(answers).not.toContain('1 year');
    expect(answers).toContain('72%');
  });

  it('asks the high end of a count\'s range from one, not its "1" (a minimum of 2, 3 or 4 fools no one)', () => {
    const qs = questions(lines('# Lambda and SQS', '- Batch size: 1-10 messages per invocation', '- Each function can have 0-5 layers attached'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('1');
    expect(answers).not.toContain('0');
    expect(answers).toContain('10 messages');
    const high = qs.find((q) => q.answers[0] === '10 messages');
    expect(high!.prompt).toContain('“Batch size: 1-____ per invocation”');
    for (const d of high!.distractors) expect(Number(d.replace(/\D.*/, ''))).toBeGreaterThan(1);
  });

  it('weighs a size that is a power of two only against powers of two, whatever else the note says', () => {
    const qs = questions(lines('# EBS io1', '- Provisioned IOPS are counted in I/O chunks of 16 KB', '- Files under 10 KB are slow to copy', '- A log line is about 50 KB'));
    const q = qs.find((x) => x.answers[0] === '16 KB');
    expect(q?.distractors).toHaveLength(3);
    for (const d of q!.distractors) {
      const n = Number(d.replace(/\D.*/, ''));
      expect(Number.isInteger(Math.log2(n)), d).toBe(true);
    }
  });
});

describe('3e. shares and multiples a reader could believe', () => {
  it('reads "99.999%" as five nines, weighed against other nines, never as 99 999 % or against 150 %', () => {
    const q = questions(lines('# EBS', '## io2 volumes', '- io2 has a higher durability (99.999% per year) than the other SSD volumes')).find((x) => x.answers[0] === '99.999%');
    expect(q).toBeDefined();
    for (const d of q!.distractors) {
      expect(Number(d.replace('%', ''))).toBeGreaterThanOrEqual(90);
      expect(Number(d.replace('%', ''))).toBeLessThan(100);
    }
  });

  it('weighs a count against round counts, not powers of two ("1,000,000 events" is no 1,048,576)', () => {
    const q = questions(lines('# GuardDuty', '- S3 data event analysis is billed per 1,000,000 events a month')).find((x) => x.answers[0] === '1,000,000');
    expect(q).toBeDefined();
    expect(q!.distractors).not.toContain('1,048,576');
    // A half step ("3,500") among round thousands only would stand out: one of its own kind goes with it.
    const half = questions(lines('# S3', '- A prefix takes 3,500 PUT requests per second')).find((x) => x.answers[0] === '3,500');
    expect(half?.distractors.some((d) => /^(2,500|4,500)$/.test(d))).toBe(true);
    const size = questions(lines('# EBS', '- A sector of the volume holds 4,096 bytes of data')).find((x) => x.answers[0] === '4,096 bytes');
    expect(size?.distractors.some((d) => /^(2,048|8,192)/.test(d))).toBe(true);
  });

  it('asks no amount the line gives in another unit ("within 100 km (____ miles)"), nor one of a line that goes on from the last ("This will …")', () => {
    const qs = questions(lines('# Regions', '## Availability Zones', '- The zones of a Region sit within 100 km (60 miles) of each other', '- A root volume of 8 GiB (8.6 GB) comes with the image', '- Memory is set from 128 MB to 10 GB (1 MB increments)', '', '# Step Functions', '## Activity tasks', '- Give the task a long TimeoutSeconds and send heartbeats from the worker', '- This will let the Activity Task run for up to 1 year'));
    expect(qs.filter((q) => q.answers[0] === '60 miles' || q.answers[0] === '60' || q.answers[0] === '8 GiB')).toEqual([]);
    // An increment in brackets is no conversion.
    expect(qs.some((q) => q.answers[0] === '1 MB')).toBe(true);
    expect(qs.filter((q) => q.answers[0] === '1 year')).toEqual([]);
  });

  it('offers no wrong amount within 5 % of the answer ("1.2 TiB" beside "1.17 TiB"), though nines stay apart', () => {
    const qs = questions(lines('# FSx for Lustre', '- Capacity grows in units of 1.2 TiB', '- A storage target holds 1.17 TiB of objects', '', '# S3', '- Standard is built for 99.99% availability', '- Durability is 99.999999999% for every class'));
    const target = qs.find((q) => q.answers[0] === '1.17 TiB');
    expect(target).toBeDefined();
    expect(target!.distractors).not.toContain('1.2 TiB');
    const nines = qs.find((q) => q.answers[0] === '99.99%');
    expect(nines?.distractors).toHaveLength(3);
    for (const d of nines!.distractors) expect(Number(d.replace('%', ''))).toBeGreaterThan(95);
  });

  it('offers a multiple of a comparison only above once ("1x faster" fools no one)', () => {
    const qs = questions(lines('# Aurora', '- The engine runs 3x faster than a plain self-managed MySQL database', '- The engine runs 2x faster than a plain self-managed PostgreSQL database'));
    expect(qs.find((x) => x.answers[0] === '2x')).toBeDefined();
    expect(qs.flatMap((x) => x.distractors)).not.toContain('1x');
  });
});

describe('3b. a number among numbers written as it is', () => {
  it('offers a number with its unit only numbers with theirs, not the bare end of a range', () => {
    const qs = questions(lines('# SQS', '- A long poll waits 10-20 seconds for messages', '- The visibility timeout of a received message is 30 seconds by default', '- A message can be delayed for up to 900 seconds before delivery'));
    const q = qs.find((x) => x.answers[0] === '30 seconds');
    expect(q).toBeDefined();
    expect(q!.distractors).toHaveLength(3);
    for (const d of q!.distractors) expect(d).toMatch(/^\d+ seconds$/);
  });
});

describe('3c. numbers that name one of a fixed set', () => {
  it('offers a well-known port the ports everyone meets when "port" follows the number ("HTTPS on 443 port")', () => {
    const qs = questions(lines('# Security groups', '## Ports to revise', '- Https on 443 port', '- Remote desktop uses 3389 port', '- A rule allows up to 60 sources per group'));
    const https = qs.find((q) => q.answers[0] === '443');
    expect(https?.distractors.length).toBe(3);
    for (const d of https!.distractors) expect([22, 80, 3389, 3306, 5432, 8080, 21, 25, 53, 2049, 1433]).toContain(Number(d));
  });

  it('offers only real status codes of the same class for an HTTP status', () => {
    const qs = questions(lines('# API Gateway errors', '- A client that calls too often gets a 429 error back until its rate drops', '- An integration that answers in the wrong shape ends in a 502 error for the caller', '- A caller without permission receives a 403 error response'));
    const byAnswer = new Map(qs.filter((q) => q.kind === 'single').map((q) => [q.answers[0], q.distractors]));
    for (const [code, wrong] of [['429', '4'], ['502', '5'], ['403', '4']] as const) {
      const offered = byAnswer.get(code);
      expect(offered, code).toBeDefined();
      expect(offered!.length).toBe(3);
      for (const d of offered!) {
        expect(d.startsWith(wrong), `${code}: ${d}`).toBe(true);
        expect([400, 401, 403, 404, 405, 409, 413, 429, 500, 501, 502, 503, 504]).toContain(Number(d));
      }
    }
  });

  it('offers only FIPS 140-2 levels 1 to 4 for a validation level, never "level 5"', () => {
    const qs = questions(lines('# CloudHSM', '- Meets compliance needs (FIPS 140-2 level 3 validated hardware)', '- Each cluster spreads its HSMs over several Availability Zones'));
    const q = qs.find((x) => x.kind === 'single' && /level ____/.test(x.prompt));
    expect(q).toBeDefined();
    for (const d of q!.distractors) expect([1, 2, 4]).toContain(Number(d));
  });

  it('offers only real status codes for a code a service "returns" on an error', () => {
    const qs = questions(lines('# Classic Load Balancer', '- By default it returns a 503 when no healthy back end can take the request'));
    const q = qs.find((x) => x.answers[0] === '503');
    expect(q?.distractors).toHaveLength(3);
    for (const d of q!.distractors) expect([500, 501, 502, 504]).toContain(Number(d));
  });

  it('offers only layers 1 to 7 for an OSI layer', () => {
    const qs = questions(lines('# AWS WAF', '- Filters common layer 7 exploits such as SQL injection before they reach the application', '- Rate-based rules count requests per client address at layer 7 over five minutes'));
    const layered = qs.filter((q) => q.kind === 'single' && /layer ____/.test(q.prompt));
    expect(layered.length).toBeGreaterThan(0);
    for (const q of layered) for (const d of q.distractors) expect(Number(d)).toBeGreaterThanOrEqual(1), expect(Number(d)).toBeLessThanOrEqual(7);
  });
});

describe('3d. a list asked as its own members, never against the other lists\' items', () => {
  it('asks no "which TWO of these belong to …" of a note\'s lists (graded blind: 2 good of 19)', () => {
    const qs = questions(lines('# DynamoDB', '## Two capacity modes', '- On-Demand', '- Provisioned', '## Strengths', '- Unlimited horizontal scaling', '- Single-digit millisecond latency', '- Flexible item shape', '## APIs', '- Write calls:', '  - PutItem', '  - UpdateItem', '  - DeleteItem', '- Read calls:', '  - GetItem', '  - Query', '  - Scan'));
    expect(qs.filter((q) => q.kind === 'multi')).toEqual([]);
    // A set the label counts is still recalled whole.
    expect(qs.some((q) => q.kind === 'flip' && q.prompt.includes('name the 2 listed under “Two capacity modes”'))).toBe(true);
  });
});

describe('4. wrong choices that are also right', () => {
  it('does not offer a table cell that is the right one\'s first clause alone ("No" against "No, deleted once read")', () => {
    const qs = questions(lines('# Streaming services compared', '', '| Service | Ordering | Replay of data |', '| --- | --- | --- |', '| Kinesis Data Streams | Per shard | Yes, within the retention period |', '| Data Firehose | None | No |', '| SQS | FIFO queues only | No, deleted once a consumer reads it |', '| MSK | Per partition | Yes, by offset |', '| Amazon MQ | Per queue | Depends on the broker |'));
    const sqs = qs.find((q) => q.prompt.includes('SQS: Replay of data?'));
    expect(sqs?.answers).toEqual(['No, deleted once a consumer reads it']);
    expect(sqs?.distractors).not.toContain('No');
    expect(sqs?.distractors.length).toBeGreaterThanOrEqual(2);
    const firehose = qs.find((q) => q.prompt.includes('Data Firehose: Replay of data?'));
    expect(firehose?.distractors).not.toContain('No, deleted once a consumer reads it');
    expect(firehose?.distractors.length).toBeGreaterThanOrEqual(2);
  });

  it('does not compare two things by a cell the other\'s cell says in other words ("Supports both symmetric and asymmetric")', () => {
    const qs = questions(lines('# Keys', '', '| Feature | KMS | CloudHSM |', '| --- | --- | --- |', '| Tenancy | Shared hardware | Dedicated hardware |', '| Encryption | Symmetric and asymmetric (new) | Supports both symmetric and asymmetric |', '| Keys | Managed by AWS | Managed by you |', '| Key export | Cannot export keys | Can export keys |'));
    expect(qs.filter((q) => /symmetric/i.test(q.prompt))).toEqual([]);
    expect(qs.some((q) => q.prompt.includes('“Keys: Managed by you”') && q.answers[0] === 'CloudHSM')).toBe(true);
    // "Can" against "Cannot" is the whole difference: it stays a claim word.
    expect(qs.some((q) => q.prompt.includes('“Key export: Can export keys”') && q.answers[0] === 'CloudHSM')).toBe(true);
  });

  it('does not answer a feature\'s line with the service the catalogue files it under ("Lambda@Edge runs …" → not "CloudFront")', () => {
    const qs = questions(lines('# Edge', '- Lambda@Edge runs your code in response to events generated by the CDN near the viewers', '- CloudFront caches copies of objects at edge locations near the viewers who ask for them'));
    expect(qs.filter((q) => q.prompt.includes('runs your code in response'))).toEqual([]);
    expect(qs.some((q) => q.answers[0] === 'CloudFront' && q.prompt.includes('caches copies of objects'))).toBe(true);
    // A name written without its space, or a former name of the service itself, is still the service.
    const renamed = questions(lines('# Streams and names', '- Kinesis Data Analytics takes care of everything required to run streaming applications continuously and scales on its own', '- Route53 allows you to buy a domain name from any of the top level domains available directly from the console'));
    expect(renamed.map((q) => q.answers[0])).toEqual(expect.arrayContaining(['Managed Service for Apache Flink', 'Route 53']));
  });

  it('does not offer the service whose heading the line is filed under, unless the heading compares', () => {
    const under = questions(lines('# Hybrid links', '## Site-to-site VPN', '- Each connection has two tunnels, in two different endpoints, for redundancy', '- Transit gateway can carry either IPv4 or IPv6 traffic inside the tunnels of each connection.'));
    const tgw = under.find((q) => q.answers[0] === 'Transit Gateway');
    expect(tgw?.distractors.length).toBeGreaterThanOrEqual(3);
    expect(tgw?.distractors).not.toContain('Site-to-Site VPN');
    const compared = questions(lines('# Hybrid links', '## Site-to-site VPN vs Transit Gateway', '- Transit gateway can carry either IPv4 or IPv6 traffic inside the tunnels of each connection.'));
    expect(compared.find((q) => q.answers[0] === 'Transit Gateway')?.distractors).toContain('Site-to-Site VPN');
  });

  it('does not blank a lower bound, which every smaller number meets too', () => {
    const qs = questions(lines('# CloudFormation', '- A stack can be built from more than 200 resource types', '- One template holds up to 500 resources', '- Over 30 days of drift history is kept for a stack'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).toContain('500');
    expect(answers.filter((a) => /^(200|30)\b/.test(a ?? ''))).toEqual([]);
    // "10 GB+ /s": the "+" makes a lower bound of it too.
    expect(questions(lines('# EFS', '- Thousands of NFS clients at once, 10 GB+ /s of throughput')).filter((q) => q.answers[0] === '10 GB')).toEqual([]);
  });

  it('does not blank any number of a sum on the note\'s own numbers: its result, the count it multiplies, nor the unit price the result gives away', () => {
    const sums = questions(lines('# EBS costs', '## Cost impact', '- Current: 12,000 GB × gp2 $0.10/GB = $1,200/month in volume charges', '- CloudFront egress: ~$0.085/GB (first 10 TB) = ~$340/month direct cost for the dashboards')).map((q) => q.answers[0]);
    // The unit price is AWS's, but with the total beside it it is read off the page ($1,200 ÷ 12,000 GB: R6 in r42c).
    for (const made of ['$1,200', '$340', '12,000 GB', '$0.10', '$0.085']) expect(sums).not.toContain(made);
  });

  it('does not blank a price, worked out from another on its line or standing beside one', () => {
    const derived = questions(lines('# VPC costs', '- A transit gateway attachment costs $0.05 per hour (~ $36 per month)', '- Traffic between zones costs $0.01/GB each way ($0.02/GB round trip)')).map((q) => q.answers[0]);
    for (const p of ['$0.05', '$36', '$0.01', '$0.02']) expect(derived).not.toContain(p);
    const apart = questions(lines('# Secrets Manager', '- Costs $0.40 per secret a month and $0.05 per 10,000 API calls', '- A deleted secret can be restored for 7 to 30 days')).map((q) => q.answers[0]);
    expect(apart).not.toContain('$0.40');
    expect(apart).toContain('30 days');
  });

  it('does not blank the age an example lifecycle rule acts at (any other is as valid), but does a default age', () => {
    const ages = questions(lines('# S3 lifecycle', '- Transition the log objects to Glacier after 60 days', '- Expire (delete) old thumbnails after 45 days', '## EFS lifecycle', '- By default, files transition to the IA class after 30 days without access')).map((q) => q.answers[0]);
    expect(ages).not.toContain('60 days');
    expect(ages).not.toContain('45 days');
    expect(ages).toContain('30 days');
    expect(questions(lines('# ECR', '- The authorization token expires after 12 hours')).map((q) => q.answers[0])).toContain('12 hours');
  });

  it('does not ask which service a short claim is about (it fits several)', () => {
    const qs = questions(lines('# Databases', '- DynamoDB is a fast NoSQL database', '- DynamoDB stores every item in three copies across the zones of a region'));
    const asked = qs.filter((q) => q.prompt.includes('which service fills the blank'));
    expect(asked.map((q) => q.prompt)).toEqual([expect.stringContaining('____ stores every item in three copies')]);
  });


  it('does not ask which service a sales pitch is about: any of the choices could claim it', () => {
    const qs = questions(lines('# Compute', '- Fargate is a fully managed service, so you never have to worry about the underlying servers at all', '- Fargate runs each task in its own kernel, sized by the vCPU and memory the task definition asks for'));
    const asked = qs.filter((q) => q.prompt.includes('which service fills the blank')).map((q) => q.prompt);
    expect(asked).toEqual([expect.stringContaining('____ runs each task in its own kernel')]);
  });

  it('does not offer a member of the answer’s own family ("NLB" for "ELB")', () => {
    const q = questions(lines('# Networking', '- ELB spreads incoming requests over the healthy targets in several zones')).find((x) => x.answers[0] === 'ELB');
    expect(q).toBeDefined();
    for (const family of ['ALB', 'NLB', 'GWLB']) expect(q!.distractors).not.toContain(family);
  });

  it('compares two kinds of a thing, not two of the benefits or features a note lists', () => {
    const benefits = questions(lines('# Aurora', '## Reader endpoints', '### Benefits', '- Isolation: reports do not slow down the writer', '- Targeting: heavy queries go to the largest readers'));
    expect(benefits.filter((q) => q.kind === 'single')).toEqual([]);
    const kinds = questions(lines('# Aurora', '## Endpoints', '### Types', '- Custom endpoint: spreads connections over a chosen subset of the instances', '- Cluster endpoint: always points at the current primary instance'));
    expect(kinds.some((q) => q.kind === 'single' && q.prompt.includes('Custom endpoint or Cluster endpoint'))).toBe(true);
  });

  it('does not offer a sibling the note says the same of', () => {
    const qs = questions(lines('# S3 storage classes', '- **Standard-IA**: stored in at least three zones', '- **Glacier Instant Retrieval**: stored in at least three zones', '- **One Zone-IA**: stored in a single zone, cheaper'));
    expect(qs.some((q) => /at least three zones/.test(q.prompt) && q.kind === 'single')).toBe(false);
  });
});

describe('4c. a count of kinds', () => {
  it('does not ask how many kinds of a thing there are, and still asks a count of things', () => {
    const qs = questions(lines('# Storage Gateway', '- Storage Gateway comes in 3 types for files, volumes and tapes at your site', '- A volume gateway exposes up to 32 volumes to your servers over iSCSI'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('3');
    expect(answers).toContain('32');
  });
});

describe('4b. a blank any other member of an open list would fill', () => {
  // Until r24 a pair told apart ("A or AAAA") was still typed; graded r7–r24, members of pairs were good no more
  // often than members of open lists (56 % of 35 together, against 69 % for other typed blanks).
  it('does not type one example of an open list, nor one of a pair', () => {
    const examples = questions(lines('# Athena', '- Reads files in formats such as **Avro**, JSON and CSV'));
    expect(examples.filter((q) => q.kind === 'typed')).toEqual([]);
    const alternatives = questions(lines('# WAF', '- A rule can look at the query string, the cookies, or the **User-Agent** header'));
    expect(alternatives.filter((q) => q.kind === 'typed')).toEqual([]);
    const pair = questions(lines('# Route 53', '- An alias record is of type A or **AAAA**, never CNAME'));
    expect(pair.filter((q) => q.kind === 'typed')).toEqual([]);
    // A comma that ends an opening clause is no list.
    const opening = questions(lines('# Long jobs', '- For a job that runs for several hours, **AWS Batch** is a better fit than a function'));
    expect(opening.some((q) => q.kind === 'typed' && q.answers[0] === 'AWS Batch')).toBe(true);
    // A name its own line pins down, beside no other member, is still typed.
    const alone = questions(lines('# Route 53', '- An alias record that points at an IPv6 address is of type **AAAA** in the zone'));
    expect(alone.some((q) => q.kind === 'typed' && q.answers[0] === 'AAAA')).toBe(true);
  });

  it('does not type a blank that a few words leave open, and types one its line pins down', () => {
    const open = questions(lines('# SNS', '- Can fan out to **SQS**', '- Push messages with **Firehose** too'));
    expect(open.filter((q) => q.kind === 'typed')).toEqual([]);
    const pinned = questions(lines('# SQS', '- A consumer that needs more time calls **ChangeMessageVisibility** on the message it holds'));
    expect(pinned.some((q) => q.kind === 'typed' && q.answers[0] === 'ChangeMessageVisibility')).toBe(true);
  });
});

describe('5. give-aways by a shared word or stem', () => {
  it('reads a comparison\'s statement as written: the answer\'s own name in it gives it away', () => {
    const comparison = (statement: string): Question => ({
      id: 'q', kind: 'single', factKind: 'attribute', topic: 'EBS', prompt: `Elastic Block Store (EBS) — IOPS or Throughput: which one does this describe: “${statement}”?`,
      answers: ['Throughput'], distractors: ['IOPS'], accepted: [], line: 1, sourceText: statement, score: 0, features: {},
    });
    expect(checkQuestion(comparison('Choose Throughput Optimized HDD for big sequential scans'))).toBe('gives-answer-away');
    expect(checkQuestion(comparison('What big sequential scans of log files need most'))).toBeNull();
  });

  it('counts no quantity\'s unit as an acronym spelled out ("3 AZs" beside "Availability Zones")', () => {
    const qs = questions(lines('# Amazon EKS', '- Availability Zones (AZs): the cluster VPC spans 3 AZs so the control plane survives the loss of one'));
    expect(qs.some((q) => q.answers[0] === '3 AZs')).toBe(true);
  });

  it('reads an acronym with a version behind it: "network file system" spells NFSv4', () => {
    const qs = questions(lines('# Amazon EFS', '- Instances mount a file system over **NFSv4**, as they would any network file system on premises'));
    expect(qs.filter((q) => q.answers.includes('NFSv4'))).toEqual([]);
    const plain = questions(lines('# Amazon EFS', '- Instances mount a file system over **NFSv4**, as they would any share of a file server on premises'));
    expect(plain.some((q) => q.answers.includes('NFSv4'))).toBe(true);
  });

  it('refuses a prompt whose words point at the one answer that shares them', () => {
    const qs = questions(lines('# Security services', '- **Detective**: helps you detect and dig into suspicious activity', '- **Inspector**: scans workloads for known vulnerabilities', '- **Macie**: finds personal data in buckets', '- **GuardDuty**: watches logs for threats'));
    expect(qs.some((q) => q.kind !== 'flip' && q.answers[0] === 'Detective' && /detect/.test(q.prompt))).toBe(false);
    const kms = questions(lines('# S3 encryption', '- **SSE-KMS**: the keys are managed in KMS', '- **SSE-S3**: the keys are handled by S3 itself', '- **SSE-C**: you send your own key with each request'));
    expect(kms.some((q) => q.kind === 'single' && q.answers[0] === 'SSE-KMS')).toBe(false);
  });

  it('reads a plural initialism whole and two-letter initials inside a name: "APIs" points at API Gateway, "ActiveMQ" at Amazon MQ', () => {
    const qs = questions(lines('# Integration', '- API Gateway is a managed front door that lets teams publish, version, throttle and secure their APIs for any client', '- Amazon MQ is a managed broker for Apache ActiveMQ and RabbitMQ that moves existing message-based systems to AWS unchanged'));
    const blanked = qs.filter((q) => q.kind === 'single' && q.factKind === 'sentence').map((q) => q.answers[0]);
    expect(blanked).not.toContain('API Gateway');
    expect(blanked).not.toContain('Amazon MQ');
  });

  it('asks a comparison whose heading names both sides, but not a line of it that shares a word with one side only', () => {
    const qs = questions(lines('# Batch vs Lambda', '| | AWS Batch | AWS Lambda |', '| --- | --- | --- |', '| Runs for | minutes to many hours per job | fifteen minutes at most per call |', '| Good for | batch processing of large queues of work | short handlers that react to events |'));
    const pair = qs.filter((q) => q.kind === 'single' && /AWS Batch or AWS Lambda/.test(q.prompt));
    expect(pair.some((q) => q.prompt.includes('fifteen minutes at most per call') && q.answers[0] === 'AWS Lambda')).toBe(true);
    expect(pair.some((q) => q.prompt.includes('batch processing'))).toBe(false);
    // A side whose own name holds "or" would make the prompt read as three choices.
    const three = questions(lines('# Caches', '## Cache engines: Valkey vs Memcached', '', '| Aspect | Valkey or Redis OSS | Memcached |', '|---|---|---|', '| Value kinds | Lists, hashes, sets and sorted sets | Plain strings only |', '| Copies to other zones | Yes, with automatic failover | No |', '| Snapshots and restores | Supported | None |', '| Threads | Mostly one per shard | Many per node |'));
    expect(three.filter((q) => q.kind === 'single' && / or .* or /.test(q.prompt))).toEqual([]);
  });
});

describe('5c. give-aways read off the page: nested names, initials, the rest of a share', () => {
  it('does not blank a compound name that another name on the line holds, either way round', () => {
    const qs = questions(lines('# Kinesis consumers', '- A consumer sets **ShardIteratorType** on the request, or **StartingShardIteratorType** on the event source mapping, to choose where reading starts in the shard'));
    const typed = qs.filter((q) => q.kind === 'typed' || q.kind === 'single').map((q) => q.answers[0]);
    expect(typed).not.toContain('ShardIteratorType');
    expect(typed).not.toContain('StartingShardIteratorType');
    // A service's name inside a policy's name leaves most of it to recall.
    const agent = questions(lines('# Systems Manager agent', '- The agent on each instance needs the **AmazonSSMManagedInstanceCore** managed policy in its instance profile'));
    expect(agent.some((q) => q.kind === 'typed' && q.answers[0] === 'AmazonSSMManagedInstanceCore')).toBe(true);
  });

  it('does not ask a table of initials by the letter that starts its answer', () => {
    const qs = questions(lines('# Storage classes by letter', '| Letter | Stands for | Fits |', '| --- | --- | --- |', '| S | Standard | data read every day |', '| I | Infrequent Access | data read a few times a year |', '| G | Glacier | archives read once in a long while |', '| O | One Zone | copies you can make again |'));
    for (const q of qs.filter((x) => x.kind === 'single')) {
      const letter = /\b([A-Z]):/.exec(q.prompt)?.[1];
      if (letter) expect(q.answers[0]!.startsWith(letter) && !q.distractors.some((d) => d.startsWith(letter))).toBe(false);
    }
  });

  it('does not ask a table of initials by a letter that stands out as a capital inside its answer', () => {
    const qs = questions(lines('# Instance families by letter', '| Letter | Stands for | Good for |', '| --- | --- | --- |', '| C | Compute heavy | batch jobs and encoding |', '| R | RAM heavy | in-memory caches |', '| X | eXtra large memory | big in-memory databases |', '| I | I/O heavy | fast local disks |'));
    expect(qs.some((q) => q.factKind === 'table-cell')).toBe(true);
    expect(qs.some((q) => q.kind === 'single' && q.answers[0] === 'eXtra large memory')).toBe(false);
  });

  it('does not ask a durability the line also gives as a count of nines, or a figure its heading states', () => {
    const qs = questions(lines('# S3 durability', '- Objects are kept at 99.999999999% durability (eleven 9s) in a Region', '## Volume Gateway', '### Up to 20 volumes per gateway', '- Each volume holds up to 20 TiB when cached, or 12 TiB when stored'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('99.999999999%');
    expect(answers).not.toContain('20 TiB');
    expect(answers).toContain('12 TiB');
  });

  it('reads every count of nines on the line, not only the first', () => {
    const qs = questions(lines('# S3 Standard', '- Availability: 99.99% (keep them apart: durability is 11x9s, availability is 4x9s)', '- Objects up to 5 TB each, uploaded in parts above 100 MB'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('99.99%');
    expect(answers).toContain('5 TB');
  });

  it('does not type a blank whose answer is an initialism the prompt shows and one word more', () => {
    const qs = questions(lines('# Fan-out with SNS', '- The order service publishes each event once to an **SNS topic** that every queue subscribes to', '- Large payloads go through the **SNS Extended Client** library, which keeps the body in an S3 bucket'));
    expect(qs.filter((q) => q.answers.includes('SNS topic'))).toEqual([]);
    expect(qs.some((q) => q.answers.includes('SNS Extended Client'))).toBe(true);
  });

  it('does not blank a name written in parts whose words stand together on the line', () => {
    const qs = questions(lines('# DynamoDB reads', '- Queries make eventually consistent reads by default; the **ConsistentRead** flag asks for strong ones at twice the read units'));
    expect(qs.filter((q) => q.answers.includes('ConsistentRead'))).toEqual([]);
    const other = questions(lines('# DynamoDB reads', '- Strong reads are asked for with the **ConsistentRead** flag on GetItem, Query or Scan calls, at twice the price'));
    expect(other.some((q) => q.answers.includes('ConsistentRead'))).toBe(true);
    // A comparison names its sides as written: "CloudFront" in "CloudFront or …" is no "cloud front" said apart.
    const pair = questions(lines('# Content delivery', '## CloudFront vs S3 Cross Region Replication', '- CloudFront:', '  - Global edge network', '  - Files are cached for a TTL of about a day', '- S3 Cross Region Replication:', '  - Must be set up for each Region you want a copy in', '  - Files are updated in near real time'));
    expect(pair.some((q) => q.kind === 'single' && q.answers[0] === 'CloudFront')).toBe(true);
  });

  it('does not blank a word that the acronym after it spells', () => {
    const qs = questions(lines('# DynamoDB indexes', '- Add a **Global** Secondary Index (GSI) at any time, with its own partition key', '- A **Local** Secondary Index (LSI) must be made with the table'));
    expect(qs.filter((q) => q.kind === 'typed' && ['Global', 'Local'].includes(q.answers[0]!))).toEqual([]);
  });

  it('does not ask a size the line gives again counted in thousands ("5 TB (5000 GB)")', () => {
    const qs = questions(lines('# S3 objects', '- Largest single object: 5 TB (5000 GB), sent in parts', '- A single PUT carries up to 5 GB'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('5 TB');
    expect(answers).toContain('5 GB');
  });

  it('does not ask which of two a line describes when it says the opposite of the word that names the other', () => {
    const qs = questions(lines('# Kinesis Data Streams', '## Libraries', '- **Kinesis Client Library**: the consumer side, which spreads shard leases over its workers', '- **Kinesis Producer Library**: batches records and retries failed puts for the writing applications'));
    expect(qs.filter((q) => q.kind === 'single' && /consumer side, which spreads shard leases/.test(q.prompt))).toEqual([]);
    // The other line says nothing opposite to "Client": it is still asked.
    expect(qs.some((q) => q.kind === 'single' && /batches records and retries failed puts/.test(q.prompt))).toBe(true);
  });

  it('does not ask which of a pre/post (or internal/external) pair a line describes when it says "before" or "after"', () => {
    const qs = questions(lines('# Deployment hooks', '- **Pre-deploy hook**: runs before any traffic moves to the new version', '- **Post-deploy hook**: runs after every request reaches the new version', '# Key stores', '- **Internal store**: keys are held inside the service', '- **External store**: keys are held by a manager outside AWS'));
    const pairs = qs.filter((q) => q.kind === 'single' && q.distractors.length === 1);
    expect(pairs.filter((q) => /Pre-deploy hook or Post-deploy hook|Internal store or External store/.test(q.prompt))).toEqual([]);
    // Named, the terms are still asked as cards.
    expect(qs.some((q) => q.kind === 'flip' && q.prompt.endsWith('what is “Pre-deploy hook”?'))).toBe(true);
  });

  it('does not ask the rest of a share the line states, or a share it says in words', () => {
    const qs = questions(lines('# Spot fleet mix', '- A fleet of this shape runs 70% of its capacity on Spot and 30% on On-Demand instances', '- Rolling update: a quarter of the fleet at a time, that is 25%', '- Target utilisation for the group: 60%'));
    const answers = qs.filter((q) => q.kind === 'single').map((q) => q.answers[0]);
    expect(answers).not.toContain('70%');
    expect(answers).not.toContain('30%');
    expect(answers).not.toContain('25%');
    expect(answers).toContain('60%');
  });

  it('does not ask which kind of resource a name is when the name ends in its initials', () => {
    const qs = questions(lines('# Web tier setup', '- **Security group**: web-tier-sg, opens 443 to everyone', '- **IAM role**: web-tier-instance-profile, reads one bucket'));
    expect(qs.some((q) => q.kind === 'single' && q.answers[0] === 'Security group' && q.prompt.includes('web-tier-sg'))).toBe(false);
  });
});

describe('5a. give-aways by the same amount written twice', () => {
  it('does not blank a number the line says again in other units', () => {
    const qs = questions(lines('# Lambda limits', '- Timeout: at most 900 seconds (15 minutes)', '- Requests cost $0.20 per million ($0.0000002 per request)', '- Memory: 128 MB to 10,240 MB'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('900 seconds');
    expect(answers).not.toContain('15 minutes');
    expect(answers).not.toContain('$0.20 per million');
    expect(answers).toContain('10,240 MB');
  });

  it('reads a price per unit both ways: "$0.40 per 1 million calls after that ($0.0000004 per call)"', () => {
    const qs = questions(lines('# Queue pricing', '- The first million calls each month are free', '- $0.40 per 1 million calls after that ($0.0000004 per call)', '- A message body is billed in chunks of 64 KB'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('$0.40');
    expect(answers).not.toContain('$0.0000004');
    expect(answers).toContain('64 KB');
  });
});

describe('5e. a "What is it?" answered by its own name', () => {
  it('does not ask "What is it?" when the back says two words of the name again', () => {
    const qs = questions(lines('# CI/CD', '## Artifact Package Registry', '- What is it?', '  - A managed registry for the packages of your artifacts', '## Stack Policies', '- What is it?', '  - Guards chosen resources of a stack against updates'));
    expect(qs.filter((q) => q.prompt.includes('Artifact Package Registry: What is it?'))).toEqual([]);
    // Sharing only the thing it is about ("a stack") is how a definition reads.
    expect(qs.some((q) => q.prompt.includes('Stack Policies: What is it?'))).toBe(true);
  });
});

describe('5f. a status code named by its reason phrase, a policy spelled out after a digit', () => {
  it('does not blank a status code its reason phrase follows ("____ Too Many Requests")', () => {
    const qs = questions(lines('# API Gateway limits', '- Callers over the rate limit get 429 Too Many Requests back', '- An integration slower than 29 seconds times out'));
    expect(qs.filter((q) => q.answers[0] === '429')).toEqual([]);
    expect(qs.some((q) => q.answers[0] === '29 seconds')).toBe(true);
  });

  it('reads a name that runs a digit into a capital as two words ("S3CrudPolicy" → S3, Crud)', () => {
    const qs = questions(lines('# SAM policy templates', '- S3ListPolicy: grants permission to list the objects of one bucket and nothing more', '- Lambda role: lets a function write logs and call the services its code uses'));
    expect(qs.filter((q) => q.prompt.includes('“S3ListPolicy”'))).toEqual([]);
    expect(qs.some((q) => q.prompt.includes('“Lambda role”'))).toBe(true);
  });
});

describe('5g. "no two" said with a digit, a custom setting\'s value', () => {
  it('does not ask how many items "can have the same key": two is how a rule of sameness is said', () => {
    const qs = questions(lines('# DynamoDB keys', '- Simple primary key: no 2 items of one table may hold the same partition key value', '- Composite primary key: 2 items may hold the same partition key when their sort keys differ', '- A partition key value is hashed to pick one of the 10 GB partitions'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers.filter((a) => /^2\b/.test(a ?? ''))).toEqual([]);
    // A measured amount the same line calls "shared" is still a quantity.
    expect(answers).toContain('10 GB');
  });

  it('does not ask for a share the line names in words ("HalfAtATime" → 50 %)', () => {
    const qs = questions(lines('# CodeDeploy deployment configurations', '- HalfAtATime: serving capacity drops by 50% while a deployment runs', '- A lifecycle hook script is stopped after 3600 seconds unless its timeout says otherwise'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('50%');
    expect(answers).toContain('3600 seconds');
  });

  it('does not ask what a custom setting is set to', () => {
    const qs = questions(lines('# CodeDeploy deployment configurations', '- Custom: minimum healthy hosts = 60%', '- HalfAtATime keeps at least half of the instances serving while it deploys', '- A deployment group can hold up to 1000 instances'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('60%');
    expect(answers).toContain('1000 instances');
  });
});

describe('5h. what a line is said of: a bold term defined above a list, the free tier, a pointer; lead-in blanks', () => {
  it('files a list under the bold term its paragraph defines, not under the heading above', () => {
    const qs = questions(lines('# EC2 buying options', '', '**Spot Instances**: spare capacity that AWS can take back at short notice.', '', '- Can be ended with a two-minute warning', '- Up to 90% cheaper than On-Demand'));
    expect(qs.find((q) => q.answers[0] === '90%')?.prompt).toMatch(/^EC2 buying options › Spot Instances — /);
  });

  it('keeps "Free Tier" in the breadcrumb of an allowance filed under a service', () => {
    const qs = questions(lines('# AWS Free Tier', '', 'For the first year:', '', '1. RDS', '    * 20 GB of database storage', '    * 750 hours of a single-AZ micro instance per month'));
    const storage = qs.find((q) => q.answers[0] === '20 GB');
    expect(storage?.prompt).toMatch(/^AWS Free Tier › RDS — /);
  });

  it('reads no pointer to another page as the label of the list after it', () => {
    const qs = questions(lines('# AWS Support plans', '', 'More in the account and billing [section](../billing/README.md/#support-plans)', '', '- Developer: email access to support staff in business hours', '  - Production system impaired: answer within 12 business hours', '- Business: round-the-clock phone and chat access', '  - Production system down: answer within 1 hour'));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).not.toContain('More in');
  });

  it('does not blank a bold conjunction, nor the name a lead-in brings on ("This is where ____ comes in")', () => {
    const qs = questions(lines('# Infrastructure as code', '- Writing your whole infrastructure down as templates lets you deploy it again at any time. This is where **CloudFormation** comes in.', '- **BUT** you cannot log in to the hosts of a managed database with SSH', '- One template can be rolled out to many accounts and Regions at once with **StackSets** from an administrator account'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('CloudFormation');
    expect(answers).not.toContain('BUT');
    expect(answers).toContain('StackSets');
  });
});

describe('5i. a common word that is all that tells two names apart', () => {
  it('does not ask "NEW_IMAGE or OLD_IMAGE" of a line that says "new"', () => {
    const qs = questions(lines('# DynamoDB Streams', '## View types', '- NEW_IMAGE: the whole item as it looks after the new write lands in the stream', '- OLD_IMAGE: the whole item as it looked before it was modified'));
    const compared = qs.filter((q) => q.prompt.includes('NEW_IMAGE or OLD_IMAGE'));
    expect(compared.some((q) => q.answers[0] === 'NEW_IMAGE')).toBe(false);
    expect(compared.some((q) => q.answers[0] === 'OLD_IMAGE')).toBe(true);
  });
});

describe('5l. a name run together from two words the prompt says apart', () => {
  it('does not ask "volatile-lru or allkeys-lru" of a line that says "all keys"', () => {
    const qs = questions(lines('# Redis eviction policies', '- **volatile-lru**: evicts the least recently used of the keys that carry an expiry', '- **allkeys-lru**: evicts the least recently used keys found among all keys in memory'));
    const compared = qs.filter((q) => q.prompt.includes('volatile-lru or allkeys-lru'));
    expect(compared.some((q) => q.answers[0] === 'allkeys-lru')).toBe(false);
    expect(compared.some((q) => q.answers[0] === 'volatile-lru')).toBe(true);
  });
});

describe('5m. a clause cut where its list begins is no breadcrumb', () => {
  it('leaves "…, which include" out of the breadcrumb and names the heading instead', () => {
    const qs = questions(lines('# EC2 sizing options', '', '- EC2 allows for tailored sizing and setups, which include:', '  - **Elastic Load Balancing**: spreads incoming requests over many instances in several zones', '  - **Auto Scaling**: adds and removes instances as the load on them changes'));
    const compared = qs.filter((q) => q.prompt.includes('Elastic Load Balancing or Auto Scaling'));
    expect(compared.length).toBeGreaterThan(0);
    for (const q of compared) expect(q.prompt).toMatch(/^EC2 sizing options — /);
  });

  it('takes no line that says what a thing does, an instruction, or a description with its article for a breadcrumb', () => {
    const qs = questions(lines('# SQS', '', '## Security', '', '- enable SSE using KMS', '  - the data key reuse period can be set from 1 minute to 24 hours', '', '## What is IAM', '', '- Allows you to manage', '  - **Users**: single people or programs that call AWS with their own credentials', '  - **Groups**: sets of users that share the same permissions', '  - **Roles**: identities that anyone trusted can take on for a while', '', '## Glacier', '', '- A cold storage for cheap archives and backups', '  - Standard retrieval takes 3 to 5 hours'));
    const reuse = qs.find((q) => q.prompt.includes('reuse period'));
    expect(reuse?.prompt).toMatch(/^SQS › Security — /);
    const kinds = qs.filter((q) => /“(Users|Groups|Roles)”/.test(q.prompt));
    expect(kinds.length).toBe(3);
    for (const q of kinds) expect(q.prompt).toMatch(/^What is IAM — /);
    for (const q of qs) expect(q.prompt).not.toContain('A cold storage');
  });
});

describe('5n. an initialism whose words follow its blank', () => {
  it('does not ask to type "DAX" before "DynamoDB Accelerator"', () => {
    const qs = questions(lines('# DynamoDB', '- **DAX** - DynamoDB Accelerator - an in-memory cache that sits in front of your tables', '- **PITR** keeps continuous backups of a table for the last 35 days, restorable to any second'));
    const answers = qs.filter((q) => q.kind === 'typed').map((q) => q.answers[0]);
    expect(answers).not.toContain('DAX');
    expect(answers).toContain('PITR');
  });
});

describe('5o. one of a pair of opposites, the other beside the blank; a count of a heading\'s advantages', () => {
  it('does not ask to type DENY next to "ALLOW", nor Read next to "Write"', () => {
    const qs = questions(lines('# IAM policy evaluation', '- By default: **DENY** (an **ALLOW** has to be written out in some policy)', '# CloudTrail data events', '- S3 object activity is logged as **Read** events and Write events, each chosen on its own in the trail settings', '- A trail delivers its log files to an S3 bucket about every **5 minutes** after the calls are made'));
    const typed = qs.filter((q) => q.kind === 'typed').map((q) => q.answers[0]);
    expect(typed).not.toContain('DENY');
    expect(typed).not.toContain('ALLOW');
    expect(typed).not.toContain('Read');
  });

  it('does not ask how many advantages the label of a list counts', () => {
    const qs = questions(lines('# Cloud computing', '- Public cloud', '  - Run by a third party and reached over the internet', '  - 6 Advantages of Cloud Computing', '- A Lambda function runs for at most 15 minutes'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('6');
    expect(answers).toContain('15 minutes');
  });
});

describe('5p. a line that says what its sibling says, and one word more', () => {
  it('does not ask "A or B" of "no mapping template as it proxies" when the other says "no mapping template"', () => {
    const qs = questions(lines('# API Gateway integration types', '- integration type `AWS_PROXY` (Lambda proxy)', '  - the client request becomes the event of the function', '  - no mapping template', '    - headers and query strings reach the function as they are', '- integration type `HTTP_PROXY`', '  - no mapping template as it proxies', '  - the backend answer is handed back by the gateway unchanged'));
    expect(qs.filter((q) => q.prompt.includes('“no mapping template as it proxies”'))).toEqual([]);
    expect(qs.some((q) => q.prompt.includes('“the backend answer is handed back by the gateway unchanged”'))).toBe(true);
  });
});

describe('5q. a claim in a label\'s place is no side of a comparison', () => {
  it('does not ask "Defined at region level or Naming convention"', () => {
    const qs = questions(lines('# S3 buckets', '- Defined at region level', '  - A bucket lives in the Region you create it in', '- Naming convention', '  - Only lowercase letters, numbers, dots and hyphens are allowed', '  - Between 3 and 63 characters long'));
    expect(qs.filter((q) => q.prompt.includes('Defined at region level or Naming convention'))).toEqual([]);
    expect(qs.some((q) => q.answers[0] === '63 characters')).toBe(true);
  });
});

describe('5r. a table whose first column only groups its rows', () => {
  it('asks no cell by a group label that stands for several rows', () => {
    const qs = questions(lines('# Regions by continent', '', '| Continent | Region | Code |', '| --- | --- | --- |', '| Europe | Ireland | eu-west-1 |', '| | Frankfurt | eu-central-1 |', '| | Stockholm | eu-north-1 |', '| Asia Pacific | Tokyo | ap-northeast-1 |', '| | Mumbai | ap-south-1 |', '', '| Port | Service | Used for |', '| --- | --- | --- |', '| 22 | SSH | Logging in to a Linux instance |', '| 80 | HTTP | Plain web traffic |', '| 443 | HTTPS | Encrypted web traffic |', '| 3389 | RDP | Logging in to a Windows instance |'));
    expect(qs.filter((q) => /Europe: |Asia Pacific: /.test(q.prompt))).toEqual([]);
    // A table keyed row by row is still asked.
    expect(qs.some((q) => q.prompt.includes('22: Service?'))).toBe(true);
  });
});

describe('5s. a wrong choice that says the opposite of the line, an initialism\'s plural, a security checklist', () => {
  it('does not compare two sides when the other side\'s label says the opposite of the line ("Automatic …" against "manually")', () => {
    const qs = questions(lines('# RDS', '', '## RDS backups', '', '- Automatically enabled', '  - Taken every day inside a window you choose', '  - Kept for up to 35 days', '- Snapshots', '  - Manually started by the user', '  - Kept until the user deletes them'));
    expect(qs.some((q) => q.prompt.includes('Manually started'))).toBe(false);
    expect(qs.some((q) => q.prompt.includes('inside a window you choose') && q.answers[0] === 'Automatically enabled')).toBe(true);
    // …or says the line's own word with a prefix that negates it.
    const efs = questions(lines('# EFS', '', '## Storage classes', '', '- Standard', '  - meant for frequently accessed files of a busy app', '  - stored across several zones of the Region', '- Infrequent access', '  - a lower price for each GB stored', '  - a fee for each read of a file'));
    expect(efs.some((q) => q.prompt.includes('frequently accessed files'))).toBe(false);
    expect(efs.some((q) => q.prompt.includes('a fee for each read of a file'))).toBe(true);
  });

  it('does not blank a service whose plural the line still spells ("RDSes are …")', () => {
    const qs = questions(lines('# Databases', '', '## Relational', '', 'RDS runs on hosts you can never log in to, and the provider patches them. RDSes suit online transaction processing best.'));
    expect(qs.some((q) => q.answers[0] === 'RDS' && q.prompt.includes('RDSes'))).toBe(false);
  });

  it('does not ask which service a security checklist fits ("VPC isolation, encryption at rest and in transit")', () => {
    const qs = questions(lines('# Databases', '', '## Security', '', '- Amazon RDS supports VPC isolation, encryption at rest, and encryption in transit for every engine.', '- Amazon Redshift supports VPC isolation and encryption at rest for a columnar petabyte warehouse queried with SQL.'));
    expect(qs.some((q) => q.answers[0] === 'RDS')).toBe(false);
    // What is left beside the checklist still tells one service apart.
    expect(qs.some((q) => q.answers[0] === 'Redshift' && q.prompt.includes('columnar petabyte'))).toBe(true);
  });
});

describe('5t. one prompt, two answers; a service named again; examples that go on; an initialism\'s expansion; block ids', () => {
  it('asks no prompt that the note answers two ways (the lines that told them apart are not in it)', () => {
    const qs = questions(lines('# Storage Gateway', '', '## Volume modes', '', '- Stored mode', '', 'Whole data set kept on premises.', '', '- Max storage of 512TB per gateway', '', '- Cached mode', '', 'Only hot data kept on premises.', '', '- Max storage of 1024TB per gateway'));
    expect(qs.filter((q) => q.prompt.includes('Max storage of ____ per gateway'))).toEqual([]);
  });

  it('does not blank a service the line names again in another spelling ("… with NACLs alone")', () => {
    const qs = questions(lines('# VPC', '', '## Answers', '', '- Network ACLs are stateless and depend on rule order, so managing complex traffic flows with NACLs alone is error-prone.', '- Application Load Balancers route requests by path and host to targets in several zones.'));
    expect(qs.some((q) => q.answers[0] === 'Network ACLs')).toBe(false);
    expect(qs.some((q) => q.prompt.includes('route requests by path and host'))).toBe(true);
  });

  it('does not ask a value of a list that goes on past it ("(____, 180 days, etc.)")', () => {
    const qs = questions(lines('# KMS', '', '## Key rotation', '', '- Automatic rotation happens every 365 days for customer managed keys', '- Manual rotation works through an alias (90 days, 180 days, etc.)'));
    expect(qs.some((q) => q.prompt.includes('etc.'))).toBe(false);
    expect(qs.some((q) => q.answers[0] === '365 days')).toBe(true);
  });

  it('does not ask which expansion an initialism in a table has, when only the answer starts with its letter', () => {
    const qs = questions(lines('# Route 53', '', '## Record types', '', '| Type | Name | Holds |', '| --- | --- | --- |', '| MX | Mail Exchange | the mail servers of a domain |', '| NS | Name Server | the servers that answer for a zone |', '| TXT | Text | any text, often to prove a domain is yours |', '| SOA | Start of Authority | the zone\'s primary server and timers |'));
    expect(qs.some((q) => /\b(MX|NS|TXT|SOA): Name\?/.test(q.prompt))).toBe(false);
    expect(qs.some((q) => /MX: Holds\?/.test(q.prompt))).toBe(true);
  });

  it('reads a decision table headed "Factor" as two things compared column by column', () => {
    const qs = questions(lines('# Caching or read replicas', '', '| Factor | Favors Cache | Favors Read Replicas |', '| --- | --- | --- |', '| Latency target | Under a millisecond | Under a hundred milliseconds |', '| Query shape | Simple key lookups | Joins and aggregations |', '| Freshness | Seconds of staleness are fine | Must be current |'));
    expect(qs.some((q) => q.factKind === 'table-cell')).toBe(false);
    const q = qs.find((x) => x.prompt.includes('Joins and aggregations'));
    expect(q?.answers).toEqual(['Favors Read Replicas']);
    expect(q?.distractors).toEqual(['Favors Cache']);
  });

  it('leaves citation marks ("… in the docs [6].", "[2][3]", "[1, 4]") out of what it asks', () => {
    const qs = questions(lines('# Route 53', '', '## Health checks', '', '- **Excluded ranges**: no health checks for private or multicast addresses (see the RFCs in the docs) [6].', '- **Interval**: a check runs every 30 seconds, or every 10 seconds at a higher price [2][3].', '- **Calculated check**: combines the results of up to 256 other checks [1, 4].'));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) for (const t of [q.prompt, ...q.answers, ...q.distractors]) expect(t).not.toMatch(/\[\d|\d\]|\) \d\.$|docs \d/);
  });

  it('keeps a comparison row\'s label with its cell ("Cost: Lower for steady load"), and drops a remark\'s', () => {
    const qs = questions(lines('# ECS', '', '## Launch types', '', '| | EC2 | Fargate |', '| --- | --- | --- |', '| Cost | Lower for a steady load | Paid per vCPU-hour and GB-hour |', '| Scaling | Tasks and instances | Tasks only |', '| Notes | You patch the hosts yourself | Nothing to patch |'));
    const cost = qs.find((q) => q.prompt.includes('Lower for a steady load'));
    expect(cost?.prompt).toContain('“Cost: Lower for a steady load”');
    const note = qs.find((q) => q.prompt.includes('You patch the hosts yourself'));
    expect(note?.prompt).toContain('“You patch the hosts yourself”');
  });

  it('asks nothing of a closing "Overall:" remark or of a list of sub-topic notes', () => {
    const qs = questions(lines('# ECR', '', '- **Image scanning**: finds known vulnerabilities in pushed images', '- **Lifecycle policies**: expire old images by age or count', '- **Overall**: a secure and handy registry for the container images of a team', '', '## 📂 Sub-Topics', '', '1. **[[ECR Replication]]**: copies of images across Regions and accounts.', '2. **[[ECR Pull Through Cache]]**: mirrors public registries in your account.'));
    expect(qs.some((q) => /Overall|Replication|Pull Through/.test(q.prompt))).toBe(false);
    expect(qs.some((q) => q.prompt.includes('Lifecycle policies'))).toBe(true);
  });

  it('reads a word processor\'s "o" bullets as items of their own, wrapped lines and all, and drops zero-width spaces', () => {
    const qs = questions(lines('# S3', '', '## Classes', '', '• **Glacier Deep Archive:**  ', '  o Lowest-cost archival class  ', '  o Retrieval within 12 hours  ', '', '• **Glacier Flexible Retrieval:**  ', '  o Archival storage for backups  ', '  o Retrieval in minutes to 5 hours, or free bulk retrieval for', '    any amount of data within 12 hours', '', '## Purchasing', '', '- \u200bSpot instance - spare capacity at up to 90% off, reclaimed with a two-minute notice', '- \u200bReserved instance - a one- or three-year commitment for a lower hourly price'));
    const deep = qs.find((q) => q.answers[0] === '12 hours' && q.prompt.includes('Glacier Deep Archive'));
    expect(deep?.prompt).toContain('“Retrieval within ____”');
    for (const q of qs) for (const t of [q.prompt, ...q.answers, ...q.distractors]) {
      expect(t).not.toMatch(/(^|[“\s])o [A-Z]/);
      expect(t).not.toContain('\u200b');
    }
    expect(qs.some((q) => q.prompt.includes('“Spot instance”') || q.prompt.includes('Spot instance -'))).toBe(true);
    // The mark that keeps a blank's " - " through cleaning is not one of the invisible ones that go.
    const typed = questions(lines('# S3 security', '', 'Kinds of security:', '', '1.  **User-based**', '    - using **IAM policies** - which API calls should be allowed'));
    expect(typed.find((q) => q.answers[0] === 'IAM policies')?.prompt).toContain('“using ____ - which API calls should be allowed”');
  });

  it('keeps the wrong values of a default inside the minimum and maximum its sibling lines give', () => {
    const qs = questions(lines('# Secrets Manager', '', '## Recovery windows', '', '- **Minimum secret recovery window**: 7 days', '- **Default secret recovery window**: 30 days', '- **Maximum secret recovery window**: 30 days', '- **Default rotation schedule check**: 4 hours'));
    const byLabel = (label: string) => qs.find((q) => q.prompt.includes(`“${label}: ____”`));
    const def = byLabel('Default secret recovery window');
    expect(def?.distractors.length).toBe(3);
    for (const d of def!.distractors) expect(parseInt(d)).toBeGreaterThanOrEqual(7);
    for (const d of def!.distractors) expect(parseInt(d)).toBeLessThanOrEqual(30);
    // The maximum itself may be weighed against larger values; the minimum against smaller ones.
    expect(byLabel('Maximum secret recovery window')?.distractors.some((d) => parseInt(d) > 30)).toBe(true);
    expect(byLabel('Minimum secret recovery window')?.distractors.some((d) => parseInt(d) < 7)).toBe(true);
  });

  it('weighs a port under a "Ports to know" heading against other well-known ports, and asks no count the line says in words', () => {
    const qs = questions(lines('# EC2', '', 'Ports to know', '- 22 SSH secure shell (Linux instance access)', '- 80 HTTP unsecured websites', '- 443 secured website', '- 3389 RDP remote desktop (Windows instance access)', '', '## Multi-AZ DB cluster', '', '- One writer replicates to two reader instances. We can have 2 readers only!', '- A cluster keeps 3 copies across three AZs for durability'));
    const https = qs.find((q) => q.answers[0] === '443');
    expect(https?.distractors.every((d) => ['22', '80', '3389', '3306', '5432', '8080', '21', '25', '53', '2049', '1433'].includes(d))).toBe(true);
    expect(qs.some((q) => q.prompt.includes('readers only'))).toBe(false);
    expect(qs.some((q) => q.answers[0] === '3 copies')).toBe(true);
  });

  it('asks nothing of lines written mostly in a script its checks cannot read (Chinese, Japanese, Korean)', () => {
    const qs = questions(lines('# Lambda', '', '## Concurrency controls', '', '- Reserved concurrency', '  - 限制 函数 的 最大 并发，保护 下游 系统 不被 压垮', '  - Caps how many copies of the function run at once and sets them aside', '- Provisioned concurrency', '  - 预先 初始化 执行 环境，降低 冷启动 的 延迟 时间', '  - Keeps environments warm so that requests skip the cold start'));
    expect(qs.some((q) => /[\u4e00-\u9fff]/.test(q.prompt + q.answers.join('')))).toBe(false);
    expect(qs.some((q) => q.prompt.includes('skip the cold start'))).toBe(true);
  });

  it('offers what a value is increased to only values above where it starts ("7 days … can be increased to ____")', () => {
    const qs = questions(lines('# RDS', '', '## Automated backups', '', '- 7 days retention can be increased to 35 days', '- Snapshots taken by hand are kept until you delete them', '', '## Logs', '', '- Error logs older than 3 days are rotated away', '- Slow query logs older than 4 days are rotated away'));
    const q = qs.find((x) => x.answers[0] === '35 days');
    expect(q?.distractors.length).toBe(3);
    for (const d of q!.distractors) expect(parseInt(d)).toBeGreaterThan(7);
  });

  it('leaves Obsidian\'s block ids (" ^bd76fb") out of what it asks', () => {
    const qs = questions(lines('# EC2', '', '## Recovery', '', '- CloudWatch alarm recovery ^be8f04', '  - Keeps the same private IP, metadata and placement group ^bd76fb', '  - Works on the instance that was impaired', '- Auto Scaling replacement', '  - Launches a new instance from the template', '  - Gives the instance a new private IP'));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) for (const t of [q.prompt, ...q.answers, ...q.distractors]) expect(t).not.toMatch(/\^[0-9a-f]{6}/);
  });
});

describe('5j. a typed API name that the prompt half spells', () => {
  it('does not ask to type a parameter whose words the heading already says', () => {
    const qs = questions(lines('# SQS', '## Delay queues', '- You can override the queue default for one message with the **DelaySeconds** parameter', '## Long polling', '- Setting **ReceiveMessageWaitTimeSeconds** above zero turns on long polling for every consumer of the queue'));
    const answers = qs.filter((q) => q.kind === 'typed').map((q) => q.answers[0]);
    expect(answers).not.toContain('DelaySeconds');
    // "queue" and "polling" are none of the words this name is built of.
    expect(answers).toContain('ReceiveMessageWaitTimeSeconds');
  });
});

describe('5d. give-aways by arithmetic on the line\'s own numbers', () => {
  it('does not blank a number the line works out from two others (300 × 10 = 3000)', () => {
    const qs = questions(lines('# SQS FIFO', '- FIFO queues take 300 messages per second; batching 10 messages per call gives 3000 messages per second', '- A FIFO queue name must end with the .fifo suffix and be at most 80 characters'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('300 messages');
    expect(answers).not.toContain('3000 messages');
    expect(answers).not.toContain('10 messages');
    expect(answers).toContain('80 characters');
  });

  it('does not blank an amount the line writes out in full, one an equation sets equal, or a step of a series', () => {
    const qs = questions(lines('# Limits', '- SNS: up to 12500000 (12.5 million) subscriptions per topic', '- KCL: 6 shards = at most 6 consumer workers', '- Retries back off (100ms, 200ms, 400ms, …) until 20 seconds have passed', '- Lambda: a function may run for at most 900 seconds'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('12.5');
    expect(answers).not.toContain('6 shards');
    expect(answers).not.toContain('200ms');
    expect(answers).not.toContain('400ms');
    expect(answers).toContain('900 seconds');
  });

  it('does not ask how many things to remember ("Remember the 3 commands")', () => {
    const qs = questions(lines('# SAM', '## Tips', '- Remember the 3 commands before the exam', '- sam local invoke runs a function once in a Docker container'));
    expect(qs.filter((q) => q.answers[0] === '3')).toEqual([]);
  });
});

describe('5b. give-aways by the answer\'s full name', () => {
  it('does not ask which service a statement describes in the words of that service\'s long name', () => {
    // "a queue" spells out the Q of Simple Queue Service, and no other messaging service has it in its name.
    const queue = questions(lines('# Messaging', '- SQS lets many producers drop messages into a queue that consumers drain at their own pace'));
    expect(queue.some((q) => q.answers[0] === 'SQS' && /which service fills the blank/.test(q.prompt))).toBe(false);
    // Nothing of the long name in the statement: asked, among services of its kind.
    const plain = questions(lines('# Messaging', '- SQS lets many producers hand work to consumers that drain it at their own pace'));
    expect(plain.some((q) => q.answers[0] === 'SQS' && /which service fills the blank/.test(q.prompt))).toBe(true);
  });

  it('does not ask which of two services a line describes in the words of one\'s long name, unless the note says them of both', () => {
    const compared = (...items: string[]) => questions(lines('# Kinesis Data Streams vs SQS', '', ...items)).filter((q) => /which one does this describe/.test(q.prompt));
    // "queue" is the Q of Simple Queue Service: the line names its answer.
    const queue = compared('- Kinesis Data Streams: records stay ordered within each shard and many consumers can replay them', '- SQS: each message waits in a queue until a single consumer deletes it');
    expect(queue.some((q) => q.answers[0] === 'SQS')).toBe(false);
    const plain = compared('- Kinesis Data Streams: records stay ordered within each shard and many consumers can replay them', '- SQS: each message waits until a single consumer deletes it');
    expect(plain.some((q) => q.answers[0] === 'SQS')).toBe(true);
    // "keys" is the K of Key Management Service, but the note says it of CloudHSM too: it tells nothing apart.
    const keys = questions(lines('# KMS vs CloudHSM', '', '- KMS: keys live on hardware that AWS shares between many customers', '- CloudHSM: keys live on a single-tenant hardware module that only you control'));
    expect(keys.filter((q) => /which one does this describe/.test(q.prompt)).map((q) => q.answers[0])).toEqual(['KMS', 'CloudHSM']);
  });
});

describe('6. tables read along the right axis', () => {
  it('does not ask which column a cell is in when the columns name properties ("Capability & Description | Setting / Location")', () => {
    const qs = questions(lines('# CodeBuild', '## Capabilities and where to set them', '| Capability & Description | Pertinent Setting / Location |', '| --- | --- |', '| Build environments run in managed containers with your chosen image | Project → Environment → Image |', '| Artifacts are written to an S3 bucket you name when the build ends | Project → Artifacts |', '| Logs of each build go to CloudWatch Logs or to S3 | Project → Logs |'));
    expect(qs.filter((q) => /which one does this describe/.test(q.prompt))).toEqual([]);
  });

  it('asks nothing of a table whose rows are numbered one by one (a table of contents), and still asks a table of codes', () => {
    const toc = questions(lines('# Study plan', '', '| # | Topic | Pages |', '| --- | --- | --- |', '| 1 | Queues with SQS | 12 |', '| 2 | Topics with SNS | 9 |', '| 3 | Streams with Kinesis | 15 |'));
    expect(toc.filter((q) => q.factKind === 'table-cell')).toEqual([]);
    const codes = questions(lines('# API Gateway errors', '', '| Code | Meaning | Typical cause |', '| --- | --- | --- |', '| 403 | Access denied | A missing or wrong authorizer decision |', '| 429 | Throttled | Too many requests for the usage plan |', '| 504 | Integration timed out | The backend took longer than the limit |'));
    expect(codes.some((q) => q.factKind === 'table-cell')).toBe(true);
  });

  it('keeps a comparison row’s label beside a bare value, and asks no bare yes or no', () => {
    const qs = questions(lines('# Memcached vs Redis', '', '| Feature | Memcached | Redis |', '| --- | --- | --- |', '| Use for pub/sub? | No | Yes |', '| Threads | Many per node | One per shard |'));
    const statements = qs.flatMap((q) => [...q.prompt.matchAll(/“([^”]*)”/g)].map((m) => m[1]));
    expect(statements).not.toContain('No');
    expect(statements).not.toContain('Yes');
    expect(statements).toEqual(expect.arrayContaining(['Use for pub/sub?: No']));
    const unlabelled = questions(lines('# Memcached vs Redis', '', '| Memcached | Redis |', '| --- | --- |', '| No | Yes |', '| Many threads on each node | One thread for each shard |'));
    const said = unlabelled.flatMap((q) => [...q.prompt.matchAll(/“([^”]*)”/g)].map((m) => m[1]));
    expect(said).not.toContain('No');
    expect(said).toEqual(expect.arrayContaining(['Many threads on each node']));
  });

  it('keeps a row’s question beside a yes or no that says more ("Can it be deleted?" | "Yes (with extra rights)")', () => {
    const qs = questions(lines('# Bucket locks', '', '| Aspect | Soft lock | Hard lock |', '| --- | --- | --- |', '| **Can it be deleted?** | ✅ Yes (given extra rights) | ❌ No (not even by root) |', '| Strength | Medium | Highest |'));
    const said = qs.flatMap((q) => [...q.prompt.matchAll(/“([^”]*)”/g)].map((m) => m[1]));
    expect(said).not.toContain('Yes (given extra rights)');
    expect(said).toEqual(expect.arrayContaining(['Can it be deleted?: Yes (given extra rights)']));
  });

  it('asks nothing of an instance spec sheet, and still asks a table of compared things', () => {
    const spec = questions(lines('# EC2 sizes', '', '| Size | vCPU | Memory (GiB) |', '| --- | --- | --- |', '| m5.large | 2 | 8 |', '| m5.xlarge | 4 | 16 |', '| m5.2xlarge | 8 | 32 |', '| m5.4xlarge | 16 | 64 |'));
    expect(spec.filter((q) => /m5\./.test(q.prompt))).toEqual([]);
    const compared = questions(lines('# SQS queue types', '', '| Queue | Ordering | Throughput |', '| --- | --- | --- |', '| Standard | best effort | nearly unlimited |', '| FIFO | strict, per message group | 300 messages per second without batching |', '| Delay | like its base queue | like its base queue |'));
    expect(compared.length).toBeGreaterThan(0);
  });

  it('asks the rows of a table whose first column names the compared things, never its header', () => {
    const qs = questions(lines('# SQS vs SNS vs EventBridge', '', '| Service | Delivery model | Consumers per message |', '| --- | --- | --- |', '| SQS | Consumers poll | One consumer |', '| SNS | Pushed to subscribers | Every subscriber |', '| EventBridge | Pushed to rule targets | Up to five targets per rule |'));
    expect(qs.flatMap((q) => q.answers)).not.toContain('Service');
    expect(qs.some((q) => q.prompt.includes('SQS: Delivery model?') && q.answers[0] === 'Consumers poll')).toBe(true);
  });
});

describe('6b. a caption that compares values, rows keyed by ids', () => {
  it('reads "Real-time vs Near real-time" over "Destination | Nature" as rows, not as the two columns compared', () => {
    const qs = questions(lines('# Stream outputs', '## Real-time vs Near real-time', '', '| Destination | Nature |', '| --- | --- |', '| Data Streams | Real-time |', '| Lambda | Real-time |', '| Firehose | Near real-time |'));
    expect(qs.filter((q) => /Destination or Nature|Nature or Destination/.test(q.prompt))).toEqual([]);
  });

  it('reads "Scenario | Pick" (a long cell mapped to a short name) as which to choose when, never "Scenario or Pick"', () => {
    const qs = questions(lines('# Route 53', '## Geolocation vs Geoproximity', '', '| Scenario | Pick |', '| --- | --- |', '| Serve content by the country the user is in | Geolocation Routing |', '| Shift traffic toward a Region by a bias value | Geoproximity Routing |', '| Send users to the lowest latency Region always | Latency Routing |', '', '## Storage picks', '', '| Need | Service |', '| --- | --- |', '| A file system shared by many Linux instances | EFS |', '| A disk for one instance in one zone | EBS |', '| Objects reached over HTTPS from anywhere | S3 |'));
    expect(qs.filter((q) => /Scenario or Pick|Pick or Scenario|Need or Service|Service or Need/.test(q.prompt))).toEqual([]);
    // Nor is a situation made a term with its pick for a definition.
    expect(qs.filter((q) => q.prompt.includes('A file system shared by many Linux instances'))).toEqual([]);
  });

  it('asks no cell of a row keyed by a resource id or a lab\'s address plan ("sgr-…: Description?", "10.68: Tier?")', () => {
    const ids = questions(lines('# Security group of the lab', '## Inbound rules', '', '| Rule ID | Port | Description |', '| --- | --- | --- |', '| sgr-0a1b2c3d4e5f60718 | 22 | Lets SSH in over IPv4 |', '| sgr-0b1c2d3e4f5a60719 | 80 | Lets HTTP in over IPv4 |', '| sgr-0c1d2e3f4a5b6071a | 22 | Lets SSH in over IPv6 |'));
    expect(ids.filter((q) => q.factKind === 'table-cell')).toEqual([]);
    const plan = questions(lines('# Address plan', '', '| Range | Region | Tier |', '| --- | --- | --- |', '| 10.16 | US East | Prod |', '| 10.32 | US West | Dev |', '| 10.48 | Europe | Prod |'));
    expect(plan.filter((q) => q.factKind === 'table-cell')).toEqual([]);
    // A named row is still asked.
    const named = questions(lines('# Volume types', '', '| Type | Media | Boot volume |', '| --- | --- | --- |', '| gp3 | SSD | Yes |', '| st1 | HDD | No |', '| sc1 | HDD, cold | No |'));
    expect(named.some((q) => q.factKind === 'table-cell')).toBe(true);
  });
});

describe('6c. tables that are no facts: an answer key, a problem beside its solution', () => {
  it('asks nothing of a practice test\'s answer key or of "Problem | Solution" columns', () => {
    const key = questions(lines('# Practice test 3', '## Answer key', '', '| Q# | Answer | Q# | Answer |', '| --- | --- | --- | --- |', '| Q1 | B | Q4 | A |', '| Q2 | D | Q5 | C |', '| Q3 | A | Q6 | B |'));
    expect(key).toEqual([]);
    const halves = questions(lines('# SQS', '## When to use it', '', '| Business problem | SQS solution |', '| --- | --- |', '| Orders arrive faster than the workers can handle them at peak | A queue buffers the orders until workers catch up |', '| A payment step fails now and then and must be tried again | Messages return to the queue after the visibility timeout |'));
    expect(halves.filter((q) => /problem or/i.test(q.prompt))).toEqual([]);
  });
});

describe('6a. a table laid out the other way round', () => {
  it('does not ask a row whose first cell is a sentence (the things compared are the columns)', () => {
    const qs = questions(lines('# Cloud deployment models', '| **Private cloud** | **Public cloud** | **Hybrid cloud** |', '| --- | --- | --- |', '| Run for one organization only, never shared with the public. | Owned and run by a provider, reached over the internet. | Some servers stay on premises, the rest run in the cloud. |', '| Full control over data, security and compliance. | Low cost because many customers share it. | Data and applications move between the two. |', '| Fits sensitive systems that must stay in house. | Fits workloads that need to grow fast. | Fits a move to the cloud in stages. |', '| Meets strict rules of one business. | Nothing to maintain: the provider runs it. | Keeps old systems while adding new ones. |'));
    expect(qs.filter((q) => q.factKind === 'table-cell')).toEqual([]);
  });
});

describe('7. residue and broken items', () => {
  it('asks no "what is" of a term an arrow leads from ("Resolver → answers DNS queries"), and still of one a colon defines', () => {
    const qs = questions(lines('# Networking terms', '- Route 53 Resolver → answers the DNS queries of the VPC and forwards some to your own servers', '- Hook passes → production traffic shifts from the blue fleet to the green one', '- Origin: the place CloudFront fetches an object from when it has no copy of it', '- Edge location: a site of the CDN where copies of objects are kept near viewers'));
    expect(qs.filter((q) => /what is “(Route 53 Resolver|Hook passes)”/.test(q.prompt))).toEqual([]);
    expect(qs.some((q) => /what is “Origin”/.test(q.prompt))).toBe(true);
  });

  it('reads a line of "A = B" pairs as no one term\'s definition ("Multi-AZ = Reliability, Graviton = Sustainability")', () => {
    const pairs = questions(lines('# Well-Architected pillars', '## Exam tips', '- Multi-AZ = Reliability, Graviton = Sustainability, Spot = Cost Optimization', '- Encryption = Security, CloudTrail = Operational Excellence'));
    expect(pairs.filter((q) => q.answers.some((a) => a.includes(' = ')))).toEqual([]);
    // One pair to a line, with a comma inside its definition, is still a term and what it is.
    const terms = questions(lines('# RDS', '## Terms', '- Multi-AZ = a standby copy in another zone that takes over on failure, kept in sync', '- Snapshot = a backup of the volume that you start by hand, kept until you delete it'));
    expect(terms.some((q) => q.prompt.includes('what is “Multi-AZ”') && q.answers[0]?.startsWith('a standby copy'))).toBe(true);
  });

  it('starts a new line at a label of a word or two typed in lower case ("/tmp space: 10GB"), not merging it into the line above', () => {
    const qs = questions(lines('# Lambda', '', 'Execution context', 'Keep the database connection outside the handler so later invocations reuse it', '/tmp space: 10GB at most'));
    const tmp = qs.find((q) => q.answers[0] === '10GB');
    expect(tmp?.prompt).toMatch(/“\/tmp space: ____ at most”/);
    expect(qs.some((q) => /invocations reuse it \/tmp/.test(q.prompt))).toBe(false);
  });

  it('does not cut a list strung on dashes into a term and its definition', () => {
    const qs = questions(lines('# S3 requests', '- Bucket calls head - list - create - delete - tag', '- Object calls get - put - copy - delete - head', '- **Multipart upload**: sends the parts of one large object in parallel', '- **Presigned URL**: lets someone without credentials fetch one object for a while'));
    expect(qs.filter((q) => /“(Bucket calls head|Object calls get)”/.test(q.prompt))).toEqual([]);
    expect(qs.some((q) => q.prompt.includes('“Presigned URL”'))).toBe(true);
  });

  it('does not ask a line cut on a preposition, nor a card whose back only leads into a list the card lacks', () => {
    const cut = questions(lines('# Compute', '- DynamoDB spreads its tables over partitions so that you never have to think about', '- DynamoDB keeps three copies of each partition in different zones of one Region for durability'));
    expect(cut.filter((q) => q.prompt.includes('which service fills the blank')).map((q) => q.prompt)).toEqual([expect.stringContaining('keeps three copies of each partition')]);
    const lead = questions(lines('# Amazon S3', '## How can clients reach a bucket?', 'There are several ways to reach a bucket from outside its account:', '', '## Why use versioning?', 'Versioning keeps every version of an object, so an overwrite or a delete can be undone later.'));
    const cards = lead.filter((q) => q.kind === 'flip').map((q) => q.answers[0]);
    expect(cards).not.toContain('There are several ways to reach a bucket from outside its account:');
    expect(cards.some((a) => a!.startsWith('Versioning keeps every version'))).toBe(true);
  });

  it('does not ask a line that points to another part of the note ("as described above")', () => {
    const qs = questions(lines('# Partitions', '- DynamoDB spreads items over partitions by the hash of the key in the same way as described above for writes', '- DynamoDB keeps three copies of each partition in different zones of one Region for durability'));
    const asked = qs.filter((q) => q.prompt.includes('which service fills the blank')).map((q) => q.prompt);
    expect(asked).toEqual([expect.stringContaining('keeps three copies of each partition')]);
  });

  it('keeps the word of a part the blank would swallow: "Lambda functions scale out" is "____ functions scale out"', () => {
    const qs = questions(lines('# Compute', '## Scaling', '- Lambda functions scale out by running many copies of the handler at the same time in parallel'));
    const q = qs.find((x) => x.prompt.includes('which service fills the blank'));
    expect(q?.prompt).toContain('“____ functions scale out by running many copies');
    expect(q?.answers).toEqual(['Lambda']);
  });

  it('cleans wiki links, highlights and tags out of questions', () => {
    const qs = questions(lines('# Kinesis', '- **Shard**: the unit of [[capacity|throughput]] of a ==stream== #exam', '- **Partition key**: decides which [[Shard]] a record goes to', '- **Sequence number**: orders the records of one shard'));
    expect(qs.some((q) => [q.prompt, ...q.answers].some((t) => t.includes('the unit of throughput of a stream')))).toBe(true);
    for (const q of qs) for (const t of [q.prompt, ...q.answers, ...q.distractors]) expect(t).not.toMatch(/\[\[|\]\]|==|#exam/);
  });

  it('drops a link that only points elsewhere, a lone underscore and the author\'s "(important)"', () => {
    const qs = questions(lines('# Step Functions', '- **ResultPath**: picks the part of a state\'s output passed on to the next state (important)', '- **InputPath**: - _ picks the part of the input a state works on', '- Step Functions runs each state of a workflow and retries the ones that fail, as the definition says. [Source](https://example.com/doc)'));
    const texts = qs.flatMap((q) => [q.prompt, ...q.answers]);
    expect(texts.some((t) => t.includes('passed on to the next state'))).toBe(true);
    for (const t of texts) {
      expect(t).not.toMatch(/\(important\)|(^|\s)_(\s|$)/i);
      expect(t).not.toMatch(/Source”?\??$/);
    }
  });

  it('does not ask a quiz item whose options the note did not keep', () => {
    const qs = questions(lines('# Quiz', '1. Which of the following is a NoSQL database?', '    - DynamoDB'));
    expect(qs.some((q) => /which of the following/i.test(q.prompt))).toBe(false);
  });

  it('asks a practice question whole when a line break parts its scenario from the asking line ("… <br/> Which service meets that need?")', () => {
    const qs = questions(lines('# Practice set', '', '1. A team needs fewer servers to look after when it runs short jobs. <br/> Which service would meet that need by running code without servers?', '    - A. Amazon EC2', '    - B. AWS Lambda', '    - C. Amazon Lightsail', '    - D. AWS Outposts', '', '    Correct Answer: B'));
    const q = qs.find((x) => x.factKind === 'qa');
    expect(q?.prompt).toBe('A team needs fewer servers to look after when it runs short jobs. Which service would meet that need by running code without servers?');
    expect(q?.answers).toEqual(['AWS Lambda']);
    // The scenario is part of the item, not a claim of its own.
    expect(qs.filter((x) => x.factKind !== 'qa')).toEqual([]);
  });

  it('asks a practice question with its own choices, the right one from the answer line under it', () => {
    const qs = questions(lines('# Practice set', '', 'A team wants to hand out temporary credentials to a mobile app without storing any keys. Which service should it use?', '', '- A) Amazon Cognito identity pools', '- B) IAM users with access keys', '- C) AWS Secrets Manager', '- D) Amazon Inspector', '', 'Answer: A'));
    const q = qs.find((x) => x.factKind === 'qa');
    expect(q?.kind).toBe('single');
    expect(q?.prompt).toBe('A team wants to hand out temporary credentials to a mobile app without storing any keys. Which service should it use?');
    expect(q?.answers).toEqual(['Amazon Cognito identity pools']);
    expect([...q!.distractors].sort()).toEqual(['AWS Secrets Manager', 'Amazon Inspector', 'IAM users with access keys']);
    // No card of the choices, and no choice asked as a claim of its own.
    expect(qs.filter((x) => x !== q)).toEqual([]);
  });

  it('takes the right choice from an answer key elsewhere in the note, by the question\'s number', () => {
    const item = (n: number, stem: string, opts: string[]) => [`## Question ${n}`, '', stem, '', ...opts.map((o, k) => `- ${'ABCD'[k]}) ${o}`), ''];
    const qs = questions(
      lines(
        '# Mock exam',
        ...item(1, 'Which storage class suits objects read about once a quarter but needed within milliseconds?', ['S3 Standard', 'S3 Standard-IA', 'S3 Glacier Deep Archive', 'S3 Express One Zone']),
        ...item(2, 'Which service turns a stream of records into files in S3 without any code to manage?', ['Amazon Data Firehose', 'Amazon SQS', 'AWS Batch', 'Amazon EMR']),
        ...item(3, 'Which feature lets a Lambda function keep initialised instances ready for a spike?', ['Reserved concurrency', 'Provisioned concurrency', 'Event source mapping', 'Destinations']),
        '# Answers',
        '## Question 1 — Answer: B',
        'Infrequent access with fast retrieval is what Standard-IA is for.',
        '## Question 2 — Answer: A',
        '## Question 3 — Answer: B',
      ),
    );
    const asked = qs.filter((x) => x.factKind === 'qa').map((x) => [x.answers[0], x.distractors.length]);
    expect(asked).toEqual([['S3 Standard-IA', 3], ['Amazon Data Firehose', 3], ['Provisioned concurrency', 3]]);
    // The key and its explanation are not notes to ask about.
    expect(qs.filter((x) => x.factKind !== 'qa')).toEqual([]);
  });

  it('reads the right choice from a mark on it: ">>" in a block of choices, or the choice written as code', () => {
    const marked = questions(lines('# Quiz', '### A developer must let an EC2 instance fetch objects from one bucket. What is the recommended way?', '```', 'Store an access key in the application code', '>> Attach an IAM role with read access to the instance', 'Make the bucket public', 'Add the instance to an IAM group', '```'));
    expect(marked.filter((x) => x.factKind === 'qa').map((x) => [x.kind, x.answers])).toEqual([['single', ['Attach an IAM role with read access to the instance']]]);
    const coded = questions(lines('# Sample questions', '1. Which two services keep session state for stateless web servers? (Select TWO.)', '', 'A. Amazon CloudWatch', '`B. Amazon DynamoDB`', 'C. Elastic Load Balancing', '`D. Amazon ElastiCache`', 'E. AWS Storage Gateway'));
    const multi = coded.find((x) => x.factKind === 'qa');
    expect(multi?.kind).toBe('multi');
    expect(multi?.answers).toEqual(['Amazon DynamoDB', 'Amazon ElastiCache']);
  });

  it('reads ticked boxes as the right choices of a question, and a to-do list under no question as a list', () => {
    const quiz = questions(lines('# Streaming quiz', '', 'Which service keeps records in order per shard for replay by several consumers?', '', '- [ ] Amazon SQS standard queues', '- [x] Amazon Kinesis Data Streams', '- [ ] Amazon SNS topics', '- [ ] AWS Batch'));
    expect(quiz.filter((q) => q.factKind === 'qa').map((q) => [q.kind, q.answers])).toEqual([['single', ['Amazon Kinesis Data Streams']]]);
    const todo = questions(lines('# Study plan', '', 'Topics covered during the first week of study', '', '- [x] SQS visibility timeout hides a message for 30 seconds by default', '- [ ] SNS fan-out to several queues', '- [ ] Kinesis shards and their limits'));
    expect(todo.filter((q) => q.factKind === 'qa')).toEqual([]);
    expect(todo.some((q) => q.answers.includes('30 seconds'))).toBe(true);
  });

  it('asks no practice question whose choices point at other choices by their letter or place', () => {
    const item = (last: string) => questions(lines('# Practice', '', 'Which two stores can hold session state that every web server of a fleet shares?', '', '- A) Amazon ElastiCache', '- B) The instance store of each server', '- C) Amazon DynamoDB', `- D) ${last}`, '', 'Answer: D'));
    expect(item('Both A and C')).toEqual([]);
    expect(item('All of the above')).toEqual([]);
    expect(item('Amazon DynamoDB Accelerator in front of a table').filter((q) => q.factKind === 'qa')).toHaveLength(1);
  });

  it('asks nothing of a practice question the note does not answer, and reads none of its choices as claims', () => {
    const qs = questions(lines('# Practice', '', 'How long does SQS keep a message by default before it is deleted?', '', '- A) 4 days', '- B) 14 days', '- C) 12 hours', '- D) 30 seconds'));
    expect(qs).toEqual([]);
  });

  it('does not ask the exam\'s own length, question count or timing', () => {
    const qs = questions(lines('# Developer exam', '## Exam Format', '- Length: 130 Minutes', '- Cost: 150 USD', '## Scoring', '- The exam includes 65 questions, 15 of them unscored', '- Non-native speakers can ask for 30 minutes to complete the exam beyond the usual time', '## Exam Tips', '- Lambda runs a function for at most 15 minutes'));
    const answers = qs.map((q) => q.answers[0]);
    for (const a of ['130 Minutes', '130', '65', '65 questions', '30 minutes']) expect(answers).not.toContain(a);
    expect(answers).toContain('15 minutes');
  });

  it('does not ask an exam guide\'s domain weightings or its "Identify …" objectives', () => {
    const qs = questions(lines('# Exam prep', '## Question distribution', '- Designing new solutions: 29%', '- Migration planning: 15%', '## Study guide', '- Identify the AWS storage services', '  - Describe Amazon EFS', '  - Describe Amazon S3 storage classes', '- Identify the AWS compute services', '  - Describe Amazon EC2 pricing options', '  - Describe AWS Lambda'));
    expect(qs).toEqual([]);
  });

  it('asks nothing picked for an example, under any heading that says it is one', () => {
    const qs = questions(lines('# S3 lifecycle', '## A lifecycle rule example', '- Move the logs to Standard-IA 45 days after they are written', '- Delete them after 400 days', '## Limits', '- Objects smaller than 128 KB are not moved to Standard-IA', '## Serving example.com from a bucket', '- Each prefix of the bucket serves up to 5,500 GET requests per second'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('45 days');
    expect(answers).not.toContain('400 days');
    expect(answers).toContain('128 KB');
    // A domain that holds the word is not an example heading.
    expect(answers).toContain('5,500');
  });

  it('does not ask what a file of a project\'s layout is, or a number of a numbered tip', () => {
    const qs = questions(lines('# SAM project layout', '- **hello-fn/src/main**: the handler code', '- **hello-fn/src/test**: unit tests for the handler', '- **events/event.json**: a sample event to invoke with', '# Practice', '- Tip 2: stop every instance whose CPU stays under 5% for a week'));
    expect(qs.filter((q) => /hello-fn\/src/.test(q.prompt + q.answers.join(' ')))).toEqual([]);
    expect(qs.filter((q) => q.answers[0] === '5%')).toEqual([]);
  });

  it('does not ask exam weightings', () => {
    const qs = questions(lines('# Exam domains', '| Domain | % of Exam |', '| --- | --- |', '| Design secure architectures | 30% |', '| Design resilient architectures | 26% |', '| Design cost-optimized architectures | 20% |'));
    expect(qs).toEqual([]);
  });
});

describe('7e. documents that are not AWS notes, and emoji shortcodes', () => {
  // A long page about a web build tool, in words written for this test, with numbers and terms enough to ask.
  const tooling = Array.from({ length: 200 }, (_, i) => lines(`## Bundler option ${i}`, `- **Chunk limit ${i}**: splits a bundle once it passes ${100 + i} KB of scripts`, `- The dev server reloads the page within ${i + 2} seconds of a saved change to any source file`, '')).join('\n');

  it('asks nothing of a long document that hardly names an AWS service, and says why', () => {
    expect(tooling.match(/[A-Za-z]/g)!.length).toBeGreaterThan(16_000);
    const analysis = analyzeNote(lines('# Front-end build tool', tooling), options);
    expect(analysis.questions).toEqual([]);
    expect(analysis.messages.some((m) => /hardly names an AWS service/.test(m.message))).toBe(true);
    // The same page naming the services it deploys to is asked; a short page that names none is asked too.
    const deployed = tooling.replace(/any source file/g, 'any source file before the S3 upload');
    expect(questions(lines('# Front-end build tool', deployed)).length).toBeGreaterThan(0);
    expect(questions(lines('# OSI model', '- Layer 4 is the transport layer: TCP and UDP live there', '- A frame carries at most 1500 bytes on a standard link')).length).toBeGreaterThan(0);
  });

  it('asks nothing of the learner\'s own study log: quiz results, course progress', () => {
    const log = questions(lines('# Developer exam', '', '## Quiz results', '', '| Date | Lesson | Score | Result |', '| --- | --- | --- | --- |', '| 2027-01-04 | SQS basics | 80 | PASS |', '| 2027-01-05 | SNS fan-out | 60 | REVIEW |', '| 2027-01-06 | Kinesis shards | 90 | PASS |'));
    expect(log).toEqual([]);
    const progress = questions(lines('# Developer exam', '', '### Course sections', '', '| Section | Length | Watched |', '| --- | --- | --- |', '| 1: Introduction | 12 min | yes |', '| 2: IAM and the CLI | 45 min | yes |', '| 3: EC2 basics | 80 min | no |'));
    expect(progress).toEqual([]);
  });

  it('asks no figure of a worked example: an amount times a price, a number for "this requirement"', () => {
    const qs = questions(lines('# DynamoDB capacity', '- Writes of 6 KB items, 2 per second: rounding up, 12 write capacity units are needed to satisfy this requirement', '- Storage: 3 GB X $0.25 per GB per month', '- One write capacity unit writes an item of up to 1 KB per second'));
    const answers = qs.filter((q) => q.factKind === 'numeric').map((q) => q.answers[0]);
    expect(answers).not.toContain('12 write capacity units');
    expect(answers).not.toContain('12');
    expect(answers).not.toContain('3 GB');
    expect(answers).toContain('1 KB');
  });

  it('drops a quote left over at the end of a line that opened nowhere', () => {
    const qs = questions(lines('# SWF', "- Each domain holds at most 10,000 registered workflow types.'", "- It's the domain's 'default'."));
    const q = qs.find((x) => x.answers[0] === '10,000');
    expect(q?.prompt).toContain('registered workflow types.”');
  });

  it('drops an author\'s "TODO" and what follows it from headings and lines', () => {
    const qs = questions(lines('# DynamoDB', '', '## Batch calls TODO write up the others', '', '- BatchGetItem reads up to 100 items from one or more tables TODO check the size limit'));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).not.toMatch(/TODO|write up the others|check the size/);
  });

  it('asks no table cell that is a GitHub emoji shortcode (":white_check_mark:", ":x:")', () => {
    const qs = questions(lines('# Build settings', '', '| Variable | Local run | CI run |', '| --- | --- | --- |', '| CACHE_DIR | :white_check_mark: | :x: |', '| LOG_LEVEL | :white_check_mark: | :white_check_mark: |', '| STRICT_MODE | :x: | :white_check_mark: |', '| RETRY_LIMIT | :large_orange_diamond: | :x: |'));
    expect(qs.filter((q) => [...q.answers, ...q.distractors].some((a) => /^:[a-z_]+:$/.test(a)))).toEqual([]);
  });
});

describe('7b. the course, not AWS: labs and typed phrases', () => {
  it('asks no bare figure a course practical set up, and still its limits ("ec2 practicals": 5 machines; max 15 min)', () => {
    const qs = questions(lines('# Auto scaling practicals', '- the group now runs 5 machines and we detach one of them', '- target tracking keeps average CPU at 70 percent', '- a Lambda function runs for 15 minutes at most', '# Practical tips for Auto Scaling', '- a warm pool keeps 2 instances stopped and ready'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('5 machines');
    expect(answers.filter((a) => /^70/.test(a ?? ''))).toEqual([]);
    expect(answers).toContain('15 minutes');
    expect(answers).toContain('2 instances');
  });

  it('asks no figure of a made-up case ("Suppose you have 4 instances…", "say we have 10k objects")', () => {
    const qs = questions(lines('# Load balancing', '- Suppose you have 4 instances in one zone and 10 instances in the other zone', '- Say we have 10k objects to copy: a batch job takes them all', '- A target group takes up to 1000 targets'));
    expect(qs.filter((q) => /Suppose|Say we/.test(q.prompt))).toEqual([]);
    expect(qs.some((q) => q.answers[0] === '1000 targets')).toBe(true);
  });

  it('asks nothing of what another cloud offers ("Cross-cloud equivalents", Azure, OCI)', () => {
    const qs = questions(lines('# CloudWatch', '- CloudWatch Logs keeps log events until the retention you set expires, never by default', '## Cross-cloud equivalents', '| Cloud | Similar service | Difference |', '| --- | --- | --- |', '| Azure | Azure Monitor | Bundles logs and metrics in one workspace |', '| Google Cloud | Cloud Operations | Charges by ingested volume only |', '| Oracle | OCI Monitoring | Alarms are free of charge |'));
    expect(qs.filter((q) => /Azure|Google|Oracle|OCI|Cloud Operations|workspace/.test(q.prompt + q.answers.join(' ') + q.distractors.join(' ')))).toEqual([]);
    // An AWS line that names another cloud as a source is still about AWS.
    const mgn = questions(lines('# Migration', '- Application Migration Service rehosts VMware, Hyper-V and Azure virtual machines on EC2 with continuous block replication'));
    expect(mgn.some((q) => q.answers[0] === 'Application Migration Service' || q.answers[0] === 'MGN')).toBe(true);
  });

  it('asks nothing of a practice question\'s made-up scenario or of its options', () => {
    const qs = questions(lines('# Q04: Cutting a data transfer bill', '', '## Question', '', 'A retailer runs 12 VPCs in two Regions and pays $3,400 a month for data transfer.', 'Its reports must load in under 300 ms for buyers in Europe.', '', '## Options', '', '- **A.** Peer every VPC with every other one', '- **B.** Attach all 12 VPCs to one transit gateway', '', '## Answers', '', '- A gateway endpoint for S3 has no hourly charge and no data processing charge'));
    const answers = qs.map((q) => q.answers.join('|'));
    for (const made of ['12', '$3,400', '300 ms']) expect(answers).not.toContain(made);
    expect(qs.some((q) => /transit gateway|Peer every VPC/i.test(q.prompt + q.answers.join(' ')))).toBe(false);
  });

  it('asks nothing of a lab by a folder two levels up, nor a cost worked out as a product of its factors', () => {
    const lab = lines('# Sizing the fleet', '- A t3.micro instance earns CPU credits while it runs below a 10% baseline');
    expect(questions(lab, '/course/lab-compute/deliverables/README.md')).toEqual([]);
    expect(questions(lab, '/course/notes/ec2/README.md').length).toBeGreaterThan(0);
    const cost = questions(lines('# EC2 pricing', '- The fleet costs 2 instances x $0.20/hour x 24 hours/day x 30 days = $288 a month', '- On-Demand instances are billed per second after the first 60 seconds'));
    expect(cost.map((q) => q.answers[0])).toEqual(['60 seconds']);
  });

  it('asks no tutorial aside ("Observe:", "Key insight:"), account id, or amount a configuration\'s name spells', () => {
    const qs = questions(
      lines(
        '# CodeDeploy canary on ECS',
        '- **Observe**: the new task set takes a tenth of the traffic first',
        '- **Key insight**: a bad build never reaches most users',
        '- **Traffic shifting**: moves requests from the old task set to the new one in steps',
        '- Now account `111122223333` can create and manage stack sets for the whole organization without the management account',
        '- CodeDeployDefault.ECSCanary10Percent15Minutes moves 10% of traffic first and the rest after 15 minutes',
        '- A deployment group keeps at most 20 alarms for automatic rollback',
      ),
    );
    const said = qs.flatMap((q) => [q.prompt, ...q.answers]).join(' | ');
    expect(said).not.toMatch(/“Observe”|“Key insight”|111122223333/);
    expect(qs.some((q) => q.answers[0] === '10%' || q.answers[0] === '15 minutes')).toBe(false);
    expect(qs.some((q) => q.answers[0] === '20 alarms' || q.answers[0] === '20')).toBe(true);
  });

  it('asks nothing of a lab write-up, by its heading or its file', () => {
    const steps = lines('- Set the visibility timeout to 45 seconds', '- **Queue name**: orders-test, typed in the console', '- Wait 10 minutes and refresh the page');
    expect(questions(lines('# SQS', '## Hands-on: making a queue', steps))).toEqual([]);
    expect(questions(lines('# SQS', steps), '/course/labs/queue-walkthrough.md')).toEqual([]);
  });

  it('asks nothing of what a walk-through typed and saw under its steps, and still asks a lone step-like noun', () => {
    const walk = lines(
      '# SQS dead-letter queues',
      '## Trying it out',
      '1. Create the main queue',
      '    - Visibility timeout: 5 seconds',
      '2. Modify the redrive policy',
      '    - Maximum receives: 3',
      '3. Open two browser tabs',
      '    - the message came back after 5 seconds',
      '4. Testing',
      '    - Messages in flight: 4 messages',
      '5. Test',
      '    - Receive wait time: 20 seconds',
      '## Theory',
      '- **Maximum receives**: how many times a message is received before it moves to the dead-letter queue',
      '- **Redrive policy**: names the dead-letter queue and the maximum receives of a source queue',
    );
    const qs = questions(walk);
    expect(qs.filter((q) => /\b(5 seconds|3|4 messages|20 seconds)\b/.test(q.answers.join(' ')))).toEqual([]);
    expect(qs.some((q) => q.prompt.includes('Theory'))).toBe(true);
    // One label that reads like a step is a noun of AWS ("Refresh token"), not a walk-through.
    const tokens = questions(lines('# Cognito user pool tokens', '- **ID token**: says who the user is, as claims', '- **Access token**: says what the user may call', '- **Refresh token**: gets new ID and access tokens without signing in again'));
    expect(tokens.some((q) => [q.prompt, ...q.answers].join(' ').includes('Refresh token'))).toBe(true);
  });

  it('asks no bare number of a walk-through, wherever it stands, and still asks the bounds it states', () => {
    const walk = lines(
      '# Lambda course: section 6',
      '## 41. Making a function',
      '1. Create the function',
      '    - memory picked: 512 MB',
      '2. Open the test tab',
      '    - the first run took 900 ms',
      '3. Modify the configuration',
      '    - the second run took 40 ms',
      '## 42. Trying the timeout',
      '- Timeout: 8 seconds',
      '- Change the memory to 256 MB',
      '- we invoked it 12 times and saw 2 cold starts',
      '## 43. Theory',
      '- Timeout defaults to 3 seconds and can be at most 900 seconds',
    );
    const answers = questions(walk).map((q) => q.answers.join(' '));
    for (const picked of ['8 seconds', '256 MB', '12', '2', '512 MB', '900 ms', '40 ms']) expect(answers).not.toContain(picked);
    expect(answers.some((a) => a === '3 seconds' || a === '900 seconds')).toBe(true);
  });

  it('asks the limit a line gives, never the one it says the limit was raised from', () => {
    const qs = questions(lines('# SQS quotas', '- Largest message: 1 MiB (raised from 256 KiB in 2025)', '- Visibility timeout: up to 12 hours, previously 2 hours'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).toEqual(expect.arrayContaining(['1 MiB', '12 hours']));
    expect(answers).not.toContain('256 KiB');
    expect(answers).not.toContain('2 hours');
  });

  it('does not ask a value written in parentheses as the previous one, or a figure given as a rough size', () => {
    const qs = questions(lines('# Kinesis Data Streams', '- Retention: 24 hours by default, up to 365 days (previously: 7 days)', '- Reads return in ~200 ms per shard for classic consumers', '- A cold start adds about 300 ms', '- A shard takes up to 1,000 records per second'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).toEqual(expect.arrayContaining(['365 days', '1,000 records']));
    for (const a of ['7 days', '200 ms', '300 ms']) expect(answers).not.toContain(a);
  });

  it('does not ask a value the line gives as an example ("ex $12 per hour")', () => {
    const answers = questions(lines('# Savings Plans', '- Commit to a steady spend, ex $12 per hour, for one or three years', '- Discounts reach 72% off On-Demand prices')).map((q) => q.answers[0]);
    expect(answers).not.toContain('$12');
    expect(answers).toContain('72%');
  });

  it('does not ask a blank whose answer is all of it (100 %)', () => {
    const qs = questions(lines('# CodeDeploy traffic shifting', '- Linear: move 10% of traffic every minute until 100% has moved', '- Canary: move 10% first, the rest 5 minutes later'));
    const answers = qs.map((q) => q.answers[0]);
    expect(answers).not.toContain('100%');
    expect(answers).toContain('5 minutes');
  });

  it('reads bold on most lines of a note as emphasis, not as terms to type', () => {
    const body = Array.from({ length: 24 }, (_, i) => `- Stage ${i} keeps its **Batch${i} Token** for the next run of the line`);
    expect(questions(lines('# Widget line', ...body)).filter((q) => q.kind === 'typed')).toEqual([]);
    expect(questions(lines('# Widget line', ...body.slice(0, 3))).filter((q) => q.kind === 'typed')).toHaveLength(3);
  });

  it('types a name into a blank, never a plain phrase', () => {
    const qs = questions(lines('# EBS', '- Volumes are **network-attached block storage**, independent of the instance', '- Snapshots are stored in **Amazon S3** behind the scenes'));
    expect(qs.some((q) => q.kind === 'typed' && q.answers[0] === 'network-attached block storage')).toBe(false);
    expect(qs.some((q) => q.kind === 'typed' && q.answers[0] === 'Amazon S3')).toBe(true);
  });

  it('reads the capital that opens a line as the sentence’s, not a name’s', () => {
    const qs = questions(
      lines(
        '# Amazon CloudFront',
        '- **Lowers origin load**, because repeated requests are answered from the edge caches',
        '- **Speeds up downloads** for readers who sit far away from the origin region',
        '- **Signed Cookies** let one login reach many private files of a distribution at once',
        '- **EC2 origins** must be reachable from the edge locations over the public internet',
      ),
    );
    const typed = qs.filter((q) => q.kind === 'typed').map((q) => q.answers[0]);
    expect(typed).not.toContain('Lowers origin load');
    expect(typed).not.toContain('Speeds up downloads');
    expect(typed).toEqual(expect.arrayContaining(['Signed Cookies', 'EC2 origins']));
  });

  it('types no initialism the heading spells out', () => {
    const note = (heading: string) => lines(`# ${heading}`, '- A pilot light brings the **RTO** down to tens of minutes, because the core database already runs in the second region');
    expect(questions(note('Recovery Time Objective')).filter((q) => q.kind === 'typed')).toEqual([]);
    expect(questions(note('Disaster recovery')).filter((q) => q.kind === 'typed').map((q) => q.answers[0])).toEqual(['RTO']);
  });

  it('compares no two steps of a hands-on write-up, and still two kinds of a thing', () => {
    const lab = lines(
      '# SQS FIFO queues',
      '## Ordering and deduplication',
      '1. Testing group IDs',
      '    - Sent six messages for two users',
      '    - Overall order across both users was not kept',
      '2. Testing deduplication IDs',
      '    - Sent one body many times',
      '    - Only a single copy stayed available',
    );
    expect(questions(lab).filter((q) => [q.prompt, ...q.answers, ...q.distractors].join(' ').includes('Testing'))).toEqual([]);
    const kinds = questions(lab.replace('Testing group IDs', 'Message group ID').replace('Testing deduplication IDs', 'Deduplication ID'));
    expect(kinds.some((q) => q.factKind === 'attribute' && q.prompt.includes('Message group ID or Deduplication ID'))).toBe(true);
  });
});

describe('7d. what a lesson covers, a step-by-step guide, the exam\'s own strategy', () => {
  it('asks nothing of a line about the course itself ("This lesson covers …", "In this section, we …")', () => {
    const qs = questions(lines('# AWS CloudFormation: Conditions and `Fn::If`', '', '## Introduction', '', '- This video introduces **CloudFormation Conditions**, a feature used to make **optional** and **environment-aware** templates.', '- In this section, we will set up **Multi-Factor Authentication (MFA)** for the root user of the account.', '- Welcome to the demo lesson on making a first **Amazon S3** bucket in the console.', '- A template holds up to 200 parameters, and a condition may refer to any of them.', '', '## What are Conditions?', '', '- A top-level section beside `Resources` and `Parameters`.'));
    expect(qs.filter((q) => /video|this section|welcome/i.test(q.prompt))).toEqual([]);
    expect(qs.some((q) => q.answers[0] === '200')).toBe(true);
  });

  it('asks nothing under a "Step-by-Step Guide" (a walk-through), though a "Step-by-Step Evaluation" of rules is asked', () => {
    const guide = questions(lines('# Windows password', '## Step-by-Step Process', '### Getting the password', '- Upload the **SSH key pair** made earlier so EC2 can decrypt the Administrator password for you.', '- Then the **RDP client** opens a session with the password shown.'));
    expect(guide).toEqual([]);
    const rules = questions(lines('# Network ACLs', '## Step-by-Step Evaluation', '- Rules are read in order, lowest number first, and a network ACL holds up to 20 rules each way.'));
    expect(rules.some((q) => q.answers[0] === '20')).toBe(true);
  });

  it('asks nothing of the notes\' own table of contents', () => {
    const qs = questions(lines('# My AWS vault', '', '## 📚 Table of Contents', '', '### [[10 - Messaging/SQS|10 - Messaging]]', '* [[10 - Messaging/SQS - Simple Queue Service|SQS - Simple Queue Service]]', '* [[10 - Messaging/SNS - Simple Notification Service|SNS - Simple Notification Service]]', '* [[10 - Messaging/EventBridge|EventBridge]]', '', '### [[11 - Identity/IAM|11 - Identity]]', '* [[11 - Identity/IAM Basics|IAM Basics]]', '* [[11 - Identity/Cognito - User Pools|Cognito - User Pools]]', '* [[11 - Identity/STS - Security Token Service|STS - Security Token Service]]', '', '### [[12 - Analytics/Athena|12 - Analytics]]', '* [[12 - Analytics/Athena|Athena]]', '* [[12 - Analytics/Glue|Glue]]', '* [[12 - Analytics/Redshift|Redshift]]', '', '### [[13 - Serverless/Lambda|13 - Serverless]]', '* [[13 - Serverless/Lambda|Lambda]]', '* [[13 - Serverless/API Gateway|API Gateway]]', '* [[13 - Serverless/Step Functions|Step Functions]]'));
    expect(qs).toEqual([]);
  });

  it('asks nothing of a table of exam strategy ("Exam Strategy › Phase 2: Action?")', () => {
    const qs = questions(lines('# Exam Strategy and Techniques', '## Summary', '', '| Pass | Action | Time |', '| --- | --- | --- |', '| Pass 1 | Answer the quick ones | 60 minutes |', '| Pass 2 | Work the medium ones | 50 minutes |', '| Pass 3 | Return to the hard ones | 20 minutes |'));
    expect(qs).toEqual([]);
  });
});

describe('7c. hard-wrapped prose read as the sentences it holds', () => {
  it('reads a decimal comma before a share as a decimal point ("99,99% availability"), not two numbers', () => {
    const qs = questions(lines('# S3 Standard', '- Gets 99,99% availability over a year', '- Up to 3,500 PUT requests per second per prefix'));
    const share = qs.find((q) => q.prompt.includes('availability over a year'));
    expect(share?.answers).toEqual(['99.99%']);
    expect(qs.some((q) => q.answers[0] === '3,500')).toBe(true);
  });

  it('reads a definition list ("**Query**" / ": reads one partition" / ": narrows by sort key") as one statement per definition', () => {
    const qs = questions(lines('# DynamoDB', '## Read operations', '', '**Query**  ', ': Reads the items that share one partition key  ', ': Can narrow them by a sort key condition  ', ': Costs less than reading the whole table', '', '**Scan**  ', ': Reads every item of the table, page by page  ', ': Can drop items with a filter expression  ', ': Costs more, since it reads the whole table'));
    const said = qs.flatMap((q) => [...q.prompt.matchAll(/“([^”]*)”/g)].map((m) => m[1]!)).concat(qs.flatMap((q) => q.answers));
    expect(said.filter((t) => /: /.test(t) || /key:|condition:/.test(t))).toEqual([]);
    expect(qs.some((q) => q.prompt.includes('“Reads every item of the table, page by page”') && q.answers[0] === 'Scan')).toBe(true);
  });

  it('joins a line cut after a word no sentence ends on, a number cut from its unit, and a parenthesis that goes on', () => {
    const qs = questions(lines('# Snowball', '', 'Over the file interface a device usually copies between', '30 MB/s and 50 MB/s. The S3 adapter reaches far more.', '', '# EFS', '', 'Most teams find that 70% of files sit idle', '(and belong in the IA class), while the rest stay in Standard.'));
    const shown = qs.map((q) => q.prompt);
    expect(shown.some((p) => p.includes('between 30 MB/s and') || p.includes('between ____ and 50 MB/s'))).toBe(true);
    for (const p of shown) {
      expect(p).not.toMatch(/“(?:____|\d+) ?MB\/s and/);
      expect(p).not.toMatch(/“\(and belong/);
    }
  });

  it('keeps lines typed one statement each apart, even when one ends on "to" or "are"', () => {
    const qs = questions(lines('# IAM policy elements', '', 'Effect: Allow or Deny', 'Principal: the account or user the policy applies to', 'Action: the API calls that the statement allows or denies', 'Resource: the ARNs of the things the statement covers'));
    expect(qs.some((q) => q.prompt.includes('Action') || q.answers.includes('Action'))).toBe(true);
    for (const q of qs) expect([q.prompt, ...q.answers].join(' ')).not.toMatch(/applies to Action/);
  });
});

describe('8. recall: what used to go unasked', () => {
  it('compares the plain bullets under two headings that name two of one kind ("Standard queue" / "FIFO queue"), and not under any two chapters', () => {
    const qs = questions(lines('# SQS', '## Queue types', '### Standard queue', '- A message may be delivered more than once to the consumers', '- Messages can arrive in a different order than they were sent', '### FIFO queue', '- Messages in one message group keep the order in which they were sent'));
    expect(qs.some((q) => q.prompt.includes('Standard queue or FIFO queue: which one does this describe: “A message may be delivered more than once') && q.answers[0] === 'Standard queue')).toBe(true);
    const chapters = questions(lines('# SQS', '## Queue types', '### Delivery', '- A message may be delivered more than once to the consumers', '### Billing', '- Every request is billed in chunks of sixty four kilobytes of payload'));
    expect(chapters.filter((q) => /Delivery or Billing/.test(q.prompt))).toEqual([]);
    // A practice question's graded options are no kinds of a thing.
    const graded = questions(lines('# Spot quiz', '## Answers', '### All Spot Instances — Incorrect', '- The batch would stop whenever capacity is taken back by AWS', '### All Reserved Instances — Incorrect', '- The company would pay for capacity that sits idle most of the year'));
    expect(graded.filter((q) => /Incorrect/.test(q.prompt))).toEqual([]);
  });

  it('asks a plain sentence that opens with a service, among services of its kind', () => {
    const qs = questions(lines('# Messaging', '- SQS keeps a message for four days unless told otherwise'));
    const q = qs.find((x) => x.answers[0] === 'SQS');
    expect(q?.prompt).toContain('____ keeps a message');
    expect(q?.distractors).toHaveLength(3);
  });

  it('writes every wrong value the way the note writes the answer', () => {
    const qs = questions(lines('# SQS polling', '- Long polling waits from 1 second up to 20 seconds', '- Visibility timeout default: 30 sec', '- Delivery delay default: 0 sec, up to 900 sec'));
    const q = qs.find((x) => x.answers[0] === '20 seconds');
    expect(q?.distractors.length).toBeGreaterThanOrEqual(2);
    for (const d of q!.distractors) expect(d).toMatch(/^\d+ seconds?$/);
  });

  it('keeps the dashes of a command-line flag in a term', () => {
    const qs = questions(lines('# AWS CLI options', '- **--dry-run**: checks the permission for an action without making it', '- **--profile**: picks the named profile whose credentials to use', '- **--output**: picks the format of one command\'s output'));
    expect(qs.some((q) => q.kind === 'flip' && q.prompt.endsWith('what is “--dry-run”?'))).toBe(true);
  });

  it('offers a share only round values, never powers of two', () => {
    const qs = questions(lines('# Disaster recovery', '- A hot standby site doubles the bill: 200% of the infrastructure cost'));
    const share = qs.find((q) => q.answers[0] === '200%');
    expect(share?.distractors).toHaveLength(3);
    for (const d of share!.distractors) expect(d).not.toMatch(/\b(2,?048|4,?096|128|256|512)\b/);
  });

  it('offers services that do the same job as wrong choices before others of the category', () => {
    const qs = questions(lines('# Security services', '- Amazon Inspector keeps scanning EC2 instances, container images and Lambda functions for software vulnerabilities and unintended network exposure'));
    const q = qs.find((x) => x.answers[0] === 'Amazon Inspector');
    expect(q?.distractors).toHaveLength(3);
    for (const d of q!.distractors) expect(['GuardDuty', 'Macie', 'Security Hub', 'Amazon Detective', 'Security Lake']).toContain(d);
  });

  it('offers every other kind of load balancer against one, though their names share words', () => {
    const qs = questions(lines('# Load balancing', '- NLB keeps one static IP address in each Availability Zone, which suits allow-lists of partner firewalls'));
    const q = qs.find((x) => x.answers[0] === 'NLB');
    expect(q?.distractors).toEqual(expect.arrayContaining(['ALB', 'GWLB']));
  });

  it('asks every number of a line, and both ends of a range', () => {
    const qs = questions(lines('# SQS', '- Retention can be set from 1 minute to 14 days, and is 4 days by default'));
    expect(qs.map((q) => q.answers[0]).sort()).toEqual(expect.arrayContaining(['14 days', '4 days']));
  });

  it('asks a definition forward, and a pair of alike terms as a comparison', () => {
    const qs = questions(lines('# SQS queue types', '- **Standard queue**: delivers each message at least once, in roughly the order sent', '- **FIFO queue**: keeps the order of each message group and processes each message once'));
    expect(qs.some((q) => q.kind === 'flip' && q.prompt.endsWith('what is “Standard queue”?') && q.answers[0] === 'delivers each message at least once, in roughly the order sent')).toBe(true);
    expect(qs.some((q) => q.kind === 'single' && q.prompt.includes('Standard queue or FIFO queue: which one does this describe') && q.answers[0] === 'FIFO queue')).toBe(true);
  });

  it('turns no back of five words or fewer into a card: alone it fits many terms (graded r7–r23: 61 % good)', () => {
    const qs = questions(lines('# Load balancer algorithms', '- **Round robin**: takes each target in turn', '- **Least outstanding**: sends each new call to the target that has the fewest still open'));
    const cards = qs.filter((q) => q.kind === 'flip').map((q) => q.prompt);
    expect(cards.some((p) => p.endsWith('what is “Least outstanding”?'))).toBe(true);
    expect(cards.some((p) => p.endsWith('what is “Round robin”?'))).toBe(false);
  });

  it('does not ask which of three or more siblings a line describes (graded good less than half the time)', () => {
    const qs = questions(lines('# SQS', '- **Visibility timeout**: hides a received message from the other consumers', '- **Delay queue**: postpones the delivery of every new message', '- **Long polling**: waits for messages to arrive before answering'));
    expect(qs.filter((q) => q.kind === 'single' && q.factKind === 'attribute')).toEqual([]);
    expect(qs.filter((q) => q.kind === 'flip').map((q) => q.answers[0])).toHaveLength(3);
  });
});
