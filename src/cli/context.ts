import type { Command } from 'commander';
import { databasePath } from '../app/paths.js';
import { DatabaseError } from '../db/errors.js';
import { openDatabase, type Db } from '../db/open.js';
import { ExitError } from './errors.js';
import { type Line, plainLines, wrapLine } from './layout.js';
import { colourWanted, makeStyle } from './render.js';

/** What every command gets from the global options. */
export interface CliContext {
  dbPath: string;
  style: ReturnType<typeof makeStyle>;
  out: (line?: string) => void;
  /** Prints lines on stdout: wrapped at words to the window on a terminal, one line each into a pipe. */
  outLines: (lines: readonly Line[]) => void;
  err: (line?: string) => void;
  open: () => Db;
}

/** Builds the context from the program's global options. */
export function contextFrom(command: Command): CliContext {
  const opts = command.optsWithGlobals() as { db?: string; color?: boolean };
  const dbPath = databasePath(opts.db);
  return {
    dbPath,
    style: makeStyle(colourWanted(process.stdout, opts.color)),
    out: (line = '') => process.stdout.write(`${line}\n`),
    outLines: (lines) => {
      const tty = process.stdout.isTTY && process.stdout.columns > 0;
      const shown = tty ? lines.flatMap((l) => wrapLine(l, process.stdout.columns - 1)) : plainLines(lines);
      process.stdout.write(`${shown.join('\n')}\n`);
    },
    err: (line = '') => process.stderr.write(`${line}\n`),
    open: () => {
      try {
        return openDatabase(dbPath);
      } catch (e) {
        if (e instanceof DatabaseError) throw new ExitError(e.message, e.hint);
        throw e;
      }
    },
  };
}
