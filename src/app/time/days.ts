/**
 * Calendar days as integers (days since 1970-01-01, UTC). The time window, the slider and
 * the selectors all work in day numbers: comparing integers is what keeps scrubbing cheap,
 * and UTC avoids a window edge moving by a day with the reader's time zone.
 */
import { longDate, monthYear } from './calendarNames';

/** Milliseconds in a UTC day: day numbers times this are Date timestamps. */
export const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a YYYY-MM-DD string, or null when it is not a real calendar day. */
export function dayFromIso(iso: string): number | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const date = new Date(ms);
  // Date.UTC rolls "February 30" over into March; a real day survives the round trip.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function isIsoDay(s: string): boolean {
  return dayFromIso(s) !== null;
}

/** YYYY-MM-DD of a day number. */
export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dateFromDay(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** Day number of a Date (its UTC calendar day). */
export function dayFromDate(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** "20 July 2025": how the slider's handles and the status line speak a day. */
export function formatDay(day: number): string {
  return longDate(dateFromDay(day));
}

export function formatMonth(day: number): string {
  return monthYear(dateFromDay(day));
}
