import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fsPath, nameFromBytes } from './fs-names.js';

const NOTE_EXTENSIONS = new Set(['.md', '.markdown']);
/** Text formats people keep notes in that are not read from a folder: a folder of only these is worth a word. */
const NOTE_LIKE_EXTENSIONS = new Set(['.txt', '.text', '.rst', '.org', '.adoc', '.asciidoc', '.mdx', '.mdown', '.mkd', '.mkdn', '.wiki', '.textile', '.note', '.notes']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.obsidian', '.trash']);

export interface FileList {
  files: string[];
  problems: Array<{ path: string; message: string }>;
  /** Files in the folders walked in a note-like text format other than Markdown (not ingested; named files always are). */
  ignored: string[];
}

/**
 * Expands the paths a user gave into note files: directories recursively (`*.md`, `*.markdown`),
 * explicit files of any extension. Symlink loops and unreadable folders become problems, not crashes.
 */
export function listNoteFiles(paths: string[]): FileList {
  const files: string[] = [];
  const problems: FileList['problems'] = [];
  const ignored: string[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = (p: string) => {
    if (!seenFiles.has(p)) {
      seenFiles.add(p);
      files.push(p);
    }
  };
  const walkDir = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(fsPath(dir), { encoding: 'buffer' }).toString('hex');
    } catch (e) {
      problems.push({ path: dir, message: describe(e) });
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop, or a folder given twice
    seenDirs.add(real);
    let entries;
    try {
      // Names as bytes: one that is not UTF-8 is kept so that it still opens (see fs-names.ts).
      entries = readdirSync(fsPath(dir), { withFileTypes: true, encoding: 'buffer' }).map((e) => ({ entry: e, name: nameFromBytes(e.name) }));
    } catch (e) {
      problems.push({ path: dir, message: describe(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { entry, name } of entries) {
      const full = join(dir, name);
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(fsPath(full));
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          problems.push({ path: full, message: describe(e) });
          continue;
        }
      }
      if (isDir) walkDir(full);
      else if (isFile && NOTE_EXTENSIONS.has(extname(name).toLowerCase())) addFile(full);
      else if (isFile && NOTE_LIKE_EXTENSIONS.has(extname(name).toLowerCase())) ignored.push(full);
    }
  };
  for (const given of paths) {
    const p = resolve(given);
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push({ path: p, message: describe(e) });
      continue;
    }
    if (st.isDirectory()) walkDir(p);
    else addFile(p);
  }
  return { files, problems, ignored };
}

/** A one-line reason for a file system error. */
export function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return (err.message ?? String(e)).split('\n')[0]!;
  }
}
