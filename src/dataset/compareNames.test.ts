import { describe, expect, it } from 'vitest';
import { compareNames } from './compareNames';

describe('compareNames', () => {
  it('sorts names alphabetically, ignoring case and accents', () => {
    const names = ['Türkiye', 'pakistan', 'Afghanistan', "Côte d'Ivoire", 'China', 'Tajikistan', 'Åland'];
    expect([...names].sort(compareNames)).toEqual(['Afghanistan', 'Åland', 'China', "Côte d'Ivoire", 'pakistan', 'Tajikistan', 'Türkiye']);
  });
  it('is a total order: folded ties fall back to the exact text', () => {
    expect(compareNames('Kabul', 'kabul')).not.toBe(0);
    expect(Math.sign(compareNames('Kabul', 'kabul'))).toBe(-Math.sign(compareNames('kabul', 'Kabul')));
    expect(compareNames('Kabul', 'Kabul')).toBe(0);
  });
});
