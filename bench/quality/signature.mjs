// The hash that tells whether a question is still the one graded (same prompt, answers and wrong choices):
// graded.json keeps it instead of the question's text.
import { createHash } from 'node:crypto';

/** A 16-hex-digit hash of a question's prompt, answers and wrong choices. */
export function signature(q) {
  return createHash('sha256').update([q.prompt, ...q.answers, '', ...q.distractors].join('\u0000')).digest('hex').slice(0, 16);
}
