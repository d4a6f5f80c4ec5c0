// The awsquiz benchmark (issue #6): `npm run bench` (build, then this file). Progress goes to stderr; the
// results go to bench/results.md (and bench/results.json).
//
//   node bench/run.mjs [--runs 5] [--inproc-runs 20] [--budget-min 25 | --full] [--sizes 1MB,10MB,100MB]
//                      [--runs-100 1] [--no-seeds] [--keep] [--out bench/results.md]
//
// A quick check of the harness itself (about 2 minutes, leaves bench/results.md alone):
//   node bench/run.mjs --sizes 1MB --runs 2 --inproc-runs 3 --out bench/tmp/quick.md
//
// Every figure is a ratio against a baseline measured in the same run, each timing a whole command in a fresh
// child process (wall time from spawn to exit), min and median over --runs runs, numerator and baseline runs
// interleaved so that drift in machine load hits both:
//   (1) ingest <corpus> into a fresh database ÷ parse-only (bench/parse-only.mjs) of the same files, the same
//       ingest with --threads 0 (single-threaded) ÷ parse-only, and parse-only in as many worker threads as
//       the ingest uses ÷ parse-only in one (the floor for workers);
//   (2) re-ingest with nothing changed ÷ `awsquiz --version`;
//   (3) `awsquiz --version` ÷ `node -e 0`; `awsquiz stats --json` (100 000 answers) ÷ `node -e 0`;
//   (4) in-process p50/p95 ms of the next study question and a 65-question exam at 100 000 questions and
//       1 000 000 review logs (bench/inproc.mjs), with EXPLAIN QUERY PLAN of the SQL they run;
//   (5) peak RSS of the 100 MB ingest (/usr/bin/time -v, else VmHWM polled from /proc).
// The 100 MB corpus is ingested --runs-100 times (default once). With the default time budget, a 100 MB step
// whose estimated duration (from the 10 MB figures) would overrun the budget is skipped and the note says so;
// --full runs everything whatever it takes.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ensureCorpus } from './corpus.mjs';
import { benchDir, bytesOf, cli, log, median, min, noteFiles, percentile, repoRoot, timeCommand, tmpRoot } from './lib.mjs';

// ---------------------------------------------------------------------------------------------------------
// Options.

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const RUNS = Math.max(1, Number(value('runs', 5)));
const INPROC_RUNS = Math.max(1, Number(value('inproc-runs', 20)));
const FULL = flag('full');
const BUDGET_MS = FULL ? Infinity : Number(value('budget-min', 25)) * 60_000;
const SIZES = value('sizes', '1MB,10MB,100MB').split(',').filter(Boolean);
const RUNS_100 = Math.max(1, Number(value('runs-100', 1)));
const SEEDS = resolve(repoRoot, '..', 'shared', 'seeds');
const WITH_SEEDS = !flag('no-seeds') && existsSync(SEEDS);
const KEEP = flag('keep');
// Where the results go (a quick check can write elsewhere and leave bench/results.md alone).
const OUT = resolve(value('out', join(benchDir, 'results.md')));

const started = Date.now();
const elapsed = () => Date.now() - started;
const node = process.execPath;
const haveTime = (() => {
  try {
    execFileSync('/usr/bin/time', ['-v', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const RSS_MODE = haveTime ? 'time' : 'poll';

mkdirSync(tmpRoot, { recursive: true });

// ---------------------------------------------------------------------------------------------------------
// Results, written to results.md after every section (so a failure still leaves what was measured).

const R = {
  startedAt: new Date().toISOString(),
  command: `node bench/run.mjs${argv.length ? ` ${argv.join(' ')}` : ''}`,
  env: {
    node: process.version,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    platform: `${os.platform()} ${os.release()}`,
    loadStart: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    rssMethod: haveTime ? '/usr/bin/time -v (Maximum resident set size)' : 'VmHWM polled every 50 ms from /proc/<pid>/status',
    runs: RUNS,
    inprocRuns: INPROC_RUNS,
    budget: FULL ? 'none (--full)' : `${BUDGET_MS / 60000} min`,
  },
  corpora: {},
  ingest: {},
  reingest: {},
  incremental: null,
  startup: null,
  inproc: null,
  rss100: null,
  background: [],
  notes: [],
};

const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtRatio = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const status = (value, target) => (Number.isFinite(value) ? (value <= target ? '**met**' : `**not met** (${(value / target).toFixed(1)}× the target)`) : 'not measured');
const stat = (xs) => ({ n: xs.length, min: min(xs), median: median(xs), all: xs });

function rmDb(path) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function copyDb(from, to) {
  rmDb(to);
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/**
 * Other processes' CPU load while a section runs: the machine's busy time (/proc/stat) minus this process's
 * and its reaped children's CPU time (/proc/self/stat utime+stime+cutime+cstime), in cores on average.
 */
function loadMeter(section) {
  const machine = () => {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return total - f[3] - (f[4] ?? 0); // minus idle and iowait
  };
  const own = () => {
    const f = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ').map(Number);
    // After "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14.
    return f[11] + f[12] + f[13] + f[14];
  };
  let a;
  try {
    a = { machine: machine(), own: own(), t: Date.now() };
  } catch {
    return { stop: () => {} }; // not Linux
  }
  return {
    stop() {
      const seconds = (Date.now() - a.t) / 1000;
      if (seconds < 1) return;
      const hz = 100; // USER_HZ on Linux
      const other = Math.max(0, (machine() - a.machine - (own() - a.own)) / hz / seconds);
      R.background.push({ section, otherCores: +other.toFixed(2), seconds: Math.round(seconds) });
      if (other > 0.2) log(`note: other processes kept ${other.toFixed(2)} cores busy on average during "${section}": its figures are noisy`);
    },
  };
}

async function run(label, cmd, args, opts = {}) {
  const r = await timeCommand(cmd, args, opts);
  if (r.code !== 0) {
    throw new Error(`${label} failed (exit ${r.code ?? r.signal}): ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  }
  return r;
}

const awsquiz = (...args) => [cli, ...args];

// ---------------------------------------------------------------------------------------------------------
// (1) ingest ÷ parse-only, per corpus.

async function ingestVsParse(name, paths, runs, { bytes, files }) {
  const db = join(tmpRoot, `ingest-${name}.db`);
  const parse = [];
  const parseThreads = [];
  const ingest = [];
  const single = [];
  const cpu = [];
  const rss = [];
  // Parsing alone, shared over as many threads as the ingest uses: how far worker threads can take any
  // pipeline on this machine (the floor for the "with workers" target).
  const threads = Math.min(R.env.cores, 8);
  for (let i = 1; i <= runs; i++) {
    const p = await run(`parse-only ${name}`, node, [join(benchDir, 'parse-only.mjs'), ...paths]);
    parse.push(p.ms);
    if (threads > 1) parseThreads.push((await run(`parse-only ${name} in ${threads} threads`, node, [join(benchDir, 'parse-only.mjs'), '--threads', String(threads), ...paths])).ms);
    rmDb(db);
    const r = await run(`ingest ${name}`, node, awsquiz('ingest', ...paths, '--db', db), { rss: RSS_MODE });
    ingest.push(r.ms);
    if (Number.isFinite(r.userS)) cpu.push((r.userS + r.sysS) * 1000);
    if (Number.isFinite(r.maxRssKb)) rss.push(r.maxRssKb);
    // The same ingest with every note analysed in the main thread: the "single-threaded" target.
    const db1 = join(tmpRoot, `ingest-${name}-one-thread.db`);
    rmDb(db1);
    const one = await run(`ingest ${name} --threads 0`, node, awsquiz('ingest', ...paths, '--db', db1, '--threads', '0'));
    single.push(one.ms);
    rmDb(db1);
    log(`(1) ${name} ${i}/${runs}: parse-only ${fmtMs(p.ms)}, ingest ${fmtMs(r.ms)} (${(r.ms / p.ms).toFixed(2)}×)${rss.length ? `, peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB` : ''}, one thread ${fmtMs(one.ms)} (${(one.ms / p.ms).toFixed(2)}×)`);
  }
  const counts = dbCounts(db);
  const res = { name, files, bytes, parse: stat(parse), ingest: stat(ingest), cpu: stat(cpu), rssKb: stat(rss), counts, db };
  if (parseThreads.length) res.parseThreads = { threads, ...stat(parseThreads), ratioMedian: median(parseThreads) / median(parse) };
  res.ratioMedian = res.ingest.median / res.parse.median;
  res.ratioMin = res.ingest.min / res.parse.min;
  res.single = { ...stat(single), ratioMedian: median(single) / median(parse), ratioMin: min(single) / min(parse) };
  // CPU time over wall time: above ~1.2 the ingest used more than one core (worker threads).
  res.parallelism = cpu.length ? median(cpu.map((c, i) => c / ingest[i])) : NaN;
  return res;
}

function dbCounts(db) {
  const out = execFileSync(
    node,
    [
      '-e',
      `const D=require('better-sqlite3');const d=new D(process.argv[1],{readonly:true});` +
        `console.log(JSON.stringify(d.prepare("SELECT (SELECT count(*) FROM sources) AS sources,(SELECT count(*) FROM questions) AS questions,(SELECT count(*) FROM questions WHERE retired_at IS NULL) AS active,(SELECT count(*) FROM facts) AS facts").get()))`,
      db,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return { ...JSON.parse(out), dbBytes: statSync(db).size };
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  log(`awsquiz benchmark: ${RUNS} runs per figure, budget ${R.env.budget}, RSS via ${RSS_MODE}, node ${process.version}, ${R.env.cores} cores`);
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  restoreIncrementalEdit();

  // Corpora.
  const corpora = {};
  for (const size of SIZES) {
    const c = ensureCorpus(size);
    corpora[size] = { ...c, paths: [c.dir] };
    R.corpora[size] = { files: c.files, bytes: c.bytes, dir: relative(repoRoot, c.dir) };
  }
  if (WITH_SEEDS) {
    const files = readdirSync(SEEDS)
      .map((f) => join(SEEDS, f))
      .filter((f) => statSync(f).isFile())
      .sort();
    corpora.seeds = { dir: SEEDS, paths: files, files: files.length, bytes: bytesOf(files) };
    R.corpora.seeds = { files: files.length, bytes: corpora.seeds.bytes, dir: relative(repoRoot, SEEDS) };
  } else R.notes.push(`${SEEDS} not found: the seeds corpus was not measured.`);
  save();

  // (1) 1 MB, seeds, 10 MB.
  for (const name of ['1MB', 'seeds', '10MB']) {
    if (!corpora[name]) continue;
    const meter = loadMeter(`(1) ${name}`);
    log(`(1) ingest vs parse-only on ${name} (${corpora[name].files} files, ${(corpora[name].bytes / 1048576).toFixed(1)} MB), ${RUNS} runs`);
    R.ingest[name] = await ingestVsParse(name, corpora[name].paths, RUNS, corpora[name]);
    meter.stop();
    save();
  }

  // (2) re-ingest with nothing changed ÷ --version, interleaved.
  for (const name of ['1MB', '10MB']) {
    const base = R.ingest[name];
    if (!base) continue;
    const meter = loadMeter(`(2) ${name}`);
    log(`(2) re-ingest of unchanged ${name}, ${RUNS} runs`);
    const reingest = [];
    const version = [];
    let report = '';
    for (let i = 1; i <= RUNS; i++) {
      version.push((await run('--version', node, awsquiz('--version'))).ms);
      const r = await run(`re-ingest ${name}`, node, awsquiz('ingest', ...corpora[name].paths, '--db', base.db), { stdout: 'pipe' });
      reingest.push(r.ms);
      report = r.stdout.trim().split('\n').pop();
      log(`(2) ${name} ${i}/${RUNS}: re-ingest ${fmtMs(r.ms)}, --version ${fmtMs(version.at(-1))}`);
    }
    const m = /(\d+) ingested, (\d+) unchanged/.exec(report);
    if (!m || m[1] !== '0') R.notes.push(`(2) re-ingest of ${name} did not skip every file: "${report}"`);
    R.reingest[name] = { reingest: stat(reingest), version: stat(version), report, ratioMedian: median(reingest) / median(version), ratioMin: min(reingest) / min(version) };
    meter.stop();
    save();
  }

  // Databases derived from the 10 MB ingest, copied before the incremental edit below.
  // (3) and (4) start from the 10 MB ingest; without it (--sizes 1MB, for a quick check), from the 1 MB one.
  const db10 = R.ingest['10MB']?.db ?? R.ingest['1MB']?.db;
  const baseName = R.ingest['10MB'] ? '10MB' : '1MB';
  if (db10 && baseName !== '10MB') R.notes.push('(3) and (4) used the 1 MB ingest as their base database (no 10 MB corpus in --sizes): not comparable with a full run.');
  const statsDb = join(tmpRoot, 'stats-100k-answers.db');
  const bigDb = join(tmpRoot, 'inproc-100k-questions-1m-logs.db');
  if (db10) {
    copyDb(db10, statsDb);
    copyDb(db10, bigDb);
  }

  // Incremental: edit one file of the 10 MB corpus; only that file is re-ingested.
  if (db10) {
    const file = noteFiles(corpora[baseName].paths)[0];
    const original = readFileSync(file);
    writeFileSync(join(tmpRoot, 'incremental-backup.json'), JSON.stringify({ file, content: original.toString('base64') }));
    try {
      writeFileSync(file, Buffer.concat([original, Buffer.from('\n## Benchmark edit\n\n- **Edited setting**: marks the one changed note for the incremental check\n')]));
      const r = await run('incremental ingest', node, awsquiz('ingest', ...corpora[baseName].paths, '--db', db10), { stdout: 'pipe' });
      const report = r.stdout.trim().split('\n').pop();
      const m = /(\d+) ingested, (\d+) unchanged/.exec(report);
      R.incremental = { corpus: baseName, ms: r.ms, report, ingested: m ? Number(m[1]) : NaN, unchanged: m ? Number(m[2]) : NaN, file: relative(repoRoot, file) };
      log(`incremental: ${report} in ${fmtMs(r.ms)}`);
    } finally {
      writeFileSync(file, original);
      rmSync(join(tmpRoot, 'incremental-backup.json'), { force: true });
    }
    save();
  }

  // (3) startup: node -e 0, --version, stats --json on 100 000 answers, interleaved.
  if (db10) {
    log('(3) building the stats database: 10 MB ingest + 100 000 answers, cards and review logs');
    const setup = await run('setup-history (stats)', node, [join(benchDir, 'setup-history.mjs'), statsDb, '--answers', '100000'], { stdout: 'pipe' });
    const counts = JSON.parse(setup.stdout.trim().split('\n').pop());
    log(`(3) stats database: ${JSON.stringify(counts)}`);
    const meter = loadMeter('(3)');
    const bare = [];
    const version = [];
    const stats = [];
    const statsCmd = awsquiz('stats', '--json', '--db', statsDb);
    const check = await run('stats --json', node, statsCmd, { stdout: 'pipe' });
    const report = JSON.parse(check.stdout);
    if (report.overview?.answers !== 100_000) R.notes.push(`(3) stats --json reported ${report.overview?.answers} answers, expected 100000`);
    for (let i = 1; i <= Math.max(RUNS, 10); i++) {
      bare.push((await run('node -e 0', node, ['-e', '0'])).ms);
      version.push((await run('--version', node, awsquiz('--version'))).ms);
      stats.push((await run('stats --json', node, statsCmd)).ms);
      log(`(3) ${i}: node -e 0 ${fmtMs(bare.at(-1))}, --version ${fmtMs(version.at(-1))}, stats --json ${fmtMs(stats.at(-1))}`);
    }
    R.startup = { base: baseName, counts, bare: stat(bare), version: stat(version), stats: stat(stats) };
    meter.stop();
    save();
  } else R.notes.push('(3) and (4) need an ingested corpus: not measured.');

  // (4) in-process at 100 000 questions and 1 000 000 review logs.
  if (db10) {
    log('(4) building the large database: 10 MB ingest trimmed/topped up to 100 000 active questions + 1 000 000 answers and review logs');
    const setup = await run('setup-history (inproc)', node, [join(benchDir, 'setup-history.mjs'), bigDb, '--answers', '1000000', '--active', '100000'], { stdout: 'pipe' });
    const counts = JSON.parse(setup.stdout.trim().split('\n').pop());
    log(`(4) large database: ${JSON.stringify(counts)}`);
    const meter = loadMeter('(4)');
    const r = await run('inproc', node, ['--expose-gc', join(benchDir, 'inproc.mjs'), bigDb, '--runs', String(INPROC_RUNS)], { stdout: 'pipe' });
    meter.stop();
    R.inproc = { base: baseName, counts, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
    const s = (xs) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), min: min(xs), max: Math.max(...xs) });
    for (const key of ['nextQuestion', 'exam']) {
      const warm = R.inproc[key].warm;
      R.inproc[key].summary = s(warm.map((w) => w.total));
      R.inproc[key].partsSummary = Object.fromEntries(Object.keys(warm[0].parts).map((p) => [p, s(warm.map((w) => w.parts[p]))]));
      log(`(4) ${key}: p50 ${R.inproc[key].summary.p50.toFixed(1)} ms, p95 ${R.inproc[key].summary.p95.toFixed(1)} ms (cold ${R.inproc[key].cold.total.toFixed(0)} ms)`);
    }
    for (const p of R.inproc.plans) log(`(4) plan [${p.phase}] ${p.sql.slice(0, 90)}…\n      ${(p.plan ?? [p.error]).join('\n      ')}`);
    save();
  }

  // (5) and (1) at 100 MB.
  if (corpora['100MB']) {
    const c = corpora['100MB'];
    const ten = R.ingest['10MB'];
    const scale = ten ? c.bytes / ten.bytes : NaN;
    // Estimates from the 10 MB figures, with a margin: a 10× larger database and other load slow the big run down.
    const MARGIN = 1.5;
    const estIngest = ten ? ten.ingest.median * scale * MARGIN : NaN;
    const estParse = ten ? ten.parse.median * scale * MARGIN : NaN;
    const ingest = [];
    const rss = [];
    const cpu = [];
    const parse = [];
    if (elapsed() + (Number.isFinite(estIngest) ? estIngest : 0) > BUDGET_MS) {
      R.notes.push(`(5) and (1) at 100 MB skipped: the ingest would take about ${fmtMs(estIngest)} (10 MB median × ${scale.toFixed(1)} × ${MARGIN} margin), past the ${R.env.budget} budget after ${fmtMs(elapsed())}; run \`node bench/run.mjs --full\` to measure it.`);
      log(R.notes.at(-1));
    } else {
      const db = join(tmpRoot, 'ingest-100MB.db');
      for (let i = 1; i <= RUNS_100; i++) {
        rmDb(db);
        const meter = loadMeter('(5) 100MB ingest');
        log(`(5) ingest of 100MB ${i}/${RUNS_100} (estimated ${fmtMs(estIngest)})`);
        const r = await run('ingest 100MB', node, awsquiz('ingest', ...c.paths, '--db', db), { rss: RSS_MODE });
        meter.stop();
        ingest.push(r.ms);
        rss.push(r.maxRssKb);
        if (Number.isFinite(r.userS)) cpu.push((r.userS + r.sysS) * 1000);
        log(`(5) ingest 100MB: ${fmtMs(r.ms)}, peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB`);
      }
      const counts = dbCounts(db);
      for (let i = 1; i <= RUNS_100; i++) {
        if (elapsed() + estParse > BUDGET_MS) {
          R.notes.push(`(1) at 100 MB: the parse-only baseline (about ${fmtMs(estParse)}) did not fit the ${R.env.budget} budget; the ratio uses the 10 MB parse-only throughput scaled to 100 MB (marked "extrapolated").`);
          log(R.notes.at(-1));
          break;
        }
        const meter = loadMeter('(1) 100MB parse-only');
        log(`(1) parse-only of 100MB ${i}/${RUNS_100} (estimated ${fmtMs(estParse)})`);
        parse.push((await run('parse-only 100MB', node, [join(benchDir, 'parse-only.mjs'), ...c.paths])).ms);
        meter.stop();
        log(`(1) parse-only 100MB: ${fmtMs(parse.at(-1))}`);
      }
      const extrapolated = parse.length === 0;
      const parseStat = extrapolated ? { n: 0, min: ten.parse.min * scale, median: ten.parse.median * scale, all: [] } : stat(parse);
      R.ingest['100MB'] = {
        name: '100MB',
        files: c.files,
        bytes: c.bytes,
        parse: parseStat,
        extrapolated,
        ingest: stat(ingest),
        cpu: stat(cpu),
        rssKb: stat(rss),
        counts,
        ratioMedian: median(ingest) / parseStat.median,
        ratioMin: min(ingest) / parseStat.min,
        parallelism: cpu.length ? median(cpu.map((x, i) => x / ingest[i])) : NaN,
      };
      R.rss100 = { kb: stat(rss) };
      if (!KEEP) rmDb(db);
      save();
    }
  }

  R.env.loadEnd = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  R.durationMs = elapsed();
  if (!KEEP) {
    for (const f of readdirSync(tmpRoot)) if (/\.db(-wal|-shm)?$/.test(f)) rmSync(join(tmpRoot, f), { force: true });
  }
  save();
  log(`done in ${fmtMs(elapsed())}: ${relative(process.cwd(), OUT)}`);
}

/** A run killed during the incremental check leaves its backup: put the corpus file back as generated. */
function restoreIncrementalEdit() {
  const backup = join(tmpRoot, 'incremental-backup.json');
  if (!existsSync(backup)) return;
  const { file, content } = JSON.parse(readFileSync(backup, 'utf8'));
  writeFileSync(file, Buffer.from(content, 'base64'));
  rmSync(backup);
  log(`restored ${file} after an interrupted run`);
}

// ---------------------------------------------------------------------------------------------------------
// results.md

function save() {
  writeFileSync(OUT.replace(/\.md$/, '') + '.json', `${JSON.stringify(R, (k, v) => (k === 'all' || k === 'warm' ? undefined : v), 2)}\n`);
  writeFileSync(OUT, render());
}

function render() {
  const e = R.env;
  const L = [];
  L.push('# awsquiz benchmark results (issue #6)', '');
  L.push(`- Date: ${R.startedAt}${R.durationMs ? ` (the run took ${fmtMs(R.durationMs)})` : ' (run in progress or interrupted)'}`);
  L.push(`- Node ${e.node} · ${e.cores} cores · ${e.cpu} · ${e.memGb} GB RAM · ${e.platform}`);
  L.push(`- Load average at start: ${e.loadStart}${e.loadEnd ? ` · at end: ${e.loadEnd}` : ''}`);
  L.push(`- Command: \`npm run bench\` → \`${R.command}\` (after \`npm run build\`)`);
  L.push(`- ${e.runs} runs per figure unless said otherwise, each a whole command in a fresh child process, wall time from spawn to exit; numerator and baseline runs interleaved. Ratios: median ÷ median and min ÷ min. Status judged on the median ratio.`);
  L.push(`- Time budget: ${e.budget}. Peak RSS: ${e.rssMethod}.`);
  if (R.background.length) {
    const noisy = R.background.filter((b) => b.otherCores > 0.2).map((b) => b.section);
    L.push(
      `- Other load during each section (average cores used by other processes: machine CPU time from /proc/stat minus the benchmark's own and its children's): ${R.background.map((b) => `${b.section} ${b.otherCores}`).join(' · ')}.${noisy.length ? ` **The machine was not idle during ${noisy.join(', ')}: those figures are slower and noisier than on an idle machine.**` : ''}`,
    );
  }
  L.push('');
  L.push('## Corpora', '');
  L.push('| corpus | files | size | where |', '| --- | ---: | ---: | --- |');
  for (const [name, c] of Object.entries(R.corpora)) L.push(`| ${name} | ${c.files} | ${(c.bytes / 1048576).toFixed(1)} MB | \`${c.dir}\` |`);
  L.push('', 'Synthetic corpora come from `bench/corpus.mjs` (seeded, deterministic; own vocabulary). "seeds" is `../shared/seeds` (its files are passed explicitly, since they are not `*.md`).', '');

  L.push('## (1) Full ingest ÷ parse-only', '');
  L.push('Numerator: `node bin/awsquiz.js ingest <corpus> --db <fresh file>`. Baseline: `node bench/parse-only.mjs <corpus>` (read every file, `unified().use(remarkParse).use(remarkGfm).parse()`, one thread). Target: ≤ 1.3 single-threaded; ≤ 0.75 with parsing spread over worker threads on 2 cores. "CPU/wall" is the ingest\'s (user+sys)/wall: about 1 means one core was used.', '');
  L.push('| corpus | runs | parse-only min / median | ingest min / median | ratio median (min) | CPU/wall | questions | ≤ 1.3 | ≤ 0.75 |', '| --- | ---: | --- | --- | --- | ---: | ---: | --- | --- |');
  for (const r of Object.values(R.ingest)) {
    const runs = r.extrapolated ? `${r.ingest.n} (parse: extrapolated)` : r.ingest.n === r.parse.n ? `${r.ingest.n}` : `${r.ingest.n} / ${r.parse.n}`;
    L.push(
      `| ${r.name} | ${runs} | ${fmtMs(r.parse.min)} / ${fmtMs(r.parse.median)} | ${fmtMs(r.ingest.min)} / ${fmtMs(r.ingest.median)} | ${fmtRatio(r.ratioMedian)} (${fmtRatio(r.ratioMin)}) | ${fmtRatio(r.parallelism)} | ${r.counts?.questions ?? '—'} | ${status(r.ratioMedian, 1.3)} | ${status(r.ratioMedian, 0.75)} |`,
    );
  }
  const singles = Object.values(R.ingest).filter((r) => r.single?.n);
  if (singles.length) {
    L.push('', '**Single-threaded.** The same ingest with `--threads 0` (every note analysed in the main thread, as the default does below 2 MB of notes), ÷ the same parse-only median.', '');
    L.push('| corpus | runs | ingest --threads 0 min / median | ratio median (min) | ≤ 1.3 |', '| --- | ---: | --- | --- | --- |');
    for (const r of singles) L.push(`| ${r.name} | ${r.single.n} | ${fmtMs(r.single.min)} / ${fmtMs(r.single.median)} | ${fmtRatio(r.single.ratioMedian)} (${fmtRatio(r.single.ratioMin)}) | ${status(r.single.ratioMedian, 1.3)} |`);
  }
  const tp = Object.values(R.ingest).map((r) => `${r.name}: parse-only ${((r.bytes / 1024) / (r.parse.median / 1000)).toFixed(0)} KB/s, ingest ${((r.bytes / 1024) / (r.ingest.median / 1000)).toFixed(0)} KB/s`);
  if (tp.length) L.push('', `Throughput (median): ${tp.join(' · ')}.`);
  const floors = Object.values(R.ingest).filter((r) => r.parseThreads);
  if (floors.length) {
    L.push('', `**What worker threads can give on this machine.** The same parse-only baseline with its files shared out over ${floors[0].parseThreads.threads} worker threads (\`node bench/parse-only.mjs --threads ${floors[0].parseThreads.threads}\`, balanced by size), ÷ the one-thread parse-only. No ingest can be faster than this ratio, so when it is above 0.75 the "with workers" target cannot be met here by any pipeline that parses every file.`, '');
    L.push('| corpus | runs | parse-only in threads min / median | ÷ parse-only in one thread (median) |', '| --- | ---: | --- | ---: |');
    for (const r of floors) L.push(`| ${r.name} | ${r.parseThreads.n} | ${fmtMs(r.parseThreads.min)} / ${fmtMs(r.parseThreads.median)} | ${fmtRatio(r.parseThreads.ratioMedian)} |`);
  }
  L.push('');

  L.push('## (2) Re-ingest with nothing changed ÷ `awsquiz --version`', '');
  L.push('| corpus | runs | re-ingest min / median | --version min / median | ratio median (min) | target | status |', '| --- | ---: | --- | --- | --- | --- | --- |');
  for (const [name, r] of Object.entries(R.reingest)) {
    L.push(`| ${name} | ${r.reingest.n} | ${fmtMs(r.reingest.min)} / ${fmtMs(r.reingest.median)} | ${fmtMs(r.version.min)} / ${fmtMs(r.version.median)} | ${fmtRatio(r.ratioMedian)} (${fmtRatio(r.ratioMin)}) | ≤ 3 | ${status(r.ratioMedian, 3)} |`);
  }
  if (R.incremental) {
    const i = R.incremental;
    const v = R.reingest[i.corpus]?.version.median;
    L.push('', `Incremental: after appending a section to one file of the ${i.corpus} corpus (\`${i.file}\`), \`ingest\` reported "${i.report}" in ${fmtMs(i.ms)}${v ? ` (${fmtRatio(i.ms / v)}× --version)` : ''}: ${i.ingested === 1 ? '**only that file was re-ingested**' : '**not only that file was re-ingested**'}.`);
  }
  L.push('');

  L.push('## (3) Startup ÷ `node -e 0`', '');
  if (R.startup) {
    const s = R.startup;
    L.push(`The stats database: the ${s.base} corpus ingested, plus ${s.counts.answers} answers, ${s.counts.reviewLogs} review logs and ${s.counts.cards} cards written by \`bench/setup-history.mjs\` (one transaction); ${s.counts.active} active questions, ${s.counts.sessions} sessions.`, '');
    L.push('| command | runs | min / median | `node -e 0` min / median | ratio median (min) | target | status |', '| --- | ---: | --- | --- | --- | --- | --- |');
    const row = (label, x, target) => L.push(`| ${label} | ${x.n} | ${fmtMs(x.min)} / ${fmtMs(x.median)} | ${fmtMs(s.bare.min)} / ${fmtMs(s.bare.median)} | ${fmtRatio(x.median / s.bare.median)} (${fmtRatio(x.min / s.bare.min)}) | ≤ ${target} | ${status(x.median / s.bare.median, target)} |`);
    row('`awsquiz --version`', s.version, 1.6);
    row('`awsquiz stats --json`', s.stats, 3);
  } else L.push('Not measured.');
  L.push('');

  L.push('## (4) Next study question and exam assembly, in process', '');
  if (R.inproc) {
    const p = R.inproc;
    const c = p.counts;
    L.push(
      `Database: the ${p.base} corpus ingested, then brought to exactly ${c.active} active questions (${c.questions} rows in all: extra ingested questions retired, or existing rows cloned when short) and given ${c.answers} answers, ${c.reviewLogs} review logs, ${c.cards} cards (${c.due} due) and ${c.sessions} sessions by \`bench/setup-history.mjs\`. Questions are real ingest output from the synthetic notes, not rows invented by the benchmark.`,
      '',
      `Timed in one process (\`bench/inproc.mjs\`, importing \`dist/\`): one cold call, then ${p.runs} warm calls. **Next study question** = what \`awsquiz study\` does before the first question: \`resolveSelection\` (default exam, is the question index current?) + \`planStudy\` (indexed reads of the longest-overdue cards, the weakest topics' cards and sampled new questions, then \`buildQueue({ limit: 20 })\`) + loading the planned questions and their cards. **Exam assembly** = what \`awsquiz exam\` does before the first question: \`resolveSelection\` + \`drawExamCandidates\` + \`planExam\` (the default exam's blueprint, 65 questions) + loading the 65 and drawing their options (\`examItems\`). The cold call is the first in the process and includes building the question index when it is stale (after setup-history changed the questions). Targets apply to the whole step (the user waits for all of it).`,
      '',
    );
    L.push('| operation | cold | p50 | p95 | min | max | target (p95) | status |', '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
    const row = (label, x, target) => L.push(`| ${label} | ${x.cold.total.toFixed(1)} ms | ${x.summary.p50.toFixed(1)} ms | ${x.summary.p95.toFixed(1)} ms | ${x.summary.min.toFixed(1)} ms | ${x.summary.max.toFixed(1)} ms | ≤ ${target} ms | ${status(x.summary.p95, target)} |`);
    row('next study question', p.nextQuestion, 5);
    row('exam assembly (65 questions)', p.exam, 50);
    L.push('', 'Where the time goes (warm p50 / p95, ms):', '');
    L.push('| operation | part | p50 | p95 |', '| --- | --- | ---: | ---: |');
    for (const [label, x] of [['next study question', p.nextQuestion], ['exam assembly', p.exam]]) {
      for (const [part, v] of Object.entries(x.partsSummary)) L.push(`| ${label} | \`${part}\` | ${v.p50.toFixed(1)} | ${v.p95.toFixed(1)} |`);
    }
    if (p.errors?.length) L.push('', `Problems: ${p.errors.join('; ')}`);
    L.push('', '### EXPLAIN QUERY PLAN of the statements these steps run', '');
    L.push('Captured from the code itself (every statement it prepared, explained with the arguments of its first call). A `SCAN` of a table without an index reads every row.', '');
    for (const q of p.plans) {
      L.push(`**${q.phase}** (${q.calls} call${q.calls === 1 ? '' : 's'} per step)${q.fullScans?.length ? ` — full scan: ${q.fullScans.map((s) => `\`${s}\``).join(', ')}` : ' — uses indexes only'}`, '');
      L.push('```sql', q.sql, '```', '```', ...(q.plan ?? [`error: ${q.error}`]), '```', '');
    }
  } else L.push('Not measured.', '');

  L.push('## (5) Peak RSS while ingesting the 100 MB corpus', '');
  if (R.rss100) {
    const x = R.rss100.kb;
    L.push('| corpus | runs | peak RSS min / median | target | status |', '| --- | ---: | --- | --- | --- |');
    L.push(`| 100MB | ${x.n} | ${(x.min / 1024).toFixed(0)} MB / ${(x.median / 1024).toFixed(0)} MB | ≤ 400 MB | ${status(x.median / 1024, 400)} |`);
  } else L.push('Not measured (see the notes).');
  const others = Object.values(R.ingest).filter((r) => r.name !== '100MB' && r.rssKb?.n);
  if (others.length) L.push('', `Peak RSS of the other ingests (median): ${others.map((r) => `${r.name} ${(r.rssKb.median / 1024).toFixed(0)} MB`).join(' · ')}.`);
  L.push('');

  L.push('## Summary', '');
  L.push('| # | figure | value | target | status |', '| --- | --- | --- | --- | --- |');
  for (const r of Object.values(R.ingest)) {
    if (r.single?.n) L.push(`| 1 | ingest in one thread (--threads 0) ÷ parse-only, ${r.name} | ${fmtRatio(r.single.ratioMedian)} | ≤ 1.3 | ${status(r.single.ratioMedian, 1.3)} |`);
    L.push(`| 1 | ingest ÷ parse-only, ${r.name}${r.extrapolated ? ' (baseline extrapolated)' : ''} | ${fmtRatio(r.ratioMedian)} | ≤ 1.3 single-threaded · ≤ 0.75 with workers | ${status(r.ratioMedian, 1.3)} · ${status(r.ratioMedian, 0.75)} |`);
  }
  for (const [name, r] of Object.entries(R.reingest)) L.push(`| 2 | re-ingest unchanged ÷ --version, ${name} | ${fmtRatio(r.ratioMedian)} | ≤ 3 | ${status(r.ratioMedian, 3)} |`);
  if (R.startup) {
    const s = R.startup;
    L.push(`| 3 | --version ÷ node -e 0 | ${fmtRatio(s.version.median / s.bare.median)} | ≤ 1.6 | ${status(s.version.median / s.bare.median, 1.6)} |`);
    L.push(`| 3 | stats --json ÷ node -e 0 | ${fmtRatio(s.stats.median / s.bare.median)} | ≤ 3 | ${status(s.stats.median / s.bare.median, 3)} |`);
  }
  if (R.inproc) {
    L.push(`| 4 | next study question, p95 | ${R.inproc.nextQuestion.summary.p95.toFixed(1)} ms | ≤ 5 ms | ${status(R.inproc.nextQuestion.summary.p95, 5)} |`);
    L.push(`| 4 | exam assembly, p95 | ${R.inproc.exam.summary.p95.toFixed(1)} ms | ≤ 50 ms | ${status(R.inproc.exam.summary.p95, 50)} |`);
  }
  if (R.rss100) L.push(`| 5 | peak RSS, 100 MB ingest | ${(R.rss100.kb.median / 1024).toFixed(0)} MB | ≤ 400 MB | ${status(R.rss100.kb.median / 1024, 400)} |`);
  if (R.incremental) L.push(`| — | one edited file of ${R.incremental.corpus} re-ingests only that file | ${R.incremental.ingested} ingested | 1 | ${R.incremental.ingested === 1 ? '**met**' : '**not met**'} |`);
  L.push('');
  if (R.notes.length) L.push('## Notes', '', ...R.notes.map((n) => `- ${n}`), '');
  return `${L.join('\n')}\n`;
}

main().catch((e) => {
  R.notes.push(`The run failed: ${e.message}`);
  try {
    save();
  } catch {
    /* keep the original error */
  }
  log(`failed: ${e.stack ?? e.message}`);
  process.exitCode = 1;
});
