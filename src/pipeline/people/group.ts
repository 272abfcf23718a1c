/**
 * One person, several names: the mentions of an article grouped into people ("Interior
 * Minister Mohsin Naqvi", "Naqvi", "Mr Naqvi" are one), and the people of several reports of
 * one meeting merged. A person is known by their surname; two people who share one are told
 * apart by the states their roles name.
 */
import type { Person } from '../../dataset/schema';
import type { AnalyzedSentence } from '../extract/types';
import { namedPersonMentions, type PersonMention, titledPersonMentions } from './mentions';
import type { PersonWords } from './words';

export interface ArticlePerson {
  /** The name in its fullest form in the article. */
  name: string;
  surname: string;
  role: string | null;
  state: string | null;
  organization: string | null;
  /** The mention that says most about who the person is (role and full name). */
  best: PersonMention;
  /** Every mention, in text order. */
  mentions: PersonMention[];
  /** What the article calls the person on second mention: the one word it uses alone, else the full name. */
  shortName: string;
  /** The role says the person talks about meetings rather than sits at them (a spokesman, an analyst). */
  commentator: boolean;
}

/** A surname as a key: lower case, without diacritics or apostrophes. */
export function nameKey(name: string): string {
  const last = name.trim().split(/\s+/).at(-1) ?? '';
  return last.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]/g, '').toLowerCase();
}

/** Offices that say nothing of rank on their own: a better one is looked for elsewhere in the article. */
const GENERIC_OFFICES = new Set(['counterpart', 'counterparts', 'official', 'diplomat', 'leader', 'head', 'member', 'side']);

function roleScore(role: string | null): number {
  if (!role) return 0;
  const words = role.toLowerCase().split(/\s+/);
  return words.every((w) => GENERIC_OFFICES.has(w)) ? 1 : 10 + words.length;
}

/** The people an article names, each with all their mentions. */
export function articlePersons(sentences: AnalyzedSentence[], words: PersonWords): ArticlePerson[] {
  const titled = sentences.map((s) => titledPersonMentions(s, words));
  // Surname → fullest name, from titled mentions: a bare "Dar" is a person only once a title introduced him.
  const known = new Map<string, string>();
  for (const m of titled.flat()) {
    const prev = known.get(m.surname);
    if (m.surname.length >= 3 && (!prev || m.name.split(/\s+/).length > prev.split(/\s+/).length)) known.set(m.surname, m.name);
  }
  const all = sentences.flatMap((s, i) => [...titled[i]!, ...namedPersonMentions(s, known, titled[i]!, words)]).sort((a, b) => a.start - b.start);

  // A one-word mention that is the first word of exactly one full name, and no one's surname,
  // is that person ("General Zhang" after "General Zhang Youxia": family names first).
  const firstWords = new Map<string, string>();
  for (const m of all) {
    const words = m.name.split(/\s+/);
    if (words.length < 2) continue;
    const prev = firstWords.get(words[0]!);
    firstWords.set(words[0]!, prev === undefined || prev === m.surname ? m.surname : '');
  }
  const surnames = new Set(all.filter((m) => m.name.includes(' ')).map((m) => m.surname));
  const keyOf = (m: PersonMention) => {
    const only = !m.name.includes(' ') ? firstWords.get(m.surname) : undefined;
    return nameKey(only && !surnames.has(m.surname) ? only : m.surname);
  };
  const bySurname = new Map<string, PersonMention[]>();
  for (const m of all) {
    const key = keyOf(m);
    bySurname.set(key, [...(bySurname.get(key) ?? []), m]);
  }
  const people: ArticlePerson[] = [];
  for (const mentions of bySurname.values()) {
    for (const byName of splitByGivenName(mentions)) for (const group of splitByState(byName)) people.push(personOf(group, words));
  }
  for (const ref of roleReferences(sentences, people, words)) {
    ref.person.mentions.push(ref.mention);
    ref.person.mentions.sort((a, b) => a.start - b.start);
  }
  // On second mention an article calls a person by surname ("Naqvi"), by the full name when
  // two people share the surname ("Raheel Sharif"), or by the first word when that is what it
  // uses alone ("General Zhang": family names first).
  for (const p of people) {
    const first = p.name.split(/\s+/)[0]!;
    const shared = people.some((q) => q !== p && nameKey(q.name) === nameKey(p.name));
    const firstAlone = first !== p.surname && p.mentions.some((m) => !m.reference && m.name === first);
    p.shortName = shared ? p.name : firstAlone && !p.mentions.some((m) => !m.reference && m.name === p.surname) ? first : p.surname;
  }
  return people.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/**
 * A person named by their office alone: "the national security adviser" after "National
 * Security Adviser of Afghanistan Dr Rangin Dadfar Spanta", "China's ambassador" beside
 * "China's Ambassador to Pakistan, Jiang Zaidong". The office is the role's words before its
 * first "of", "to", "for" or "on"; a state before it must be the person's; when several
 * people hold it, the one named last before the sentence.
 */
function roleReferences(sentences: AnalyzedSentence[], people: ArticlePerson[], words: PersonWords): Array<{ person: ArticlePerson; mention: PersonMention }> {
  const offices = people
    .filter((p) => p.role && roleScore(p.role) > 1)
    .map((p) => ({ person: p, office: p.role!.split(/\s+(?:of|to|for|on|and)\s+/i)[0]!.replace(/^(?:acting|caretaker|interim|former)\s+/i, '') }))
    .filter((o) => o.office.split(/\s+/).some((w) => words.offices.has(w.toLowerCase())));
  const out: Array<{ person: ArticlePerson; mention: PersonMention }> = [];
  for (const s of sentences) {
    const taken = people.flatMap((p) => p.mentions).filter((m) => m.sentenceIndex === s.index);
    for (const { office } of offices) {
      const re = new RegExp(String.raw`\b${office.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}\b`, 'giu');
      for (const m of s.text.matchAll(re)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (taken.some((t) => t.start < end && start < t.end) || out.some((o) => o.mention.start === start)) continue;
        // Followed by a name, it is a title ("the Prime Minister Nawaz Sharif"), not a reference.
        if (/^[\s,]+\p{Lu}\p{Ll}/u.test(s.text.slice(m.index + m[0].length))) continue;
        const before = s.text.slice(Math.max(0, m.index - 40), m.index);
        if (!/\b(?:the|his|her|their|its)\s+$/i.test(before) && !s.states.some((st) => st.end <= start && start - st.end <= 2 && (st.via === 'possessive' || st.via === 'demonym'))) continue;
        const stateBefore = s.states.find((st) => st.end <= start && start - st.end <= 2 && st.iso3.length === 1)?.iso3[0] ?? null;
        const holders = offices.filter((o) => o.office.toLowerCase() === office.toLowerCase() && (!stateBefore || o.person.state === stateBefore)).map((o) => o.person);
        const person = holders.length === 1 ? holders[0]! : holders.filter((h) => h.mentions[0]!.start < start).sort((a, b) => b.mentions.filter((x) => x.start < start).at(-1)!.start - a.mentions.filter((x) => x.start < start).at(-1)!.start)[0];
        if (!person) continue;
        out.push({
          person,
          mention: { name: person.name, surname: person.surname, nameStart: start, nameEnd: end, start, end, role: null, state: null, organization: null, aside: words.notPresentBefore.test(s.text.slice(Math.max(0, m.index - 120), m.index)) ? 'absent' : null, sentenceIndex: s.index, reference: true },
        });
      }
    }
  }
  return out;
}

/**
 * Mentions of one surname with different given names are different people ("Prime Minister
 * Nawaz Sharif", "General Raheel Sharif"); a mention by surname alone belongs to the nearest
 * full name before it (or the first after it).
 */
function splitByGivenName(mentions: PersonMention[]): PersonMention[][] {
  const given = (m: PersonMention) => m.name.split(/\s+/).slice(0, -1).join(' ');
  const names = [...new Set(mentions.map(given).filter(Boolean))];
  if (names.length <= 1) return [mentions];
  const groups = new Map<string, PersonMention[]>(names.map((n) => [n, []]));
  let current = given(mentions.find((m) => given(m))!);
  for (const m of mentions) {
    if (given(m)) current = given(m);
    groups.get(current)!.push(m);
  }
  return [...groups.values()];
}

/**
 * Mentions of one surname whose roles name different states are different people; a mention
 * that names no state belongs to the nearest one before it.
 */
function splitByState(mentions: PersonMention[]): PersonMention[][] {
  const states = [...new Set(mentions.map((m) => m.state).filter((s): s is string => s !== null))];
  if (states.length <= 1) return [mentions];
  const groups = new Map<string, PersonMention[]>(states.map((s) => [s, []]));
  let current = mentions.find((m) => m.state)!.state!;
  for (const m of mentions) {
    if (m.state) current = m.state;
    groups.get(current)!.push(m);
  }
  return [...groups.values()];
}

function personOf(mentions: PersonMention[], words: PersonWords): ArticlePerson {
  const fullest = mentions.reduce((a, b) => (b.name.split(/\s+/).length > a.name.split(/\s+/).length ? b : a));
  const best = mentions.reduce((a, b) => (roleScore(b.role) > roleScore(a.role) || (roleScore(b.role) === roleScore(a.role) && b.name.length > a.name.length) ? b : a));
  const roles = mentions.map((m) => m.role).filter((r): r is string => r !== null);
  return {
    name: fullest.name,
    surname: fullest.surname,
    role: best.role,
    state: mentions.find((m) => m.state)?.state ?? null,
    organization: mentions.find((m) => m.organization)?.organization ?? null,
    best,
    mentions,
    shortName: fullest.surname,
    commentator: roles.some((r) => r.toLowerCase().split(/[\s-]+/).some((w) => words.notAtTableRoles.has(w))),
  };
}

/**
 * The people of several reports of one meeting: one entry per person (by surname and state),
 * the fullest name and the first role, state and organisation any report gives.
 */
export function mergePeople(lists: Person[][]): Person[] {
  const out: Person[] = [];
  for (const p of lists.flat()) {
    // The same full name is the same person even where two reports place them differently
    // (the first report's state stays); a shared surname needs states that agree.
    const full = (n: string) => n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const same = out.find((q) => full(q.name) === full(p.name) || (nameKey(q.name) === nameKey(p.name) && (q.state === null || p.state === null || q.state === p.state)));
    if (!same) {
      out.push({ ...p });
      continue;
    }
    if (p.name.split(/\s+/).length > same.name.split(/\s+/).length) same.name = p.name;
    same.role ??= p.role;
    same.state ??= p.state;
    same.organization ??= p.organization;
  }
  return out;
}
