/** The end-of-session report, computed from the answers given. */

/** One answer given during a session. */
export interface StudyResult {
  questionId: string;
  topic: string;
  correct: boolean;
  timeMs: number;
}

/** Right answers out of all answers, for one topic. */
export interface TopicResult {
  topic: string;
  right: number;
  total: number;
}

/** What a session amounted to. */
export interface StudySummary {
  /** Answers given, a missed question asked again counting again. */
  answered: number;
  /** Distinct questions asked. */
  questions: number;
  right: number;
  /** right / answered, 0 when nothing was answered. */
  accuracy: number;
  totalTimeMs: number;
  /** Worst first: lowest accuracy, then most misses, then by name. */
  topics: TopicResult[];
  dueTomorrow: number;
}

/** Sums up a session's answers; `dueTomorrow` is passed through for the closing line. */
export function summarize(results: readonly StudyResult[], dueTomorrow: number): StudySummary {
  const topics = new Map<string, TopicResult>();
  let right = 0;
  let totalTimeMs = 0;
  for (const r of results) {
    const t = topics.get(r.topic) ?? { topic: r.topic, right: 0, total: 0 };
    t.total += 1;
    if (r.correct) {
      t.right += 1;
      right += 1;
    }
    totalTimeMs += r.timeMs;
    topics.set(r.topic, t);
  }
  const ranked = [...topics.values()].sort(
    (a, b) =>
      a.right / a.total - b.right / b.total ||
      b.total - b.right - (a.total - a.right) ||
      (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
  );
  return {
    answered: results.length,
    questions: new Set(results.map((r) => r.questionId)).size,
    right,
    accuracy: results.length === 0 ? 0 : right / results.length,
    totalTimeMs,
    topics: ranked,
    dueTomorrow,
  };
}
