/**
 * Day arithmetic on whole UTC days ("epoch days": days since 1970-01-01), which is all
 * the generators need and avoids time zones entirely.
 */
const DAY_MS = 86_400_000;

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function dayOf(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: "${iso}"`);
  return Math.round(ms / DAY_MS);
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function parts(day: number): { year: number; month: number; date: number; weekday: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** The Monday on or before the day (ISO weeks start on Monday). */
export function mondayOf(day: number): number {
  return day - ((parts(day).weekday + 6) % 7);
}

export function monthBounds(day: number): [number, number] {
  const { year, month } = parts(day);
  return [Math.round(Date.UTC(year, month, 1) / DAY_MS), Math.round(Date.UTC(year, month + 1, 0) / DAY_MS)];
}

export function yearBounds(day: number): [number, number] {
  const { year } = parts(day);
  return [Math.round(Date.UTC(year, 0, 1) / DAY_MS), Math.round(Date.UTC(year, 11, 31) / DAY_MS)];
}

/** "12 March 2004". */
export function longDate(day: number): string {
  const { year, month, date } = parts(day);
  return `${date} ${MONTHS[month]} ${year}`;
}

/** "March 12" (news style, year implied by the publication date). */
export function monthDay(day: number): string {
  const { month, date } = parts(day);
  return `${MONTHS[month]} ${date}`;
}

/** "March 2004". */
export function monthYear(day: number): string {
  const { year, month } = parts(day);
  return `${MONTHS[month]} ${year}`;
}
