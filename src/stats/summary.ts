/**
 * The statistics as tallies per domain and per topic instead of per question: what `reportFromSummary`
 * builds the report from. A database can keep these current with each answer and card (see
 * src/db/stats.ts), so that `awsquiz stats` reads a few rows instead of every question, card and tally;
 * the report is the one `buildReport` makes from the questions, answers and cards they sum up.
 */

import type { DomainTally } from './domains.js';
import type { AnswerHistory } from './history.js';
import type { OverviewCounts } from './overview.js';
import type { TopicTally } from './weak-topics.js';

/** One domain's active questions: their answers, cards and recall (see DomainTally and OverviewCounts). */
export interface DomainSummary extends DomainTally, Omit<OverviewCounts, 'questions' | 'seen'> {
  /** Right and wrong answers to the domain's questions, each weighted by recency at the history's `at`. */
  recentRight: number;
  recentWrong: number;
}

/** Everything `reportFromSummary` reads besides the blueprint and the mock exams. */
export interface StatsSummary {
  /** The answer history in all and per local day (per question it is in `domains` and `topics`). */
  history: Omit<AnswerHistory, 'byQuestion'>;
  /** The instant the domains' recall sums were predicted for. */
  recallAt: Date;
  /**
   * Per domain the active questions map to (null: none). A slug the blueprint lacks counts as no domain,
   * as in domainStats.
   */
  domains: ReadonlyMap<string | null, DomainSummary>;
  /**
   * Topics with answers, each with the domain most of its questions map to (see topicDomain): every one,
   * or at least those of the classes `classesToRank` picks for the options the report is built with.
   */
  topics: readonly TopicTally[];
}
