/**
 * What a note says anywhere of a name (RUBRIC.md R2): a wrong choice the note itself describes in the words
 * of the asked statement ("API Gateway … scales automatically" when Lambda "scales out automatically" is
 * asked) is a second right answer, wherever in the note it is said.
 */
import { memo, normalize, singular, spaced } from './text.js';

// Words that carry no claim of their own ("not" and "no" do: "managed by you" is not "not managed").
const FILLER = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'is', 'are', 'be', 'by', 'it', 'its', 'as', 'at', 'can', 'you', 'your', 'that', 'this', 'from', 'also', 'use', 'used', 'using', 'will', 'has', 'have', 'which', 'than', 'into', 'via', 'all', 'any', 'aws', 'amazon']);

/** The words a text claims something with, singular, without filler (remembered: names recur in every check). Do not mutate it. */
export const claimWordsOf = memo((text: string): readonly string[] => [...new Set(normalize(text).split(' ').filter((w) => w.length >= 2 && !FILLER.has(w)).map(singular))]);

/** An index of a note's lines by word, to find what it says of a name. */
export class NoteSayings {
  private readonly lines: Array<ReadonlySet<string>> = [];
  private readonly texts: string[] = [];
  private readonly byWord = new Map<string, number[]>();
  private readonly mentioned = new Map<string, boolean>();

  constructor(lines: Iterable<string>) {
    const seen = new Set<string>();
    for (const line of lines) {
      if (seen.has(line)) continue;
      seen.add(line);
      const at = this.lines.length;
      const words = new Set(claimWordsOf(line));
      this.lines.push(words);
      this.texts.push(spaced(line));
      for (const w of words) {
        const list = this.byWord.get(w);
        if (list) list.push(at);
        else this.byWord.set(w, [at]);
      }
    }
  }

  /** Whether some line of the note names `name` (remembered: a category's services are asked of statement after statement). */
  mentions(name: string): boolean {
    let said = this.mentioned.get(name);
    if (said === undefined) this.mentioned.set(name, (said = this.find(name)));
    return said;
  }

  private find(name: string): boolean {
    const words = claimWordsOf(name);
    if (words.length === 0) return false;
    const spelled = spaced(name);
    const rarest = words.map((w) => this.byWord.get(w) ?? []).sort((a, b) => a.length - b.length)[0]!;
    return rarest.some((at) => this.texts[at]!.includes(spelled));
  }

  /**
   * Whether a line of the note that names `name` also makes most of `statement`'s claim: at least two of its
   * words and three quarters of them, the words of `name` and of `answer` left aside ("opens one gate" and
   * "opens every gate" differ in the word that tells them apart).
   */
  saysOf(name: string, statement: string, answer: string): boolean {
    const nameWords = claimWordsOf(name);
    if (nameWords.length === 0) return false;
    const aside = new Set([...nameWords, ...claimWordsOf(answer)]);
    const claim = claimWordsOf(statement.replace(/____/g, ' ')).filter((w) => !aside.has(w));
    if (claim.length < 2) return false;
    // The name's rarest word picks the lines to read.
    const rarest = nameWords.map((w) => this.byWord.get(w) ?? []).sort((a, b) => a.length - b.length)[0]!;
    const spelled = spaced(name);
    for (const at of rarest) {
      if (!this.texts[at]!.includes(spelled)) continue;
      const words = this.lines[at]!;
      const shared = claim.filter((w) => words.has(w)).length;
      if (shared >= 2 && shared >= 0.75 * claim.length) return true;
    }
    return false;
  }
}
