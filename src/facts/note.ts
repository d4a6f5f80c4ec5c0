import type { OutdatedFinding } from '../core/types.js';
import type { Fact } from '../notes/facts.js';
import { findOutdated, setsApart, type FactIndex, type Statement } from './outdated.js';
import { fileTitles } from '../notes/subjects.js';
import { PROFILE_ASKS } from '../notes/profiles.js';
import { findRetired, sinceWords } from './retired.js';
import { mayCount } from './quantity.js';

/** A finding at a line of a note. */
export interface NoteFinding extends OutdatedFinding {
  line: number;
  /**
   * A discontinued feature that every question of the line teaches: named by the line itself, or the other
   * half of a pair the line tells apart ("Web distribution" beside "RTMP distribution"). One member of a long
   * comparison ("EBS volumes" in a table that also lists Snowcone) teaches only what it shows.
   */
  wholeLine?: boolean;
  /**
   * The section's heading or the label above the line names the feature ("## Amazon QLDB" over "Immutable
   * system: …"): every line under it teaches it. `notes check` names such a heading once, not once per line.
   */
  under?: string;
}

/** The statement a fact makes, as the outdated check reads it (null for facts that state no number: lists). */
export function statementOf(fact: Fact): Statement | null {
  const where = { path: fact.path, context: fact.context };
  switch (fact.kind) {
    case 'attribute':
      // "Firehose" / "lowest buffer time is 1 minute": the thing the line is about is the label right above it.
      return { text: fact.sourceText, path: fact.path, context: fact.sourceText.includes(fact.subject) ? fact.context : [...fact.context, fact.subject] };
    case 'numeric':
    case 'cloze':
    case 'sentence':
      return { text: fact.sourceText, ...where };
    case 'table-cell':
      // A row's cells share its line: each cell is judged with its row and column as its wording.
      return { text: `${fact.rowKey} ${fact.column}: ${fact.value}`, path: fact.caption ? [...fact.path, fact.caption] : fact.path, context: fact.context, fromLabel: false };
    case 'qa':
      // The question is the premise and the answer the claim ("maximum SQS message size: 256 KB"); a question
      // with numbers of its own is a worked problem ("how many RCUs for 10 reads of 6 KB?"); a digit inside a
      // name ("S3", "EC2") is no number.
      if (/(?<![\p{L}\d])\d/u.test(fact.question)) return null;
      return { text: `${fact.question.replace(/\?\s*$/, '')}: ${fact.answer}`, ...where };
    case 'enumeration':
      // "3 Types of Load Balancers": a label may count what it lists, and that count can be out of date.
      return mayCount(fact.label) ? { text: fact.label, ...where } : null;
  }
}

/** What a fact says in words, for the check of discontinued features: its statement, or a list with its label. */
function wordsOf(fact: Fact, s: Statement | null): string {
  if (fact.kind === 'enumeration') return `${fact.label}: ${fact.items.join('; ')}`;
  return s?.text ?? fact.sourceText;
}

/**
 * Every number in a note's facts that AWS documents differently, and every discontinued feature they teach,
 * one per line and fact, in line order.
 */
export function noteFindings(facts: readonly Fact[], index: FactIndex, findServices: (text: string) => string[], noteServices: readonly string[] = []): NoteFinding[] {
  // A note's headings and labels are looked up once each, not once per fact under them.
  const services = new Map<string, string[]>();
  const find = (text: string) => {
    let ids = services.get(text);
    if (ids === undefined) services.set(text, (ids = findServices(text)));
    return ids;
  };
  const seen = new Set<string>();
  const bySiblings = new Map<readonly string[], OutdatedFinding[]>();
  const byHeading = new Map<string, OutdatedFinding[]>();
  const out: NoteFinding[] = [];
  for (const fact of facts) {
    const s = statementOf(fact);
    const words = wordsOf(fact, s);
    const key = `${fact.line}\u0000${words}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // "Eventual consistency for overwrite PUTs" is S3's old model only in a line about S3.
    const about = (service: string) => [words, ...fact.path, ...fact.context].some((t) => find(t).includes(service)) || noteServices.includes(service);
    // A table row is one line of many cells: a gone feature in one cell ("Min storage duration: 30 days") is that
    // cell's, and holds back only the questions that show it.
    const found: Array<OutdatedFinding & { wholeLine?: boolean; under?: string }> = findRetired(words, index.retired, about).map((f) => ({ ...f, wholeLine: fact.kind !== 'table-cell' }));
    // A thing told apart from a discontinued sibling ("Web or RTMP distribution"): the choice itself is gone.
    // A group's siblings are one array shared by its facts, judged once.
    if (fact.kind === 'attribute' && fact.siblings) {
      let gone = bySiblings.get(fact.siblings);
      if (gone === undefined) bySiblings.set(fact.siblings, (gone = findRetired(fact.siblings.join('; '), index.retired)));
      const pair = fact.siblings.length === 2;
      for (const f of gone) if (!found.some((o) => o.fact === f.fact)) found.push(pair ? { ...f, wholeLine: true } : f);
    }
    // A section the line sits in names the feature: what the line says of it is as gone as the feature is.
    // Any heading above it ("# Welcome to the CodeStar sample" › "## What's here"), and the label right above.
    const above = [...fact.path, fact.context[fact.context.length - 1]].filter((h): h is string => h !== undefined && !words.includes(h) && !setsApart(h));
    for (const heading of above) {
      let gone = byHeading.get(heading);
      if (gone === undefined) byHeading.set(heading, (gone = findRetired(heading, index.retired)));
      for (const f of gone) if (!found.some((o) => o.fact === f.fact)) found.push({ ...f, wholeLine: true, under: heading });
    }
    if (s && mayCount(s.text)) found.push(...findOutdated({ ...s, noteServices }, index, find));
    for (const f of found) {
      const id = `${fact.line}\u0000${f.fact}\u0000${f.said}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ line: fact.line, ...f });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * A note's findings, with the services the note as a whole is about (its front matter, title or file name)
 * for the numbers nothing nearer names a service for: what ingest, `notes check` and a later re-judging share.
 */
export function findingsOfNote(facts: readonly Fact[], index: FactIndex, findServices: (text: string) => string[], note: { path: string; frontMatter: { services?: string[]; title?: string } }): NoteFinding[] {
  return noteFindings(facts, index, findServices, noteServicesOf(note.frontMatter, fileTitles(note.path), findServices));
}

/**
 * The services a note as a whole is about: those its front matter lists, else those its front-matter title or
 * its file name (its folder's, for "notes.md") names — what ingest and a later check both know of it.
 */
export function noteServicesOf(frontMatter: { services?: string[]; title?: string }, titles: readonly string[], findServices: (text: string) => string[]): string[] {
  const listed = (frontMatter.services ?? []).flatMap((s) => findServices(s));
  if (listed.length > 0) return [...new Set(listed)];
  for (const t of [frontMatter.title ?? '', ...titles]) {
    const ids = t === '' ? [] : findServices(t);
    if (ids.length > 0) return ids;
  }
  return [];
}

/**
 * The finding a question from `line` teaches, if any: a discontinued feature its whole line teaches, or a finding
 * of its line that the question shows. A service profile asks several lines of the note, filed under its first:
 * a discontinued feature found on another of them counts too when the profile shows it and is about its service.
 */
export function findingFor(q: { line: number; prompt: string; answers: readonly string[]; services?: readonly string[] }, findings: readonly NoteFinding[]): OutdatedFinding | null {
  // A cloze shows its line with the answer in the blank: "128 MB – ____" teaches "128 MB – 3008 MB".
  const filled = q.answers.length > 0 && q.prompt.includes('____') ? q.prompt.replace('____', q.answers[0]!) : q.prompt;
  const shown = squash(`${filled} ${q.answers.join(' ')}`);
  // A discontinued feature the whole line teaches holds back each of its questions ("what is Web
  // Distribution?" beside RTMP); an outdated number, or one member of a long comparison, only those that show it.
  const hit =
    findings.find((f) => f.line === q.line && (f.wholeLine === true || shown.includes(squash(f.said)))) ??
    (q.prompt.toLowerCase().startsWith(PROFILE_ASKS) ? findings.find((f) => f.retired === true && (q.services ?? []).includes(f.service) && shown.includes(squash(f.said))) : undefined);
  if (!hit) return null;
  const { line: _line, wholeLine: _whole, under: _under, ...finding } = hit;
  return finding;
}

/**
 * The findings a reader is told of: a feature named by a heading once, at the first line under it, not again
 * for each line of its section.
 */
export function reportedFindings<T extends { path: string; finding: NoteFinding }>(all: readonly T[]): T[] {
  const told = new Set<string>();
  return all.filter(({ path, finding: f }) => {
    if (f.under === undefined) return true;
    const key = `${path}\u0000${f.under}\u0000${f.fact}`;
    if (told.has(key)) return false;
    told.add(key);
    return true;
  });
}

// A table cell's question shows its row and column as "Row: Column?": the colon and the mark are no words.
function squash(s: string): string {
  return s.toLowerCase().replace(/[\s,:?]+/g, '');
}

/**
 * One finding as a line of text: "notes/sqs.md:12 says the maximum message size is 256KB; AWS documents up to
 * 1 MiB since 2025-08 (URL)", or "notes/cf.md:3 names RTMP distribution; AWS discontinued RTMP distributions
 * on 2020-12-31 (URL)".
 */
export function findingText(path: string, f: NoteFinding): string {
  if (f.retired && f.under !== undefined) return `${path}:${f.line} is under “${f.under}”, which names ${f.said}; AWS ${f.documented} ${sinceWords(f.since)} (${f.url})`;
  if (f.retired) return `${path}:${f.line} names ${f.said}; AWS ${f.documented} ${sinceWords(f.since)} (${f.url})`;
  return `${path}:${f.line} says the ${f.attribute} is ${f.said}; AWS documents ${f.documented} since ${f.since} (${f.url})`;
}
