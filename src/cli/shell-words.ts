/**
 * Splits a command line such as `$EDITOR` into words the way a POSIX shell would, without running one:
 * blanks separate words; 'single quotes' keep everything; "double quotes" keep everything but `\"`, `\\`,
 * `\$` and `` \` ``; a backslash outside quotes keeps the next character. Nothing is expanded. Null when a
 * quote is left open.
 */
export function shellWords(line: string): string[] | null {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return null;
      word += line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`\n'.includes(line[j + 1]!)) j++;
        word += line[j];
      }
      if (j >= line.length) return null;
      i = j;
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line[++i];
    } else word += c;
  }
  if (inWord) words.push(word);
  return words;
}
