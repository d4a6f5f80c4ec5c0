import type { Command } from 'commander';
import type { QuizQuestion, Rating } from '../../core/types.js';
import { planStudy } from '../../app/study-plan.js';
import { anyIndexed } from '../../db/question-index.js';
import { QuizRepository } from '../../db/quiz.js';
import { autoRating, selfRatingFromKey } from '../../study/grade.js';
import { matchChoices, matchTyped } from '../../study/match.js';
import { SessionQueue } from '../../study/queue.js';
import { seededRandom, shuffled } from '../../study/random.js';
import { makeScheduler, newCardState, reviewCard, type CardState } from '../../study/schedule.js';
import { summarize, type StudyResult } from '../../study/summary.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import type { Prompter, Reply } from '../prompter.js';
import { choosePrompter, openInEditor, prepareNotes, resolveOrExplain } from '../session-setup.js';
import { safe } from '../render.js';
import { clock, feedbackText, questionScreen, summaryText } from '../views.js';

export interface StudyOptions {
  domain?: string;
  topic?: string;
  service?: string;
  exam?: string;
  newOnly?: boolean;
  dueOnly?: boolean;
  limit: number;
  minutes?: number;
  retention: number;
  plain?: boolean;
  refresh: boolean;
  seed?: number;
}

type Outcome =
  | { kind: 'answered'; correct: boolean; rating: Rating; given: unknown; timeMs: number; verdict: Parameters<typeof feedbackText>[2] }
  | { kind: 'flag' }
  | { kind: 'quit' }
  | { kind: 'timeout' };

/** `awsquiz study`: a spaced-repetition session; every answer is saved the moment it is given. */
export async function run(opts: StudyOptions, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  const db = ctx.open();
  const prompter = choosePrompter(opts.plain);
  try {
    await prepareNotes(ctx, db, opts.refresh);
    const repo = new QuizRepository(db);
    const selection = resolveOrExplain(db, { exam: opts.exam, domain: opts.domain, topic: opts.topic, service: opts.service });
    if (!anyIndexed(db, selection.bp.code, selection.filter)) {
      throw new ExitError('no questions match these filters', 'widen them, or run `awsquiz ingest` on your notes');
    }
    const scheduler = makeScheduler({ retention: opts.retention });
    const rng = seededRandom(opts.seed ?? Date.now());
    const ids = planStudy(db, selection.bp.code, selection.filter, { now: new Date(), scheduler, limit: opts.limit, newOnly: opts.newOnly, dueOnly: opts.dueOnly, rng });
    if (ids.length === 0) {
      ctx.out(opts.dueOnly ? 'Nothing is due right now. Well done!' : 'Nothing to study with these filters.');
      return;
    }
    await studyLoop(ctx, prompter, repo, { ids, questions: repo.questionsById(ids), cards: repo.cardsById(ids), scheduler, rng, opts });
  } finally {
    prompter.close();
    db.close();
  }
}

interface LoopInput {
  ids: string[];
  questions: Map<string, QuizQuestion>;
  cards: Map<string, CardState>;
  scheduler: ReturnType<typeof makeScheduler>;
  rng: () => number;
  opts: StudyOptions;
}

async function studyLoop(ctx: CliContext, prompter: Prompter, repo: QuizRepository, input: LoopInput): Promise<void> {
  const { opts } = input;
  const started = Date.now();
  const deadline = opts.minutes ? started + opts.minutes * 60_000 : undefined;
  const sessionId = repo.startSession({ kind: 'study', exam: opts.exam ?? null, domain: opts.domain ?? null, at: new Date(started), timeLimitS: opts.minutes ? opts.minutes * 60 : null });
  const queue = new SessionQueue(input.ids);
  const results: StudyResult[] = [];
  let flagged = 0;
  let position = 0;
  let stop: 'quit' | 'timeout' | null = null;
  // An error (a damaged or vanished database) ends the session where it happened: nothing more is written
  // after it, not even the session's end.
  {
    while (!queue.done() && stop === null) {
      const id = queue.next()!;
      const q = input.questions.get(id)!;
      const right = results.filter((r) => r.correct).length;
      const status = (nowMs: number) => {
        // Question number / total, where a missed question asked again counts again.
        const parts = [`${results.length + 1}/${results.length + queue.remaining()}`];
        if (deadline !== undefined) parts.push(`${clock(deadline - nowMs)} left`);
        if (results.length) parts.push(`${Math.round((right / results.length) * 100)}% right`);
        return ctx.style.dim(parts.join(' · '));
      };
      const outcome = await ask(ctx, prompter, q, { rng: input.rng, deadline, status });
      if (outcome.kind === 'quit' || outcome.kind === 'timeout') {
        stop = outcome.kind;
        break;
      }
      if (outcome.kind === 'flag') {
        repo.flag(id, 'flagged during study', new Date());
        queue.remove(id);
        flagged++;
        prompter.print(ctx.style.yellow('Flagged: this question will not be asked again.'));
        continue;
      }
      const now = new Date();
      const { card, log } = reviewCard(input.scheduler, input.cards.get(id) ?? newCardState(now), outcome.rating, now);
      input.cards.set(id, card);
      repo.record({ sessionId, questionId: id, position: position++, given: outcome.given, correct: outcome.correct, timeMs: outcome.timeMs, at: now, review: { rating: outcome.rating, card, log } });
      queue.record(id, outcome.correct);
      results.push({ questionId: id, topic: q.topic, correct: outcome.correct, timeMs: outcome.timeMs });
      prompter.print(feedbackText(ctx.style, q, outcome.verdict));
      if (prompter.interactive) {
        const next = await afterFeedback(ctx, prompter, q, deadline);
        if (next === 'flag') {
          repo.flag(id, 'flagged during study', new Date());
          if (!queue.done() && queue.next() === id) queue.remove(id);
          flagged++;
        } else if (next === 'quit' || next === 'timeout') stop = next;
      }
    }
  }
  repo.endSession(sessionId, 'finished', new Date(), Date.now() - started);
  if (stop === 'timeout') prompter.print(ctx.style.yellow('\nTime is up.'));
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  prompter.print(summaryText(ctx.style, summarize(results, repo.dueCount(tomorrow)), flagged));
}

async function afterFeedback(ctx: CliContext, prompter: Prompter, q: QuizQuestion, deadline: number | undefined): Promise<'next' | 'flag' | 'quit' | 'timeout'> {
  for (;;) {
    const r = await prompter.ask({ screen: '', input: { type: 'keys', keys: ['enter', 'space', 'e', 'x', 'q'] }, deadline, hint: ctx.style.dim('Enter next · e open the note · x flag as bad · q quit') });
    if (r.kind === 'quit' || r.kind === 'timeout') return r.kind;
    if (r.kind !== 'key') continue;
    if (r.key === 'e') {
      openInEditor(ctx, q.source.path, q.source.line);
      continue;
    }
    if (r.key === 'x') {
      prompter.print(ctx.style.yellow('Flagged: this question will not be asked again.'));
      return 'flag';
    }
    return r.key === 'q' ? 'quit' : 'next';
  }
}

interface AskOptions {
  rng: () => number;
  deadline: number | undefined;
  status: (nowMs: number) => string;
}

/** Asks one question in the way its kind needs and grades the answer. */
async function ask(ctx: CliContext, prompter: Prompter, q: QuizQuestion, o: AskOptions): Promise<Outcome> {
  const shownAt = Date.now();
  const elapsed = () => Date.now() - shownAt;
  const base = { deadline: o.deadline, status: o.status };
  const stopOrFlag = (r: Reply): Outcome | null => {
    if (r.kind === 'quit' || r.kind === 'timeout') return { kind: r.kind };
    if (r.kind === 'key' && r.key === 'x') return { kind: 'flag' };
    if (r.kind === 'key' && r.key === 'q') return { kind: 'quit' };
    return null;
  };

  if (q.kind === 'single' || q.kind === 'multi') {
    const options = shuffled([...q.answers, ...q.distractors], o.rng);
    const correct = q.answers.map((a) => options.indexOf(a));
    const select = q.kind === 'multi' ? q.answers.length : 1;
    const r = await prompter.ask({
      ...base,
      screen: questionScreen(ctx.style, q, options, select, ''),
      input: { type: 'choice', count: options.length, select, keys: ['x', 'q'] },
      hint: ctx.style.dim(`${select > 1 ? 'keys toggle, Enter confirms' : '1–' + options.length + ' or a–' + 'abcdefghij'[options.length - 1]} · x flag as bad · q quit`),
    });
    const early = stopOrFlag(r);
    if (early) return early;
    if (r.kind !== 'choice') return { kind: 'quit' };
    const timeMs = elapsed();
    const ok = matchChoices(r.selected, correct);
    return {
      kind: 'answered',
      correct: ok,
      rating: autoRating({ correct: ok, timeMs, question: q }),
      given: r.selected.map((i) => options[i]),
      timeMs,
      verdict: { correct: ok, rightText: q.answers.join(' + ') },
    };
  }

  if (q.kind === 'typed') {
    const r = await prompter.ask({
      ...base,
      screen: questionScreen(ctx.style, q, [], 1, ''),
      input: { type: 'text', keys: ['x', '?'] },
      hint: ctx.style.dim('type the answer and Enter · ? show it · x flag as bad · Ctrl-C quit'),
    });
    const early = stopOrFlag(r);
    if (early) return early;
    const timeMs = elapsed();
    const text = r.kind === 'text' ? r.text : '';
    const m = text === '' ? { correct: false, forgiven: false, canonical: q.answers[0] ?? '' } : matchTyped(text, q);
    return {
      kind: 'answered',
      correct: m.correct,
      rating: autoRating({ correct: m.correct, timeMs, question: q }),
      given: text,
      timeMs,
      verdict: { correct: m.correct, forgiven: m.forgiven, canonical: m.canonical, rightText: q.answers[0] ?? '' },
    };
  }

  // Flip card: think, reveal, grade yourself.
  const reveal = await prompter.ask({
    ...base,
    screen: questionScreen(ctx.style, q, [], 1, ''),
    input: { type: 'keys', keys: ['enter', 'space', 'x', 'q'] },
    hint: ctx.style.dim('Enter reveal · x flag as bad · q quit'),
  });
  const early = stopOrFlag(reveal);
  if (early) return early;
  const timeMs = elapsed();
  prompter.print(`\n${ctx.style.bold('Answer:')}\n${safe(q.answers[0] ?? '')}`);
  for (;;) {
    const r = await prompter.ask({
      ...base,
      screen: ctx.style.dim('How well did you know it?  1 Again · 2 Hard · 3 Good · 4 Easy'),
      input: { type: 'keys', keys: ['1', '2', '3', '4', 'x', 'q'] },
      hint: ctx.style.dim('x flag as bad · q quit'),
    });
    const stop = stopOrFlag(r);
    if (stop) return stop;
    const rating = r.kind === 'key' ? selfRatingFromKey(r.key) : null;
    if (rating === null) continue;
    return { kind: 'answered', correct: rating > 1, rating, given: `self:${rating}`, timeMs, verdict: { correct: rating > 1, rightText: q.answers[0] ?? '' } };
  }
}
