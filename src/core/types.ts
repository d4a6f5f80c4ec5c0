/** Shapes shared by the pure cores (study, exam, stats) and the layers that feed them. */

export type QuestionKind = 'single' | 'multi' | 'typed' | 'flip';

/** A stored, active question as the quiz engines see it. */
export interface QuizQuestion {
  id: string;
  kind: QuestionKind;
  /** Heading path, "SQS › Dead-letter queues". */
  topic: string;
  prompt: string;
  /** Right answer(s); for a flip card, the back of the card. */
  answers: string[];
  /** Wrong choices (single and multi). */
  distractors: string[];
  /** Other spellings accepted for typed answers. */
  accepted: string[];
  /** Service ids from data/services.json. */
  services: string[];
  /** Exam and domain from the note's front matter, when it said. */
  exam: string | null;
  domain: string | null;
  source: { path: string; line: number; text: string };
}

/** FSRS rating, as ts-fsrs numbers them. */
export type Rating = 1 | 2 | 3 | 4;

/** One answer from the history, enough for scheduling and statistics. */
export interface AnswerRecord {
  questionId: string;
  correct: boolean;
  answeredAt: Date;
  timeMs: number;
  sessionKind: 'study' | 'exam' | null;
}
