import { describe, expect, it } from 'vitest';
import { contentId, hash32, stableOrder } from '../../src/notes/ids.js';

describe('contentId', () => {
  it('is the prefix followed by 16 hex digits, the same on every call', () => {
    const id = contentId('q', 'Spot Instances', 'up to 90% off');
    expect(id).toMatch(/^q[0-9a-f]{16}$/);
    expect(contentId('q', 'Spot Instances', 'up to 90% off')).toEqual(id);
  });

  it('is a fixed function of its input (ids stored in users\' databases must not drift)', () => {
    expect(contentId('q', 'Spot Instances', 'up to 90% off')).toEqual('qcf853a41343dd646');
  });

  it('ignores case, punctuation, articles and extra spaces', () => {
    const id = contentId('q', 'Spot Instances', 'up to 90% off');
    expect(contentId('q', 'spot  instances!', 'Up to 90% off.')).toEqual(id);
    expect(contentId('q', 'The Spot Instances', 'up to 90% off')).toEqual(id);
    expect(contentId('q', ' SPOT-instances ', 'up, to 90% off')).toEqual(id);
  });

  it('differs for different content', () => {
    const ids = new Set([
      contentId('q', 'Spot Instances', 'up to 90% off'),
      contentId('q', 'Spot Instances', 'up to 70% off'),
      contentId('q', 'Reserved Instances', 'up to 90% off'),
      contentId('q', 'Spot Instances', 'up to 90% on'),
    ]);
    expect(ids.size).toEqual(4);
  });

  it('keeps part boundaries: moving a word between parts changes the id', () => {
    expect(contentId('q', 'a b', 'c')).not.toEqual(contentId('q', 'a', 'b c'));
  });

  it('keeps the prefix apart from the hash', () => {
    expect(contentId('f', 'x').slice(1)).toEqual(contentId('q', 'x').slice(1));
    expect(contentId('f', 'x')[0]).toEqual('f');
  });
});

describe('hash32', () => {
  it('is FNV-1a over UTF-16 code units', () => {
    expect(hash32('')).toEqual(0x811c9dc5);
    expect(hash32('a')).toEqual(0xe40c292c);
  });
});

describe('stableOrder', () => {
  const items = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];

  it('gives the same order on every call with the same seed', () => {
    const first = stableOrder(items, 'seed', (x) => x);
    expect(stableOrder(items, 'seed', (x) => x)).toEqual(first);
    expect([...first].sort()).toEqual([...items].sort());
  });

  it('does not depend on the input order', () => {
    expect(stableOrder([...items].reverse(), 'seed', (x) => x)).toEqual(stableOrder(items, 'seed', (x) => x));
  });

  it('is a fixed function of seed and keys', () => {
    expect(stableOrder(['a', 'b', 'c', 'd', 'e'], 'seed', (x) => x)).toEqual(['d', 'e', 'a', 'b', 'c']);
    expect(stableOrder(['a', 'b', 'c', 'd', 'e'], 'other', (x) => x)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('orders objects by the key it is given and does not modify the input', () => {
    const objs = [{ k: 'a' }, { k: 'b' }, { k: 'c' }, { k: 'd' }, { k: 'e' }];
    const copy = objs.map((o) => ({ ...o }));
    expect(stableOrder(objs, 'seed', (o) => o.k).map((o) => o.k)).toEqual(['d', 'e', 'a', 'b', 'c']);
    expect(objs).toEqual(copy);
  });
});
