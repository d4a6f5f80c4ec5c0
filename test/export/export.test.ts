import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnkiPackage } from 'anki-reader';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/app/catalogue.js';
import { ExportError, exportQuestions, type ExportOptions } from '../../src/app/export.js';
import { ingest } from '../../src/app/ingest.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { QuizRepository } from '../../src/db/quiz.js';
import { makeScheduler, newCardState, reviewCard } from '../../src/study/schedule.js';
import { tempDir } from '../helpers/cli.js';

const NOTES = join(import.meta.dirname, 'notes');
const NOW = new Date('2026-11-20T10:00:00Z');

let dir: string;
let db: Db;
let ids: { flagged: string; outdated: string; reviewed: string };

beforeAll(async () => {
  dir = tempDir('awsquiz-export-');
  db = openDatabase(join(dir, 'quiz.db'));
  await ingest({ db, catalogue: loadCatalogue(), paths: [NOTES], includeKnown: false, now: NOW, threads: 0 });
  // Every kind the exports handle, whatever the generator makes of the note today: written beside its questions.
  const at = db.prepare('SELECT source_id, topic_id FROM questions ORDER BY line LIMIT 1').get() as { source_id: number; topic_id: number };
  const add = db.prepare(
    `INSERT INTO questions (id, source_id, topic_id, kind, fact_kind, prompt, answers, distractors, accepted, line, source_text, exam, domain, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'test', ?, ?, ?, ?, ?, ?, 'DVA-C02', NULL, ?, ?)`,
  );
  const extra: Array<[string, string, string, string[], string[], string[]]> = [
    ['qmulti', 'multi', 'SQS queue types — which TWO keep messages in order? (Select TWO)', ['FIFO queue', 'FIFO topic'], ['Standard queue', 'Standard topic', 'Delay queue'], []],
    ['qcloze', 'typed', 'SQS queue types — fill in the blank: “Only a ____ accepts a message deduplication ID.”', ['FIFO queue'], [], ['FIFO queues']],
    ['qtypein', 'typed', 'Which API call extends one message’s visibility timeout?', ['ChangeMessageVisibility'], [], []],
  ];
  extra.forEach(([id, kind, prompt, answers, distractors, accepted], i) =>
    add.run(id, at.source_id, at.topic_id, kind, prompt, JSON.stringify(answers), JSON.stringify(distractors), JSON.stringify(accepted), 100 + i, prompt, NOW.toISOString(), NOW.toISOString()),
  );
  const all = db.prepare("SELECT id, kind, prompt FROM questions WHERE retired_at IS NULL ORDER BY line, id").all() as Array<{ id: string; kind: string; prompt: string }>;
  const singles = all.filter((q) => q.kind === 'single');
  ids = { flagged: singles[0]!.id, outdated: singles[1]!.id, reviewed: singles[2]!.id };
  const repo = new QuizRepository(db);
  repo.flag(ids.flagged, 'bad', NOW);
  db.prepare('UPDATE questions SET outdated = ? WHERE id = ?').run(
    JSON.stringify({ fact: 'sqs.message-size', service: 'SQS', attribute: 'maximum message size', said: '256 KB', documented: '1 MiB', since: '2025-08', url: 'https://docs.aws.amazon.com/' }),
    ids.outdated,
  );
  // Two reviews a day apart: the card is in review with a history of two.
  const scheduler = makeScheduler();
  let card = newCardState(new Date('2026-11-10T09:00:00Z'));
  for (const [at, rating] of [['2026-11-10T09:00:00Z', 3], ['2026-11-12T09:00:00Z', 3]] as const) {
    const r = reviewCard(scheduler, card, rating, new Date(at));
    repo.record({ sessionId: null, questionId: ids.reviewed, position: null, given: 'x', correct: true, timeMs: 4000, at: new Date(at), review: { rating, card: r.card, log: r.log } });
    card = r.card;
  }
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (o: Partial<ExportOptions> & Pick<ExportOptions, 'format' | 'path'>) => exportQuestions({ db, catalogue: loadCatalogue(), now: NOW, ...o });
const active = () => (db.prepare('SELECT count(*) AS n FROM questions WHERE retired_at IS NULL').get() as { n: number }).n;

describe('export anki', () => {
  it('writes a package that anki-reader reads back: notes, cards, fields, tags and note types', async () => {
    const path = join(dir, 'deck.apkg');
    const summary = run({ format: 'anki', path });
    expect(summary.leftOut).toEqual({ flagged: 1, outdated: 1 });
    expect(summary.questions).toBe(active() - 2);

    const { collection } = await readAnkiPackage(new Blob([readFileSync(path)]));
    const decks = Object.values(collection.getDecks());
    const deck = decks.find((d) => d.getName() === 'awsquiz')!;
    const cards = Object.values(deck.getCards());
    expect(cards).toHaveLength(summary.questions);
    const raw = collection.getRawCollection();
    expect(raw.exec('SELECT count(*), count(DISTINCT guid) FROM notes')[0]!.values).toEqual([[summary.questions, summary.questions]]);
    expect(raw.exec('SELECT ver FROM col')[0]!.values).toEqual([[11]]);
    for (const table of ['col', 'notes', 'cards', 'revlog', 'graves']) expect(raw.exec(`SELECT count(*) FROM sqlite_master WHERE name = '${table}'`)[0]!.values).toEqual([[1]]);

    expect(Object.values(collection.getModels()).map((m) => m.getName()).sort()).toEqual(
      ['awsquiz cloze', 'awsquiz flip', 'awsquiz multiple choice', 'awsquiz multiple response', 'awsquiz type-in'].sort(),
    );
    const byModel = new Map<string, number>();
    for (const c of cards) byModel.set(c.getModel().getName(), (byModel.get(c.getModel().getName()) ?? 0) + 1);
    const kinds = db.prepare('SELECT kind, count(*) AS n FROM questions WHERE retired_at IS NULL AND flagged_at IS NULL AND outdated IS NULL GROUP BY kind').all() as Array<{ kind: string; n: number }>;
    const n = (k: string) => kinds.find((x) => x.kind === k)?.n ?? 0;
    const m = (name: string) => byModel.get(name) ?? 0;
    for (const k of ['single', 'multi', 'typed', 'flip']) expect(n(k), k).toBeGreaterThan(0);
    expect(m('awsquiz multiple choice')).toBe(n('single'));
    expect(m('awsquiz multiple response')).toBe(n('multi'));
    expect(m('awsquiz cloze') + m('awsquiz type-in')).toBe(n('typed'));
    expect(m('awsquiz cloze')).toBeGreaterThan(0);
    expect(m('awsquiz type-in')).toBeGreaterThan(0);
    expect(m('awsquiz flip')).toBe(n('flip'));

    // One multiple-choice card in full: its fields, the right letter, the source line and the tags.
    const q = db
      .prepare(`SELECT q.id, q.prompt, q.answers, q.line, q.source_text, t.path AS topic FROM questions q JOIN topics t ON t.id = q.topic_id WHERE kind = 'single' AND flagged_at IS NULL AND outdated IS NULL ORDER BY line, q.id LIMIT 1`)
      .get() as { id: string; prompt: string; answers: string; line: number; source_text: string; topic: string };
    const card = cards.find((c) => c.getFields().Id === q.id)!;
    const f = card.getFields();
    expect(f.Question).toBe(q.prompt.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    const letters = [...f.Choices!.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    const right = JSON.parse(q.answers)[0] as string;
    expect(letters).toContain(right);
    expect(f.Answer).toBe(`${String.fromCharCode(65 + letters.indexOf(right))}. ${right}`);
    expect(f.Source).toBe(`${join(NOTES, 'queues.md')}:${q.line} · ${q.topic}`);
    expect(f.Note).toBe(q.source_text);
    expect(card.getQuestions()[0]!.getQuestionString()).toContain(f.Question);
    const tags = (raw.exec(`SELECT tags FROM notes WHERE flds LIKE '%${q.id}'`)[0]!.values[0]![0] as string).trim().split(' ');
    expect(tags).toEqual(['awsquiz', 'exam::DVA-C02', 'domain::development', 'service::sqs', `topic::${q.topic.split(' › ').map((p) => p.replace(/ /g, '_')).join('::')}`]);

    // A typed question with a blank is a cloze note whose cloze is the answer.
    const typedRows = db.prepare(`SELECT id, prompt, answers FROM questions WHERE kind = 'typed'`).all() as Array<{ id: string; prompt: string; answers: string }>;
    const typed = typedRows.find((t) => t.prompt.includes('____'))!;
    const cloze = cards.find((c) => c.getFields().Id === typed.id)!;
    expect(cloze.getModel().getName()).toBe('awsquiz cloze');
    expect(cloze.getFields().Text).toContain(`{{c1::${JSON.parse(typed.answers)[0]}}}`);
    expect(cloze.getFields().Text).not.toContain('____');
    // One without a blank (a Q:/A: pair) is typed in.
    const qa = typedRows.find((t) => !t.prompt.includes('____'))!;
    const typeIn = cards.find((c) => c.getFields().Id === qa.id)!;
    expect(typeIn.getModel().getName()).toBe('awsquiz type-in');
    expect(typeIn.getFields().Back).toBe(JSON.parse(qa.answers)[0]);

    // Without --with-schedule every card is new and there is no review log.
    expect(raw.exec('SELECT DISTINCT type, queue FROM cards')[0]!.values).toEqual([[0, 0]]);
    expect(raw.exec('SELECT count(*) FROM revlog')[0]!.values).toEqual([[0]]);
    const zip = unzipSync(readFileSync(path));
    expect(Object.keys(zip).sort()).toEqual(['collection.anki2', 'media']);
    expect(strFromU8(zip.media!)).toBe('{}');
  });

  it('carries the schedule and the review log over with --with-schedule, and outdated questions with --include-outdated', async () => {
    const path = join(dir, 'scheduled.apkg');
    const summary = run({ format: 'anki', path, withSchedule: true, includeOutdated: true });
    expect(summary.leftOut).toEqual({ flagged: 1, outdated: 0 });
    const { collection } = await readAnkiPackage(new Blob([readFileSync(path)]));
    const raw = collection.getRawCollection();
    const [crt] = raw.exec('SELECT crt FROM col')[0]!.values[0]! as number[];
    const stored = db.prepare('SELECT due, scheduled_days, reps FROM cards WHERE question_id = ?').get(ids.reviewed) as { due: string; scheduled_days: number; reps: number };
    const row = raw.exec(`SELECT c.type, c.queue, c.due, c.ivl, c.reps, c.id FROM cards c JOIN notes n ON n.id = c.nid WHERE n.flds LIKE '%${ids.reviewed}'`)[0]!.values[0]! as number[];
    expect(row.slice(0, 2)).toEqual([2, 2]);
    expect(row[2]).toBe(Math.floor((Date.parse(stored.due) / 1000 - crt!) / 86400));
    expect(row[3]).toBe(Math.max(1, Math.round(stored.scheduled_days)));
    expect(row[4]).toBe(stored.reps);
    const logs = raw.exec(`SELECT ease, type FROM revlog WHERE cid = ${row[5]} ORDER BY id`)[0]!.values;
    // Anki's revlog type is the phase the card was in when answered: 0 learning, 1 review, 2 relearning.
    const phases = (db.prepare('SELECT state FROM review_logs WHERE question_id = ? ORDER BY review').all(ids.reviewed) as Array<{ state: number }>).map((r) => (r.state === 2 ? 1 : r.state === 3 ? 2 : 0));
    expect(logs).toEqual(phases.map((type) => [3, type]));
    expect(logs).toHaveLength(2);
    const outdated = raw.exec(`SELECT tags FROM notes WHERE flds LIKE '%${ids.outdated}'`)[0]!.values[0]![0] as string;
    expect(outdated.trim().split(' ')).toContain('outdated');
  });
});

describe('export csv and json', () => {
  it("writes Anki's text import format with its file headers, one line per question", () => {
    const path = join(dir, 'deck.txt');
    const summary = run({ format: 'csv', path });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual(['#separator:Tab', '#html:true', '#notetype column:1', '#deck column:2', '#tags column:3', '#guid column:4', '#columns:Notetype\tDeck\tTags\tGUID\tFront\tBack']);
    const rows = lines.slice(7).map((l) => l.split('\t'));
    expect(rows).toHaveLength(summary.questions);
    for (const r of rows) {
      expect(r).toHaveLength(6);
      expect(['Basic', 'Cloze', 'Basic (type in the answer)']).toContain(r[0]);
      expect(r[1]).toBe('awsquiz');
      expect(r[2]!.split(' ')).toContain('exam::DVA-C02');
      expect(r.join('')).not.toMatch(/["\n\r]/);
    }
    expect(rows.filter((r) => r[0] === 'Cloze').every((r) => /\{\{c1::[^}]+\}\}/.test(r[4]!))).toBe(true);
    expect(rows.some((r) => r[0] === 'Cloze')).toBe(true);
  });

  it('writes every question with answers, choices, quality score, your answers and source as JSON', () => {
    const path = join(dir, 'questions.json');
    run({ format: 'json', path, includeOutdated: true });
    const out = JSON.parse(readFileSync(path, 'utf8')) as { questions: Array<Record<string, any>> };
    expect(out.questions).toHaveLength(active() - 1);
    const reviewed = out.questions.find((q) => q.id === ids.reviewed)!;
    expect(reviewed.answered).toEqual({ answers: 2, correct: 2, accuracy: 1 });
    expect(reviewed.score).toBe(db.prepare('SELECT score FROM questions WHERE id = ?').pluck().get(ids.reviewed));
    expect(reviewed.score).toBeGreaterThan(0);
    expect(reviewed.source.path).toBe(join(NOTES, 'queues.md'));
    expect(reviewed.choices.length).toBeGreaterThan(0);
    expect(reviewed.card.reps).toBe(2);
    expect(out.questions.find((q) => q.id === ids.outdated)!.outdated.documented).toBe('1 MiB');
    expect(out.questions.some((q) => q.id === ids.flagged)).toBe(false);
  });

  it('narrows by --topic and --notes', () => {
    const byTopic = run({ format: 'json', path: join(dir, 'topic.json'), topic: 'queue types' });
    const inTopic = (db.prepare("SELECT count(*) AS n FROM questions q JOIN topics t ON t.id = q.topic_id WHERE t.path LIKE '%queue types%' AND flagged_at IS NULL AND outdated IS NULL").get() as { n: number }).n;
    expect(byTopic.questions).toBe(inTopic);
    expect(run({ format: 'json', path: join(dir, 'notes.json'), notes: NOTES }).questions).toBe(active() - 2);
    expect(run({ format: 'json', path: join(dir, 'none.json'), notes: join(NOTES, 'other') }).questions).toBe(0);
  });
});

describe('export files', () => {
  it('never overwrites without --force, and replaces the file whole with it', () => {
    const path = join(dir, 'keep.json');
    writeFileSync(path, 'mine');
    expect(() => run({ format: 'json', path })).toThrow(ExportError);
    expect(() => run({ format: 'json', path })).toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('mine');
    run({ format: 'json', path, force: true });
    expect(JSON.parse(readFileSync(path, 'utf8')).format).toBe('awsquiz-questions');
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a missing folder, a folder as the target and an unwritable folder as ExportErrors, writing nothing', () => {
    expect(() => run({ format: 'anki', path: join(dir, 'no', 'such', 'deck.apkg') })).toThrow(/folder .* does not exist/);
    expect(() => run({ format: 'anki', path: dir })).toThrow(/is a folder/);
    expect(() => run({ format: 'anki', path: join(dir, 'quiz.db', 'deck.apkg') })).toThrow(/is not a folder/);
    expect(statSync(join(dir, 'quiz.db')).isFile()).toBe(true);
  });
});
