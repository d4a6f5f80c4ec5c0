/**
 * The score stage: how likely a generated question is to be a good one (RUBRIC.md), as a logistic model over
 * named features (see features.ts). The weights are data, fitted to graded questions and kept in
 * data/quality-model.json; the pure pipeline is handed them and never reads a file.
 */

/** Named feature values of one question; absent features are 0. */
export type Features = Record<string, number>;

/** A fitted logistic model and the thresholds chosen on graded questions. */
export interface QualityModel {
  version: string;
  bias: number;
  weights: Record<string, number>;
  /** Questions scoring below this are not stored (ingest --min-score overrides it). */
  threshold: number;
}

/** A model that keeps every question the rules let through: a score of 0.5 each, threshold 0. */
export const NEUTRAL_MODEL: QualityModel = { version: 'neutral', bias: 0, weights: {}, threshold: 0 };

/** The model's probability that a question with these features is good, rounded to 3 decimals. */
export function scoreOf(features: Features, model: QualityModel): number {
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) z += (model.weights[name] ?? 0) * value;
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}

/** Checks that parsed JSON is a usable model; returns a message for the first problem, or null. */
export function modelProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const m = value as Record<string, unknown>;
  if (typeof m.version !== 'string') return 'no version';
  if (typeof m.bias !== 'number' || !Number.isFinite(m.bias)) return 'no numeric bias';
  if (typeof m.threshold !== 'number' || m.threshold < 0 || m.threshold > 1) return 'threshold not in 0..1';
  if (typeof m.weights !== 'object' || m.weights === null) return 'no weights';
  for (const [k, w] of Object.entries(m.weights as Record<string, unknown>)) {
    if (typeof w !== 'number' || !Number.isFinite(w)) return `weight ${k} is not a number`;
  }
  return null;
}
