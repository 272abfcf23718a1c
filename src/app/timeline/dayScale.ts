/**
 * The slider's time scale: day numbers to pixels and back, with calendar ticks, in the
 * shape d3-axis draws from. d3-scale's scaleUtc does this and much more, and brings
 * d3-interpolate, d3-color and d3-format with it (about 7 KB gzip, a quarter of the
 * slider's code; issue 6's bundle budget). A window is a straight line between two
 * numbers, and the hard parts stay in d3: d3-time's utcTicks picks the same ticks
 * scaleUtc picks, and the labels follow scaleUtc's own multi-scale format (calendarNames.ts).
 */
import { utcDay, utcHour, utcMonth, utcTicks, utcWeek, utcYear } from 'd3-time';
import { hourLabel, minuteLabel, monthDayLabel, monthName, weekdayLabel, yearLabel } from '../time/calendarNames';

const MS_PER_DAY = 86_400_000;

/** Day numbers (days since 1970-01-01 UTC, fractional within a day) ↔ pixels, linear. */
export interface DayScale {
  /** The pixel of a Date: d3-axis places its ticks through this. */
  (date: Date): number;
  /** The pixel of a day number. */
  x(day: number): number;
  /** The day number (fractional) under a pixel. */
  day(x: number): number;
  domain(): [Date, Date];
  range(): [number, number];
  copy(): DayScale;
  /** About `count` calendar ticks (years, months, weeks, days, hours) inside the domain. */
  ticks(count?: number): Date[];
  tickFormat(): (date: Date) => string;
}

/**
 * A tick's label names the coarsest unit it starts: "2025" on a year, "March" on a month,
 * "Mar 09" on a week, "Mon 03" on another day (scaleUtc's default tick format).
 */
export function calendarTickLabel(date: Date): string {
  if (utcHour(date) < date) return minuteLabel(date);
  if (utcDay(date) < date) return hourLabel(date);
  if (utcMonth(date) < date) return utcWeek(date) < date ? weekdayLabel(date) : monthDayLabel(date);
  if (utcYear(date) < date) return monthName(date);
  return yearLabel(date);
}

/**
 * A scale from the days [startDay, endDay] (endDay exclusive as a calendar day: the end
 * of the domain's last day) onto the pixels [x0, x1].
 */
export function dayScale(startDay: number, endDay: number, [x0, x1]: readonly [number, number]): DayScale {
  const span = endDay - startDay;
  // An empty domain maps every day to the middle, as d3's linear scales do.
  const x = (day: number) => (span === 0 ? (x0 + x1) / 2 : x0 + ((day - startDay) / span) * (x1 - x0));
  const day = (px: number) => (x1 === x0 ? startDay : startDay + ((px - x0) / (x1 - x0)) * span);
  const scale = ((date: Date) => x(date.getTime() / MS_PER_DAY)) as DayScale;
  scale.x = x;
  scale.day = day;
  scale.domain = () => [new Date(startDay * MS_PER_DAY), new Date(endDay * MS_PER_DAY)];
  scale.range = () => [x0, x1];
  scale.copy = () => dayScale(startDay, endDay, [x0, x1]);
  scale.ticks = (count = 10) => utcTicks(new Date(startDay * MS_PER_DAY), new Date(endDay * MS_PER_DAY), count);
  scale.tickFormat = () => calendarTickLabel;
  return scale;
}
