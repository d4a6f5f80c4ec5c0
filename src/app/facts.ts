import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { compileFacts, type FactIndex, type FactsFile } from '../facts/outdated.js';
import { dataDir } from './paths.js';

let loaded: { index: FactIndex; stamp: string } | undefined;

/** Bump when the matcher (src/facts) judges differently: stored questions are then judged again. */
export const MATCHER_VERSION = 1;

/** data/aws-facts.json, parsed once per process, with a stamp of its content and the matcher's version. */
export function awsFacts(): { index: FactIndex; stamp: string } {
  if (!loaded) {
    const text = readFileSync(join(dataDir, 'aws-facts.json'), 'utf8');
    const stamp = `m${MATCHER_VERSION}:${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
    loaded = { index: compileFacts(JSON.parse(text) as FactsFile), stamp };
  }
  return loaded;
}
