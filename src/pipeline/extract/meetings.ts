/**
 * Meetings from one analysed article: which sentences report a meeting, which later
 * sentences speak of the same one ("the meeting in Kazan", "During this visit"), and what
 * each says about status, date, venue, participants and absentees.
 *
 * Pure and deterministic. Every rule is about news English, never about one article; the
 * `why` list on each meeting says which rules fired.
 */
import type { MeetingDate, MeetingKind, MeetingStatus, StateGroupMention } from '../../dataset/schema';
import type { DateMention, PlaceMention, ResolvedPlace, StateMention } from '../contracts';
import {
  sentenceTense,
  type Cue,
  type CueKind,
  findCues,
  findReferences,
  isGeneric,
  isInvitation,
  isProcess,
  isReducedRelativeSigning,
  isReportingDate,
  marksAnother,
  nounFamily,
  statusCue,
} from './cues';
import { OFFICIAL_WORDS, PERSONAL_TITLES } from './cues';
import { WINDOW, attendance, hasAttendanceWords, hostStates, officialsByName, stateRoles, textBefore } from './roles';
import { type TopicRule, findTopics } from './topics';
import type { AnalyzedArticle, AnalyzedSentence, ExtractedMeeting } from './types';

export interface ExtractOptions {
  topics: TopicRule[];
  /** Short English name of a state for generated titles ("Pakistan"). */
  stateName: (iso3: string) => string;
  /** Receives sentences that spoke of a meeting but gave none, with the reason (for the report). */
  onSkip?: (sentence: AnalyzedSentence, reason: string) => void;
}

/** Evidence spans kept per meeting (the first ones in the file). */
export const MAX_EVIDENCE = 12;

/** The Taliban have been Afghanistan's government since the fall of Kabul (15 August 2021). */
const TALIBAN_GOVERNMENT_FROM = '2021-08-15';

interface Draft {
  sentences: AnalyzedSentence[];
  kinds: Set<CueKind>;
  nouns: Set<string>;
  status: MeetingStatus | null;
  statusWords: string | null;
  date: DateMention | null;
  venue: ResolvedPlace | null;
  venueWords: string | null;
  participants: Set<string>;
  absent: Set<string>;
  /** Organisations taking part (a Taliban delegation), as opposed to merely mentioned. */
  partyOrgs: Set<string>;
  groups: Map<string, StateGroupMention>;
  surnames: Set<string>;
  names: Set<string>;
  nameKey: string | null;
  named: string | null;
  why: string[];
  strong: boolean;
  hosts: Set<string>;
  /** Organisations that convene or chair the meeting ("The United Nations convened ..."). */
  hostOrgs: Set<string>;
  /** "also met", "the two sides": the other side is the article's lead party. */
  continues: boolean;
  /** "Participating NSAs will also call on ...": the lead meeting's participants. */
  inheritsParticipants: boolean;
}

/** Words between a preposition and a city that still make it the venue ("at the Chinese capital Beijing"). */
const VENUE_BEFORE = /\b(?:in|at|to|inside|visited|visiting|visits)\s+(?:the\s+)?(?:(?:[\p{L}-]+\s+){0,2}(?:capital|city)(?:\s+of)?\s+)?$/iu;
const VENUE_MODIFIER_AFTER = /^\s+(?:[A-Z][\p{L}-]*\s+){0,4}(?:Dialogue|Conference|Summit|Meeting|Consultations?|Talks|Forum|meet|meeting|talks|dialogue|conference|summit)\b/u;
const TWO_SIDES = /\b(?:the two|both)\s+(?:countries|sides|nations|leaders|parties|neighbou?rs|governments|states|ministers|delegations)\b/i;
const PARTY_ORG_AFTER = /^['’]?s?\s*(?:(?:government|administration|interim government)\s+)?(?:\d+-member\s+)?(?:delegation|officials|leaders|leadership|representatives|team|negotiators|envoys?|ministers?|authorities|side|co-founder)\b/i;
/** "The United Nations convened ...", "UN-led talks": the organisation is a side of the meeting. */
const PARTY_ORG_ACTS = /^(?:['’]s\s+\w+\s+)?\s*(?:-led\b|(?:has |had |will )?(?:convened|convenes|chaired|chairs|hosted|hosts|organi[sz]ed|organi[sz]es|led)\b)/i;
const PARTY_ORG_BEFORE = /\b(?:met|meet|meets|meeting|talks|held talks|negotiations)\s+with\s+(?:the\s+)?(?:senior\s+|top\s+)?$/i;

export function extractMeetings(article: AnalyzedArticle, options: ExtractOptions): ExtractedMeeting[] {
  const drafts: Draft[] = [];
  const officials = officialsByName(article.sentences);
  const leadStates = leadStatesOf(article);
  const people = articlePeople(article);
  let lastTouched: Draft[] = [];

  for (const s of article.sentences) {
    const text = s.text;
    const roles = stateRoles(s, s.states);
    const facts = attendance(s, s.states, roles);
    const hosts = hostStates(s, s.states, roles);
    let cues = findCues(text).filter((c) => !isReducedRelativeSigning(text, c));
    const invitation = isInvitation(text);
    const skip = (reason: string) => options.onSkip?.(s, reason);
    if (invitation) skip('an invitation to visit, not a meeting');
    if (invitation) cues = cues.filter((c) => c.kind !== 'visit' && c.kind !== 'meeting');
    const refs = findReferences(text);
    // "India invited Pakistan to Delhi meet": an invitation speaks of a meeting already reported.
    const invitedTo = !invitation && /\binvit(?:ed|es|ation)\b/i.test(text) ? cues.find((c) => c.kind === 'meeting' && !c.strong) : undefined;
    if (invitedTo) refs.unshift({ noun: invitedTo.noun ?? 'meeting', start: invitedTo.start, end: invitedTo.end, text: invitedTo.text });
    const surnames = [...officials.keys()].filter((n) => new RegExp(String.raw`\b${escapeRe(n)}\b`).test(text));
    const names = personWords(s, people);

    if (cues.length === 0 && refs.length === 0) {
      // "Pakistan had not attended any of them but China did participate": attendance for the meetings just reported.
      if (hasAttendanceWords(text) && lastTouched.length && (facts.absent.size || facts.present.size)) {
        for (const d of lastTouched) {
          addEvidence(d, s);
          facts.absent.forEach((c) => d.absent.add(c));
          facts.present.forEach((c) => d.participants.add(c));
          d.why.push(`attendance: "${clip(text)}"`);
        }
      }
      continue;
    }
    if (isGeneric(text) && !cues.some((c) => c.strong && c.kind !== 'meeting')) {
      skip('speaks of meetings in general ("such meetings", "in future")');
      continue;
    }

    const strongCues = cues.filter((c) => c.strong);
    const firstCue = cues[0] ?? null;
    const anchorAt = (firstCue ?? refs[0]!).start + s.start;
    const date = pickDate(s, anchorAt);
    const venueMention = pickVenue(s, anchorAt);
    const participants = new Set<string>();
    const groups = new Map<string, StateGroupMention>();
    for (const m of s.states) {
      if (roles.get(m) !== 'participant') continue;
      if (m.via === 'group') {
        addGroup(m, s, participants, groups);
        continue;
      }
      m.iso3.forEach((c) => participants.add(c));
    }
    hosts.forEach((c) => participants.add(c));
    facts.present.forEach((c) => participants.add(c));
    for (const n of surnames) participants.add(officials.get(n)!);
    if (TWO_SIDES.test(text) && participants.size < 2) leadStates.forEach((c) => participants.add(c));
    const partyOrgs = new Set<string>();
    const hostOrgs = new Set<string>();
    for (const o of s.organizations) {
      const after = text.slice(o.end - s.start, o.end - s.start + WINDOW);
      const before = textBefore(s, o.start);
      if (PARTY_ORG_AFTER.test(after) || PARTY_ORG_BEFORE.test(before)) partyOrgs.add(o.name);
      if (PARTY_ORG_ACTS.test(after)) {
        partyOrgs.add(o.name);
        hostOrgs.add(o.name);
      }
    }
    const st = statusCue(text);
    const isCall = cues.some((c) => c.kind === 'call');
    const signal: Signal = {
      sentence: s,
      cues,
      date,
      venue: isCall ? null : venueMention,
      participants,
      absent: facts.absent,
      partyOrgs,
      groups,
      surnames,
      names,
      status: st.status,
      statusWords: st.words,
      nameKey: nameKeyOf(text),
      named: namedTitle(text, cues),
      hosts,
      hostOrgs,
      continues: marksAnother(text) || TWO_SIDES.test(text) || /\bcounterparts?\b/i.test(text),
      inheritsParticipants: /\b(?:participating|participants|attendees)\b/i.test(text) && participants.size === 0,
      past: !st.status && sentenceTense(text) === 'past',
    };

    // A definite reference ("the meeting", "during this visit") adds to a meeting already found.
    const ref = refs[0];
    const refLeads = ref && (strongCues.length === 0 || ref.start <= strongCues[0]!.start || /\b(?:during|in|at|after|of)\s+$/i.test(textBefore(s, s.start + ref.start)));
    const sideline = !!ref && /\bon the sidelines? of\s+$/i.test(textBefore(s, s.start + ref.start)) && strongCues.length > 0;
    if (ref && refLeads && drafts.length && !sideline) {
      // An invitation is to a meeting still to come; a past-tense sentence speaks of one held.
      const pool = invitedTo ? drafts.filter((d) => d.status === 'planned') : signal.past ? drafts.filter((d) => d.status !== 'planned') : drafts;
      const target = (pool.length ? referent(pool, ref.noun, names) : null) ?? referent(drafts, ref.noun, names);
      if (target && !conflicts(target, signal)) {
        merge(target, signal, `reference: "${ref.text}"`);
        lastTouched = [target];
        continue;
      }
    }

    if (strongCues.length === 0) {
      const near = signal.venue && cues.some((c) => Math.abs(signal.venue!.start - s.start - c.end) <= 40);
      const cancelledWithParty = signal.status === 'cancelled' && participants.size > 0 && !isProcess(text);
      if (!signal.date && !near && !cancelledWithParty) {
        skip(`only a meeting noun (${cues.map((c) => `"${c.text}"`).join(', ')}) with no date, place or verb saying it took place`);
        continue;
      }
    }
    if (isProcess(text) && !signal.venue && !signal.date && strongCues.every((c) => c.kind === 'meeting')) {
      skip('a negotiation process with no dated session');
      continue;
    }
    const namesPerson = strongCues.length > 0 && (names.length > 0 || /\b(?:Prime Minister|President|Minister|Chief|Ambassador|General|King|Emir)\b/.test(text));
    if (!participants.size && !partyOrgs.size && !groups.size && !signal.venue && !signal.date && !namesPerson) {
      skip('no party, place or date for the meeting');
      continue;
    }

    if (sideline && drafts.length) {
      // "held talks ... on the sidelines of the meeting": another meeting, at the same place and time.
      const main = referent(drafts, ref!.noun, []);
      if (main && !signal.venue && main.venue) signal.venue = { start: s.start, end: s.start, text: main.venue.name, place: main.venue, via: 'gazetteer' };
      if (main && !signal.date && main.date) signal.date = main.date;
      signal.why = 'on the sidelines of another meeting';
    }
    const made: Draft[] = [];
    const parts = splitSignal(signal, text);
    for (const part of parts) {
      // Parts of one sentence are different meetings: never two into the same one.
      const existing = sideline ? undefined : drafts.find((d) => !made.includes(d) && compatible(d, part, text, parts.length > 1));
      if (existing) {
        merge(existing, part, 'same meeting: same venue or date and parties');
        if (!made.includes(existing)) made.push(existing);
      } else {
        const d = newDraft(part);
        drafts.push(d);
        made.push(d);
      }
    }
    lastTouched = made;
  }

  return drafts.map((d, i) => finish(d, i, drafts, article, options, leadStates));
}

interface Signal {
  sentence: AnalyzedSentence;
  cues: Cue[];
  date: DateMention | null;
  venue: PlaceMention | null;
  participants: Set<string>;
  absent: Set<string>;
  partyOrgs: Set<string>;
  groups: Map<string, StateGroupMention>;
  surnames: string[];
  names: string[];
  status: 'cancelled' | 'planned' | null;
  statusWords: string | null;
  nameKey: string | null;
  named: string | null;
  hosts: Set<string>;
  hostOrgs: Set<string>;
  continues: boolean;
  inheritsParticipants: boolean;
  past: boolean;
  why?: string;
}

function newDraft(sig: Signal): Draft {
  const d: Draft = {
    sentences: [],
    kinds: new Set(),
    nouns: new Set(),
    status: null,
    statusWords: null,
    date: null,
    venue: null,
    venueWords: null,
    participants: new Set(),
    absent: new Set(),
    partyOrgs: new Set(),
    groups: new Map(),
    surnames: new Set(),
    names: new Set(),
    nameKey: null,
    named: null,
    why: [],
    strong: false,
    hosts: new Set(),
    hostOrgs: new Set(),
    continues: false,
    inheritsParticipants: false,
  };
  merge(d, sig, null);
  return d;
}

function merge(d: Draft, sig: Signal, reason: string | null): void {
  addEvidence(d, sig.sentence);
  for (const c of sig.cues) {
    d.kinds.add(c.kind);
    if (c.noun) d.nouns.add(c.noun);
    if (c.strong) d.strong = true;
  }
  if (sig.cues.length) d.why.push(`cue: ${[...new Set(sig.cues.map((c) => `"${c.text}"`))].join(', ')}`);
  if (reason) d.why.push(reason);
  if (sig.why) d.why.push(sig.why);
  if (sig.status === 'cancelled' || (sig.status && !d.status)) {
    d.status = sig.status;
    d.statusWords = sig.statusWords;
  }
  if (!d.date && sig.date) {
    d.date = sig.date;
    d.why.push(`date: "${sig.date.text}"`);
  } else if (d.date && sig.date && sig.date.window.precision === 'day' && d.date.window.precision !== 'day' && overlaps(d.date, sig.date)) {
    d.date = sig.date;
  }
  if (!d.venue && sig.venue) {
    d.venue = sig.venue.place;
    d.venueWords = sig.venue.text;
    d.why.push(`venue: "${sig.venue.text}"`);
  }
  sig.participants.forEach((c) => d.participants.add(c));
  sig.absent.forEach((c) => d.absent.add(c));
  sig.partyOrgs.forEach((o) => d.partyOrgs.add(o));
  sig.groups.forEach((g, k) => d.groups.set(k, g));
  sig.surnames.forEach((n) => d.surnames.add(n));
  sig.names.forEach((n) => d.names.add(n));
  sig.hosts.forEach((c) => d.hosts.add(c));
  sig.hostOrgs.forEach((o) => d.hostOrgs.add(o));
  if (d.sentences.length === 1) {
    d.continues = sig.continues;
    d.inheritsParticipants = sig.inheritsParticipants;
  }
  d.nameKey ??= sig.nameKey;
  d.named ??= sig.named;
}

function addEvidence(d: Draft, s: AnalyzedSentence): void {
  // Sentences arrive in order, so a repeat can only be the last one added.
  if (d.sentences.at(-1) !== s) d.sentences.push(s);
}

/** The meeting a definite reference points back to. */
function referent(drafts: Draft[], noun: string, names: string[]): Draft | null {
  // The people named decide first ("Mr Jilani, in his meeting with ..."), the latest on a tie.
  let best: Draft | null = null;
  let bestShared = 0;
  for (const d of drafts) {
    const shared = names.filter((n) => d.names.has(n)).length;
    if (shared > 0 && shared >= bestShared) {
      best = d;
      bestShared = shared;
    }
  }
  if (best) return best;
  const sameNoun = [...drafts].reverse().find((d) => d.nouns.has(noun));
  if (sameNoun) return sameNoun;
  const family = nounFamily(noun);
  const sameFamily = [...drafts].reverse().find((d) => {
    if (family === 'visit') return d.kinds.has('visit') || d.nouns.has('visit');
    if (family === 'call') return d.kinds.has('call');
    return !d.kinds.has('call') || d.kinds.size > 1;
  });
  if (sameFamily) return sameFamily;
  return family === 'visit' ? (drafts[0] ?? null) : (drafts.at(-1) ?? null);
}

function conflicts(d: Draft, sig: Signal): boolean {
  if (d.date && sig.date && !overlaps(d.date, sig.date)) return true;
  if (d.venue && sig.venue && d.venue.id !== sig.venue.place.id) return true;
  return false;
}

function overlaps(a: DateMention, b: DateMention): boolean {
  return a.window.start <= b.window.end && b.window.start <= a.window.end;
}

/** Another report of a meeting already found: nothing conflicts and something positively matches. */
function compatible(d: Draft, sig: Signal, text: string, splitPart = false): boolean {
  const isCall = sig.cues.some((c) => c.kind === 'call');
  if (isCall !== d.kinds.has('call') && !(d.kinds.size > 1)) return false;
  if (conflicts(d, sig)) return false;
  // A cancelled meeting was a planned one: reports of either kind may speak of it.
  const statuses = new Set([sig.status, d.status]);
  const cancelledAndPlanned = statuses.has('cancelled') && !statuses.has('held') && statuses.size === 2;
  if ((sig.status ?? 'held') !== (d.status ?? 'held') && !cancelledAndPlanned) return false;
  const sameName = !!sig.nameKey && sig.nameKey === d.nameKey;
  if (sameName) return true;
  if (marksAnother(text) && !splitPart) return false;
  // An organisation on one side and not the other: different meetings ("with the Taliban" vs "with Afghanistan").
  if (splitPart && (sig.partyOrgs.size > 0) !== (d.partyOrgs.size > 0) && sig.participants.size + d.participants.size > 0) {
    const shared = [...sig.participants].some((c) => d.participants.has(c));
    if (!shared) return false;
  }
  const sameDate = !!(d.date && sig.date && d.date.window.start === sig.date.window.start && d.date.window.end === sig.date.window.end);
  const sameVenue = !!(d.venue && sig.venue && d.venue.id === sig.venue.place.id);
  const headline = d.sentences[0]!.isHeadline || sig.sentence.isHeadline;
  if (!sameDate && !sameVenue && !headline) return false;
  // A date that differs in precision ("earlier this week" vs "on Sunday") is another meeting.
  if (d.date && sig.date && !sameDate) return false;
  const a = d.participants;
  const b = sig.participants;
  if (a.size && b.size) {
    const shared = [...b].filter((c) => a.has(c)).length;
    if (shared === 0) return false;
  }
  return true;
}

/**
 * One sentence that reports several meetings: "hosted meetings ... in 2018 and 2019"
 * (one per date), "bilateral talks with his counterparts Uzbekistan and Tajikistan" or
 * "meetings with Taliban leaders and Afghan president" (one per counterpart).
 */
function splitSignal(sig: Signal, text: string): Signal[] {
  const plural = /\b(?:meetings|bilateral talks|bilateral meetings|separate(?:ly)?)\b/i.test(text);
  if (!plural) return [sig];
  const dates = sig.sentence.dates.filter((d) => !isReportingDate(text, d.start - sig.sentence.start, d.end - sig.sentence.start));
  if (/\bmeetings\b/i.test(text) && dates.length >= 2) {
    return dates.map((date) => ({ ...sig, date }));
  }
  // "the Taliban leaders and, separately, the President of Afghanistan, were going to meet with me".
  if (/\band,?\s+separately,?\s/i.test(text)) {
    const sides = [...[...sig.participants].map((c) => ({ iso3: [c], org: null as string | null })), ...[...sig.partyOrgs].map((o) => ({ iso3: [] as string[], org: o }))];
    if (sides.length >= 2) return sides.map((side) => ({ ...sig, participants: new Set(side.iso3), partyOrgs: side.org ? new Set([side.org]) : new Set<string>() }));
  }
  const withMatch = text.match(/\b(?:with|counterparts?)\s+(?:his\s+|her\s+|their\s+)?(?:counterparts?\s+(?:from\s+|of\s+)?)?((?:(?!\b(?:set|to|on|at|in|after|before|who|which|that|for|during|and called)\b)[^,.;])*?(?:\band\b|,)(?:(?!\b(?:set|to|on|at|in|after|before|who|which|that|for|during)\b)[^.;])*)/i);
  if (!withMatch || withMatch.index === undefined) return [sig];
  const from = sig.sentence.start + withMatch.index;
  const to = from + withMatch[0].length;
  const sides: Array<{ iso3: string[]; org: string | null }> = [];
  for (const m of sig.sentence.states) if (m.start >= from && m.end <= to && m.via !== 'group') sides.push({ iso3: m.iso3, org: null });
  for (const o of sig.sentence.organizations) if (o.start >= from && o.end <= to) sides.push({ iso3: [], org: o.name });
  if (sides.length < 2) return [sig];
  const counterpartCodes = new Set(sides.flatMap((x) => x.iso3));
  const rest = [...sig.participants].filter((c) => !counterpartCodes.has(c));
  return sides.map((side) => ({
    ...sig,
    participants: new Set([...rest, ...side.iso3]),
    partyOrgs: side.org ? new Set([side.org]) : new Set<string>(),
  }));
}

function addGroup(m: StateMention, s: AnalyzedSentence, participants: Set<string>, groups: Map<string, StateGroupMention>): void {
  const name = m.group?.name ?? m.text;
  // A counted group ("five Central Asian countries") names its members; a format or a vague
  // group ("Central Asian partners", "Moscow Format") is recorded, not expanded.
  const before = textBefore(s, m.start);
  const counted = /^(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b/i.test(m.text) || /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+$/i.test(before);
  if (counted) m.iso3.forEach((c) => participants.add(c));
  else groups.set(name, { name, members: [...m.iso3].sort(), source: m.group?.source ?? 'data/state-groups.json' });
}

function pickDate(s: AnalyzedSentence, anchor: number): DateMention | null {
  const candidates = s.dates.filter((d) => !isReportingDate(s.text, d.start - s.start, d.end - s.start));
  if (!candidates.length) return null;
  return [...candidates].sort((a, b) => distance(a, anchor) - distance(b, anchor) || a.start - b.start)[0]!;
}

function pickVenue(s: AnalyzedSentence, anchor: number): PlaceMention | null {
  const groupSpans = s.states.filter((m) => m.via === 'group');
  const venues = s.places.filter((p) => {
    if (groupSpans.some((g) => g.start <= p.start && p.end <= g.end)) return false;
    const after = s.text.slice(p.end - s.start, p.end - s.start + WINDOW);
    if (/^(?:-|\s+Format\b|['’]s\b)/.test(after)) return false;
    const before = textBefore(s, p.start);
    return VENUE_BEFORE.test(before) || VENUE_MODIFIER_AFTER.test(after);
  });
  if (!venues.length) return null;
  return [...venues].sort((a, b) => distance(a, anchor) - distance(b, anchor) || a.start - b.start)[0]!;
}

function distance(span: { start: number; end: number }, at: number): number {
  return span.end <= at ? at - span.end : span.start >= at ? span.start - at : 0;
}

/** Lower-case key of a named format ("regional security dialogue") to join its mentions. */
function nameKeyOf(text: string): string | null {
  const m = text.match(/\b((?:[\p{L}-]+\s+){2})(dialogue|conference|consultations?|summit|format|forum)\b/iu);
  if (!m) return null;
  const words = m[1]!.toLowerCase().trim().split(/\s+/);
  if (words.some((w) => /^(?:the|a|an|this|that|his|her|their|its|of|on|in|at|and|bilateral|first|second|next)$/.test(w))) return null;
  return `${words.join(' ')} ${m[2]!.toLowerCase().replace(/s$/, '')}`;
}

/** A meeting's own name from the text: a quoted title or a capitalised one. */
function namedTitle(text: string, cues: Cue[]): string | null {
  const quoted = text.match(/["“]([A-Z][^"”]{4,100}?)[,.]?["”]/);
  if (quoted && /\b(?:Conference|Dialogue|Consultations?|Summit|Meeting|Talks|Format|Forum|Round|Mechanism|Session)\b/.test(quoted[1]!)) {
    return quoted[1]!.trim();
  }
  const caps = text.match(
    /\b((?:[A-Z][\p{L}’'-]*)(?:\s+(?:[A-Z][\p{L}’'-]*|of|on|for|the|and)){1,8}?\s+(?:Dialogue|Conference|Consultations?|Summit|Meeting|Forum|Mechanism talks|Format Consultations))\b/u,
  );
  if (caps) return caps[1]!.replace(/^The\s+/, '').trim();
  if (cues.some((c) => c.kind === 'signing')) {
    const signed = text.match(/\bsigned (?:the |a |an )?((?:[A-Z][\p{L}’'-]*)(?:\s+(?:[A-Z][\p{L}’'-]*|on|of|for|the|\([A-Z]+\))){1,14})/u);
    if (signed) return `Signing of the ${signed[1]!.replace(/\s+(?:the|of|on|for)$/, '')}`;
  }
  return null;
}

function leadStatesOf(article: AnalyzedArticle): string[] {
  const lead = article.sentences.filter((s) => s.isHeadline || s.index <= 1).slice(0, 3);
  const found: string[] = [];
  for (const s of lead) {
    const roles = stateRoles(s, s.states);
    for (const m of s.states) {
      if (roles.get(m) === 'participant' && m.via !== 'group') for (const c of m.iso3) if (!found.includes(c)) found.push(c);
    }
  }
  if (found.length === 0 && article.dateline) found.push(article.dateline.countryIso3);
  return found.slice(0, 2);
}

function finish(d: Draft, i: number, all: Draft[], article: AnalyzedArticle, options: ExtractOptions, leadStates: string[]): ExtractedMeeting {
  const why = [...d.why];
  const isCall = d.kinds.has('call');
  const firstIndex = d.sentences[0]!.index;
  const lead = i === 0 && firstIndex <= 3;
  // The lead event takes the article's dateline city and lead-sentence date when its own sentences give none.
  let venue = isCall ? null : d.venue;
  if (!venue && lead && !isCall && article.dateline && d.status !== 'planned') {
    venue = article.dateline;
    why.push(`venue: dateline "${article.dateline.name}"`);
  }
  let date = d.date;
  if (!date && lead) {
    const first = article.sentences.find((s) => !s.isHeadline);
    const fromLead = first?.dates[0];
    if (fromLead) {
      date = fromLead;
      why.push(`date: lead sentence "${fromLead.text}"`);
    }
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

function kindOf(isCall: boolean, sides: number, d: Draft): MeetingKind {
  if (isCall) return 'call';
  const said = d.sentences.map((s) => s.text).join(' ');
  if (/\btrilateral\b/i.test(said) && sides <= 3) return 'trilateral';
  if (/\bmultilateral\b|\bformat\b|\b(?:\d+|three|four|five|six|seven|eight|nine|ten|several|many|dozens of)\s+(?:\w+\s+)?(?:countries|states|nations)\b|\bmeetings? (?:among|of) the\b[^.]*\b(?:countries|states|nations)\b/i.test(said) && sides <= 3) return 'multilateral';
  if (/\bbilateral (?:talks|meeting|dialogue|consultations)\b/i.test(said) && sides <= 2) return 'bilateral';
  if (d.groups.size > 0 && sides < 4) return 'multilateral';
  if (sides >= 4) return 'multilateral';
  if (sides === 3) return 'trilateral';
  return 'bilateral';
}

function genericTitle(d: Draft, parts: string[], orgs: string[], isCall: boolean, options: ExtractOptions): string {
  const names = [...parts.map(options.stateName), ...orgs.filter((o) => !(o === 'Taliban' && parts.includes('AFG')))];
  const noun = isCall
    ? 'call'
    : d.kinds.has('courtesy')
      ? 'courtesy call'
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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

const NOT_NAMES = new Set(
  'The This That These Those During Earlier Later After Before Both Additionally However While When According Speaking Following Under In On At For From With And But Mr Mrs Ms Dr Senator General Ambassador Mullah Sheikh President Prime Minister Ministry Foreign Interior Defence Defense Affairs Security National Special Representative Deputy Acting Senior Caretaker Chief Army Staff Secretary Adviser Advisor Office State Council Federal Director Assistant Department January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Islamic Republic Government Embassy Envoy Commander News Agency Radio'.split(' '),
);

/**
 * People named in the article: capitalised words after a title or role ("Interior Minister
 * Mohsin Naqvi", "Mr Jilani", "his Afghan counterpart Sirajuddin Haqqani"). Used to tell which
 * earlier meeting a later sentence speaks of.
 */
function articlePeople(article: AnalyzedArticle): Set<string> {
  const people = new Set<string>();
  for (const s of article.sentences) {
    const taken = [...s.states, ...s.places, ...s.organizations, ...s.dates];
    let afterTitle = false;
    for (const m of s.text.matchAll(/[\p{L}’'.-]+/gu)) {
      const word = m[0].replace(/['’]s$/, '').replace(/\.$/, '');
      const lower = word.toLowerCase();
      const at = s.start + m.index;
      if (OFFICIAL_WORDS.has(lower) || PERSONAL_TITLES.has(lower)) {
        afterTitle = true;
        continue;
      }
      const capital = /^\p{Lu}\p{Ll}/u.test(word);
      if (afterTitle && capital && !taken.some((t) => t.start <= at && at < t.end) && !NOT_NAMES.has(word)) people.add(word);
      else if (!capital || taken.some((t) => t.start <= at && at < t.end)) afterTitle = false;
    }
  }
  return people;
}

function personWords(s: AnalyzedSentence, people: Set<string>): string[] {
  const out: string[] = [];
  for (const m of s.text.matchAll(/\p{Lu}[\p{Ll}’'-]{2,}/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (people.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}
