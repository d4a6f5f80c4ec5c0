/**
 * File names that are not UTF-8 (a Latin-1 "café.md" is the bytes 63 61 66 E9): Node decodes them with
 * replacement characters, after which no file by that name exists. Such a name is kept as a string in which
 * every byte from 0x80 up stands as the private-use character U+EF00 + byte (U+EF80–U+EFFF, the
 * convention MirBSD's OPTU-8 uses), and turned back into its bytes whenever the file system is asked.
 * Valid UTF-8 names are left exactly as they are.
 */

const ESCAPED = /[\uEF80-\uEFFF]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A directory entry's name as awsquiz keeps it: the UTF-8 text, or its bytes escaped as above. */
export function nameFromBytes(bytes: Buffer): string {
  try {
    const text = utf8.decode(bytes);
    // A real name holding the escape characters themselves would not come back as it was: escape it whole.
    if (!ESCAPED.test(text)) return text;
  } catch {
    // not UTF-8: escaped below
  }
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : String.fromCharCode(0xef00 + b);
  return out;
}

/** What to hand the file system for a path built from such names: the path itself, or its original bytes. */
export function fsPath(path: string): string | Buffer {
  if (!ESCAPED.test(path)) return path;
  const parts: Buffer[] = [];
  let run = '';
  for (const ch of path) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xef80 && code <= 0xefff) {
      if (run) parts.push(Buffer.from(run, 'utf8'));
      run = '';
      parts.push(Buffer.from([code - 0xef00]));
    } else run += ch;
  }
  if (run) parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/** A path for people to read: escaped bytes shown as `\xE9`. */
export function showPath(path: string): string {
  return ESCAPED.test(path) ? path.replace(/[\uEF80-\uEFFF]/g, (c) => `\\x${(c.charCodeAt(0) - 0xef00).toString(16).toUpperCase()}`) : path;
}
