import matter from 'gray-matter';
import { cleanText, countNewlines } from './text.js';

/** What a note's front matter may say about it; every field optional. */
export interface FrontMatter {
  exam?: string;
  domain?: string;
  services?: string[];
  tags?: string[];
  title?: string;
}

/** A problem found in a note, with where it is. Problems are reported, never thrown. */
export interface NoteMessage {
  line: number;
  message: string;
}

export interface SplitNote {
  frontMatter: FrontMatter;
  body: string;
  /** 1-based line of the original file on which `body` starts. */
  bodyLine: number;
  messages: NoteMessage[];
}

// YAML is a small language with large corners (aliases, huge documents): front matter is only worth a
// few kilobytes, so anything larger is refused before the YAML parser sees it.
const MAX_FRONT_MATTER = 16 * 1024;
const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Separates YAML front matter from the Markdown body, keeping only the fields awsquiz honours. */
export function splitFrontMatter(text: string): SplitNote {
  const m = FENCE.exec(text);
  if (!m) return { frontMatter: {}, body: text, bodyLine: 1, messages: [] };
  const bodyLine = countNewlines(m[0]) + 1;
  const body = text.slice(m[0].length);
  if (m[1]!.length > MAX_FRONT_MATTER) {
    return { frontMatter: {}, body, bodyLine, messages: [{ line: 1, message: 'front matter larger than 16 KB ignored' }] };
  }
  try {
    // gray-matter hands YAML the text after the opening fence, so YAML's 0-based line + 1 is the file's line.
    // Passing options turns off gray-matter's unbounded per-content cache.
    const data: unknown = matter(m[0], { excerpt: false }).data;
    return { frontMatter: pickFields(data), body, bodyLine, messages: [] };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = typeof mark?.line === 'number' ? mark.line + 1 : 1;
    const reason = firstLine((error as { reason?: string }).reason ?? (error as Error).message);
    return { frontMatter: {}, body, bodyLine, messages: [{ line, message: `invalid front matter ignored: ${reason}` }] };
  }
}

function pickFields(data: unknown): FrontMatter {
  if (typeof data !== 'object' || data === null) return {};
  const d = data as Record<string, unknown>;
  const out: FrontMatter = {};
  const exam = str(d.exam);
  if (exam) out.exam = exam.toUpperCase();
  const domain = str(d.domain);
  if (domain) out.domain = domain;
  const title = str(d.title);
  if (title) out.title = title;
  const services = list(d.services);
  if (services.length) out.services = services;
  const tags = list(d.tags);
  if (tags.length) out.tags = tags;
  return out;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const s = cleanText(v).slice(0, 200);
  return s === '' ? undefined : s;
}

function list(v: unknown): string[] {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
  return items.slice(0, 100).map(str).filter((s): s is string => s !== undefined);
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').trim();
}
