import { resolve } from 'node:path';
import { NotesRepository } from '../db/notes.js';
import type { Db } from '../db/open.js';
import type { IndexFilter } from '../db/question-index.js';
import { resolveDomain, type Blueprint, type Domain } from '../exam/blueprint.js';
import { serviceMatcher, type Catalogue } from '../notes/services.js';
import { examCodes, loadBlueprint } from './blueprints.js';
import { defaultExamCode, ensureQuestionIndex, indexedQuestions, type IndexedQuestion } from './question-index.js';

export interface SelectionOptions {
  exam?: string;
  domain?: string;
  topic?: string;
  /** One topic by id (the drill commands of `awsquiz stats`). */
  topicId?: number;
  service?: string;
  /** A note file or folder, as the user typed it: only its questions. */
  notes?: string;
  /** Only questions mapped to the exam (see IndexFilter.mappedOnly). */
  mappedOnly?: boolean;
}

export interface Selection {
  bp: Blueprint;
  domain: Domain | null;
  /** Active questions matching the filters, each with its domain in `bp` (slim: load whole ones by id when asked). */
  questions: IndexedQuestion[];
}

/** A filter the user got wrong: the message says what exists. */
export class SelectionError extends Error {}

/** What the user asked for, resolved: the exam's blueprint, the domain, and the filter for the question index. */
export interface ResolvedSelection {
  bp: Blueprint;
  domain: Domain | null;
  filter: IndexFilter;
}

/**
 * Resolves the filters of a study session or exam (the exam asked or implied, its domain, a service by
 * name) and makes sure the exam's question index is current, so callers can read it by filter.
 */
export function resolveSelection(db: Db, catalogue: Catalogue, options: SelectionOptions): ResolvedSelection {
  let service: string | undefined;
  if (options.service) {
    service = serviceMatcher(catalogue).find(options.service)[0] ?? catalogue.services.find((s) => s.id === options.service!.toLowerCase())?.id;
    if (!service) throw new SelectionError(`unknown service "${options.service}" — use a name such as SQS, Lambda or "API Gateway"`);
  }
  const code = options.exam ?? defaultExamCode(db);
  const bp = loadBlueprint(code);
  if (!bp) throw new SelectionError(`unknown exam "${code}" — known exams: ${examCodes().join(', ')}`);
  let domain: Domain | null = null;
  if (options.domain) {
    const d = resolveDomain(options.domain, bp);
    if ('error' in d) throw new SelectionError(d.error);
    domain = d;
  }
  if (options.topicId !== undefined && db.prepare('SELECT 1 FROM topics WHERE id = ?').get(options.topicId) === undefined) {
    throw new SelectionError(`no topic has the id ${options.topicId} — \`awsquiz stats\` prints the drill command of each weak topic`);
  }
  let notes: string | undefined;
  if (options.notes !== undefined) {
    notes = resolve(options.notes);
    if (new NotesRepository(db).sourcesUnder(notes).every((s) => s.removed_at !== null)) {
      throw new SelectionError(`no ingested notes at ${options.notes} — \`awsquiz notes\` lists them; add these with \`awsquiz ingest ${options.notes}\``);
    }
  }
  ensureQuestionIndex(db, bp, catalogue);
  const filter: IndexFilter = { domain: domain?.slug, topic: options.topic, service };
  if (options.topicId !== undefined) filter.topicId = options.topicId;
  if (notes !== undefined) filter.notes = notes;
  if (options.mappedOnly) filter.mappedOnly = true;
  return { bp, domain, filter };
}

/** The questions a study session or exam draws from: active ones matching the filters, each with its domain in the exam. */
export function selectQuestions(db: Db, catalogue: Catalogue, options: SelectionOptions): Selection {
  const { bp, domain, filter } = resolveSelection(db, catalogue, options);
  return { bp, domain, questions: indexedQuestions(db, bp, catalogue, filter) };
}
