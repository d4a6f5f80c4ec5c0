/** Shell commands built from user text (topic names come from notes), safe to copy and paste. */

// C0/C1 controls and the bidirectional overrides that could make a pasted command read differently from what runs.
const CONTROLS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;

/** `text` with control characters turned into spaces, runs of white space collapsed, and trimmed. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * One shell word for `text` (after stripControls): double quotes with `\`, `"`, `$` and backtick escaped;
 * single quotes when it holds `!`, which interactive bash expands even inside double quotes.
 */
export function shellWord(text: string): string {
  const clean = stripControls(text);
  if (clean.includes('!')) return `'${clean.replace(/'/g, `'\\''`)}'`;
  return `"${clean.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** The last segment of a heading path ("SQS › Dead-letter queues" → "Dead-letter queues"), or the whole path. */
export function topicLeaf(topic: string): string {
  const leaf = stripControls(topic.split('›').pop() ?? '');
  return leaf === '' ? stripControls(topic) : leaf;
}

/** `awsquiz study --topic "<last segment>"`, quoted safely; plain `awsquiz study` when nothing printable is left. */
export function studyTopicCommand(topic: string): string {
  const leaf = topicLeaf(topic);
  return leaf === '' ? 'awsquiz study' : `awsquiz study --topic ${shellWord(leaf)}`;
}

/** `awsquiz study --topic-id N`: exactly one topic, whatever its heading path, in a few columns. */
export function studyTopicIdCommand(topicId: number): string {
  return `awsquiz study --topic-id ${topicId}`;
}

/** `text` as is when it is a plain word (letters, digits, `.`, `_`, `-`), else quoted by shellWord. */
export function shellArg(text: string): string {
  return /^[A-Za-z0-9._-]+$/.test(text) ? text : shellWord(text);
}
