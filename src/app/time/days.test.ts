import { describe, expect, it } from 'vitest';
import { dayFromIso, formatDay, isoFromDay } from './days';

describe('day numbers', () => {
  it('round-trips real days', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2025-07-20', '1991-12-31']) {
      const day = dayFromIso(iso);
      expect(day).not.toBeNull();
      expect(isoFromDay(day!)).toBe(iso);
    }
    expect(dayFromIso('1970-01-02')).toBe(1);
  });
  it('rejects days that are not in the calendar', () => {
    expect(dayFromIso('2025-02-30')).toBeNull();
    expect(dayFromIso('2023-02-29')).toBeNull();
    expect(dayFromIso('2025-13-01')).toBeNull();
    expect(dayFromIso('2025-7-1')).toBeNull();
    expect(dayFromIso('')).toBeNull();
  });
  it('speaks a day as a reader writes it', () => {
    expect(formatDay(dayFromIso('2025-07-20')!)).toBe('20 July 2025');
    expect(formatDay(dayFromIso('2014-06-06')!)).toBe('6 June 2014');
  });
});
