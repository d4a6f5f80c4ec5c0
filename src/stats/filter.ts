/** Narrowing the inputs by --domain, --topic and --since before anything is computed. */

import { isAnswerList } from './history.js';
import type { StatsAnswer, StatsInput } from './types.js';

/** What `awsquiz stats` narrows by; every field optional, all of them applied together. */
export interface StatsFilter {
  /** A domain slug of the chosen exam (the CLI resolves what the user typed with resolveDomain). */
  domain?: string;
  /** Case-insensitive substring of the topic's heading path. */
  topic?: string;
  /** Answers at or after this instant, and mock exams started at or after it. */
  since?: Date;
}

/** True when the filter narrows by domain or topic, that is, looks at part of the exam only. */
export function isPartial(filter: StatsFilter): boolean {
  return filter.domain !== undefined || (filter.topic !== undefined && filter.topic.trim() !== '');
}

/**
 * The inputs narrowed by `filter`. Domain and topic keep the matching questions and the answers to them
 * (answers to retired questions, whose domain and topic are unknown, drop out); a domain also keeps only the
 * mock exams taken for that domain. `since` keeps answers and mock exams from then on, but every question:
 * coverage since a date is still a share of all questions. Cards are looked up by question, so stay as given.
 */
export function applyFilter<T extends Pick<StatsInput, 'questions' | 'answers' | 'exams'>>(input: T, filter: StatsFilter): T {
  const topic = filter.topic?.trim().toLowerCase() ?? '';
  const { domain, since } = filter;
  let { questions, answers, exams } = input;

  if (domain === undefined && topic === '' && since === undefined) return input;
  // Tallies cannot be split by question and day at once: narrowing needs the answers themselves.
  if (!isAnswerList(answers)) throw new RangeError('narrowing the statistics needs every answer, not their tallies');
  if (domain !== undefined || topic !== '') {
    questions = questions.filter((q) => (domain === undefined || q.domain === domain) && (topic === '' || q.topic.toLowerCase().includes(topic)));
    const kept = new Set(questions.map((q) => q.id));
    answers = answers.filter((a) => kept.has(a.questionId));
  }
  if (domain !== undefined) exams = exams.filter((e) => e.domain === domain);
  if (since !== undefined) {
    const from = since.getTime();
    answers = (answers as readonly StatsAnswer[]).filter((a) => a.answeredAt.getTime() >= from);
    exams = exams.filter((e) => e.startedAt.getTime() >= from);
  }
  return { ...input, questions, answers, exams };
}
