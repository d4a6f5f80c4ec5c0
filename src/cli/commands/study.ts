import type { Command } from 'commander';
import type { QuizQuestion, Rating } from '../../core/types.js';
import { planStudy } from '../../app/study-plan.js';
import { anyIndexed } from '../../db/question-index.js';
import { QuizRepository, type RecordedAnswer } from '../../db/quiz.js';
import { localDay, startOfLocalDay } from '../../stats/calendar.js';
import { autoRating, expectedTimeMs, selfRatingFromKey } from '../../study/grade.js';
import { matchChoices, matchTyped } from '../../study/match.js';
import { SessionQueue } from '../../study/queue.js';
import { seededRandom, shuffled } from '../../study/random.js';
import { makeScheduler, newCardState, reviewCard, type CardState } from '../../study/schedule.js';
import { summarize, type StudyResult } from '../../study/summary.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { plainScreen } from '../layout.js';
import type { Ask, Live, Prompter, Reply } from '../prompter.js';
import { choosePrompter, openInEditor, prepareNotes, resolveOrExplain } from '../session-setup.js';
import {
  noteLines,
  sessionHeader,
  studyFeedbackScreen,
  studyQuestionScreen,
  studyRevealScreen,
  studySummaryLines,
  type StudyQuestionView,
  type StudyVerdict,
} from '../study-view.js';
import { clock, interval } from '../views.js';

export interface StudyOptions {
  domain?: string;
  topic?: string;
  topicId?: number;
  service?: string;
  exam?: string;
  notes?: string;
  newOnly?: boolean;
  dueOnly?: boolean;
  limit: number;
  minutes?: number;
  retention: number;
  plain?: boolean;
  refresh: boolean;
  seed?: number;
  includeOutdated?: boolean;
}

/** Time a learner spends on a feedback screen, for the session's estimate. */
const FEEDBACK_MS = 5000;

/** `awsquiz study`: a spaced-repetition session; every answer is saved the moment it is given. */
export async function run(opts: StudyOptions, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  const db = ctx.open();
  const prompter = choosePrompter(opts.plain, process.stdout, ctx.style.dim);
  try {
    await prepareNotes(ctx, db, opts.refresh);
    const repo = new QuizRepository(db);
    const selection = resolveOrExplain(db, {
      exam: opts.exam,
      domain: opts.domain,
      topic: opts.topic,
      topicId: opts.topicId,
      service: opts.service,
      notes: opts.notes,
      // An exam named for study means its questions only: a DVA note is no SAA study.
      mappedOnly: opts.exam !== undefined,
    });
    // As in exams and exports: a question teaching what AWS documents differently now is not drilled (its
    // warning names the line to fix), unless asked for.
    if (!opts.includeOutdated) selection.filter.currentOnly = true;
    if (!anyIndexed(db, selection.bp.code, selection.filter)) {
      if (selection.filter.currentOnly && anyIndexed(db, selection.bp.code, { ...selection.filter, currentOnly: false })) {
        throw new ExitError('every question these filters match teaches something AWS documents differently now', 'see `awsquiz notes check` and fix the notes, or add --include-outdated');
      }
      throw new ExitError(
        opts.exam !== undefined ? `no questions of your notes map to ${selection.bp.code}${opts.domain ? ' with these filters' : ''}` : 'no questions match these filters',
        opts.exam !== undefined ? `see \`awsquiz exam --exam ${selection.bp.code} --list-domains\`, or add notes for it with \`awsquiz ingest\`` : 'widen them, or run `awsquiz ingest` on your notes',
      );
    }
    const scheduler = makeScheduler({ retention: opts.retention });
    const rng = seededRandom(opts.seed ?? Date.now());
    const now = new Date();
    const ids = planStudy(db, selection.bp.code, selection.filter, { now, scheduler, limit: opts.limit, newOnly: opts.newOnly, dueOnly: opts.dueOnly, rng });
    if (ids.length === 0) {
      ctx.out(opts.dueOnly ? 'Nothing is due right now. Well done!' : opts.newOnly ? 'No new questions left with these filters.' : 'Nothing to study with these filters.');
      return;
    }
    const questions = repo.questionsById(ids);
    const cards = repo.cardsById(ids);
    const header = sessionHeader({ ...planCounts(ids, questions, cards, now), limitMinutes: opts.minutes });
    await new StudySession(ctx, prompter, repo, { ids, questions, cards, scheduler, rng, opts, header }).run();
  } finally {
    prompter.close();
    db.close();
  }
}

/** Due reviews, new questions and early reviews in a plan, and about how long it takes. */
function planCounts(ids: readonly string[], questions: ReadonlyMap<string, QuizQuestion>, cards: ReadonlyMap<string, CardState>, now: Date) {
  let due = 0;
  let fresh = 0;
  let ms = 0;
  for (const id of ids) {
    const card = cards.get(id);
    if (!card || (card.state === 0 && card.reps === 0)) fresh++;
    else if (card.due.getTime() <= now.getTime()) due++;
    const q = questions.get(id);
    if (q) ms += expectedTimeMs(q) + FEEDBACK_MS;
  }
  return { due, fresh, early: ids.length - due - fresh, minutes: ms / 60_000 };
}

interface SessionInput {
  ids: string[];
  questions: Map<string, QuizQuestion>;
  cards: Map<string, CardState>;
  scheduler: ReturnType<typeof makeScheduler>;
  rng: () => number;
  opts: StudyOptions;
  header: string;
}

/** An answer as the session can take it back: what was recorded and the session's state before it. */
interface Undoable {
  id: string;
  recorded: RecordedAnswer;
  cardBefore: CardState | undefined;
  queueBefore: string[];
  results: number;
  position: number;
  timeMs: number;
  at: Date;
  given: unknown;
}

type Step = 'next' | 'quit';

/** One study session: the queue, the answers given, and what can be undone. */
class StudySession {
  readonly #queue: SessionQueue;
  readonly #results: StudyResult[] = [];
  readonly #undo: Undoable[] = [];
  readonly #flagged = new Set<string>();
  readonly #started = Date.now();
  readonly #deadline: number | undefined;
  #sessionId = 0;
  #position = 0;
  #notice = '';

  constructor(
    private readonly ctx: CliContext,
    private readonly prompter: Prompter,
    private readonly repo: QuizRepository,
    private readonly input: SessionInput,
  ) {
    this.#queue = new SessionQueue(input.ids);
    this.#deadline = input.opts.minutes ? this.#started + input.opts.minutes * 60_000 : undefined;
  }

  async run(): Promise<void> {
    const { opts } = this.input;
    this.#sessionId = this.repo.startSession({ kind: 'study', exam: opts.exam ?? null, domain: opts.domain ?? null, at: new Date(this.#started), timeLimitS: opts.minutes ? Math.round(opts.minutes * 60) : null });
    let stop: 'time' | 'quit' | 'done' = 'done';
    // An error (a damaged or vanished database) ends the session where it happened: nothing more is
    // written after it, not even the session's end.
    while (!this.#queue.done()) {
      // The clock never cuts a question short: it ends the session between two.
      if (this.#timeUp()) {
        stop = 'time';
        break;
      }
      if ((await this.#ask(this.#queue.next()!)) === 'quit') {
        stop = 'quit';
        break;
      }
    }
    const ended = Date.now();
    this.repo.endSession(this.#sessionId, 'finished', new Date(ended), ended - this.#started);
    const [laterToday, tomorrow] = this.#comingDue(new Date(ended));
    this.prompter.print(
      studySummaryLines(this.ctx.style, summarize(this.#results, tomorrow), { flagged: this.#flagged.size, wallMs: ended - this.#started, stop, laterToday, tomorrow }),
    );
  }

  /** Reviews falling due later today and tomorrow (local days), not counting those already due. */
  #comingDue(now: Date): [number, number] {
    const offset = -now.getTimezoneOffset();
    const today = localDay(now, offset);
    const [a, b] = this.repo.comingDue(now, [startOfLocalDay(today + 1, offset), startOfLocalDay(today + 2, offset)]);
    return [a ?? 0, b ?? 0];
  }

  #timeUp(): boolean {
    return this.#deadline !== undefined && Date.now() >= this.#deadline;
  }

  /** "3/20 · 67% right · 4:12 left"; after an answer (`answered`) the number is that answer's. */
  #status = (nowMs: number, answered = false): string => {
    const parts = [`${this.#results.length + (answered ? 0 : 1)}/${this.#results.length + this.#queue.remaining()}`];
    const right = this.#results.filter((r) => r.correct).length;
    if (this.#results.length) parts.push(`${Math.round((right / this.#results.length) * 100)}% right`);
    if (this.#deadline !== undefined) parts.push(nowMs >= this.#deadline ? 'time is up: this is the last question' : `${clock(this.#deadline - nowMs)} left`);
    return parts.join(' · ');
  };

  #view(q: QuizQuestion, options: string[], hint: string, answered = false): StudyQuestionView {
    const notice = this.#notice;
    const status = (nowMs: number) => this.#status(nowMs, answered);
    return { q, options, select: q.kind === 'multi' ? q.answers.length : 1, header: this.input.header, flagged: this.#flagged.has(q.id), notice, status, hint };
  }

  #prompt(a: Omit<Ask, 'ticking'>): Promise<Reply> {
    return this.prompter.ask({ ...a, ticking: this.#deadline !== undefined });
  }

  /** Asks one question until it is answered (and its feedback left), skipped, undone or the session quit. */
  async #ask(id: string): Promise<Step> {
    const q = this.input.questions.get(id)!;
    const options = q.kind === 'single' || q.kind === 'multi' ? shuffled([...q.answers, ...q.distractors], this.input.rng) : [];
    const shownAt = Date.now();
    for (;;) {
      const canUndo = this.#undo.length > 0;
      const flagged = this.#flagged.has(id);
      const view = this.#view(q, options, questionHint(q, options.length, canUndo, flagged));
      const reply = await this.#prompt({
        view: (live) => studyQuestionScreen(this.ctx.style, view, live),
        input:
          q.kind === 'typed'
            ? { type: 'text', keys: ['?', 'ctrl-x', 'escape', ...(flagged ? ['enter'] : [])] }
            : q.kind === 'flip'
              ? { type: 'keys', keys: ['enter', 'space', 'x', 'u', 'n', 'q'] }
              : { type: 'choice', count: options.length, select: view.select, keys: ['x', 'u', 'n', 'q'] },
      });
      this.#notice = '';
      if (reply.kind === 'quit' || (reply.kind === 'key' && reply.key === 'q')) return 'quit';
      if (reply.kind === 'timeout') continue;
      if (reply.kind === 'key' && (reply.key === 'x' || reply.key === 'ctrl-x')) {
        this.#toggleFlag(id);
        continue;
      }
      if (reply.kind === 'key' && (reply.key === 'u' || reply.key === 'escape')) {
        if (this.#undoLast()) return 'next';
        this.#notice = 'Nothing to undo yet.';
        continue;
      }
      if (reply.kind === 'key' && (reply.key === 'n' || (q.kind === 'typed' && reply.key === 'enter'))) {
        // Skipping is for a question flagged as bad; any other is answered.
        if (!flagged) continue;
        this.#queue.discard(id);
        return 'next';
      }
      const timeMs = Date.now() - shownAt;
      if (q.kind === 'flip') return this.#flip(q, timeMs);
      const judged = this.#judge(q, options, reply);
      if (judged === null) continue;
      this.#record(q, judged.correct, autoRating({ correct: judged.correct, timeMs, question: q }), judged.given, timeMs, false);
      return this.#feedback(q, options, { ...judged.verdict, ...this.#next(id, judged.correct) });
    }
  }

  /** The verdict on a choice or typed answer; null for a reply that is not one. */
  #judge(q: QuizQuestion, options: string[], reply: Reply): { correct: boolean; given: unknown; verdict: Omit<StudyVerdict, 'next' | 'again'> } | null {
    if (q.kind === 'single' || q.kind === 'multi') {
      if (reply.kind !== 'choice') return null;
      const right = q.answers.map((a) => options.indexOf(a));
      const ok = matchChoices(reply.selected, right);
      const given = reply.selected.map((i) => options[i]!);
      return { correct: ok, given, verdict: { correct: ok, rightText: q.answers.join(' + '), givenText: given.join(' + '), right, picked: reply.selected } };
    }
    // Typed: "?" asks to see the answer, which counts as not known.
    const text = reply.kind === 'text' ? reply.text : '';
    const m = text === '' ? { correct: false, forgiven: false, canonical: q.answers[0] ?? '' } : matchTyped(text, q);
    const verdict = { correct: m.correct, rightText: q.answers[0] ?? '', givenText: text, ...(m.forgiven ? { spelled: m.canonical } : {}) };
    return { correct: m.correct, given: text, verdict };
  }

  /** When the question's card is next due, in words, and whether it comes back in this session. */
  #next(id: string, correct: boolean): Pick<StudyVerdict, 'next' | 'again'> {
    const card = this.input.cards.get(id)!;
    const ms = card.due.getTime() - Date.now();
    return { next: interval(ms), again: !correct && this.#queue.snapshot().includes(id) };
  }

  /** Records an answer (one transaction) and notes what undoing it must restore. */
  #record(q: QuizQuestion, correct: boolean, rating: Rating, given: unknown, timeMs: number, userAccepted: boolean): Undoable {
    const at = new Date();
    const before = this.input.cards.get(q.id);
    const { card, log } = reviewCard(this.input.scheduler, before ?? newCardState(at), rating, at);
    const recorded = this.repo.record({ sessionId: this.#sessionId, questionId: q.id, position: this.#position, given, correct, timeMs, userAccepted, at, review: { rating, card, log } });
    const entry: Undoable = { id: q.id, recorded, cardBefore: before, queueBefore: this.#queue.snapshot(), results: this.#results.length, position: this.#position, timeMs, at, given };
    this.#position++;
    this.input.cards.set(q.id, card);
    this.#queue.record(q.id, correct);
    if (this.#flagged.has(q.id)) this.#queue.discard(q.id);
    this.#results.push({ questionId: q.id, topic: q.topic, correct, timeMs });
    this.#undo.push(entry);
    return entry;
  }

  /** Takes the last answer back (database, card, queue, tally): its question is asked again next. */
  #undoLast(): boolean {
    const u = this.#undo.pop();
    if (!u) return false;
    this.repo.undo(u.recorded);
    if (u.cardBefore) this.input.cards.set(u.id, u.cardBefore);
    else this.input.cards.delete(u.id);
    this.#queue.restore(u.queueBefore);
    this.#results.length = u.results;
    this.#position = u.position;
    this.#notice = 'Undone: your last answer was taken back.';
    return true;
  }

  /** "I was right": the last answer, a typed one the check refused, is recorded as right instead (one transaction). */
  #acceptLast(q: QuizQuestion): void {
    const u = this.#undo.at(-1)!;
    const rating = autoRating({ correct: true, timeMs: u.timeMs, question: q });
    const { card, log } = reviewCard(this.input.scheduler, u.cardBefore ?? newCardState(u.at), rating, u.at);
    u.recorded = this.repo.rerecord(u.recorded, {
      sessionId: this.#sessionId,
      questionId: q.id,
      position: u.position,
      given: u.given,
      correct: true,
      timeMs: u.timeMs,
      userAccepted: true,
      at: u.at,
      review: { rating, card, log },
    });
    this.input.cards.set(q.id, card);
    this.#queue.restore(u.queueBefore);
    this.#queue.record(q.id, true);
    this.#results[u.results] = { ...this.#results[u.results]!, correct: true };
  }

  /** The keys every screen after the question has: `x` toggles the flag, `e` opens the note. True when handled. */
  #flagOrEdit(q: QuizQuestion, key: string): boolean {
    if (key === 'x') this.#toggleFlag(q.id);
    else if (key === 'e') openInEditor(this.ctx, q.source.path, q.source.line);
    else return false;
    return true;
  }

  #toggleFlag(id: string): void {
    if (this.#flagged.delete(id)) {
      this.repo.unflag(id);
      this.#notice = 'Unflagged: the question stays in your sessions.';
    } else {
      this.repo.flag(id, 'flagged during study', new Date());
      this.#flagged.add(id);
    }
  }

  /** After an answer: the feedback screen, until the learner moves on (interactive), or printed once (plain). */
  async #feedback(q: QuizQuestion, options: string[], verdict: StudyVerdict): Promise<Step> {
    const note = noteLines(this.ctx.style, q, this.repo.noteFacts([q.id]).get(q.id));
    let current = verdict;
    if (!this.prompter.interactive) {
      this.prompter.print(plainScreen(studyFeedbackScreen(this.ctx.style, this.#view(q, options, '', true), current, note, blank())));
      return 'next';
    }
    for (;;) {
      const canAccept = q.kind === 'typed' && !current.correct && current.givenText !== '';
      const view = this.#view(q, options, feedbackHint(canAccept, this.#flagged.has(q.id)), true);
      const reply = await this.#prompt({
        view: (live) => studyFeedbackScreen(this.ctx.style, view, current, note, live),
        input: { type: 'keys', keys: ['enter', 'space', 'n', 'u', 'e', 'x', 'q', ...(canAccept ? ['r'] : [])] },
      });
      this.#notice = '';
      if (reply.kind === 'quit' || (reply.kind === 'key' && reply.key === 'q')) return 'quit';
      if (reply.kind !== 'key') continue;
      if (reply.key === 'u') {
        this.#undoLast();
        return 'next';
      }
      if (reply.key === 'r') {
        this.#acceptLast(q);
        current = { ...current, correct: true, userAccepted: true, ...this.#next(q.id, true) };
        continue;
      }
      if (this.#flagOrEdit(q, reply.key)) continue;
      if (this.#flagged.has(q.id)) this.#queue.discard(q.id);
      return 'next';
    }
  }

  /** A flip card: its back with the note, then the learner's own grade, shown with where each grade sends it. */
  async #flip(q: QuizQuestion, timeMs: number): Promise<Step> {
    const fact = this.repo.noteFacts([q.id]).get(q.id);
    const now = new Date();
    const card = this.input.cards.get(q.id) ?? newCardState(now);
    const names = ['Again', 'Hard', 'Good', 'Easy'];
    const grades = ([1, 2, 3, 4] as Rating[]).map((r) => `${r} ${names[r - 1]} ${interval(reviewCard(this.input.scheduler, card, r, now).card.due.getTime() - now.getTime()).slice(3)}`).join(' · ');
    for (;;) {
      const view = this.#view(q, [], `1–4 grade yourself · e open the note · x ${this.#flagged.has(q.id) ? 'unflag' : 'flag as bad'} · q quit`);
      const reply = await this.#prompt({
        view: (live) => studyRevealScreen(this.ctx.style, view, fact, grades, live),
        input: { type: 'keys', keys: ['1', '2', '3', '4', 'e', 'x', 'q'] },
      });
      this.#notice = '';
      if (reply.kind === 'quit' || (reply.kind === 'key' && reply.key === 'q')) return 'quit';
      if (reply.kind !== 'key') continue;
      if (this.#flagOrEdit(q, reply.key)) continue;
      const rating = selfRatingFromKey(reply.key);
      if (rating === null) continue;
      this.#record(q, rating > 1, rating, `self:${rating}`, timeMs, false);
      const due = this.input.cards.get(q.id)!.due.getTime() - Date.now();
      this.#notice = `Graded ${names[rating - 1]}: next review ${interval(due)} · u undoes it`;
      if (!this.prompter.interactive) this.prompter.print(this.#notice);
      return 'next';
    }
  }
}

function blank(): Live {
  return { picked: [], line: '', error: '', nowMs: Date.now(), columns: Number.POSITIVE_INFINITY };
}

function questionHint(q: QuizQuestion, options: number, canUndo: boolean, flagged: boolean): string {
  const letters = 'abcdefghij';
  const undo = canUndo ? (q.kind === 'typed' ? ' · Esc undo last' : ' · u undo last') : '';
  if (q.kind === 'typed') return `type it, Enter · ? shows it · Ctrl-X ${flagged ? 'unflag · Enter skips' : 'flag'}${undo.replace(' last', '')} · Ctrl-C quit`;
  const flag = flagged ? ' · x unflag · n skip' : ' · x flag as bad';
  if (q.kind === 'flip') return `Enter shows the answer${flag}${undo} · q quit`;
  const keys = q.kind === 'multi' ? `1–${options} pick, Enter confirms` : `1–${options} or a–${letters[options - 1]} answer`;
  return `${keys}${flag}${undo} · q quit`;
}

function feedbackHint(canAccept: boolean, flagged: boolean): string {
  return `Enter next · u undo${canAccept ? ' · r I was right' : ''} · e open the note · x ${flagged ? 'unflag' : 'flag as bad'} · q quit`;
}

