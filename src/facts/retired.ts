/**
 * Features AWS has discontinued or closed (data/aws-facts.json, `retired`): RTMP distributions, Spot blocks,
 * launch configurations, whole services such as OpsWorks. A note written before the change teaches them as
 * current; a question made from such a line teaches something a learner can no longer use. A line that itself
 * says the feature is old ("launch templates replace launch configurations") is left alone.
 */
import type { OutdatedFinding } from '../core/types.js';

/** One discontinued feature as data/aws-facts.json writes it. */
export interface RetiredFeature {
  id: string;
  /** Service id in data/services.json. */
  service: string;
  /** The feature's name, as a warning names it ("RTMP distributions"). */
  feature: string;
  /**
   * Ways notes name it, matched as whole words, plurals and hyphens aside; in any case when written in lower
   * case, else as written ("Data Pipeline" is the service, "data pipeline" any pipeline).
   */
  phrases: string[];
  /** Lower-case words that make a line about something else that lives on ("connection" for CodeStar). */
  unless?: string[];
  /**
   * Lower-case words one of which the line must also say: Kinesis Data Analytics' SQL applications are gone, its
   * Flink applications live on under a new name, so only a line about SQL teaches what was discontinued.
   */
  with?: string[];
  /**
   * Judged only in a line about the service (the line, a heading or label above it, or the note names it):
   * "eventual consistency" is S3's old model and DynamoDB's current one, "RTMP" CloudFront's old distributions
   * and MediaLive's current input.
   */
  named?: boolean;
  /** What AWS did, with `{feature}` where the feature's name goes: "discontinued {feature}". */
  status: string;
  since: string;
  url: string;
}

/** A feature with its wordings compiled. */
export interface CompiledRetired {
  feature: RetiredFeature;
  /** Its wordings in lower case (any case matches) and as written (only that case). */
  patterns: RegExp[];
}

/** The features, and one pattern of every wording: most lines name none, and one test says so. */
export interface RetiredIndex {
  features: CompiledRetired[];
  any: RegExp | null;
}

/** Compiles each feature's wordings into one whole-word pattern, and all of them into one. */
export function compileRetired(list: readonly RetiredFeature[]): RetiredIndex {
  const features = list.map((feature) => {
    const anyCase = feature.phrases.filter((p) => p === p.toLowerCase());
    const cased = feature.phrases.filter((p) => p !== p.toLowerCase());
    const patterns = [anyCase.length > 0 ? wholeWords(anyCase, 'i') : null, cased.length > 0 ? wholeWords(cased, '') : null];
    return { feature, patterns: patterns.filter((re): re is RegExp => re !== null) };
  });
  // In any case: a cheap first test that every line naming a feature passes.
  return { features, any: list.length > 0 ? wholeWords(list.flatMap((f) => f.phrases), 'i') : null };
}

function wholeWords(phrases: readonly string[], flags: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])(?:${phrases.map(wordsPattern).join('|')})(?![A-Za-z0-9])`, flags);
}

/** "max message size" → its words as a pattern source: plurals allowed, any run of spaces or hyphens between. */
export function wordsPattern(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (/[a-z]$/.test(w) ? '(?:s|es)?' : ''))
    .join('[\\s-]+');
}

// The line knows the feature is gone, or says what replaced it (a present "replace" is judged where it stands:
// see replacedHere). Notes misspell it as often as not: "depricated - omitted".
const KNOWS = /\b(?:deprecated|depricated|legacy|retired|discontinued|no longer|replac(?:ed|ing|ement)|instead|superseded|successor|newer|older|old|previous(?:ly)?|used to|end of (?:life|support)|eol|not recommended|recommend(?:s|ed)? (?:using )?launch templates?|migrat(?:e|ed|ing|ion))\b/i;

/**
 * The discontinued features `text` teaches as current, each once. `about` says whether the line is about a
 * service (it, a heading above it or its note names it); without it, features judged only so are left alone.
 */
export function findRetired(text: string, index: RetiredIndex, about?: (service: string) => boolean): OutdatedFinding[] {
  if (!index.any?.test(text)) return [];
  const out: OutdatedFinding[] = [];
  for (const { feature, patterns } of index.features) {
    const m = patterns.map((re) => re.exec(text)).find((found) => found !== null);
    if (!m || replacedHere(text, m.index)) continue;
    const lower = text.toLowerCase();
    if (feature.unless?.some((w) => lower.includes(w)) || (feature.with !== undefined && !feature.with.some((w) => lower.includes(w)))) continue;
    // What the line says besides the feature's name: "Server Migration Service" holds "migration" itself.
    if (KNOWS.test(text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length))) continue;
    if (feature.named === true && about?.(feature.service) !== true) continue;
    out.push({
      fact: feature.id,
      service: feature.service,
      attribute: feature.feature,
      said: m[0],
      documented: feature.status.replace('{feature}', feature.feature),
      since: feature.since,
      url: feature.url,
      retired: true,
    });
  }
  return out;
}

/**
 * "Launch templates replace launch configurations": something replaces the feature named after the verb. In
 * "OpsWorks Stacks can replace a failed instance" the feature is the one replacing, and is taught as current.
 */
function replacedHere(text: string, featureAt: number): boolean {
  const verb = /\breplaces?\b/i.exec(text);
  return verb !== null && verb.index < featureAt;
}

/**
 * "2020-12-31" → "on 2020-12-31"; "2024-07" → "in 2024-07"; "2023" → "by 2023": a year alone is when the
 * documentation said so, not when AWS did it (data/aws-facts.json gives a year where the page gives no date).
 */
export function sinceWords(since: string): string {
  if (/^\d{4}$/.test(since)) return `by ${since}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(since) ? `on ${since}` : `in ${since}`;
}
