// Deterministic generator of synthetic AWS notes corpora for the benchmarks.
//
//   node bench/corpus.mjs [1MB|10MB|100MB ...]   generates bench/corpus/<size>/ when missing (or outdated)
//
// Every corpus comes from a seeded PRNG (mulberry32, seeded from the size name and GENERATOR_VERSION), so the
// same files come out on every machine. Files are 20–60 KB, in nested folders (<track>/<category>/…), in the
// shapes real notes use: nested bullets, "**Term**: definition" and "Term: definition" items, label lines
// followed by lists, numbers with units, bold key phrases, GFM comparison tables, header-less ".|.|." tables
// with <br/>, Notion-style multi-line tables, Q:/A: pairs, question headings and bullets, front matter, and
// some noise (navigation links, images, code). All wording comes from the vocabulary below.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusRoot, hash32, log, prng, randomTools } from './lib.mjs';

/** Bump when the output changes: an existing corpus of another version is regenerated. */
export const GENERATOR_VERSION = 3;

export const SIZES = { '1MB': 1 << 20, '10MB': 10 << 20, '100MB': 100 << 20 };

// ---------------------------------------------------------------------------------------------------------
// Vocabulary (written for this benchmark).

const SERVICES = [
  ['Lambda', 'Compute'], ['EC2', 'Compute'], ['Auto Scaling', 'Compute'], ['Elastic Beanstalk', 'Compute'],
  ['ECS', 'Containers'], ['EKS', 'Containers'], ['Fargate', 'Containers'], ['ECR', 'Containers'], ['App Runner', 'Containers'],
  ['S3', 'Storage'], ['EBS', 'Storage'], ['EFS', 'Storage'], ['S3 Glacier', 'Storage'], ['Storage Gateway', 'Storage'], ['Backup', 'Storage'],
  ['DynamoDB', 'Databases'], ['RDS', 'Databases'], ['Aurora', 'Databases'], ['ElastiCache', 'Databases'], ['DAX', 'Databases'],
  ['Neptune', 'Databases'], ['DocumentDB', 'Databases'], ['Redshift', 'Analytics'],
  ['SQS', 'Integration'], ['SNS', 'Integration'], ['EventBridge', 'Integration'], ['Step Functions', 'Integration'],
  ['Kinesis Data Streams', 'Analytics'], ['Data Firehose', 'Analytics'], ['Athena', 'Analytics'], ['Glue', 'Analytics'], ['OpenSearch', 'Analytics'],
  ['API Gateway', 'Networking'], ['CloudFront', 'Networking'], ['Route 53', 'Networking'], ['VPC', 'Networking'], ['ELB', 'Networking'],
  ['Application Load Balancer', 'Networking'], ['Network Load Balancer', 'Networking'], ['Global Accelerator', 'Networking'],
  ['Transit Gateway', 'Networking'], ['Direct Connect', 'Networking'],
  ['IAM', 'Security'], ['STS', 'Security'], ['Cognito', 'Security'], ['KMS', 'Security'], ['Secrets Manager', 'Security'],
  ['WAF', 'Security'], ['Shield', 'Security'], ['GuardDuty', 'Security'], ['Macie', 'Security'], ['ACM', 'Security'],
  ['CloudWatch', 'Management'], ['X-Ray', 'Management'], ['CloudTrail', 'Management'], ['Config', 'Management'],
  ['Systems Manager', 'Management'], ['Parameter Store', 'Management'], ['AppConfig', 'Management'], ['Organizations', 'Management'],
  ['CloudFormation', 'Developer Tools'], ['SAM', 'Developer Tools'], ['CDK', 'Developer Tools'], ['CodeBuild', 'Developer Tools'],
  ['CodeDeploy', 'Developer Tools'], ['CodePipeline', 'Developer Tools'], ['CodeArtifact', 'Developer Tools'], ['CodeCommit', 'Developer Tools'],
  ['AppSync', 'Frontend'], ['Amplify', 'Frontend'], ['SageMaker', 'Machine Learning'], ['Bedrock', 'Machine Learning'],
  ['Rekognition', 'Machine Learning'], ['Textract', 'Machine Learning'], ['DataSync', 'Migration'], ['Snowball', 'Migration'], ['DMS', 'Migration'],
];

const TRACKS = ['developer-associate', 'solutions-architect', 'sysops', 'devops-pro', 'cloud-practitioner', 'scratch'];
const EXAMS = [['DVA-C02', ['development', 'security', 'deployment', 'troubleshooting']], ['SAA-C03', ['secure', 'resilient', 'performance', 'cost']]];

const ASPECTS = [
  'limits', 'quotas', 'pricing model', 'security model', 'encryption options', 'monitoring', 'scaling behaviour',
  'deployment options', 'error handling', 'retry behaviour', 'integrations', 'consistency model', 'networking', 'permissions',
  'logging', 'versioning', 'caching', 'throttling', 'invocation types', 'storage classes', 'replication', 'backups',
  'failover', 'performance tuning', 'cost optimisation', 'event sources', 'API calls', 'CLI commands', 'best practices',
  'troubleshooting', 'configuration settings', 'lifecycle', 'access control', 'data protection', 'observability',
  'high availability', 'disaster recovery', 'connection handling', 'batch processing', 'message ordering',
];

const MODIFIERS = [
  'default', 'maximum', 'minimum', 'provisioned', 'reserved', 'cross-Region', 'regional', 'dedicated', 'managed', 'custom',
  'inline', 'burst', 'on-demand', 'scheduled', 'predictive', 'target', 'weighted', 'private', 'public', 'encrypted',
  'temporary', 'long-term', 'ephemeral', 'standard', 'express', 'strongly consistent', 'eventually consistent', 'global',
  'local', 'primary', 'secondary', 'read-only', 'write-through', 'lazy', 'unreserved', 'warm', 'cold', 'idle', 'fixed', 'adaptive',
];

const HEADS = [
  'timeout', 'retention period', 'batch size', 'throughput', 'endpoint', 'policy', 'alias', 'stage', 'partition key',
  'shard', 'concurrency', 'capacity unit', 'snapshot', 'replica', 'index', 'queue', 'topic', 'subscription filter',
  'dead-letter queue', 'visibility timeout', 'execution role', 'resource policy', 'permission boundary', 'access point',
  'lifecycle rule', 'storage tier', 'deployment group', 'health check', 'target group', 'listener rule', 'origin',
  'cache behaviour', 'TTL', 'hosted zone', 'record set', 'security group', 'route table', 'NAT gateway', 'subnet',
  'key policy', 'grant', 'data key', 'secret rotation', 'parameter tier', 'log group', 'metric filter', 'alarm',
  'dashboard', 'trace segment', 'sampling rule', 'trail', 'conformance pack', 'change set', 'stack policy', 'nested stack',
  'build spec', 'artifact store', 'approval action', 'layer', 'event source mapping', 'destination', 'state machine',
  'task definition', 'service quota', 'user pool', 'identity pool', 'authorizer', 'usage plan', 'API key', 'mapping template',
  'stream', 'consumer', 'checkpoint', 'delivery stream', 'crawler', 'workgroup', 'cluster', 'node group', 'launch template',
];

const VERBS = [
  'keeps', 'stores', 'routes', 'limits', 'encrypts', 'replicates', 'throttles', 'retries', 'batches', 'invokes', 'caches',
  'exports', 'rotates', 'signs', 'validates', 'filters', 'buffers', 'tracks', 'splits', 'merges', 'scales', 'pauses',
  'promotes', 'archives', 'compresses', 'deduplicates', 'forwards', 'mirrors', 'schedules', 'tags', 'isolates', 'records',
  'aggregates', 'redirects', 'evaluates', 'denies', 'allows', 'publishes', 'polls', 'drains',
];
const IRREGULAR = { caches: 'cache', pauses: 'pause', archives: 'archive', compresses: 'compress', deduplicates: 'deduplicate', schedules: 'schedule', isolates: 'isolate', aggregates: 'aggregate', redirects: 'redirect', evaluates: 'evaluate', validates: 'validate', merges: 'merge', scales: 'scale', promotes: 'promote', rotates: 'rotate', replicates: 'replicate', throttles: 'throttle', invokes: 'invoke', stores: 'store', routes: 'route', publishes: 'publish', batches: 'batch', denies: 'deny', retries: 'retry', encrypts: 'encrypt' };
const BASE_VERBS = VERBS.map((v) => IRREGULAR[v] ?? v.replace(/s$/, ''));

const OBJECTS = [
  'incoming requests', 'failed messages', 'log events', 'short-lived credentials', 'object versions', 'partition keys',
  'connection pools', 'deployment artifacts', 'function versions', 'read replicas', 'encrypted snapshots', 'API keys',
  'event payloads', 'stream records', 'cached responses', 'state machine executions', 'container images', 'build logs',
  'configuration profiles', 'access tokens', 'database credentials', 'metric data points', 'trace segments', 'audit events',
  'DNS queries', 'TLS certificates', 'lifecycle transitions', 'queue messages', 'notification fan-out', 'health checks',
  'scaling activities', 'instance profiles', 'multipart uploads', 'presigned URLs', 'table items', 'secondary indexes',
  'inline policies', 'service-linked roles', 'VPC endpoints', 'traffic shifts', 'canary deployments', 'rollback triggers',
];

const PURPOSES = [
  'so that consumers never see partial writes', 'without changing application code', 'across Availability Zones',
  'before they reach the backend', 'per account and Region', 'at no extra charge', 'when the primary fails',
  'using a customer managed key', 'behind a single endpoint', 'for every new deployment', 'within the same VPC',
  'while the old version keeps serving traffic', 'based on a CloudWatch alarm', 'with at-least-once delivery',
  'in the order they were sent', 'only after an explicit approval', 'through an interface endpoint', 'for auditing later',
  'without storing long-term keys', 'to cut cold-start latency', 'to stay under the account quota', 'during a traffic spike',
  'when the visibility timeout expires', 'after the retention period ends', 'using exponential backoff with jitter',
  'for read-heavy workloads', 'with millisecond latency', 'from another AWS account', 'on a fixed schedule',
];

const UNITS = [
  ['seconds', [1, 3, 5, 10, 15, 20, 30, 60, 90, 300, 900]], ['minutes', [1, 5, 10, 15, 30, 60]], ['hours', [1, 4, 12, 24, 48, 72]],
  ['days', [1, 4, 7, 14, 30, 35, 90, 365]], ['KB', [4, 8, 64, 128, 256, 400]], ['MB', [1, 6, 10, 50, 128, 250, 512]],
  ['GB', [1, 5, 10, 16, 64, 128]], ['TB', [1, 5, 16, 64]], ['ms', [1, 10, 50, 100, 200]], ['requests per second', [100, 1000, 3500, 5500, 10000]],
  ['%', [5, 10, 20, 50, 80, 90, 99.9]], ['concurrent executions', [100, 1000, 3000]], ['messages', [10, 120000]], ['retries', [2, 3, 5, 185]],
];

const LABELS = [
  'Use cases', 'Key features', 'Benefits', 'Limitations', 'Common errors', 'Things to remember', 'When to use it',
  'Exam tips', 'Gotchas', 'Supported targets', 'Integrations', 'Pricing factors', 'Metrics to watch', 'Steps',
];

const CONTEXTS = ['a web backend', 'a batch job', 'a mobile app', 'a data lake', 'an event-driven pipeline', 'a multi-account setup', 'a legacy migration', 'a serverless API'];

const ROLES = ['developer', 'operator', 'auditor', 'application', 'consumer', 'producer', 'client', 'pipeline'];

const CLI_VERBS = ['create', 'update', 'describe', 'list', 'delete', 'put', 'get', 'start', 'stop', 'tag'];

// ---------------------------------------------------------------------------------------------------------

const an = (w) => (/^[aeiou]/i.test(w) ? `an ${w}` : `a ${w}`);
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** One note generator bound to a PRNG. */
function writer(r) {
  const { pick, int, chance, sample, weighted } = r;
  const term = (svc) => {
    const t = `${pick(MODIFIERS)} ${pick(HEADS)}`;
    return chance(0.3) ? `${svc} ${t}` : cap(t);
  };
  const definition = () => {
    const k = int(0, 4);
    if (k === 0) return `${pick(VERBS)} ${pick(OBJECTS)} ${pick(PURPOSES)}`;
    if (k === 1) return `lets ${an(pick(ROLES))} ${pick(BASE_VERBS)} ${pick(OBJECTS)} ${pick(PURPOSES)}`;
    if (k === 2) return `${pick(VERBS)} ${pick(OBJECTS)}; it ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PURPOSES)}`;
    if (k === 3) return `the setting that ${pick(VERBS)} ${pick(OBJECTS)} for ${pick(CONTEXTS)}`;
    return `${pick(VERBS)} ${pick(OBJECTS)} and ${pick(VERBS)} ${pick(OBJECTS)}`;
  };
  const quantity = () => {
    const [unit, values] = pick(UNITS);
    const v = pick(values);
    return unit === '%' ? `${v}%` : `${v.toLocaleString('en-US')} ${unit}`;
  };
  const sentence = (svc) => `${svc} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PURPOSES)}.`;

  const sections = {
    definitions(svc) {
      const out = [`## ${svc} ${pick(ASPECTS)}`, ''];
      const style = int(0, 2);
      for (let i = int(4, 10); i > 0; i--) {
        const t = term(svc);
        if (style === 0) out.push(`- **${t}**: ${definition()}`);
        else if (style === 1) out.push(`- ${t}: ${definition()}`);
        else out.push(`- **${t}** – ${definition()}`);
        if (chance(0.35)) {
          out.push(`  - ${cap(definition())}`);
          if (chance(0.3)) out.push(`    - ${cap(pick(PURPOSES))}`);
        }
      }
      return out;
    },
    nested(svc) {
      const out = [`## ${svc} ${pick(ASPECTS)} in depth`, ''];
      for (let i = int(3, 6); i > 0; i--) {
        out.push(`- ${cap(pick(MODIFIERS))} ${pick(HEADS)}`);
        for (let j = int(2, 4); j > 0; j--) {
          out.push(`  - ${cap(definition())}`);
          for (let k = int(0, 3); k > 0; k--) {
            out.push(`    - ${chance(0.5) ? `${term(svc)}: ${quantity()}` : cap(definition())}`);
            if (chance(0.15)) out.push(`      - ${cap(pick(PURPOSES))}`);
          }
        }
      }
      return out;
    },
    labelList(svc) {
      const out = [`## ${svc} for ${pick(CONTEXTS)}`, ''];
      for (let i = int(1, 3); i > 0; i--) {
        const label = pick(LABELS);
        out.push(chance(0.5) ? `${label}:` : `**${label}**`);
        for (let j = int(3, 6); j > 0; j--) out.push(`- ${cap(pick(VERBS))} ${pick(OBJECTS)} ${pick(PURPOSES)}`);
        out.push('');
      }
      return out;
    },
    numbers(svc) {
      const out = [`## ${svc} ${pick(['limits', 'quotas', 'defaults', 'sizing', 'timeouts'])}`, ''];
      for (let i = int(4, 9); i > 0; i--) {
        const k = int(0, 3);
        const t = `${cap(pick(MODIFIERS))} ${pick(HEADS)}`;
        if (k === 0) out.push(`- **${t}**: ${quantity()}`);
        else if (k === 1) out.push(`- ${t}: ${quantity()}`);
        else if (k === 2) out.push(`- The ${t.toLowerCase()} is ${quantity()} by default`);
        else out.push(`- ${t} can be raised to ${quantity()} with a quota request`);
      }
      return out;
    },
    prose(svc) {
      const out = [`## ${svc} ${pick(ASPECTS)} notes`, ''];
      for (let i = int(2, 4); i > 0; i--) {
        const parts = [];
        for (let j = int(2, 5); j > 0; j--) {
          parts.push(chance(0.4) ? `${svc} ${pick(VERBS)} **${pick(OBJECTS)}** ${pick(PURPOSES)}.` : sentence(svc));
        }
        out.push(parts.join(' '), '');
      }
      return out;
    },
    comparison(svc) {
      const other = pick(SERVICES)[0];
      const out = [`## ${svc} vs ${other}`, '', `| Feature | ${svc} | ${other} |`, '| --- | --- | --- |'];
      for (let i = int(3, 8); i > 0; i--) {
        out.push(`| ${cap(pick(MODIFIERS))} ${pick(HEADS)} | ${chance(0.4) ? quantity() : cap(pick(VERBS)) + ' ' + pick(OBJECTS)} | ${chance(0.4) ? quantity() : cap(pick(VERBS)) + ' ' + pick(OBJECTS)} |`);
      }
      return out;
    },
    gfmTable(svc) {
      const cols = int(2, 4);
      const headers = ['Setting', 'Meaning', 'Default', 'Notes'].slice(0, cols);
      const out = [`## ${svc} ${pick(ASPECTS)} settings`, '', `| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
      for (let i = int(3, 9); i > 0; i--) {
        const cells = [term(svc), cap(definition()), quantity(), cap(pick(PURPOSES))].slice(0, cols);
        out.push(`| ${cells.join(' | ')} |`);
      }
      return out;
    },
    headerless(svc) {
      const out = [`## ${svc} ${pick(ASPECTS)} at a glance`, '', '.|.|.', '-|-|-'];
      for (let g = int(2, 3); g > 0; g--) {
        out.push(`**${cap(pick(MODIFIERS))} ${pick(HEADS)}**|${pick(SERVICES)[0]}|${cap(definition())}${chance(0.5) ? `<br/>${cap(definition())}` : ''}`);
        for (let i = int(1, 3); i > 0; i--) out.push(`.|${pick(SERVICES)[0]}|${cap(definition())}${chance(0.3) ? `<br/>${cap(pick(PURPOSES))}` : ''}`);
      }
      return out;
    },
    notion(svc) {
      const out = [`## ${svc} ${pick(['overview', 'cheat sheet', 'summary'])} table`, '', '| Subject | Description |', '| --- | --- |'];
      for (const [name] of sample(SERVICES, int(2, 4))) {
        const lines = [`| ${name} | **${cap(pick(MODIFIERS))} ${pick(HEADS)}**`];
        for (let b = int(1, 3); b > 0; b--) {
          lines.push(pick(LABELS));
          for (let i = int(2, 4); i > 0; i--) {
            lines.push(chance(0.7) ? `- ${cap(pick(MODIFIERS))} ${pick(HEADS)}: ${chance(0.5) ? quantity() : definition()}` : `— ${quantity()}`);
          }
        }
        lines[lines.length - 1] += ' |';
        out.push(...lines);
      }
      return out;
    },
    qa(svc) {
      const out = [`## ${svc} practice questions`, ''];
      for (let i = int(2, 5); i > 0; i--) {
        out.push(`Q: Which ${svc} feature ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PURPOSES)}?`);
        out.push(`A: ${term(svc)}`, '');
      }
      return out;
    },
    questionHeading(svc) {
      const out = [`### How does ${svc} ${pick(BASE_VERBS)} ${pick(OBJECTS)}?`, '', `${cap(definition())}. ${sentence(svc)}`, ''];
      if (chance(0.5)) {
        out.push(`- What is the ${pick(MODIFIERS)} ${pick(HEADS)} of ${svc}?`, `  - ${quantity()}`);
        out.push(`- Which ${svc} setting ${pick(VERBS)} ${pick(OBJECTS)}?`, `  - ${term(svc)}`);
      }
      if (chance(0.3)) {
        out.push('', `**${int(1, 40)}. How do you ${pick(BASE_VERBS)} ${pick(OBJECTS)} in ${svc}?**`, '```', `${cap(definition())}.`, `${cap(definition())}.`, '```');
      }
      return out;
    },
    code(svc) {
      const cmd = slug(svc);
      return [
        `## ${svc} ${pick(['CLI', 'SDK', 'CLI commands'])}`,
        '',
        '```bash',
        `aws ${cmd} ${pick(CLI_VERBS)}-${slug(pick(HEADS))} --${slug(pick(HEADS))} ${int(1, 999)} --region us-east-1`,
        `aws ${cmd} ${pick(CLI_VERBS)}-${slug(pick(HEADS))} --${slug(pick(MODIFIERS))} true`,
        '```',
      ];
    },
    noise(svc) {
      return [`[↖](#top) · [${svc} docs](https://docs.aws.amazon.com/${slug(svc)}/) · ![diagram](img/${slug(svc)}-${int(1, 99)}.png)`];
    },
  };
  const shapes = Object.entries({
    definitions: 18, nested: 10, labelList: 8, numbers: 10, prose: 8, comparison: 7, gfmTable: 7,
    headerless: 4, notion: 4, qa: 8, questionHeading: 8, code: 3, noise: 2,
  });

  /** One note of about `target` bytes. */
  return function note(target) {
    const [svc, category] = pick(SERVICES);
    const parts = [];
    if (chance(0.5)) {
      const [exam, domains] = pick(EXAMS);
      const fm = ['---'];
      if (chance(0.8)) fm.push(`exam: ${exam}`);
      if (chance(0.5)) fm.push(`domain: ${pick(domains)}`);
      fm.push(`services: [${[svc, ...sample(SERVICES, int(0, 2)).map((s) => s[0])].join(', ')}]`);
      if (chance(0.5)) fm.push(`tags: [${slug(category)}, ${slug(pick(ASPECTS))}]`);
      fm.push('---', '');
      parts.push(fm.join('\n'));
    }
    parts.push(`# ${svc} ${pick(ASPECTS)} and ${pick(ASPECTS)}\n\n${sentence(svc)}\n`);
    let size = parts.reduce((a, p) => a + p.length, 0);
    let subject = svc;
    while (size < target) {
      // Notes wander: now and then a section is about a related service.
      if (chance(0.15)) subject = pick(SERVICES)[0];
      const shape = weighted(shapes);
      const text = sections[shape](subject).join('\n') + '\n\n';
      parts.push(text);
      size += Buffer.byteLength(text);
    }
    return { text: parts.join('\n'), svc, category };
  };
}

/** Generates one corpus into `dir` (via a temporary folder, renamed at the end). */
export function generate(name, bytes, dir = join(corpusRoot, name)) {
  const r = randomTools(prng(hash32(`awsquiz-bench:${name}:v${GENERATOR_VERSION}`)));
  const note = writer(r);
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  let total = 0;
  let files = 0;
  const counters = new Map();
  let lastLog = Date.now();
  while (total < bytes) {
    const target = Math.min(r.int(20 * 1024, 60 * 1024), Math.max(20 * 1024, bytes - total));
    const { text, svc, category } = note(target);
    const track = r.pick(TRACKS);
    const folder = r.chance(0.3) ? join(track, slug(category), slug(svc)) : join(track, slug(category));
    const key = `${folder}/${slug(svc)}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const file = join(tmp, folder, `${slug(svc)}-${String(n).padStart(3, '0')}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    total += Buffer.byteLength(text);
    files++;
    if (Date.now() - lastLog > 5000) {
      log(`  corpus ${name}: ${(total / 1048576).toFixed(1)} MB`);
      lastLog = Date.now();
    }
  }
  writeFileSync(join(tmp, '.manifest.json'), JSON.stringify({ version: GENERATOR_VERSION, name, files, bytes: total }, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { files, bytes: total };
}

/** The corpus folder for a size, generated only when missing or made by another generator version. */
export function ensureCorpus(name) {
  const dir = join(corpusRoot, name);
  const manifestPath = join(dir, '.manifest.json');
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (m.version === GENERATOR_VERSION) return { dir, files: m.files, bytes: m.bytes, generated: false };
    } catch {
      /* regenerate */
    }
  }
  if (!(name in SIZES)) throw new Error(`unknown corpus size ${name} (known: ${Object.keys(SIZES).join(', ')})`);
  log(`generating corpus ${name} in ${dir} …`);
  const t = Date.now();
  const { files, bytes } = generate(name, SIZES[name], dir);
  log(`corpus ${name}: ${files} files, ${(bytes / 1048576).toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { dir, files, bytes, generated: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  for (const name of names.length ? names : Object.keys(SIZES)) ensureCorpus(name);
}
