import { createPrompt, isBackspaceKey, isEnterKey, useEffect, useKeypress, useRef, useState } from '@inquirer/core';
import { createInterface, type Interface } from 'node:readline';
import { fit, type Line, plainLines, plainScreen, type Screen, type Size, wrapLine } from './layout.js';
import { terminalText } from './terminal-text.js';

/** What the user did at a prompt. */
export type Reply =
  | { kind: 'choice'; selected: number[] }
  | { kind: 'text'; text: string }
  | { kind: 'key'; key: string }
  | { kind: 'quit' }
  | { kind: 'timeout' };

/**
 * How the user answers. Key names are lower-case letters and digits, 'enter', 'space', 'escape' and
 * 'ctrl-x' style chords.
 * - choice: `1`–`9` or `a`–`j` pick (with `select` > 1 they toggle, then Enter confirms); `keys` are commands.
 * - text: a typed line; a line that is exactly one of `keys` is that command instead. With `instant`, a key
 *   of `keys` pressed on an empty line acts at once (the review screen: digits are typed, `s` submits).
 *   Letters never act while typing: a typed answer "x" is an answer, not the flag key.
 * - keys: one of `keys`.
 */
export type AskInput =
  | { type: 'choice'; count: number; select: number; keys: string[] }
  | { type: 'text'; keys: string[]; instant?: boolean }
  | { type: 'keys'; keys: string[] };

/** What a screen shows of the prompt's own state: choices picked so far, the line typed, a complaint, the time. */
export interface Live {
  picked: number[];
  line: string;
  error: string;
  nowMs: number;
  /** The window's width, for a screen that shortens rather than wraps (a list of one line per entry). */
  columns: number;
}

/** One screen to show and the answer it waits for. */
export interface Ask {
  /** Draws the screen from the prompt's state; called on every redraw (a key, the clock, a resize). */
  view: (live: Live) => Screen;
  input: AskInput;
  /** When the prompt gives up with `timeout` (epoch ms). */
  deadline?: number;
  /** Redraw every second (a countdown on screen). */
  ticking?: boolean;
}

/**
 * The only door to the terminal for questions. Tests replace it with a scripted fake; without a terminal
 * the plain prompter reads one answer per line.
 */
export interface Prompter {
  readonly interactive: boolean;
  ask(a: Ask): Promise<Reply>;
  /** Prints text that stays (a summary): wrapped at words on a terminal, a Line's text under its prefix. */
  print(text: string | readonly Line[]): void;
  close(): void;
}

const LETTERS = 'abcdefghij';

/** Maps a key ("2", "b") to a 0-based choice index, or -1. */
export function choiceIndex(key: string, count: number): number {
  if (/^[1-9]$/.test(key)) {
    const i = Number(key) - 1;
    return i < count ? i : -1;
  }
  const i = key.length === 1 ? LETTERS.indexOf(key.toLowerCase()) : -1;
  return i >= 0 && i < count ? i : -1;
}

/** Parses "1", "b", "1,3", "a c", "13" into 0-based indices; null when any part is not a choice. */
export function parseChoices(line: string, count: number): number[] | null {
  const parts = line.trim().toLowerCase().split(/[\s,;]+/).filter(Boolean);
  const keys = parts.length === 1 && /^([1-9]{2,}|[a-j]{2,})$/.test(parts[0]!) ? [...parts[0]!] : parts;
  const out: number[] = [];
  for (const k of keys) {
    const i = choiceIndex(k, count);
    if (i < 0 || out.includes(i)) return null;
    out.push(i);
  }
  return out.length ? out : null;
}

interface KeyEvent {
  name?: string;
  ctrl?: boolean;
  shift?: boolean;
  sequence?: string;
}

/** The name a key goes by in AskInput.keys. */
function keyName(key: KeyEvent): string {
  if (isEnterKey(key as never)) return 'enter';
  const name = (key.name ?? key.sequence ?? '').toLowerCase();
  return key.ctrl && name.length === 1 ? `ctrl-${name}` : name;
}

const SCROLL_KEYS = new Set(['up', 'down', 'pageup', 'pagedown', 'home', 'end']);

interface KeyPromptConfig {
  ask: Ask;
  now: () => number;
  size: () => Size;
  dim: (s: string) => string;
  /** The stream drawn on, for its resize events. */
  output: NodeJS.WriteStream;
}

// One custom prompt for every screen: it keeps what is picked, typed and scrolled, redraws the screen in place
// on each key, every second when asked and on a resize, and ends at the deadline.
const keyPrompt = createPrompt<Reply, KeyPromptConfig>((config, done) => {
  const { ask } = config;
  const [line, setLine] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const [, setTick] = useState(0);
  const [error, setError] = useState('');
  const [offset, setOffset] = useState(0);
  const shown = useRef({ offset: 0, page: 10 });

  useEffect(() => {
    if (!ask.ticking && ask.deadline === undefined) return;
    const timer = setInterval(() => {
      if (ask.deadline !== undefined && config.now() >= ask.deadline) done({ kind: 'timeout' });
      else setTick((t) => t + 1);
    }, 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const redraw = () => setTick((t) => t + 1);
    config.output.on('resize', redraw);
    return () => void config.output.off('resize', redraw);
  }, []);

  useKeypress((key: KeyEvent, rl) => {
    const input = ask.input;
    const name = keyName(key);
    if (SCROLL_KEYS.has(name)) {
      const { offset: at, page } = shown.current;
      const to = name === 'up' ? at - 1 : name === 'down' ? at + 1 : name === 'pageup' ? at - page : name === 'pagedown' ? at + page : name === 'home' ? 0 : Number.MAX_SAFE_INTEGER;
      setOffset(Math.max(0, to));
      return;
    }
    if (input.type === 'text') {
      const chord = key.ctrl || name === 'escape';
      if (chord && input.keys.includes(name)) {
        done({ kind: 'key', key: name });
        return;
      }
      if (input.instant && line === '' && input.keys.includes(name) && name.length === 1) {
        done({ kind: 'key', key: name });
        return;
      }
      if (name === 'enter') {
        // readline has already cleared rl.line when Enter arrives: the typed text is the state kept below.
        const text = line.trim();
        if (input.keys.includes(text.toLowerCase())) done({ kind: 'key', key: text.toLowerCase() });
        else if (text === '' && input.keys.includes('enter')) done({ kind: 'key', key: 'enter' });
        else if (text === '') setError('type an answer, then Enter');
        else done({ kind: 'text', text });
        return;
      }
      setLine(rl.line);
      setError('');
      return;
    }
    rl.clearLine(0);
    if (input.type === 'keys') {
      if (input.keys.includes(name)) done({ kind: 'key', key: name });
      return;
    }
    if (name === 'enter') {
      if (input.select > 1 && picked.length === input.select) done({ kind: 'choice', selected: [...picked].sort((a, b) => a - b) });
      else if (input.select > 1) setError(`pick ${input.select}, then Enter`);
      else if (input.keys.includes('enter')) done({ kind: 'key', key: 'enter' });
      return;
    }
    if (isBackspaceKey(key as never)) {
      setPicked(picked.slice(0, -1));
      return;
    }
    const index = key.ctrl ? -1 : choiceIndex(name, input.count);
    if (index >= 0) {
      if (input.select <= 1) {
        done({ kind: 'choice', selected: [index] });
        return;
      }
      setPicked(picked.includes(index) ? picked.filter((p) => p !== index) : picked.length < input.select ? [...picked, index] : picked);
      setError('');
      return;
    }
    if (input.keys.includes(name)) done({ kind: 'key', key: name });
  });

  const size = config.size();
  const screen = ask.view({ picked, line, error, nowMs: config.now(), columns: size.columns });
  const fitted = fit(screen, size, offset, config.dim);
  shown.current = { offset: fitted.offset, page: Math.max(1, size.rows - 6) };
  // What the user types is echoed here too: it passes the sanitiser with the rest.
  if (fitted.input !== undefined) return [terminalText([...fitted.top, fitted.input].join('\n')), terminalText(fitted.bottom.join('\n'))];
  // No cursor on a screen answered by single keys: it would sit on the hint line.
  return `${terminalText([...fitted.top, ...fitted.bottom].join('\n'))}\x1b[?25l`;
});

/** The window's size, with 80×24 for a stream that does not say. */
export function windowSize(output: NodeJS.WriteStream): Size {
  return { columns: output.columns > 0 ? output.columns : 80, rows: output.rows > 0 ? output.rows : 24 };
}

/**
 * The terminal prompter: every screen is drawn in place and erased when answered, so the next one is drawn
 * where it was; single keypresses, a live countdown, Ctrl-C ends the session cleanly.
 */
export function terminalPrompter(output: NodeJS.WriteStream = process.stdout, options: { now?: () => number; dim?: (s: string) => string } = {}): Prompter {
  const now = options.now ?? Date.now;
  const dim = options.dim ?? ((s: string) => s);
  return {
    interactive: true,
    async ask(ask) {
      try {
        return await keyPrompt({ ask, now, size: () => windowSize(output), dim, output }, { clearPromptOnDone: true, output });
      } catch (e) {
        const name = (e as Error).name;
        if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') return { kind: 'quit' };
        throw e;
      }
    },
    // Printed text stays in the scrollback: wrapped at words to the window, as the screens are.
    print: (text) => output.write(`${terminalText(asLines(text).flatMap((l) => wrapLine(l, windowSize(output).columns - 1)).join('\n'))}\n`),
    close: () => undefined,
  };
}

/**
 * The plain prompter for pipes and scripts: prints the screen once, line by line and unwrapped, reads one line
 * per answer (choice numbers or letters, or text), and treats the end of input as "quit".
 */
export function plainPrompter(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout, now: () => number = Date.now): Prompter {
  const rl: Interface = createInterface({ input, terminal: false });
  const lines: string[] = [];
  const waiters: Array<(line: string | null) => void> = [];
  let ended = false;
  rl.on('line', (l) => {
    const w = waiters.shift();
    if (w) w(l);
    else lines.push(l);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiters.splice(0)) w(null);
  });
  const nextLine = (deadline?: number): Promise<string | null | 'timeout'> => {
    if (lines.length) return Promise.resolve(lines.shift()!);
    if (ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      let timer: { cancel: () => void } | undefined;
      const waiter = (l: string | null) => {
        timer?.cancel();
        resolve(l);
      };
      waiters.push(waiter);
      if (deadline !== undefined) {
        const cancel = timerAt(deadline, now, () => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          resolve('timeout');
        });
        timer = { cancel };
      }
    });
  };
  const write = (s: string) => output.write(`${terminalText(s)}\n`);
  return {
    interactive: false,
    async ask(ask) {
      write(plainScreen(ask.view({ picked: [], line: '', error: '', nowMs: now(), columns: Number.POSITIVE_INFINITY })));
      for (;;) {
        if (ask.deadline !== undefined && now() >= ask.deadline) return { kind: 'timeout' };
        const raw = await nextLine(ask.deadline);
        if (raw === 'timeout') return { kind: 'timeout' };
        if (raw === null) return { kind: 'quit' };
        const text = raw.trim();
        const input = ask.input;
        if (input.keys.includes(text.toLowerCase())) return { kind: 'key', key: text.toLowerCase() };
        if (input.type === 'text') {
          if (text !== '') return { kind: 'text', text };
          if (input.keys.includes('enter')) return { kind: 'key', key: 'enter' };
        } else if (input.type === 'keys') {
          if (text === '' && input.keys.includes('enter')) return { kind: 'key', key: 'enter' };
        } else {
          const picked = parseChoices(text, input.count);
          if (picked && (input.select <= 1 ? picked.length === 1 : picked.length === input.select)) return { kind: 'choice', selected: picked.sort((a, b) => a - b) };
          if (text === '' && input.keys.includes('enter')) return { kind: 'key', key: 'enter' };
        }
        write(invalidHint(input));
      }
    },
    print: (text) => write(plainLines(asLines(text)).join('\n')),
    close: () => rl.close(),
  };
}

function asLines(text: string | readonly Line[]): readonly Line[] {
  return typeof text === 'string' ? text.split('\n') : text;
}

/** The longest delay setTimeout takes: a longer one fires at once (Node clamps it to 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `fn` at `deadline` (epoch ms on the `now` clock), however far away: a long wait is a chain of
 * timers each within setTimeout's range. Returns a function that cancels it.
 */
export function timerAt(deadline: number, now: () => number, fn: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = deadline - now();
    if (left <= 0) return void fn();
    timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.min(left, MAX_TIMER_MS));
  };
  arm();
  return () => clearTimeout(timer);
}

function invalidHint(input: AskInput): string {
  if (input.type === 'text') return 'answer: type it, then Enter';
  if (input.type === 'keys') return `answer: one of ${input.keys.filter((k) => k.length === 1 || k === 'enter').join(', ')}`;
  return input.select > 1 ? `answer: ${input.select} choices, e.g. 1,3` : `answer: a choice number 1–${input.count} or letter`;
}
