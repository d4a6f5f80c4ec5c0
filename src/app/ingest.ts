import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Db } from '../db/open.js';
import { NotesRepository } from '../db/notes.js';
import type { NoteAnalysis } from '../notes/analyze.js';
import { availableParallelism } from 'node:os';
import { inProcessAnalyzer, sharedAnalyzer, workerAnalyzer, workersAvailable, type Analyzer, type Quality } from './analyzers.js';
import { generatorStamp, quality as shippedQuality } from './quality.js';
import { serviceMatcher, type Catalogue, type ServiceMatcher } from '../notes/services.js';
import { examFromTitle } from '../exam/domains.js';
import { stripControl } from '../notes/text.js';
import { examCodes, loadBlueprint } from './blueprints.js';
import { describe, listNoteFiles } from './files.js';
import { awsFacts } from './facts.js';
import { ensureOutdatedChecked } from './outdated.js';
import { findingFor, findingsOfNote, type NoteFinding } from '../facts/note.js';
import { fsPath } from './fs-names.js';

// Characters of a file name that cannot stand in a topic (see src/cli/terminal-text.ts for the full list).
const NAME_CONTROLS = /[\p{Cc}\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]+/gu;

const EMPTY_FILE = 'empty file';

/** Files larger than this are not notes anyone wrote by hand; they are reported and left alone. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FileReport {
  path: string;
  status: 'ingested' | 'unchanged' | 'failed' | 'empty' | 'removed' | 'missing';
  facts: number;
  questions: number;
  added: number;
  retired: number;
  skipped: number;
  skippedBy: Record<string, number>;
  warnings: string[];
  /** Numbers in the note that AWS documents differently now (data/aws-facts.json), by line. */
  outdated: NoteFinding[];
}

export interface IngestReport {
  files: FileReport[];
  /** Files in the folders given that are not notes by their extension (*.md, *.markdown), so were not read. */
  ignoredFiles: string[];
  totals: { files: number; ingested: number; unchanged: number; failed: number; empty: number; questions: number; added: number; retired: number; skipped: number; warnings: number; outdated: number };
}

export interface IngestOptions {
  db: Db;
  catalogue: Catalogue;
  paths: string[];
  /**
   * Also re-check every source ingested before (and retire the questions of deleted ones); notes removed with
   * `awsquiz notes remove` are then left alone, even when `paths` lists them (the bundled notes).
   */
  includeKnown: boolean;
  now: Date;
  onProgress?: (done: number, total: number, path: string) => void;
  /**
   * Worker threads that parse; this thread parses too when they are busy and a core is left for it. 0 parses
   * here only; default: one per core but one, when the notes are large enough to gain.
   */
  threads?: number;
  /** The quality model and minimum score (default: the shipped model and its threshold). */
  quality?: Quality;
}

/** Below this much text, a worker thread costs what it saves (bench/results.md: 1 MB took 3.05–3.24 s here alone, 3.30–3.42 s with a worker). */
const WORKERS_FROM_BYTES = 2 * 1024 * 1024;

/**
 * Ingests notes: unchanged files skipped by hash; changed ones parsed (in worker threads for large ingests,
 * a bounded number in flight so memory stays flat) and each stored in its own transaction.
 */
export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const repo = new NotesRepository(options.db);
  const matcher = serviceMatcher(options.catalogue);
  // Notes ingested before were judged against the facts file of their day: judged again if it changed.
  ensureOutdatedChecked(options.db, options.catalogue);
  const now = options.now.toISOString();
  const reports: FileReport[] = [];
  const listed = listNoteFiles(options.paths);
  const files = options.includeKnown ? listed.files.filter((f) => repo.source(f)?.removed_at == null) : [...listed.files];
  if (options.includeKnown) {
    const known = new Set(files);
    for (const s of repo.sources()) {
      // A note removed with `awsquiz notes remove` stays out until it is ingested by name again.
      if (known.has(s.path) || s.removed_at !== null) continue;
      const seen = lookFor(s.path);
      if (seen === 'present') files.push(s.path);
      else if (s.retired_at !== null) continue; // retired before and still gone: nothing new to say
      else if (seen === 'deleted') {
        const retired = repo.retireSource(s.id, now);
        reports.push({ ...empty(s.path, 'removed'), retired, warnings: ['file deleted (its folder is still there): its questions were retired'] });
      } else {
        reports.push({
          ...empty(s.path, 'missing'),
          warnings: [`${seen.reason}: its questions are kept — run \`awsquiz notes remove ${s.path}\` to retire them`],
        });
      }
    }
  }
  for (const p of listed.problems) reports.push({ ...empty(p.path, 'failed'), warnings: [p.message] });
  const quality = options.quality ?? shippedQuality();
  const stamp = generatorStamp(quality);
  const analyzer = chooseAnalyzer(files, options.threads, options.catalogue, quality);
  const results: FileReport[] = new Array<FileReport>(files.length);
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  // The first note that cannot be stored (a damaged or full database) stops the ingest: nothing more is
  // written, the notes in flight finish their parse, and the error surfaces once, after them.
  let failure: { error: unknown } | null = null;
  const storing = () => failure === null;
  // A checkpoint copies the WAL back into the database and syncs it. SQLite's default of one per 1000 pages
  // made them a fifth of storing a 10 MB ingest (bench/results.md): fewer, larger ones while ingesting.
  const checkpointPages = options.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  options.db.pragma('wal_autocheckpoint = 10000');
  try {
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!;
      if (failure) break;
      const job: Promise<void> = ingestFile(repo, matcher, analyzer, path, now, storing, stamp).then(
        (r) => {
          results[i] = r;
          options.onProgress?.(++done, files.length, path);
        },
        (error: unknown) => {
          failure ??= { error };
        },
      );
      inFlight.add(job);
      void job.then(() => inFlight.delete(job));
      // Two notes per thread in flight keeps every core busy without holding the whole corpus in memory.
      if (inFlight.size >= Math.max(2, analyzer.threads * 2)) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw (failure as { error: unknown }).error;
  } finally {
    options.db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
    await analyzer.close();
  }
  reports.push(...results);
  return { files: reports, ignoredFiles: listed.ignored, totals: totals(reports) };
}

function chooseAnalyzer(files: string[], threads: number | undefined, catalogue: Catalogue, quality: Quality): Analyzer {
  let wanted = threads;
  if (wanted === undefined) {
    let bytes = 0;
    for (const f of files) {
      try {
        const size = statSync(fsPath(f)).size;
        if (size <= MAX_FILE_BYTES) bytes += size;
      } catch {
        // reported when the file is read
      }
      if (bytes >= WORKERS_FROM_BYTES) break;
    }
    // This thread analyses too when the workers are busy, so one core is left to it.
    wanted = bytes >= WORKERS_FROM_BYTES ? Math.min(Math.max(1, availableParallelism() - 1), 8) : 0;
  }
  const here = inProcessAnalyzer(catalogue, quality);
  if (wanted === 0 || !workersAvailable()) return here;
  const workers = wanted;
  // With a core to spare this thread parses too (a V8 heap fewer than one more worker); with none, it only
  // stores, since parsing here as well would slow the threads down.
  if (workers >= availableParallelism()) return lazy(() => workerAnalyzer(workers, catalogue, { fallback: here, quality }), workers);
  return lazy(() => sharedAnalyzer(workerAnalyzer(workers, catalogue, { fallback: here, quality }), here), workers + 1);
}

/** Starts the real analyzer on the first note that needs it: a re-ingest that finds nothing changed starts no thread. */
function lazy(make: () => Analyzer, threads: number): Analyzer {
  let real: Analyzer | undefined;
  return {
    threads,
    analyze: (text) => (real ??= make()).analyze(text),
    close: () => real?.close() ?? Promise.resolve(),
  };
}

/**
 * Whether a known note's file is there. Only a file seen gone from a folder that is itself there (and
 * readable) counts as deleted: a folder moved away, unmounted or unreadable leaves the note merely missing,
 * and a missing note keeps its questions.
 */
function lookFor(path: string): 'present' | 'deleted' | { reason: string } {
  try {
    return statSync(fsPath(path)).isFile() ? 'present' : { reason: 'no longer a regular file' };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return { reason: `cannot be read now (${describe(e)})` };
  }
  try {
    // Listing the folder proves it is there and readable, so the file's absence is real.
    readdirSync(fsPath(dirname(path)));
    return 'deleted';
  } catch (e) {
    return { reason: `its folder ${dirname(path)} is ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : `unreadable (${describe(e)})`}` };
  }
}

function empty(path: string, status: FileReport['status']): FileReport {
  return { path, status, facts: 0, questions: 0, added: 0, retired: 0, skipped: 0, skippedBy: {}, warnings: [], outdated: [] };
}

async function ingestFile(repo: NotesRepository, matcher: ServiceMatcher, analyzer: Analyzer, path: string, now: string, storing: () => boolean, stamp: string): Promise<FileReport> {
  // A note analysed by another generator (a new release, another --min-score) is analysed again, and so is
  // one taken out of use or retired: it comes back whole.
  const stored = repo.source(path);
  const known = stored && stored.generator === stamp && stored.retired_at === null && stored.removed_at === null ? stored : undefined;
  // Same size and modification time as when it was stored: unchanged, without reading it. Any other change
  // falls through to the content hash, which stays the judge.
  try {
    const st = statSync(fsPath(path));
    if (known && st.isFile() && st.size === known.size && Math.round(st.mtimeMs) === known.mtime_ms) return empty(path, 'unchanged');
  } catch {
    // reported by readNoteFile below
  }
  const read = readNoteFile(path);
  // An empty note (a page made in Obsidian and never filled) holds nothing to ask and nothing went wrong; what
  // was stored of it before stays, as for a note that cannot be read: emptying a file by accident loses nothing.
  if ('error' in read) return read.error === EMPTY_FILE ? empty(path, 'empty') : { ...empty(path, 'failed'), warnings: [read.error] };
  if (known && known.content_hash === read.hash) {
    if (storing() && (known.mtime_ms !== Math.round(read.mtimeMs) || known.size !== read.size)) repo.touch(known.id, Math.round(read.mtimeMs), read.size);
    return empty(path, 'unchanged');
  }
  let analysis: NoteAnalysis;
  try {
    analysis = await analyzer.analyze(read.text, path);
  } catch (e) {
    // The parser is not ours to prove total; a note it cannot handle must not stop the others.
    return { ...empty(path, 'failed'), warnings: [`could not parse: ${(e as Error).message.split('\n')[0]}`] };
  }
  const fm = analysis.frontMatter;
  const exam = fm.exam ?? examFromTitle(analysis.title ?? basename(path), knownExams());
  const fmServices = (fm.services ?? []).flatMap((s) => matcher.find(s));
  // A file name may hold line breaks, escapes and bidirectional controls: as a topic it is shown everywhere.
  const fallbackTopic = stripControl(basename(path).replace(/\.(md|markdown|txt)$/i, '')).replace(NAME_CONTROLS, ' ').trim() || 'untitled';
  const findings = findingsOfNote(analysis.facts, awsFacts().index, (text) => matcher.find(text), { path, frontMatter: fm });
  const questions = analysis.questions.map((q) => {
    const topic = q.topic === '' ? fallbackTopic : q.topic;
    const found = matcher.find(`${topic} ${q.prompt} ${q.answers.join(' ')}`);
    const services = [...new Set([...fmServices, ...found])];
    return { ...q, topic, services, outdated: findingFor({ ...q, services }, findings) };
  });
  const facts = analysis.facts.map((f) => (f.path.length === 0 ? { ...f, path: [fallbackTopic] } : f));
  const warnings = analysis.messages.map((m) => `${m.line}: ${m.message}`);
  if (!storing()) return empty(path, 'failed');
  const skipped = Object.values(analysis.skipped).reduce((a, b) => a + (b ?? 0), 0);
  const result = repo.store(
    {
      path,
      hash: read.hash,
      size: read.size,
      mtimeMs: read.mtimeMs,
      generator: stamp,
      exam,
      domain: fm.domain ?? null,
      frontMatter: fm,
      facts,
      questions,
      skipped: analysis.skipped as Record<string, number>,
      warnings,
    },
    now,
  );
  return {
    path,
    status: 'ingested',
    facts: facts.length,
    questions: questions.length,
    added: result.added,
    retired: result.retired,
    skipped,
    skippedBy: analysis.skipped as Record<string, number>,
    warnings,
    outdated: findings,
  };
}

type ReadResult = { text: string; hash: string; size: number; mtimeMs: number } | { error: string };

/** Reads a note (UTF-8 or UTF-16), refusing what is not a text note: folders, huge files, binary data, invalid text, empty files. */
export function readNoteFile(path: string): ReadResult {
  let fd: number;
  try {
    // A named pipe or device would block open() or read() forever: only regular files are notes.
    const st = statSync(fsPath(path));
    if (st.isDirectory()) return { error: 'is a folder' };
    if (!st.isFile()) return { error: 'not a regular file' };
    fd = openSync(fsPath(path), 'r');
  } catch (e) {
    return { error: describe(e) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { error: 'is a folder' };
    const tooLarge = (size: number) => ({ error: `too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)` });
    if (st.size > MAX_FILE_BYTES) return tooLarge(st.size);
    // Read to the end rather than to the size stat gives: files in /proc and /sys say 0 and have content.
    // One byte more than stat says, so that the end is seen without growing the buffer.
    let buf = Buffer.alloc(st.size > 0 ? st.size + 1 : 4096);
    let off = 0;
    for (;;) {
      if (off === buf.length) {
        if (off > MAX_FILE_BYTES) return tooLarge(off);
        const bigger = Buffer.alloc(Math.min(buf.length * 2, MAX_FILE_BYTES + 1));
        buf.copy(bigger, 0, 0, off);
        buf = bigger;
      }
      const n = readSync(fd, buf, off, buf.length - off, null);
      if (n === 0) break;
      off += n;
    }
    if (off > MAX_FILE_BYTES) return tooLarge(off);
    const bytes = buf.subarray(0, off);
    const decoded = decodeNote(bytes);
    if ('error' in decoded) return decoded;
    const text = decoded.text;
    if (text.trim() === '') return { error: EMPTY_FILE };
    const hash = createHash('sha256').update(bytes).digest('hex');
    return { text, hash, size: bytes.length, mtimeMs: st.mtimeMs };
  } catch (e) {
    return { error: describe(e) };
  } finally {
    closeSync(fd);
  }
}

/**
 * A note's text: UTF-8 (a leading byte order mark dropped later), or UTF-16 when it starts with a UTF-16
 * byte order mark or looks like UTF-16 text (every other byte zero). Anything else with a NUL byte is binary.
 */
export function decodeNote(bytes: Buffer): { text: string } | { error: string } {
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const encoding = bom16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : looksUtf16(bytes);
  if (encoding) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
    } catch {
      return { error: `not valid ${encoding.toUpperCase()} text` };
    }
  }
  if (bytes.includes(0)) return { error: 'binary file (not a text note)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

/** UTF-16 without a byte order mark: in its first 512 code units, the high (or low) byte of almost every one is zero. */
function looksUtf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const units = Math.min(512, Math.floor(bytes.length / 2));
  if (units < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < units; i++) {
    if (bytes[2 * i] === 0) evenZero++;
    if (bytes[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= units * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero >= units * 0.9 && oddZero === 0) return 'utf-16be';
  return null;
}

function totals(files: FileReport[]): IngestReport['totals'] {
  const t = { files: 0, ingested: 0, unchanged: 0, failed: 0, empty: 0, questions: 0, added: 0, retired: 0, skipped: 0, warnings: 0, outdated: 0 };
  for (const f of files) {
    t.files++;
    if (f.status === 'ingested') t.ingested++;
    if (f.status === 'unchanged') t.unchanged++;
    if (f.status === 'failed') t.failed++;
    if (f.status === 'empty') t.empty++;
    t.questions += f.questions;
    t.added += f.added;
    t.retired += f.retired;
    t.skipped += f.skipped;
    t.warnings += f.warnings.length;
    t.outdated += f.outdated.length;
  }
  return t;
}

let exams: Array<{ code: string; name: string }> | undefined;

/** Exam codes and names from data/exams, read once per process. */
function knownExams(): Array<{ code: string; name: string }> {
  exams ??= examCodes().flatMap((c) => {
    const bp = loadBlueprint(c);
    return bp ? [{ code: bp.code, name: bp.name }] : [];
  });
  return exams;
}
