/**
 * English calendar words for the slider's labels and the dates the app prints ("20 July
 * 2025", "Mar 09", "Mon 03"), in UTC. The names come from the platform's Intl (read once);
 * d3-time-format printed the same and weighed about 5 KB gzip in the page (issue 6's
 * bundle budget); calendarNames.test.ts checks every form against it.
 */

/** Names from Intl for January..December (or Sunday..Saturday), in UTC, en-US as d3's default locale. */
function names(count: number, dateOf: (i: number) => number, options: Intl.DateTimeFormatOptions): string[] {
  const format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => format.format(new Date(dateOf(i))));
}
// The 15th of each month of 2001; 1970-01-04 was a Sunday.
const monthDay = (i: number) => Date.UTC(2001, i, 15);
const MONTHS = names(12, monthDay, { month: 'long' });
const SHORT_MONTHS = names(12, monthDay, { month: 'short' });
const SHORT_WEEKDAYS = names(7, (i) => Date.UTC(1970, 0, 4 + i), { weekday: 'short' });

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const year = (date: Date): string => String(date.getUTCFullYear()).padStart(4, '0');
const hour12 = (date: Date): string => pad2(date.getUTCHours() % 12 || 12);

/** "July" (d3's `%B`). */
export const monthName = (date: Date): string => MONTHS[date.getUTCMonth()]!;
/** "2025" (`%Y`). */
export const yearLabel = year;
/** "Mar 09" (`%b %d`). */
export const monthDayLabel = (date: Date): string => `${SHORT_MONTHS[date.getUTCMonth()]} ${pad2(date.getUTCDate())}`;
/** "Mon 03" (`%a %d`). */
export const weekdayLabel = (date: Date): string => `${SHORT_WEEKDAYS[date.getUTCDay()]} ${pad2(date.getUTCDate())}`;
/** "03 PM" (`%I %p`). */
export const hourLabel = (date: Date): string => `${hour12(date)} ${date.getUTCHours() < 12 ? 'AM' : 'PM'}`;
/** "03:30" (`%I:%M`). */
export const minuteLabel = (date: Date): string => `${hour12(date)}:${pad2(date.getUTCMinutes())}`;
/** "20 July 2025" (`%-d %B %Y`). */
export const longDate = (date: Date): string => `${date.getUTCDate()} ${monthName(date)} ${year(date)}`;
/** "July 2025" (`%B %Y`). */
export const monthYear = (date: Date): string => `${monthName(date)} ${year(date)}`;
