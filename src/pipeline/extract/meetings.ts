/**
 * Meetings from one analysed article, as a pipeline of stages over the document (as
 * spaCy's pipeline components are): each stage one module, each testable alone.
 *
 *   mentions  (mentions.ts)  what each sentence says about a meeting
 *   events    (events.ts)    which mentions speak of the same event, over the whole article
 *   fields    (fields.ts)    each event's fields from all its mentions, by a stated precedence
 *
 * The merge of one meeting reported by several articles follows, over the whole dataset.
 * Pure and deterministic; the `why` list on each meeting says which rules fired.
 */
import { isReportingDate } from './cues';
import type { Lexicon } from './lexicon';
import { articlePeople } from './people';
import { groupMentions } from './events';
import { type FieldOptions, leadStatesOf, meetingFields } from './fields';
import { type MentionContext, readSentence, type SentenceReading } from './mentions';
import { officialsByName } from './roles';
import type { ResolvedPlace } from '../contracts';
import type { AnalyzedArticle, AnalyzedSentence, ExtractedMeeting } from './types';

export { MAX_EVIDENCE } from './fields';

export interface ExtractOptions extends FieldOptions {
  /** The meeting vocabulary, read and checked once at the edge (`parseLexicon`). */
  lexicon: Lexicon;
  /** A state's capital (from the gazetteer), for a meeting its ministry hosts. */
  capitalOf?: (iso3: string) => ResolvedPlace | null;
  /** Receives sentences that spoke of a meeting but gave none, with the reason (for the report). */
  onSkip?: (sentence: AnalyzedSentence, reason: string) => void;
}

/** The stages in order, by name (for the report and the README). */
export const EXTRACTION_STAGES = ['mentions', 'events', 'fields'] as const;

export function extractMeetings(article: AnalyzedArticle, options: ExtractOptions): ExtractedMeeting[] {
  const skip = (s: AnalyzedSentence, reason: string) => options.onSkip?.(s, reason);
  const lex = options.lexicon;
  const leadStates = leadStatesOf(article, lex);
  const ctx: MentionContext = { officials: officialsByName(article.sentences, lex), leadStates, people: articlePeople(article, lex), lexicon: lex, published: article.published, ...(options.capitalOf ? { capitalOf: options.capitalOf } : {}) };
  const readings: SentenceReading[] = [];
  for (const s of article.sentences) {
    const r = readSentence(s, ctx, (reason) => skip(s, reason));
    if (r) readings.push(r);
  }
  const lead = article.sentences.find((s) => !s.isHeadline);
  const leadDates = lead?.dates ?? [];
  const eventDate = leadDates.find((d) => !isReportingDate(lead!.text, d.start - lead!.start, d.end - lead!.start));
  const events = groupMentions(readings, { dateline: article.dateline, leadDate: eventDate ?? article.datelineDay, leadReportingDate: leadDates[0] ?? article.datelineDate }, skip);
  return events.map((e) => meetingFields(e, events, article, options, leadStates));
}
