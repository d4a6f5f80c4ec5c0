/** Ranking accuracies by how sure we are of them, not by the raw ratio. */

/** z for a two-sided 90% interval. */
export const Z_90 = 1.6448536269514722;

/**
 * The lower bound of the Wilson score interval for `right` out of `total` (0 when total is 0): 1 right out of
 * 1 is not better than 45 out of 50, because one answer says little.
 */
export function wilsonLowerBound(right: number, total: number, z: number = Z_90): number {
  if (total <= 0) return 0;
  const p = right / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const spread = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return Math.max(0, (centre - spread) / (1 + z2 / total));
}
