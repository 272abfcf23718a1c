/**
 * Finds the publication date an article's page prints: a date line in the header ("Sun Jul 20
 * 2025"), a byline ("Tahir Khan June 26, 2014"), a dateline ("DUSHANBE, 31.01.2019. (NIAT
 * Khovar) –") or a footer ("Published in Dawn, January 16th, 2024"). Never a date from a body
 * sentence (those are about events) nor from a list of other stories ("Updated 16 May, 2024").
 * No such line means unknown: the caller gets null, not a guess.
 */
import type { ArticleSegment, PublishedDate } from '../contracts';
import { readDateLine } from './dateLine';
import { segmentFile } from './segment';

/** Clutter whose dates belong to other pages or people, not to this article. */
const FOREIGN_CLUTTER = new Set(['comments', 'link-list', 'share-buttons']);

type SegmentParts = Pick<ArticleSegment, 'span' | 'sentences' | 'clutter'>;

/**
 * The publication date of `segment` of `text`, or, without a segment, of the first article in
 * the file that prints one. The earliest date line in the article wins, so a header beats a footer.
 */
export function findPublicationDate(text: string, segment?: SegmentParts): PublishedDate | null {
  if (!segment) {
    for (const s of segmentFile(text)) if (s.published) return s.published;
    return null;
  }
  // Lines come in text order, so both lists are walked once with a cursor each: searching them
  // whole for every line was quadratic (minutes for a 5 MB page of short lines).
  const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
  const excluded = segment.clutter.filter((c) => FOREIGN_CLUTTER.has(c.reason)).sort(byStart);
  const sentences = [...segment.sentences].sort(byStart);
  let ex = 0;
  let se = 0;
  const lineRe = /[^\r\n]+/g;
  const part = text.slice(segment.span.start, segment.span.end);
  for (let m = lineRe.exec(part); m !== null; m = lineRe.exec(part)) {
    const start = segment.span.start + m.index;
    const end = start + m[0].length;
    // Spans that end before this line cannot touch any later line either (they do not overlap each other).
    while (ex < excluded.length && excluded[ex]!.end <= start) ex++;
    while (se < sentences.length && sentences[se]!.end <= start) se++;
    if (ex < excluded.length && excluded[ex]!.start < end) continue;
    // Inside body text only the part before the first sentence can carry a date: a dateline.
    const firstSentence = se < sentences.length && sentences[se]!.start < end ? sentences[se] : undefined;
    const lineEnd = firstSentence ? firstSentence.start : end;
    if (lineEnd <= start) continue;
    const found = readDateLine(text.slice(start, lineEnd));
    if (found) {
      const at = start + found.index;
      return { date: found.date, span: { start: at, end: at + found.length, text: text.slice(at, at + found.length) } };
    }
  }
  return null;
}
