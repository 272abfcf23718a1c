/**
 * Words that report a meeting, and the words around them that change what it is.
 * Pure functions over one sentence's text; offsets are relative to that text.
 *
 * These are rules of English news style, not facts about any article: a cue never names
 * a person, place or event.
 */

import type { Lexicon } from './lexicon';

export type CueKind = 'meeting' | 'visit' | 'signing' | 'courtesy' | 'call';

export interface Cue {
  kind: CueKind;
  /** The words that fired, for the report. */
  text: string;
  start: number;
  end: number;
  /** A verb that says something happened or will happen ("met", "held talks", "will host"). */
  strong: boolean;
  /** The meeting noun when the cue is one ("talks", "dialogue"); used to find referents. */
  noun: string | null;
}

const CALL_RE =
  /\b(?:tele(?:phone|phonic)|phone|video|virtual)[- ]?(?:call|conversation|conference|talks?|link|contact|meeting)s?\b|\btelephoned\b|\bspoke (?:by|over the|on the) (?:tele)?phone\b|\bby (?:tele)?phone\b/gi;
/** "called on <title>": a courtesy call in person; "called on X to do Y" is an appeal. */
const CALL_ON_RE = /\bcall(?:ed|s|ing)? on\b/gi;
/** "called Prime Minister X" (without "on") in a visit report is a courtesy call. */
const CALLED_TITLE_RE = /\bcalled (?=(?:the )?(?:Prime|President|Chief|King|Emir|Crown|Army|General|Foreign|Interior|Defence|Defense|Supreme|Chairman|Speaker)\b)/g;
const MET_RE = /\b(?:met with|meets with|meeting with|meet with|will meet|to meet|talking to|talked to|in talks with|held talks|holds talks|hold talks|met|meets)\b/gi;
const SIGNED_RE = /\b(?:signed|will sign|to sign|inked)\b/gi;
const WAS_HELD_RE = /\b(?:was|were|will be|to be|is being|are being|being) (?:held|hosted|convened)\b/gi;

/** Official-title words after "called on" mark a courtesy call rather than an appeal. */
const COURTESY_OBJECT_RE =
  /^\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,5}?(?:Prime|President|Minister|Ambassador|Chief|General|King|Emir|Secretary|Chairman|Governor|Commander|Adviser|Advisor|Envoy|Speaker|Director|Premier|Crown|Army|Leader)\b/;

/** The cue words in one sentence; the meeting vocabulary comes from the lexicon (data/meeting-words.json). */
export function findCues(text: string, lex: Lexicon): Cue[] {
  const cues: Cue[] = [];
  const add = (re: RegExp, kind: CueKind, strong: boolean, nounOf?: (m: string) => string | null) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      cues.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length, strong, noun: nounOf ? nounOf(m[0]) : null });
    }
  };
  add(CALL_RE, 'call', true, () => 'call');
  CALL_ON_RE.lastIndex = 0;
  for (let m = CALL_ON_RE.exec(text); m; m = CALL_ON_RE.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 90);
    if (COURTESY_OBJECT_RE.test(after)) {
      cues.push({ kind: 'courtesy', text: m[0], start: m.index, end: m.index + m[0].length, strong: true, noun: null });
    }
  }
  add(CALLED_TITLE_RE, 'courtesy', true);
  add(MET_RE, 'meeting', true, (s) => lastNoun(s, lex));
  add(lex.heldNoun, 'meeting', true, (s) => lastNoun(s, lex));
  add(WAS_HELD_RE, 'meeting', true);
  add(lex.visitVerb, 'visit', true, () => 'visit');
  add(SIGNED_RE, 'signing', true, () => 'signing');
  add(lex.noun, 'meeting', false, (s) => s.toLowerCase());
  // Nouns inside a longer cue, or that are really a phone call, are not separate cues.
  const containerOf = (c: Cue) => cues.find((o) => o !== c && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start);
  // "held a telephone conversation": the longer cue keeps the call's kind.
  for (const c of cues) {
    const outer = c.kind === 'call' ? containerOf(c) : undefined;
    if (outer) {
      outer.kind = 'call';
      outer.noun = 'call';
    }
  }
  // "press conference": a statement to reporters, not a meeting of states.
  const kept = cues.filter((c) => !containerOf(c) && !(c.noun === 'conference' && lex.notMeetingBefore.test(text.slice(Math.max(0, c.start - 12), c.start))));
  for (const c of kept) {
    if (c.noun === 'visit' || c.noun === 'trip') c.kind = c.kind === 'meeting' ? 'visit' : c.kind;
    if (c.noun === 'signing') c.kind = 'signing';
  }
  return dedupe(kept).sort((a, b) => a.start - b.start);
}

function lastNoun(s: string, lex: Lexicon): string | null {
  const m = s.toLowerCase().match(new RegExp(String.raw`(${lex.meetingNouns})$`));
  return m?.[1] ?? null;
}

function dedupe(cues: Cue[]): Cue[] {
  const seen = new Set<string>();
  return cues.filter((c) => {
    const k = `${c.start}:${c.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Family used to find what a definite reference points back to. */
export function nounFamily(noun: string | null): 'visit' | 'call' | 'meeting' {
  if (noun === 'visit' || noun === 'trip') return 'visit';
  if (noun === 'call' || noun === 'conversation') return 'call';
  return 'meeting';
}

/**
 * A definite reference to a meeting already reported ("the meeting", "this visit",
 * "their talks"), without a word that makes it another one ("the next meeting",
 * "their earlier conversation").
 */
export interface Reference {
  noun: string;
  start: number;
  end: number;
  text: string;
}
export function findReferences(text: string, lex: Lexicon): Reference[] {
  const refs: Reference[] = [];
  const re = lex.reference;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const noun = m[2]!.toLowerCase();
    if (noun === 'meetings' || noun === 'round' || noun === 'session') continue;
    // "the talks with the Taliban" still refers back; "the visit of X to Y" too.
    refs.push({ noun, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return refs;
}

/** Generic or hypothetical mentions that never report one meeting. */
const GENERIC_RE =
  /\b(?:such|similar|future|regular|any|more|other)\s+(?:\w+\s+)?(?:meetings|talks|visits|dialogues|consultations|conferences)\b|\bin future\b|\bwill be held in future\b/i;
export function isGeneric(text: string): boolean {
  return GENERIC_RE.test(text);
}

/** An invitation to visit is not a meeting ("reiterated his invitation to visit Pakistan"). */
const INVITATION_RE = /\binvit\w*\b[^.;]*?\bto (?:visit|undertake|travel)\b|\binvitation to\b[^.;]*\bvisit\b/i;
export function isInvitation(text: string): boolean {
  return INVITATION_RE.test(text);
}

/** A negotiation process, not a session: "resume peace talks", "peace process". */
const PROCESS_RE = /\b(?:peace|reconciliation)\s+(?:talks|negotiations|process|dialogue)\b|\bnegotiations\b/i;
export function isProcess(text: string): boolean {
  return PROCESS_RE.test(text);
}

/** "the accord signed in Doha": a reduced relative clause about an old agreement. */
export function isReducedRelativeSigning(text: string, cue: Cue): boolean {
  if (cue.kind !== 'signing') return false;
  return /\b(?:accord|deal|agreement|pact|treaty|mou|memorandum|declaration|document)\s*$/i.test(text.slice(Math.max(0, cue.start - 120), cue.start));
}

export type StatusCue = 'cancelled' | 'planned' | null;

const CANCELLED_RE = /\b(?:cancel(?:l?ed|s|ling)?|called off|call off|calls off|postpone[ds]?|postponing|scrapped|shelved|put off|deferred)\b/i;
const PLANNED_RE = new RegExp(
  [
    String.raw`\bwill\s+(?:(?!not\b)[\w’'-]+\s+){0,3}?(?:hold|host|meet|visit|be held|be hosted|attend|call on|take place|participate|travel|chair|convene|sign|be convened|begin|start|open)\b`,
    String.raw`\b(?:is|are|was|were)\s+(?:set|scheduled|expected|due|slated|planned|going)\s+to\b`,
    String.raw`\bset to take place\b`,
    String.raw`\bto be held\b`,
    String.raw`\bagreed to (?:hold|meet|convene|organi[sz]e)\b`,
    String.raw`\bplans? to (?:hold|host|meet|visit|convene)\b`,
    String.raw`\bnext (?:week|month|year)\b`,
    String.raw`\bupcoming\b`,
    String.raw`\breadiness to (?:organi[sz]e|host|hold)\b`,
    String.raw`\bthe next\b`,
    String.raw`\bbeing hosted\b`,
  ].join('|'),
  'i',
);
export function statusCue(text: string): { status: StatusCue; words: string | null } {
  const c = text.match(CANCELLED_RE);
  if (c) return { status: 'cancelled', words: c[0] };
  const p = text.match(PLANNED_RE);
  if (p) return { status: 'planned', words: p[0] };
  return { status: null, words: null };
}

/** Grammatical tense of a sentence, as a hint for relative dates ("on Tuesday"). */
export function sentenceTense(text: string): 'past' | 'future' | 'present' {
  if (PLANNED_RE.test(text)) return 'future';
  if (/\b(?:is|are|am)\s+(?:\w+\s+)?\w+ing\b/i.test(text) && !/\b(?:was|were|had|has|have|did|met|held)\b/i.test(text)) return 'present';
  return 'past';
}

/** Date words that belong to a statement about the meeting, not the meeting itself. */
export function isReportingDate(text: string, dateStart: number, dateEnd?: number): boolean {
  const before = text.slice(Math.max(0, dateStart - 40), dateStart);
  // "Trump on Saturday said ...": the date of the saying.
  if (dateEnd !== undefined && /^\s*,?\s*(?:said|says|told|announced|stated|tweeted|confirmed|reported|added|wrote)\b/i.test(text.slice(dateEnd))) return true;
  if (/\b(?:press|news|media) (?:conference|briefing)\s*$/i.test(before)) return true;
  // "the first meeting since the May 2 raid": a date that bounds a period, not the meeting's.
  if (/\b(?:since|until|till)\s+(?:the\s+)?$/i.test(before)) return true;
  return /\b(?:said|says|told|stated|statement|announced|confirmed|reported|tweeted|added|issued|quoted|noted|posted|wrote|briefed|briefing)\b[^,.;]{0,25}$/i.test(before);
}

/** "also" or "separately" marks another meeting, even with the same people or place. */
export function marksAnother(text: string): boolean {
  return /\b(?:also|separate|separately|later|subsequently|in addition)\b|\b(?:will|would|shall|and)\s+then\b|^then\b/i.test(text);
}

/** Words that say a meeting had more sides than it names. */
export const MORE_SIDES_SAID =
  /\bmultilateral\b|\bformat\b|\b(?:\d+|three|four|five|six|seven|eight|nine|ten|several|many|dozens of)\s+(?:\w+\s+)?(?:countries|states|nations|delegations)\b|\bmeetings? (?:among|of) the\b[^.]*\b(?:countries|states|nations)\b/i;
