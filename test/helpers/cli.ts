import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the built binary (npm test builds before vitest runs). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(root, 'bin', 'awsquiz.js');

/** A fresh temporary folder. */
export function tempDir(prefix = 'awsquiz-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the built binary against one database, without colour, with optional piped input. */
export function cliRunner(db: string, env: Record<string, string> = {}) {
  return (args: string[], input = '') =>
    spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, AWSQUIZ_DB: db, NO_COLOR: '1', ...env } });
}

/** Rows from a database file, read-only. */
export function query<T>(db: string, sql: string): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}
