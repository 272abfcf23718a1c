/**
 * A meeting's date said no more precisely than the article said it: a month-precision
 * date is "July 2025", never "1 July 2025", so the reader sees the uncertainty.
 */
import type { MeetingDate } from '../../dataset/schema';
import { dayFromIso, formatDay, formatMonth } from '../time/days';

export function formatMeetingDate(date: MeetingDate): string {
  const start = date.start === null ? null : dayFromIso(date.start);
  const end = date.end === null ? null : dayFromIso(date.end);
  if (start === null) return 'Date unknown';
  switch (date.precision) {
    case 'day':
      if (end === null || end === start) return formatDay(start);
      return `${formatDay(start)} – ${formatDay(end)}`;
    case 'week':
      return `week of ${formatDay(start)}`;
    case 'month':
      if (end !== null && formatMonth(end) !== formatMonth(start)) return `${formatMonth(start)} – ${formatMonth(end)}`;
      return formatMonth(start);
    case 'year':
      return date.start!.slice(0, 4);
    case 'unknown':
      return end !== null && end !== start ? `between ${formatDay(start)} and ${formatDay(end)}` : formatDay(start);
  }
}
