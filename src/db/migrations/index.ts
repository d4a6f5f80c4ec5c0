import { sql as initial } from './0001-initial.js';
import { sql as questionIndex } from './0002-question-index.js';
import { sql as indexStats } from './0003-index-stats.js';
import { sql as sourcesAndClaims } from './0004-sources-and-claims.js';

/** Every migration in order; `user_version` is the number of migrations applied. */
export const migrations: ReadonlyArray<{ name: string; sql: string }> = [
  { name: '0001-initial', sql: initial },
  { name: '0002-question-index', sql: questionIndex },
  { name: '0003-index-stats', sql: indexStats },
  { name: '0004-sources-and-claims', sql: sourcesAndClaims },
];

/**
 * A table each migration creates, newest first: an awsquiz database whose `user_version` was lost is at
 * the version of the newest one it has.
 */
export const versionMarkers: ReadonlyArray<[table: string, version: number]> = [
  ['question_sources', 4],
  ['index_domains', 3],
  ['counters', 2],
  ['sources', 1],
];
