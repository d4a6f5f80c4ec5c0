// Service profiles (src/notes/profiles.ts): the plain bullets under a service's heading asked together as
// "which service is this?" — issue 14, kind 8 (plain sentence bullets under a heading were never asked).
// Notes written for this test.
import { describe, expect, it } from 'vitest';
import { analyzeOptions } from '../../src/app/analyzers.js';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { analyzeNote } from '../../src/notes/analyze.js';
import { headingService } from '../../src/notes/profiles.js';

const options = analyzeOptions(loadCatalogue());
const questions = (note: string) => analyzeNote(note, options).questions;
const profiles = (note: string) => questions(note).filter((q) => q.features.form_profile === 1);
const lines = (...l: string[]) => l.join('\n');

describe('service profiles', () => {
  const warehouse = lines(
    '# Redshift',
    '- Keeps table data in columns, which suits queries that scan a few fields of billions of rows',
    '- Spreads each query over many compute nodes that work in parallel',
    '- Reporting tools such as Tableau connect to it over JDBC and ODBC',
  );

  it('asks which service the bullets under its heading describe, with services of the same job as wrong answers', () => {
    const [q, ...rest] = profiles(warehouse);
    expect(rest).toEqual([]);
    expect(q!.kind).toBe('single');
    expect(q!.answers).toEqual(['Redshift']);
    expect(q!.prompt).toMatch(/^Which service is this: “Keeps table data in columns/);
    expect(q!.prompt).toContain('Spreads each query over many compute nodes');
    expect(q!.prompt).not.toMatch(/Redshift/);
    expect(q!.distractors).toHaveLength(3);
    expect(q!.distractors).not.toContain('Redshift');
  });

  it('reads a heading as the service only when it names the service as a whole', () => {
    const services = options.services!;
    expect(headingService('Amazon Redshift', services)?.id).toBe('redshift');
    expect(headingService('SQS: Simple Queue Service', services)?.id).toBe('sqs');
    expect(headingService('Lambda Overview', services)?.id).toBe('lambda');
    expect(headingService('EFS (Elastic File System)', services)?.id).toBe('efs');
    expect(headingService('KMS (Key Management Service)', services)?.id).toBe('kms');
    expect(headingService('What can API Gateway do?', services)?.id).toBe('api-gateway');
    expect(headingService('AWS GuardDuty', services)?.id).toBe('guardduty');
    expect(headingService('What is a Lambda layer?', services)).toBeNull();
    // A part the catalogue files under a service is not the service: its bullets describe the part.
    expect(headingService('Lambda@Edge', services)).toBeNull();
    expect(headingService('Origin Access Identity', services)).toBeNull();
    expect(headingService('Kinesis Streams', services)?.id).toBe('kinesis-data-streams');
    expect(headingService('Kinesis Data Firehose', services)?.id).toBe('data-firehose');
    expect(headingService('Lambda Versions and Aliases', services)).toBeNull();
    expect(headingService('SQS - Long polling', services)).toBeNull();
    expect(headingService('Costs and billing', services)).toBeNull();
  });

  it('leaves out a bullet that leans on the one before it ("This is …"), an author\'s "NOTE:", and an "X vs Y" line', () => {
    const leaning = warehouse.replace('- Reporting tools such as Tableau connect to it over JDBC and ODBC', '- Reporting tools such as Tableau connect to it over JDBC and ODBC\n- This is done by a leader node that plans the work for the others\n- NOTE: the console page for it was redesigned this spring, use the old one\n- Star schema vs snowflake schema vs flat wide tables');
    const qs = profiles(leaning);
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      expect(q.prompt).not.toContain('This is done by a leader node');
      expect(q.prompt).not.toContain('NOTE:');
      expect(q.prompt).not.toContain(' vs ');
    }
    // "It" under the service's own heading is the service: such a bullet is still a clue.
    const own = profiles(warehouse.replace('- Spreads each query over many compute nodes that work in parallel', '- It spreads each query over many compute nodes that work in parallel'));
    expect(own[0]!.prompt).toContain('It spreads each query over many compute nodes');
  });

  it('asks no profile of two short lines, which fit many services between them', () => {
    expect(profiles(lines('# ElastiCache', '- Scales reads with replica nodes', '- Multi AZ with automatic failover'))).toEqual([]);
    // One line that says more makes the pair a profile.
    expect(profiles(lines('# ElastiCache', '- Scales reads with replica nodes', '- Keeps hot data in memory so repeated queries skip the database entirely'))).toHaveLength(1);
  });

  it('leaves out a bullet that answers a question the note asked before it ("Yes, …")', () => {
    const answered = warehouse.replace('- Reporting tools such as Tableau connect to it over JDBC and ODBC', '- Reporting tools such as Tableau connect to it over JDBC and ODBC\n- Yes, it can also query the files that stay in S3 without loading any of them into the cluster first');
    const [q] = profiles(answered);
    expect(q!.prompt).not.toContain('Yes, it can also query');
  });

  it('leaves out a bullet that only announces a list ("There are two deployment modes")', () => {
    const announced = warehouse.replace('- Reporting tools such as Tableau connect to it over JDBC and ODBC', '- There are three node types to choose from');
    for (const q of profiles(announced)) expect(q.prompt).not.toContain('There are three node types');
    expect(profiles(warehouse.replace('- Reporting tools such as Tableau connect to it over JDBC and ODBC', '- Three node types let you trade storage against compute'))).toHaveLength(1);
  });

  it('leaves out a bullet the note cut off mid-clause, and asks the rest', () => {
    const cut = warehouse.replace('- Spreads each query over many compute nodes that work in parallel', '- Spreads each query over many compute nodes that work in parallel, and\n- Keeps query results in a cache for repeated dashboard queries -');
    const [q, ...rest] = profiles(cut);
    expect(rest).toEqual([]);
    expect(q!.prompt).toContain('Keeps table data in columns');
    expect(q!.prompt).not.toMatch(/work in parallel, and”|dashboard queries -”/);
  });

  it('makes no profile from a sub-topic, from steps of a walk-through, or from bullets that name the service', () => {
    expect(profiles(warehouse.replace('# Redshift', '# Redshift Spectrum pricing and limits'))).toEqual([]);
    expect(profiles(lines('# SQS', '- Create a queue in the console with default settings', '- Send three test messages from the console page', '- Poll for messages and delete each one you read'))).toEqual([]);
    expect(profiles(lines('# Redshift', '- Redshift keeps table data in columns for analytical scans', '- Redshift spreads each query over many compute nodes in parallel'))).toEqual([]);
  });

  it('needs two statements that say enough: one bullet, or a pitch any service could make, is not asked', () => {
    expect(profiles(lines('# Redshift', '- Keeps table data in columns, which suits queries that scan a few fields'))).toEqual([]);
    expect(profiles(lines('# Redshift', '- It is fully managed by AWS for you', '- You pay only for what you use there'))).toEqual([]);
  });
});

describe('service profiles: what gives the answer away or is the course talking', () => {
  it('leaves out a profile whose bullets spell the whole name or write its initials', () => {
    expect(profiles(lines('# DMS', '- Moves your databases to AWS while the source keeps running', '- Can migrate from one engine to another with the schema tool'))).toEqual([]);
    expect(profiles(lines('# CloudFormation', '- Templates are written in JSON or YAML and describe whole stacks', '- When a CF update fails the stack rolls back to the last working state'))).toEqual([]);
  });

  it('does not take the course talking as a property of the service', () => {
    const qs = profiles(lines('# ECR', '- So far we have pulled every image from a public registry', '- Pushes and pulls are allowed or denied by IAM policies on the repository', '- Images are scanned for known vulnerabilities when they are pushed'));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.prompt).not.toMatch(/So far we/);
  });
});

// Issue 14, kind 4 (wrong choices that are also right): a service and its whole or its parts are not
// alternatives — what holds of Aurora mostly holds of RDS, what holds of a CloudFormation template of SAM's.
describe('no wrong answer that is the whole or a part of the right one', () => {
  const wrong = (note: string) => questions(note).filter((q) => q.kind === 'single' && (q.features.form_profile === 1 || q.features.form_sentence === 1)).flatMap((q) => q.distractors);
  // Each note: its bullets, and the services no wrong answer may be. RDS's questions offer none of its parts.
  const cases: Array<[string, string[], string[]]> = [
    ['Aurora', ['Keeps six copies of your data spread over three Availability Zones', 'Its cluster volume grows by itself as you store more rows', 'A reader endpoint balances connections across the replicas'], ['RDS']],
    ['DAX', ['Sits in front of a table and answers repeated reads from memory', 'Brings read latency from milliseconds down to microseconds', 'Needs no change to the application beyond pointing the client at the cluster'], ['DynamoDB']],
    ['CloudFormation', ['Templates are written in YAML or JSON and describe every resource of a stack', 'A change set previews what an update will replace before it runs', 'Deleting a stack removes the resources it created unless a retain policy keeps them'], ['SAM', 'CDK']],
    ['RDS', ['Takes a daily snapshot of the instance during the backup window you choose', 'A standby in another Availability Zone takes over when the primary fails', 'Patches the database engine during a weekly maintenance window'], ['Aurora']],
  ];
  it.each(cases)('never offers its whole or its parts against %s', (service, bullets, never) => {
    const offered = wrong(lines(`# ${service}`, ...bullets.map((b) => `- ${b}`)));
    expect(offered.length).toBeGreaterThanOrEqual(3);
    for (const n of never) expect(offered).not.toContain(n);
  });
});
