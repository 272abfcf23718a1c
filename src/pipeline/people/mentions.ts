/**
 * Where a sentence names a person: a name after a role or honorific ("Interior Minister
 * Mohsin Naqvi", "his Afghan counterpart Sirajuddin Haqqani", "Mr Jilani"), or before one set
 * off by commas ("Sirajuddin Haqqani, the Taliban's interior minister,"). Pure: it reads the
 * sentence and the mentions the text stages found in it (states, organisations, places,
 * dates), and returns the name, the role as written, the state and organisation the role
 * names, and file offsets for the evidence.
 */
import type { OrganizationMention, StateMention } from '../contracts';
import type { AnalyzedSentence } from '../extract/types';
import type { PersonWords } from './words';

export interface PersonMention {
  /** The name as written, without honorifics ("Mohsin Naqvi"). */
  name: string;
  /** The last word of the name: what a later sentence calls the person by ("Naqvi"). */
  surname: string;
  /** File offsets of the name. */
  nameStart: number;
  nameEnd: number;
  /** File offsets of role and name together: the evidence. */
  start: number;
  end: number;
  /** The office as written ("Special Representative for Afghanistan"); null when none. */
  role: string | null;
  /** The state the role names by possessive, demonym or "of" ("Pakistan's", "Afghan"). */
  state: string | null;
  organization: string | null;
  /**
   * Why this mention does not put the person at the table even inside a meeting's sentence:
   * 'absent' (greetings, a message or a letter of someone absent; "the raid that killed X"),
   * 'thing' ("Soleimani's death anniversary"). Null for a plain mention.
   */
  aside: 'absent' | 'thing' | null;
  sentenceIndex: number;
  /** Named by office alone ("the national security adviser"): says nothing of the name. */
  reference?: boolean;
}

interface Token {
  /** The word without a possessive "'s" or a final full stop. */
  base: string;
  /** The word as written ("Ministry's", "U.S."). */
  raw: string;
  lower: string;
  /** Offsets in the sentence text: of the word without "'s", and of the word as written (for the gaps between words). */
  start: number;
  end: number;
  rawEnd: number;
  cap: boolean;
  possessive: boolean;
  state: StateMention | null;
  org: OrganizationMention | null;
  /** Inside a date mention: never part of a name. */
  other: boolean;
  /** Inside a place mention: part of a name only with another name word ("Vladimir Putin"). */
  place: boolean;
}

const DELEGATION_LIST_CUE = /\b(?:accompanied|joined|assisted)\b(?:\s+[a-z]+){0,4}\s+by\s+$|\b(?:comprising|comprised\s+of|including|included|consisting\s+of)\s+$/;
const CONNECTORS = new Set(['of', 'for', 'on', 'to', 'at', 'the', 'and', '&', 'in-charge']);
const DETERMINERS = new Set(['the', 'and', 'of', 'for', 'on', 'to', 'at', '&']);

function tokenize(s: AnalyzedSentence): Token[] {
  const covering = <T extends { start: number; end: number }>(list: T[], at: number) => list.find((m) => m.start <= at && at < m.end) ?? null;
  const tokens: Token[] = [];
  for (const m of s.text.matchAll(/[\p{L}\p{M}&][\p{L}\p{M}\d’'.-]*/gu)) {
    let word = m[0];
    const at = s.start + m.index;
    word = word.replace(/[.’'-]+$/, (tail) => (/^['’]/.test(tail) ? tail : ''));
    const possessive = /['’]s?$/.test(word) && /['’]s$|s['’]$/.test(word);
    const base = word.replace(/['’]s$/, '').replace(/['’]$/, '');
    if (!base) continue;
    tokens.push({
      base,
      raw: m[0],
      lower: base.toLowerCase(),
      start: m.index,
      end: m.index + base.length,
      // Up to the end of what was matched: "U.S." and "Dr." end after their full stop.
      rawEnd: m.index + m[0].length,
      // "V.Hajiyev": initials before a name are part of it.
      cap: /^(?:\p{Lu}\.)*\p{Lu}\p{Ll}/u.test(base) || /^\p{Lu}$/u.test(base),
      possessive,
      state: covering(s.states, at),
      org: covering(s.organizations, at),
      other: covering(s.dates, at) !== null,
      place: covering(s.places, at) !== null,
    });
  }
  return tokens;
}

interface Classifier {
  isOffice(lower: string): boolean;
  isRoleWord(lower: string): boolean;
}

function classifier(words: PersonWords): Classifier {
  const isOffice = (w: string) => words.offices.has(w) || (w.endsWith('s') && words.offices.has(w.slice(0, -1)));
  return {
    isOffice,
    isRoleWord: (w) => isOffice(w) || words.roleModifiers.has(w) || words.honorifics.has(w),
  };
}

/** A token that can be part of a name: capitalised, not a state, organisation, place, date, office or acronym. */
function nameWord(t: Token, c: Classifier, words: PersonWords, first: boolean): boolean {
  if (!t.cap || t.state || t.org || t.other) return false;
  // A middle initial ("Lloyd J Austin") is part of a name, not its start.
  if (/^\p{Lu}$/u.test(t.base)) return !first;
  if (c.isOffice(t.lower) || words.roleModifiers.has(t.lower) || words.notNameWords.has(t.lower)) return false;
  // "Sardar" is an honorific before a name and a surname after a given name.
  if (first && words.honorifics.has(t.lower)) return false;
  return t.base.length >= 2;
}

/** A name word that is not also a place: "Vladimir" starts a name only before another name word. */
function plainNameWord(t: Token, c: Classifier, words: PersonWords, first: boolean): boolean {
  return nameWord(t, c, words, first) && !t.place;
}

/** Every person mention in a sentence that comes with a role or an honorific. */
export function titledPersonMentions(s: AnalyzedSentence, words: PersonWords): PersonMention[] {
  const c = classifier(words);
  const tokens = tokenize(s);
  const gap = (a: number, b: number) => s.text.slice(tokens[a]!.rawEnd, tokens[b]!.start);
  const consumed = new Set<number>();
  const out: PersonMention[] = [];

  for (let i = 0; i < tokens.length; i++) {
    if (consumed.has(i) || !nameWord(tokens[i]!, c, words, true)) continue;
    if (tokens[i]!.place && !(i + 1 < tokens.length && /^\s$/.test(gap(i, i + 1)) && plainNameWord(tokens[i + 1]!, c, words, false))) continue;
    // The name: capitalised words (and particles between them), up to four, ending at a possessive.
    let j = i;
    while (j + 1 < tokens.length && j - i < 3 && !tokens[j]!.possessive && /^\s$/.test(gap(j, j + 1))) {
      const next = tokens[j + 1]!;
      // A single letter continues a name only before another name word ("Lloyd J Austin").
      // Inside a name a place's name is a name word too ("Lloyd J Austin").
      if (nameWord(next, c, words, false) && (!/^\p{Lu}$/u.test(next.base) || (j + 2 < tokens.length && nameWord(tokens[j + 2]!, c, words, false)))) j++;
      else if (words.nameParticles.has(next.lower) && j + 2 < tokens.length && nameWord(tokens[j + 2]!, c, words, false) && /^\s$/.test(gap(j + 1, j + 2))) j += 2;
      else break;
    }
    const before = roleBefore(tokens, i, consumed, gap, c, words);
    // An honorific alone says little: an office set off after the name says more ("General
    // Zhang Youxia, Vice Chairman of China's Central Military Commission,").
    const after = (!before || before.text === null) && j > i ? roleAfter(tokens, j, gap, c, words, s.text) : null;
    let role = after && before ? { ...after, from: before.from } : (before ?? after);
    // "accompanied by Noorullah Sahak, Abdul Wali Stanikzai and ...": a delegation's list of
    // full names needs no title.
    if (!role && j > i && DELEGATION_LIST_CUE.test(s.text.slice(Math.max(0, tokens[i]!.start - 60), tokens[i]!.start))) role = { from: i, to: i, text: null, state: null, organization: null };
    if (!role) {
      i = j;
      continue;
    }
    for (let k = role.from; k <= role.to; k++) consumed.add(k);
    for (let k = i; k <= j; k++) consumed.add(k);
    const first = tokens[i]!;
    const last = tokens[j]!;
    const nameText = s.text.slice(first.start, last.end);
    const next = tokens[j + 1];
    const thing = last.possessive && !(next && c.isRoleWord(next.lower));
    const spanFrom = Math.min(first.start, tokens[role.from]!.start);
    const spanTo = Math.max(last.end, tokens[role.to]!.end);
    out.push({
      name: nameText,
      surname: last.base,
      nameStart: s.start + first.start,
      nameEnd: s.start + last.end,
      start: s.start + spanFrom,
      end: s.start + spanTo,
      role: role.text,
      state: role.state ?? delegationState(s, spanFrom) ?? listState(out, s, spanFrom),
      organization: role.organization,
      aside: words.notPresentBefore.test(s.text.slice(Math.max(0, spanFrom - 120), spanFrom)) ? 'absent' : thing ? 'thing' : null,
      sentenceIndex: s.index,
    });
    i = j;
    // A list of full names after a titled one ("accompanied by Mullah Fazal Akhund, Mohammad
    // Nabi Omari, ... and Nebras-ul-Haq Aziz"): each is a person, without a role of their own.
    for (let item = listedName(tokens, i, gap, c, words); item; item = listedName(tokens, i, gap, c, words)) {
      for (let k = item.from; k <= item.to; k++) consumed.add(k);
      const a = tokens[item.from]!;
      const b = tokens[item.to]!;
      out.push({
        name: s.text.slice(a.start, b.end),
        surname: b.base,
        nameStart: s.start + a.start,
        nameEnd: s.start + b.end,
        start: s.start + a.start,
        end: s.start + b.end,
        role: null,
        state: null,
        organization: null,
        aside: out.at(-1)!.aside,
        sentenceIndex: s.index,
      });
      i = item.to;
    }
  }
  return out;
}

/**
 * The next item of a list of names after token `after`: two to four name words after ", ",
 * ", and " or " and ", ending the sentence, the clause or before the next separator.
 */
function listedName(tokens: Token[], after: number, gap: (a: number, b: number) => string, c: Classifier, words: PersonWords): { from: number; to: number } | null {
  const from = after + 1;
  if (from >= tokens.length || !/^\s*,\s*$|^\s+$/.test(gap(after, from))) return null;
  let at = from;
  if (tokens[at]!.lower === 'and') {
    if (at + 1 >= tokens.length || !/^\s+$/.test(gap(at, at + 1))) return null;
    at++;
  } else if (!/,/.test(gap(after, from))) return null;
  if (at >= tokens.length || !nameWord(tokens[at]!, c, words, true)) return null;
  let to = at;
  while (to + 1 < tokens.length && to - at < 3 && /^\s$/.test(gap(to, to + 1)) && nameWord(tokens[to + 1]!, c, words, false)) to++;
  if (to === at) return null;
  const rest = to + 1 < tokens.length ? gap(to, to + 1) : '';
  if (to + 1 < tokens.length && !/^\s*,\s*$/.test(rest) && !(/^\s+$/.test(rest) && tokens[to + 1]!.lower === 'and')) return null;
  return { from: at, to };
}

/**
 * The state whose delegation the person leads or represents: "the Pakistani side was led by
 * <role> <name>", "Turkmenistan was represented by ...", "the Chinese team led by ...".
 */
function delegationState(s: AnalyzedSentence, at: number): string | null {
  const before = s.text.slice(Math.max(0, at - 160), at);
  const cue = before.match(/\s+(?:(?:side|delegation|team|delegates|contingent)\s+)?(?:(?:was|were|is|will\s+be)\s+)?(?:led|headed|represented)\s+by\s+(?:the\s+)?$/i);
  if (!cue) return null;
  const cueAt = s.start + Math.max(0, at - 160) + cue.index!;
  const state = s.states.filter((m) => m.iso3.length === 1 && m.end <= cueAt && cueAt - m.end <= 3).at(-1);
  return state ? state.iso3[0]! : null;
}

/**
 * A titled person listed right after another takes the state the first one's role named:
 * "Uzbekistan President Shavkat Mirziyoyev and Minister of Foreign Affairs Abdulaziz Kamilov".
 */
function listState(previous: PersonMention[], s: AnalyzedSentence, at: number): string | null {
  const last = previous.at(-1);
  if (!last?.state || last.role === null) return null;
  // Only a state said before the first role distributes over the list; "between X of
  // Afghanistan and Y" pairs two sides.
  const first = s.states.find((m) => m.start === last.start);
  if (!first || /\bbetween\s+(?:the\s+)?$/i.test(s.text.slice(0, last.start - s.start))) return null;
  return /^\s*(?:,\s*(?:and\s+)?|and\s+)$/.test(s.text.slice(last.end - s.start, at)) ? last.state : null;
}

interface RoleRun {
  /** Token indices of the whole run (state words included). */
  from: number;
  to: number;
  text: string | null;
  state: string | null;
  organization: string | null;
}

/**
 * The role before a name, read backwards: offices, their modifiers, honorifics, connectors
 * and capitalised words, up to a possessive or demonym state ("Pakistan's", "Afghan"), which
 * names the person's state. "for Afghanistan" and "on Afghanistan" are part of the office,
 * not the person's state; "of Afghanistan" after an office is.
 */
function roleBefore(tokens: Token[], nameAt: number, consumed: Set<number>, gap: (a: number, b: number) => string, c: Classifier, words: PersonWords): RoleRun | null {
  const run: number[] = [];
  let organization: string | null = null;
  for (let k = nameAt - 1; k >= 0; k--) {
    const g = gap(k, k + 1);
    const t = tokens[k]!;
    if (consumed.has(k)) break;
    // A comma is crossed only after an office: "analyst, Syed Muhammad Ali", "counterpart, Special Representative ...".
    // A comma is crossed only right after an office, or an office and what it is of
    // ("China's Ambassador to Pakistan, Jiang Zaidong").
    // Brackets inside a role are crossed too: "Director General (Counter-Terrorism) at the Ministry".
    const spaceOnly = /^\s+$/.test(g) || (run.length > 0 && /^\s*[()]\s*$|^\)\s+$|^\s+\($/.test(g));
    if (!spaceOnly && !(/^\s*,\s*$/.test(g) && run.length === 0 ? officeEndsAt(tokens, k, c) : /^\s*,\s*$/.test(g) && c.isOffice(t.lower))) break;
    if (t.state) {
      if (t.state.iso3.length !== 1) break;
      run.push(k);
      // Multi-word states ("United States'") are one mention: take its other words too.
      while (k - 1 >= 0 && tokens[k - 1]!.state === t.state) run.push(--k);
      // A possessive or demonym starts the run ("Iran's Special Representative ..."), unless
      // the office is still to come ("Director of the Russian Foreign Ministry's Second Asian
      // Department Zamir Kabulov").
      if ((t.state.via === 'possessive' || t.state.via === 'demonym' || t.possessive) && run.some((i) => c.isOffice(tokens[i]!.lower))) break;
      continue;
    }
    if (t.org) {
      if (!['for', 'on'].includes(tokens[k - 1]?.lower ?? '')) organization ??= t.org.name;
      run.push(k);
      if (t.possessive) break;
      continue;
    }
    if (c.isRoleWord(t.lower) || CONNECTORS.has(t.lower) || (t.cap && !t.other)) {
      run.push(k);
      continue;
    }
    break;
  }
  // Leading connectors and capitalised words that are no office ("Earlier", "the") are not the role.
  run.reverse();
  while (run.length && (DETERMINERS.has(tokens[run[0]!]!.lower) || (!tokens[run[0]!]!.state && !tokens[run[0]!]!.org && !c.isRoleWord(tokens[run[0]!]!.lower)))) run.shift();
  // Modifiers alone ("Regional Conference", "New Year") are no title: an office or an honorific is.
  if (!run.some((k) => c.isOffice(tokens[k]!.lower) || words.honorifics.has(tokens[k]!.lower))) return null;
  return roleRun(tokens, run, roleState(tokens, run), organization, c, words, gap);
}

/**
 * The state a role names, in order of what English makes plain: a possessive or demonym
 * ("Pakistan's", "Afghan"); a state name used as an adjective at the start ("U.S. President",
 * "Uzbekistan Foreign Minister"); a state the office is "of" ("Vice Chairman of the Central
 * Military Commission of China"). A state after "for", "on" or "to" is what the office deals
 * with ("Special Representative for Afghanistan", "Ambassador to Pakistan").
 */
function roleState(tokens: Token[], run: number[]): string | null {
  const states = run.map((k) => ({ k, t: tokens[k]! })).filter(({ t }) => t.state && t.state.iso3.length === 1);
  const iso = (t: Token) => t.state!.iso3[0]!;
  const adjective = states.find(({ t }) => t.state!.via === 'possessive' || t.state!.via === 'demonym' || t.possessive);
  if (adjective) return iso(adjective.t);
  const first = states.find(({ t }) => t.state === tokens[run[0]!]!.state);
  if (first) return iso(first.t);
  const ofState = states.find(({ k, t }) => {
    let i = k - 1;
    while (i >= 0 && tokens[i]!.state === t.state) i--;
    if (tokens[i]?.lower === 'the') i--;
    return tokens[i]?.lower === 'of';
  });
  return ofState ? iso(ofState.t) : null;
}

/** An office ends at token k: the office itself, or "Ambassador to Pakistan", "Adviser on Security". */
function officeEndsAt(tokens: Token[], k: number, c: Classifier): boolean {
  if (c.isOffice(tokens[k]!.lower)) return true;
  for (let i = k - 1; i >= Math.max(0, k - 4); i--) {
    const t = tokens[i]!;
    if (c.isOffice(t.lower)) return true;
    if (!(CONNECTORS.has(t.lower) || t.state || t.cap)) return false;
  }
  return false;
}

/** The role after a name set off by a comma: "Sirajuddin Haqqani, the Taliban's interior minister,". */
function roleAfter(tokens: Token[], nameEnd: number, gap: (a: number, b: number) => string, c: Classifier, words: PersonWords, text: string): RoleRun | null {
  if (nameEnd + 1 >= tokens.length || !/^\s*,\s*$/.test(gap(nameEnd, nameEnd + 1))) return null;
  let k = nameEnd + 1;
  if (['the', 'a', 'an', 'his', 'her', 'their'].includes(tokens[k]!.lower)) k++;
  const run: number[] = [];
  let state: string | null = null;
  let organization: string | null = null;
  for (; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (run.length && !/^\s+$/.test(gap(k - 1, k))) break;
    if (t.state) {
      if (t.state.iso3.length === 1 && (t.state.via === 'possessive' || t.state.via === 'demonym' || t.possessive || tokens[k - 1]?.lower === 'of')) state ??= t.state.iso3[0]!;
      run.push(k);
      continue;
    }
    if (t.org) {
      organization ??= t.org.name;
      run.push(k);
      continue;
    }
    if (c.isRoleWord(t.lower) || (run.length && CONNECTORS.has(t.lower))) {
      run.push(k);
      continue;
    }
    break;
  }
  while (run.length && CONNECTORS.has(tokens[run.at(-1)!]!.lower)) run.pop();
  // The appositive must end the clause: "X, the interior minister, said" but not "X, foreign ministers and ...".
  const lastAt = run.at(-1);
  if (lastAt === undefined || !run.some((i) => c.isOffice(tokens[i]!.lower))) return null;
  const rest = text.slice(tokens[lastAt]!.rawEnd);
  if (!/^\s*(?:[,.;:)]|$)/.test(rest)) return null;
  return roleRun(tokens, run, state, organization, c, words, (a, b) => text.slice(tokens[a]!.rawEnd, tokens[b]!.start));
}

/** The role's text: the run without its state word, trailing honorifics, and everything before its last comma. */
function roleRun(tokens: Token[], run: number[], state: string | null, organization: string | null, c: Classifier, words: PersonWords, gap: (a: number, b: number) => string): RoleRun {
  const from = run[0]!;
  const to = run.at(-1)!;
  let parts = [...run];
  // "his Pakistani counterpart, Special Representative on Afghanistan": the office is after the comma.
  for (let i = parts.length - 1; i > 0; i--) {
    if (/,/.test(gap(parts[i - 1]!, parts[i]!)) && parts.slice(i).some((k) => c.isOffice(tokens[k]!.lower))) {
      parts = parts.slice(i);
      break;
    }
  }
  // The possessive or demonym that named the state, and honorifics next to the name, are not the office.
  while (parts.length && (tokens[parts[0]!]!.state?.via === 'possessive' || tokens[parts[0]!]!.state?.via === 'demonym' || tokens[parts[0]!]!.possessive || DETERMINERS.has(tokens[parts[0]!]!.lower))) parts.shift();
  // Ranks and honorifics next to the name are not the office ("Chief of the Army Staff General
  // Raheel Sharif"), unless they complete one ("Director General").
  const completesOffice = (k: number, prev: number) => tokens[k]!.lower === 'general' && c.isOffice(tokens[prev]!.lower);
  while (parts.length > 1 && (CONNECTORS.has(tokens[parts.at(-1)!]!.lower) || (words.honorifics.has(tokens[parts.at(-1)!]!.lower) && !completesOffice(parts.at(-1)!, parts.at(-2)!)))) parts.pop();
  if (parts.length === 1 && words.honorifics.has(tokens[parts[0]!]!.lower) && !c.isOffice(tokens[parts[0]!]!.lower)) parts.pop();
  const office = parts.length && parts.some((k) => c.isOffice(tokens[k]!.lower)) ? parts : [];
  const text = office.length ? sentenceSlice(tokens, office[0]!, office.at(-1)!, gap) : null;
  return { from, to, text, state, organization };
}

function sentenceSlice(tokens: Token[], from: number, to: number, gap: (a: number, b: number) => string): string {
  // Words as written ("U.S.", "Ministry's"), the last without a final full stop.
  let out = from === to ? tokens[from]!.base : tokens[from]!.raw;
  for (let k = from + 1; k <= to; k++) out += gap(k - 1, k) + (k === to ? tokens[k]!.base : tokens[k]!.raw);
  return out;
}

/**
 * Mentions of people already known by name, without a title ("Dar called on ...", "Mohsin
 * Naqvi said"): the surname, with any given names of the known full name before it.
 */
export function namedPersonMentions(s: AnalyzedSentence, known: ReadonlyMap<string, string>, taken: PersonMention[], words: PersonWords): PersonMention[] {
  const tokens = tokenize(s);
  const out: PersonMention[] = [];
  const inTaken = (at: number) => taken.some((m) => m.start <= s.start + at && s.start + at < m.end);
  tokens.forEach((t, i) => {
    if (!t.cap || inTaken(t.start) || t.state || t.org) return;
    const full = known.get(t.base);
    if (!full) return;
    const given = full.split(/\s+/);
    let from = i;
    while (from > 0 && given.includes(tokens[from - 1]!.base) && /^\s+$/.test(s.text.slice(tokens[from - 1]!.rawEnd, tokens[from]!.start))) from--;
    const start = tokens[from]!.start;
    const next = tokens[i + 1];
    const thing = t.possessive && !(next && (words.offices.has(next.lower) || words.roleModifiers.has(next.lower)));
    out.push({
      name: s.text.slice(start, t.end),
      surname: t.base,
      nameStart: s.start + start,
      nameEnd: s.start + t.end,
      start: s.start + start,
      end: s.start + t.end,
      role: null,
      state: null,
      organization: null,
      aside: words.notPresentBefore.test(s.text.slice(Math.max(0, start - 120), start)) ? 'absent' : thing ? 'thing' : null,
      sentenceIndex: s.index,
    });
  });
  return out;
}
