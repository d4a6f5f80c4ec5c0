/**
 * The one sanitiser between awsquiz and a terminal. Every byte written to stdout or stderr goes through
 * `terminalText` (src/cli/context.ts, src/cli/prompter.ts and the error lines of src/cli/main.ts), and
 * text that came from notes, file names or the environment goes through `safeText` or `safeLine` before
 * it is styled, so that a note cannot move the cursor, set the window title, reorder what is shown
 * (bidirectional overrides) or hide text in it (zero-width and tag characters).
 */

import { showPath } from '../app/fs-names.js';

// C0 controls but tab and line feed, DEL, C1 (U+009B is an 8-bit CSI), the Arabic letter mark, the
// Mongolian vowel separator, zero-width characters and bidirectional marks, embeddings, overrides and
// isolates, line and paragraph separators, invisible operators, deprecated format characters, the byte
// order mark, interlinear annotations, and tag characters.
const UNSAFE_CHARS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}';
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, 'gu');
const HAS_UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, 'u');
// A whole escape sequence (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes), 7-bit or 8-bit.
const ESCAPE = /(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]|(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[ -/]*[0-~]/g;
// The only sequences awsquiz itself writes: colours (chalk's SGR), and the progress line's erase.
const OWN = /\u001B\[[0-9;]{0,16}m|\r\u001B\[2K/y;

/** Text from notes, names or the environment with every escape sequence and unsafe character removed; keeps `\n` and `\t`. */
export function safeText(text: string): string {
  if (!HAS_UNSAFE.test(text)) return text;
  return text.replace(ESCAPE, '').replace(UNSAFE, '');
}

/** safeText for what must stay on one line (a file name, a path): line breaks and tabs shown as `\n`, `\r`, `\t`. */
export function safeLine(text: string): string {
  return showPath(safeText(text.replace(/\r/g, '\\r')).replace(/\n/g, '\\n').replace(/\t/g, '\\t'));
}

/**
 * What may reach the terminal of text awsquiz is about to write: its own colour sequences kept, any other
 * escape sequence and unsafe character dropped. The last line of defence: text from outside is cleaned
 * before it is styled, so it has no sequence of its own left to keep.
 */
export function terminalText(text: string): string {
  if (!HAS_UNSAFE.test(text)) return text;
  let out = '';
  let at = 0;
  for (let i = text.indexOf('\u001B'); ; i = text.indexOf('\u001B', at)) {
    const end = i === -1 ? text.length : i;
    // A carriage return before the progress line's own erase sequence is ours too.
    const cut = i > 0 && text[i - 1] === '\r' ? end - 1 : end;
    out += text.slice(at, cut).replace(ESCAPE, '').replace(UNSAFE, '');
    if (i === -1) return out;
    OWN.lastIndex = cut;
    const own = OWN.exec(text);
    if (own) {
      out += own[0];
      at = cut + own[0].length;
    } else {
      ESCAPE.lastIndex = 0;
      const rest = text.slice(i);
      const m = /^(?:\u001B\[[0-?]*[ -/]*[@-~]|\u001B[\]PX^_][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[ -/]*[0-~]?)/.exec(rest);
      at = i + (m ? m[0].length : 1);
    }
  }
}

/** JSON of `value` with every unsafe character escaped as `\uXXXX`: valid JSON, the same data, nothing that drives a terminal. */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  if (!HAS_UNSAFE.test(json)) return json;
  return json.replace(UNSAFE, (c) => [...c].map((u) => escapeUnits(u)).join(''));
}

function escapeUnits(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
