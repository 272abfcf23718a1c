import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDay, isoDay, lastOfMonth, mondayOf, weekdayOf } from './calendar';

describe('calendar', () => {
  it('refuses days the calendar lacks', () => {
    expect(isoDay(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDay(2023, 2, 29)).toBeNull();
    expect(isoDay(2024, 2, 30)).toBeNull();
    expect(isoDay(2024, 13, 1)).toBeNull();
    expect(isIsoDay('2024-02-30')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
  });
  it('counts days, weeks and months across year ends', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths(2024, 1, -1)).toEqual({ year: 2023, month: 12 });
    expect(addMonths(2023, 12, 1)).toEqual({ year: 2024, month: 1 });
    expect(lastOfMonth(2024, 2)).toBe('2024-02-29');
  });
  it('weeks start on Monday', () => {
    expect(weekdayOf('2025-07-20')).toBe(0); // a Sunday
    expect(mondayOf('2025-07-20')).toBe('2025-07-14');
    expect(mondayOf('2025-07-14')).toBe('2025-07-14');
  });
});
