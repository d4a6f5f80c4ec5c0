import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compileFacts, type FactsFile } from '../../src/facts/outdated.js';
import { parseQuantity, sameAmount } from '../../src/facts/quantity.js';
import { root } from '../helpers/cli.js';

const file = JSON.parse(readFileSync(join(root, 'data', 'aws-facts.json'), 'utf8')) as FactsFile;
const schema = JSON.parse(readFileSync(join(root, 'data', 'aws-facts.schema.json'), 'utf8')) as object;
const services = new Set((JSON.parse(readFileSync(join(root, 'data', 'services.json'), 'utf8')) as { services: Array<{ id: string }> }).services.map((s) => s.id));

describe('data/aws-facts.json', () => {
  it('follows its JSON schema', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(file);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('holds at least 200 facts with unique ids, each of a catalogued service', () => {
    expect(file.facts.length).toBeGreaterThanOrEqual(200);
    const ids = file.facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(file.facts.filter((f) => !services.has(f.service)).map((f) => `${f.id}: ${f.service}`)).toEqual([]);
  });

  it('names discontinued features with unique ids, each of a catalogued service, whose wordings all compile', () => {
    const retired = file.retired ?? [];
    expect(retired.length).toBeGreaterThan(0);
    const ids = retired.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(retired.filter((f) => !services.has(f.service)).map((f) => `${f.id}: ${f.service}`)).toEqual([]);
    expect(compileFacts(file).retired.features.map((f) => f.feature.id)).toEqual(ids);
  });

  it('parses: every value is one quantity, a fact measures one thing, and min ≤ default ≤ max', () => {
    expect(() => compileFacts(file)).not.toThrow();
    for (const f of file.facts) {
      const q = (s: string | undefined) => (s === undefined ? undefined : parseQuantity(s));
      const [min, def, max] = [q(f.min), q(f.default), q(f.max)];
      if (min && max) expect(min.value, f.id).toBeLessThanOrEqual(max.value);
      if (def && max) expect(def.value, f.id).toBeLessThanOrEqual(max.value);
      if (def && min) expect(def.value, f.id).toBeGreaterThanOrEqual(min.value);
      if (f.bare) expect(f[f.bare], `${f.id}: bare "${f.bare}" names a value it has`).toBeDefined();
      // An earlier value that equals the current one would be no change at all.
      const current = [f.value, f.max, f.atLeast].filter((v): v is string => v !== undefined).map(parseQuantity);
      for (const was of f.was ?? []) if (!f.min && !f.default) expect(current.some((c) => sameAmount(c, parseQuantity(was))), `${f.id}: was ${was}`).toBe(false);
    }
  });
});
