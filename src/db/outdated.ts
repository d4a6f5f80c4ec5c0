import type { Fact } from '../notes/facts.js';
import type { Db } from './open.js';

/** The active facts of every stored note, grouped by note path, in line order. */
export function storedFacts(db: Db, paths?: readonly string[]): Map<string, Fact[]> {
  const filter = paths ? ' AND s.path IN (SELECT value FROM json_each(?))' : '';
  const rows = db
    // With what each fact shares with its group (an attribute's siblings), as it was before it was stored.
    .prepare(
      `SELECT s.path, f.data, g.id, g.data FROM facts f JOIN sources s ON s.id = f.source_id LEFT JOIN fact_groups g ON g.id = f.group_id
       WHERE f.retired_at IS NULL${filter} ORDER BY s.path, f.line`,
    )
    .raw()
    .all(...(paths ? [JSON.stringify(paths)] : [])) as Array<[string, string, string | null, string | null]>;
  const out = new Map<string, Fact[]>();
  // One object per group, shared by its facts as at ingest: a group's siblings are then judged once.
  const groups = new Map<string, object>();
  for (const [path, data, groupId, shared] of rows) {
    const list = out.get(path) ?? [];
    let group = groupId === null ? undefined : groups.get(groupId);
    if (group === undefined && groupId !== null && shared !== null) groups.set(groupId, (group = JSON.parse(shared) as object));
    list.push((group ? { ...JSON.parse(data), ...group } : JSON.parse(data)) as Fact);
    out.set(path, list);
  }
  return out;
}

/** Each stored note's front matter (what a note as a whole is about), by path. */
export function storedFrontMatter(db: Db): Map<string, { services?: string[]; title?: string }> {
  const rows = db.prepare('SELECT path, front_matter FROM sources').raw().all() as Array<[string, string]>;
  return new Map(rows.map(([path, fm]) => [path, JSON.parse(fm) as { services?: string[]; title?: string }]));
}

/** What judging a stored question needs: its note, line, wording and current finding (JSON or null). */
export interface JudgedQuestion {
  id: string;
  path: string;
  line: number;
  prompt: string;
  answers: string[];
  /** The services the question is about (its stored question_services). */
  services: string[];
  outdated: string | null;
}

/** Every active question, for judging again. */
export function activeQuestionsToJudge(db: Db): JudgedQuestion[] {
  const rows = db
    .prepare(
      `SELECT q.id, s.path, q.line, q.prompt, q.answers, q.outdated, (SELECT group_concat(qs.service_id, ' ') FROM question_services qs WHERE qs.question_id = q.id) AS services
       FROM questions q JOIN sources s ON s.id = q.source_id WHERE q.retired_at IS NULL`,
    )
    .all() as Array<Omit<JudgedQuestion, 'answers' | 'services'> & { answers: string; services: string | null }>;
  return rows.map((r) => ({ ...r, answers: JSON.parse(r.answers) as string[], services: r.services === null ? [] : r.services.split(' ') }));
}

/** Sets a question's finding (JSON), or clears it with null. */
export function setOutdated(db: Db, id: string, finding: string | null): void {
  db.prepare('UPDATE questions SET outdated = ? WHERE id = ?').run(finding, id);
}
