/** Splitting a question count across weighted domains. */

/** Largest-remainder (Hamilton) apportionment of `total` by `weights`; ties go to the larger weight, then the earlier one. */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  // Everyone gets the floor of their quota; the seats left go to the largest remainders. No randomness: the same
  // exam shape for every seed.
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  // total * w and floor * sum are exact for whole-number weights, so remainders compare without float noise.
  const shares = weights.map((w, i) => {
    const seats = Math.floor((total * w) / sum);
    return { i, w, seats, remainder: total * w - seats * sum };
  });
  let left = total - shares.reduce((s, x) => s + x.seats, 0);
  const byRemainder = [...shares].sort((a, b) => b.remainder - a.remainder || b.w - a.w || a.i - b.i);
  for (const s of byRemainder) {
    if (left <= 0) break;
    s.seats++;
    left--;
  }
  return shares.map((s) => s.seats);
}

/** Apportions `total` by `weights` within `caps`, sharing what a full entry cannot take among the others; may fall short. */
export function allocate(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const got = weights.map(() => 0);
  let left = total;
  let open = weights.flatMap((_, i) => ((caps[i] ?? 0) > 0 ? [i] : []));
  // Each round places at least one question (some open entry has a share and room), so this ends.
  while (left > 0 && open.length > 0) {
    const shares = largestRemainder(
      left,
      open.map((i) => weights[i]!),
    );
    open.forEach((i, k) => {
      const give = Math.min(shares[k]!, caps[i]! - got[i]!);
      got[i]! += give;
      left -= give;
    });
    open = open.filter((i) => got[i]! < caps[i]!);
  }
  return got;
}
