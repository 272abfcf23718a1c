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
  const delegations = delegationSentences(article.sentences, events);
  return events.map((e) => seatPeople(meetingFields(e, events, article, options, leadStates), e, persons, article, options, delegations.get(e) ?? []));
}

/**
 * Where a meeting sentence's subject is "he" or "she" before any name, the sentence before
 * it names who: its first person is the antecedent.
 */
function pronounAntecedents(sentences: AnalyzedSentence[], persons: ArticlePerson[]): Set<number> {
  const out = new Set<number>();
  for (const s of sentences) {
    const pronoun = s.text.match(/\b(?:he|she)\b/i);
    if (!pronoun) continue;
    const at = s.start + pronoun.index!;
    // Names in a fronted phrase ("During a call with President X, he ...") are not the subject.
    const fronted = /,\s*$/.test(s.text.slice(0, pronoun.index!));
    const before = !fronted && persons.some((p) => p.mentions.some((m) => m.sentenceIndex === s.index && m.start < at));
    // "..., he said" reports speech; the subject of the meeting is elsewhere.
    if (before || /^\s+(?:said|says|told|added|noted)\b/i.test(s.text.slice(pronoun.index! + pronoun[0].length))) continue;
    out.add(s.index - 1);
  }
  return out;
}

const DELEGATION_CUE = /\b(?:led|headed|represented|attended|accompanied|co-chaired|chaired)\s+by\b|\bdelegations?\b[^.]*\b(?:comprising|comprised|included|including|consisted)\b/i;

/**
 * Sentences that say who made up a delegation ("The delegation of Tajikistan was headed by
 * ...") without naming the meeting: they belong to the meeting reported just before them
 * (one or two sentences back), for the people stage only.
 */
function delegationSentences(sentences: AnalyzedSentence[], events: MeetingEvent[]): Map<MeetingEvent, AnalyzedSentence[]> {
  const owner = new Map<number, MeetingEvent>();
  for (const e of events) for (const s of e.sentences) if (!owner.has(s.index)) owner.set(s.index, e);
  const out = new Map<MeetingEvent, AnalyzedSentence[]>();
  for (const s of sentences) {
    if (s.isHeadline || owner.has(s.index) || !DELEGATION_CUE.test(s.text)) continue;
    const before = owner.get(s.index - 1) ?? owner.get(s.index - 2);
    if (before) out.set(before, [...(out.get(before) ?? []), s]);
  }
  return out;
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
function seatPeople(m: ExtractedMeeting, e: MeetingEvent, persons: ArticlePerson[], article: AnalyzedArticle, options: ExtractOptions, delegation: AnalyzedSentence[]): ExtractedMeeting {
  const seated = seatedPeople({ sentenceIndexes: new Set([...e.sentences, ...delegation].map((s) => s.index)), antecedentSentences: pronounAntecedents(e.sentences, persons), participants: m.participants, representedBy: officialsOfStates(e.sentences, options.lexicon) }, persons);
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
