import { createHash } from 'node:crypto';
import type { QuestionKind } from '../core/types.js';
import type { Db } from '../db/open.js';
import { activeExamCounts, indexGroups, indexTouched, type IndexFilter, indexRows, questionsVersion, readDerived, replaceIndex, topicPaths, writeDerived } from '../db/question-index.js';
import { QuizRepository } from '../db/quiz.js';
import { examUse, type ExamUse } from '../exam/assemble.js';
import type { Blueprint } from '../exam/blueprint.js';
import { domainMapper, mostNamedExam } from '../exam/domains.js';
import type { Catalogue } from '../notes/services.js';
import type { StatsQuestion } from '../stats/types.js';

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
    const rows = new QuizRepository(db).questions().map((q) => ({ id: q.id, topicId: topicIds.get(q.topic)!, domain: mapDomain(q), kind: q.kind, use: examUse(q) }));
    replaceIndex(db, bp.code, rows);
    writeDerived(db, key, stamp, null);
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
    out.push({ id, topic: paths.get(topicId) ?? '', domain });
    touchedPer.set(key(topicId, domain), (touchedPer.get(key(topicId, domain)) ?? 0) + 1);
  }
  for (const [topicId, domain, n] of indexGroups(db, bp.code)) {
    const rest = n - (touchedPer.get(key(topicId, domain)) ?? 0);
    if (rest > 0) out.push({ id: '', topic: paths.get(topicId) ?? '', domain, count: rest });
  }
  return out;
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
