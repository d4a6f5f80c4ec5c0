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
  /** Set when the question teaches a number AWS documents differently now (see src/facts/outdated.ts). */
  outdated?: OutdatedFinding | null;
}

/**
 * A number in a note that differs from what AWS documents now, or a feature the note teaches that AWS has
 * discontinued (data/aws-facts.json).
 */
export interface OutdatedFinding {
  /** The fact's id in data/aws-facts.json ("sqs.message-size"). */
  fact: string;
  service: string;
  /** What the number is ("maximum message size"). */
  attribute: string;
  /** The quantity as the note writes it ("256KB"). */
  said: string;
  /** What AWS documents, readable ("1 MiB", "0 seconds to 12 hours"). */
  documented: string;
  /** When it became true (YYYY-MM or YYYY-MM-DD). */
  since: string;
  url: string;
  /** A discontinued feature: `attribute` names it, `documented` says what AWS did ("discontinued RTMP distributions"). */
  retired?: true;
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
