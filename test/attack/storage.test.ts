import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ingest } from '../../src/app/ingest.js';
import { openDatabase } from '../../src/db/open.js';

// Issue #17, item 15: every fact stored all its siblings, so a table's storage grew with its rows squared
// (10 000 rows made a 1.19 GB database). A sibling group is stored once.
describe('storing sibling groups (issue #17)', () => {
  it('stores a 2 000-row table in space linear in its rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsquiz-storage-'));
    const rows = Array.from({ length: 2_000 }, (_, i) => `| Service ${i} | stores parcels of kind ${i} for the team |`);
    writeFileSync(join(dir, 'table.md'), `# Table\n\n| Name | What it does |\n| --- | --- |\n${rows.join('\n')}\n`);
    const db = openDatabase(':memory:');
    await ingest({ db, catalogue: loadCatalogue(), paths: [dir], includeKnown: false, now: new Date('2026-01-01T00:00:00Z') });
    const facts = db.prepare('SELECT count(*) AS n, sum(length(data)) AS bytes FROM facts').get() as { n: number; bytes: number };
    const groups = db.prepare('SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM fact_groups').get() as { n: number; bytes: number };
    expect(facts.n).toBe(2_000);
    // About 300 bytes a fact, and each row's name stored once in its group: far from 2 000 names a fact.
    expect(facts.bytes + groups.bytes).toBeLessThan(2_000 * 500);
    expect(db.prepare("SELECT count(*) FROM facts WHERE data LIKE '%siblings%'").pluck().get()).toBe(0);
    db.close();
  });
});
