/**
 * Plans a study session from a handful of indexed reads instead of every question and card, then lets
 * the pure buildQueue decide. The reads are chosen so that buildQueue sees every question it could pick:
 *
 * - due reviews: the longest-overdue cards, DUE_PER_SLOT per question asked (at least DUE_CANDIDATES),
 *   which is all of them unless the user has been away; buildQueue ranks these by recall;
 * - weak topics: the weakest topics by the Wilson bound kept in `topic_scores` (one per question asked, at
 *   least WEAK_TOPIC_CANDIDATES), and their not-yet-due cards;
 * - new questions: for a large bank, random positions of the index (so topics are met in proportion to
 *   their questions); for a small bank, a narrow filter or a nearly finished bank, all of them; each with
 *   its quality score, so that buildQueue asks a topic's surest questions first.
 */

import { allNew, type CandidateRow, dueCandidates, indexSize, laterCandidates, newAtPositions, weakestTopics } from '../db/candidates.js';
import type { Db } from '../db/open.js';
import { type IndexFilter, topicPathsOf } from '../db/question-index.js';
import { buildQueue, type QueueInput, WEAK_TOPIC_BELOW } from '../study/queue.js';
import type { CardState } from '../study/schedule.js';

/** Due cards read for ranking by recall, per question asked and at least; reading each costs about 8 µs. */
export const DUE_PER_SLOT = 3;
export const DUE_CANDIDATES = 60;
/** The weakest topics whose not-yet-due cards may be pulled forward (at least; one per question asked otherwise). */
export const WEAK_TOPIC_CANDIDATES = 20;
/** Positions drawn per query when sampling new questions from a large bank, and queries tried before reading them all. */
const SAMPLE_BATCH = 64;
const SAMPLE_ROUNDS = 16;

/** What planStudy needs besides the database and the selection: buildQueue's settings. */
export type StudyPlanOptions = Pick<QueueInput, 'now' | 'scheduler' | 'limit' | 'newOnly' | 'dueOnly' | 'rng'>;

/** The ids of a study session over `exam`'s indexed questions passing `filter` (see the module comment). */
export function planStudy(db: Db, exam: string, filter: IndexFilter, o: StudyPlanOptions): string[] {
  const limit = Number.isFinite(o.limit) ? Math.max(0, Math.floor(o.limit)) : 0;
  if (limit === 0) return [];
  const rows: CandidateRow[] = [];
  const weak: Array<{ topicId: number; right: number; total: number }> = [];
  if (!o.newOnly) {
    rows.push(...dueCandidates(db, exam, filter, o.now, Math.max(DUE_CANDIDATES, DUE_PER_SLOT * limit)));
    if (!o.dueOnly) {
      weak.push(...weakestTopics(db, exam, filter, WEAK_TOPIC_BELOW, Math.max(WEAK_TOPIC_CANDIDATES, limit)));
      rows.push(...laterCandidates(db, exam, filter, weak.map((t) => t.topicId), o.now));
    }
  }
  if (!o.dueOnly) rows.push(...sampleNew(db, exam, filter, limit, o.rng));

  const paths = topicPathsOf(db, [...rows.map((r) => r.topicId), ...weak.map((t) => t.topicId)]);
  const cards = new Map<string, CardState>();
  for (const r of rows) if (r.card) cards.set(r.id, r.card);
  return buildQueue({
    questions: rows.map((r) => ({ id: r.id, topic: paths.get(r.topicId) ?? '', score: r.score })),
    cards,
    topicAccuracy: new Map(weak.map((t) => [paths.get(t.topicId) ?? '', { right: t.right, total: t.total }])),
    now: o.now,
    scheduler: o.scheduler,
    limit,
    newOnly: o.newOnly,
    dueOnly: o.dueOnly,
    rng: o.rng,
  });
}

/** At least `want` new questions of the selection when it has that many, else all of them (buildQueue takes `limit` of them at most). */
function sampleNew(db: Db, exam: string, filter: IndexFilter, want: number, rng: () => number): CandidateRow[] {
  const size = indexSize(db, exam);
  if (size <= SAMPLE_BATCH * SAMPLE_ROUNDS) return allNew(db, exam, filter);
  const found = new Map<string, CandidateRow>();
  for (let round = 0; round < SAMPLE_ROUNDS && found.size < want; round++) {
    const positions = Array.from({ length: SAMPLE_BATCH }, () => Math.min(size - 1, Math.floor(rng() * size)));
    for (const r of newAtPositions(db, exam, filter, positions)) found.set(r.id, r);
  }
  // A narrow filter or a bank nearly all seen leaves few hits: reading every new one is then both exact and cheap enough.
  return found.size >= want ? [...found.values()] : allNew(db, exam, filter);
}
