import type { Command } from 'commander';
import type { QuizQuestion } from '../../core/types.js';
import type { Db } from '../../db/open.js';
import { QuizRepository } from '../../db/quiz.js';
import { examItems, planExam, type ExamItem } from '../../exam/assemble.js';
import type { Blueprint } from '../../exam/blueprint.js';
import { seededRandom } from '../../exam/random.js';
import { SCALED_ESTIMATE_NOTE, scoreExam, type ExamScore } from '../../exam/score.js';
import { elapsedMs, examReducer, givenAnswers, restoreSession, reviewList, startSession, type ExamSessionState } from '../../exam/session.js';
import { matchTyped } from '../../study/match.js';
import { makeScheduler, newCardState, reviewCard } from '../../study/schedule.js';
import { loadBlueprint } from '../../app/blueprints.js';
import { drawExamCandidates } from '../../app/exam-draw.js';
import { holderGone, holderPid, ownerToken } from '../../app/exam-owner.js';
import { contextFrom, type CliContext } from '../context.js';
import { ExitError } from '../errors.js';
import type { Prompter } from '../prompter.js';
import { safe } from '../render.js';
import { jsonText } from '../terminal-text.js';
import { choosePrompter, prepareNotes, resolveOrExplain, selectOrExplain } from '../session-setup.js';
import { clock, optionLines, sourceLines } from '../views.js';

export interface ExamOptions {
  exam?: string;
  domain?: string;
  count?: number;
  minutes?: number;
  seed?: string;
  resume?: boolean;
  abandon?: boolean;
  listDomains?: boolean;
  json?: boolean;
  plain?: boolean;
  refresh: boolean;
}

/** What an exam session stores in `sessions.plan`: enough to resume it exactly where it stopped. */
interface ExamPlan {
  version: 1;
  exam: string;
  domain: string | null;
  seed: string;
  items: ExamItem[];
  state: ExamSessionState;
  /** Time spent on each question so far (ms). */
  times: Record<string, number>;
  result?: { percent: number; scaledEstimate: number; passed: boolean; total: number; right: number };
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
    if (opts.listDomains) {
      await prepareNotes(ctx, db, opts.refresh);
      listDomains(ctx, repo, db, opts);
      return;
    }
    const ui = choosePrompter(opts.plain, opts.json ? process.stderr : process.stdout);
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
  const selection = resolveOrExplain(db, { exam: opts.exam, domain: opts.domain });
  const seed = opts.seed ?? String(Date.now());
  const rng = seededRandom(seed);
  const domain = selection.domain?.slug;
  const candidates = drawExamCandidates(db, selection.bp, { domain, count: opts.count, rng });
  const draft = planExam({ candidates, bp: selection.bp, count: opts.count, domain, minutes: opts.minutes, rng });
  const assembled = { ...draft, items: examItems(draft, repo.questionsById(draft.chosen.map((c) => c.questionId)), rng) };
  if (assembled.items.length === 0) {
    throw new ExitError(`no questions map to ${selection.domain ? `the ${selection.domain.name} domain` : 'this exam'}`, 'see `awsquiz exam --list-domains`');
  }
  const title = `${selection.bp.code}${selection.domain ? ` · ${selection.domain.name}` : ''}`;
  if (assembled.shortBy > 0) ui.print(ctx.style.yellow(`Only ${assembled.items.length} questions are available (${assembled.shortBy} fewer than asked); the exam uses them all.`));
  ui.print(
    ctx.style.bold(`${title} mock exam: ${assembled.items.length} questions, ${assembled.minutes} minutes.`) +
      ctx.style.dim('\nNo feedback until the end. n next · p back · f flag · r review · s submit · Ctrl-C pauses (resume with --resume).'),
  );
  const plan: ExamPlan = {
    version: 1,
    exam: selection.bp.code,
    domain: selection.domain?.slug ?? null,
    seed,
    items: assembled.items,
    state: startSession(assembled.items.map((i) => i.questionId), assembled.minutes),
    times: {},
  };
  const owner = ownerToken();
  const sessionId = repo.startExam({ exam: plan.exam, domain: plan.domain, at: new Date(), timeLimitS: Math.round(assembled.minutes * 60), seed, plan, owner });
  // Another `awsquiz exam` started one between the check above and now.
  if (sessionId === null) throw new ExitError('another exam was started at the same time', 'continue it with `awsquiz exam --resume`, or drop it with `awsquiz exam --abandon`');
  await runExam(ctx, ui, repo, db, sessionId, owner, plan, selection.bp, opts);
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
    ui.print(ctx.style.yellow(`\nExam paused with ${clock(plan.state.remainingMs)} left: every answer is saved. Continue with \`awsquiz exam --resume\`.`));
    return;
  }
  if (plan.state.status === 'time-up') ui.print(ctx.style.yellow('\nTime is up: the exam was submitted.'));
  const score = finish(repo, db, sessionId, owner, plan, bp, questions);
  if (opts.json) ctx.out(jsonText(reportJson(plan, bp, score, questions)));
  else ctx.out(reportText(ctx, plan, bp, score, questions));
}

/** Scores the exam and records it in one transaction: answers as given, and missed questions made due. */
/** This exam was abandoned (or finished) by another awsquiz while this one ran it. */
function lostExam(): ExitError {
  return new ExitError('the exam was abandoned or submitted by another awsquiz while it ran here: nothing more was saved', 'see `awsquiz stats`, or start a new one with `awsquiz exam`');
}

function finish(repo: QuizRepository, db: Db, sessionId: number, owner: string, plan: ExamPlan, bp: Blueprint, questions: Map<string, QuizQuestion>): ExamScore {
  const typedCorrect = (id: string, text: string) => {
    const q = questions.get(id);
    return q ? matchTyped(text, q).correct : false;
  };
  const score = scoreExam({ bp, items: plan.items, answers: givenAnswers(plan.state, typedCorrect), elapsedMs: elapsedMs(plan.state) });
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
      const given = a === undefined ? null : typeof a === 'string' ? a : a.map((i) => item.options[i]);
      const correct = !missed.has(item.questionId);
      // An exam answer counts for the schedule too: a miss becomes due again, a hit is a Good review.
      const rating = correct ? 3 : 1;
      const { card, log } = reviewCard(scheduler, cards.get(item.questionId) ?? newCardState(now), rating, now);
      repo.record({ sessionId, questionId: item.questionId, position, given, correct, timeMs: plan.times[item.questionId] ?? 0, flagged: plan.state.flagged.includes(item.questionId), at: now, review: { rating, card, log } });
    });
    plan.result = { percent: score.percent, scaledEstimate: score.scaledEstimate, passed: score.passed, total: score.total, right: score.right };
    repo.saveSessionPlan(sessionId, plan, score.elapsedMs);
  })();
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
  const dispatch = (a: Parameters<typeof examReducer>[1]) => (plan.state = examReducer(plan.state, a));
  let reviewing = false;
  while (plan.state.status === 'running') {
    const askedAt = Date.now();
    const deadline = askedAt + plan.state.remainingMs;
    const spent = () => {
      const ms = Date.now() - askedAt;
      dispatch({ type: 'tick', ms });
      return ms;
    };
    if (reviewing) {
      const entries = reviewList(plan.state);
      const lines = ['', s.bold('Review before submitting')];
      lines.push(entries.length === 0 ? '  Every question is answered and none is flagged.' : '');
      for (const e of entries) {
        const q = questions.get(e.id);
        lines.push(`  ${String(e.index + 1).padStart(3)}  ${e.answered ? '         ' : s.yellow('unanswered')} ${e.flagged ? s.cyan('flagged') : '       '}  ${safe(q?.topic ?? '')}`);
      }
      const r = await ui.ask({
        screen: lines.join('\n'),
        input: { type: 'text', keys: ['s', 'b'] },
        deadline,
        status: (now) => s.dim(`${Object.keys(plan.state.answers).length}/${plan.state.ids.length} answered · ${clock(deadline - now)} left`),
        hint: s.dim('a question number to go to it · s submit · b back'),
      });
      spent();
      if (r.kind === 'quit') return 'paused';
      if (r.kind === 'timeout') break;
      if (r.kind === 'key' && r.key === 's') {
        dispatch({ type: 'submit' });
        break;
      }
      if (r.kind === 'text' && /^\d+$/.test(r.text)) dispatch({ type: 'goto', index: Number(r.text) - 1 });
      reviewing = false;
      save();
      continue;
    }

    const id = plan.state.ids[plan.state.index]!;
    const item = items.get(id)!;
    const q = questions.get(id);
    const flagged = plan.state.flagged.includes(id);
    const current = plan.state.answers[id];
    const lines = ['', s.cyan(safe(q?.topic ?? '')), s.bold(safe(q?.prompt ?? '(this question was removed from the notes)'))];
    if (item.kind === 'multi') lines.push(s.yellow(`(Select ${['', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'][item.correct.length] ?? item.correct.length}) — all must be right`));
    if (item.options.length) lines.push('', ...optionLines(s, item.options));
    if (current !== undefined) lines.push(s.dim(`  your answer: ${typeof current === 'string' ? safe(current) : current.map((i) => i + 1).join(', ')}`));
    const nav = ['n', 'p', 'f', 'r', 's'];
    const r = await ui.ask({
      screen: lines.join('\n'),
      input: item.kind === 'typed' ? { type: 'text', keys: nav } : { type: 'choice', count: item.options.length, select: Math.max(1, item.correct.length), keys: nav },
      deadline,
      status: (now) =>
        s.dim(`Question ${plan.state.index + 1}/${plan.state.ids.length} · ${clock(deadline - now)} left${flagged ? ' · flagged' : ''} · ${Object.keys(plan.state.answers).length} answered`),
      hint: s.dim('n next · p back · f flag · r review · s submit · Ctrl-C pause'),
    });
    const ms = spent();
    plan.times[id] = (plan.times[id] ?? 0) + ms;
    if (r.kind === 'quit') return 'paused';
    if (r.kind === 'timeout') break;
    const atLast = plan.state.index === plan.state.ids.length - 1;
    if (r.kind === 'choice' || r.kind === 'text') {
      dispatch({ type: 'answer', value: r.kind === 'choice' ? r.selected : r.text });
      if (atLast) reviewing = true;
      else dispatch({ type: 'next' });
    } else if (r.kind === 'key') {
      if (r.key === 'n') {
        if (atLast) reviewing = true;
        else dispatch({ type: 'next' });
      } else if (r.key === 'p') dispatch({ type: 'prev' });
      else if (r.key === 'f') dispatch({ type: flagged ? 'unflag' : 'flag' });
      else reviewing = true; // r and s both go through the review screen
    }
    save();
  }
  return 'submitted';
}

function pct(n: number): string {
  return `${n.toFixed(1)}%`;
}

function reportText(ctx: CliContext, plan: ExamPlan, bp: Blueprint, score: ExamScore, questions: Map<string, QuizQuestion>): string {
  const s = ctx.style;
  const lines = ['', s.bold(`${bp.code} mock exam result`)];
  lines.push(`  Score: ${s.bold(pct(score.percent))} (${score.right}/${score.total} right, ${score.answered} answered) · time used ${clock(score.elapsedMs)}`);
  const verdict = score.passed ? s.green.bold('PASS') : s.red.bold('FAIL');
  lines.push(`  Scaled score: ${score.scaledEstimate} of ${bp.scoreRange[1]} (pass ${bp.passingScore}) → ${verdict} ${s.dim('(estimate)')}`);
  lines.push(s.dim(`  ${SCALED_ESTIMATE_NOTE}`));
  lines.push('', s.bold('  By domain'));
  for (const d of score.perDomain) {
    const colour = d.percent >= 72 ? s.green : d.percent >= 50 ? s.yellow : s.red;
    lines.push(`  ${colour(pct(d.percent).padStart(6))}  ${d.right}/${d.total}  ${d.name} ${s.dim(`(weight ${d.weight}%)`)}`);
  }
  if (score.missed.length) {
    lines.push('', s.bold(`  Missed (${score.missed.length})`));
    for (const id of score.missed) {
      const q = questions.get(id);
      const item = plan.items.find((i) => i.questionId === id)!;
      if (!q) continue;
      const right = item.kind === 'typed' ? q.answers[0] ?? '' : item.correct.map((i) => item.options[i]).join(' + ');
      lines.push(`  • ${safe(q.prompt)}`, `    ${s.green('→')} ${safe(right)}`, ...sourceLines(s, q).map((l) => `  ${l}`));
    }
  }
  return lines.join('\n');
}

function reportJson(plan: ExamPlan, bp: Blueprint, score: ExamScore, questions: Map<string, QuizQuestion>) {
  return {
    exam: bp.code,
    domain: plan.domain,
    total: score.total,
    answered: score.answered,
    right: score.right,
    percent: score.percent,
    scaledScoreEstimate: score.scaledEstimate,
    passingScore: bp.passingScore,
    passedEstimate: score.passed,
    estimateNote: SCALED_ESTIMATE_NOTE,
    elapsedMs: score.elapsedMs,
    domains: score.perDomain,
    missed: score.missed.map((id) => {
      const q = questions.get(id);
      const item = plan.items.find((i) => i.questionId === id)!;
      return {
        id,
        prompt: q?.prompt ?? null,
        answer: item.kind === 'typed' ? q?.answers[0] ?? null : item.correct.map((i) => item.options[i]),
        given: plan.state.answers[id] ?? null,
        source: q ? q.source : null,
      };
    }),
  };
}

function listDomains(ctx: CliContext, repo: QuizRepository, db: Db, opts: ExamOptions): void {
  const selection = selectOrExplain(db, { exam: opts.exam });
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
