import { createHash } from 'node:crypto';
import { computeDecayFactor } from 'ts-fsrs';
import type { QuestionKind } from '../core/types.js';
import type { Db } from '../db/open.js';
import { activeExamCounts, indexGroups, indexTouched, type IndexFilter, indexRows, questionsVersion, readDerived, replaceIndex, topicPaths, writeDerived } from '../db/question-index.js';
import { QuizRepository } from '../db/quiz.js';
import { ensureAnswerDays, readIndexStats, rebuildIndexStats } from '../db/stats.js';
import { examUse, type ExamUse } from '../exam/assemble.js';
import type { Blueprint } from '../exam/blueprint.js';
import { domainMapper, mostNamedExam } from '../exam/domains.js';
import type { Catalogue } from '../notes/services.js';
import { dueWindows, MASTERED_STABILITY_DAYS } from '../stats/overview.js';
import type { StatsSummary } from '../stats/summary.js';
import type { StatsQuestion } from '../stats/types.js';
import { classesToRank, DEFAULT_MIN_ANSWERS, topicDomain, type WeakTopicOptions } from '../stats/weak-topics.js';
import type { Scheduler } from '../study/schedule.js';
import { defaultHorizon } from '../stats/recall.js';

/**
 * Bump when what the index stores changes meaning (domainMapper's rules, examUse, the row order): every
 * stored index is then rebuilt on first use. Changes to data/services.json or a blueprint need no bump:
 * their content is part of the stamp.
 */
export const INDEX_VERSION = 1;

/** A question as sessions are planned from: its topic path, its domain in the chosen exam, how an exam may use it. */
export interface IndexedQuestion {
  id: string;
  topic: string;
  domain: string | null;
  kind: QuestionKind;
  use: ExamUse;
}

const fingerprints = new WeakMap<object, string>();
function fingerprint(value: object): string {
  let f = fingerprints.get(value);
  if (f === undefined) fingerprints.set(value, (f = createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 12)));
  return f;
}

function indexStamp(db: Db, bp: Blueprint, catalogue: Catalogue): string {
  return `v${INDEX_VERSION}:${questionsVersion(db)}:${fingerprint(catalogue)}:${fingerprint(bp)}`;
}

/**
 * Makes sure the stored index of `bp` matches the questions and data files now: a counter check when it
 * does; otherwise one pass over every active question (mapped with domainMapper) in one immediate
 * transaction, so two processes never build it at once and a reader never sees half of it.
 */
export function ensureQuestionIndex(db: Db, bp: Blueprint, catalogue: Catalogue): void {
  const key = `question-index:${bp.code}`;
  if (readDerived(db, key)?.stamp === indexStamp(db, bp, catalogue)) return;
  db.transaction(() => {
    // Another process may have built it while this one waited for the write lock.
    const stamp = indexStamp(db, bp, catalogue);
    if (readDerived(db, key)?.stamp === stamp) return;
    const topicIds = new Map([...topicPaths(db)].map(([id, path]) => [path, id]));
    const mapDomain = domainMapper(catalogue, bp);
    const rows = new QuizRepository(db)
      .questions()
      .map((q) => ({ id: q.id, topicId: topicIds.get(q.topic)!, domain: mapDomain(q), kind: q.kind, use: examUse(q), outdated: Boolean(q.outdated) }));
    replaceIndex(db, bp.code, rows);
    writeDerived(db, key, stamp, null);
    // The exam's statistics tallies were kept for the old rows: recomputed on their next use (ensureIndexStats).
    db.prepare('DELETE FROM derived WHERE key = ?').run(statsKey(bp.code));
  }).immediate();
}

/** The active questions of `bp`'s index, in notes order, narrowed by `filter` (building the index first if stale). */
export function indexedQuestions(db: Db, bp: Blueprint, catalogue: Catalogue, filter: IndexFilter = {}): IndexedQuestion[] {
  ensureQuestionIndex(db, bp, catalogue);
  const rows = indexRows(db, bp.code, filter);
  if (rows.length === 0) return [];
  const paths = topicPaths(db);
  return rows.map(([id, topicId, domain, kind, use]) => ({ id, topic: paths.get(topicId) ?? '', domain, kind, use }));
}

/**
 * The active questions of `bp`'s index as statistics take them: one entry per question that has an answer
 * or a card, and one per (topic, domain) for the rest, with their count (see StatsQuestion.count): with
 * 100 000 questions and a few thousand touched, that is a tenth of the rows and objects.
 */
export function statsQuestions(db: Db, bp: Blueprint, catalogue: Catalogue): StatsQuestion[] {
  ensureQuestionIndex(db, bp, catalogue);
  const paths = topicPaths(db);
  const key = (topicId: number, domain: string | null) => `${topicId}\u0000${domain ?? ''}`;
  const touchedPer = new Map<string, number>();
  const out: StatsQuestion[] = [];
  for (const [id, topicId, domain] of indexTouched(db, bp.code)) {
    out.push({ id, topic: paths.get(topicId) ?? '', topicId, domain });
    touchedPer.set(key(topicId, domain), (touchedPer.get(key(topicId, domain)) ?? 0) + 1);
  }
  for (const [topicId, domain, n] of indexGroups(db, bp.code)) {
    const rest = n - (touchedPer.get(key(topicId, domain)) ?? 0);
    if (rest > 0) out.push({ id: '', topic: paths.get(topicId) ?? '', topicId, domain, count: rest });
  }
  return out;
}

/** Bump when what the statistics tallies (migration 0003) store changes meaning: they are then recomputed. */
export const INDEX_STATS_VERSION = 1;

const statsKey = (exam: string) => `index-stats:${exam}`;

/**
 * Makes sure `bp`'s statistics tallies (migration 0003) were computed for its current question index
 * (building that first if stale): a stamp check when they were, which the triggers then keep true;
 * otherwise, after a rebuild of the index or an upgrade from a database without them, one recomputation
 * in an immediate transaction (about 0.2 s at 100 000 questions, 19 000 of them answered).
 */
export function ensureIndexStats(db: Db, bp: Blueprint, catalogue: Catalogue): void {
  ensureQuestionIndex(db, bp, catalogue);
  const key = statsKey(bp.code);
  const wanted = () => `s${INDEX_STATS_VERSION}:${readDerived(db, `question-index:${bp.code}`)?.stamp ?? ''}`;
  if (readDerived(db, key)?.stamp === wanted()) return;
  db.transaction(() => {
    // Another process may have computed them (or rebuilt the index) while this one waited for the write lock.
    const stamp = wanted();
    if (readDerived(db, key)?.stamp === stamp) return;
    const slugs = new Set(bp.domains.map((d) => d.slug));
    const votes = new Map<number, Map<string, number>>();
    for (const [topicId, domain, n] of indexGroups(db, bp.code)) {
      let v = votes.get(topicId);
      if (!v) votes.set(topicId, (v = new Map()));
      if (domain !== null && slugs.has(domain)) v.set(domain, (v.get(domain) ?? 0) + n);
    }
    const domainOf = topicDomain(bp);
    rebuildIndexStats(db, bp.code, new Map([...votes].map(([topicId, v]) => [topicId, domainOf(v)])));
    writeDerived(db, key, stamp, null);
  }).immediate();
}

/**
 * The whole-exam statistics of `bp` as tallies (see StatsSummary), for reportFromSummary with the same
 * `options`: what buildReport computes from statsQuestions, answerHistory and every card, read from the
 * tallies the database keeps. Null when the offset is not whole quarter-hours (no real time zone).
 */
export function statsSummary(
  db: Db,
  bp: Blueprint,
  catalogue: Catalogue,
  at: { now: Date; offsetMinutes: number; scheduler: Scheduler; horizon?: Date },
  options: WeakTopicOptions = {},
): StatsSummary | null {
  if (!Number.isInteger(at.offsetMinutes / 15)) return null;
  ensureIndexStats(db, bp, catalogue);
  ensureAnswerDays(db, at.offsetMinutes);
  return readIndexStats(db, bp.code, {
    now: at.now,
    recallAt: at.horizon ?? defaultHorizon(at.now),
    offsetMinutes: at.offsetMinutes,
    masteredStability: MASTERED_STABILITY_DAYS,
    ...dueWindows(at.now, at.offsetMinutes),
    minAnswers: options.minAnswers ?? DEFAULT_MIN_ANSWERS,
    pickClasses: (classes) => classesToRank(classes, bp, options),
    // The constants ts-fsrs's forgetting curve computes from the scheduler's parameters on every call.
    curve: computeDecayFactor(at.scheduler.engine.parameters.w),
  });
}

/**
 * The exam most active questions' front matter names (see mostNamedExam), remembered until questions
 * change so that commands do not count 100 000 rows to learn it.
 */
export function defaultExamCode(db: Db): string {
  const stamp = `v${INDEX_VERSION}:${questionsVersion(db)}`;
  const cached = readDerived(db, 'default-exam');
  if (cached?.stamp === stamp && cached.value) return cached.value;
  const code = mostNamedExam(new Map(activeExamCounts(db).map((r) => [r.exam, r.n])));
  if (!db.readonly) writeDerived(db, 'default-exam', stamp, code);
  return code;
}
