import { attention, labelEnd, labelStartImage, labelStartLink } from 'micromark-core-commonmark';
import type { Construct, Event, Extension, Resolver, State, TokenizeContext } from 'micromark-util-types';
import { resolveAll } from 'micromark-util-resolve-all';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Linear-time stand-ins for the parts of micromark 4 that took quadratic time on degenerate inline text
 * (issue #17: 100 000 `[` or `]`, `[a]` runs, a 20 MB line of `**T**: d;`). Each gives the events the
 * original gives; test/notes/linear-resolvers.test.ts compares whole trees against the original's.
 *
 * - Adjacent `data` events are merged by micromark's text and string initializers, and by the resolvers
 *   that leave such runs behind (links and images that did not resolve, unmatched `*`, `_` and `~`), with
 *   one `splice` per run, each moving the rest of the paragraph's events: quadratic in runs. Each now
 *   merges them in one pass first, so the original finds nothing left to splice. Merging earlier changes
 *   nothing the resolvers look at (they act on other tokens), and a run merges into the same first token.
 * - GFM's footnote call construct walks back through every event of the paragraph at each `]` to look
 *   for a `[^`; with no footnote definition in the note no call can resolve, and it now says so at once.
 */

type Events = Event[];

/** Merges each run of adjacent `data` events into its first token, in one pass, as micromark's text initializer does. */
export function mergeData(events: Events): Events {
  let write = 0;
  let read = 0;
  while (read < events.length) {
    const event = events[read]!;
    if (event[1].type !== 'data') {
      events[write++] = event;
      read++;
      continue;
    }
    let end = read;
    while (end < events.length && events[end]![1].type === 'data') end++;
    // A data token's enter and exit are adjacent: the run is pairs, and its first pair stays.
    if (end - read > 2) event[1].end = events[end - 1]![1].end;
    events[write++] = events[read]!;
    events[write++] = events[read + 1]!;
    read = end;
  }
  events.length = write;
  return events;
}

// micromark's initializers are not exported: they are taken from the very file its entry point loads.
const initializers = (await import(
  pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('micromark')), 'lib', 'initialize', 'text.js')).href
)) as Record<'text' | 'string' | 'resolver', Construct>;
const originalInitializerResolveAll = new Map((['text', 'string', 'resolver'] as const).map((k) => [k, initializers[k].resolveAll!]));

const originalLabelResolveAll = labelEnd.resolveAll!;
const originalAttentionResolveAll = attention.resolveAll!;

/** The label resolver (links, images) with the data runs it leaves merged. One function for all three constructs, as before. */
const labelResolveAll: Resolver = (events, context) => mergeData(originalLabelResolveAll(events, context));
/** The emphasis resolver in linear time (see pairDelimiters), with the data runs it leaves (unmatched `*` and `_`) merged. */
const attentionResolveAll: Resolver = (events, context) => mergeData(pairDelimiters(events, context, attentionRules));

let installed = false;

/** Puts the linear resolvers in place of the quadratic ones, for every parser in this process. */
export function installLinearResolvers(): void {
  if (installed) return;
  installed = true;
  for (const construct of [labelEnd, labelStartLink, labelStartImage] as Construct[]) construct.resolveAll = labelResolveAll;
  (attention as Construct).resolveAll = attentionResolveAll;
  for (const [k, resolve] of originalInitializerResolveAll) initializers[k].resolveAll = (events, context) => resolve(mergeData(events), context);
}

/** Puts micromark's own resolvers back (for the tests that compare the two). */
export function uninstallLinearResolvers(): void {
  if (!installed) return;
  installed = false;
  for (const construct of [labelEnd, labelStartLink, labelStartImage] as Construct[]) construct.resolveAll = originalLabelResolveAll;
  (attention as Construct).resolveAll = originalAttentionResolveAll;
  for (const [k, resolve] of originalInitializerResolveAll) initializers[k].resolveAll = resolve;
}

/** GFM strikethrough paired in linear time (see pairDelimiters), with the data runs its resolver leaves (unmatched `~`) merged. */
export function mergingStrikethrough(extension: Extension): Extension {
  const construct = (extension.text as Record<number, Construct | Construct[]> | undefined)?.[126];
  if (!construct || Array.isArray(construct) || !construct.resolveAll) return extension;
  construct.resolveAll = (events, context) => mergeData(pairDelimiters(events, context, strikethroughRules));
  return extension;
}

/**
 * GFM footnotes with the `]` construct that looks for a footnote call skipped when the note defines no
 * footnote: it could not resolve, and its walk back over the paragraph made every `]` cost the whole line.
 */
export function boundedFootnotes(extension: Extension): Extension {
  const call = (extension.text as Record<number, Construct | Construct[]> | undefined)?.[93];
  if (!call || Array.isArray(call)) return extension;
  const tokenize = call.tokenize;
  call.tokenize = function (this: TokenizeContext, effects, ok, nok): State {
    const defined = (this.parser as { gfmFootnotes?: string[] }).gfmFootnotes;
    if (!defined || defined.length === 0) return nok;
    return tokenize.call(this, effects, ok, nok);
  };
  return extension;
}

type Token = Event[1] & { _open?: boolean; _close?: boolean };
type Context = Event[2];

/**
 * How one kind of delimiter pairs up (emphasis `*`/`_`, strikethrough `~`): micromark's own rules, and its
 * own way of building the events of a pair, taken over as they are.
 */
interface PairRules {
  /** The token type of an unpaired delimiter sequence. */
  type: string;
  /** What of a closer decides which openers it can take: openers that failed once fail again for the same key. */
  key: (closer: Token, context: Context) => string;
  /** Whether an opener (of this type, able to open) can be closed by the closer. */
  matches: (opener: Token, closer: Token, context: Context) => boolean;
  /**
   * The events that replace `events[open - 1 … index + 1]` (opener's enter to closer's exit), as the original
   * builds them; `offset` is 2 when the closer has markers left (its enter and exit end the list).
   */
  build: (events: Events, open: number, index: number, context: Context) => { next: Events; offset: number };
}

/**
 * micromark's delimiter-pairing resolver in linear time. The original walks back over every event of the
 * paragraph for each closer, and splices each pair into the full event list; here the candidate openers are
 * kept on a stack (with, per kind of closer, the depth below which none fits, as CommonMark's reference
 * parser does), and the events are built in a new list whose tail is all a pair ever replaces. Same pairs,
 * same events, same tokens.
 */
function pairDelimiters(events: Events, context: Context, rules: PairRules): Events {
  const out: Events = [];
  // Indices in `out` of the exit events of sequences that can still open, in order.
  const stack: number[] = [];
  const bottoms = new Map<string, number>();
  const candidate = (e: Event) => e[0] === 'exit' && e[1].type === rules.type && Boolean((e[1] as Token)._open);
  let i = 0;
  while (i < events.length) {
    const event = events[i++]!;
    out.push(event);
    if (event[0] !== 'enter' || event[1].type !== rules.type || !(event[1] as Token)._close) {
      if (candidate(event)) stack.push(out.length - 1);
      continue;
    }
    // A closer: its exit follows its enter at once (sequences are leaves).
    out.push(events[i++]!);
    for (;;) {
      const index = out.length - 2;
      const closer = out[index]![1] as Token;
      const key = rules.key(closer, context);
      const bottom = bottoms.get(key) ?? 0;
      let found = -1;
      for (let s = stack.length - 1; s >= bottom; s--) {
        if (rules.matches(out[stack[s]!]![1] as Token, closer, context)) {
          found = s;
          break;
        }
      }
      if (found < 0) {
        bottoms.set(key, stack.length);
        break;
      }
      const open = stack[found]!;
      const opener = out[open]![1];
      const { next, offset } = rules.build(out, open, index, context);
      out.length = open - 1;
      for (const e of next) out.push(e);
      // Every opener above the one used is inside the pair now; the one used stays if it has markers left.
      stack.length = found;
      if (next[0]![1] === opener && next[1]![1] === opener && candidate(out[open]!)) stack.push(open);
      for (const [k, b] of bottoms) if (b > found) bottoms.set(k, found);
      if (offset === 0) break;
    }
    const last = out[out.length - 1]!;
    if (candidate(last)) stack.push(out.length - 1);
  }
  // Sequences left unpaired are plain text.
  for (const e of out) if (e[1].type === rules.type) e[1].type = 'data';
  // In place, as the original: micromark's subtokenizer holds on to the array it handed over.
  events.length = out.length;
  for (let k = 0; k < out.length; k++) events[k] = out[k]!;
  return events;
}

/** The marker character of a sequence, read once and kept on the token (a side table would outlive nothing and cost a hash entry per token). */
function markerOf(token: Token & { _marker?: number }, context: Context): number {
  return (token._marker ??= context.sliceSerialize(token).charCodeAt(0));
}
const size = (t: Token) => t.end.offset - t.start.offset;

function movePoint(point: Token['start'], offset: number): void {
  point.column += offset;
  point.offset += offset;
  point._bufferIndex += offset;
}

/** Emphasis and strong emphasis, as micromark-core-commonmark 2.0.4's attention resolver pairs and builds them. */
const attentionRules: PairRules = {
  type: 'attentionSequence',
  key: (closer, context) => `${markerOf(closer, context)}:${closer._open ? 1 : 0}:${size(closer) % 3}`,
  matches: (opener, closer, context) => {
    if (markerOf(opener, context) !== markerOf(closer, context)) return false;
    // If the opening can close or the closing can open, and the close size is not a multiple of three but
    // the sum of the sizes is, they do not pair.
    return !((opener._close || closer._open) && size(closer) % 3 && !((size(opener) + size(closer)) % 3));
  },
  build: (events, open, index, context) => {
    const openToken = events[open]![1];
    const closeToken = events[index]![1];
    const use = size(openToken) > 1 && size(closeToken) > 1 ? 2 : 1;
    const start = { ...openToken.end };
    const end = { ...closeToken.start };
    movePoint(start, -use);
    movePoint(end, use);
    const kind = use > 1 ? 'strong' : 'emphasis';
    const openingSequence = { type: `${kind}Sequence`, start, end: { ...openToken.end } } as Token;
    const closingSequence = { type: `${kind}Sequence`, start: { ...closeToken.start }, end } as Token;
    const text = { type: `${kind}Text`, start: { ...openToken.end }, end: { ...closeToken.start } } as Token;
    const group = { type: kind, start: { ...openingSequence.start }, end: { ...closingSequence.end } } as Token;
    openToken.end = { ...openingSequence.start };
    closeToken.start = { ...closingSequence.end };
    const next: Events = [];
    if (size(openToken)) next.push(['enter', openToken, context], ['exit', openToken, context]);
    next.push(['enter', group, context], ['enter', openingSequence, context], ['exit', openingSequence, context], ['enter', text, context]);
    for (const e of resolveAll(context.parser.constructs.insideSpan.null!, events.slice(open + 1, index), context)) next.push(e);
    next.push(['exit', text, context], ['enter', closingSequence, context], ['exit', closingSequence, context], ['exit', group, context]);
    let offset = 0;
    if (size(closeToken)) {
      offset = 2;
      next.push(['enter', closeToken, context], ['exit', closeToken, context]);
    }
    return { next, offset };
  },
};

/** Strikethrough, as micromark-extension-gfm-strikethrough 2.1.0's resolver pairs and builds it. */
const strikethroughRules: PairRules = {
  type: 'strikethroughSequenceTemporary',
  key: (closer) => String(size(closer)),
  matches: (opener, closer) => size(opener) === size(closer),
  build: (events, open, index, context) => {
    const openToken = events[open]![1];
    const closeToken = events[index]![1];
    closeToken.type = 'strikethroughSequence';
    openToken.type = 'strikethroughSequence';
    const strikethrough = { type: 'strikethrough', start: { ...openToken.start }, end: { ...closeToken.end } } as Token;
    const text = { type: 'strikethroughText', start: { ...openToken.end }, end: { ...closeToken.start } } as Token;
    const next: Events = [['enter', strikethrough, context], ['enter', openToken, context], ['exit', openToken, context], ['enter', text, context]];
    const insideSpan = context.parser.constructs.insideSpan.null;
    if (insideSpan) for (const e of resolveAll(insideSpan, events.slice(open + 1, index), context)) next.push(e);
    next.push(['exit', text, context], ['enter', closeToken, context], ['exit', closeToken, context], ['exit', strikethrough, context]);
    return { next, offset: 0 };
  },
};
