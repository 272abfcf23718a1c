import { describe, expect, it } from 'vitest';
import { createRandom, pickFromTable } from './random';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number | string) => Array.from({ length: 5 }, createRandom(seed).next);
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    const seqB = Array.from({ length: 5 }, () => b.next());
    expect(seqA).toEqual(seqB);
    expect(draw('x')).not.toEqual(draw('y'));
  });

  it('stays in range and covers it', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = random.int(2, 15);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(15);
      seen.add(n);
    }
    expect(seen.size).toBe(14);
  });

  it('samples distinct elements and honours weights', () => {
    const random = createRandom(3);
    const picked = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(picked).size).toBe(3);
    expect(random.sample(['a', 'b'], 5)).toHaveLength(2);
    let heavy = 0;
    for (let i = 0; i < 1000; i++) if (pickFromTable(random, [['heavy', 9], ['light', 1]] as const) === 'heavy') heavy++;
    expect(heavy).toBeGreaterThan(850);
    expect(heavy).toBeLessThan(950);
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRandom(1).pick([])).toThrow(/empty/);
  });
});
