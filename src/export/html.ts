/** Text as HTML: escaped, with line breaks as <br>, and control characters (a note's, not ours) dropped. */
export function html(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, ' ')
    .replace(/\r?\n/g, '<br>');
}

/** An HTML ordered list of choices lettered A, B, C… */
export function choiceList(choices: readonly string[]): string {
  return `<ol type=A>${choices.map((c) => `<li>${html(c)}</li>`).join('')}</ol>`;
}

/** The right choices by letter, "B. Amazon SQS", one per line. */
export function rightChoices(choices: readonly string[], answers: readonly string[]): string {
  const right = new Set(answers);
  return choices
    .flatMap((c, i) => (right.has(c) ? [`${String.fromCharCode(65 + i)}. ${html(c)}`] : []))
    .join('<br>');
}

/** A typed question's prompt as cloze text, its blank replaced by `{{c1::answer}}` (HTML around it); null without a blank. */
export function clozeText(prompt: string, answer: string): string | null {
  const at = prompt.indexOf('____');
  if (at < 0) return null;
  // "}}" or "::" inside the answer would end the cloze or start its hint early.
  const inner = html(answer).replace(/}}/g, '} }').replace(/::/g, ': :');
  return `${html(prompt.slice(0, at))}{{c1::${inner}}}${html(prompt.slice(at + 4))}`;
}
