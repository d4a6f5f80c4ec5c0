import type { QuizQuestion } from '../core/types.js';
import type { QuizRepository } from '../db/quiz.js';
import { resolveDomain, type Blueprint, type Domain } from '../exam/blueprint.js';
import { defaultExam, domainMapper } from '../exam/domains.js';
import { serviceMatcher, type Catalogue } from '../notes/services.js';
import { examCodes, loadBlueprint } from './blueprints.js';

export interface SelectionOptions {
  exam?: string;
  domain?: string;
  topic?: string;
  service?: string;
}

export interface Selection {
  bp: Blueprint;
  domain: Domain | null;
  /** Active questions matching the filters, each with its domain in `bp`. */
  questions: Array<QuizQuestion & { domainSlug: string | null }>;
}

/** A filter the user got wrong: the message says what exists. */
export class SelectionError extends Error {}

/**
 * The questions a study session or exam draws from: active ones, narrowed by topic, service, and the
 * exam domain (front matter first, then services and topic keywords), for the exam asked or implied.
 */
export function selectQuestions(repo: QuizRepository, catalogue: Catalogue, options: SelectionOptions): Selection {
  let service: string | undefined;
  if (options.service) {
    service = serviceMatcher(catalogue).find(options.service)[0] ?? catalogue.services.find((s) => s.id === options.service!.toLowerCase())?.id;
    if (!service) throw new SelectionError(`unknown service "${options.service}" — use a name such as SQS, Lambda or "API Gateway"`);
  }
  const all = repo.questions({ topic: options.topic, service });
  const code = options.exam ?? defaultExam(all);
  const bp = loadBlueprint(code);
  if (!bp) throw new SelectionError(`unknown exam "${code}" — known exams: ${examCodes().join(', ')}`);
  let domain: Domain | null = null;
  if (options.domain) {
    const d = resolveDomain(options.domain, bp);
    if ('error' in d) throw new SelectionError(d.error);
    domain = d;
  }
  const mapDomain = domainMapper(catalogue, bp);
  const questions = all
    .map((q) => ({ ...q, domainSlug: mapDomain(q) }))
    .filter((q) => domain === null || q.domainSlug === domain.slug);
  return { bp, domain, questions };
}
