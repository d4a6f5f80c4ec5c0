/** The whole `awsquiz stats` report as one plain, JSON-serialisable object: what `--json` prints. */

import { shellArg, stripControls } from './command.js';
import { breakdownOf, type DomainBreakdown, type DomainStats, type DomainTally, domainStats } from './domains.js';
import { applyFilter, isPartial, type StatsFilter } from './filter.js';
import { historyOf } from './history.js';
import { type Overview, overview, overviewOf } from './overview.js';
import { type Readiness, readiness, readinessOf } from './readiness.js';
import { defaultHorizon } from './recall.js';
import type { StatsSummary } from './summary.js';
import { examHistory, type MockExamEntry, type Trend, type TrendOptions, trend, trendOf } from './trend.js';
import type { StatsInput } from './types.js';
import { rankTopics, type WeakTopic, type WeakTopicOptions, weakTopics } from './weak-topics.js';

/** How many weak topics the suggestions name. */
export const SUGGESTED_TOPICS = 3;

/** Options for `buildReport`: the filter, plus the knobs of the sections. */
export interface StatsOptions extends TrendOptions, WeakTopicOptions {
  filter?: StatsFilter;
}

/** Everything `awsquiz stats` shows; dates are ISO strings, fractions are 0..1, null means "no data". */
export interface StatsReport {
  generatedAt: string;
  exam: { code: string; name: string; passingScore: number; scoreRange: [number, number] };
  timeZoneOffsetMinutes: number;
  /** The instant each domain's `recall` is predicted for: the exam date when given, else a week from now. */
  recallHorizon: string;
  filter: { domain: string | null; topic: string | null; since: string | null };
  overview: Overview;
  domains: DomainStats[];
  unmapped: DomainBreakdown['unmapped'];
  weakTopics: WeakTopic[];
  trend: Trend;
  mockExams: MockExamEntry[];
  readiness: Readiness;
  /** What to do next, most pressing first: due reviews, weak topics, domains not started. */
  suggestions: string[];
}

/** Filters the inputs, tallies the answers, then computes every section; each is a linear pass over questions and tallies. */
export function buildReport(input: StatsInput, options: StatsOptions = {}): StatsReport {
  const filter = options.filter ?? {};
  const narrowed = { ...applyFilter(input, filter), horizon: input.horizon ?? defaultHorizon(input.now) };
  // Tally the answers once for every section (a no-op when the database already did).
  const data = { ...narrowed, answers: historyOf(narrowed.answers, input.now, input.timeZoneOffsetMinutes) };
  const over = overview(data);
  const breakdown = domainStats(data);
  const weak = weakTopics(data, options);
  // Part of the exam says nothing about passing the whole of it.
  const ready: Readiness = isPartial(filter)
    ? { available: false, reason: 'readiness covers the whole exam: run stats without --domain and --topic to see it' }
    : readiness(data, breakdown);
  return assemble({ ...input, exams: data.exams }, filter, over, breakdown, weak, trend(data, options), ready);
}

/**
 * The unnarrowed report from tallies per domain and topic (see StatsSummary): what buildReport gives for
 * the questions, answers and cards they sum up, with `options` the ones the summary's topics were picked for.
 */
export function reportFromSummary(
  summary: StatsSummary,
  input: Pick<StatsInput, 'exams' | 'bp' | 'now' | 'timeZoneOffsetMinutes' | 'horizon'>,
  options: Omit<StatsOptions, 'filter'> = {},
): StatsReport {
  const { bp, now, timeZoneOffsetMinutes: offset } = input;
  const history = summary.history;
  if (history.offsetMinutes !== offset || history.at.getTime() !== now.getTime()) {
    throw new RangeError('answer tallies were taken for another time zone or instant than the statistics asked for');
  }
  if (summary.recallAt.getTime() !== (input.horizon ?? defaultHorizon(now)).getTime()) {
    throw new RangeError('recall was predicted for another instant than the statistics asked for');
  }
  const slugs = new Set(bp.domains.map((d) => d.slug));
  const counts = { questions: 0, seen: 0, mastered: 0, dueToday: 0, dueNext7Days: 0 };
  const tallies = new Map<string, DomainTally>();
  const weighted = new Map<string, { right: number; wrong: number }>();
  const unmapped = { questions: 0, seen: 0, answers: 0 };
  for (const [domain, d] of summary.domains) {
    counts.questions += d.questions;
    counts.seen += d.seen;
    counts.mastered += d.mastered;
    counts.dueToday += d.dueToday;
    counts.dueNext7Days += d.dueNext7Days;
    if (domain !== null && slugs.has(domain)) {
      tallies.set(domain, d);
      weighted.set(domain, { right: d.recentRight, wrong: d.recentWrong });
    } else {
      unmapped.questions += d.questions;
      unmapped.seen += d.seen;
      unmapped.answers += d.answers;
    }
  }
  const over = overviewOf(counts, history.byDay, history.totals, now, offset);
  const breakdown = breakdownOf(bp, tallies, unmapped);
  const weak = rankTopics(summary.topics, bp, options);
  const ready = readinessOf(breakdown, weighted, input.exams, bp);
  return assemble(input, {}, over, breakdown, weak, trendOf(history.byDay, now, offset, options), ready);
}

function assemble(
  input: Pick<StatsInput, 'exams' | 'bp' | 'now' | 'timeZoneOffsetMinutes' | 'horizon'>,
  filter: StatsFilter,
  over: Overview,
  breakdown: DomainBreakdown,
  weak: WeakTopic[],
  trendSection: Trend,
  ready: Readiness,
): StatsReport {
  const { bp } = input;
  return {
    generatedAt: input.now.toISOString(),
    exam: { code: bp.code, name: bp.name, passingScore: bp.passingScore, scoreRange: [bp.scoreRange[0], bp.scoreRange[1]] },
    timeZoneOffsetMinutes: input.timeZoneOffsetMinutes,
    recallHorizon: (input.horizon ?? defaultHorizon(input.now)).toISOString(),
    filter: { domain: filter.domain ?? null, topic: filter.topic ?? null, since: filter.since?.toISOString() ?? null },
    overview: over,
    domains: breakdown.domains,
    unmapped: breakdown.unmapped,
    weakTopics: weak,
    trend: trendSection,
    mockExams: examHistory(input.exams),
    readiness: ready,
    suggestions: suggest(over, breakdown.domains, weak, bp.code, isPartial(filter)),
  };
}

/** The suggestions list (see StatsReport.suggestions); text from notes is stripped of control characters. */
export function suggest(over: Overview, domains: readonly DomainStats[], weak: readonly WeakTopic[], exam: string, partial: boolean): string[] {
  const out: string[] = [];
  if (over.questions === 0 && !partial) return ['No questions yet: awsquiz ingest'];
  if (over.dueToday > 0) out.push(`${over.dueToday} ${over.dueToday === 1 ? 'review is' : 'reviews are'} due today: awsquiz study --due-only`);
  for (const t of weak.filter((w) => w.weak).slice(0, SUGGESTED_TOPICS)) {
    out.push(`Drill ${stripControls(t.topic)} (${t.correct}/${t.answers} right): ${t.command}`);
  }
  const byWeight = [...domains].sort((a, b) => b.weight - a.weight);
  for (const d of byWeight) {
    if (d.questions > 0 && d.seen === 0) {
      out.push(`Start ${d.name} (${d.weight}% of the exam, ${d.questions} ${d.questions === 1 ? 'question' : 'questions'} unseen): awsquiz study --exam ${shellArg(exam)} --domain ${d.slug}`);
    } else if (d.questions === 0 && !partial) {
      // Under --domain or --topic the other domains are empty by construction, not for want of notes.
      out.push(`No notes map to ${d.name} (${d.weight}% of the exam): add notes for it, then awsquiz ingest`);
    }
  }
  if (out.length === 0 && over.answers === 0) out.push('Start studying: awsquiz study');
  return out;
}
