/**
 * Stage 3 of extraction: fields. Each event's fields are filled from all of its mentions
 * (the events stage has already chosen among them: a stated venue over the dateline's, a day
 * inside a wider window, a hosting ministry's capital only where nothing is stated) and, where
 * they say nothing, from the article, by a stated precedence:
 *
 * - date: the event's, else the week of publication for talks going on as it was written;
 * - status: cancelled > a future date > planned words or a future verb on the publication day
 *   ("will be held today") > a past or present date > planned words > held;
 * - participants: named, hosts and attendance words; then, for one-sided reports, the
 *   venue's state, a call's dateline state or the article's lead states (marked "filled");
 * - kind: the sides present (see `kindOf`).
 */
import type { MeetingDate, MeetingKind, MeetingStatus } from '../../dataset/schema';
import { addDays, mondayOf } from '../dates/calendar';
import { MORE_SIDES_SAID } from './cues';
import type { Lexicon } from './lexicon';
import { stateRoles } from './roles';

export { MORE_SIDES_SAID };
import type { MeetingEvent } from './events';
import { findTopics, type TopicRule } from './topics';
import type { AnalyzedArticle, ExtractedMeeting } from './types';

/** Evidence spans kept per meeting (the first ones in the file). */
export const MAX_EVIDENCE = 12;

/** The Taliban have been Afghanistan's government since the fall of Kabul (15 August 2021). */
const TALIBAN_GOVERNMENT_FROM = '2021-08-15';

export interface FieldOptions {
  topics: TopicRule[];
  /** Short English name of a state for generated titles ("Pakistan"). */
  stateName: (iso3: string) => string;
}

export function leadStatesOf(article: AnalyzedArticle, lex: Lexicon): string[] {
  const lead = article.sentences.filter((s) => s.isHeadline || s.index <= 1).slice(0, 3);
  const found: string[] = [];
  for (const s of lead) {
    const roles = stateRoles(s, s.states, lex);
    for (const m of s.states) {
      if (roles.get(m) === 'participant' && m.via !== 'group') for (const c of m.iso3) if (!found.includes(c)) found.push(c);
    }
  }
  if (found.length === 0 && article.dateline) found.push(article.dateline.countryIso3);
  return found.slice(0, 2);
}


export function meetingFields(d: MeetingEvent, all: MeetingEvent[], article: AnalyzedArticle, options: FieldOptions, leadStates: string[]): ExtractedMeeting {
  const why = [...d.why];
  const isCall = d.kinds.has('call');
  const lead = d.main;
  const venue = isCall ? null : d.venue;
  let date = d.date;
  const ongoing = d.mentions.find((m) => m.ongoing);
  if (!date && ongoing && article.published) {
    // "is in Islamabad and holding talks": the week the article was written.
    const monday = mondayOf(article.published);
    date = { start: ongoing.sentence.start, end: ongoing.sentence.start, text: 'the week of publication', window: { start: monday, end: addDays(monday, 6), precision: 'week' }, relation: 'present' };
    why.push('date: happening as the article was written (progressive verb), its week');
  }
  const participants = new Set(d.participants);
  const orgs = new Set(d.partyOrgs);
  const when = date?.window.start ?? article.published;
  if ((orgs.has('Taliban') || orgs.has('Islamic Emirate')) && when && when >= TALIBAN_GOVERNMENT_FROM) {
    participants.add('AFG');
    why.push('Taliban officials after August 2021: Afghanistan');
  }
  const sideCount = () => participants.size + [...orgs].filter((o) => !(o === 'Taliban' && participants.has('AFG'))).length;
  let filled = false;
  const leadDraft = all[0];
  if (d.inheritsParticipants && leadDraft && leadDraft !== d && participants.size === 0) {
    for (const c of leadDraft.participants) if (!leadDraft.absent.has(c)) participants.add(c);
    why.push('participants: those of the lead meeting ("participating")');
  }
  const mayFill = sideCount() === 1 || (sideCount() === 0 && d.continues);
  if (mayFill && d.groups.size === 0 && d.hostOrgs.size === 0) {
    // The venue's state hosts a meeting with one named side, unless an organisation convened it.
    if (venue && !isCall && sideCount() === 1 && d.hostOrgs.size === 0 && !participants.has(venue.countryIso3)) {
      participants.add(venue.countryIso3);
      filled = true;
      why.push(`host from venue: ${venue.countryIso3}`);
    }
    if (sideCount() < 2 && isCall && article.dateline && !participants.has(article.dateline.countryIso3)) {
      participants.add(article.dateline.countryIso3);
      filled = true;
      why.push(`caller from dateline: ${article.dateline.countryIso3}`);
    }
    if (sideCount() < 2) {
      const before = participants.size;
      const leadHosts = leadDraft && leadDraft !== d ? [...leadDraft.hosts] : [];
      for (const c of [...leadHosts, ...leadStates]) if (sideCount() < 2) participants.add(c);
      if (participants.size > before) {
        filled = true;
        why.push(`sides from the article's lead: ${leadStates.join(', ')}`);
      }
    }
  }
  for (const c of d.absent) participants.delete(c);
  const absent = [...d.absent].sort();
  const parts = [...participants].sort();

  let status: MeetingStatus = 'held';
  if (d.status === 'cancelled') status = 'cancelled';
  else if (date && date.relation === 'future') status = 'planned';
  // "will be held today": planned on the day the article was written.
  else if (d.status === 'planned' && date && date.relation === 'present') status = 'planned';
  else if (date && (date.relation === 'past' || date.relation === 'present')) status = 'held';
  else if (d.status === 'planned') status = 'planned';
  if (status !== 'held') why.push(`status ${status}${d.statusWords ? `: "${d.statusWords}"` : date ? ` (date ${date.relation})` : ''}`);

  const kind = kindOf(isCall, parts.length + [...orgs].filter((o) => !(o === 'Taliban' && parts.includes('AFG'))).length, d);
  const texts = d.sentences.map((s) => s.text);
  const topics = findTopics(texts, options.topics);
  const organizations = [...new Set(d.sentences.flatMap((s) => s.organizations.map((o) => o.name)))].sort();
  const firstBody = article.sentences.find((s) => !s.isHeadline)?.index ?? 0;
  const primary = lead || d.sentences.some((s) => s.isHeadline || s.index === firstBody);

  let confidence = 0.3;
  if (d.strong) confidence += 0.2;
  if (venue) confidence += 0.15;
  if (date) confidence += date.window.precision === 'day' ? 0.15 : 0.08;
  if (parts.length >= 2) confidence += 0.1;
  confidence += Math.min(0.1, 0.05 * (d.sentences.length - 1));
  if (filled) confidence -= 0.1;
  confidence = Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100;

  const meetingDate: MeetingDate = date
    ? { start: date.window.start, end: date.window.end, precision: date.window.precision, text: date.text }
    : { start: null, end: null, precision: 'unknown' };

  return {
    title: d.named ?? genericTitle(d, parts, [...orgs], isCall, options),
    kind,
    status,
    date: meetingDate,
    venue,
    participants: parts,
    people: [],
    absent,
    organizations,
    topics,
    groups: [...d.groups.values()].sort((a, b) => a.name.localeCompare(b.name)),
    confidence,
    primary,
    // A page that repeats one report thousands of times gives a meeting, not a thousand spans.
    sources: [...d.sentences]
      .sort((a, b) => a.start - b.start)
      .slice(0, MAX_EVIDENCE)
      .map((s) => ({ file: article.file, start: s.start, end: s.end, quote: article.text.slice(s.start, s.end) })),
    why,
  };
}

/**
 * The kind counts the sides present: two are bilateral, three trilateral, more multilateral.
 * With fewer than three named, a group or a count the text gives ("the 21 delegations",
 * "five Central Asian countries", a format) makes it multilateral; words alone ("a trilateral
 * push") never make a two-sided meeting trilateral.
 */
export function kindOf(isCall: boolean, sides: number, d: Pick<MeetingEvent, 'sentences' | 'groups'>): MeetingKind {
  if (isCall) return 'call';
  if (sides >= 4) return 'multilateral';
  const said = d.sentences.map((s) => s.text).join(' ');
  // A summit of a format (SCO, Moscow Format) has its members' sides, not the few named.
  if (d.groups.size > 0 && !/\btrilateral\b/i.test(said)) return 'multilateral';
  if (sides === 3) return 'trilateral';
  if (d.groups.size > 0 || MORE_SIDES_SAID.test(said)) return 'multilateral';
  if (sides < 2 && /\btrilateral\b/i.test(said)) return 'trilateral';
  return 'bilateral';
}


function genericTitle(d: MeetingEvent, parts: string[], orgs: string[], isCall: boolean, options: FieldOptions): string {
  const names = [...parts.map(options.stateName), ...orgs.filter((o) => !(o === 'Taliban' && parts.includes('AFG')))];
  const noun = isCall
    ? 'call'
    : d.kinds.has('courtesy')
      ? 'courtesy meeting'
      : d.kinds.has('signing')
        ? 'signing'
        : d.nouns.has('talks')
          ? 'talks'
          : d.nouns.has('dialogue')
            ? 'dialogue'
            : d.nouns.has('consultations')
              ? 'consultations'
              : d.kinds.has('visit') && names.length <= 2
                ? 'visit'
                : 'meeting';
  // A format that meets under its own name ("Moscow Format consultations") is named by it.
  if (d.groups.size && (names.length === 0 || names.length > 3)) return `${[...d.groups.keys()].join(', ')} ${noun}`;
  if (names.length === 0) return 'Meeting (parties not named)';
  if (names.length > 4) return `${names.slice(0, 3).join('–')} and ${names.length - 3} more: ${noun}`;
  return `${names.join('–')} ${noun}`;
}
