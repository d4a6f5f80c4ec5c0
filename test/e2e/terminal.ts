import * as pty from 'node-pty';
import { bin, root } from '../helpers/cli.js';

export { bin };

/** Drives the real binary in a pseudo-terminal: type keys, wait for text on screen. */
export function terminal(args: string[], env: Record<string, string>) {
  const term = pty.spawn(process.execPath, [bin, ...args], { name: 'xterm-256color', cols: 100, rows: 40, cwd: root, env: { ...process.env, ...env } as Record<string, string> });
  let screen = '';
  let exitCode: number | null = null;
  term.onData((d) => (screen += d));
  const exited = new Promise<number>((resolve) => term.onExit((e) => resolve((exitCode = e.exitCode))));
  const waitFor = async (text: string | RegExp, from = 0, timeoutMs = 15_000) => {
    const start = Date.now();
    for (;;) {
      const seen = screen.slice(from);
      if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return screen.length;
      if (exitCode !== null || Date.now() - start > timeoutMs) throw new Error(`did not see ${String(text)}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { type: (s: string) => term.write(s), waitFor, exited, screen: () => screen, mark: () => screen.length };
}

