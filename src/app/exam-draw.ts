import type { Db } from '../db/open.js';
import { examPoolSizes, type IndexTuple, poolRowsAtRanks, topicPathsOf } from '../db/question-index.js';
import { allocate } from '../exam/allocate.js';
import { examCount, type ExamCandidate } from '../exam/assemble.js';
import type { Blueprint } from '../exam/blueprint.js';
import { sampleDistinct } from '../exam/random.js';

/**
 * Draws just the questions an exam will ask from `bp`'s question index, by random rank within each
 * domain's pool, instead of reading the whole bank: the per-domain counts come from the index, the
 * allocation is the one planExam makes (objective questions first, typed ones only to fill a gap), so
 * planExam over the drawn candidates asks exactly these. An invalid count draws nothing and is left for
 * planExam to reject. Questions that teach an outdated number are left out unless `includeOutdated`.
 */
export function drawExamCandidates(db: Db, bp: Blueprint, opts: { domain?: string; count?: number; rng: () => number; includeOutdated?: boolean }): ExamCandidate[] {
  const count = examCount(bp, opts.domain, opts.count);
  const scope = opts.domain === undefined ? bp.domains : bp.domains.filter((d) => d.slug === opts.domain);
  if (scope.length === 0 || !Number.isInteger(count) || count < 1) return [];
  // Outdated questions hold each pool's last ranks: leaving them out is drawing below the count of current ones.
  const sizes = new Map(examPoolSizes(db, bp.code).map((p) => [`${p.domain}\u0000${p.use}`, opts.includeOutdated ? p.n : p.current]));
  const size = (slug: string, use: 'objective' | 'typed') => sizes.get(`${slug}\u0000${use}`) ?? 0;
  const got = allocate(
    count,
    scope.map((d) => d.weight),
    scope.map((d) => size(d.slug, 'objective') + size(d.slug, 'typed')),
  );
  const rows: IndexTuple[] = [];
  scope.forEach((d, i) => {
    const objective = Math.min(got[i]!, size(d.slug, 'objective'));
    if (objective > 0) rows.push(...poolRowsAtRanks(db, bp.code, d.slug, 'objective', sampleDistinct(size(d.slug, 'objective'), objective, opts.rng)));
    const typed = got[i]! - objective;
    if (typed > 0) rows.push(...poolRowsAtRanks(db, bp.code, d.slug, 'typed', sampleDistinct(size(d.slug, 'typed'), typed, opts.rng)));
  });
  const paths = topicPathsOf(db, rows.map((r) => r[1]));
  return rows.map(([id, topicId, domain, , use]) => ({ id, topic: paths.get(topicId) ?? '', domain, use }));
}
