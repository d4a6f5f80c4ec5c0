import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { compileFacts, type FactIndex, type FactsFile } from '../facts/outdated.js';
import { dataDir } from './paths.js';

/** Bump when the matcher (src/facts) judges differently: stored questions are then judged again. */
export const MATCHER_VERSION = 20;

let text: string | undefined;
let stamp: string | undefined;
let index: FactIndex | undefined;

/**
 * data/aws-facts.json, read once per process: a stamp of its content and the matcher's version (cheap: what
 * study and exam check on start), and the facts compiled for matching (on first use only).
 */
export function awsFacts(): { readonly stamp: string; readonly index: FactIndex } {
  text ??= readFileSync(join(dataDir, 'aws-facts.json'), 'utf8');
  stamp ??= `m${MATCHER_VERSION}:${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
  const source = text;
  return {
    stamp,
    get index() {
      return (index ??= compileFacts(JSON.parse(source) as FactsFile));
    },
  };
}
