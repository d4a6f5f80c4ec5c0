import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner, root, tempDir } from '../helpers/cli.js';

let dir: string;
let run: ReturnType<typeof cliRunner>;

beforeAll(() => {
  dir = tempDir('awsquiz-export-cli-');
  run = cliRunner(join(dir, 'quiz.db'));
  expect(run(['ingest', join(root, 'test', 'export', 'notes')]).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('awsquiz export', () => {
  it('writes the file and says what it wrote', () => {
    const r = run(['export', 'anki', join(dir, 'deck.apkg')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Exported \d+ questions \(.*\) to .*deck\.apkg \(Anki package\)\.\n$/);
    expect(readFileSync(join(dir, 'deck.apkg')).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses to overwrite without --force, in one line, leaving the file as it was', () => {
    const path = join(dir, 'mine.txt');
    writeFileSync(path, 'keep me');
    const r = run(['export', 'csv', path]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`awsquiz: ${path} already exists — use --force to replace it, or choose another name\n`);
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    expect(run(['export', 'csv', path, '--force']).status).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^#separator:Tab\n/);
  });

  it('turns a bad path into one line and exit 1, and an unknown format into exit 2', () => {
    const missing = join(dir, 'nowhere', 'deck.apkg');
    const bad = run(['export', 'anki', missing]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`awsquiz: cannot write ${missing}: the folder ${join(dir, 'nowhere')} does not exist — create it first, or choose another path\n`);
    expect(existsSync(missing)).toBe(false);
    const format = run(['export', 'xlsx', join(dir, 'x.xlsx')]);
    expect(format.status).toBe(2);
    expect(format.stderr).toBe('awsquiz: unknown export format: xlsx — use anki, csv or json\n');
  });
});
