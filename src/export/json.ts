import type { ExportQuestion } from './question.js';

/** The JSON export: every question with its answers, wrong choices, quality score, your answers, schedule and source. */
export function jsonExport(questions: readonly ExportQuestion[], now: Date, withSchedule = false): object {
  return {
    format: 'awsquiz-questions',
    version: 1,
    exported: now.toISOString(),
    questions: questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      topic: q.topic,
      prompt: q.prompt,
      answers: q.answers,
      choices: q.distractors,
      accepted: q.accepted,
      exam: q.examCode,
      domain: q.domainSlug,
      services: q.services,
      source: q.source,
      score: q.score,
      answered: { ...q.answered, accuracy: q.answered.answers > 0 ? q.answered.correct / q.answered.answers : null },
      card: q.card,
      ...(withSchedule ? { reviews: q.reviews } : {}),
      outdated: q.outdated,
      flagged: q.flagged,
    })),
  };
}
