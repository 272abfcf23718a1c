/**
 * A small seeded random source for the synthetic generators. Math.random cannot be
 * seeded, and "same arguments → byte-identical file" is what makes a benchmark's input
 * reproducible, so every random choice in src/synth goes through one of these.
 */

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128-bit state, passes PractRand. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Spreads a seed (any integer or string) over 128 bits with splitmix32 so nearby seeds diverge. */
function seedState(seed: number | string): [number, number, number, number] {
  let h = 0x9e3779b9;
  const text = String(seed);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b);
  const next = () => {
    h = (h + 0x9e3779b9) | 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  return [next(), next(), next(), next()];
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty list (a generator bug, not bad input). */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** k distinct elements (k clamped to the list's length), in the order drawn. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function createRandom(seed: number | string): Random {
  const [a, b, c, d] = seedState(seed);
  const next = sfc32(a, b, c, d);
  // Discard the first outputs: sfc32's state needs a few rounds to mix.
  for (let i = 0; i < 12; i++) next();

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(items, weight) {
      let total = 0;
      for (const item of items) total += weight(item);
      let r = next() * total;
      for (const item of items) {
        r -= weight(item);
        if (r < 0) return item;
      }
      return random.pick(items);
    },
    sample(items, k) {
      const pool = items.slice();
      const n = Math.min(k, pool.length);
      // Partial Fisher–Yates: only the first n positions are shuffled.
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (pool.length - i));
        const tmp = pool[i] as (typeof pool)[number];
        pool[i] = pool[j] as (typeof pool)[number];
        pool[j] = tmp;
      }
      return pool.slice(0, n);
    },
  };
  return random;
}

/** A weighted table read as data: [[value, weight], ...]. */
export function pickFromTable<T>(random: Random, table: ReadonlyArray<readonly [T, number]>): T {
  return random.weighted(table, (row) => row[1])[0];
}
