import { sql as initial } from './0001-initial.js';

/** Every migration in order; `user_version` is the number of migrations applied. */
export const migrations: ReadonlyArray<{ name: string; sql: string }> = [{ name: '0001-initial', sql: initial }];
