// Shared helpers for the benchmark scripts: paths, a seeded PRNG, statistics, child-process timing.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(benchDir, '..');
export const corpusRoot = join(benchDir, 'corpus');
export const tmpRoot = join(benchDir, 'tmp');
export const cli = join(repoRoot, 'bin', 'awsquiz.js');

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string (FNV-1a), to derive seeds from names. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Random helpers bound to one generator. */
export function randomTools(rng) {
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(rng() * arr.length)];
  const chance = (p) => rng() < p;
  const sample = (arr, n) => {
    // A partial Fisher–Yates shuffle: n picks without repeats, in O(n).
    const copy = arr.slice();
    const k = Math.min(n, copy.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  };
  const weighted = (entries) => {
    const total = entries.reduce((a, [, w]) => a + w, 0);
    let r = rng() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  };
  return { rng, int, pick, chance, sample, weighted };
}

export const log = (msg) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

export function min(xs) {
  return xs.length ? Math.min(...xs) : NaN;
}

export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

/** Every note file under the given paths, as awsquiz walks them: folders recursively (*.md, *.markdown), files as given. */
export function noteFiles(paths) {
  const out = [];
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && ['.md', '.markdown'].includes(extname(e.name).toLowerCase())) out.push(full);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

export function bytesOf(files) {
  return files.reduce((a, f) => a + statSync(f).size, 0);
}

/**
 * Runs a command in a fresh child process and measures its wall time (spawn to exit), in ms.
 * With `rss: 'time'` it runs under /usr/bin/time -v and also returns peak RSS (kB), user and system CPU seconds;
 * with `rss: 'poll'` it polls /proc/<pid>/status for VmHWM instead.
 */
export function timeCommand(cmd, args, { cwd = repoRoot, env = process.env, rss = null, stdout = 'ignore', input } = {}) {
  return new Promise((resolvePromise, reject) => {
    let file = cmd;
    let argv = args;
    if (rss === 'time') {
      file = '/usr/bin/time';
      argv = ['-v', cmd, ...args];
    }
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', stdout, 'pipe'] });
    if (input !== undefined) child.stdin.end(input);
    let err = '';
    let out = '';
    child.stderr.on('data', (d) => {
      err += d;
      if (err.length > 1e6) err = err.slice(-5e5);
    });
    if (stdout === 'pipe') child.stdout.on('data', (d) => (out += d));
    let hwm = 0;
    let timer = null;
    if (rss === 'poll') {
      const poll = () => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const m = /VmHWM:\s+(\d+) kB/.exec(status);
          if (m) hwm = Math.max(hwm, Number(m[1]));
        } catch {
          /* the process is gone */
        }
      };
      timer = setInterval(poll, 50);
    }
    child.on('error', reject);
    let ms = NaN;
    child.on('exit', () => {
      ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (timer) clearInterval(timer);
    });
    // 'close' comes after 'exit' once every pipe is drained: the time is taken at exit, the output at close.
    child.on('close', (code, signal) => {
      if (Number.isNaN(ms)) ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (timer) clearInterval(timer);
      const result = { ms, code, signal, stderr: err, stdout: out };
      if (rss === 'time') {
        const grab = (re) => {
          const m = re.exec(err);
          return m ? Number(m[1]) : NaN;
        };
        result.maxRssKb = grab(/Maximum resident set size \(kbytes\): (\d+)/);
        result.userS = grab(/User time \(seconds\): ([\d.]+)/);
        result.sysS = grab(/System time \(seconds\): ([\d.]+)/);
        // /usr/bin/time appends its report to stderr; keep only the command's own output.
        result.stderr = err.replace(/\n?\tCommand being timed:[\s\S]*$/, '').replace(/Command exited with non-zero status \d+\n?/, '');
      } else if (rss === 'poll') result.maxRssKb = hwm;
      resolvePromise(result);
    });
  });
}
