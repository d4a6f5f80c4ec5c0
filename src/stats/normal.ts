/** The normal distribution, written out so the readiness estimate needs no statistics library. */

/**
 * The error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7): far finer than
 * the estimate it serves.
 */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}

/** P(X ≤ x) for X ~ N(mean, sd²); a zero sd is a step at the mean. */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  if (sd <= 0) return x >= mean ? 1 : 0;
  return 0.5 * (1 + erf((x - mean) / (sd * Math.SQRT2)));
}
