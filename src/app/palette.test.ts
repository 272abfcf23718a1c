import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE, paletteStyle, withAlpha } from './palette';

describe('palette', () => {
  it('writes a colour with an opacity', () => {
    expect(withAlpha('#1d3557', 0.85)).toBe('rgba(29, 53, 87, 0.85)');
  });
  it('is the only place the map code spells a colour it shares', () => {
    // The stylesheet reads the shared colours as custom properties, never as copies.
    const css = fs.readFileSync(new URL('./map/map.css', import.meta.url), 'utf8').toLowerCase();
    for (const name of ['held', 'unheld', 'capital', 'venue'] as const) {
      const hex = PALETTE[name].toLowerCase();
      expect(css.includes(hex), `${name} ${hex} copied into map.css`).toBe(false);
      expect(css.includes(withAlpha(hex, 1).replace(', 1)', '')), `${name} as rgba() in map.css`).toBe(false);
    }
    for (const v of Object.keys(paletteStyle)) expect(css).toContain(`var(${v}`);
  });
});
