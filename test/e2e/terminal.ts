import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import { bin, root } from '../helpers/cli.js';

export { bin };

export interface TerminalOptions {
  cols?: number;
  rows?: number;
  /** Run through `sh -c` with this command line instead of the binary (for redirections). */
  shell?: string;
}

/**
 * Drives the real binary in a pseudo-terminal (80×24 unless told) and feeds what it writes to a terminal
 * emulator, so tests read what lands on the screen and in the scrollback, as a person would see it.
 */
export function terminal(args: string[], env: Record<string, string>, options: TerminalOptions = {}) {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const [file, argv] = options.shell !== undefined ? ['/bin/sh', ['-c', options.shell]] : [process.execPath, [bin, ...args]];
  const term = pty.spawn(file, argv, { name: 'xterm-256color', cols, rows, cwd: root, env: { ...process.env, ...env } as Record<string, string> });
  const emulator = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  let raw = '';
  let pending = Promise.resolve();
  let exitCode: number | null = null;
  term.onData((d) => {
    raw += d;
    pending = pending.then(() => new Promise<void>((resolve) => emulator.write(d, resolve)));
  });
  const exited = new Promise<number>((resolve) => term.onExit((e) => resolve((exitCode = e.exitCode))));
  /** Every line of the buffer: the scrollback, then the window. */
  const lines = async (): Promise<string[]> => {
    await pending;
    const b = emulator.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < b.length; i++) out.push(b.getLine(i)!.translateToString(true));
    // The buffer holds the whole window even below the last line written: trailing empty lines say nothing.
    while (out.length > 0 && out.at(-1) === '') out.pop();
    return out;
  };
  /** The lines scrolled off the top of the window. */
  const scrollback = async (): Promise<string[]> => {
    await pending;
    const b = emulator.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < b.baseY; i++) out.push(b.getLine(i)!.translateToString(true));
    return out;
  };
  /** The window as it shows now. */
  const screen = async (): Promise<string[]> => {
    await pending;
    const b = emulator.buffer.active;
    const out: string[] = [];
    for (let i = b.baseY; i < b.baseY + rows; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
    return out;
  };
  /** Waits until the window shows `text` (a string or a pattern over its lines joined). */
  const waitFor = async (text: string | RegExp, timeoutMs = 15_000): Promise<string[]> => {
    const start = Date.now();
    for (;;) {
      const shown = await screen();
      const joined = shown.join('\n');
      const has = (t: string) => (typeof text === 'string' ? t.includes(text) : text.test(t));
      if (has(joined)) return shown;
      // Once the program has ended, its last words may have scrolled up: look in the whole buffer.
      if (exitCode !== null && has((await lines()).join('\n'))) return shown;
      if (exitCode !== null || Date.now() - start > timeoutMs) throw new Error(`did not see ${String(text)}; screen:\n${joined}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** Types each key in turn and waits for what it should bring on screen; returns the last screen. */
  const steps = async (pairs: ReadonlyArray<[string, string | RegExp]>): Promise<string[]> => {
    let shown: string[] = [];
    for (const [key, until] of pairs) {
      term.write(key);
      shown = await waitFor(until);
    }
    return shown;
  };
  return { type: (s: string) => term.write(s), waitFor, steps, screen, scrollback, lines, exited, raw: () => raw, cols, rows };
}

/** Lines that appear more than once among `lines`, empty and rule lines aside. */
export function repeated(lines: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    if (t !== '') seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([l]) => l);
}
