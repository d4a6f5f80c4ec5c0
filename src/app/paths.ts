import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (where `notes/` and `data/` are), found from this compiled file. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The notes bundled with awsquiz. */
export const bundledNotes = join(packageRoot, 'notes');

/** The data folder: exam blueprints and the service catalogue. */
export const dataDir = join(packageRoot, 'data');

/** Where the database lives: `--db`, else `AWSQUIZ_DB`, else the user's XDG data directory. */
export function databasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined) return resolve(flag);
  if (env.AWSQUIZ_DB) return resolve(env.AWSQUIZ_DB);
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'awsquiz', 'awsquiz.db');
}
