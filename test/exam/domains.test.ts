import { describe, expect, it } from 'vitest';
import { defaultExam, domainMapper } from '../../src/exam/domains.js';
import type { Catalogue } from '../../src/notes/services.js';
import { blueprint, catalogue, question } from './helpers.js';

describe('domainMapper with the real catalogue (DVA-C02)', () => {
  const map = domainMapper(catalogue(), blueprint('DVA-C02'));

  it('lets front matter win over services, for this exam or no exam, by slug, name or prefix', () => {
    expect([
      map(question('a', { exam: 'DVA-C02', domain: 'security', services: ['lambda'] })),
      map(question('b', { exam: null, domain: 'deploy', services: ['iam'] })),
      map(question('c', { exam: 'dva-c02', domain: 'Troubleshooting and Optimization', services: ['kms'] })),
      map(question('d', { exam: null, domain: '4', services: [] })),
    ]).toEqual(['security', 'deployment', 'troubleshooting', 'troubleshooting']);
  });

  it("ignores front matter written for another exam or naming no domain of this one, and falls back to services", () => {
    expect([
      map(question('a', { exam: 'SAA-C03', domain: 'security', services: ['codedeploy'] })),
      map(question('b', { exam: 'DVA-C02', domain: 'networking', services: ['cloudwatch'] })),
      map(question('c', { exam: 'DVA-C02', domain: 'de', services: ['sqs'] })),
    ]).toEqual(['deployment', 'troubleshooting', 'development']);
  });

  it("takes each service's primary domain, the most frequent one, ties by blueprint order", () => {
    expect([
      map(question('a', { services: ['codedeploy'] })),
      map(question('b', { services: ['lambda', 'iam', 'kms'] })),
      map(question('c', { services: ['xray', 'iam'] })),
      map(question('d', { services: ['lambda', 'iam'] })),
      map(question('e', { services: ['no-such-service', 'cloudformation'] })),
    ]).toEqual(['deployment', 'security', 'security', 'development', 'deployment']);
  });

  it('falls back to topic keywords in the topic and prompt, as whole words', () => {
    expect([
      map(question('a', { topic: 'Release strategies', prompt: 'Which strategy keeps two environments, blue/green or canary?' })),
      map(question('b', { topic: 'Secrets', prompt: 'What does the principle of LEAST PRIVILEGE ask for?' })),
      map(question('c', { topic: 'Errors › Throttling', prompt: 'What does the client get back?' })),
      map(question('d', { topic: 'Misc', prompt: 'Is the cicdx tool a keyword?' })),
      map(question('e', { topic: 'Misc', prompt: 'Nothing here names a service or a keyword?' })),
    ]).toEqual(['deployment', 'security', 'troubleshooting', null, null]);
  });
});

describe('domainMapper with a small catalogue', () => {
  const small: Catalogue = {
    services: [
      { id: 'alpha', name: 'Alpha', fullName: 'Alpha', aliases: [], category: 'X', domains: { 'DVA-C02': ['deployment', 'security'] } },
      { id: 'beta', name: 'Beta', fullName: 'Beta', aliases: [], category: 'X', domains: { 'DVA-C02': ['security'] } },
      { id: 'drift', name: 'Drift', fullName: 'Drift', aliases: [], category: 'X', domains: { 'DVA-C02': ['not-a-domain'] } },
      { id: 'other', name: 'Other', fullName: 'Other', aliases: [], category: 'X', domains: { 'SAA-C03': ['cost'] } },
    ],
    topics: [
      { keywords: ['cache', 'write-through'], domains: { 'DVA-C02': ['troubleshooting'] } },
      { keywords: ['token'], domains: { 'DVA-C02': ['security'] } },
      { keywords: ['pipeline'], domains: { 'DVA-C02': ['deployment'] } },
      { keywords: ['budget'], domains: { 'DVA-C02': [] } },
    ],
  };
  const map = domainMapper(small, blueprint('DVA-C02'));

  it('uses only the first domain of a service, and skips services with none for this exam', () => {
    expect([
      map(question('a', { services: ['alpha'] })),
      map(question('b', { services: ['alpha', 'beta', 'beta'] })),
      map(question('c', { services: ['drift', 'other'], prompt: 'A token?' })),
    ]).toEqual(['deployment', 'security', 'security']);
  });

  it('votes across keyword topics like services, ties by blueprint order, and never matches inside words', () => {
    expect([
      map(question('a', { topic: 'Caching', prompt: 'A write-through cache?' })),
      map(question('b', { topic: 'x', prompt: 'A pipeline that passes a token?' })),
      map(question('c', { topic: 'x', prompt: 'A cached tokenizer in pipelines?' })),
      map(question('d', { topic: 'x', prompt: 'A budget?' })),
    ]).toEqual(['troubleshooting', 'security', null, null]);
  });
});

describe('defaultExam', () => {
  it('picks the exam most front matter names, upper-cased, ties alphabetical, else the fallback', () => {
    const qs = (...exams: Array<string | null>) => exams.map((exam) => ({ exam }));
    expect([
      defaultExam(qs('SAA-C03', 'saa-c03', 'DVA-C02', null, null, null)),
      defaultExam(qs('SAA-C03', 'DVA-C02')),
      defaultExam(qs('SOA-C02', 'CLF-C02')),
      defaultExam(qs(null, null)),
      defaultExam([]),
      defaultExam([], 'SAA-C03'),
    ]).toEqual(['SAA-C03', 'DVA-C02', 'CLF-C02', 'DVA-C02', 'DVA-C02', 'SAA-C03']);
  });
});
