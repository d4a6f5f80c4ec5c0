/** From an answer to an FSRS rating: automatic for objective questions, self-graded for flip cards. */

import type { QuizQuestion, Rating } from '../core/types.js';

const BASE_MS = 4000;
const PER_CHAR_MS = 60;

/**
 * The time a question should take: 4 s + 60 ms per character of the prompt and of every choice shown
 * (single/multi: answers and distractors; typed: the expected answer, which has to be typed instead).
 */
export function expectedTimeMs(question: Pick<QuizQuestion, 'kind' | 'prompt' | 'answers' | 'distractors'>): number {
  const shown =
    question.kind === 'single' || question.kind === 'multi'
      ? [...question.answers, ...question.distractors]
      : question.kind === 'typed'
        ? question.answers.slice(0, 1)
        : [];
  const chars = question.prompt.length + shown.reduce((n, s) => n + s.length, 0);
  return BASE_MS + PER_CHAR_MS * chars;
}

/**
 * Rates an objective answer: wrong → 1 (Again); right in more than 2× the expected time → 2 (Hard); right in
 * under 0.5× → 4 (Easy); otherwise 3 (Good). Expected time is {@link expectedTimeMs}; the bounds themselves
 * are Good.
 */
export function autoRating(answer: {
  correct: boolean;
  timeMs: number;
  question: Pick<QuizQuestion, 'kind' | 'prompt' | 'answers' | 'distractors'>;
}): Rating {
  if (!answer.correct) return 1;
  const expected = expectedTimeMs(answer.question);
  if (answer.timeMs > 2 * expected) return 2;
  if (answer.timeMs < 0.5 * expected) return 4;
  return 3;
}

/** The self-grade of a flip card from the key pressed, '1' (Again) to '4' (Easy); null for any other key. */
export function selfRatingFromKey(key: string): Rating | null {
  switch (key.trim()) {
    case '1':
      return 1;
    case '2':
      return 2;
    case '3':
      return 3;
    case '4':
      return 4;
    default:
      return null;
  }
}
