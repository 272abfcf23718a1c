/**
 * Stage 1 of extraction: event mentions. Each sentence is read on its own for what it says
 * about a meeting: the cue words, a definite reference back to one ("the talks", "during
 * this visit"), and the facts near them (date, venue, parties, status). No grouping here:
 * which mentions are one event is decided over the whole document by `events.ts`.
 *
 * Pure and deterministic; every rule is about news English, never about one article.
 */
import type { MeetingStatus, StateGroupMention } from '../../dataset/schema';
import type { DateMention, PlaceMention, ResolvedPlace, StateMention } from '../contracts';
import {
  type Cue,
  findCues,
  findReferences,
  isGeneric,
  isInvitation,
  isProcess,
  isReducedRelativeSigning,
  isReportingDate,
  marksAnother,
  MORE_SIDES_SAID,
  type Reference,
  sentenceTense,
  statusCue,
} from './cues';
import { tenseAt, verbGroups } from '../text/grammar';
import { escapeRegExp, type Lexicon } from './lexicon';
import { personWords } from './people';
import { attendance, hasAttendanceWords, hostStates, stateRoles, textBefore, WINDOW } from './roles';
import type { AnalyzedSentence } from './types';

/** What one sentence says about one meeting. */
export interface EventMention {
  sentence: AnalyzedSentence;
  cues: Cue[];
  date: DateMention | null;
  venue: PlaceMention | null;
  participants: Set<string>;
  absent: Set<string>;
  /** Organisations taking part (a Taliban delegation), as opposed to merely mentioned. */
  partyOrgs: Set<string>;
  groups: Map<string, StateGroupMention>;
  /** Surnames of officials whose state the article gives elsewhere. */
  surnames: string[];
  /** People's names in the sentence (see people.ts). */
  names: string[];
  status: Exclude<MeetingStatus, 'held'> | null;
  statusWords: string | null;
  /** Lower-case name of a format ("regional security dialogue") that joins its mentions. */
  nameKey: string | null;
  /** The meeting's own name when the text gives one. */
  named: string | null;
  hosts: Set<string>;
  /** Organisations that convene or chair the meeting ("The United Nations convened ..."). */
  hostOrgs: Set<string>;
  /** "also met", "the two sides": the other side is the article's lead party. */
  continues: boolean;
  /** "Participating NSAs will also call on ...": the lead meeting's participants. */
  inheritsParticipants: boolean;
  /** A past-tense sentence with no status cue. */
  past: boolean;
  /** "is holding talks": happening as the article is written. */
  ongoing: boolean;
  /** The venue is implied (a hosting ministry's capital), not stated: a stated one replaces it. */
  venueImplied?: boolean;
  /** An extra line for the review report. */
  why?: string;
}

/** A definite reference in the sentence and how it binds. */
export interface MentionReference {
  ref: Reference;
  /** The reference leads the sentence's report ("During the talks, X met Y"). */
  leads: boolean;
  /** "on the sidelines of the meeting": another meeting at the same place and time. */
  sideline: boolean;
  /** "India invited Pakistan to the meet": a meeting still to come. */
  invitation: boolean;
}

export type SentenceReading =
  /** Attendance words with no meeting cue: "Pakistan had not attended any of them". */
  | { kind: 'attendance'; sentence: AnalyzedSentence; present: Set<string>; absent: Set<string> }
  | {
      kind: 'event';
      mention: EventMention;
      /** The meetings one sentence reports separately ("talks with X and, separately, Y"). */
      parts: EventMention[];
      reference: MentionReference | null;
      /** Why the mention cannot start a meeting of its own (it may still add to one). */
      notStandalone: string | null;
    };

export interface MentionContext {
  /** Surname → ISO3 of officials the article introduces with their state. */
  officials: Map<string, string>;
  /** The states of the article's lead. */
  leadStates: string[];
  /** People's name words in the article. */
  people: Set<string>;
  /** Publication date, for what is happening as the article is written. */
  published: string | null;
  /** The meeting vocabulary (data/meeting-words.json). */
  lexicon: Lexicon;
  /** A state's capital, for a meeting its ministry hosts; absent in contexts without a gazetteer. */
  capitalOf?: (iso3: string) => ResolvedPlace | null;
}

/** Words between a preposition and a city that still make it the venue ("at the Chinese capital Beijing"). */
/** "Tashkent hosted the meeting": a city that hosts is where it met. */
const VENUE_HOSTS_AFTER = /^\s+(?:hosted|hosts|will host|is hosting|was hosting|to host|played host to)\b/;
const VENUE_BEFORE = /\b(?:in|at|to|inside|visit|visited|visiting|visits)\s+(?:the\s+)?(?:(?:[\p{L}-]+\s+){0,2}(?:capital|city)(?:\s+of)?\s+)?$/iu;
const VENUE_MODIFIER_AFTER = /^\s+(?:[A-Z][\p{L}-]*\s+){0,4}(?:Dialogue|Conference|Summit|Meeting|Consultations?|Talks|Forum|meet|meeting|talks|dialogue|conference|summit)\b/u;
const TWO_SIDES = /\b(?:the two|both)\s+(?:countries|sides|nations|leaders|parties|neighbou?rs|governments|states|ministers|delegations)\b/i;
const PARTY_ORG_AFTER = /^['’]?s?\s*(?:(?:government|administration|interim government)\s+)?(?:\d+-member\s+)?(?:(?:acting|deputy|senior|top|chief|foreign|interior|defen[cs]e)\s+){0,2}(?:delegation|officials|leaders|leadership|representatives|team|negotiators|envoys?|ministers?|authorities|side|co-founder)\b/i;
/** "The United Nations convened ...", "UN-led talks": the organisation is a side of the meeting. */
const PARTY_ORG_ACTS = /^(?:['’]s\s+\w+\s+)?\s*(?:-led\b|(?:has |had |will )?(?:convened|convenes|chaired|chairs|hosted|hosts|organi[sz]ed|organi[sz]es|led)\b)/i;
const PARTY_ORG_BEFORE = /\b(?:met|meet|meets|meeting|talks|held talks|negotiations)\s+with\s+(?:the\s+)?(?:senior\s+|top\s+)?$/i;

/** Reads one sentence; null when it says nothing about a meeting. */
export function readSentence(s: AnalyzedSentence, ctx: MentionContext, skip: (reason: string) => void): SentenceReading | null {
  const text = s.text;
  const roles = stateRoles(s, s.states, ctx.lexicon);
  const facts = attendance(s, s.states, roles);
  const hosts = hostStates(s, s.states, roles);
  let cues = findCues(text, ctx.lexicon).filter((c) => !isReducedRelativeSigning(text, c));
  const invitation = isInvitation(text);
  if (invitation) skip('an invitation to visit, not a meeting');
  if (invitation) cues = cues.filter((c) => c.kind !== 'visit' && c.kind !== 'meeting');
  const refs = findReferences(text, ctx.lexicon);
  // "India invited Pakistan to Delhi meet": an invitation speaks of a meeting already reported.
  const invitedTo = !invitation && /\binvit(?:ed|es|ation)\b/i.test(text) ? cues.find((c) => c.kind === 'meeting' && !c.strong) : undefined;
  if (invitedTo) refs.unshift({ noun: invitedTo.noun ?? 'meeting', start: invitedTo.start, end: invitedTo.end, text: invitedTo.text });

  if (cues.length === 0 && refs.length === 0) {
    // "Representatives of ten countries attended": no state named, but the count is the meeting's.
    if (hasAttendanceWords(text) && (facts.absent.size || facts.present.size || MORE_SIDES_SAID.test(text))) return { kind: 'attendance', sentence: s, present: facts.present, absent: facts.absent };
    return null;
  }
  if (isGeneric(text) && !cues.some((c) => c.strong && c.kind !== 'meeting')) {
    skip('speaks of meetings in general ("such meetings", "in future")');
    return null;
  }
  const surnames = [...ctx.officials.keys()].filter((n) => new RegExp(String.raw`\b${escapeRegExp(n)}\b`).test(text));
  const names = personWords(s, ctx.people);
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
  for (const n of surnames) participants.add(ctx.officials.get(n)!);
  if (TWO_SIDES.test(text) && participants.size < 2) ctx.leadStates.forEach((c) => participants.add(c));
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
  const lexical = statusCue(text);
  // The verb that governs the meeting's words says whether it happened, is happening or is to come.
  const cue = strongCues[0] ?? firstCue ?? refs[0]!;
  const governing = tenseAt(verbGroups(text, { headline: s.isHeadline }), cue.start);
  // A verb cue ("will meet") carries its tense; a meeting noun only from a verb just before it
  // ("will chair the third meeting"), not from a main clause it is no object of ("agreed ... during the talks").
  const verb = governing && (strongCues.length > 0 || (governing.end <= cue.start && cue.start - governing.end <= 40)) ? governing : null;
  const st = !lexical.status && verb?.plans ? { status: 'planned' as const, words: verb.text } : lexical;
  const isCall = cues.some((c) => c.kind === 'call');
  const mention: EventMention = {
    sentence: s,
    cues,
    date,
    venue: isCall ? null : (venueMention ?? hostMinistryCapital(s, ctx)),
    ...(isCall || venueMention || !hostMinistryCapital(s, ctx) ? {} : { venueImplied: true }),
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
    // "participating NSAs", and "the next round", "the previous meeting" of the same format: the lead meeting's parties.
    inheritsParticipants: /\b(?:participating|participants|attendees)\b|\b(?:next|previous|last|earlier|second|third|fourth|fifth|sixth|another)\s+(?:round|session|meeting|edition)\b/i.test(text) && participants.size === 0,
    past: !st.status && (verb ? verb.tense === 'past' : sentenceTense(text) === 'past'),
    ongoing: !st.status && verb?.tense === 'progressive',
  };

  const ref = refs[0];
  const reference: MentionReference | null = ref
    ? {
        ref,
        leads:
          strongCues.length === 0 ||
          ref.start <= strongCues[0]!.start ||
          /\b(?:during|in|at|after|of)\s+$/i.test(textBefore(s, s.start + ref.start)) ||
          // "Envoys from A, B and C attended the talks": the verb is the reference's own.
          strongCues.every((c) => c.start <= ref.start && ref.end <= c.end),
        sideline: /\bon the sidelines? of\s+$/i.test(textBefore(s, s.start + ref.start)) && strongCues.length > 0,
        invitation: !!invitedTo,
      }
    : null;

  let notStandalone: string | null = null;
  if (strongCues.length === 0) {
    const near = mention.venue && cues.some((c) => Math.abs(mention.venue!.start - s.start - c.end) <= 40);
    const cancelledWithParty = mention.status === 'cancelled' && participants.size > 0 && !isProcess(text);
    if (!mention.date && !near && !cancelledWithParty) notStandalone = `only a meeting noun (${cues.map((c) => `"${c.text}"`).join(', ')}) with no date, place or verb saying it took place`;
  }
  if (!notStandalone && isProcess(text) && !mention.venue && !mention.date && strongCues.every((c) => c.kind === 'meeting')) notStandalone = 'a negotiation process with no dated session';
  // "could not attend the summit": an event named only as one a party missed is no report of it.
  const missed = (c: Cue) => /\b(?:could|did|will|would|can|does|do)\s*(?:not|n['’]t)\s+(?:\w+\s+)?(?:attend|join|participate in|take part in)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,4}$|\bunable to (?:attend|join)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}$/iu.test(text.slice(Math.max(0, c.start - 60), c.start));
  const missedOnly = cues.length > 0 && cues.every(missed);
  if (!notStandalone && missedOnly && facts.present.size === 0 && hosts.size === 0) notStandalone = 'an event named only as one a party did not attend';
  const namesPerson = strongCues.length > 0 && (names.length > 0 || /\b(?:Prime Minister|President|Minister|Chief|Ambassador|General|King|Emir)\b/.test(text));
  if (!notStandalone && !participants.size && !partyOrgs.size && !groups.size && !mention.venue && !mention.date && !namesPerson) notStandalone = 'no party, place or date for the meeting';
  const host = reference?.sideline ? null : sidelinesHost(mention, s);
  const parts = host ? [...splitMention(host.side, text), host.host] : splitMention(mention, text);
  return { kind: 'event', mention: host?.side ?? mention, parts, reference, notStandalone };
}

/**
 * One sentence that reports several meetings: "hosted meetings ... in 2018 and 2019"
 * (one per date), "bilateral talks with his counterparts Uzbekistan and Tajikistan" or
 * "meetings with Taliban leaders and Afghan president" (one per counterpart).
 */
/** "will meet with President X and Minister of Foreign Affairs Y": two titled counterparts joined by "and". */
const TITLE = String.raw`(?:President|Prime Minister|(?:[A-Z][\p{L}-]+\s+){0,2}Minister|Minister of [A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)?|King|Emir|Crown Prince|Chancellor|Secretary of State|Chairman|Army Chief|Chief of [A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)*)`;
const TWO_COUNTERPARTS = new RegExp(
  String.raw`\b(?:meet|meets|met|meeting|talks|hold talks|held talks)\s+with\s+(?:[A-Z][\p{L}-]+\s+){0,2}?${TITLE}\s+(?:[A-Z][\p{L}'’-]+\s+){1,3}and\s+(?:the\s+)?(?:[A-Z][\p{L}-]+\s+){0,2}?${TITLE}\s+[A-Z]`,
  'u',
);

function splitMention(sig: EventMention, text: string): EventMention[] {
  // One sentence that announces talks with two counterparts gives two meetings, even of one state.
  if (TWO_COUNTERPARTS.test(text)) return [sig, { ...sig }];
  // "met with the top diplomats of Uzbekistan and Tajikistan": one meeting with each.
  const plural = /\b(?:meetings|bilateral talks|bilateral meetings|separate(?:ly)?)\b|\bwith (?:the\s+)?(?:top\s+|senior\s+)?(?:diplomats|foreign ministers|defen[cs]e ministers|interior ministers|counterparts|leaders|envoys|army chiefs)\s+(?:of|from)\b/i.test(text);
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

/** "The Pakistani Foreign Ministry hosted the meeting": a ministry hosts in its capital. */
const HOST_MINISTRY = /\b(?:Foreign Ministry|Ministry of Foreign Affairs|Foreign Office|Interior Ministry|Ministry of (?:the )?Interior|Defen[cs]e Ministry|Ministry of Defen[cs]e|Ministry of External Affairs)\s+(?:hosted|hosts|will host|is hosting|organi[sz]ed)\b/;

function hostMinistryCapital(s: AnalyzedSentence, ctx: MentionContext): PlaceMention | null {
  if (!ctx.capitalOf) return null;
  const m = HOST_MINISTRY.exec(s.text);
  if (!m) return null;
  const at = s.start + m.index;
  // The state named right before the ministry: "Pakistani", "Pakistan's", "the Foreign Ministry of ..." is not handled.
  const state = s.states.find((x) => x.end <= at && at - x.end <= 8 && x.iso3.length === 1 && x.via !== 'group');
  const capital = state ? ctx.capitalOf(state.iso3[0]!) : null;
  return capital ? { start: at, end: at + m[0].length, text: m[0], place: capital, via: 'gazetteer' } : null;
}

const SIDELINES = /\bon the (?:sidelines?|margins?) of\s+(?:the\s+|a\s+|an\s+)?/i;

/**
 * "X met Y on the sidelines of the SCO summit in Astana": two meetings, the side meeting and
 * the summit it was held at, in the same place and time. The format or group named in the
 * summit's words (SCO, "Nato talks") is the summit's, not the side meeting's.
 */
function sidelinesHost(mention: EventMention, s: AnalyzedSentence): { side: EventMention; host: EventMention } | null {
  const m = SIDELINES.exec(s.text);
  if (!m) return null;
  const from = m.index + m[0].length;
  const hostCue = mention.cues.find((c) => c.start >= from && c.start - from <= 80 && c.noun && c.kind === 'meeting');
  if (!hostCue) return null;
  const inHost = (span: { start: number; end: number }) => span.start - s.start >= from && span.end - s.start <= hostCue.end;
  const hostGroups = new Map<string, StateGroupMention>();
  const hostParticipants = new Set<string>();
  for (const g of s.states.filter(inHost)) {
    if (g.via === 'group') addGroup(g, s, hostParticipants, hostGroups);
    else g.iso3.forEach((c) => hostParticipants.add(c));
  }
  const hostOrgs = new Set(s.organizations.filter(inHost).map((o) => o.name));
  const words = s.text.slice(from, hostCue.end);
  // The side meeting's parties were at the summit too.
  mention.participants.forEach((c) => hostParticipants.add(c));
  const shortName = words.split(/\s+/).length <= 6 ? words.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : null;
  const host: EventMention = {
    ...mention,
    cues: [hostCue],
    participants: hostParticipants,
    absent: new Set(),
    partyOrgs: hostOrgs,
    groups: hostGroups,
    surnames: [],
    names: [],
    hosts: new Set(),
    hostOrgs: new Set(),
    nameKey: nameKeyOf(words),
    named: namedTitle(words, [hostCue]) ?? shortName,
    continues: false,
    inheritsParticipants: false,
    why: 'the meeting whose sidelines another was held on',
  };
  const groups = new Map([...mention.groups].filter(([name]) => !hostGroups.has(name)));
  const partyOrgs = new Set([...mention.partyOrgs].filter((o) => !hostOrgs.has(o)));
  return { side: { ...mention, groups, partyOrgs, why: 'on the sidelines of another meeting' }, host };
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
    // "Moscow Format", "Kabul Process": a format named after a city meets elsewhere too.
    if (/^(?:-|\s+(?:Format|Process)\b|['’]s\b)/.test(after)) return false;
    const before = textBefore(s, p.start);
    return VENUE_BEFORE.test(before) || VENUE_MODIFIER_AFTER.test(after) || VENUE_HOSTS_AFTER.test(after);
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
