/**
 * Finds the date expressions of a sentence and resolves them against the article's publication
 * date, the way news writing means them. chrono-node finds and reads the dates; a thin layer of
 * rules fixes what it gets wrong for news (measured in ../shared/docs/browser.md): "on Thursday"
 * means the last Thursday (chrono: the nearest one), "earlier this week" is Monday up to the
 * publication day (chrono: "this week"), "last September" is the September before (chrono: the
 * next one). Relative expressions need the publication date: without it they stay unknown and
 * are not returned; absolute dates ("May 10, 2024", "in 2015") still are.
 */
import * as chrono from 'chrono-node';
import type { IsoDayString } from '../../dataset/schema';
import type { DateMention, DateWindow, TextSpan } from '../contracts';
import {
  addDays,
  addMonths,
  firstOfMonth,
  isIsoDay,
  isoDay,
  lastOfMonth,
  mondayOf,
  parseIsoDay,
  weekdayOf,
} from './calendar';

export type Tense = 'past' | 'future' | 'present';

export interface DateOptions {
  /**
   * Tense of the verb that governs a date, when the caller knows it ("will meet" is future):
   * one for the sentence, or a function of the date's offset in the sentence.
   */
  tense?: Tense | ((index: number) => Tense | undefined);
  /**
   * The day the sentence's story stands at, when an earlier sentence fixed it: "a day later"
   * counts from it. Defaults to the publication date where that reading is safe.
   */
  anchor?: IsoDayString | null;
}

/** One parser, created once: building it per sentence would cost more than parsing. */
const parser = chrono.en.casual.clone();

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December)`;
const WEEKDAY = String.raw`(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)`;
const COUNT = String.raw`(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** Cheap test before running chrono: most sentences name no date at all. */
const MAY_HOLD_DATE = new RegExp(
  String.raw`\d|\b(?:${MONTH.slice(1, -1)}|${WEEKDAY.slice(1, -1)}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|today|tonight|yesterday|tomorrow|week|month|year|ago|earlier|later|day)\b`,
  'i',
);

/**
 * What chrono could still find once the rules and the year pattern have taken their words: month
 * and day names, or a numeric date ("31.01.2019"). Other sentences skip chrono, the costliest step.
 */
const CHRONO_HINT = new RegExp(
  String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\b(?:${MONTH.slice(1, -1)}|${WEEKDAY.slice(1, -1)}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`,
  'i',
);

/** Words that put a date in the future of the publication ("will meet on Thursday", "set to take place Sunday"). */
const FUTURE_CUE =
  /\b(?:will|shall|would|going to|set to|due to|scheduled|expected to|plans? to|planned|planning|to be held|to take place|to hold|to meet|to visit|to host|to attend|to travel|upcoming|next|is to|are to)\b|'ll\b/i;
/** Words that put a date in the past ("met on Thursday", "was held"). */
const PAST_CUE = /\b(?:was|were|had|did|held|met|said|told|visited|signed|called|began|took place|ended|arrived|hosted|discussed)\b/i;

interface Context {
  published: IsoDayString | null;
  anchor: IsoDayString | null;
  tense: Tense | undefined;
  /** "later on Tuesday", "Sunday (today)": a weekday that is the publication day's means that day. */
  sameDay?: boolean;
}

type Resolver = (m: RegExpExecArray, ctx: Context) => DateWindow | null;

interface Rule {
  pattern: RegExp;
  resolve: Resolver;
}

/** News-relative expressions chrono misreads or does not know; tried before chrono, in order. */
const RULES: Rule[] = [
  {
    // "today", "today (Tuesday)", "tonight", "this morning": the publication day.
    pattern: new RegExp(String.raw`\b(?:today|tonight|this (?:morning|afternoon|evening))(?:\s*\(\s*${WEEKDAY}\s*\))?`, 'gi'),
    resolve: (_m, c) => day(c.published),
  },
  {
    pattern: /\b(?:the day before yesterday|yesterday|the day after tomorrow|tomorrow)\b/gi,
    resolve: (m, c) => {
      const w = m[0].toLowerCase();
      const shift = w.startsWith('the day before') ? -2 : w.startsWith('the day after') ? 2 : w === 'yesterday' ? -1 : 1;
      return c.published ? day(addDays(c.published, shift)) : null;
    },
  },
  {
    // "10 years ago", "two days ago": counted back from publication.
    pattern: new RegExp(String.raw`\b${COUNT}\s+(day|week|month|year)s?\s+ago\b`, 'gi'),
    resolve: (m, c) => (c.published ? shifted(c.published, -count(m[1]!), unit(m[2]!)) : null),
  },
  {
    // "a day after <event>": the sentence stands at the anchor (the publication by default) and
    // the event it mentions lies that much before it ("comes a day after ... visited Kabul").
    pattern: new RegExp(String.raw`\b${COUNT}\s+(day|week|month)s?\s+(after|before)\b(?=\s+\S)`, 'gi'),
    resolve: (m, c) => {
      const from = c.anchor ?? c.published;
      if (!from) return null;
      const sign = m[3]!.toLowerCase() === 'after' ? -1 : 1;
      return shifted(from, sign * count(m[1]!), unit(m[2]!));
    },
  },
  {
    // "a day earlier" counts back from the anchor or publication; "a day later" needs an anchor
    // (counted from publication it would put a past event after the article was written).
    pattern: new RegExp(String.raw`\b${COUNT}\s+(day|week|month)s?\s+(earlier|before|later|after)\b`, 'gi'),
    resolve: (m, c) => {
      const later = /later|after/i.test(m[3]!);
      const from = later ? c.anchor : (c.anchor ?? c.published);
      return from ? shifted(from, (later ? 1 : -1) * count(m[1]!), unit(m[2]!)) : null;
    },
  },
  {
    // "the next day" and "the previous day" count from the day an earlier sentence fixed; without
    // one they stay unknown (counting from publication would be a guess).
    pattern: /\b(?:the|that) (previous|next|following|same) day\b/gi,
    resolve: (m, c) => {
      if (!c.anchor) return null;
      const which = m[1]!.toLowerCase();
      return day(addDays(c.anchor, which === 'previous' ? -1 : which === 'same' ? 0 : 1));
    },
  },
  {
    // "last Thursday" is the one before publication, never the publication day itself;
    // "next Thursday" the one after; "this Thursday" follows the tense like a bare weekday.
    pattern: new RegExp(String.raw`\b([Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+${WEEKDAY}\b`, 'g'),
    resolve: (m, c) => {
      if (!c.published) return null;
      const weekday = WEEKDAY_NAMES.indexOf(m[2]!.toLowerCase());
      const which = m[1]!.toLowerCase();
      if (which === 'last' || which === 'past') return day(weekdayInTense(addDays(c.published, -1), weekday, 'past'));
      if (which === 'next' || which === 'coming') return day(weekdayInTense(c.published, weekday, 'future'));
      return day(weekdayInTense(c.published, weekday, c.tense));
    },
  },
  {
    pattern: /\b(earlier|later) this week\b/gi,
    resolve: (m, c) => {
      if (!c.published) return null;
      const monday = mondayOf(c.published);
      return m[1]!.toLowerCase() === 'earlier'
        ? { start: monday, end: c.published, precision: 'week' }
        : { start: c.published, end: addDays(monday, 6), precision: 'week' };
    },
  },
  {
    pattern: /\b(this|last|next|the past|the previous|the coming) week\b/gi,
    resolve: (m, c) => {
      if (!c.published) return null;
      const which = m[1]!.toLowerCase();
      const offset = which === 'next' || which === 'the coming' ? 7 : which === 'this' ? 0 : -7;
      const monday = addDays(mondayOf(c.published), offset);
      return { start: monday, end: addDays(monday, 6), precision: 'week' };
    },
  },
  {
    // "25th of the last month", "on the 3rd of this month".
    pattern: /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(?:the\s+)?(last|previous|past|this|next|current)\s+month\b/gi,
    resolve: (m, c) => {
      if (!c.published) return null;
      const p = parseIsoDay(c.published);
      const { year, month } = addMonths(p.year, p.month, monthOffset(m[2]!));
      return day(isoDay(year, month, Number(m[1])));
    },
  },
  {
    pattern: /\b(earlier|later) this (month|year)\b/gi,
    resolve: (m, c) => {
      if (!c.published) return null;
      const whole = periodOf(c.published, m[2]!.toLowerCase() === 'month' ? 'month' : 'year', 0);
      return m[1]!.toLowerCase() === 'earlier' ? { ...whole, end: c.published } : { ...whole, start: c.published };
    },
  },
  {
    pattern: /\b(this|last|next|the previous|the past|the coming|the current) (month|year)\b/gi,
    resolve: (m, c) => {
      if (!c.published) return null;
      return periodOf(c.published, m[2]!.toLowerCase() === 'month' ? 'month' : 'year', monthOffset(m[1]!));
    },
  },
  {
    // "last September": the most recent September before the publication month;
    // "next September": the first after it; "this September": the publication year's.
    pattern: new RegExp(String.raw`\b([Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+${MONTH}\b(?!\s+\d)`, 'g'),
    resolve: (m, c) => {
      if (!c.published) return null;
      const p = parseIsoDay(c.published);
      const month = monthNumber(m[2]!);
      const which = m[1]!.toLowerCase();
      let year = p.year;
      if (which === 'last' || which === 'past') year = month < p.month ? p.year : p.year - 1;
      else if (which === 'next' || which === 'coming') year = month > p.month ? p.year : p.year + 1;
      return monthWindow(year, month);
    },
  },
  {
    // "mid-July", "early July", "in late March 2023": the whole month (the schema has no
    // precision finer than a month and coarser than a day).
    pattern: new RegExp(String.raw`\b(?:[Mm]id-?|[Ee]arly\s+|[Ll]ate\s+|[Tt]he (?:beginning|start|middle|end) of\s+)${MONTH}\b(?:,?\s+(\d{4})\b)?`, 'g'),
    resolve: (m, c) => {
      const month = monthNumber(m[1]!);
      if (m[2]) return monthWindow(Number(m[2]), month);
      return c.published ? monthInTense(c.published, month, c.tense) : null;
    },
  },
];

/** Years on their own: "in 2015", "since 2021", "in 2018 and 2019". */
const YEAR = /\b(?:in|since|of|by|during|until|till|from|before|after|through|throughout|between|and|or|to|year)\s+((?:19|20)\d{2})\b(?![-/.]\d)/gi;

/**
 * Date expressions in `sentence`, each resolved to a window and placed before, around or after
 * `published`. Offsets are absolute, like the sentence's.
 */
export function findDateMentions(sentence: TextSpan, published: string | null, opts: DateOptions = {}): DateMention[] {
  const text = sentence.text;
  if (!MAY_HOLD_DATE.test(text)) return [];
  const pub = published !== null && isIsoDay(published) ? published : null;
  const anchor = opts.anchor && isIsoDay(opts.anchor) ? opts.anchor : null;
  const found: Array<{ index: number; text: string; window: DateWindow }> = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => !taken.some(([s, e]) => a < e && s < b);
  const add = (index: number, words: string, window: DateWindow | null) => {
    taken.push([index, index + words.length]);
    if (window && window.start <= window.end && plausible(window)) found.push({ index, text: words, window });
  };
  const given = opts.tense;
  const contextAt = (index: number, length = 0): Context => ({
    published: pub,
    anchor,
    tense: tenseAt(text, index, typeof given === 'function' ? given(index) : given),
    sameDay: /\blater\s*$/i.test(text.slice(Math.max(0, index - 12), index)) || /^\s*\(today\)/i.test(text.slice(index + length)),
  });

  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      add(m.index, m[0], rule.resolve(m, contextAt(m.index)));
    }
  }

  // chrono reads what is left; the parts the rules took are blanked out, keeping offsets.
  let masked = text;
  for (const [s, e] of taken) masked = masked.slice(0, s) + ' '.repeat(e - s) + masked.slice(e);
  const reference = pub ? noon(pub) : noon('2000-01-01');
  const results = CHRONO_HINT.test(masked) ? parser.parse(masked, { instant: reference, timezone: 0 }) : [];
  for (const r of results) {
    const words = trimmed(r.text);
    if (!free(r.index, r.index + words.length)) continue;
    add(r.index, words, withRangeEnd(r, fromChrono(r, words, contextAt(r.index, r.text.length))));
  }

  YEAR.lastIndex = 0;
  for (let y = YEAR.exec(text); y !== null; y = YEAR.exec(text)) {
    const index = y.index + y[0].length - y[1]!.length;
    if (!free(index, index + 4)) continue;
    add(index, y[1]!, { start: `${y[1]}-01-01`, end: `${y[1]}-12-31`, precision: 'year' });
  }

  return found
    .sort((a, b) => a.index - b.index)
    .map(({ index, text: words, window }) => ({
      start: sentence.start + index,
      end: sentence.start + index + words.length,
      text: words,
      window,
      relation: relationOf(window, pub),
    }));
}

/**
 * Years a news date can have. chrono reads some word salads as far-off years ("07/25/23
 * last 2015 year" once gave the year 9, found by the property test); such a reading is
 * dropped rather than written into the dataset.
 */
const YEARS = { min: 1900, max: 2100 } as const;
function plausible(window: DateWindow): boolean {
  const year = (iso: string): number => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? Number(iso.slice(0, 4)) : NaN);
  const a = year(window.start);
  const b = year(window.end);
  return a >= YEARS.min && b <= YEARS.max;
}

/** Reads one chrono result, applying the news rules to weekdays and to dates without a year. */
function fromChrono(r: chrono.ParsedResult, words: string, c: Context): DateWindow | null {
  const k = r.start;
  const certain = (x: 'day' | 'weekday' | 'month' | 'year') => k.isCertain(x);
  // Times alone ("11:20 am") and bare days of the month ("the 4th") are no dates.
  if (!certain('month') && !certain('weekday') && !certain('year')) return null;
  // "may", "march", "sun" in lower case are words, not dates; weekdays must be spelled out.
  const monthWord = new RegExp(String.raw`\b${MONTH.slice(0, -1)}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`, 'i').exec(words);
  if (monthWord && /^\p{Ll}/u.test(monthWord[0])) return null;
  const relative = r.tags().has('result/relativeDate') || [...r.tags()].some((t) => t.startsWith('casualReference'));
  if (relative && !c.published) return null;

  if (certain('day') && certain('month') && certain('year')) return day(isoDay(k.get('year')!, k.get('month')!, k.get('day')!));
  if (certain('day') && certain('month')) {
    if (!c.published) return null;
    const month = k.get('month')!;
    if (/\bend of\b/i.test(words)) return monthInTense(c.published, month, c.tense);
    const inTense = dayInTense(c.published, month, k.get('day')!, c.tense);
    // "Monday, 28 Mar": a weekday the text gives decides the year where the tense guessed wrong.
    if (certain('weekday') && inTense) return day(yearOfWeekday(c.published, inTense.start, k.get('weekday')!));
    return inTense;
  }
  if (certain('weekday') && !certain('day')) {
    if (!c.published || !new RegExp(WEEKDAY, 'i').test(words)) return null;
    if (c.sameDay && weekdayOf(c.published) === k.get('weekday')) return day(c.published);
    return day(weekdayInTense(c.published, k.get('weekday')!, c.tense));
  }
  if (certain('month') && certain('year')) return monthWindow(k.get('year')!, k.get('month')!);
  if (certain('month')) return c.published ? monthInTense(c.published, k.get('month')!, c.tense) : null;
  if (certain('year')) return { start: `${k.get('year')}-01-01`, end: `${k.get('year')}-12-31`, precision: 'year' };
  return null;
}

/**
 * A range such as "January 29-30" or "May 10 to 12" runs from the resolved first day to its last
 * day, counted in days from chrono's reading so that a year moved by the news rules moves both.
 */
function withRangeEnd(r: chrono.ParsedResult, window: DateWindow | null): DateWindow | null {
  if (window?.precision !== 'day' || !r.end?.isCertain('day')) return window;
  const days = Math.round((r.end.date().getTime() - r.start.date().getTime()) / 86_400_000);
  return days > 0 && days <= 31 ? { ...window, end: addDays(window.start, days) } : window;
}

/**
 * The weekday meant by "on Thursday": the most recent one on or before publication (news
 * reports what happened), or, for a future sentence ("will meet on Thursday"), the next one after it.
 */
export function weekdayInTense(published: IsoDayString, weekday: number, tense: Tense | undefined): IsoDayString {
  const back = (weekdayOf(published) - weekday + 7) % 7;
  if (tense === 'future') return addDays(published, back === 0 ? 7 : 7 - back);
  return addDays(published, -back);
}

/**
 * The day-and-month `date` moved to the year nearest publication in which it falls on
 * `weekday`; `date` itself when it already does or no nearby year fits.
 */
export function yearOfWeekday(published: IsoDayString, date: IsoDayString, weekday: number): IsoDayString {
  if (weekdayOf(date) === weekday) return date;
  const p = parseIsoDay(published);
  const d = parseIsoDay(date);
  const candidates = [p.year, p.year - 1, p.year + 1].map((y) => isoDay(y, d.month, d.day)).filter((x): x is IsoDayString => x !== null && weekdayOf(x) === weekday);
  return candidates[0] ?? date;
}

/**
 * "On May 10" without a year: the publication year, except that a planned date already past
 * is next year's, and a past-tense date well after publication is last year's. Within two weeks
 * after publication a past-tense date keeps the publication year: tense detection errs more
 * often than articles report events of a year ago by day and month alone.
 */
export function dayInTense(published: IsoDayString, month: number, dayOfMonth: number, tense: Tense | undefined): DateWindow | null {
  const p = parseIsoDay(published);
  let date = isoDay(p.year, month, dayOfMonth);
  if (date === null) return day(isoDay(p.year + 1, month, dayOfMonth) ?? null); // February 29 of a leap year
  if (tense === 'future' && date < published) date = isoDay(p.year + 1, month, dayOfMonth);
  else if (tense === 'past' && date > addDays(published, 14)) date = isoDay(p.year - 1, month, dayOfMonth);
  return day(date);
}

/** "In September" without a year: the latest September not after publication, or for the future the next one not before it. */
export function monthInTense(published: IsoDayString, month: number, tense: Tense | undefined): DateWindow {
  const p = parseIsoDay(published);
  if (tense === 'future') return monthWindow(month >= p.month ? p.year : p.year + 1, month);
  return monthWindow(month <= p.month ? p.year : p.year - 1, month);
}

/**
 * The tense that decides a date at `index`: a future cue in the words just before it wins ("set to
 * take place Sunday" in a sentence about a cancellation), then the caller's tense, then a past cue.
 */
export function tenseAt(text: string, index: number, given: Tense | undefined): Tense | undefined {
  const before = text.slice(Math.max(0, index - 90), index);
  const clause = before.split(/[,;:()"“”—–]/).pop() ?? '';
  if (FUTURE_CUE.test(clause)) return 'future';
  if (given) return given;
  if (PAST_CUE.test(clause)) return 'past';
  return undefined;
}

function relationOf(w: DateWindow, published: IsoDayString | null): DateMention['relation'] {
  if (!published) return 'unknown';
  if (w.end < published) return 'past';
  if (w.start > published) return 'future';
  return 'present';
}

function day(date: IsoDayString | null): DateWindow | null {
  return date ? { start: date, end: date, precision: 'day' } : null;
}

function monthWindow(year: number, month: number): DateWindow {
  return { start: firstOfMonth(year, month), end: lastOfMonth(year, month), precision: 'month' };
}

function periodOf(published: IsoDayString, period: 'month' | 'year', offset: number): DateWindow {
  const p = parseIsoDay(published);
  if (period === 'year') {
    const y = p.year + offset;
    return { start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year' };
  }
  const { year, month } = addMonths(p.year, p.month, offset);
  return monthWindow(year, month);
}

function shifted(from: IsoDayString, n: number, u: 'day' | 'week' | 'month' | 'year'): DateWindow | null {
  if (u === 'day') return day(addDays(from, n));
  if (u === 'week') {
    const monday = mondayOf(addDays(from, 7 * n));
    return { start: monday, end: addDays(monday, 6), precision: 'week' };
  }
  return periodOf(from, u, n);
}

function monthOffset(which: string): number {
  const w = which.toLowerCase();
  if (w === 'next' || w === 'the coming' || w === 'coming') return 1;
  if (w === 'this' || w === 'current' || w === 'the current') return 0;
  return -1;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

function count(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

function unit(word: string): 'day' | 'week' | 'month' | 'year' {
  return word.toLowerCase() as 'day' | 'week' | 'month' | 'year';
}

function noon(d: IsoDayString): Date {
  const p = parseIsoDay(d);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, 12));
}

function trimmed(s: string): string {
  return s.replace(/[\s,.;:]+$/, '');
}
