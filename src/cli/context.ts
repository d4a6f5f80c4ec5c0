import type { Command } from 'commander';
import { databasePath } from '../app/paths.js';
import { DatabaseError } from '../db/errors.js';
import { openDatabase, type Db, type OpenOptions } from '../db/open.js';
import { ExitError } from './errors.js';
import { type Line, plainLines, wrapLine } from './layout.js';
import { colourWanted, makeStyle } from './render.js';
import { terminalText } from './terminal-text.js';

/** What every command gets from the global options. */
export interface CliContext {
  dbPath: string;
  style: ReturnType<typeof makeStyle>;
  out: (line?: string) => void;
  /** Prints lines on stdout: wrapped at words to the window on a terminal, one line each into a pipe. */
  outLines: (lines: readonly Line[]) => void;
  err: (line?: string) => void;
  open: (options?: OpenOptions) => Db;
}

/** Builds the context from the program's global options. */
export function contextFrom(command: Command): CliContext {
  const opts = command.optsWithGlobals() as { db?: string; color?: boolean };
  // "--db ''" would otherwise fall back to $AWSQUIZ_DB or the default database without a word.
  if (opts.db !== undefined && opts.db.trim() === '') throw new ExitError('--db is empty', 'give the path of a database file, or leave --db out', 2);
  const dbPath = databasePath(opts.db);
  return {
    dbPath,
    style: makeStyle(colourWanted(process.stdout, opts.color)),
    // Every line passes the one sanitiser on its way out (see terminal-text.ts).
    out: (line = '') => process.stdout.write(`${terminalText(line)}\n`),
    outLines: (lines) => {
      const tty = process.stdout.isTTY && process.stdout.columns > 0;
      const shown = tty ? lines.flatMap((l) => wrapLine(l, process.stdout.columns - 1)) : plainLines(lines);
      process.stdout.write(`${terminalText(shown.join('\n'))}\n`);
    },
    err: (line = '') => process.stderr.write(`${terminalText(line)}\n`),
    open: (options) => {
      try {
        return openDatabase(dbPath, options);
      } catch (e) {
        if (e instanceof DatabaseError) throw new ExitError(e.message, e.hint);
        throw e;
      }
    },
  };
}
