import { describe, expect, it } from 'vitest';
import { headWord, nameShape, namesKinds, sameKind } from '../../src/notes/kinds.js';

describe('name shapes', () => {
  it('tells acronyms, code names, words, phrases, clauses and numbers apart', () => {
    expect(nameShape('NLB')).toBe('acronym');
    expect(nameShape('SSE-KMS')).toBe('acronym');
    expect(nameShape('ListBuckets')).toBe('identifier');
    expect(nameShape('Jobs.Retry')).toBe('identifier');
    expect(nameShape('MAX_ITEMS')).toBe('identifier');
    expect(nameShape('batch-size')).toBe('identifier');
    expect(nameShape('Spot')).toBe('word');
    expect(nameShape('Cold Storage Tier (HDD)')).toBe('phrase');
    expect(nameShape('At-least-once delivery')).toBe('phrase');
    expect(nameShape('Watches an endpoint')).toBe('clause');
    expect(nameShape('From the web page')).toBe('clause');
    expect(nameShape('Without a password')).toBe('clause');
    expect(nameShape('Up to 8 nodes')).toBe('clause');
    expect(nameShape('8 nodes')).toBe('number');
  });

  it('pairs names of one kind and keeps apart the others', () => {
    expect(sameKind('NLB', 'GWLB')).toBe(true);
    expect(sameKind('ListBuckets', 'GetObject')).toBe(true);
    expect(sameKind('Immutable', 'All at once')).toBe(true);
    expect(sameKind('NLB', 'Average Disk Throughput')).toBe(false);
    expect(sameKind('PutItem', 'default page size')).toBe(false);
    expect(sameKind('Rolling', 'Watches an endpoint')).toBe(false);
    expect(sameKind('Blue/green', '10 minutes')).toBe(false);
  });

  it('finds the head word of a name', () => {
    expect(headWord('Session policies')).toBe('policy');
    expect(headWord('Writer Endpoint (primary)')).toBe('endpoint');
  });

  it('knows labels that name a set from labels that name a topic', () => {
    expect(namesKinds('Routing Policies')).toBe(true);
    expect(namesKinds('3 ways to store secrets')).toBe(true);
    expect(namesKinds('Commands to remember')).toBe(true);
    expect(namesKinds('Queue Types')).toBe(true);
    expect(namesKinds('Kinesis')).toBe(false);
    expect(namesKinds('Access')).toBe(false);
    expect(namesKinds('CLI, SDK & Roles')).toBe(false);
  });
});
