import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs the built binary (npm test builds before vitest), as a user would.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'awsquiz.js');

function awsquiz(args: string[], db: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, AWSQUIZ_DB: db, NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp() {
  return mkdtempSync(join(tmpdir(), 'awsquiz-cli-'));
}

describe('awsquiz binary', () => {
  it('prints its version', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(awsquiz(['--version'], join(tmp(), 'a.db'))).toMatchObject({ code: 0, out: `${version}\n` });
  });

  it('exits 2 with a one-line message on bad usage', () => {
    const r = awsquiz(['frobnicate'], join(tmp(), 'a.db'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^awsquiz: unknown command 'frobnicate'/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('ingests a folder, then lists and shows its questions', () => {
    const dir = tmp();
    const db = join(dir, 'q.db');
    writeFileSync(
      join(dir, 'iam.md'),
      '# IAM\n\n## IAM identities\n\n- **User**: a person or program with long-term credentials\n- **Role**: an identity assumed for temporary credentials\n- **Group**: a set of users that share permissions\n',
    );
    const ing = awsquiz(['ingest', dir, '--json'], db);
    expect(ing.code).toBe(0);
    const report = JSON.parse(ing.out) as { totals: { ingested: number; questions: number } };
    expect(report.totals).toMatchObject({ ingested: 1, questions: 3 });
    const list = JSON.parse(awsquiz(['questions', '--json'], db).out) as Array<{ id: string; prompt: string; answers: string[]; source: { line: number } }>;
    expect(list.map((q) => [q.prompt, q.answers[0], q.source.line])).toEqual([
      ['IAM identities — what is “User”?', 'a person or program with long-term credentials', 5],
      ['IAM identities — what is “Role”?', 'an identity assumed for temporary credentials', 6],
      ['IAM identities — what is “Group”?', 'a set of users that share permissions', 7],
    ]);
    const show = awsquiz(['questions', 'show', list[1]!.id.slice(0, 8)], db);
    expect(show.code).toBe(0);
    expect(show.out).toContain('an identity assumed for temporary credentials');
    expect(awsquiz(['questions', 'show', 'nope'], db)).toMatchObject({ code: 1, err: 'awsquiz: no question with id nope — list ids with `awsquiz questions`\n' });
  });

  it('gives a one-line error for a file that is not a database, and leaves it alone', () => {
    const db = join(tmp(), 'garbage.db');
    writeFileSync(db, 'not sqlite at all\n'.repeat(300));
    const before = readFileSync(db);
    const r = awsquiz(['questions'], db);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^awsquiz: .*not a readable awsquiz database/);
    expect(readFileSync(db)).toEqual(before);
  });
});
