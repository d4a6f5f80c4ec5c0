import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

// These tests run the built binary (`npm test` builds before vitest), as a user would.
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(root, 'bin', 'awsquiz.js');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tmp(prefix = 'awsquiz-rel-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function env(db: string): NodeJS.ProcessEnv {
  return { ...process.env, AWSQUIZ_DB: db, NO_COLOR: '1', AWSQUIZ_DEBUG: '' };
}

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs awsquiz to completion with `input` on stdin. */
export function awsquiz(db: string, args: string[], input = '', extraEnv: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...env(db), ...extraEnv }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Starts awsquiz in the background; stdin stays open until the caller ends it. */
export function start(db: string, args: string[]): { child: ChildProcessWithoutNullStreams; result: Promise<Run> } {
  const child = spawn(process.execPath, [bin, ...args], { env: env(db) });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.on('error', () => undefined); // a killed child's stdin may be closed under us
  const result = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { child, result };
}

/** One line ending in a newline, `awsquiz: <what> — <what to do>`, with no stack trace. */
export function expectOneLineError(err: string): void {
  expect(err.endsWith('\n')).toBe(true);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^awsquiz: \S.* — \S/);
  expect(err).not.toMatch(/^\s+at /m);
}

/** Runs a query on a separate read-only connection (as another process would see the file). */
export function query<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

export function count(db: string, sql: string, ...params: unknown[]): number {
  return Object.values(query<Record<string, number>>(db, sql, ...params)[0]!)[0]!;
}

/**
 * `PRAGMA integrity_check` and `PRAGMA foreign_key_check` on a read-write connection, as the next awsquiz
 * run would open the file (recovering the WAL a killed process left behind). ['ok'] when healthy.
 */
export function integrity(db: string): string[] {
  const d = new Database(db, { fileMustExist: true });
  try {
    const rows = (d.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    const fk = d.pragma('foreign_key_check') as unknown[];
    return fk.length ? [...rows, `${fk.length} foreign key violations`] : rows;
  } finally {
    d.close();
  }
}

/** Overwrites the first 12 bytes (the b-tree header) of page `page` of a closed database, as a stray write would. */
export function damagePage(db: string, page: number): void {
  const raw = new Database(db, { readonly: true });
  const size = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  expect(page).toBeGreaterThan(1);
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(12, 0xa5), 0, 12, (page - 1) * size);
  closeSync(fd);
}

/** Polls `check` every 20 ms until it holds; fails after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const startAt = Date.now();
  for (;;) {
    let ok = false;
    try {
      ok = check();
    } catch {
      ok = false; // the file may not exist yet, or be mid-creation
    }
    if (ok) return;
    if (Date.now() - startAt > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Our own made-up vocabulary: names no definition word can give away, definitions unique by their number.
const SYL = ['kel', 'mar', 'vo', 'tin', 'dra', 'pel', 'sor', 'qua', 'bex', 'lum', 'rho', 'zan', 'fi', 'gor', 'ny', 'wex'];
const KIND = ['relay', 'vault', 'engine', 'broker'];
const VERB = ['routes', 'stores', 'watches', 'signs', 'caches', 'batches', 'replays', 'throttles', 'encrypts', 'compresses', 'schedules', 'mirrors'];
const ADJ = ['idle', 'urgent', 'nightly', 'regional', 'private', 'shared', 'frozen', 'noisy', 'tiny', 'sealed', 'remote', 'hourly'];
const NOUN = ['ledgers', 'parcels', 'tickets', 'snapshots', 'beacons', 'manifests', 'receipts', 'invoices', 'logbooks', 'badges', 'sketches', 'drafts'];

function term(n: number): string {
  let s = '';
  let x = n + 17;
  for (let k = 0; k < 3; k++) {
    s += SYL[x % 16];
    x = Math.floor(x / 16) + 7 * k + 3;
  }
  return `${s[0]!.toUpperCase()}${s.slice(1)} ${KIND[n % 4]}`;
}

/** A statement with one quantity in it ("Kelmarvo relay routes idle ledgers for up to 7 seconds …"). */
function limit(n: number): string {
  const pick = (a: string[], k: number) => a[(n * 7 + k * 13 + Math.floor(n / a.length)) % a.length]!;
  return `${term(n)} ${pick(VERB, 1)} ${pick(ADJ, 2)} ${pick(NOUN, 3)} for up to ${(n % 40) + 3} seconds, for the ${pick(ADJ, 4)} ${pick(NOUN, 5)} of team ${n}`;
}

/**
 * A note of about `bytes` bytes: bullets that each state one limit, eight under each heading, so every
 * question is a single-answer question (the number among the values such a limit usually takes).
 */
export function note(fileNo: number, bytes: number, extra = ''): string {
  let out = `---\nexam: DVA-C02\ndomain: development\n---\n\n# Notebook ${fileNo}\n`;
  let n = fileNo * 1000;
  let h = 0;
  while (out.length < bytes) {
    out += `\n## Group ${fileNo}-${h++} of things\n\n`;
    for (let k = 0; k < 8; k++, n++) out += `- ${limit(n)}\n`;
  }
  return out + extra;
}

/**
 * Writes `count` generated notes into `dir` and returns their paths. Notes are numbered from `first`: two
 * corpora in one database must not share numbers (identical notes share their questions).
 */
export function corpus(dir: string, count: number, bytes: number, first = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = first; i < first + count; i++) {
    const p = join(dir, `note-${String(i).padStart(3, '0')}.md`);
    writeFileSync(p, note(i, bytes));
    paths.push(p);
  }
  return paths;
}

/** For every stored source: its recorded question count and the active questions it really has. */
export function sourcesWithoutTheirQuestions(db: string): Array<{ path: string; recorded: number; stored: number }> {
  return query<{ path: string; recorded: number; stored: number }>(
    db,
    `SELECT s.path, s.questions AS recorded, (SELECT count(*) FROM questions q WHERE q.source_id = s.id AND q.retired_at IS NULL) AS stored
     FROM sources s`,
  ).filter((r) => r.recorded !== r.stored || r.stored === 0);
}
