/**
 * Meetings from one analysed article, as a pipeline of stages over the document (as
 * spaCy's pipeline components are): each stage one module, each testable alone.
 *
 *   mentions  (mentions.ts)  what each sentence says about a meeting
 *   events    (events.ts)    which mentions speak of the same event, over the whole article
 *   fields    (fields.ts)    each event's fields from all its mentions, by a stated precedence
 *   people    (../people/)   who sat at each event's table, from the people the article names
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
import { officialsByName, stateRoles } from './roles';
import type { ResolvedPlace } from '../contracts';
import { type ArticlePerson, articlePersons } from '../people/group';
import { headsTitle, seatedPeople, toPeople } from '../people/atTable';
import type { PersonWords } from '../people/words';
import type { MeetingEvent } from './events';
import type { AnalyzedArticle, AnalyzedSentence, ExtractedMeeting } from './types';

export { MAX_EVIDENCE } from './fields';

export interface ExtractOptions extends FieldOptions {
  /** The meeting vocabulary, read and checked once at the edge (`parseLexicon`). */
  lexicon: Lexicon;
  /** Titles, honorifics and the roles of people who talk about meetings (data/person-words.json). */
  personWords: PersonWords;
  /** A state's capital (from the gazetteer), for a meeting its ministry hosts. */
  capitalOf?: (iso3: string) => ResolvedPlace | null;
  /** Receives sentences that spoke of a meeting but gave none, with the reason (for the report). */
  onSkip?: (sentence: AnalyzedSentence, reason: string) => void;
}

/** The stages in order, by name (for the report and the README). */
export const EXTRACTION_STAGES = ['mentions', 'events', 'fields', 'people'] as const;

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
  const persons = articlePersons(article.sentences, options.personWords);
  return events.map((e) => seatPeople(meetingFields(e, events, article, options, leadStates), e, persons, article, options));
}

/** States the meeting's sentences seat through an office rather than a name ("China's ambassador", "his Afghan counterpart"). */
function officialsOfStates(sentences: AnalyzedSentence[], lex: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    const roles = stateRoles(s, s.states, lex);
    for (const m of s.states) if ((m.via === 'possessive' || m.via === 'demonym') && m.iso3.length === 1 && roles.get(m) === 'participant') out.add(m.iso3[0]!);
  }
  return out;
}

/** The people stage: who sat at the table, and a title that names the two heads when both are known. */
function seatPeople(m: ExtractedMeeting, e: MeetingEvent, persons: ArticlePerson[], article: AnalyzedArticle, options: ExtractOptions): ExtractedMeeting {
  const seated = seatedPeople({ sentenceIndexes: new Set(e.sentences.map((s) => s.index)), participants: m.participants, representedBy: officialsOfStates(e.sentences, options.lexicon) }, persons);
  const people = toPeople(seated, article.file, article.text);
  let title = m.title;
  // Only a title made from the states' names is replaced ("Pakistan–Afghanistan talks" →
  // "Naqvi–Haqqani talks"); a named format keeps its name.
  const names = m.participants.map(options.stateName);
  const statesPrefix = [`${names.join('–')} `, `${[...names].reverse().join('–')} `].find((p) => title.startsWith(p));
  const heads = !e.named && m.participants.length === 2 ? headsTitle(seated, m.participants) : null;
  if (heads && statesPrefix) title = `${heads} ${title.slice(statesPrefix.length)}`;
  const why = seated.filter((s) => s.stateFrom === 'counterpart' || s.stateFrom === 'other side').map((s) => `person: ${s.person.name} is ${s.state} (${s.stateFrom})`);
  return { ...m, title, people, why: [...m.why, ...why] };
}
