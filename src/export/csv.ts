/**
 * Anki's text import format with its file headers (Anki 2.1.55+): tab-separated, HTML fields, and columns
 * for the note type, deck, tags and guid, so one file imports every kind into Anki's stock note types.
 */
import { guidFor } from './anki.js';
import { choiceList, clozeText, html, rightChoices } from './html.js';
import { choicesOf, sourceLine, tagsOf, type ExportQuestion } from './question.js';

/** Anki's stock note types (present in every new collection) the rows use. */
export const CSV_NOTETYPES = { basic: 'Basic', cloze: 'Cloze', typed: 'Basic (type in the answer)' } as const;

/** The rows of a CSV export: [note type, deck, tags, guid, front (or cloze text), back (or back extra)]. */
export function csvRows(questions: readonly ExportQuestion[], deck = 'awsquiz'): string[][] {
  return questions.map((q) => {
    const source = `<div class=source>${html(sourceLine(q))}<br>${html(q.source.text)}</div>`;
    const head = (type: string) => [type, deck, tagsOf(q).join(' '), guidFor(q.id)];
    switch (q.kind) {
      case 'single':
      case 'multi': {
        const choices = choicesOf(q);
        return [...head(CSV_NOTETYPES.basic), html(q.prompt) + choiceList(choices), rightChoices(choices, q.answers) + source];
      }
      case 'typed': {
        const cloze = clozeText(q.prompt, q.answers[0] ?? '');
        if (cloze !== null) return [...head(CSV_NOTETYPES.cloze), cloze, source];
        // The type-in note type compares what is typed with the whole Back field: the source goes on the front.
        return [...head(CSV_NOTETYPES.typed), html(q.prompt) + source, html(q.answers[0] ?? '')];
      }
      case 'flip':
        return [...head(CSV_NOTETYPES.basic), html(q.prompt), html(q.answers.join('\n')) + source];
    }
  });
}

/** The whole file: header lines, then one tab-separated line per question. */
export function ankiCsv(questions: readonly ExportQuestion[], deck = 'awsquiz'): string {
  const header = ['#separator:Tab', '#html:true', '#notetype column:1', '#deck column:2', '#tags column:3', '#guid column:4', '#columns:Notetype\tDeck\tTags\tGUID\tFront\tBack'];
  // html() leaves no tab, newline or double quote in a field, so no field needs quoting.
  return [...header, ...csvRows(questions, deck).map((r) => r.join('\t'))].join('\n') + '\n';
}
