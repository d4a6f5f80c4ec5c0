import { activeQuestionsToJudge, setOutdated, storedFacts, storedFrontMatter } from '../db/outdated.js';
import type { Db } from '../db/open.js';
import { readDerived, writeDerived } from '../db/question-index.js';
import { findingFor, findingsOfNote, type NoteFinding } from '../facts/note.js';
import { serviceMatcher, type Catalogue } from '../notes/services.js';
import { awsFacts } from './facts.js';

const KEY = 'outdated';

/**
 * Makes sure every stored question was judged against the facts file and matcher of this version: a stamp
 * check when it was; otherwise every note's stored facts are judged again and each question's finding set or
 * cleared, in one immediate transaction (a new facts file reaches notes that did not change).
 */
export function ensureOutdatedChecked(db: Db, catalogue: Catalogue): void {
  const { stamp } = awsFacts();
  if (db.readonly || readDerived(db, KEY)?.stamp === stamp) return;
  db.transaction(() => {
    if (readDerived(db, KEY)?.stamp === stamp) return;
    const byPath = storedFindings(db, catalogue);
    for (const q of activeQuestionsToJudge(db)) {
      const finding = findingFor(q, byPath.get(q.path) ?? []);
      const json = finding ? JSON.stringify(finding) : null;
      if (json !== q.outdated) setOutdated(db, q.id, json);
    }
    writeDerived(db, KEY, stamp, null);
  }).immediate();
}

/** The findings in every stored note (or in the notes at `paths`), by note path, from the facts ingest stored. */
export function storedFindings(db: Db, catalogue: Catalogue, paths?: readonly string[]): Map<string, NoteFinding[]> {
  const matcher = serviceMatcher(catalogue);
  const { index } = awsFacts();
  const out = new Map<string, NoteFinding[]>();
  const frontMatter = storedFrontMatter(db);
  for (const [path, facts] of storedFacts(db, paths)) {
    const found = findingsOfNote(facts, index, (text) => matcher.find(text), { path, frontMatter: frontMatter.get(path) ?? {} });
    if (found.length > 0) out.set(path, found);
  }
  return out;
}
