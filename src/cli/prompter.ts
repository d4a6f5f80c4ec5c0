import { createPrompt, isBackspaceKey, isEnterKey, useEffect, useKeypress, useState } from '@inquirer/core';
import { createInterface, type Interface } from 'node:readline';
import { terminalText } from './terminal-text.js';

/** What the user did at a prompt. */
export type Reply =
  | { kind: 'choice'; selected: number[] }
  | { kind: 'text'; text: string }
  | { kind: 'key'; key: string }
  | { kind: 'quit' }
  | { kind: 'timeout' };

/** How the user answers: pick choices by key, type a line, or press one of a few keys. */
export type AskInput =
  | { type: 'choice'; count: number; select: number; keys: string[] }
  | { type: 'text'; keys: string[] }
  | { type: 'keys'; keys: string[] };

/** One question or screen to show and the answer it waits for. */
export interface Ask {
  /** Everything above the input line, already styled. */
  screen: string;
  input: AskInput;
  /** A status line redrawn every second (the countdown); receives the current time in ms. */
  status?: (nowMs: number) => string;
  /** When the prompt gives up with `timeout` (epoch ms). */
  deadline?: number;
  /** The hint under the input ("1–4 answer · x flag · Ctrl-C quit"). */
  hint?: string;
}

/**
 * The only door to the terminal for questions. Tests replace it with a scripted fake; without a terminal
 * the plain prompter reads one answer per line.
 */
export interface Prompter {
  readonly interactive: boolean;
  ask(a: Ask): Promise<Reply>;
  print(text: string): void;
  close(): void;
}

const LETTERS = 'abcdefghij';

/** Maps a key ("2", "b") to a 0-based choice index, or -1. */
export function choiceIndex(key: string, count: number): number {
  if (/^[1-9]$/.test(key)) {
    const i = Number(key) - 1;
    return i < count ? i : -1;
  }
  const i = LETTERS.indexOf(key.toLowerCase());
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

interface KeyPromptConfig {
  ask: Ask;
  now: () => number;
}

// One custom prompt for every question: single keys answer at once, multi-select toggles then Enter,
// typed answers are a line; a one-second tick redraws the countdown and ends the prompt at the deadline.
const keyPrompt = createPrompt<Reply, KeyPromptConfig>((config, done) => {
  const { ask } = config;
  const [line, setLine] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const [, setTick] = useState(0);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!ask.status && ask.deadline === undefined) return;
    const timer = setInterval(() => {
      if (ask.deadline !== undefined && config.now() >= ask.deadline) done({ kind: 'timeout' });
      else setTick((t) => t + 1);
    }, 1000);
    return () => clearInterval(timer);
  }, []);

  useKeypress((key, rl) => {
    const input = ask.input;
    if (input.type === 'text') {
      if (isEnterKey(key)) {
        // readline has already cleared rl.line when Enter arrives: the typed text is the state kept below.
        const text = line.trim();
        if (input.keys.includes(text.toLowerCase())) done({ kind: 'key', key: text.toLowerCase() });
        else if (text === '') setError('type an answer, then Enter');
        else done({ kind: 'text', text });
        return;
      }
      setLine(rl.line);
      setError('');
      return;
    }
    rl.clearLine(0);
    const name = (key.name ?? '').toLowerCase();
    if (input.type === 'keys') {
      if (input.keys.includes(name) || (isEnterKey(key) && input.keys.includes('enter'))) done({ kind: 'key', key: isEnterKey(key) ? 'enter' : name });
      return;
    }
    if (isEnterKey(key)) {
      if (input.select > 1 && picked.length === input.select) done({ kind: 'choice', selected: [...picked].sort((a, b) => a - b) });
      else if (input.select > 1) setError(`select ${input.select}, then Enter`);
      return;
    }
    if (isBackspaceKey(key)) {
      setPicked(picked.slice(0, -1));
      return;
    }
    const index = choiceIndex(name, input.count);
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

  const parts = [ask.screen];
  if (ask.input.type === 'choice' && ask.input.select > 1) {
    parts.push(`selected: ${picked.length ? picked.map((p) => p + 1).join(', ') : '—'} (${ask.input.select} needed, Enter to confirm)`);
  }
  if (ask.input.type === 'text') parts.push(`> ${line}`);
  if (ask.status) parts.push(ask.status(config.now()));
  if (error) parts.push(error);
  if (ask.hint) parts.push(ask.hint);
  // What the user types is echoed here too: it passes the sanitiser with the rest.
  return terminalText(parts.join('\n'));
});

/** The terminal prompter: single keypresses, a live countdown, Ctrl-C ends the session cleanly. */
export function terminalPrompter(output: NodeJS.WriteStream = process.stdout, now: () => number = Date.now): Prompter {
  return {
    interactive: true,
    async ask(ask) {
      try {
        return await keyPrompt({ ask, now }, { clearPromptOnDone: false, output });
      } catch (e) {
        const name = (e as Error).name;
        if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') return { kind: 'quit' };
        throw e;
      }
    },
    print: (text) => output.write(`${terminalText(text)}\n`),
    close: () => undefined,
  };
}

/**
 * The plain prompter for pipes and scripts: prints the question, reads one line per answer (choice numbers
 * or letters, or text), and treats the end of input as "quit".
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
      write(ask.screen);
      if (ask.status) write(ask.status(now()));
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
        } else if (input.type === 'keys') {
          if (text === '' && input.keys.includes('enter')) return { kind: 'key', key: 'enter' };
        } else {
          const picked = parseChoices(text, input.count);
          if (picked && (input.select <= 1 ? picked.length === 1 : picked.length === input.select)) return { kind: 'choice', selected: picked.sort((a, b) => a - b) };
        }
        write(invalidHint(input));
      }
    },
    print: write,
    close: () => rl.close(),
  };
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
  if (input.type === 'keys') return `answer: one of ${input.keys.join(', ')}`;
  return input.select > 1 ? `answer: ${input.select} choices, e.g. 1,3` : `answer: a choice number 1–${input.count} or letter`;
}
