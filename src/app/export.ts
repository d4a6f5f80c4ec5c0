import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { collectionBytes } from '../db/anki-collection.js';
import { exportRows } from '../db/export.js';
import type { Db } from '../db/open.js';
import { domainMapper } from '../exam/domains.js';
import { buildCollection } from '../export/anki.js';
import { ankiCsv } from '../export/csv.js';
import { jsonExport } from '../export/json.js';
import type { ExportQuestion } from '../export/question.js';
import type { Blueprint } from '../exam/blueprint.js';
import type { Catalogue } from '../notes/services.js';
import { loadBlueprint } from './blueprints.js';
import { ensureOutdatedChecked } from './outdated.js';
import { defaultExamCode } from './question-index.js';

export type ExportFormat = 'anki' | 'csv' | 'json';

export interface ExportOptions {
  db: Db;
  catalogue: Catalogue;
  format: ExportFormat;
  path: string;
  now: Date;
  /** Only questions from notes at this path (a file, or the notes under a folder). */
  notes?: string;
  topic?: string;
  withSchedule?: boolean;
  includeOutdated?: boolean;
  force?: boolean;
}

export interface ExportSummary {
  path: string;
  format: ExportFormat;
  questions: number;
  byKind: Record<string, number>;
  leftOut: { flagged: number; outdated: number };
  bytes: number;
}

/** A problem with the export the user can fix: `message` says what, `hint` what to do. */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/**
 * Exports the active questions (flagged ones never, outdated ones only when asked) to `path` as an Anki
 * package, an Anki CSV or JSON. The file is written next to its target and renamed over it, so a reader
 * never sees half of it, and an existing file is only replaced with `force`.
 */
export function exportQuestions(options: ExportOptions): ExportSummary {
  const target = resolve(options.path);
  checkTarget(target, options.force ?? false);
  ensureOutdatedChecked(options.db, options.catalogue);
  const rows = exportRows(options.db, { topic: options.topic, notes: options.notes ? resolve(options.notes) : undefined, reviews: options.withSchedule });
  const leftOut = { flagged: 0, outdated: 0 };
  const kept = rows.filter((r) => {
    if (r.flagged) leftOut.flagged++;
    else if (r.outdated && !options.includeOutdated) leftOut.outdated++;
    else return true;
    return false;
  });
  const questions = withExamAndDomain(options.db, options.catalogue, kept);
  const bytes = render(options.format, questions, options);
  writeAtomically(target, bytes, options.force ?? false);
  const byKind: Record<string, number> = {};
  for (const q of questions) byKind[q.kind] = (byKind[q.kind] ?? 0) + 1;
  return { path: target, format: options.format, questions: questions.length, byKind, leftOut, bytes: bytes.length };
}

function render(format: ExportFormat, questions: ExportQuestion[], options: ExportOptions): Uint8Array {
  switch (format) {
    case 'anki': {
      const collection = collectionBytes(buildCollection(questions, { now: options.now, withSchedule: options.withSchedule }));
      // An .apkg: the collection and a media map (no media: notes' images are not exported).
      return zipSync({ 'collection.anki2': new Uint8Array(collection), media: strToU8('{}') }, { level: 6, mtime: options.now });
    }
    case 'csv':
      return strToU8(ankiCsv(questions));
    case 'json':
      return strToU8(`${JSON.stringify(jsonExport(questions, options.now, options.withSchedule), null, 2)}\n`);
  }
}

/** Each question with the exam it counts for (front matter, else the exam the notes name most) and its domain there. */
function withExamAndDomain(db: Db, catalogue: Catalogue, rows: ReturnType<typeof exportRows>): ExportQuestion[] {
  const fallback = defaultExamCode(db);
  const mappers = new Map<string, ((q: (typeof rows)[number]) => string | null) | null>();
  const mapperFor = (code: string) => {
    if (!mappers.has(code)) {
      const bp: Blueprint | null = loadBlueprint(code);
      mappers.set(code, bp ? domainMapper(catalogue, bp) : null);
    }
    return mappers.get(code)!;
  };
  return rows.map((r) => {
    const examCode = (r.exam ?? fallback).toUpperCase();
    return { ...r, examCode, domainSlug: mapperFor(examCode)?.(r) ?? null };
  });
}

function checkTarget(target: string, force: boolean): void {
  const dir = dirname(target);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new ExportError(`cannot write ${target}: the folder ${dir} does not exist`, 'create it first, or choose another path');
  }
  if (!st.isDirectory()) throw new ExportError(`cannot write ${target}: ${dir} is not a folder`, 'choose another path');
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) throw new ExportError(`${target} is a folder`, 'give a file name, such as aws.apkg');
  if (!force) throw new ExportError(`${target} already exists`, 'use --force to replace it, or choose another name');
}

/** Writes `bytes` to a temporary file beside `target`, syncs it, and renames it into place. */
function writeAtomically(target: string, bytes: Uint8Array, force: boolean): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    // 'wx': a leftover temporary file of the same name is never written through (it could be a symlink).
    fd = openSync(temp, 'wx', 0o644);
  } catch (e) {
    throw new ExportError(`cannot write ${target}: ${reason(e)}`, 'check the folder’s permissions and free space');
  }
  try {
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Checked again just before the rename: a file that appeared meanwhile is not replaced without --force.
    if (!force && existsSync(target)) throw new ExportError(`${target} already exists`, 'use --force to replace it, or choose another name');
    renameSync(temp, target);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    if (e instanceof ExportError) throw e;
    throw new ExportError(`cannot write ${target}: ${reason(e)}`, 'check the folder’s permissions and free space');
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EEXIST':
      return 'a temporary file of the same name is in the way';
    default:
      return String(err.message ?? err).split('\n')[0]!;
  }
}
