import { describe, expect, it } from 'vitest';
import { formatMeetingDate } from './meetingDate';

describe('formatMeetingDate', () => {
  it('says a day as a day', () => {
    expect(formatMeetingDate({ start: '2025-07-20', end: '2025-07-20', precision: 'day' })).toBe('20 July 2025');
  });
  it('says a span of days as a span', () => {
    expect(formatMeetingDate({ start: '2025-07-17', end: '2025-07-20', precision: 'day' })).toBe('17 July 2025 – 20 July 2025');
  });
  it('says a month as a month', () => {
    expect(formatMeetingDate({ start: '2025-07-01', end: '2025-07-31', precision: 'month' })).toBe('July 2025');
  });
  it('says a week as the week of its first day', () => {
    expect(formatMeetingDate({ start: '2025-07-14', end: '2025-07-20', precision: 'week' })).toBe('week of 14 July 2025');
  });
  it('says a year as a year', () => {
    expect(formatMeetingDate({ start: '2024-01-01', end: '2024-12-31', precision: 'year' })).toBe('2024');
  });
  it('admits an unknown date', () => {
    expect(formatMeetingDate({ start: null, end: null, precision: 'unknown' })).toBe('Date unknown');
  });
});
