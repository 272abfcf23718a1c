/**
 * Classifies the lines of a page's text by what they are on the page (headline, bullet,
 * date line, share buttons, comment-section marker, prose ...), the first step of
 * segmentation. Patterns of page furniture are data: data/page-clutter-patterns.json.
 */
import patterns from '../../../data/page-clutter-patterns.json';
import { readDateLine, type LineDate } from './dateLine';

export type LineKind =
  | 'blank'
  /** Starts a comment thread: everything after it is comments. */
  | 'comments-marker'
  /** Starts a list of other stories ("Opinion", "Related news"). */
  | 'section-marker'
  /** Ends the article ("Published in Dawn, January 16th, 2024"). */
  | 'footer'
  | 'share-buttons'
  | 'boilerplate'
  /** A line that is essentially a date, with at most a name or label (bylines). */
  | 'date'
  | 'bullet'
  /** A line of at least four words without sentence punctuation: headlines, link titles, captions. */
  | 'headline'
  /** A short label of one to three words ("Opinion" aside): section names, link titles. */
  | 'label'
  | 'prose';

export interface Line {
  /** Offsets of the line without its surrounding whitespace. */
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  /** Set for 'date' and 'footer' lines that carry a full date. */
  date?: LineDate;
}

const compile = (list: string[]) => list.map((p) => new RegExp(p, 'iu'));
const COMMENTS = compile(patterns.commentsMarkers);
const SECTIONS = compile(patterns.sectionMarkers);
const FOOTERS = compile(patterns.footers);
const SHARE = compile(patterns.shareButtons);
const BOILERPLATE = compile(patterns.boilerplate);

const BULLET = /^[-•*–·▪●◦]\s+\S/u;
/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const TERMINAL = /[.!?…:;]["'”’)\]]*$|["”]$/u;
const STARTS_LIKE_TITLE = /^["“‘']?[\p{Lu}\d]/u;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = re.exec(text); m !== null && m.index < text.length; m = re.exec(text)) {
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const start = m.index + lead;
    lines.push({ start, end: start + body.length, text: body, kind: 'blank' });
    if (m[0].length === 0) break;
  }
  for (const line of lines) classify(line);
  return lines;
}

function classify(line: Line): void {
  const t = line.text;
  if (t.length === 0) return;
  // Page furniture is short; long lines are prose and skip the pattern lists (a large share of the time).
  if (t.length > 200) {
    line.kind = 'prose';
    return;
  }
  if (COMMENTS.some((re) => re.test(t))) {
    line.kind = 'comments-marker';
    return;
  }
  if (SECTIONS.some((re) => re.test(t))) {
    line.kind = 'section-marker';
    return;
  }
  if (FOOTERS.some((re) => re.test(t))) {
    line.kind = 'footer';
    const date = readDateLine(t);
    if (date) line.date = shift(date, line.start);
    return;
  }
  if (SHARE.some((re) => re.test(t))) {
    line.kind = 'share-buttons';
    return;
  }
  const date = readDateLine(t);
  if (date) {
    line.kind = 'date';
    line.date = shift(date, line.start);
    return;
  }
  if (!/\p{L}/u.test(t) || BOILERPLATE.some((re) => re.test(t))) {
    line.kind = 'boilerplate';
    return;
  }
  if (BULLET.test(t)) {
    line.kind = 'bullet';
    return;
  }
  const words = t.split(/\s+/).length;
  if (!TERMINAL.test(t) && t.length <= 200 && words >= 4 && STARTS_LIKE_TITLE.test(t)) {
    line.kind = 'headline';
    return;
  }
  // "Font size:", "Site colours:": a field name of the page, not a sentence.
  if (words < 4 && (!TERMINAL.test(t) || /:$/.test(t))) {
    line.kind = 'label';
    return;
  }
  line.kind = 'prose';
}

function shift(d: LineDate, by: number): LineDate {
  return { ...d, index: d.index + by };
}
