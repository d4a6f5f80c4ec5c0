import { describe, expect, it } from 'vitest';
import { BlueprintError, describeDomains, parseBlueprint, resolveDomain } from '../../src/exam/blueprint.js';
import { blueprint, examFiles } from './helpers.js';

const dva = () => JSON.parse(JSON.stringify(examFiles().find((f) => f.file === 'DVA-C02.json')!.json)) as Record<string, any>;

function problem(json: unknown): string {
  try {
    parseBlueprint(json, 'DVA-C02.json');
  } catch (e) {
    expect(e).toBeInstanceOf(BlueprintError);
    return (e as Error).message;
  }
  throw new Error('expected a BlueprintError');
}

describe('parseBlueprint on the bundled blueprints', () => {
  it('parses every data/exams file, named after its code, with weights summing to 100', () => {
    const summary = examFiles().map(({ file, json }) => {
      const bp = parseBlueprint(json, file);
      return {
        file,
        code: bp.code,
        questions: bp.questions,
        minutes: bp.minutes,
        passingScore: bp.passingScore,
        retired: bp.retired,
        weights: bp.domains.map((d) => d.weight),
        sum: bp.domains.reduce((s, d) => s + d.weight, 0),
      };
    });
    expect(summary).toEqual([
      { file: 'CLF-C02.json', code: 'CLF-C02', questions: 65, minutes: 90, passingScore: 700, retired: null, weights: [24, 30, 34, 12], sum: 100 },
      { file: 'DOP-C02.json', code: 'DOP-C02', questions: 75, minutes: 180, passingScore: 750, retired: null, weights: [22, 17, 15, 15, 14, 17], sum: 100 },
      { file: 'DVA-C02.json', code: 'DVA-C02', questions: 65, minutes: 130, passingScore: 720, retired: null, weights: [32, 26, 24, 18], sum: 100 },
      { file: 'SAA-C03.json', code: 'SAA-C03', questions: 65, minutes: 130, passingScore: 720, retired: null, weights: [30, 26, 24, 20], sum: 100 },
      { file: 'SAP-C02.json', code: 'SAP-C02', questions: 75, minutes: 180, passingScore: 750, retired: null, weights: [26, 29, 25, 20], sum: 100 },
      { file: 'SOA-C02.json', code: 'SOA-C02', questions: 65, minutes: 130, passingScore: 720, retired: '2025-09-29', weights: [20, 16, 18, 16, 18, 12], sum: 100 },
    ]);
  });

  it('returns the DVA-C02 blueprint field by field', () => {
    expect(blueprint('DVA-C02')).toEqual({
      code: 'DVA-C02',
      name: 'AWS Certified Developer - Associate',
      source: 'https://d1.awsstatic.com/training-and-certification/docs-dev-associate/AWS-Certified-Developer-Associate_Exam-Guide.pdf',
      questions: 65,
      scoredQuestions: 50,
      minutes: 130,
      passingScore: 720,
      scoreRange: [100, 1000],
      retired: null,
      domains: [
        { id: 1, slug: 'development', name: 'Development with AWS Services', weight: 32 },
        { id: 2, slug: 'security', name: 'Security', weight: 26 },
        { id: 3, slug: 'deployment', name: 'Deployment', weight: 24 },
        { id: 4, slug: 'troubleshooting', name: 'Troubleshooting and Optimization', weight: 18 },
      ],
    });
  });
});

describe('parseBlueprint rejects broken blueprints with one line naming the problem', () => {
  const cases: Array<[string, (j: Record<string, any>) => unknown, string]> = [
    ['not an object', () => [1, 2], 'not a JSON object'],
    ['a missing name', (j) => (delete j.name, j), 'missing field "name"'],
    ['a missing domains list', (j) => (delete j.domains, j), 'missing field "domains"'],
    ['an empty domains list', (j) => ((j.domains = []), j), '"domains" must be a non-empty list'],
    ['a source that is not a URL', (j) => ((j.source = 'the exam guide'), j), '"source" is not a URL: the exam guide'],
    ['a fractional question count', (j) => ((j.questions = 6.5), j), '"questions" must be a positive whole number'],
    ['more scored questions than questions', (j) => ((j.scoredQuestions = 70), j), '"scoredQuestions" (70) is more than "questions" (65)'],
    ['weights not summing to 100', (j) => ((j.domains[0].weight = 31), j), 'domain weights add up to 99, not 100'],
    ['a negative weight', (j) => ((j.domains[3].weight = -18), j), '"domains[3].weight" must be a positive number'],
    ['a duplicate slug', (j) => ((j.domains[2].slug = 'security'), j), 'duplicate domain slug "security"'],
    ['a duplicate id', (j) => ((j.domains[1].id = 1), j), 'duplicate domain id "1"'],
    ['a duplicate name, case aside', (j) => ((j.domains[2].name = 'SECURITY'), j), 'duplicate domain name "SECURITY"'],
    ['an upper-case slug', (j) => ((j.domains[0].slug = 'Development'), j), '"domains[0].slug" must be lower-case words joined by "-"'],
    ['a domain without a name', (j) => (delete j.domains[1].name, j), 'missing field "domains[1].name"'],
    ['a passing score above the range', (j) => ((j.passingScore = 1200), j), '"passingScore" 1200 is outside the score range 100–1000'],
    ['a passing score below the range', (j) => ((j.passingScore = 50), j), '"passingScore" 50 is outside the score range 100–1000'],
    ['a reversed score range', (j) => ((j.scoreRange = [1000, 100]), j), '"scoreRange" must go up: [1000, 100]'],
    ['a one-number score range', (j) => ((j.scoreRange = [100]), j), '"scoreRange" must be [lowest, highest]'],
    ['a retired date that is not a date', (j) => ((j.retired = 'soon'), j), '"retired" must be null or a date "YYYY-MM-DD"'],
  ];
  for (const [what, mutate, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(problem(mutate(dva()))).toEqual(`DVA-C02.json: ${message}`);
    });
  }

  it('keeps the file and the problem apart for callers', () => {
    const j = dva();
    j.minutes = 0;
    try {
      parseBlueprint(j, 'data/exams/DVA-C02.json');
      throw new Error('expected a BlueprintError');
    } catch (e) {
      expect(e).toBeInstanceOf(BlueprintError);
      const err = e as BlueprintError;
      expect([err.name, err.file, err.problem]).toEqual(['BlueprintError', 'data/exams/DVA-C02.json', '"minutes" must be a positive whole number']);
    }
  });

  it('treats a missing "retired" as not retired', () => {
    const j = dva();
    delete j.retired;
    expect(parseBlueprint(j, 'x.json').retired).toEqual(null);
  });
});

describe('resolveDomain', () => {
  const bp = blueprint('DVA-C02');
  const slug = (input: string, code = 'DVA-C02') => {
    const d = resolveDomain(input, code === 'DVA-C02' ? bp : blueprint(code));
    return 'error' in d ? d.error : d.slug;
  };

  it('accepts the number, slug, exact name, and prefixes of the slug, the name or a word of it', () => {
    expect(
      ['2', '4', 'security', 'Security', '  DEPLOYMENT ', 'Development with AWS Services', 'deploy', 'troubleshoot', 'optim', 'dev', 'sec', 'Troubleshooting and'].map((i) =>
        slug(i),
      ),
    ).toEqual(['security', 'troubleshooting', 'security', 'security', 'deployment', 'development', 'deployment', 'troubleshooting', 'troubleshooting', 'development', 'security', 'troubleshooting']);
  });

  it('works on the other exams: hyphens or spaces, and words inside long names', () => {
    expect([slug('org complexity', 'SAP-C02'), slug('migration', 'SAP-C02'), slug('Cost-Optimized', 'SAA-C03'), slug('pricing', 'CLF-C02'), slug('iac', 'DOP-C02'), slug('config', 'DOP-C02'), slug('security', 'SOA-C02')]).toEqual([
      'org-complexity',
      'migration',
      'cost',
      'billing',
      'iac',
      'iac',
      'security',
    ]);
  });

  it('says which domains an ambiguous prefix matches, and lists them all', () => {
    expect(resolveDomain('de', bp)).toEqual({
      error:
        '"de" matches several DVA-C02 domains (development, deployment) — use one of: 1 development — Development with AWS Services (32%); 2 security — Security (26%); 3 deployment — Deployment (24%); 4 troubleshooting — Troubleshooting and Optimization (18%)',
    });
    expect(slug('design', 'SAA-C03')).toEqual(
      '"design" matches several SAA-C03 domains (security, resilient, performance, cost) — use one of: 1 security — Design Secure Architectures (30%); 2 resilient — Design Resilient Architectures (26%); 3 performance — Design High-Performing Architectures (24%); 4 cost — Design Cost-Optimized Architectures (20%)',
    );
  });

  it('rejects unknown input, numbers out of range, filler words and nothing at all', () => {
    const list = describeDomains(bp);
    expect(['networking', '5', 'and', ' '].map((i) => resolveDomain(i, bp))).toEqual([
      { error: `unknown DVA-C02 domain "networking" — use one of: ${list}` },
      { error: `unknown DVA-C02 domain "5" — use one of: ${list}` },
      { error: `unknown DVA-C02 domain "and" — use one of: ${list}` },
      { error: `no domain given — DVA-C02 domains: ${list}` },
    ]);
  });
});
