/**
 * Stage 2 of extraction: events. The mentions of one article are grouped into the events
 * they speak of, over the whole document:
 *
 * 1. In reading order, a definite reference ("the talks", "during this visit") joins the
 *    event it points back to; another report of an event already found (same venue or
 *    date and parties, or the same named format) joins it; anything else starts an event.
 * 2. Then, over the whole document, fragments are resolved: a mention that names no party,
 *    place or date of its own joins the event before it, and an event whose facts are a
 *    part of another's with nothing contradicting (the headline and lead of the main
 *    event, "the talks" in a later paragraph) is folded into it. An event with its own
 *    date, venue or parties that differ (an earlier round, another city) stays apart.
 */
import type { MeetingStatus, StateGroupMention } from '../../dataset/schema';
import type { DateMention, ResolvedPlace } from '../contracts';
import { type CueKind, marksAnother, nounFamily } from './cues';
import type { EventMention, SentenceReading } from './mentions';
import type { AnalyzedSentence } from './types';

/** One event and everything its mentions said. */
export interface MeetingEvent {
  mentions: EventMention[];
  sentences: AnalyzedSentence[];
  kinds: Set<CueKind>;
  nouns: Set<string>;
  status: Exclude<MeetingStatus, 'held'> | null;
  statusWords: string | null;
  date: DateMention | null;
  venue: ResolvedPlace | null;
  venueWords: string | null;
  participants: Set<string>;
  absent: Set<string>;
  partyOrgs: Set<string>;
  groups: Map<string, StateGroupMention>;
  surnames: Set<string>;
  names: Set<string>;
  nameKey: string | null;
  named: string | null;
  why: string[];
  strong: boolean;
  hosts: Set<string>;
  hostOrgs: Set<string>;
  continues: boolean;
  inheritsParticipants: boolean;
  /** The article's main event: the one its headline and lead report. */
  main: boolean;
  /** Venue or date taken from the article (dateline, lead sentence), not stated by a mention: a stated one replaces it. */
  implied: { venue: boolean; date: boolean };
}

const PLURAL_REFERENCE = /^\s*(?:the|these|those|both)\s+(?:two\s+|three\s+)?meetings\b/i;

/** What the events stage reads from the article as a whole. */
export interface ArticleFacts {
  /** The dateline city ("KABUL:"), when the article opens with one. */
  dateline: ResolvedPlace | null;
  /** The lead sentence's first date of an event, when it gives one. */
  leadDate: DateMention | null;
  /**
   * The lead's first date even when it dates a saying ("X said on Wednesday"): a meeting
   * held is reported the day its words were said; a plan is not held the day it is announced.
   */
  leadReportingDate: DateMention | null;
}

/** Groups an article's sentence readings into events (see the file comment). */
export function groupMentions(readings: SentenceReading[], article: ArticleFacts, skip: (s: AnalyzedSentence, reason: string) => void): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  let lastTouched: MeetingEvent[] = [];
  /** The meetings the last sentence that reported several of them gave. */
  let lastSplit: MeetingEvent[] = [];
  for (const r of readings) {
    if (r.kind === 'attendance') {
      // "Pakistan had not attended any of them but China did participate": attendance for the meetings just reported.
      for (const e of lastTouched) {
        addEvidence(e, r.sentence);
        r.absent.forEach((c) => e.absent.add(c));
        r.present.forEach((c) => e.participants.add(c));
        e.why.push(`attendance: "${clip(r.sentence.text)}"`);
      }
      continue;
    }
    const { mention, reference } = r;
    // "The meetings in Washington": a definite plural speaks of every meeting the last
    // sentence that reported several gave; it adds its place and date to each, not its parties.
    const pluralReference = PLURAL_REFERENCE.test(mention.sentence.text) && lastSplit.length >= 2;
    if (pluralReference && (mention.participants.size === 0 || !mention.cues.some((c) => c.strong))) {
      for (const e of lastSplit) absorb(e, { ...mention, participants: new Set(), partyOrgs: new Set(), absent: new Set(), groups: new Map(), names: [], surnames: [] }, 'reference: the meetings of one sentence');
      lastTouched = lastSplit;
      continue;
    }
    // A definite reference ("the meeting", "during this visit") adds to an event already found.
    if (reference?.leads && !reference.sideline && events.length) {
      // An invitation is to a meeting still to come; a past-tense sentence speaks of one held.
      const pool = reference.invitation ? events.filter((e) => e.status === 'planned') : mention.past ? events.filter((e) => e.status !== 'planned') : events;
      const target = (pool.length ? referent(pool, reference.ref.noun, mention.names) : null) ?? referent(events, reference.ref.noun, mention.names);
      if (target && !conflicts(target, mention)) {
        absorb(target, mention, `reference: "${reference.ref.text}"`);
        lastTouched = [target];
        continue;
      }
    }
    if (r.notStandalone) {
      skip(mention.sentence, r.notStandalone);
      continue;
    }
    const sideline = !!reference?.sideline && events.length > 0;
    if (sideline) {
      // "held talks ... on the sidelines of the meeting": another meeting, at the same place and time.
      const main = referent(events, reference!.ref.noun, []);
      if (main && !mention.venue && main.venue) mention.venue = { start: mention.sentence.start, end: mention.sentence.start, text: main.venue.name, place: main.venue, via: 'gazetteer' };
      if (main && !mention.date && main.date) mention.date = main.date;
      mention.why = 'on the sidelines of another meeting';
    }
    const parts = r.parts.map((p) => (sideline ? { ...p, venue: mention.venue, date: mention.date, why: mention.why } : p));
    const made: MeetingEvent[] = [];
    for (const part of parts) {
      // Parts of one sentence are different meetings: never two into the same one.
      const existing = sideline ? undefined : events.find((e) => !made.includes(e) && compatible(e, part, part.sentence.text, parts.length > 1));
      if (existing) {
        absorb(existing, part, 'same meeting: same venue or date and parties');
        if (!made.includes(existing)) made.push(existing);
      } else {
        const e = newEvent(part);
        events.push(e);
        made.push(e);
      }
    }
    lastTouched = made;
    if (made.length >= 2) lastSplit = made;
  }
  markMainEvent(events, article);
  return meetingsDuringVisits(resolveFragments(events));
}

/**
 * A meeting reported right after a visit, with a party of the visit, happens during it: "X
 * will travel to Tashkent on 25-27 March. He will meet with the President ..." takes the
 * visit's city and days, as implied facts.
 */
export function meetingsDuringVisits(events: MeetingEvent[]): MeetingEvent[] {
  const out = [...events];
  for (let i = 1; i < out.length; i++) {
    const e = out[i]!;
    if (e.kinds.has('call') || (e.venue && e.date)) continue;
    const v = out.slice(0, i).reverse().find((x) => x.kinds.has('visit'));
    if (!v?.venue || v.status !== e.status) continue;
    if (e.sentences[0]!.index - v.sentences.at(-1)!.index > 2) continue;
    // The next step of the trip in the same city ("will then attend the Tashkent Conference") is during it too.
    const sameCity = !!e.venue && e.venue.id === v.venue.id;
    // A party of the visit, or of the country visited ("will visit New Delhi ... expected to meet Indian officials").
    const ofTheVisit = (c: string) => v.participants.has(c) || c === v.venue!.countryIso3;
    if (!sameCity && (reportsAnother(e.mentions[0]!) || ![...e.participants].some(ofTheVisit))) continue;
    // A date of its own must lie within the visit's days.
    if (e.date && !(v.date && v.date.window.start <= e.date.window.start && e.date.window.end <= v.date.window.end)) continue;
    if (!e.venue) {
      e.venue = v.venue;
      e.venueWords = v.venueWords;
      e.implied.venue = true;
      e.why.push(`venue: during the visit to ${v.venue.name}`);
    }
    if (!e.date && v.date) {
      e.date = v.date;
      e.implied.date = true;
      e.why.push(`date: during the visit ("${v.date.text}")`);
    }
    // A visit reported only as a journey ("will travel to Tashkent") is the setting of the
    // meetings it holds, not a meeting of its own: it joins the first of them.
    if (v.kinds.size === 1 && !v.nameKey && out[i - 1] === v) {
      fold(e, v);
      e.main ||= v.main;
      out.splice(i - 1, 1);
      i--;
    }
  }
  return out;
}

/**
 * The headline and lead report the article's main event: the first event, when it starts
 * there. It takes the dateline city and the lead's date as implied facts (an in-person
 * meeting that is not planned is reported from where it happens), which a mention that
 * states them replaces.
 */
export function markMainEvent(events: MeetingEvent[], article: ArticleFacts): void {
  const first = events[0];
  if (!first || first.sentences[0]!.index > 3) return;
  first.main = true;
  const isCall = first.kinds.has('call');
  if (!first.venue && !isCall && article.dateline && first.status !== 'planned') {
    first.venue = article.dateline;
    first.venueWords = article.dateline.name;
    first.implied.venue = true;
    first.why.push(`venue: dateline "${article.dateline.name}"`);
  }
  const leadDate = article.leadDate ?? (first.status === 'planned' ? null : article.leadReportingDate);
  if (!first.date && leadDate) {
    first.date = leadDate;
    first.implied.date = true;
    first.why.push(`date: lead sentence "${leadDate.text}"`);
  }
}

/**
 * The document-level pass: a fragment of an event joins it. Runs to a fixed point, most
 * specific events first, so a chain (headline → lead → "the talks") ends in one event.
 */
export function resolveFragments(events: MeetingEvent[]): MeetingEvent[] {
  let out = [...events];
  for (let changed = true; changed; ) {
    changed = false;
    // The least specified first: it is the one most likely to be a part of another.
    const order = [...out].sort((a, b) => specificity(a) - specificity(b) || a.sentences[0]!.index - b.sentences[0]!.index);
    for (const e of order) {
      const target = bestHome(e, out);
      if (!target) continue;
      fold(target, e);
      out = out.filter((x) => x !== e);
      changed = true;
      break;
    }
  }
  return out.sort((a, b) => a.sentences[0]!.index - b.sentences[0]!.index);
}

/** How much an event pins down on its own: a date, a venue, parties. */
function specificity(e: MeetingEvent): number {
  return (e.date ? (e.date.window.precision === 'day' ? 3 : 2) : 0) + (e.venue ? 3 : 0) + Math.min(2, e.participants.size + e.partyOrgs.size) + (e.strong ? 1 : 0);
}

function sides(e: MeetingEvent): Set<string> {
  return new Set([...e.participants, ...e.partyOrgs, ...[...e.groups.keys()].map((g) => `group:${g}`)]);
}

function isSubset<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Is the event a part of another one? Then which (the one sharing most of it). */
function bestHome(e: MeetingEvent, events: MeetingEvent[]): MeetingEvent | null {
  // "X also met Y", "Earlier, X held talks with Y": the text itself says it is another meeting.
  if (reportsAnother(e.mentions[0]!)) return null;
  // The main event takes its fragments in; it is never one itself.
  if (e.main) return null;
  const eSides = sides(e);
  const bare = eSides.size === 0 && !e.venue && !e.date;
  const lead = e.sentences.some((s) => s.isHeadline || s.index <= 1);
  let best: MeetingEvent | null = null;
  let bestScore = 0;
  for (const t of events) {
    if (t === e) continue;
    // Two events that start in one sentence were split from it on purpose (a meeting with each counterpart).
    if (t.sentences[0] === e.sentences[0]) continue;
    // A part joins a whole; the main event may be the less specific one (a vague lead, details later).
    const intoMain = t.main && specificity(t) < specificity(e);
    if (specificity(t) < specificity(e) && !t.main) continue;
    if (!bare && reportsAnother(t.mentions[0]!)) continue;
    if (e.kinds.has('call') !== t.kinds.has('call') && !bare) continue;
    const tDate = t.implied.date ? null : t.date;
    if (e.date && tDate && !(e.date.window.start <= tDate.window.end && tDate.window.start <= e.date.window.end)) continue;
    if (e.date && tDate && e.date.window.precision === tDate.window.precision && e.date.window.start !== tDate.window.start) continue;
    if (e.venue && t.venue && !t.implied.venue && e.venue.id !== t.venue.id) continue;
    if (statusSaid(e) && !sameStatus(e.status, t.status)) continue;
    if (e.nameKey && t.nameKey && e.nameKey !== t.nameKey) continue;
    // A courtesy call or a signing during a visit is a meeting of its own.
    if (!bare && !sharesKind(e, t)) continue;
    const tSides = sides(t);
    const sharedNames = [...e.names].filter((n) => t.names.has(n)).length;
    const partOf = eSides.size > 0 && tSides.size > 0 && (isSubset(eSides, tSides) || isSubset(tSides, eSides));
    let score = 0;
    // A mention that names no party, place or date is a reference to the event before it.
    if (bare) score = t.sentences[0]!.index < e.sentences[0]!.index ? 1 + 1 / (1 + e.sentences[0]!.index - t.sentences.at(-1)!.index) : 0.5;
    else if (partOf && sharedNames > 0) score = 3 + sharedNames;
    else if (partOf && (lead || !e.date || !e.venue) && !(e.date && e.venue)) score = 2;
    else if (eSides.size === 0 && sharedNames > 0) score = 2 + sharedNames;
    else if (e.nameKey && e.nameKey === t.nameKey) score = 2;
    // A headline that reports a meeting in a few words ("Minister meets Chinese counterpart") is the
    // lead's meeting: the lead tells it in full.
    const headlineOnly = t.sentences.every((x) => x.isHeadline);
    // Its sides may be the lead's or the two ends of one bilateral meeting ("meets Chinese counterpart" / "Pakistan's minister met").
    const fewSides = new Set([...eSides, ...tSides]).size <= 2;
    if (intoMain && headlineOnly && e.sentences[0]!.index <= 2 && (partOf || fewSides)) score = Math.max(score, 2.5);
    else if (intoMain && !(sharedNames > 0 || (e.nameKey && e.nameKey === t.nameKey))) score = 0;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/** The strong cue kinds of both events overlap (or one has none). */
function sharesKind(a: MeetingEvent, b: MeetingEvent): boolean {
  const kinds = (e: MeetingEvent) => new Set(e.mentions.flatMap((m) => m.cues.filter((c) => c.strong).map((c) => c.kind)));
  const ka = kinds(a);
  const kb = kinds(b);
  if (ka.size === 0 || kb.size === 0) return true;
  return [...ka].some((k) => kb.has(k));
}

/** Words right before a mention's verb, or opening its sentence, that introduce another meeting. */
const ANOTHER_BEFORE_CUE = /\b(?:also|separately|later|subsequently|earlier|then|too)\s*,?\s*(?:[\p{L}-]+\s+)?$/iu;
const ANOTHER_OPENING = /^\s*(?:earlier|later|separately|subsequently|meanwhile|in addition|besides|the (?:previous|next) day|a day (?:earlier|later)|before that|after that)\b/i;
function reportsAnother(m: EventMention): boolean {
  const cue = m.cues.find((c) => c.strong);
  if (ANOTHER_OPENING.test(m.sentence.text)) return true;
  // "will then lead the delegation to the conference": the next step of a programme.
  if (/\b(?:will|would|shall)\s+then\b/i.test(m.sentence.text)) return true;
  return !!cue && ANOTHER_BEFORE_CUE.test(m.sentence.text.slice(0, cue.start));
}

/** Whether the event's mentions say anything about its status (a status cue or a past-tense verb). */
function statusSaid(e: MeetingEvent): boolean {
  return e.mentions.some((m) => m.status !== null || m.past);
}

function sameStatus(a: MeetingEvent['status'], b: MeetingEvent['status']): boolean {
  if (a === b) return true;
  // A cancelled meeting was a planned one.
  return (a === 'cancelled' && b === 'planned') || (a === 'planned' && b === 'cancelled');
}

/** Folds event `from` into `into`: its mentions, in document order, by the same precedence. */
function fold(into: MeetingEvent, from: MeetingEvent): void {
  for (const m of from.mentions) absorb(into, m, null);
  into.why.push(`same event: "${clip(from.sentences[0]!.text)}"`);
  into.sentences = [...new Set(into.sentences)].sort((a, b) => a.index - b.index);
  into.mentions.sort((a, b) => a.sentence.index - b.sentence.index);
  from.absent.forEach((c) => into.absent.add(c));
}

function newEvent(sig: EventMention): MeetingEvent {
  const d: MeetingEvent = {
    mentions: [],
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
    main: false,
    implied: { venue: false, date: false },
  };
  absorb(d, sig, null);
  return d;
}

function absorb(d: MeetingEvent, sig: EventMention, reason: string | null): void {
  d.mentions.push(sig);
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
  if ((!d.date || d.implied.date) && sig.date) {
    d.date = sig.date;
    d.implied.date = false;
    d.why.push(`date: "${sig.date.text}"`);
  } else if (d.date && sig.date && sig.date.window.precision === 'day' && d.date.window.precision !== 'day' && overlaps(d.date, sig.date)) {
    d.date = sig.date;
  }
  if (sig.venue && sig.venueImplied) {
    // A host ministry's capital: only where nothing better is known, and replaced by a stated city.
    if (!d.venue) {
      d.venue = sig.venue.place;
      d.implied.venue = true;
      d.venueWords = sig.venue.text;
      d.why.push(`venue: the capital of the hosting ministry ("${sig.venue.text}")`);
    }
  } else if ((!d.venue || d.implied.venue) && sig.venue) {
    d.venue = sig.venue.place;
    d.implied.venue = false;
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

function addEvidence(d: MeetingEvent, s: AnalyzedSentence): void {
  // Sentences arrive in order, so a repeat can only be the last one added.
  if (d.sentences.at(-1) !== s) d.sentences.push(s);
}

/** The meeting a definite reference points back to. */
function referent(events: MeetingEvent[], noun: string, names: string[]): MeetingEvent | null {
  // The people named decide first ("Mr Jilani, in his meeting with ..."), the latest on a tie.
  let best: MeetingEvent | null = null;
  let bestShared = 0;
  for (const d of events) {
    const shared = names.filter((n) => d.names.has(n)).length;
    if (shared > 0 && shared >= bestShared) {
      best = d;
      bestShared = shared;
    }
  }
  if (best) return best;
  const sameNoun = [...events].reverse().find((d) => d.nouns.has(noun));
  if (sameNoun) return sameNoun;
  const family = nounFamily(noun);
  const sameFamily = [...events].reverse().find((d) => {
    if (family === 'visit') return d.kinds.has('visit') || d.nouns.has('visit');
    if (family === 'call') return d.kinds.has('call');
    return !d.kinds.has('call') || d.kinds.size > 1;
  });
  if (sameFamily) return sameFamily;
  return family === 'visit' ? (events[0] ?? null) : (events.at(-1) ?? null);
}

function conflicts(d: MeetingEvent, sig: EventMention): boolean {
  if (d.date && sig.date && !overlaps(d.date, sig.date)) return true;
  if (d.venue && sig.venue && d.venue.id !== sig.venue.place.id) return true;
  return false;
}

function overlaps(a: DateMention, b: DateMention): boolean {
  return a.window.start <= b.window.end && b.window.start <= a.window.end;
}

/** Another report of a meeting already found: nothing conflicts and something positively matches. */
function compatible(d: MeetingEvent, sig: EventMention, text: string, splitPart = false): boolean {
  const isCall = sig.cues.some((c) => c.kind === 'call');
  if (isCall !== d.kinds.has('call') && !(d.kinds.size > 1)) return false;
  if (conflicts(d, sig)) return false;
  // A cancelled meeting was a planned one: reports of either kind may speak of it.
  const statuses = new Set<MeetingStatus | null>([sig.status, d.status]);
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

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
