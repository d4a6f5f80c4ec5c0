/**
 * Whether a long note is about AWS at all. A repository of AWS notes also holds other documents: the README a
 * web framework writes into every new project (119 KB of build tooling that names S3 twice), a licence, a
 * contributing guide. Their "facts" are someone else's product, and every question made of them is bad (R7:
 * graded blind on fresh14, none of the 20 sampled was good). A short note that names no service (the OSI model, disaster-recovery
 * terms) is left alone: study notes cover concepts too, and one page says little either way.
 */

// Below this much text a note is asked whatever it names. Letters are counted, not characters: list markers,
// tables and code fences are no text about anything.
const LONG_NOTE = 16_000;
// AWS notes over 16 000 letters name a service at least once per 420 letters (the sparsest of the dev corpus,
// the seeds and notes/: a mind map); a document that names one less than once per 4 000 is about something else.
const LETTERS_PER_MENTION = 4_000;

/**
 * True unless `text` holds much text and names AWS services (by `find`, which returns the services a line
 * names) less than once per 4 000 letters. Stops counting as soon as the note has named enough.
 */
export function aboutAws(text: string, find: (line: string) => readonly string[]): boolean {
  if (text.length < LONG_NOTE) return true;
  const letters = text.length - text.replace(/[A-Za-z]+/g, '').length;
  if (letters < LONG_NOTE) return true;
  const needed = Math.ceil(letters / LETTERS_PER_MENTION);
  let named = 0;
  for (const line of text.split('\n')) {
    if (!/[A-Z]/.test(line)) continue;
    named += find(line).length;
    if (named >= needed) return true;
  }
  return false;
}
