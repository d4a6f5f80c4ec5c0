import { describe, expect, it } from 'vitest';
import { analyzeNote } from '../../src/notes/analyze.js';
import { isGenericHeading } from '../../src/notes/questions.js';

/**
 * Prompts and answers of the questions a note yields, for compact assertions; `term` is the term a forward
 * card asks about ("what is “Job Log”?"), so that a definition asked forward can be found by its term.
 */
function asked(note: string): Array<{ kind: string; factKind: string; prompt: string; answer: string; term: string | null; distractors: string[] }> {
  return analyzeNote(note).questions.map((q) => ({
    kind: q.kind,
    factKind: q.factKind,
    prompt: q.prompt,
    answer: q.answers.join(' | '),
    term: q.kind === 'flip' ? (/what is “([^”]+)”\?$/.exec(q.prompt)?.[1] ?? null) : null,
    distractors: q.distractors,
  }));
}

/** The terms asked as a choice between two of a kind ("Stages or Extensions: which one …") and as a card (forward). */
const chosen = (note: string) => asked(note).filter((q) => q.kind === 'single' && q.factKind === 'attribute').map((q) => q.answer);
const carded = (note: string) => asked(note).flatMap((q) => (q.term === null ? [] : [q.term]));

describe('question quality rules', () => {
  it('does not ask a statement that spells the answer’s acronym in parentheses', () => {
    const note = ['# Queues', '- **Retry Store (RTS)**: RTS keeps failed jobs', '- **Job Log**: keeps a record of each run'].join('\n');
    expect(chosen(note)).toEqual(['Job Log']);
  });

  it('does not ask a statement that uses a long word only the answer’s name has', () => {
    const qs = asked(['# Tools', '- **Telemetry Bridge**: forwards telemetry to many backends', '- **Trace Viewer**: draws the path of one request', '- **Log Shipper**: copies log files off the host'].join('\n'));
    expect(qs.some((q) => q.answer === 'Telemetry Bridge')).toBe(false);
  });

  it('skips statements that point back at an earlier line', () => {
    const qs = asked(['# Stages', '- **Variables**: use them to switch settings per stage', '- **Canary**: sends a slice of traffic to the new stage', '- **Cache**: keeps responses for a while'].join('\n'));
    expect(qs.some((q) => q.answer === 'Variables')).toBe(false);
  });


  it('drops a wrong answer whose name holds the right one', () => {
    const qs = asked(['# Caches', '- **Keydb**: multi-threaded and sharded across nodes', '- **Valkey**: single-threaded with replicas', '- **Managed Keydb or Valkey**: the hosted offering'].join('\n'));
    const q = qs.find((x) => x.answer === 'Keydb');
    expect(q?.distractors).not.toContain('Managed Keydb or Valkey');
  });

  it('skips a list under a label that gathers remarks, keeps one under a label that gathers alike things', () => {
    const note = ['# Buckets', '- Notes:', '  - names are global', '  - regions are chosen once', '- Use cases:', '  - static websites', '  - backups'].join('\n');
    const labels = analyzeNote(note).facts.filter((f) => f.kind === 'enumeration').map((f) => (f.kind === 'enumeration' ? f.label : ''));
    expect(labels).toEqual(['Use cases']);
  });

  it('does not ask a property number from a flat run under a heading that names several kinds', () => {
    const flat = ['# Vault Tiers', 'Warm', 'Kept on disks', 'Minimum billed period: 30 days', 'Cold', 'Kept on tape', 'Minimum billed period: 180 days', 'Restores take hours', 'Early deletion is charged'];
    expect(analyzeNote(flat.join('\n')).facts.filter((f) => f.kind === 'numeric')).toEqual([]);
  });
});

describe('question quality rules: kinds, code and give-aways', () => {
  it('skips template functions, queries and file paths written as statements', () => {
    const note = [
      '# Widget templates',
      '- **IsLive**: !Same [!Lookup Stage, live]',
      '- **Grant**: GRANT READ ON shop TO clerk REQUIRE TLS',
      '- **Listener**: From the repo => .widgets/listener-tls.config',
      '- **Stage**: the name of the running copy of the shop',
      '- **Region**: where the shop runs, picked once at launch',
    ].join('\n');
    const terms = carded(note);
    expect(terms).not.toContain('IsLive');
    expect(terms).not.toContain('Grant');
    expect(terms).not.toContain('Listener');
    expect(terms).toContain('Stage');
  });

  it('does not ask a worked sum as a number to remember', () => {
    const note = ['# Widget capacity', '- One crate holds 4 widgets', '- Crates needed: 12 / 4 = 3 crates for a full van'].join('\n');
    const qs = asked(note);
    expect(qs.some((q) => q.prompt.includes('12 /'))).toBe(false);
  });

  it('writes generated numbers with the note’s own thousands separator', () => {
    const qs = asked(['# Widget depot', '- holds up to 200.000 widgets per hall'].join('\n'));
    const q = qs.find((x) => x.answer === '200.000');
    expect(q).toBeDefined();
    for (const d of q!.distractors) expect(d).not.toMatch(/,/);
  });

  it('does not ask which term a statement names inside a dotted path', () => {
    const note = ['# Widget builder modes', '- **Extensions**: put config files in the .wdgextensions/ folder of the bundle', '- **Stages**: run one after another, each on its own host'].join('\n');
    expect(chosen(note)).toEqual(['Stages']);
  });

  it('never offers a comparison heading as an answer, nor a remark about the exam as a statement', () => {
    const note = [
      '# Widget paint',
      '- **Matte**: no shine at all',
      '- **Gloss**: shines like glass',
      '- **Matte vs. Gloss**: gloss costs twice as much',
      '- **Satin**: this is a popular exam question',
      '- **Enamel**: hardens in an oven',
    ].join('\n');
    const qs = asked(note);
    expect(qs.some((q) => q.answer.includes('vs') || q.distractors.some((d) => d.includes('vs')))).toBe(false);
    expect(qs.some((q) => q.answer === 'Satin')).toBe(false);
  });

  it('does not ask a name its statement spells out in lower case, or its heading abbreviates', () => {
    expect(chosen(['# Vault parts', '- **TFA Lock**: two factor authentication is needed to open the box', '- **Bin Log**: records who opened each box and when'].join('\n'))).toEqual(['Bin Log']);
    expect(chosen(['# WSS service types', '- **Widget Storage Service**: keeps widgets in bins for a long time', '- **Widget Cache Service**: keeps the widgets used most for quick reads'].join('\n'))).not.toContain('Widget Storage Service');
  });

  it('leaves out a wrong answer the statement itself names', () => {
    const note = ['# Widget sign-in', '- **Shop login**: old, use Widget Pass instead', '- **Widget Pass**: one account for every shop', '- **Guest mode**: buy without an account', '- **Card login**: sign in with a store card'].join('\n');
    const q = asked(note).find((x) => x.answer === 'Shop login');
    expect(q?.distractors ?? []).not.toContain('Widget Pass');
  });



  it('does not ask a name whose long word the statement uses in another form', () => {
    const note = ['# Widget press settings', '- **Concurrency**: up to 12 concurrent presses per hall', '- **Tonnage**: how hard one press pushes on the sheet'].join('\n');
    expect(chosen(note)).toEqual(['Tonnage']);
  });

  it('treats a six-word label as a description, not a name to pick', () => {
    const note = ['# Widget tracing', '- Labels:', '  - **Trace header handed to each widget step**: carries the trace id', '  - **TRACE_MODE**: turns tracing on or off', '  - **TRACE_SINK**: where the traces are sent', '  - **TRACE_RATE**: the share of requests traced'].join('\n');
    const qs = asked(note);
    expect(qs.some((q) => q.answer.startsWith('Trace header') || q.distractors.some((d) => d.startsWith('Trace header')))).toBe(false);
  });

  it('skips a statement that asks itself a question or is only an aside in parentheses', () => {
    const note = ['# Widget gateway', '- **Proxy**: Why? Adds limits and keys in front of the shop', '- **Mirror**: (through a mapping)', '- **Direct**: calls the shop with no layer between', '- **Queue**: holds calls until the shop is free'].join('\n');
    const terms = carded(note);
    expect(terms).not.toContain('Proxy');
    expect(terms).not.toContain('Mirror');
    expect(terms).toContain('Direct');
  });

  it('asks no table cell whose row has only a placeholder for a name', () => {
    const note = ['# Widget faults', '', '| Kind | Buyer side | Shop side |', '| --- | --- | --- |', '| . | 410 | 510 |', '| Slow | 418 | 518 |', '| Gone | 420 | 520 |', '| Broken | 422 | 522 |'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => /— \.:/.test(p))).toBe(false);
    expect(prompts.some((p) => p.includes('Slow'))).toBe(true);
  });

  it('leaves out the one wrong answer capitalised unlike the rest of its set', () => {
    const note = ['# Widget vats', '- Types:', '  - **Cold Mix Vat**: stirs paint below room warmth', '  - **Hot Mix Vat**: cooks the glaze before it is poured', '  - **Vat sizing notes**: pick by the weekly volume'].join('\n');
    const q = asked(note).find((x) => x.answer === 'Cold Mix Vat');
    expect(q?.distractors).toEqual(['Hot Mix Vat']);
  });

  it('ends the answer to a question at a label that starts another topic', () => {
    // A Notion export: the cell's lines lost their nesting.
    const note = ['# Widget gate', '', '| Part | Notes |', '| --- | --- |', '| Gate | How does it work?', 'Allow list', 'Deny list', 'Use cases', 'Keep banned buyers out |'].join('\n');
    const qa = analyzeNote(note).facts.find((f) => f.kind === 'qa');
    expect(qa && qa.kind === 'qa' ? qa.answer : '').toBe('Allow list\nDeny list');
  });

  it('drops a dangling example marker and a line that carries on a sum', () => {
    const note = ['# Widget shipping modes', '- **Layers**: split one order into many parcels. Ex', '- **Batches**: ship many orders in one van', '- Cost per parcel', '- == 300 coins if the parcel weighs 2 kg'].join('\n');
    const qs = asked(note);
    expect(qs.find((q) => q.term === 'Layers')?.answer).toBe('split one order into many parcels');
    expect(qs.some((q) => q.prompt.includes('==') || q.answer.includes('=='))).toBe(false);
  });

  it('asks two statements that differ in the very word that tells them apart, not two that say the same', () => {
    const pair = ['# Widget ticket types', '- **Day pass**: opens one gate', '- **Group pass**: opens every gate'].join('\n');
    expect(asked(pair).some((q) => q.answer === 'Day pass')).toBe(true);
    const same = ['# Widget ticket types', '- **Day pass**: opens one gate', '- **Guest pass**: opens one gate'].join('\n');
    expect(asked(same).some((q) => q.answer === 'Day pass' || q.answer === 'Guest pass')).toBe(false);
  });

  it('asks no aspect every service has as if it were a name, nor a bare pointer to another thing', () => {
    const note = ['# Widget vault', '- **Security**: locks open only with two keys', '- **Multi Hall**: copies every widget to a second hall', '- **Night Watch**: Same as the day shift', '- **Cold Room**: keeps widgets below freezing', '- **Dry Room**: keeps widgets free of damp'].join('\n');
    const terms = carded(note);
    expect(terms).not.toContain('Security');
    expect(terms).not.toContain('Night Watch');
    expect(terms).toContain('Multi Hall');
  });

  it('skips a statement that starts with a placeholder label', () => {
    const note = ['# Widget ovens', '- **Old oven**: .: Gas fired', '- **New oven**: heats with electric coils', '- **Test oven**: runs one tray at a time'].join('\n');
    expect(asked(note).some((q) => q.answer === 'Old oven')).toBe(false);
  });

  it('reads a "." in a comparison table’s feature column as no label at all', () => {
    const note = ['# Widget lines', '', '.|**Alpha** (2019)|**Beta** (2021)', '-|-|-', '.|Fast assembly line|Slow craft line', 'Speed|90 per hour|10 per hour'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => p.includes('“.:'))).toBe(false);
    expect(prompts.some((p) => p.includes('“Fast assembly line”'))).toBe(true);
  });
});

describe('prompts that say what they are about', () => {

  it('tells organising headings from naming ones', () => {
    for (const h of ['Overview', 'Core features', 'How it works', 'Use cases', 'Implementation consideration: is it effective?', 'Key concepts']) expect(isGenericHeading(h), h).toBe(true);
    for (const h of ['Route 53', 'Actors', 'Backups', 'Dead-letter queues', 'Instance types']) expect(isGenericHeading(h), h).toBe(false);
  });

  it('asks a fact under "Overview › Terminology" with the thing it belongs to', () => {
    const note = ['# Name service', '## Overview', '### Terminology', '- **Zone file**: text file mapping names to addresses', '- **Records**: entries of a zone file', '- **Name server**: answers the lookups that clients send for a zone', '- **Hosts**: machines reachable inside a domain'].join('\n');
    const q = asked(note).find((x) => x.term === 'Name server');
    expect(q?.prompt).toBe('Name service › Terminology — what is “Name server”?');
  });
});

describe('lines that are no claim of their own', () => {
  it('skips a worked example’s step', () => {
    const note = ['# Read units', '- One unit reads 4 KB per second', '- Item of 6 KB: rounded up to 8, so 6 KB needs 2 units', '- Item of 10 KB: rounded up to 12, therefore 3 units'].join('\n');
    const blanks = asked(note).map((q) => q.prompt);
    expect(blanks.some((p) => /rounded up/.test(p))).toBe(false);
  });

  it('does not ask a list whose items hold a flattened sub-label', () => {
    const note = ['# Construct levels', '- Level three:', '  - also called patterns', '  - several resources wired together', '  - Examples', '- Level one:', '  - one resource each', '  - names start with Cfn'].join('\n');
    const labels = asked(note).map((q) => q.prompt);
    expect(labels.some((p) => p.includes('Level three'))).toBe(false);
  });
});

describe('numbers whose blank is a label', () => {
  it('does not ask "____: 500 shards"', () => {
    const note = ['# Cache cluster', '## Sharded mode', '- 0 replicas: 500 shards', '- 5 replicas: 83 shards', '- Up to 500 nodes per cluster', '- Up to 15 read replicas per shard'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => p.includes('“____: '))).toBe(false);
  });
});

describe('breadcrumbs that name a service', () => {
  const names = (h: string) => /\b(RDS|Aurora|SQS)\b/.test(h);


  it('are used by analyzeNote when told which headings name a service', () => {
    const note = ['## Backups', '### Automated', '- Retention: 7 days by default, up to 35 days', '### Manual', '- Retention: kept until deleted'].join('\n');
    const told = analyzeNote(note, { namesSubject: names }, '/notes/RDS.md').questions.map((q) => q.prompt);
    expect(told.length).toBeGreaterThan(0);
    // No heading names the service: the note's file does.
    expect(told.every((p) => p.startsWith('RDS › Backups › Automated — '))).toBe(true);
  });
});

describe('code-like tokens shared by statement and answer', () => {
  it('does not ask a statement naming a model number only the answer has', () => {
    const note = ['# Disk volume types', '- **gp2/gp3 general purpose**: gp3 raises IOPS and throughput separately, unlike gp2', '- **io1/io2 provisioned**: the highest IOPS for databases'].join('\n');
    expect(chosen(note)).toEqual(['io1/io2 provisioned']);
  });
});

describe('section labels, remarks and recited sentences', () => {
  it('reads a misspelt organising heading and a quality a section is about as no name', () => {
    for (const h of ['Perfomance', 'Considerations', 'Logging and Audit', 'High Availability']) expect(isGenericHeading(h), h).toBe(true);
    for (const h of ['Performance Insights', 'Audit Manager', 'Perforce']) expect(isGenericHeading(h), h).toBe(false);
  });


  it('does not ask a short remark that leans on its neighbours', () => {
    const note = ['# Containers', '- Components:', '  - **Task definition**: either for VMs or serverless', '  - **Service**: keeps the wanted number of tasks running', '  - **Cluster**: a group of hosts tasks run on', '  - **Placement**: only for the VM launch type'].join('\n');
    const terms = carded(note);
    expect(terms).not.toContain('Task definition');
    expect(terms).not.toContain('Placement');
    expect(terms).toContain('Service');
  });

  it('asks the members of a set, not the sentences said about one thing', () => {
    const note = ['# Replication', '- Synchronous replication:', '  - Every write reaches the standby before it is acknowledged', '  - The standby is in another zone', '- A name maps to 3 kinds of target:', '  - Load balancers', '  - Storage buckets', '  - Instances'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => p.includes('“Synchronous replication”'))).toBe(false);
    expect(prompts.some((p) => p.includes('name the 3 listed under “A name maps to 3 kinds of target”'))).toBe(true);
  });

  it('recites only a set the label counts, not an open list of examples nor a set it only names as kinds', () => {
    const open = ['# Routing', '- Maps a name to:', '  - Load balancers', '  - Storage buckets', '  - Instances'].join('\n');
    expect(asked(open).some((q) => q.prompt.includes('name the 3 listed'))).toBe(false);
    // "Record types" may be a few of many (graded blind: kinds-only labels good 44 times in 101).
    const kinds = ['# Routing', '- Record types:', '  - A', '  - AAAA', '  - CNAME'].join('\n');
    expect(asked(kinds).some((q) => q.prompt.includes('name the 3 listed'))).toBe(false);
    const counted = ['# Routing', '- Three record types to know:', '  - A', '  - AAAA', '  - CNAME'].join('\n');
    expect(asked(counted).some((q) => q.prompt.includes('name the 3 listed under “Three record types to know”'))).toBe(true);
    // A count that is not the list's own says nothing of it.
    const miscounted = ['# Routing', '- Two record types:', '  - A', '  - AAAA', '  - CNAME'].join('\n');
    expect(asked(miscounted).some((q) => q.prompt.includes('name the 3 listed'))).toBe(false);
  });

  it('offers only quantities of the same measure as wrong answers to a quantity in a table', () => {
    const note = ['# Extreme rates', '', '| Store | Rate | Scaling |', '| --- | --- | --- |', '| Cache A | 20 nodes | add nodes |', '| Cache B | 10 nodes | add shards |', '| Cache C | 40 nodes | add hosts |', '| Disk | 16k IOPS | bigger volume |', '| Queue | 3000 messages per second | automatic |'].join('\n');
    const q = asked(note).find((x) => x.answer === '20 nodes');
    expect([...q!.distractors].sort()).toEqual(['10 nodes', '40 nodes']);
  });

  it('asks between two services as between two of a kind', () => {
    const note = ['# Key-value caching 101', '- Keydb:', '  - You want the simplest cache there is', '  - You scale out by adding nodes', '- Valkey:', '  - You need sorted sets for leader boards', '  - You need replicas'].join('\n');
    const services = (name: string) => /^(Keydb|Valkey)$/.test(name);
    const told = analyzeNote(note, { namesSubject: services }).questions.filter((q) => q.prompt.includes('leader boards'));
    expect(told.map((q) => [q.answers, q.distractors])).toEqual([[['Valkey'], ['Keydb']]]);
    expect(analyzeNote(note).questions.some((q) => q.prompt.includes('leader boards') && q.kind === 'single')).toBe(false);
  });
});

describe('quantities and thin statements', () => {
  it('asks a limit table for the quantity, not for the name a bare quantity describes', () => {
    const note = ['# Gateway', '## Limits', '', 'Limit|Value', '-|-', 'Timeout|29 sec', 'Max payload size|10 MB', 'Stages per API|10'].join('\n');
    const qs = asked(note);
    expect(qs.some((q) => q.prompt.includes('“29 sec”'))).toBe(false);
    const q = qs.find((x) => x.answer === '29 sec');
    expect(q?.prompt).toBe('Gateway › Limits — fill in the blank: “Timeout: ____”');
    expect(q?.distractors).toHaveLength(3);
    expect(q?.distractors.every((d) => /\d+\s?(sec|second|seconds|minutes?|ms)$/.test(d))).toBe(true);
  });

  it('recalls no name from two words without choices', () => {
    const note = ['# Logs', '- **Config history**: to S3', '- **Flow records**: copied to a bucket every ten minutes'].join('\n');
    const qs = analyzeNote(note).questions.filter((q) => q.kind === 'flip');
    expect(qs.some((q) => q.prompt.includes('“to S3”'))).toBe(false);
  });

  it('does not ask a typed blank whose answer is a quantity in words', () => {
    const note = ['# Releases', '- Application version: one build of the code, **up to 1000 versions**', '- Environment: the resources that run **one version** at a time'].join('\n');
    expect(asked(note).some((q) => q.answer === 'up to 1000 versions')).toBe(false);
  });

  it('does not ask a typed blank whose answer is a list', () => {
    const note = ['# Topics', '- A subscriber can be: **SQS, Lambda, Firehose**', '- Messages fan out to **every subscriber** of the topic'].join('\n');
    expect(asked(note).some((q) => q.answer.includes(','))).toBe(false);
  });

  it('does not offer an organising label narrowed to a subject as an answer', () => {
    const note = ['# Compute', '- **Placement groups**: cluster, spread or partition instances', '- **Key metrics for EC2**: cannot see memory use without an agent', '- **Instance recovery**: moves the instance to new hardware on a failed check'].join('\n');
    expect(asked(note).some((q) => q.answer === 'Key metrics for EC2')).toBe(false);
  });
});

describe('judgements and examples', () => {
  it('reads "Useful for …" and "Simple to …" as judgements, not members to name', () => {
    const note = ['# Databases', '- Two cross-region replica traits:', '  - Useful for disaster recovery', '  - Simple to put in place', '- Three engines:', '  - Postgres', '  - MySQL', '  - MariaDB'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => p.includes('“Two cross-region replica traits”'))).toBe(false);
    expect(prompts.some((p) => p.includes('“Three engines”'))).toBe(true);
  });

  it('does not ask a number given as an example with "eg"', () => {
    const note = ['# Delivery stream', '- Buffer size (eg 32 MB): flushed when reached', '- Records are kept for up to 24 hours when the target fails'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => p.includes('Buffer size'))).toBe(false);
    expect(prompts.some((p) => p.includes('kept for up to ____'))).toBe(true);
  });
});

describe('one right answer', () => {
  it('does not ask a statement the note also makes of a sibling', () => {
    const note = ['# Policy kinds', '- **Inline policy**: edited by you and deleted with its user', '- **Customer policy**: edited by you'].join('\n');
    const qs = asked(note);
    expect(qs.some((q) => q.prompt.includes('“edited by you”'))).toBe(false);
    // The longer statement is said of the inline policy alone: asked, with the customer policy as the other choice.
    const q = qs.find((x) => x.answer === 'Inline policy');
    expect(q?.distractors).toEqual(['Customer policy']);
  });

  it('does not ask a count the statement spells out item by item', () => {
    const note = ['# Caching', '- 2 caching strategies: lazy loading and write-through', '- 2 types of key - partition key (user id / order id) and partition plus sort key (time / date)', '- Up to 20 nodes in a cluster by default'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => p.includes('caching strategies'))).toBe(false);
    expect(prompts.some((p) => p.includes('types of key'))).toBe(false);
    expect(prompts.some((p) => p.includes('Up to ____ nodes'))).toBe(true);
  });

});


describe('labels among the choices', () => {
  it('offers no section label as a wrong answer, narrowed or not', () => {
    const note = ['# Compute', '- **Placement groups**: decide how instances sit on the hardware', '- **Key metrics for VMs**: memory is not seen without an agent', '- **Instance recovery**: moves the instance to new hardware after a failed check', '- **Hibernation**: keeps memory on disk while stopped'].join('\n');
    const qs = asked(note);
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.some((q) => q.distractors.includes('Key metrics for VMs'))).toBe(false);
  });


  it('skips a line about "others" in a set', () => {
    const note = ['# Keys', '- **Customer keys**: created, owned and rotated by you', '- **Managed keys**: created for you by a service that uses them', '- **Owned keys**: others use a provider key or offer you a choice of keys', '- **Imported keys**: key material you bring yourself'].join('\n');
    expect(asked(note).some((q) => q.prompt.includes('others use'))).toBe(false);
  });
});

describe('give-aways and placeholders', () => {
  it('does not ask which acronym a table row spells out', () => {
    const note = ['# Balancers', '', '.|**ALB** (2016)|**NLB** (2017)|**CLB** (2009)', '-|-|-|-', '.|Application Load Balancer|Network Load Balancer|Classic Load Balancer', 'Layer|7 (application)|4 (transport)|4 and 7', 'Protocols|HTTP, HTTPS|TCP, UDP, TLS|TCP, SSL, HTTP'].join('\n');
    const qs = asked(note);
    expect(qs.some((q) => q.prompt.includes('“Network Load Balancer”'))).toBe(false);
  });

  it('does not recall the numbered boxes of a sketch', () => {
    const note = ['# Releases', '- Two groups behind one balancer:', '  - **ALB 1**: needs a DNS change to roll back', '  - **ALB 2**: tests version two before the switch', '- **Blue/green**: a full second fleet, switched at once'].join('\n');
    expect(asked(note).some((q) => /^ALB \d$/.test(q.answer))).toBe(false);
  });

  it('asks no "which TWO belong to" a sentence', () => {
    const note = ['# Backups', '* Automated backups', '    * Restore to any second of a retention period', '      * Takes a daily snapshot plus transaction logs', '      * Point in time down to one second', '    * Backups are taken within a set window', '      * Read from the standby when there is one', '      * Slow the database down otherwise', '    * Backups are kept in object storage', '      * Free up to the size of the database', '      * Removed with the instance'].join('\n');
    expect(asked(note).some((q) => q.prompt.includes('which TWO of these belong to “Backups are'))).toBe(false);
  });
});

describe('lists of code names', () => {
  it('asks a list of namespaced names as a set to recall', () => {
    const note = ['# Templates', '- Three pseudo parameters:', '  + AWS::Region', '  + AWS::StackName', '  + AWS::AccountId', '- Deploy with the console or the command line'].join('\n');
    expect(asked(note).some((q) => q.prompt.includes('“Three pseudo parameters”') && q.answer.includes('AWS::Region'))).toBe(true);
  });

  it('still skips a list of code lines', () => {
    const note = ['# Templates', '- Example:', '  + Type: AWS::EC2::Instance', '  + ImageId: !Ref LatestAmi', '  + InstanceType: t3.micro'].join('\n');
    expect(asked(note).some((q) => q.prompt.includes('“Example”'))).toBe(false);
  });
});

describe('more give-aways', () => {
  it('does not ask an acronym right after its spelled-out name', () => {
    const note = ['# Directories', '> Directory Federation Services (**DFS**), a component that runs on a server you manage', '> The Lightweight Access Protocol (**LAP**) reads and writes directory entries'].join('\n');
    const qs = analyzeNote(note).questions.map((q) => q.prompt);
    expect(qs.some((p) => /Directory Federation Services \(____\)/.test(p))).toBe(false);
  });

  it('skips a line that explains the one before it', () => {
    const note = ['# Notes', '## Organization', '### Tag policies', '* Keep tag keys the same across member accounts', '* Reports tags that break the policy', '### Reserved capacity', '* The payer account can turn off discount sharing for any account', '* This means that discounts are not shared with accounts that turned sharing off', '### Service control policies', '* Cap what member accounts may do', '* Never grant permissions on their own'].join('\n');
    expect(asked(note).some((q) => /this means/i.test(q.prompt))).toBe(false);
  });
});


describe('restated quantities', () => {
  it('does not ask a blank that restates the quantity before it', () => {
    const note = ['# Workflows', '- Tasks can live up to one year (31,536,000 seconds)', '- A decision must be made within 60 seconds of the task starting'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => p.includes('one year (____)'))).toBe(false);
    expect(prompts.some((p) => p.includes('within ____ of the task'))).toBe(true);
  });

  it('does not ask "Same properties as …"', () => {
    const note = ['# Designs', '- **Balancer + group**: target utilisation between 40% and 70%', '- **Balancer + containers**: same properties as balancer + group', '- **Balancer + functions**: no servers to patch and pay per request', '- **DNS + instances**: new instances wait for the record TTL'].join('\n');
    expect(asked(note).some((q) => /same properties/i.test(q.prompt))).toBe(false);
  });
});

describe('the author talking, emphasis and answers with lists', () => {
  it('keeps the list an answer leads into', () => {
    const note = ['# Images', '## What is a machine image?', '- It is a template to start servers from, such as:', '  - Ubuntu', '  - Fedora', '- Images can be changed at boot with user data'].join('\n');
    const q = analyzeNote(note).questions.find((x) => x.prompt.includes('What is a machine image?'));
    expect(q?.answers[0]).toContain('Fedora');
  });

  it('asks nothing the author says about the course, nor a sum carried over', () => {
    const note = ['# Templates', '- I can’t teach you all of the 224 resource types, but the docs list them', '- A stack holds up to 500 resources', '- **Pay per duration**: 400,000 GB-seconds free each month', '- **Pay per duration**: == 3,200,000 seconds if the function has 128 MB', '- **Pay per request**: first million requests free', '- **Free tier**: one million requests per month'].join('\n');
    const prompts = asked(note).map((q) => q.prompt);
    expect(prompts.some((p) => p.includes('teach you'))).toBe(false);
    expect(prompts.some((p) => p.includes('=='))).toBe(false);
    expect(prompts.some((p) => p.includes('up to ____ resources'))).toBe(true);
  });

  it('does not ask a word set in bold for emphasis', () => {
    const note = ['# Access', '- Never write access keys in your code. **EVER**', '- Use **roles** to give code access to other services'].join('\n');
    expect(asked(note).some((q) => q.answer === 'EVER')).toBe(false);
  });

  it('does not ask a short line about "it"', () => {
    const note = ['# Buckets', '- **Versioning**: it is enabled at the bucket level', '- **Static websites**: serve files over HTTP from a bucket', '- **CORS**: lets pages on other origins call the bucket', '- **Replication**: copies new objects to another bucket'].join('\n');
    expect(asked(note).some((q) => q.prompt.includes('it is enabled'))).toBe(false);
  });
});

describe('lists of names with a definition here and there', () => {
  it('lists the names, the defined one by its term', () => {
    const note = ['# Caches', '- Keydb:', '  - Multi AZ', '  - Auto failover', '  - Backup/restore', '- Valkey:', '  - Multi-threaded', '  - No persistence', '  - Sharding: data split across nodes'].join('\n');
    const lists = analyzeNote(note).facts.flatMap((f) => (f.kind === 'enumeration' ? [[f.label, f.items]] : []));
    expect(lists).toEqual([['Keydb', ['Multi AZ', 'Auto failover', 'Backup/restore']], ['Valkey', ['Multi-threaded', 'No persistence', 'Sharding']]]);
  });

  it('leaves a list of mostly defined terms to the attribute questions', () => {
    const note = ['# Draining', '- Connection draining:', '  - Duration: 1 to 3600 seconds', '  - Default: 300 seconds', '  - Off when set to 0'].join('\n');
    expect(asked(note).some((q) => q.prompt.includes('“Connection draining”') && /Duration(?!:)/.test(q.answer))).toBe(false);
  });
});

describe('hedges and quantity labels', () => {
  it('does not ask a short hedge', () => {
    const note = ['# Workflows', '- Actors:', '  - **Starter**: any program that can begin a workflow run', '  - **Decider**: picks the next step of a run', '  - **Worker**: might be used by a person', '  - **Timer**: wakes a run after a set delay'].join('\n');
    expect(asked(note).some((q) => q.prompt.includes('might be used'))).toBe(false);
  });

  it('does not ask a number whose label is a quantity itself', () => {
    const note = ['# Cache cluster', '## Sharded mode', '- 1 replica: 250 shards', '- Up to 500 nodes per cluster'].join('\n');
    expect(asked(note).some((q) => q.prompt.includes('1 replica: ____'))).toBe(false);
  });
});

describe('acronyms as other names', () => {
  it('does not ask a typed acronym right after the words it stands for', () => {
    const note = ['# Federation', '> An identity provider (**IdP**) keeps the identities of a federation and signs users in'].join('\n');
    expect(analyzeNote(note).questions.some((q) => q.answers[0] === 'IdP')).toBe(false);
  });

  it('offers no kind of the answer named with its acronym as a wrong answer', () => {
    const note = ['# Keys', '- **Customer master keys (CMKs)**: can carry a key policy of their own', '- **Customer managed CMKs**: made and rotated by you', '- **Provider managed CMKs**: made for a service in your account', '- **Data keys**: encrypt large data outside the service'].join('\n');
    const q = asked(note).find((x) => x.answer === 'Customer master keys (CMKs)');
    expect(q?.distractors ?? []).not.toContain('Customer managed CMKs');
    expect(q?.distractors ?? []).not.toContain('Provider managed CMKs');
  });
});

describe('answers with an aside', () => {
  it('is given away by its name without the aside', () => {
    const note = ['# Deploy settings', '- **Name (required)**: the name of the function to deploy', '- **Alias (required)**: the alias that shifts traffic', '- **Current version (required)**: the version serving now', '- **Target version (required)**: the version traffic moves to'].join('\n');
    expect(asked(note).some((q) => q.answer === 'Name (required)')).toBe(false);
  });
});
