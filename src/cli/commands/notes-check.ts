import type { Command } from 'commander';
import { relative } from 'node:path';
import { inProcessAnalyzer } from '../../app/analyzers.js';
import { loadCatalogue } from '../../app/catalogue.js';
import { awsFacts } from '../../app/facts.js';
import { listNoteFiles } from '../../app/files.js';
import { readNoteFile } from '../../app/ingest.js';
import { storedFindings } from '../../app/outdated.js';
import { findingText, findingsOfNote, reportedFindings, type NoteFinding } from '../../facts/note.js';
import { serviceMatcher } from '../../notes/services.js';
import { jsonText } from '../terminal-text.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { safe } from '../render.js';

interface Checked {
  notes: number;
  findings: Array<{ path: string; finding: NoteFinding }>;
  problems: Array<{ path: string; message: string }>;
}

/**
 * `awsquiz notes check [PATH…] [--json]`: numbers in notes that AWS documents differently now. With paths,
 * the files on disk (nothing is stored); without, every note ingested before, from the facts ingest stored.
 */
export async function run(paths: string[], opts: { json?: boolean }, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  const checked = paths.length > 0 ? await checkFiles(paths) : checkStored(ctx);
  const findings = reportedFindings(checked.findings);
  if (opts.json) {
    ctx.out(
      jsonText({
        notes: checked.notes,
        outdated: findings.map(({ path, finding: { wholeLine: _whole, ...finding } }) => ({ path, ...finding })),
        problems: checked.problems,
      }),
    );
    return;
  }
  for (const p of checked.problems) ctx.err(ctx.style.yellow(`${safe(display(p.path))}: ${safe(p.message)}`));
  for (const { path, finding } of findings) ctx.out(safe(findingText(display(path), finding)));
  const n = findings.length;
  const files = new Set(findings.map((f) => f.path)).size;
  ctx.out(
    ctx.style.bold(
      n === 0
        ? `Nothing outdated in ${checked.notes} note${checked.notes === 1 ? '' : 's'} (checked against ${awsFacts().index.size} AWS facts).`
        : `${n} outdated statement${n === 1 ? '' : 's'} in ${files} of ${checked.notes} note${checked.notes === 1 ? '' : 's'} (checked against ${awsFacts().index.size} AWS facts).`,
    ),
  );
}

async function checkFiles(paths: string[]): Promise<Checked> {
  const catalogue = loadCatalogue();
  const matcher = serviceMatcher(catalogue);
  const analyzer = inProcessAnalyzer(catalogue);
  const listed = listNoteFiles(paths);
  const out: Checked = { notes: 0, findings: [], problems: [...listed.problems] };
  for (const path of listed.files) {
    const read = readNoteFile(path);
    if ('error' in read) {
      out.problems.push({ path, message: read.error });
      continue;
    }
    out.notes++;
    const analysis = await analyzer.analyze(read.text);
    for (const finding of findingsOfNote(analysis.facts, awsFacts().index, (t) => matcher.find(t), { path, frontMatter: analysis.frontMatter })) out.findings.push({ path, finding });
  }
  if (out.notes === 0) {
    const first = out.problems[0];
    throw new ExitError(first ? `cannot check ${first.path}: ${first.message}` : `no notes (*.md, *.markdown) under ${paths.join(', ')}`, 'give note files or folders');
  }
  return out;
}

function checkStored(ctx: CliContext): Checked {
  const db = ctx.open();
  try {
    const notes = (db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
    if (notes === 0) throw new ExitError('no notes ingested yet', 'run `awsquiz ingest PATH`, or give the notes to check: `awsquiz notes check PATH`');
    const out: Checked = { notes, findings: [], problems: [] };
    for (const [path, found] of storedFindings(db, loadCatalogue())) for (const finding of found) out.findings.push({ path, finding });
    return out;
  } finally {
    db.close();
  }
}

function display(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
}
