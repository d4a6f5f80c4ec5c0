import { it } from 'vitest';
import { matchTyped } from '../../src/study/match.js';
import { normalizeTyped } from '../../src/study/normalize.js';
import { makeScheduler, newCardState, reviewCard, retrievability } from '../../src/study/schedule.js';
import { wilsonLowerBound } from '../../src/study/wilson.js';
import { seededRandom } from '../../src/study/random.js';
it('scratch', () => {
  for (const s of ['30 seconds', '30seconds', '30 secs', '30s', '30 sec.', '512MB', '1,000 ms', '0.50 GB', 'Read-only & the Policies', 'SSE-S3', 't2.micro', 'A', 'x-amz-server-side-encryption set to aws:kms', '50%'])
    console.log(s, JSON.stringify(normalizeTyped(s)));
  const now = new Date('2026-03-01T09:00:00Z');
  const sch = makeScheduler();
  const c = newCardState(now);
  for (const r of [1, 2, 3, 4] as const) console.log(r, JSON.stringify(reviewCard(sch, c, r, now)));
  const g = reviewCard(sch, c, 4, now).card;
  for (const d of [0, 1, 5, 10, 30]) console.log(d, retrievability(sch, g, new Date(now.getTime() + d * 86400000)));
  console.log(wilsonLowerBound(1,1), wilsonLowerBound(3,10), wilsonLowerBound(5,8), wilsonLowerBound(40,40), wilsonLowerBound(45,50), wilsonLowerBound(10,10));
  const rng = seededRandom(42); console.log(rng(), rng(), rng());
});
