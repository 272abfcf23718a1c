import { describe, expect, it } from 'vitest';
import { findImpossibleDates } from './impossible';

describe('dates no calendar has', () => {
  it('finds "February 30", "April 31", "31.02.2023" and "2023-13-45" with their offsets', () => {
    const text = 'They met on February 30, 2024 and will meet on 31 April. Last met on 31.02.2023 and on 2023-13-45.';
    const found = findImpossibleDates(text);
    expect(found.map((d) => d.text)).toEqual(['February 30, 2024', '31 April', '31.02.2023', '2023-13-45']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
  it('leaves real days alone, "February 29" of a leap year and without a year too', () => {
    expect(findImpossibleDates('On February 29, 2024, on February 29, on 31 March 2025, on 14.04.2023, on 2025-07-20, in May 2025.')).toEqual([]);
  });
  it('"February 29" of a common year is impossible', () => {
    expect(findImpossibleDates('on February 29, 2023').map((d) => d.text)).toEqual(['February 29, 2023']);
  });
});
