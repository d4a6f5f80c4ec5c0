/** Ordering that mixes topics, because drilling one topic in a row trains the sequence, not the recall. */

/**
 * Reorders `items` (given in priority order) so that no two neighbours share a topic when that can be
 * avoided, staying as close to the priority order as it allows. `lastTopic` is the topic shown just before,
 * so blocks can be chained.
 */
export function interleaveTopics<T>(items: readonly T[], topicOf: (item: T) => string, lastTopic?: string): T[] {
  const left = [...items];
  const counts = new Map<string, number>();
  for (const item of left) counts.set(topicOf(item), (counts.get(topicOf(item)) ?? 0) + 1);
  const out: T[] = [];
  let last = lastTopic;
  while (left.length > 0) {
    const index = pickNext(left, topicOf, counts, last);
    const [item] = left.splice(index, 1) as [T];
    const topic = topicOf(item);
    counts.set(topic, counts.get(topic)! - 1);
    out.push(item);
    last = topic;
  }
  return out;
}

function pickNext<T>(left: readonly T[], topicOf: (item: T) => string, counts: Map<string, number>, last: string | undefined): number {
  // The first item, in priority order, that leaves an arrangement without neighbours of one topic.
  for (const [i, item] of left.entries()) {
    const topic = topicOf(item);
    if (topic === last) continue;
    counts.set(topic, counts.get(topic)! - 1);
    const ok = canSeparate(counts, left.length - 1, topic);
    counts.set(topic, counts.get(topic)! + 1);
    if (ok) return i;
  }
  // No clean arrangement exists: spend the most crowded topic while other topics can still separate it.
  let best = -1;
  for (const [i, item] of left.entries()) {
    const topic = topicOf(item);
    if (topic === last) continue;
    if (best === -1 || counts.get(topic)! > counts.get(topicOf(left[best]!))!) best = i;
  }
  return best === -1 ? 0 : best;
}

// n items can follow `last` with no equal neighbours iff no topic needs more than every other slot;
// `last`'s own topic cannot take the first slot, so it gets one slot fewer when n is odd.
function canSeparate(counts: Map<string, number>, n: number, last: string): boolean {
  for (const [topic, c] of counts) {
    if (c > (topic === last ? Math.floor(n / 2) : Math.ceil(n / 2))) return false;
  }
  return true;
}
