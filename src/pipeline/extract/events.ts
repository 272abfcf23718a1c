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
import type { DateMention, PlaceMention, ResolvedPlace } from '../contracts';
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
}

/** Groups an article's sentence readings into events (see the file comment). */
export function groupMentions(readings: SentenceReading[], skip: (s: AnalyzedSentence, reason: string) => void): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  let lastTouched: MeetingEvent[] = [];
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
    // A definite reference ("the meeting", "during this visit") adds to an event already found.
    if (reference && reference.leads && !reference.sideline && events.length) {
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
  }
  return events;
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
