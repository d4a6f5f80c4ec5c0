import { sql as initial } from './0001-initial.js';
import { sql as questionIndex } from './0002-question-index.js';
import { sql as indexStats } from './0003-index-stats.js';
import { sql as questionScores } from './0004-question-scores.js';
import { sql as corrections } from './0005-corrections.js';
import { sql as outdated } from './0006-outdated.js';
import { sql as sourcesAndClaims } from './0007-sources-and-claims.js';

/** Every migration in order; `user_version` is the number of migrations applied. */
export const migrations: ReadonlyArray<{ name: string; sql: string }> = [
  { name: '0001-initial', sql: initial },
  { name: '0002-question-index', sql: questionIndex },
  { name: '0003-index-stats', sql: indexStats },
  { name: '0004-question-scores', sql: questionScores },
  { name: '0005-corrections', sql: corrections },
  { name: '0006-outdated', sql: outdated },
  { name: '0007-sources-and-claims', sql: sourcesAndClaims },
];

