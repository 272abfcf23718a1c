/**
 * Runs the text stages (segmentation, dates, places, states, organisations) over one file
 * and hands extraction `AnalyzedArticle`s with file offsets. The only place where the
 * stages are wired together, so extraction itself stays a pure function of its input.
 */
import type { ArticleSegment, DateMention, TextSpan } from '../contracts';
import { findDateMentions, type Tense } from '../dates/resolve';
import { tenseAt, type VerbGroup, verbGroups } from '../text/grammar';
import type { Gazetteer } from '../places/gazetteer';
import { findPlaceMentions } from '../places/mentions';
import { findStatesAndOrganizations } from '../states/organizations';
import { segmentFile } from '../text/segment';
import { sentenceTense } from './cues';
import type { AnalyzedArticle, AnalyzedSentence } from './types';

export interface AnalyzedFile {
  articles: AnalyzedArticle[];
  segments: ArticleSegment[];
}

/**
 * @param published the publication date from sources.json, when given; otherwise each
 *   article's own date line is used, and unknown stays null.
 */
export function analyzeFile(file: string, text: string, published: string | null | undefined, gazetteer: Gazetteer): AnalyzedFile {
  const segments = segmentFile(text);
  const articles = segments.map((seg) => {
    const pub = published !== undefined && published !== null ? published : (seg.published?.date ?? null);
    const dateline = seg.dateline ? gazetteer.resolveCity(seg.dateline.text.split('/')[0]!.trim()) : null;
    const spans: Array<{ span: TextSpan; isHeadline: boolean }> = [];
    if (seg.headline) spans.push({ span: seg.headline, isHeadline: true });
    for (const s of seg.sentences) spans.push({ span: s, isHeadline: false });
    let anchor: string | null = null;
    const sentences: AnalyzedSentence[] = spans.map(({ span, isHeadline }, index) => {
      const { states, organizations } = findStatesAndOrganizations(span.text);
      // The verb that governs each date decides its direction ("met on Thursday", "will meet on Thursday"); read only when a sentence has a date.
      let groups: VerbGroup[] | null = null;
      const tense = (index: number): Tense => {
        groups ??= verbGroups(span.text, { headline: isHeadline });
        const g = tenseAt(groups, index);
        if (!g) return sentenceTense(span.text);
        return g.tense === 'future' ? 'future' : g.tense === 'past' ? 'past' : sentenceTense(span.text) === 'future' ? 'future' : 'present';
      };
      const dates = findDateMentions(span, pub, { tense, anchor });
      const dayMention = dates.find((d) => d.window.precision === 'day');
      if (dayMention) anchor = dayMention.window.start;
      // A city in a state the sentence names, or in the dateline's state, wins over a namesake elsewhere.
      const about = new Set(states.filter((m) => m.via !== 'capital-metonym').flatMap((m) => m.iso3));
      if (dateline) about.add(dateline.countryIso3);
      const places = findPlaceMentions(span.text, gazetteer, { countryIso3: [...about] }, { states, organizations }).map((p) => ({ ...p, start: p.start + span.start, end: p.end + span.start }));
      return {
        ...span,
        index,
        isHeadline,
        dates,
        places,
        states: states.map((m) => ({ ...m, start: m.start + span.start, end: m.end + span.start })),
        organizations: organizations.map((o) => ({ ...o, start: o.start + span.start, end: o.end + span.start })),
      };
    });
    const datelineDay: DateMention | null = seg.datelineDay
      ? { ...seg.datelineDay, window: { start: seg.datelineDay.date, end: seg.datelineDay.date, precision: 'day' }, relation: pub === null ? 'unknown' : seg.datelineDay.date < pub ? 'past' : seg.datelineDay.date > pub ? 'future' : 'present' }
      : null;
    const datelineDate = seg.datelineDate ? (findDateMentions(seg.datelineDate, pub, { tense: 'past' })[0] ?? null) : null;
    return { file, text, published: pub, dateline, datelineDay, datelineDate, sentences } satisfies AnalyzedArticle;
  });
  return { articles, segments };
}

