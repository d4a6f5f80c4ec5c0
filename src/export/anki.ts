/**
 * An Anki collection as data: the rows of `col`, `notes`, `cards` and `revlog` in Anki's schema 11 (the one
 * every Anki client reads and that Anki itself writes into exported packages, as genanki does). No SQL
 * here: src/db/anki-collection.ts writes these rows into a collection file.
 */
import { createHash } from 'node:crypto';
import type { CardState, ReviewLogEntry } from '../study/schedule.js';
import { choiceList, clozeText, html, rightChoices } from './html.js';
import { choicesOf, sourceLine, tagsOf, type ExportQuestion } from './question.js';

/** A note type ("model"): its fields and its one card template. */
export interface AnkiModel {
  id: number;
  name: string;
  /** 0 standard, 1 cloze. */
  type: 0 | 1;
  fields: string[];
  qfmt: string;
  afmt: string;
}

export interface AnkiNoteRow {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
}

export interface AnkiCardRow {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
}

export interface AnkiRevlogRow {
  id: number;
  cid: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

export interface AnkiCollection {
  col: { crt: number; mod: number; scm: number; conf: string; models: string; decks: string; dconf: string };
  notes: AnkiNoteRow[];
  cards: AnkiCardRow[];
  revlog: AnkiRevlogRow[];
}

export interface AnkiOptions {
  now: Date;
  /** Carry each card's FSRS schedule (interval, due date, reps, lapses) and its review history over. */
  withSchedule?: boolean;
  deckName?: string;
}

const CSS =
  '.card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; }\n' +
  '.cloze { font-weight: bold; color: blue; }\n.nightMode .cloze { color: lightblue; }\n' +
  '.source { margin-top: 1em; font-size: 14px; color: gray; }\n';
const BACK = '<div class=source>{{Source}}<br>{{Note}}</div>';

// Fixed ids: importing a newer export updates the same note types and deck instead of adding copies.
/** The note types, one per question kind (typed questions with a blank become cloze notes). */
export const MODELS = {
  single: model(1733100000001, 'awsquiz multiple choice', ['Question', 'Choices', 'Answer'], '{{Question}}{{Choices}}', '{{FrontSide}}<hr id=answer>{{Answer}}'),
  multi: model(1733100000002, 'awsquiz multiple response', ['Question', 'Choices', 'Answer'], '{{Question}}{{Choices}}', '{{FrontSide}}<hr id=answer>{{Answer}}'),
  cloze: { ...model(1733100000003, 'awsquiz cloze', ['Text', 'Back Extra'], '{{cloze:Text}}<br>{{type:cloze:Text}}', '{{cloze:Text}}<br>{{type:cloze:Text}}<br>{{Back Extra}}'), type: 1 as const },
  typed: model(1733100000004, 'awsquiz type-in', ['Front', 'Back'], '{{Front}}<br>{{type:Back}}', '{{Front}}<hr id=answer>{{type:Back}}'),
  flip: model(1733100000005, 'awsquiz flip', ['Front', 'Back'], '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}'),
} satisfies Record<string, AnkiModel>;

/** The deck every exported card goes into. */
export const DECK_ID = 1733100000100;

function model(id: number, name: string, own: string[], qfmt: string, afmt: string): AnkiModel {
  // Every note type also keeps where the question came from and the awsquiz id, shown on the back.
  return { id, name, type: 0, fields: [...own, 'Source', 'Note', 'Id'], qfmt, afmt: `${afmt}${BACK}` };
}

/** Which note type a question becomes, and its fields in that note type's order. */
export function noteFields(q: ExportQuestion): { model: AnkiModel; fields: string[] } {
  const tail = [html(sourceLine(q)), html(q.source.text), q.id];
  switch (q.kind) {
    case 'single':
    case 'multi': {
      const choices = choicesOf(q);
      return { model: MODELS[q.kind], fields: [html(q.prompt), choiceList(choices), rightChoices(choices, q.answers), ...tail] };
    }
    case 'typed': {
      const answer = q.answers[0] ?? '';
      const cloze = clozeText(q.prompt, answer);
      if (cloze !== null) {
        const extra = q.accepted.length > 0 ? `Also accepted: ${html(q.accepted.join(', '))}` : '';
        return { model: MODELS.cloze, fields: [cloze, extra, ...tail] };
      }
      return { model: MODELS.typed, fields: [html(q.prompt), html(answer), ...tail] };
    }
    case 'flip':
      return { model: MODELS.flip, fields: [html(q.prompt), html(q.answers.join('\n')), ...tail] };
  }
}

/** The whole collection for `questions`: one note and one card each, in one deck. */
export function buildCollection(questions: readonly ExportQuestion[], options: AnkiOptions): AnkiCollection {
  const nowMs = options.now.getTime();
  const nowS = Math.floor(nowMs / 1000);
  // The collection's day 0: review cards' due dates count days from it.
  const crt = Math.floor(nowS / 86400) * 86400;
  const notes: AnkiNoteRow[] = [];
  const cards: AnkiCardRow[] = [];
  const revlog: AnkiRevlogRow[] = [];
  const usedRevlogIds = new Set<number>();
  let nextId = nowMs;
  questions.forEach((q, position) => {
    const { model: m, fields } = noteFields(q);
    const nid = nextId++;
    notes.push({ id: nid, guid: guidFor(q.id), mid: m.id, mod: nowS, tags: ` ${tagsOf(q).join(' ')} `, flds: fields.join('\x1f'), sfld: stripHtml(fields[0]!), csum: checksum(fields[0]!) });
    const cid = nextId++;
    const schedule = options.withSchedule && q.card && q.card.state !== 0 ? scheduled(q.card, crt) : { type: 0, queue: 0, due: position + 1, ivl: 0, reps: 0, lapses: 0, left: 0 };
    cards.push({ id: cid, nid, did: DECK_ID, ord: 0, mod: nowS, factor: schedule.type === 0 ? 0 : 2500, ...schedule });
    if (options.withSchedule) {
      for (const r of q.reviews) {
        let id = r.review.getTime();
        while (usedRevlogIds.has(id)) id++;
        usedRevlogIds.add(id);
        revlog.push(revlogRow(id, cid, r));
      }
    }
  });
  const name = options.deckName ?? 'awsquiz';
  return {
    col: {
      crt,
      mod: nowMs,
      scm: nowMs,
      conf: JSON.stringify({ activeDecks: [1], curDeck: 1, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true, curModel: String(MODELS.single.id), nextPos: questions.length + 1, sortType: 'noteFld', sortBackwards: false, addToCur: true }),
      models: JSON.stringify(Object.fromEntries(Object.values(MODELS).map((m) => [String(m.id), modelJson(m, nowS)]))),
      decks: JSON.stringify({ '1': deckJson(1, 'Default', nowS), [String(DECK_ID)]: deckJson(DECK_ID, name, nowS) }),
      dconf: JSON.stringify({ '1': DECK_OPTIONS }),
    },
    notes,
    cards,
    revlog,
  };
}

/** Card columns for an FSRS card that has been answered: learning (due a Unix time in seconds) or review (due a day number from `crt`). */
function scheduled(card: CardState, crt: number): Pick<AnkiCardRow, 'type' | 'queue' | 'due' | 'ivl' | 'reps' | 'lapses' | 'left'> {
  const dueS = Math.floor(card.due.getTime() / 1000);
  const ivl = Math.max(1, Math.round(card.scheduled_days));
  const counts = { reps: card.reps, lapses: card.lapses };
  switch (card.state) {
    case 2:
      return { type: 2, queue: 2, due: Math.max(0, Math.floor((dueS - crt) / 86400)), ivl, left: 0, ...counts };
    default:
      // Learning (1) or relearning (3): one step left, due at its time of day.
      return { type: card.state, queue: 1, due: dueS, ivl: card.state === 3 ? ivl : 0, left: 1001, ...counts };
  }
}

function revlogRow(id: number, cid: number, r: ReviewLogEntry): AnkiRevlogRow {
  // Anki's revlog type is the card's phase when it was answered: 0 learning, 1 review, 2 relearning.
  const type = r.state === 2 ? 1 : r.state === 3 ? 2 : 0;
  return { id, cid, ease: r.rating, ivl: Math.max(1, Math.round(r.scheduled_days)), lastIvl: Math.round(r.last_elapsed_days), factor: 2500, time: 0, type };
}

function modelJson(m: AnkiModel, nowS: number): object {
  return {
    id: m.id,
    name: m.name,
    type: m.type,
    mod: nowS,
    usn: -1,
    sortf: 0,
    did: DECK_ID,
    tmpls: [{ name: 'Card 1', ord: 0, qfmt: m.qfmt, afmt: m.afmt, bqfmt: '', bafmt: '', did: null }],
    flds: m.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: CSS,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    // The first field (Question, Text or Front) is what the card's front needs.
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

function deckJson(id: number, name: string, nowS: number): object {
  return { id, name, desc: '', conf: 1, dyn: 0, collapsed: false, extendNew: 10, extendRev: 50, usn: -1, mod: nowS, newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0] };
}

const DECK_OPTIONS = {
  id: 1,
  name: 'Default',
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
  lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
  rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
};

const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** A note's guid from the question id, in Anki's base-91 form: the same question always gets the same guid. */
export function guidFor(questionId: string): string {
  let n = createHash('sha256').update(`awsquiz:${questionId}`).digest().readBigUInt64BE(0);
  let out = '';
  while (n > 0n) {
    out = BASE91[Number(n % 91n)]! + out;
    n /= 91n;
  }
  return out || 'a';
}

/** Anki's duplicate checksum: the first 8 hex digits of the SHA-1 of the first field without HTML. */
function checksum(field: string): number {
  return parseInt(createHash('sha1').update(stripHtml(field)).digest('hex').slice(0, 8), 16);
}

function stripHtml(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
