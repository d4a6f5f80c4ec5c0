import type { OutdatedFinding } from '../core/types.js';
import type { Fact } from '../notes/facts.js';
import type { Question } from '../notes/questions.js';
import { createHash } from 'node:crypto';
import type { Db } from './open.js';
import { likeUnder } from './question-index.js';

export interface SourceRow {
  id: number;
  path: string;
  content_hash: string;
  size: number;
  mtime_ms: number;
  /** The stamp of the generator that analysed it (see ingest's generatorStamp). */
  generator: string;
  /** Set by `awsquiz notes remove` (migration 0005); null while the note is in use. */
  removed_at: string | null;
  /** When the note was removed or its file seen deleted (migration 0007); null while it is a live note. */
  retired_at: string | null;
}

/** One ingested note as `awsquiz notes` lists it. */
export interface SourceSummary {
  path: string;
  ingestedAt: string;
  removedAt: string | null;
  /** Active questions (not retired, not flagged), and flagged ones. */
  questions: number;
  flagged: number;
  /** Answers ever given to its questions (kept when the note is removed). */
  answers: number;
}

export interface StoredNote {
  path: string;
  hash: string;
  size: number;
  mtimeMs: number;
  /** The generator stamp the note was analysed with. */
  generator: string;
  exam: string | null;
  domain: string | null;
  frontMatter: unknown;
  facts: Fact[];
  questions: Array<Question & { services: string[]; outdated?: OutdatedFinding | null }>;
  skipped: Record<string, number>;
  warnings: string[];
}

export interface StoreResult {
  added: number;
  updated: number;
  retired: number;
}

/** Reads and writes what ingest produces: sources, topics, facts, questions and their services. */
export class NotesRepository {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      source: db.prepare<[string], SourceRow>('SELECT id, path, content_hash, size, mtime_ms, generator, removed_at, retired_at FROM sources WHERE path = ?'),
      sources: db.prepare<[], SourceRow>('SELECT id, path, content_hash, size, mtime_ms, generator, removed_at, retired_at FROM sources ORDER BY path'),
      upsertSource: db.prepare(
        `INSERT INTO sources (path, content_hash, size, mtime_ms, ingested_at, exam, domain, front_matter, facts, questions, skipped, warnings, generator)
         VALUES (@path, @hash, @size, @mtimeMs, @now, @exam, @domain, @frontMatter, @facts, @questions, @skipped, @warnings, @generator)
         ON CONFLICT(path) DO UPDATE SET removed_at = NULL, content_hash = excluded.content_hash, size = excluded.size, mtime_ms = excluded.mtime_ms, generator = excluded.generator,
           ingested_at = excluded.ingested_at, exam = excluded.exam, domain = excluded.domain, front_matter = excluded.front_matter,
           facts = excluded.facts, questions = excluded.questions, skipped = excluded.skipped, warnings = excluded.warnings,
           retired_at = NULL
         RETURNING id`,
      ),
      touchSource: db.prepare('UPDATE sources SET mtime_ms = ?, size = ? WHERE id = ?'),
      topic: db.prepare<[string, string], { id: number }>(
        'INSERT INTO topics (path, name) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET name = name RETURNING id',
      ),
      existing: db.prepare<[string], { id: string; retired_at: string | null }>('SELECT id, retired_at FROM questions WHERE id = ?'),
      upsertQuestion: db.prepare(
        `INSERT INTO questions (id, source_id, topic_id, kind, fact_kind, prompt, answers, distractors, accepted, line, source_text,
                                exam, domain, created_at, updated_at, score, features, outdated)
         VALUES (@id, @sourceId, @topicId, @kind, @factKind, @prompt, @answers, @distractors, @accepted, @line, @sourceText,
                 @exam, @domain, @now, @now, @score, @features, @outdated)
         ON CONFLICT(id) DO UPDATE SET source_id = excluded.source_id, topic_id = excluded.topic_id, prompt = excluded.prompt,
           score = excluded.score, features = excluded.features, outdated = excluded.outdated,
           answers = excluded.answers, distractors = excluded.distractors, accepted = excluded.accepted, line = excluded.line,
           source_text = excluded.source_text, exam = excluded.exam, domain = excluded.domain, retired_at = NULL,
           updated_at = CASE WHEN questions.retired_at IS NOT NULL OR questions.prompt IS NOT excluded.prompt
             OR questions.distractors IS NOT excluded.distractors OR questions.line IS NOT excluded.line
             THEN excluded.updated_at ELSE questions.updated_at END`,
      ),
      clearServices: db.prepare('DELETE FROM question_services WHERE question_id = ?'),
      addService: db.prepare('INSERT OR IGNORE INTO question_services (question_id, service_id) VALUES (?, ?)'),
      link: db.prepare(
        `INSERT INTO question_sources (question_id, source_id, line) VALUES (?, ?, ?)
         ON CONFLICT (question_id, source_id) DO UPDATE SET line = excluded.line WHERE line IS NOT excluded.line`,
      ),
      // The links of a source to questions it no longer makes, removed; the ids come back to be settled.
      unlinkMissing: db.prepare<[number, string], { question_id: string }>(
        `DELETE FROM question_sources WHERE source_id = ? AND question_id NOT IN (SELECT value FROM json_each(?)) RETURNING question_id`,
      ),
      unlinkAll: db.prepare<[number], { question_id: string }>('DELETE FROM question_sources WHERE source_id = ? RETURNING question_id'),
      // A question no note makes any more is retired; one another note still makes is shown with that note.
      retireOrphans: db.prepare(
        // "+": each id is looked up by the primary key; on the column's own index (questions_active) SQLite
        // read every live question to retire a handful (55 ms a note at 200 000 questions, most of a big ingest).
        `UPDATE questions SET retired_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND +retired_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM question_sources l WHERE l.question_id = questions.id)`,
      ),
      rehome: db.prepare(
        `UPDATE questions SET (source_id, line) = (SELECT l.source_id, l.line FROM question_sources l WHERE l.question_id = questions.id ORDER BY l.source_id LIMIT 1)
         WHERE id IN (SELECT value FROM json_each(?)) AND +source_id = ?
           AND EXISTS (SELECT 1 FROM question_sources l WHERE l.question_id = questions.id)`,
      ),
      upsertGroup: db.prepare('INSERT INTO fact_groups (id, data) VALUES (?, ?) ON CONFLICT (id) DO NOTHING'),
      upsertFact: db.prepare(
        `INSERT INTO facts (id, source_id, topic_id, kind, line, data, group_id) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET source_id = excluded.source_id, topic_id = excluded.topic_id, line = excluded.line,
           data = excluded.data, group_id = excluded.group_id, retired_at = NULL`,
      ),
      retireFacts: db.prepare(
        `UPDATE facts SET retired_at = ? WHERE source_id = ? AND retired_at IS NULL AND id NOT IN (SELECT value FROM json_each(?))`,
      ),
      retireSourceFacts: db.prepare('UPDATE facts SET retired_at = ? WHERE source_id = ? AND retired_at IS NULL'),
      markRetired: db.prepare('UPDATE sources SET retired_at = ? WHERE id = ?'),
    };
  }

  /** The stored source for a path, if it was ingested before. */
  source(path: string): SourceRow | undefined {
    return this.stmts.source.get(path);
  }

  /** Every source ingested before, removed ones included (see `removed_at`). */
  sources(): SourceRow[] {
    return this.stmts.sources.all();
  }

  /** The sources at `path` (an absolute file path) or under it (a folder), removed ones included. */
  sourcesUnder(path: string): SourceRow[] {
    return this.db
      .prepare(`SELECT id, path, content_hash, size, mtime_ms, generator, removed_at, retired_at FROM sources WHERE path = ? OR path LIKE ? ESCAPE '\\' ORDER BY path`)
      .all(path, likeUnder(path)) as SourceRow[];
  }

  /** Every source with its questions and answers, for `awsquiz notes`. */
  summaries(): SourceSummary[] {
    return this.db
      .prepare(
        `SELECT s.path, s.ingested_at AS ingestedAt, s.removed_at AS removedAt,
           (SELECT count(*) FROM questions q WHERE q.source_id = s.id AND q.retired_at IS NULL AND q.flagged_at IS NULL) AS questions,
           (SELECT count(*) FROM questions q WHERE q.source_id = s.id AND q.retired_at IS NULL AND q.flagged_at IS NOT NULL) AS flagged,
           (SELECT count(*) FROM answers a JOIN questions q ON q.id = a.question_id WHERE q.source_id = s.id) AS answers
         FROM sources s ORDER BY s.path`,
      )
      .all() as SourceSummary[];
  }

  /**
   * Removes notes from use in one transaction: their questions are retired (answers and schedules kept, for
   * statistics and for the day the note is ingested again) and the sources marked removed, so that re-checking
   * known notes leaves them alone. Returns how many questions were retired.
   */
  remove(ids: readonly number[], now: string): number {
    return this.db.transaction(() => {
      let retired = 0;
      for (const id of ids) {
        // A question another note still makes stays (see retireSource).
        retired += this.retireSource(id, now);
        this.db.prepare('UPDATE sources SET removed_at = ? WHERE id = ?').run(now, id);
      }
      return retired;
    })();
  }

  /** Records a new mtime for a source whose content did not change, so the next stat check is cheap. */
  touch(id: number, mtimeMs: number, size: number): void {
    this.stmts.touchSource.run(mtimeMs, size, id);
  }

  /**
   * Retires a note (removed by the user, or its file seen deleted): it no longer makes any question, so a
   * question no other note makes is retired; answer history stays, and the note comes back whole when its
   * file is ingested again. Returns the number of questions retired.
   */
  retireSource(id: number, now: string): number {
    return this.db.transaction((): number => {
      const s = this.stmts;
      const ids = JSON.stringify(s.unlinkAll.all(id).map((r) => r.question_id));
      const retired = s.retireOrphans.run(now, ids).changes;
      s.rehome.run(ids, id);
      s.retireSourceFacts.run(now, id);
      s.markRetired.run(now, id);
      return retired;
    })();
  }

  /**
   * Replaces what one note produced, in one transaction: new questions added, changed ones updated in
   * place (same id, history kept), vanished ones retired rather than deleted.
   */
  store(note: StoredNote, now: string): StoreResult {
    return this.db.transaction((): StoreResult => {
      const s = this.stmts;
      const { id: sourceId } = s.upsertSource.get({
        path: note.path,
        hash: note.hash,
        size: note.size,
        mtimeMs: Math.round(note.mtimeMs),
        now,
        exam: note.exam,
        domain: note.domain,
        frontMatter: JSON.stringify(note.frontMatter),
        facts: note.facts.length,
        questions: note.questions.length,
        skipped: JSON.stringify(note.skipped),
        warnings: JSON.stringify(note.warnings),
        generator: note.generator,
      }) as { id: number };
      const topicIds = new Map<string, number>();
      const topicId = (path: string) => {
        let id = topicIds.get(path);
        if (id === undefined) {
          id = s.topic.get(path, path.split(' › ').pop() ?? path)!.id;
          topicIds.set(path, id);
        }
        return id;
      };
      let added = 0;
      let updated = 0;
      for (const q of note.questions) {
        const before = s.existing.get(q.id);
        if (!before || before.retired_at !== null) added++;
        else updated++;
        s.upsertQuestion.run({
          id: q.id,
          sourceId,
          topicId: topicId(q.topic),
          kind: q.kind,
          factKind: q.factKind,
          prompt: q.prompt,
          answers: JSON.stringify(q.answers),
          distractors: JSON.stringify(q.distractors),
          accepted: JSON.stringify(q.accepted),
          line: q.line,
          sourceText: q.sourceText,
          exam: note.exam,
          domain: note.domain,
          outdated: q.outdated ? JSON.stringify(q.outdated) : null,
          now,
          score: q.score,
          features: JSON.stringify(q.features),
        });
        // A question that was never stored has no services to clear (they reference it).
        if (before) s.clearServices.run(q.id);
        for (const service of q.services) s.addService.run(q.id, service);
        s.link.run(q.id, sourceId, q.line);
      }
      const factIds: string[] = [];
      const groups = new Map<object, string>();
      for (const f of note.facts) {
        const { fact, shared } = splitShared(f);
        let groupId: string | null = null;
        if (shared) {
          // Facts of one group share the very arrays: their JSON is made and hashed once per group.
          groupId = groups.get(shared.key) ?? null;
          if (groupId === null) {
            const data = JSON.stringify(shared.data);
            groupId = `g${createHash('sha256').update(data).digest('hex').slice(0, 16)}`;
            s.upsertGroup.run(groupId, data);
            groups.set(shared.key, groupId);
          }
        }
        const data = JSON.stringify(fact);
        // The fact's own JSON (with its group's id) is its identity; hashing it raw is enough and far cheaper than normalising.
        const id = `f${createHash('sha256').update(groupId === null ? data : `${data}${groupId}`).digest('hex').slice(0, 16)}`;
        factIds.push(id);
        s.upsertFact.run(id, sourceId, topicId(f.path.join(' › ')), f.kind, f.line, data, groupId);
      }
      s.retireFacts.run(now, sourceId, JSON.stringify(factIds));
      const gone = JSON.stringify(s.unlinkMissing.all(sourceId, JSON.stringify(note.questions.map((q) => q.id))).map((r) => r.question_id));
      const retired = s.retireOrphans.run(now, gone).changes;
      s.rehome.run(gone, sourceId);
      return { added, updated, retired };
    })();
  }
}

/**
 * A fact without what it shares with its sibling group (the siblings' names, a column's values), and that
 * shared part keyed by the array it is made of, so that a group of n facts is stored in n + 1 rows, not n².
 */
function splitShared(f: Fact): { fact: object; shared: { key: object; data: object } | null } {
  if (f.kind === 'attribute') {
    const { siblings, ...rest } = f;
    return { fact: rest, shared: { key: siblings, data: { siblings } } };
  }
  if (f.kind === 'table-cell') {
    const { columnValues, ...rest } = f;
    return { fact: rest, shared: { key: columnValues, data: { columnValues } } };
  }
  return { fact: f, shared: null };
}
