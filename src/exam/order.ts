/** Ordering exam items so that the same topic does not come twice in a row. */

/** Reorders shuffled `items` so no two neighbours share a key when possible (else as few as can be), otherwise keeping their order. */
export function spreadByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const rest = items.map((item) => ({ item, k: key(item) }));
  const counts = new Map<string, number>();
  for (const r of rest) counts.set(r.k, (counts.get(r.k) ?? 0) + 1);

  const out: T[] = [];
  let prev: string | null = null;
  while (rest.length > 0) {
    const ok = new Map<string, boolean>();
    const keeps = (k: string) => {
      if (!ok.has(k)) ok.set(k, k !== prev && feasibleAfter(counts, rest.length, k));
      return ok.get(k)!;
    };
    let at = rest.findIndex((r) => keeps(r.k));
    if (at < 0) {
      // No choice keeps a clean sequence: spend the most crowded key first, away from the last one if possible,
      // which is what leaves the fewest repeats at the end.
      const pool = rest.some((r) => r.k !== prev) ? rest.filter((r) => r.k !== prev) : rest;
      const most = Math.max(...pool.map((r) => counts.get(r.k)!));
      at = rest.findIndex((r) => pool.includes(r) && counts.get(r.k) === most);
    }
    const [picked] = rest.splice(at, 1);
    out.push(picked!.item);
    counts.set(picked!.k, counts.get(picked!.k)! - 1);
    prev = picked!.k;
  }
  return out;
}

/**
 * Whether, after placing one item of key `k` out of `n` remaining, the other n − 1 can still follow with no two
 * neighbours alike: every key fits in ceil(m / 2) slots of the m left, and `k` itself (barred from the first of
 * them) in floor(m / 2).
 */
function feasibleAfter(counts: Map<string, number>, n: number, k: string): boolean {
  const m = n - 1;
  for (const [key, c] of counts) {
    const left = key === k ? c - 1 : c;
    if (left > (key === k ? Math.floor(m / 2) : Math.ceil(m / 2))) return false;
  }
  return true;
}
