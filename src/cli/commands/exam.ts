import type { Command } from 'commander';
import type { QuizQuestion } from '../../core/types.js';
import type { Db } from '../../db/open.js';
import { indexRows, topicPathsOf } from '../../db/question-index.js';
import { QuizRepository } from '../../db/quiz.js';
import { examItems, planExam, type ExamCandidate, type ExamItem } from '../../exam/assemble.js';
import type { Blueprint } from '../../exam/blueprint.js';
import { seededRandom } from '../../exam/random.js';
import { examReport, shortfallLines, shortfallOf, type ExamReport } from '../../exam/report.js';
import { SCALED_ESTIMATE_NOTE, scoreExam, type ExamScore } from '../../exam/score.js';
import { elapsedMs, examReducer, givenAnswers, restoreSession, startSession, type ExamSessionState } from '../../exam/session.js';
import { matchTyped } from '../../study/match.js';
import { makeScheduler, newCardState, reviewCard } from '../../study/schedule.js';
import { loadBlueprint } from '../../app/blueprints.js';
import { drawExamCandidates } from '../../app/exam-draw.js';
import { holderGone, holderPid, ownerToken } from '../../app/exam-owner.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import { examConfirmScreen, examHistoryText, examQuestionScreen, examReportLines, examReviewScreen, examStartScreen, type HistoryRow } from '../exam-view.js';
import type { Prompter, Reply } from '../prompter.js';
import { safe } from '../render.js';
import { jsonText } from '../terminal-text.js';
import { choosePrompter, prepareNotes, resolveOrExplain, selectOrExplain } from '../session-setup.js';
import { clock } from '../views.js';

export interface ExamOptions {
  exam?: string;
  domain?: string;
  notes?: string;
  count?: number;
  minutes?: number;
  seed?: string;
  resume?: boolean;
  abandon?: boolean;
  listDomains?: boolean;
  history?: boolean;
  show?: number;
  json?: boolean;
  plain?: boolean;
  refresh: boolean;
  includeOutdated?: boolean;
}

/** What an exam session stores in `sessions.plan`: enough to resume it exactly where it stopped, and to show it again. */
interface ExamPlan {
  version: 1;
  exam: string;
  domain: string | null;
  notes?: string | null;
  seed: string;
  items: ExamItem[];
  state: ExamSessionState;
  /** Time spent on each question so far (ms). */
  times: Record<string, number>;
  /** Per domain in scope, the blueprint's share and what the notes supplied. */
  perDomain?: Record<string, { wanted: number; got: number }>;
  result?: { percent: number; scaledEstimate: number; passed: boolean; total: number; right: number; answered?: number; missed?: string[] };
}

/** `awsquiz exam`: a timed mock exam shaped like the real one, no feedback until the end. */
export async function run(opts: ExamOptions, cmd: Command): Promise<void> {
  const ctx = contextFrom(cmd);
  const db = ctx.open();
  try {
    const repo = new QuizRepository(db);
    if (opts.abandon) {
      const active = repo.activeSession('exam');
      if (!active) throw new ExitError('there is no unfinished exam to abandon');
      repo.endSession(active.id, 'abandoned', new Date());
      ctx.out(`Abandoned the exam started ${active.startedAt}. Its answers were not scored.`);
      return;
    }
    if (opts.history) return history(ctx, db, opts);
    if (opts.show !== undefined) return show(ctx, db, repo, opts.show, opts);
    if (opts.listDomains) {
      await prepareNotes(ctx, db, opts.refresh);
      listDomains(ctx, repo, db, opts);
      return;
    }
    // With --json the exam is drawn on stderr, so that stdout holds the JSON report and nothing else.
    const screen = opts.json ? process.stderr : process.stdout;
    const ui = choosePrompter(opts.plain, screen, ctx.style.dim);
    try {
      if (opts.resume) await resume(ctx, ui, repo, db, opts);
      else await startNew(ctx, ui, repo, db, opts);
    } finally {
      ui.close();
    }
  } finally {
    db.close();
  }
}

async function startNew(ctx: CliContext, ui: Prompter, repo: QuizRepository, db: Db, opts: ExamOptions): Promise<void> {
  const active = repo.activeSession('exam');
  if (active) {
    throw new ExitError(`an exam started ${active.startedAt} is unfinished`, 'continue it with `awsquiz exam --resume`, or drop it with `awsquiz exam --abandon`');
  }
  await prepareNotes(ctx, db, opts.refresh);
  const selection = resolveOrExplain(db, { exam: opts.exam, domain: opts.domain, notes: opts.notes });
  const seed = opts.seed ?? String(Date.now());
  const rng = seededRandom(seed);
  const domain = selection.domain?.slug;
  // A note set is drawn from its own rows (few); the whole bank by random rank within each domain's pool.
  const candidates =
    selection.filter.notes !== undefined
      ? noteSetCandidates(db, selection.bp, { ...selection.filter, currentOnly: !opts.includeOutdated })
      : drawExamCandidates(db, selection.bp, { domain, count: opts.count, rng, includeOutdated: opts.includeOutdated });
  const draft = planExam({ candidates, bp: selection.bp, count: opts.count, domain, minutes: opts.minutes, rng });
  const assembled = { ...draft, items: examItems(draft, repo.questionsById(draft.chosen.map((c) => c.questionId)), rng) };
  if (assembled.items.length === 0) {
    throw new ExitError(`no questions map to ${selection.domain ? `the ${selection.domain.name} domain` : 'this exam'}${opts.notes ? ` in ${opts.notes}` : ''}`, 'see `awsquiz exam --list-domains`');
  }
  const title = `${selection.bp.code}${selection.domain ? ` · ${selection.domain.name}` : ''} mock exam`;
  const short = shortfallOf(selection.bp, assembled.perDomain);
  const intro = [
    `${assembled.items.length} questions, ${assembled.minutes} minutes. No feedback until the end.`,
    ...(assembled.shortBy > 0 ? [`Only ${assembled.items.length} questions are available (${assembled.shortBy} fewer than asked); the exam uses them all.`] : []),
    ...shortfallLines(short, assembled.items.length),
  ];
  if (!(await startScreen(ctx, ui, title, intro))) {
    ui.print('Not started: nothing was recorded.');
    return;
  }
  const plan: ExamPlan = {
    version: 1,
    exam: selection.bp.code,
    domain: selection.domain?.slug ?? null,
    notes: selection.filter.notes ?? null,
    seed,
    items: assembled.items,
    state: startSession(assembled.items.map((i) => i.questionId), assembled.minutes),
    times: {},
    perDomain: assembled.perDomain,
  };
  const owner = ownerToken();
  const sessionId = repo.startExam({ exam: plan.exam, domain: plan.domain, at: new Date(), timeLimitS: Math.round(assembled.minutes * 60), seed, plan, owner });
  // Another `awsquiz exam` started one between the check above and now.
  if (sessionId === null) throw new ExitError('another exam was started at the same time', 'continue it with `awsquiz exam --resume`, or drop it with `awsquiz exam --abandon`');
  await runExam(ctx, ui, repo, db, sessionId, owner, plan, selection.bp, opts);
}

/** The candidates of an exam over one note set: every indexed question of it an exam can use. */
function noteSetCandidates(db: Db, bp: Blueprint, filter: Parameters<typeof indexRows>[2]): ExamCandidate[] {
  const rows = indexRows(db, bp.code, filter).filter(([, , domain, , use]) => domain !== null && use !== null);
  const paths = topicPathsOf(db, rows.map((r) => r[1]));
  return rows.map(([id, topicId, domain, , use]) => ({ id, topic: paths.get(topicId) ?? '', domain, use }));
}

/** The start screen (interactive), or the same lines printed (plain). False when the learner backs out. */
async function startScreen(ctx: CliContext, ui: Prompter, title: string, lines: string[]): Promise<boolean> {
  const s = ctx.style;
  if (!ui.interactive) {
    ui.print([s.bold(title), ...lines, s.dim('n next · p back · f flag · r review · s submit · end of input pauses (resume with --resume).')].join('\n'));
    return true;
  }
  const keys = 'Keys: 1–4 · n next · p back · f flag · r review · s submit · Ctrl-C pause';
  const r = await ui.ask({ view: () => examStartScreen(s, title, [...lines, '', keys], 'Enter starts the clock · q not now'), input: { type: 'keys', keys: ['enter', 'space', 'q'] } });
  return r.kind === 'key' && r.key !== 'q';
}

async function resume(ctx: CliContext, ui: Prompter, repo: QuizRepository, db: Db, opts: ExamOptions): Promise<void> {
  const active = repo.activeSession('exam');
  if (!active) throw new ExitError('there is no unfinished exam to resume', 'start one with `awsquiz exam`');
  const plan = (typeof active.plan === 'object' && active.plan !== null ? active.plan : null) as ExamPlan | null;
  const state = restoreSession(plan?.state);
  const bp = plan && typeof plan.exam === 'string' ? loadBlueprint(plan.exam) : null;
  if (plan === null || 'error' in state || !bp || !Array.isArray(plan.items)) {
    throw new ExitError(`the unfinished exam cannot be resumed (${plan !== null && 'error' in state ? state.error : 'its saved state is damaged'})`, 'drop it with `awsquiz exam --abandon`');
  }
  const owner = ownerToken();
  const claim = repo.claimSession(active.id, owner, holderGone);
  if (!claim.claimed) {
    throw new ExitError(
      claim.holder ? `the exam is open in another awsquiz (process ${holderPid(claim.holder)})` : 'the exam was just resumed, submitted or abandoned by another awsquiz',
      'finish it there, or drop it with `awsquiz exam --abandon`',
    );
  }
  plan.state = state;
  plan.times ??= {};
  ui.print(ctx.style.bold(`Resuming ${plan.exam} exam: ${Object.keys(state.answers).length}/${state.ids.length} answered, ${clock(state.remainingMs)} left.`));
  await runExam(ctx, ui, repo, db, active.id, owner, plan, bp, opts);
}

async function runExam(ctx: CliContext, ui: Prompter, repo: QuizRepository, db: Db, sessionId: number, owner: string, plan: ExamPlan, bp: Blueprint, opts: ExamOptions): Promise<void> {
  const questions = repo.questionsById(plan.items.map((i) => i.questionId));
  const items = new Map(plan.items.map((i) => [i.questionId, i]));
  const save = () => {
    if (!repo.saveSessionPlan(sessionId, plan, elapsedMs(plan.state), owner)) throw lostExam();
  };
  const outcome = await examLoop(ctx, ui, plan, items, questions, save);
  if (outcome === 'paused') {
    save();
    repo.releaseSession(sessionId, owner);
    ui.print(ctx.style.yellow(`Exam paused with ${clock(plan.state.remainingMs)} left: every answer is saved. Continue with \`awsquiz exam --resume\`.`));
    return;
  }
  if (plan.state.status === 'time-up') ui.print(ctx.style.yellow('Time is up: the exam was submitted.'));
  const score = finish(repo, db, sessionId, owner, plan, bp, questions);
  const report = reportOf(plan, bp, score, questions);
  if (opts.json) ctx.out(jsonText(report));
  else ctx.outLines(examReportLines(ctx.style, report));
}

/** This exam was abandoned (or finished) by another awsquiz while this one ran it. */
function lostExam(): ExitError {
  return new ExitError('the exam was abandoned or submitted by another awsquiz while it ran here: nothing more was saved', 'see `awsquiz stats`, or start a new one with `awsquiz exam`');
}

function reportOf(plan: ExamPlan, bp: Blueprint, score: ExamScore, questions: Map<string, QuizQuestion>): ExamReport {
  return examReport({ bp, domain: plan.domain, items: plan.items, answers: plan.state.answers, flagged: plan.state.flagged, questions, score, perDomain: plan.perDomain, note: SCALED_ESTIMATE_NOTE });
}

function scoreOf(plan: ExamPlan, bp: Blueprint, questions: Map<string, QuizQuestion>): ExamScore {
  const typedCorrect = (id: string, text: string) => {
    const q = questions.get(id);
    return q ? matchTyped(text, q).correct : false;
  };
  return scoreExam({ bp, items: plan.items, answers: givenAnswers(plan.state, typedCorrect), elapsedMs: elapsedMs(plan.state) });
}

/**
 * Scores the exam and records it in one transaction: answers as given, a miss made due again. Unanswered
 * questions score as wrong in the exam's result, as on the real exam, but are not recorded as answers: an
 * exam cut short must not lower accuracy or weak-topic scores, nor make questions never seen due.
 */
function finish(repo: QuizRepository, db: Db, sessionId: number, owner: string, plan: ExamPlan, bp: Blueprint, questions: Map<string, QuizQuestion>): ExamScore {
  const score = scoreOf(plan, bp, questions);
  const missed = new Set(score.missed);
  const scheduler = makeScheduler();
  const cards = repo.cardsById(plan.items.map((i) => i.questionId));
  const now = new Date();
  db.transaction(() => {
    // Claimed first, in the same transaction as the answers: a second process submitting the same exam
    // finds it finished and records nothing.
    if (!repo.finishOwned(sessionId, owner, now, score.elapsedMs)) throw lostExam();
    plan.items.forEach((item, position) => {
      const a = plan.state.answers[item.questionId];
      if (a === undefined) return;
      const given = typeof a === 'string' ? a : a.map((i) => item.options[i]);
      const correct = !missed.has(item.questionId);
      // An exam answer counts for the schedule too: a miss becomes due again, a hit is a Good review.
      const rating = correct ? 3 : 1;
      const { card, log } = reviewCard(scheduler, cards.get(item.questionId) ?? newCardState(now), rating, now);
      repo.record({ sessionId, questionId: item.questionId, position, given, correct, timeMs: plan.times[item.questionId] ?? 0, flagged: plan.state.flagged.includes(item.questionId), at: now, review: { rating, card, log } });
    });
    plan.result = { percent: score.percent, scaledEstimate: score.scaledEstimate, passed: score.passed, total: score.total, right: score.right, answered: score.answered, missed: score.missed };
    repo.saveSessionPlan(sessionId, plan, score.elapsedMs);
  }).immediate();
  return score;
}

type LoopOutcome = 'submitted' | 'paused';

async function examLoop(
  ctx: CliContext,
  ui: Prompter,
  plan: ExamPlan,
  items: Map<string, ExamItem>,
  questions: Map<string, QuizQuestion>,
  save: () => void,
): Promise<LoopOutcome> {
  const s = ctx.style;
  const title = `${plan.exam}${plan.domain ? ` · ${plan.domain}` : ''} mock exam`;
  const dispatch = (a: Parameters<typeof examReducer>[1]) => (plan.state = examReducer(plan.state, a));
  let screen: 'question' | 'review' | 'confirm' = 'question';
  let error = '';
  while (plan.state.status === 'running') {
    const askedAt = Date.now();
    const deadline = askedAt + plan.state.remainingMs;
    const spent = () => {
      const ms = Date.now() - askedAt;
      dispatch({ type: 'tick', ms });
      return ms;
    };
    const unanswered = plan.state.ids.filter((id) => !(id in plan.state.answers)).length;
    const flaggedCount = plan.state.flagged.length;
    const left = (now: number) => `${clock(deadline - now)} left`;

    if (screen === 'review' || screen === 'confirm') {
      const rows = plan.state.ids.map((id, index) => ({ index, topic: questions.get(id)?.topic ?? '', answered: id in plan.state.answers, flagged: plan.state.flagged.includes(id) }));
      const r: Reply =
        screen === 'review'
          ? await ui.ask({
              view: (live) => examReviewScreen(s, title, rows, left, { ...live, error: live.error || error }),
              input: { type: 'text', keys: ['s', 'b', 'escape'], instant: true },
              deadline,
              ticking: true,
            })
          : await ui.ask({ view: (live) => examConfirmScreen(s, title, unanswered, flaggedCount, left, live), input: { type: 'keys', keys: ['y', 'n', 'escape'] }, deadline, ticking: true });
      spent();
      error = '';
      if (r.kind === 'quit') return 'paused';
      if (r.kind === 'timeout') break;
      if (r.kind === 'key' && r.key === 's') {
        // Submitting with questions unanswered or flagged asks first; with none, it is what was asked.
        if (unanswered + flaggedCount > 0) screen = 'confirm';
        else dispatch({ type: 'submit' });
      } else if (r.kind === 'key' && r.key === 'y') dispatch({ type: 'submit' });
      else if (r.kind === 'key' && r.key === 'n') screen = 'review';
      else if (r.kind === 'text') {
        const n = /^\d+$/.test(r.text) ? Number(r.text) : NaN;
        if (n >= 1 && n <= plan.state.ids.length) {
          dispatch({ type: 'goto', index: n - 1 });
          screen = 'question';
        } else error = `no question ${safe(r.text)}: give 1 to ${plan.state.ids.length}`;
      } else if (r.kind === 'key') screen = 'question';
      save();
      continue;
    }

    const id = plan.state.ids[plan.state.index]!;
    const item = items.get(id)!;
    const flagged = plan.state.flagged.includes(id);
    const status = (now: number) =>
      `Question ${plan.state.index + 1}/${plan.state.ids.length}${flagged ? ' ⚑ flagged' : ''} · ${plan.state.ids.length - unanswered} answered · ${left(now)}`;
    const typed = item.kind === 'typed';
    const view = {
      title,
      item,
      q: questions.get(id),
      current: plan.state.answers[id],
      status,
      hint: typed
        ? `Enter next · Esc back · Ctrl-X ${flagged ? 'unflag' : 'flag'} · Ctrl-R review · Ctrl-C pause`
        : `${item.kind === 'multi' ? 'pick, Enter confirms' : '1–4 answer'} · n next · p back · f ${flagged ? 'unflag' : 'flag'} · r review · s submit · Ctrl-C pause`,
    };
    const nav = ['n', 'p', 'f', 'r', 's'];
    const r = await ui.ask({
      view: (live) => examQuestionScreen(s, view, live),
      input: typed ? { type: 'text', keys: [...nav, 'enter', 'escape', 'ctrl-x', 'ctrl-r'] } : { type: 'choice', count: item.options.length, select: Math.max(1, item.correct.length), keys: nav },
      deadline,
      ticking: true,
    });
    const ms = spent();
    plan.times[id] = (plan.times[id] ?? 0) + ms;
    if (r.kind === 'quit') return 'paused';
    if (r.kind === 'timeout') break;
    const atLast = plan.state.index === plan.state.ids.length - 1;
    const next = () => (atLast ? (screen = 'review') : dispatch({ type: 'next' }));
    if (r.kind === 'choice' || r.kind === 'text') {
      dispatch({ type: 'answer', value: r.kind === 'choice' ? r.selected : r.text });
      next();
    } else if (r.kind === 'key') {
      const key = { enter: 'n', escape: 'p', 'ctrl-x': 'f', 'ctrl-r': 'r' }[r.key] ?? r.key;
      if (key === 'n') next();
      else if (key === 'p') dispatch({ type: 'prev' });
      else if (key === 'f') dispatch({ type: flagged ? 'unflag' : 'flag' });
      else if (key === 's') {
        // Submitting with questions unanswered or flagged asks first; with none, it is what was asked.
        if (unanswered + flaggedCount > 0) screen = 'confirm';
        else dispatch({ type: 'submit' });
      } else screen = 'review';
    }
    save();
  }
  return 'submitted';
}

/** Finished exams with a stored result, oldest first, numbered from 1 as `--history` lists them. */
function finishedWithPlans(db: Db): Array<{ number: number; id: number; startedAt: string; plan: ExamPlan; elapsedMs: number }> {
  const rows = db
    .prepare(`SELECT id, started_at, plan, elapsed_ms FROM sessions WHERE kind = 'exam' AND status = 'finished' ORDER BY started_at, id`)
    .all() as Array<{ id: number; started_at: string; plan: string; elapsed_ms: number }>;
  const out: Array<{ number: number; id: number; startedAt: string; plan: ExamPlan; elapsedMs: number }> = [];
  for (const r of rows) {
    let plan: ExamPlan;
    try {
      plan = JSON.parse(r.plan) as ExamPlan;
    } catch {
      continue;
    }
    if (!plan.result) continue;
    out.push({ number: out.length + 1, id: r.id, startedAt: r.started_at, plan, elapsedMs: r.elapsed_ms });
  }
  return out;
}

/** "2026-03-01 14:05" in local time. */
function localStamp(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function history(ctx: CliContext, db: Db, opts: ExamOptions): void {
  const rows: HistoryRow[] = finishedWithPlans(db).map(({ number, startedAt, plan, elapsedMs }) => ({
    number,
    // Local time for people, the stored instant for scripts.
    startedAt: opts.json ? startedAt : localStamp(startedAt),
    exam: plan.exam,
    domain: plan.domain,
    percent: plan.result!.percent,
    scaledEstimate: plan.result!.scaledEstimate,
    passed: plan.result!.passed,
    total: plan.result!.total,
    answered: plan.result!.answered ?? null,
    elapsedMs,
  }));
  if (opts.json) ctx.out(jsonText(rows));
  else ctx.out(examHistoryText(ctx.style, rows));
}

function show(ctx: CliContext, db: Db, repo: QuizRepository, n: number, opts: ExamOptions): void {
  const all = finishedWithPlans(db);
  const found = all.find((e) => e.number === n);
  if (!found) {
    throw new ExitError(
      all.length === 0 ? 'there is no finished exam to show' : `there is no exam ${n}: the finished ones are 1 to ${all.length}`,
      '`awsquiz exam --history` lists them',
    );
  }
  const { plan } = found;
  const bp = loadBlueprint(plan.exam);
  const state = restoreSession(plan.state);
  if (!bp || 'error' in state || !Array.isArray(plan.items)) throw new ExitError(`exam ${n} cannot be shown: its stored plan is damaged`, 'the other exams in `awsquiz exam --history` can be');
  plan.state = state;
  const questions = repo.questionsById(plan.items.map((i) => i.questionId));
  const score = scoreOf(plan, bp, questions);
  // The outcome stored when it was scored stands, should the matcher have changed since.
  if (plan.result?.missed) {
    const missed = new Set(plan.result.missed);
    score.missed = plan.items.map((i) => i.questionId).filter((id) => missed.has(id));
    score.right = plan.result.right;
    score.percent = plan.result.percent;
    score.scaledEstimate = plan.result.scaledEstimate;
    score.passed = plan.result.passed;
  }
  const report = reportOf(plan, bp, score, questions);
  if (opts.json) ctx.out(jsonText(report));
  else ctx.outLines(examReportLines(ctx.style, report, `exam ${n}, ${localStamp(found.startedAt)}`));
}

function listDomains(ctx: CliContext, repo: QuizRepository, db: Db, opts: ExamOptions): void {
  const selection = selectOrExplain(db, { exam: opts.exam, notes: opts.notes });
  const counts = new Map<string, number>();
  const unmappedIds = selection.questions.filter((q) => q.domain === null).map((q) => q.id);
  for (const q of selection.questions) if (q.domain) counts.set(q.domain, (counts.get(q.domain) ?? 0) + 1);
  const loaded = repo.questionsById(opts.json ? unmappedIds : unmappedIds.slice(0, 20));
  const unmapped = unmappedIds.flatMap((id) => loaded.get(id) ?? []);
  if (opts.json) {
    ctx.out(
      jsonText(
        {
          exam: selection.bp.code,
          domains: selection.bp.domains.map((d) => ({ ...d, questions: counts.get(d.slug) ?? 0 })),
          unmapped: unmapped.map((q) => ({ id: q.id, topic: q.topic, prompt: q.prompt, source: q.source })),
        },
      ),
    );
    return;
  }
  const s = ctx.style;
  ctx.out(s.bold(`${selection.bp.code} — ${selection.bp.name}`));
  for (const d of selection.bp.domains) ctx.out(`  ${d.id}  ${d.slug.padEnd(16)} ${String(counts.get(d.slug) ?? 0).padStart(5)} questions  ${d.name} (${d.weight}%)`);
  ctx.out(`  ${unmappedIds.length} question${unmappedIds.length === 1 ? '' : 's'} map to no domain${unmappedIds.length ? ' (not used in exams):' : '.'}`);
  for (const q of unmapped.slice(0, 20)) ctx.out(s.dim(`     ${q.id}  ${safe(q.topic)}`));
  if (unmappedIds.length > 20) ctx.out(s.dim(`     … ${unmappedIds.length - 20} more (--json lists them all)`));
}

