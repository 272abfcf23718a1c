import { utcFormat } from 'd3-time-format';
import { describe, expect, it } from 'vitest';
import { hourLabel, longDate, minuteLabel, monthDayLabel, monthName, monthYear, weekdayLabel, yearLabel } from './calendarNames';

// Every form against d3-time-format's own, which the app printed with before (a dev dependency now).
const forms: Array<[string, (d: Date) => string]> = [
  ['%B', monthName],
  ['%Y', yearLabel],
  ['%b %d', monthDayLabel],
  ['%a %d', weekdayLabel],
  ['%I %p', hourLabel],
  ['%I:%M', minuteLabel],
  ['%-d %B %Y', longDate],
  ['%B %Y', monthYear],
];

describe('calendar names', () => {
  it('prints what d3-time-format prints, over every month, weekday and hour', () => {
    // 400 days at 7-hour steps from 1994: every month, weekday and many hours and minutes.
    const start = Date.UTC(1994, 0, 1, 0, 0);
    for (let i = 0; i < 1400; i++) {
      const date = new Date(start + i * 7 * 3_600_000 + (i % 60) * 60_000);
      for (const [pattern, ours] of forms) expect(ours(date), `${pattern} of ${date.toISOString()}`).toBe(utcFormat(pattern)(date));
    }
  });

  it('speaks days as the panels print them', () => {
    expect(longDate(new Date(Date.UTC(2025, 6, 20)))).toBe('20 July 2025');
    expect(monthDayLabel(new Date(Date.UTC(2024, 2, 9)))).toBe('Mar 09');
    expect(weekdayLabel(new Date(Date.UTC(2025, 2, 3)))).toBe('Mon 03');
  });
});
