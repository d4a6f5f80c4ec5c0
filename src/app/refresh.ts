import { statSync } from 'node:fs';
import type { Db } from '../db/open.js';
import { NotesRepository } from '../db/notes.js';
import { fsPath } from './fs-names.js';

/**
 * Notes changed on disk since they were ingested, found by a cheap stat (size and mtime), and notes analysed by
 * another generator than the one a new ingest would use (`stamp`): study and exam refresh them before they
 * start, without reading every file, so an upgrade brings its better questions to notes that did not change.
 */
export function changedSources(db: Db, stamp?: string): string[] {
  const out: string[] = [];
  for (const s of new NotesRepository(db).sources()) {
    // Taken out of use (`notes remove`), or seen deleted: nothing to refresh.
    if (s.removed_at !== null || s.retired_at !== null) continue;
    try {
      const st = statSync(fsPath(s.path));
      if (st.size !== s.size || Math.round(st.mtimeMs) !== s.mtime_ms || (stamp !== undefined && s.generator !== stamp)) out.push(s.path);
    } catch {
      // A vanished note is handled by a full `awsquiz ingest`; study must not fail over it.
    }
  }
  return out;
}
