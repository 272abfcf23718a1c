/**
 * Reads a full calendar date (day, month and year) from a short line of page text such as a
 * byline ("Tahir Khan June 26, 2014"), a date line ("Sun Jul 20 2025", "14/04/2023") or a
 * footer ("Published in Dawn, January 16th, 2024"). Used to find publication dates and to
 * tell date lines from body text; never used on sentences about events.
 */
import * as chrono from 'chrono-node';
import type { IsoDayString } from '../../dataset/schema';
import { isoDay } from '../dates/calendar';

export interface LineDate {
  date: IsoDayString;
  /** Offset of the date's words in the line, and their length. */
  index: number;
  length: number;
}

/** Created once: building a chrono parser per call would cost more than the parse. */
const strictParser = chrono.en.strict.clone();

/**
 * Numeric dates. Which number is the day is decided by value where it can be
 * (a first number over 12 is a day: "14/04/2023"; a second over 12 is a day: "07/25/23"),
 * otherwise by convention of the separator and the year's width:
 * - dots ("31.01.2019") are day.month.year (the European and Russian-language convention);
 * - slashes with a two-digit year ("07/25/23", "9:18 AM ET") are month/day/year, the US wire style;
 * - slashes with a four-digit year ("14/04/2023") are day/month/year, used by most non-US outlets.
 * Two-digit years are 2000-2099: the articles are about events after 2000.
 */
const NUMERIC_DATE = /(?<![\d./])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)/;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;

export function readNumericDate(text: string): LineDate | null {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const date = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return { date, index: iso.index, length: iso[0].length };
  }
  const m = NUMERIC_DATE.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const sep = m[2];
  const yearText = m[4]!;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  let day: number;
  let month: number;
  if (a > 12) [day, month] = [a, b];
  else if (b > 12) [month, day] = [a, b];
  else if (sep === '/' && yearText.length === 2) [month, day] = [a, b];
  else [day, month] = [a, b];
  const date = isoDay(year, month, day);
  return date ? { date, index: m.index, length: m[0].length } : null;
}

const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

/** A full date named with words ("June 26, 2014", "Tuesday 14 May 2024 - 15:07"), by chrono. */
export function readWordDate(text: string): LineDate | null {
  if (!MONTH_WORD.test(text)) return null;
  // The reference only matters for incomplete dates, which are rejected below.
  for (const r of strictParser.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const c = r.start;
    if (!c.isCertain('day') || !c.isCertain('month') || !c.isCertain('year')) continue;
    const date = isoDay(c.get('year')!, c.get('month')!, c.get('day')!);
    if (date) return { date, index: r.index, length: r.text.length };
  }
  return null;
}

/** Words allowed beside a date in a date line: labels, times, time zones, weekdays. */
const DATE_LINE_WORDS =
  /\b(?:publish(?:ed)?|publication|date|dated|updated?|last|posted|on|at|by|in|time|am|pm|a\.m|p\.m|et|est|edt|gmt|utc|pkt|ist|afT|irst|msk|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b/gi;

/**
 * The date of a line that is essentially a date: the date plus at most a short name or
 * label ("Tahir Khan", "Published in Dawn,", "by AP -"). Null for sentences that merely contain a
 * date ("On May 27, 2022, a fourth round ... was held in Dushanbe").
 */
export function readDateLine(line: string): LineDate | null {
  const text = line.trim();
  // A full date has a year, so a line without two digits in a row has none; this skips chrono for most lines.
  if (text.length === 0 || text.length > 100 || !/\d\d/.test(text)) return null;
  const found = readNumericDate(text) ?? readWordDate(text);
  if (!found) return null;
  const rest = `${text.slice(0, found.index)} ${text.slice(found.index + found.length)}`
    .replace(/\d{1,2}:\d{2}(?::\d{2})?/g, ' ')
    .replace(DATE_LINE_WORDS, ' ');
  const words = rest.match(/[\p{L}][\p{L}'’.-]*/gu) ?? [];
  if (words.length > 5) return null;
  const offset = line.indexOf(text);
  return { date: found.date, index: offset + found.index, length: found.length };
}
