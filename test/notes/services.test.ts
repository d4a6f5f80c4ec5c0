import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serviceLookup, serviceMatcher, type Catalogue } from '../../src/notes/services.js';
import { loadCatalogue } from '../../src/app/catalogue.js';

function service(id: string, name: string, fullName: string, aliases: string[]) {
  return { id, name, fullName, aliases, category: 'Test', domains: {} };
}

const catalogue: Catalogue = {
  services: [
    service('s3', 'S3', 'Amazon Simple Storage Service', ['Amazon S3', 'S3 bucket']),
    service('glacier', 'S3 Glacier', 'Amazon S3 Glacier', ['Glacier']),
    service('sqs', 'SQS', 'Amazon Simple Queue Service', []),
    service('ecs', 'ECS', 'Amazon Elastic Container Service', []),
  ],
  topics: [],
};

describe('serviceMatcher', () => {
  const m = serviceMatcher(catalogue);

  it('finds services by name, full name and alias, case-insensitively', () => {
    expect(m.find('Send it to SQS')).toEqual(['sqs']);
    expect(m.find('amazon simple queue service')).toEqual(['sqs']);
    expect(m.find('an s3 BUCKET policy')).toEqual(['s3']);
    expect(m.find('archive to glacier')).toEqual(['glacier']);
  });

  it('lists each service once, in order of first mention', () => {
    expect(m.find('ECS, SQS. Then ecs again and Amazon SQS')).toEqual(['ecs', 'sqs']);
  });

  it('matches whole words only', () => {
    expect(m.find('SQSX and ECS2 and pecs')).toEqual([]);
  });

  it('prefers the longest name: "S3 Glacier" is Glacier, not S3', () => {
    expect(m.find('Store it in S3 Glacier')).toEqual(['glacier']);
    expect(m.find('Amazon S3 Glacier or S3 Standard')).toEqual(['glacier', 's3']);
  });

  it('finds nothing in text without services, or with an empty catalogue', () => {
    expect(m.find('no services here')).toEqual([]);
    expect(serviceMatcher({ services: [], topics: [] }).find('S3 and SQS')).toEqual([]);
  });

  it('treats regex characters in names literally', () => {
    const odd = serviceMatcher({ services: [service('cpp', 'C++ SDK', 'AWS SDK for C++', ['SDK (C++)'])], topics: [] });
    expect(odd.find('use the sdk (c++) here')).toEqual(['cpp']);
    expect(odd.find('C SDK')).toEqual([]);
  });
});

describe('data/services.json', () => {
  const data = new URL('../../data/', import.meta.url);
  const cat = JSON.parse(readFileSync(new URL('services.json', data), 'utf8')) as Catalogue;
  const exams = new Map<string, { code: string; domains: Array<{ slug: string; weight: number }> }>();
  for (const f of readdirSync(new URL('exams/', data)).filter((n) => n.endsWith('.json'))) {
    const e = JSON.parse(readFileSync(new URL(`exams/${f}`, data), 'utf8')) as { code: string; domains: Array<{ slug: string; weight: number }> };
    exams.set(e.code, e);
  }

  it('has exam files named after their code', () => {
    expect([...exams.keys()].sort()).toEqual(
      readdirSync(new URL('exams/', data))
        .filter((n) => n.endsWith('.json'))
        .map((n) => n.replace(/\.json$/, ''))
        .sort(),
    );
    expect(exams.size).toBeGreaterThan(0);
  });

  it('has unique service ids', () => {
    const ids = cat.services.map((s) => s.id);
    expect(ids.length).toEqual(new Set(ids).size);
  });

  it('never gives the same name or alias to two services (case-insensitive)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const s of cat.services) {
      for (const n of new Set([s.name, s.fullName, ...s.aliases].map((x) => x.toLowerCase()))) {
        const other = owner.get(n);
        if (other !== undefined && other !== s.id) clashes.push(`${n}: ${other} / ${s.id}`);
        owner.set(n, s.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('uses only domain slugs that exist in the exam blueprint', () => {
    const bad: string[] = [];
    const entries = [...cat.services.map((s) => ({ name: s.id, domains: s.domains })), ...cat.topics.map((t) => ({ name: t.keywords[0] ?? '?', domains: t.domains }))];
    for (const e of entries) {
      for (const [code, slugs] of Object.entries(e.domains)) {
        const exam = exams.get(code);
        if (!exam) {
          bad.push(`${e.name}: unknown exam ${code}`);
          continue;
        }
        for (const slug of slugs) if (!exam.domains.some((d) => d.slug === slug)) bad.push(`${e.name}: ${code}/${slug}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has exam domain weights that sum to 100', () => {
    const sums = [...exams.values()].map((e) => [e.code, e.domains.reduce((a, d) => a + d.weight, 0)]);
    expect(sums).toEqual([...exams.keys()].map((code) => [code, 100]));
  });

  it('has a matcher that recognises the common services by name', () => {
    const m = serviceMatcher(cat);
    expect(m.find('EC2 instances behind an ALB')).toContain('ec2');
    expect(m.find('a Lambda function')).toEqual(['lambda']);
  });
});

describe('services that could stand in for one (data/services.json groups)', () => {
  const lookup = serviceLookup(loadCatalogue());
  const ids = (id: string) => lookup.alike(id).map((s) => s.id);

  it('lists the services of the same job first, across categories, then the rest of the category', () => {
    const inspector = ids('inspector');
    // Security Hub, which gathers Inspector's findings, overlaps it and stands in for it no more.
    expect(inspector.slice(0, 4).sort()).toEqual(['detective', 'guardduty', 'macie', 'security-lake']);
    expect(inspector).toContain('kms');
    expect(ids('cloudformation').slice(0, 4)).toEqual(expect.arrayContaining(['elastic-beanstalk', 'service-catalog']));
  });

  it('keeps a service apart from the group of its own capabilities (AppConfig is a part of Systems Manager)', () => {
    const group = lookup.alike('appconfig').filter((s) => s.group === lookup.entry('appconfig')!.group);
    expect(group.map((s) => s.id)).not.toContain('systems-manager');
    expect(group.length).toBeGreaterThanOrEqual(3);
  });
});

describe('parts and overlaps in data/services.json', () => {
  const cat = loadCatalogue();
  const lookup = serviceLookup(cat);
  const ids = (id: string) => lookup.alike(id).map((s) => s.id);

  it('names only services the catalogue has as wholes and overlaps, never the service itself', () => {
    const known = new Set(cat.services.map((s) => s.id));
    const bad = cat.services.flatMap((s) => [...(s.partOf ? [s.partOf] : []), ...(s.overlaps ?? [])].filter((t) => !known.has(t) || t === s.id).map((t) => `${s.id} → ${t}`));
    expect(bad).toEqual([]);
  });

  it('keeps a whole and its parts, and overlapping services, out of each other’s stand-ins', () => {
    expect(ids('aurora')).not.toContain('rds');
    expect(ids('rds')).not.toContain('aurora');
    expect(ids('dax')).not.toContain('dynamodb');
    expect(ids('cloudformation')).not.toContain('sam');
    expect(ids('cloudformation')).not.toContain('cdk');
    expect(ids('trusted-advisor')).not.toContain('compute-optimizer');
    expect(ids('compute-optimizer')).not.toContain('trusted-advisor');
    // Security Hub gathers the findings of GuardDuty, Inspector and Macie; Cost Explorer and Budgets are parts of
    // the billing console; Managed Grafana draws CloudWatch's metrics (each a second right answer, graded blind).
    expect(ids('guardduty')).not.toContain('security-hub');
    expect(ids('security-hub')).not.toContain('inspector');
    expect(ids('cost-explorer')).not.toContain('billing');
    expect(ids('cloudwatch')).not.toContain('managed-grafana');
    expect(ids('guardduty')).toContain('inspector');
    // Two parts of one whole are still alternatives to each other: SAM or CDK.
    expect(ids('sam')).toContain('cdk');
    expect(ids('aurora')).toContain('dynamodb');
  });
});
