import { describe, expect, it } from 'vitest';
import { embedMapHeight, fullViewUrl } from './embedMode';

describe('embed mode helpers', () => {
  it('picks a height from the width, within bounds', () => {
    expect(embedMapHeight(300)).toBe(260);
    expect(embedMapHeight(480)).toBe(320);
    expect(embedMapHeight(800)).toBe(448);
    expect(embedMapHeight(3000)).toBe(640);
    for (let w = 300; w <= 2000; w += 50) expect(embedMapHeight(w + 50)).toBeGreaterThanOrEqual(embedMapHeight(w) - 60);
  });

  it('links to the full view with the same state', () => {
    expect(fullViewUrl('http://h/atlas/?city=kabul&embed=1&animate=0&from=2024-01-01')).toBe('http://h/atlas/?city=kabul&from=2024-01-01');
  });
});
