/**
 * Calendar arithmetic on ISO days (YYYY-MM-DD), done in UTC so that no time zone
 * or daylight-saving shift can move a day.
 */
import type { IsoDayString } from '../../dataset/schema';

/** The ISO day for a year, month (1-12) and day, or null when the calendar has no such day (February 30). */
export function isoDay(year: number, month: number, day: number): IsoDayString | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDay(day: IsoDayString): YearMonthDay {
  const [y, m, d] = day.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(day: IsoDayString, n: number): IsoDayString {
  const { year, month, day: d } = parseIsoDay(day);
  return new Date(Date.UTC(year, month - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
export function weekdayOf(day: IsoDayString): number {
  const { year, month, day: d } = parseIsoDay(day);
  return new Date(Date.UTC(year, month - 1, d)).getUTCDay();
}

/** The Monday of the (ISO, Monday-first) week holding `day`. */
export function mondayOf(day: IsoDayString): IsoDayString {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

export function firstOfMonth(year: number, month: number): IsoDayString {
  return isoDay(year, month, 1)!;
}

export function lastOfMonth(year: number, month: number): IsoDayString {
  return isoDay(year, month, daysInMonth(year, month))!;
}

/** Adds `n` months to a year and month, returning the new year and month. */
export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Whether `s` is a YYYY-MM-DD string naming a real calendar day. */
export function isIsoDay(s: string): s is IsoDayString {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isoDay(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
