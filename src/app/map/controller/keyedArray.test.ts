import { describe, expect, it } from 'vitest';
import { asCount, KeyedArray } from './keyedArray';

describe('KeyedArray', () => {
  it('reads like a Map of the keys that have a value, and follows writes to its codes', () => {
    const counts = new KeyedArray(['kabul', 'islamabad', 'kazan'], asCount);
    expect(counts.get('kabul')).toBeUndefined();
    expect(counts.has('kabul')).toBe(false);
    counts.codes[0] = 3;
    counts.codes[2] = 1;
    expect(counts.get('kabul')).toBe(3);
    expect(counts.has('islamabad')).toBe(false);
    expect(counts.get('nowhere')).toBeUndefined();
    expect(new Map(counts)).toEqual(new Map([['kabul', 3], ['kazan', 1]]));
    expect([...counts.present()]).toEqual(['kabul', 'kazan']);
    counts.setCode('islamabad', counts.codeOf('islamabad') + 2);
    counts.setCode('nowhere', 5); // not a key: ignored
    expect(new Map(counts)).toEqual(new Map([['kabul', 3], ['islamabad', 2], ['kazan', 1]]));
    counts.codes.fill(0);
    expect([...counts]).toEqual([]);
  });

  it('decodes codes into values', () => {
    const rings = new KeyedArray(['a', 'b'], (code) => (code === 1 ? 'held' : 'unheld'));
    rings.codes.set([2, 1]);
    expect(rings.get('a')).toBe('unheld');
    expect(rings.get('b')).toBe('held');
  });
});
