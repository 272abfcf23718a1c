/**
 * Dates written in the text that no calendar has ("February 30", "31.02.2023", "2023-13-45").
 * The resolver reads them as no date; this finds them so the report can say so, naming the
 * words, instead of a meeting silently losing its day.
 */
import type { TextSpan } from '../contracts';
import { daysInMonth } from './calendar';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
const MONTH_DAY = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`, 'g');
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+(\d{4}))?\b`, 'g');
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

/** A day of a month in a year; without a year, any year (so "February 29" is possible). */
function possible(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (year === null ? (month === 2 ? 29 : daysInMonth(2001, month)) : daysInMonth(year, month));
}

export function findImpossibleDates(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const add = (m: RegExpExecArray) => out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  for (const m of text.matchAll(MONTH_DAY)) if (!possible(m[3] ? Number(m[3]) : null, monthNumber(m[1]!), Number(m[2]))) add(m);
  for (const m of text.matchAll(DAY_MONTH)) if (Number(m[1]) > 0 && !possible(m[3] ? Number(m[3]) : null, monthNumber(m[2]!), Number(m[1]))) add(m);
  for (const m of text.matchAll(DOTTED)) if (!possible(Number(m[3]), Number(m[2]), Number(m[1])) && !possible(Number(m[3]), Number(m[1]), Number(m[2]))) add(m);
  for (const m of text.matchAll(ISO)) if (!possible(Number(m[1]), Number(m[2]), Number(m[3]))) add(m);
  return out.sort((a, b) => a.start - b.start);
}
