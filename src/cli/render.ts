import { Chalk, type ChalkInstance } from 'chalk';
import { safeLine as lineOnly, safeText } from './terminal-text.js';

/** The one place that styles terminal output. Colour is off for NO_COLOR, --no-color, or a non-terminal. */
export function makeStyle(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}

/** Whether colour should be used on `stream` given the environment and flags. */
export function colourWanted(stream: NodeJS.WriteStream, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** Text from notes, made safe to print: no escape sequences, control, bidirectional, zero-width or tag characters. */
export function safe(text: string): string {
  return safeText(text);
}

/** A file name or path, made safe to print on one line (a line break in a name shows as `\n`). */
export function safeLine(text: string): string {
  return lineOnly(text);
}
