/** Seeded randomness, so an exam built from `--seed S` is the same exam every time. */

/** A repeatable random source in [0, 1): mulberry32 seeded with a hash of the seed's text (42 and "42" agree). */
export function seededRandom(seed: string | number): () => number {
  let state = hashSeed(String(seed));
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy of `items` (Fisher–Yates); the input is left as it was. */
export function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    // min() guards against a source that returns exactly 1.
    const j = Math.min(i, Math.floor(rng() * (i + 1)));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// xmur3's mixing: FNV alone leaves nearby seeds ("1", "2") with nearby states, and mulberry32's first outputs show it.
function hashSeed(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** `k` distinct whole numbers from 0 to n − 1 in random order (all of them, shuffled, when k ≥ n). */
export function sampleDistinct(n: number, k: number, rng: () => number): number[] {
  const want = Math.max(0, Math.min(Math.floor(k), Math.floor(n)));
  // Most of the range: a shuffle is cheaper than rejecting repeats.
  if (want * 2 >= n) return shuffle(Array.from({ length: Math.max(0, Math.floor(n)) }, (_, i) => i), rng).slice(0, want);
  const picked = new Set<number>();
  while (picked.size < want) picked.add(Math.min(n - 1, Math.floor(rng() * n)));
  return [...picked];
}
