/**
 * Splits a page's text into articles, and each article into its headline, dateline, body
 * sentences and clutter (comments, lists of other stories, share buttons, repeated
 * headlines, bylines, summary bullets). Only body sentences are sources of facts; every
 * part left out is reported as clutter with a reason.
 */
import type { ArticleSegment, ClutterReason, Sentence, TextSpan } from '../contracts';
import { splitLines, type Line } from './lines';
import { splitSentences } from './sentences';
import { readDateLine } from './dateLine';
import { findPublicationDate } from './published';

/**
 * A dateline: one to three upper-case words (or two cities joined by "/") opening a paragraph,
 * then "KABUL:", "KABUL (Reuters) -", "PESHAWAR, Pakistan (AP) —", "MOSCOW, February 3. /TASS/.",
 * "TASHKENT [Uzbekistan], March 5:" or "BEIJING, Mar 5 (Xinhua):". A city in title case opens
 * a dateline only with a dash after a region or an agency ("Washington, DC - ", "Kabul (AP) –"),
 * where a sentence would not have one. Group 1 is the first city; the whole match is the
 * preamble left out of the first sentence.
 */
const CITY = String.raw`[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2}`;
const TITLE_CITY = String.raw`[A-Z][a-z'’.-]{2,}(?: [A-Z][a-z'’.-]+)?`;
const DAY_AND_MONTH = String.raw`(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?`;
const DATELINE = new RegExp(
  String.raw`^(${CITY})(?:\s*\/\s*${CITY})*` +
    String.raw`(?:\s*:\s*|\s*\([^)\n]{1,30}\)\s*[—–-]{1,2}\s*|,[^\n]{1,60}?\s[—–-]{1,2}\s+|,[^\n]{1,40}?\/[A-Za-z ]{2,20}\/\.?\s*` +
    String.raw`|(?:\s*\[[^\]\n]{1,30}\])?,\s*(?<day>${DAY_AND_MONTH})\s*(?:\([^)\n]{1,30}\))?\s*[:—–-]{1,2}\s*)`,
);
const TITLE_DATELINE = new RegExp(String.raw`^(${TITLE_CITY})(?:,\s*[A-Z][A-Za-z.]{1,20}|\s*\([^)\n]{1,30}\))\s+[—–-]{1,2}\s+`);
/** A line that is a date and a place: "October 6, 2015, Sochi" (official sites print the venue so). */
const PLACE_AFTER_DATE = /^\s*,\s*([A-Z][\p{L}'’-]+(?:[ -][A-Z][\p{L}'’-]+){0,2})\s*$/u;
/** Upper-case openers that are not places. */
const NOT_A_DATELINE = new Set(['NOTE', 'UPDATE', 'UPDATED', 'BREAKING', 'WATCH', 'READ', 'EDITOR’S NOTE', "EDITOR'S NOTE", 'PHOTO', 'VIDEO', 'CORRECTION', 'EXCLUSIVE', 'ANALYSIS', 'OPINION']);

export function segmentFile(text: string): ArticleSegment[] {
  const lines = splitLines(text).filter((l) => l.kind !== 'blank');
  if (lines.length === 0) return [];
  const commentsAt = indexOrEnd(lines.findIndex((l) => l.kind === 'comments-marker'), lines.length);
  const starts = articleStarts(lines, commentsAt);
  return starts.map((from, k) => {
    const last = k === starts.length - 1;
    const to = last ? lines.length : starts[k + 1]!;
    const spanStart = k === 0 ? 0 : lines[from]!.start;
    const spanEnd = last ? text.length : lines[to]!.start;
    return buildArticle(text, lines.slice(from, to), last ? Math.max(0, commentsAt - from) : to - from, {
      start: spanStart,
      end: spanEnd,
    });
  });
}

/** Indices of the lines that begin each article. */
function articleStarts(lines: Line[], commentsAt: number): number[] {
  const starts = [0];
  const seenTitles = new Set<string>();
  let body: string[] = [];
  let inLinkList = false;
  for (let i = 0; i < commentsAt; i++) {
    const line = lines[i]!;
    const fresh = line.kind === 'headline' && !seenTitles.has(norm(line.text));
    if (line.kind === 'headline' || line.kind === 'label') seenTitles.add(norm(line.text));
    if (fresh && body.length > 0 && startsArticle(lines, i, commentsAt, body, seenTitles, inLinkList)) {
      starts.push(i);
      body = [];
      inLinkList = false;
      continue;
    }
    if (line.kind === 'section-marker' || line.kind === 'footer') inLinkList = true;
    else if (line.kind === 'prose' && !inLinkList) body.push(line.text);
  }
  return starts;
}

/**
 * Whether the fresh headline at `i` opens a new article: it leads (past bylines, share buttons
 * and a summary) to a dateline paragraph, or it carries bullet points that are not a summary of
 * the article before it. A headline followed by bullets repeating the previous body is that
 * article's own headline printed after it (Arab News pages do this).
 */
function startsArticle(lines: Line[], i: number, end: number, body: string[], seen: Set<string>, inLinkList: boolean): boolean {
  const block: Line[] = [];
  let j = i + 1;
  for (; j < end && block.length < 12; j++) {
    const l = lines[j]!;
    if (l.kind === 'prose') break;
    if (l.kind === 'headline' && !seen.has(norm(l.text)) && norm(l.text) !== norm(lines[i]!.text)) break;
    block.push(l);
  }
  const bullets = block.filter((l) => l.kind === 'bullet');
  if (bullets.some((b) => repeatsBody(b.text, body))) return false;
  if (bullets.length > 0 && !inLinkList) return true;
  const next = lines[j];
  return next !== undefined && next.kind === 'prose' && datelineOf(next.text) !== null;
}

function buildArticle(text: string, lines: Line[], commentsAt: number, span: { start: number; end: number }): ArticleSegment {
  const clutter: Array<TextSpan & { reason: ClutterReason }> = [];
  const mark = (l: Line, reason: ClutterReason) => clutter.push({ start: l.start, end: l.end, text: l.text, reason });

  // Lists of other stories: after a section marker or the article's footer, or an unmarked run
  // of three or more short title lines once the body has begun.
  const firstProse = lines.findIndex((l, k) => k < commentsAt && l.kind === 'prose');
  const linkListAt = linkListStart(lines, Math.max(firstProse, 0), commentsAt);
  const bodyEnd = Math.min(linkListAt, commentsAt);

  // The dateline paragraph, if one of the first prose paragraphs opens with one.
  let datelineLine = -1;
  let dateline: TextSpan | null = null;
  let datelineDate: TextSpan | null = null;
  let preamble = 0;
  let seenProse = 0;
  for (let k = 0; k < bodyEnd && seenProse < 3; k++) {
    const l = lines[k]!;
    if (l.kind !== 'prose') continue;
    seenProse++;
    const d = datelineOf(l.text);
    if (d) {
      datelineLine = k;
      dateline = { start: l.start + d.cityStart, end: l.start + d.cityEnd, text: l.text.slice(d.cityStart, d.cityEnd) };
      if (d.day) datelineDate = { start: l.start + d.day.start, end: l.start + d.day.end, text: l.text.slice(d.day.start, d.day.end) };
      preamble = d.preambleEnd;
      break;
    }
  }
  const bodyStart = datelineLine >= 0 ? datelineLine : Math.max(firstProse, 0);
  let datelineDay: ArticleSegment['datelineDay'];
  if (!dateline) {
    // No dateline opens the body: a header line of a date and a place gives the place and day.
    for (let k = 0; k < bodyStart; k++) {
      const l = lines[k]!;
      const place = placeOfDateLine(l.text);
      if (place) {
        dateline = { start: l.start + place.start, end: l.start + place.end, text: place.text };
        const day = readDateLine(l.text)!;
        datelineDay = { start: l.start + day.index, end: l.start + day.index + day.length, text: l.text.slice(day.index, day.index + day.length), date: day.date };
        break;
      }
    }
  }
  const lastProse = findLastIndex(lines, (l, k) => k < bodyEnd && l.kind === 'prose');

  // The headline is the first title line of the header after its last piece of page furniture
  // (a site's own name and menus come before the article's title, a standfirst after it).
  const furniture = ['label', 'boilerplate', 'share-buttons', 'section-marker'];
  let lastFurniture = -1;
  for (let k = 0; k < bodyStart; k++) if (furniture.includes(lines[k]!.kind)) lastFurniture = k;
  const titleAfterFurniture = lines.findIndex((l, k) => k > lastFurniture && k < bodyStart && l.kind === 'headline');
  let headline: TextSpan | null = null;
  if (titleAfterFurniture >= 0) {
    const l = lines[titleAfterFurniture]!;
    headline = { start: l.start, end: l.end, text: l.text };
  }
  const titles = new Set<string>();
  const sentences: Sentence[] = [];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (k >= commentsAt) {
      mark(l, 'comments');
      continue;
    }
    if (k >= linkListAt) {
      mark(l, k === linkListAt && l.kind === 'footer' && l.date ? 'byline' : 'link-list');
      continue;
    }
    const inHeader = k < bodyStart;
    const trailing = k > lastProse;
    switch (l.kind) {
      case 'share-buttons':
        mark(l, 'share-buttons');
        break;
      case 'date':
        mark(l, 'byline');
        break;
      case 'label':
      case 'boilerplate':
      case 'section-marker':
      case 'footer':
      case 'comments-marker':
        mark(l, 'boilerplate');
        break;
      case 'headline': {
        const key = norm(l.text);
        if (headline?.start === l.start) titles.add(key);
        else if (titles.has(key)) mark(l, 'repeated-headline');
        else if (headline === null && (inHeader || trailing)) headline = { start: l.start, end: l.end, text: l.text };
        else mark(l, inHeader || trailing ? 'summary' : 'boilerplate');
        titles.add(key);
        break;
      }
      case 'bullet':
        if (inHeader || trailing) mark(l, 'summary');
        else sentences.push(...bulletSentences(text, l));
        break;
      case 'prose':
        if (inHeader) mark(l, 'summary');
        else sentences.push(...splitSentences(text, l.start + (k === datelineLine ? preamble : 0), l.end));
        break;
      case 'blank':
        break;
    }
  }
  const segment: ArticleSegment = {
    span: { start: span.start, end: span.end, text: text.slice(span.start, span.end) },
    headline,
    dateline,
    ...(datelineDay ? { datelineDay } : {}),
    ...(datelineDate ? { datelineDate } : {}),
    sentences,
    clutter: mergeClutter(text, clutter),
    published: null,
  };
  segment.published = findPublicationDate(text, segment);
  return segment;
}

/** Index of the first line of a list of other stories, or `end` when there is none. */
function linkListStart(lines: Line[], from: number, end: number): number {
  let run = 0;
  for (let k = from; k < end; k++) {
    const kind = lines[k]!.kind;
    if (kind === 'section-marker') return k;
    if (kind === 'footer') return k;
    if (kind === 'headline' || kind === 'label' || kind === 'date') {
      run++;
      if (run >= 3 && !lines.slice(k + 1, end).some((l) => l.kind === 'prose' && datelineOf(l.text))) {
        // Only a run after the body has begun, and not the article's own trailing headline block.
        if (lines.slice(from, k - run + 1).some((l) => l.kind === 'prose')) return k - run + 1;
      }
    } else run = 0;
  }
  return end;
}

/** A bullet inside the body is a sentence without its bullet sign. */
function bulletSentences(text: string, l: Line): Sentence[] {
  const sign = /^[-•*–·▪●◦]\s+/u.exec(l.text)?.[0].length ?? 0;
  return splitSentences(text, l.start + sign, l.end);
}

interface DatelineMatch {
  cityStart: number;
  cityEnd: number;
  /** "March 5" in "TASHKENT [Uzbekistan], March 5:", the report's day. */
  day?: { start: number; end: number };
  /** Where the sentence text begins after "KABUL:" and the like. */
  preambleEnd: number;
}

export function datelineOf(paragraph: string): DatelineMatch | null {
  const m = DATELINE.exec(paragraph) ?? TITLE_DATELINE.exec(paragraph);
  if (!m || NOT_A_DATELINE.has(m[1]!)) return null;
  // A dateline opens a paragraph of prose, not a short label line.
  if (paragraph.length - m[0].length < 20) return null;
  const day = m.groups?.day;
  const dayAt = day ? m[0].indexOf(day, m[1]!.length) : -1;
  return { cityStart: 0, cityEnd: m[1]!.length, preambleEnd: m[0].length, ...(day && dayAt >= 0 ? { day: { start: dayAt, end: dayAt + day.length } } : {}) };
}

/** The place in a line that is a full date followed by a place ("October 6, 2015, Sochi"). */
export function placeOfDateLine(line: string): TextSpan | null {
  const found = readDateLine(line);
  if (!found) return null;
  const after = line.slice(found.index + found.length);
  const m = PLACE_AFTER_DATE.exec(after);
  if (!m) return null;
  const start = found.index + found.length + after.indexOf(m[1]!);
  return { start, end: start + m[1]!.length, text: m[1]! };
}

/** Whether a summary bullet repeats a body paragraph (most of its words occur in one). */
function repeatsBody(bullet: string, body: string[]): boolean {
  const words = wordsOf(bullet);
  if (words.length === 0) return false;
  return body.some((p) => {
    const inBody = new Set(wordsOf(p));
    return words.filter((w) => inBody.has(w)).length / words.length >= 0.7;
  });
}

function wordsOf(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\d]{3,}/gu) ?? []);
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Joins clutter lines that follow each other with the same reason into one span. */
function mergeClutter(text: string, items: Array<TextSpan & { reason: ClutterReason }>): Array<TextSpan & { reason: ClutterReason }> {
  const out: Array<TextSpan & { reason: ClutterReason }> = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev && prev.reason === item.reason && /^\s*$/.test(text.slice(prev.end, item.start))) {
      prev.end = item.end;
      prev.text = text.slice(prev.start, prev.end);
    } else out.push({ ...item });
  }
  return out;
}

function indexOrEnd(i: number, end: number): number {
  return i < 0 ? end : i;
}

function findLastIndex<T>(xs: T[], p: (x: T, i: number) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i]!, i)) return i;
  return -1;
}
