import { describe, expect, it } from 'vitest';
import { clampWindow, windowShowing } from './dayRange';
import { dayFromIso } from './days';

const d = (iso: string) => dayFromIso(iso)!;
const domain = { from: d('2014-01-01'), to: d('2025-12-31') };

describe('clampWindow', () => {
  it('clamps and orders a window', () => {
    expect(clampWindow({ from: d('2026-01-05'), to: d('2013-01-01') }, domain)).toEqual(domain);
    expect(clampWindow({ from: d('2020-01-01') + 0.4, to: d('2020-02-01') + 0.6 }, domain)).toEqual({ from: d('2020-01-01'), to: d('2020-02-02') });
  });
});

describe('windowShowing', () => {
  const w = { from: d('2024-01-01'), to: d('2024-03-31') };
  it('keeps a window that already shows the meeting', () => {
    expect(windowShowing(w, { from: d('2024-03-01'), to: d('2024-04-30') }, domain)).toBe(w);
  });
  it('centres the same width on a meeting outside it', () => {
    const target = { from: d('2014-06-26'), to: d('2014-06-26') };
    const next = windowShowing(w, target, domain);
    expect(next.to - next.from).toBe(w.to - w.from);
    expect(next.from).toBeLessThanOrEqual(target.from);
    expect(next.to).toBeGreaterThanOrEqual(target.to);
  });
  it('widens for a meeting longer than the window', () => {
    const target = { from: d('2018-01-01'), to: d('2018-12-31') };
    const next = windowShowing({ from: d('2024-01-01'), to: d('2024-01-10') }, target, domain);
    expect(next.from).toBeLessThanOrEqual(target.from);
    expect(next.to).toBeGreaterThanOrEqual(target.to);
  });
});
