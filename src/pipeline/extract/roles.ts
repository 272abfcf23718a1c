/**
 * Which states a sentence names as taking part in a meeting, which as absent, and which
 * only as a topic ("talks on Afghanistan", "Pakistan's sovereignty", "Chinese workers").
 * Pure functions over one sentence; mentions carry file offsets, the sentence too.
 */
import type { StateMention, TextSpan } from '../contracts';
import { isOfficialWord, type Lexicon } from './lexicon';

export type StateRole = 'participant' | 'topic';

/** Prepositions after which a state is what is talked about, or where, not who talks. */
const TOPIC_PREPOSITIONS = new Set(
  'on for in about regarding over into towards toward against across within throughout inside through beyond than like into near along around via of from'.split(' '),
);
const DESCRIBING_ADJECTIVES = new Set(
  'stable peaceful secure prosperous democratic independent united sovereign modern safe whole entire war-torn neighbouring neighboring landlocked taliban-ruled taliban-controlled so-called post-war future present-day inclusive unstable insecure'.split(' '),
);


/**
 * How far around a mention the rules look. Bounding it keeps a pathological "sentence" (a
 * page with no full stops) linear: regular expressions anchored at the end of a long string
 * are tried from every position.
 */
export const WINDOW = 240;

/** Up to WINDOW characters of the sentence before a file offset. */
export function textBefore(sentence: TextSpan, offset: number): string {
  const at = offset - sentence.start;
  return sentence.text.slice(Math.max(0, at - WINDOW), at);
}

const LIST_GAP = /^(?:\s*,\s*|\s+and\s+|\s*,\s+and\s+|\s*&\s*|\s+or\s+|\s*,\s*the\s+|\s+and\s+the\s+)$/i;

/** Groups consecutive mentions that form one list ("Iran, Russia, China and India"). */
export function listChains(sentence: TextSpan, mentions: StateMention[]): StateMention[][] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const chains: StateMention[][] = [];
  for (const m of sorted) {
    const last = chains.at(-1);
    const prev = last?.at(-1);
    if (last && prev && m.start >= prev.end && LIST_GAP.test(sentence.text.slice(prev.end - sentence.start, m.start - sentence.start))) {
      last.push(m);
    } else chains.push([m]);
  }
  return chains;
}

function wordsAfter(sentence: TextSpan, offset: number, n: number): string[] {
  return sentence.text
    .slice(offset - sentence.start, offset - sentence.start + WINDOW)
    .split(/[\s—–]+/)
    .filter(Boolean)
    .slice(0, n)
    .map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ''));
}

function lastWordBefore(sentence: TextSpan, offset: number): string {
  const before = textBefore(sentence, offset);
  const m = before.match(/([\p{L}-]+)[\s"“(]*$/u);
  return m?.[1]?.toLowerCase() ?? '';
}

function secondLastWordBefore(sentence: TextSpan, offset: number): string {
  const before = textBefore(sentence, offset);
  const m = before.match(/([\p{L}-]+)\s+[\p{L}-]+[\s"“(]*$/u);
  return m?.[1]?.toLowerCase() ?? '';
}

const MEETING_MODIFIER = /^(?:trilateral|bilateral|quadrilateral|multilateral|talks|dialogue|consultations?|meeting|summit|joint|strategic|security|counter-?terrorism|format|officials?|delegations?)$/;

const TITLE_ADJECTIVES = /^(?:acting|senior|top|caretaker|deputy|former|new|first|special|national|security|interim|high-level|visiting|presidential|foreign|interior|defence|defense|chief|prime|vice|assistant|additional|federal|permanent|outgoing|incoming|military|civilian|and|the|side|state|council)$/;

/** Whether an official noun follows, through title-case words and title adjectives only. */
function officialFollows(after: string, lex: Lexicon): boolean {
  if (/^\s*(?:side|delegation|government)\b/i.test(after)) return true;
  const tokens = after.replace(/^['’]s?/, '').split(/[\s—–]+/).filter(Boolean).slice(0, 7);
  for (const raw of tokens) {
    const w = raw.replace(/[^\p{L}-]/gu, '');
    const lower = w.toLowerCase();
    if (isOfficialWord(lex, lower)) return true;
    if (/[,.;:]$/.test(raw)) return false;
    if (/^\p{Lu}/u.test(w) || TITLE_ADJECTIVES.test(lower)) continue;
    return false;
  }
  return false;
}

function officialWithin(words: string[], lex: Lexicon): boolean {
  return words.some((w) => isOfficialWord(lex, w));
}

/**
 * The role of each state mention in a sentence. Lists share the role of their head
 * (names, by the word before the list) or tail (demonyms and possessives, by the noun
 * after the list: "Pakistani and American officials").
 */
export function stateRoles(sentence: TextSpan, mentions: StateMention[], lex: Lexicon): Map<StateMention, StateRole> {
  const roles = new Map<StateMention, StateRole>();
  for (const chain of listChains(sentence, mentions)) {
    const head = chain[0]!;
    const tail = chain[chain.length - 1]!;
    for (const m of chain) {
      roles.set(m, roleOf(sentence, m, head, tail, lex));
    }
  }
  return roles;
}

/** "Delegations of the competent bodies of the Republic of ...": the people of a state, a few words back. */
const OFFICIAL_NOUN_SHORTLY_BEFORE = /\b(?:representatives|delegates|officials|delegations|ministers|secretaries|envoys|leaders|heads)\s+(?:of|from)\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,3}(?:of|from)\s+(?:the\s+)?$/iu;

function roleOf(sentence: TextSpan, m: StateMention, head: StateMention, tail: StateMention, lex: Lexicon): StateRole {
  const local = sentence.text;
  const after = local.slice(m.end - sentence.start, m.end - sentence.start + WINDOW);
  if (m.via === 'group') return groupRole(sentence, m, head, tail, lex);
  if (m.via === 'possessive' || m.via === 'demonym') {
    // "Afghan counterpart", "China's ambassador", "Russian Special Presidential Envoy",
    // "Pakistani and American officials" vs "Chinese workers", "Afghan soil".
    return officialFollows(sentence.text.slice(tail.end - sentence.start, tail.end - sentence.start + WINDOW), lex) ? 'participant' : 'topic';
  }
  // Names and capital metonyms: compounds first ("Pakistan-Afghanistan border" vs "Pakistan-China-Iran Trilateral").
  const compoundAfter = after.match(/^(?:-[\p{L}.]+)*\s*(?:\([^)]*\)\s*)?([\p{L}-]+)/u);
  const inCompound = /^-/.test(after) || /-$/.test(textBefore(sentence, m.start));
  if (inCompound) {
    const next = compoundAfter?.[1]?.toLowerCase() ?? '';
    return MEETING_MODIFIER.test(next) ? 'participant' : 'topic';
  }
  if (/^-based\b/.test(after)) return 'topic';
  // "with Afghanistan high on the agenda": what was discussed, not who.
  if (/^\s+(?:(?:high|top|first|prominently|squarely)\s+)?on the agenda\b/i.test(after)) return 'topic';
  const prev = lastWordBefore(sentence, head.start);
  if (prev === 'to') {
    // "a visit to Pakistan", "travelled to India" name a host; "assistance to Afghanistan" a topic.
    const before = secondLastWordBefore(sentence, head.start);
    return /^(?:visit|visits|visited|trip|travel|travelled|traveled|travelling|came|went|arrived|delegation|ambassador|envoy|representative|welcome|invited|invitation|counterparts?)$/.test(before) ? 'participant' : 'topic';
  }
  if (/^(?:discuss|discussed|discusses|discussing|regarding|concerning|toward|towards)$/.test(prev)) return 'topic';
  if (TOPIC_PREPOSITIONS.has(prev)) {
    if (prev === 'of' || prev === 'from') {
      // "NSAs of Iran", "National Security Adviser of Afghanistan", "representatives from the US".
      const before = secondLastWordBefore(sentence, head.start);
      const word = before === 'the' ? '' : before;
      if (officialWithin([word], lex) || /^(?:representatives|delegates|officials|participants|members|delegations|ministers|nsas|councils?|affairs)$/.test(word)) return 'participant';
      // "from the US" after "representatives": look one more word back.
      const text = textBefore(sentence, head.start);
      if (/(?:representatives|delegates|officials|delegations|ministers|NSAs|secretaries|envoys|leaders|councils?|Affairs)\s+(?:of|from)\s+(?:the\s+)?$/i.test(text)) return 'participant';
      return OFFICIAL_NOUN_SHORTLY_BEFORE.test(text) ? 'participant' : 'topic';
    }
    return 'topic';
  }
  if (prev === 'the' && /(?:of|from)\s+the\s*$/i.test(textBefore(sentence, head.start))) {
    const text = textBefore(sentence, head.start);
    return /(?:representatives|delegates|officials|delegations|ministers|NSAs|secretaries|envoys|leaders|adviser|advisor)\s+(?:of|from)\s+the\s*$/i.test(text) || OFFICIAL_NOUN_SHORTLY_BEFORE.test(text) ? 'participant' : 'topic';
  }
  if (m.via === 'capital-metonym' && /^(?:in|at|to|from|based)$/.test(prev)) return 'topic';
  // "the Doha meeting", "Delhi meet": the city is where, not who.
  if (m.via === 'capital-metonym' && /^\s+(?:[A-Z][\p{L}-]*\s+){0,3}(?:meet|meeting|talks|dialogue|conference|summit|process|format|Meeting|Talks|Dialogue|Conference|Summit|Process|Format)\b/u.test(after)) return 'topic';
  // "a U.S. soldier": a name used as an adjective speaks of a party only before an official noun.
  if ((prev === 'a' || prev === 'an') && head === tail) return officialFollows(after, lex) ? 'participant' : 'topic';
  // "a peaceful and stable Afghanistan": a state described, not a party.
  if (DESCRIBING_ADJECTIVES.has(prev)) return 'topic';
  // "Afghanistan's neighbours", "Pakistan's soil": a name used as a possessive of a thing.
  if (/^['’]s\b/.test(after)) {
    return officialWithin(wordsAfter(sentence, m.end, 5), lex) ? 'participant' : 'topic';
  }
  return 'participant';
}

/** Words that say states stayed away; `after` cues take the states named after them. */
const ABSENT_AFTER_RE =
  /\b(?:no (?:representatives?|delegates?|delegations?|officials?|one) (?:from|of)|non-participation of|absence of|without|(?:has|have|had|did) not invited?|not invited|excluded|exclusion of|not including)\b/gi;
const ABSENT_BEFORE_RE =
  /\b(?:(?:did|do|does|will|would|had|has|have|could|can)\s*(?:not|n['’]t)\s+(?:attend(?:ed|ing)?|participat(?:e|ed|ing)|join(?:ed)?|take part|taken part|be present|be attending|send|sent)|won['’]t (?:attend|participate|join|take part)|(?:refused?|refusing|declined?|unable) to (?:attend|participate|join|take part)|declined|skip(?:ped|s|ping)?|boycott(?:ed|s|ing)?|stay(?:ed)? away|(?:was|were) not present|(?:was|were) absent|pulled out|not to attend)\b/gi;
const PRESENT_RE =
  /\b(?:did participate|participated|participates|attended|took part|take part|confirmed (?:their|its|his|her) participation|(?:was|were) present|(?:was|were) represented|represented by|joined)\b/i;

export interface AttendanceFacts {
  absent: Set<string>;
  present: Set<string>;
}

/**
 * Absentees and confirmed participants in one sentence, clause by clause
 * ("Pakistan had not attended any of them but China did participate").
 */
export function attendance(sentence: TextSpan, mentions: StateMention[], roles: Map<StateMention, StateRole>): AttendanceFacts {
  const absent = new Set<string>();
  const present = new Set<string>();
  const text = sentence.text;
  const bounds = [0];
  for (const m of text.matchAll(/;|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b/gi)) bounds.push(m.index);
  bounds.push(text.length);
  for (let i = 0; i < bounds.length - 1; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    const clause = text.slice(from, to);
    const inClause = mentions.filter((m) => m.start - sentence.start >= from && m.end - sentence.start <= to);
    let any = false;
    ABSENT_AFTER_RE.lastIndex = 0;
    for (let a = ABSENT_AFTER_RE.exec(clause); a; a = ABSENT_AFTER_RE.exec(clause)) {
      any = true;
      for (const m of inClause) {
        if (m.start - sentence.start >= from + a.index && !(roles.get(m) === 'topic' && m.via !== 'name')) m.iso3.forEach((c) => absent.add(c));
      }
    }
    ABSENT_BEFORE_RE.lastIndex = 0;
    for (let a = ABSENT_BEFORE_RE.exec(clause); a; a = ABSENT_BEFORE_RE.exec(clause)) {
      any = true;
      // The subject: states named before the cue, not hosts ("hosted by India") nor topics.
      for (const m of inClause) {
        if (m.end - sentence.start <= from + a.index && roles.get(m) !== 'topic') m.iso3.forEach((c) => absent.add(c));
      }
    }
    if (!any && PRESENT_RE.test(clause)) {
      for (const m of inClause) if (roles.get(m) !== 'topic') m.iso3.forEach((c) => present.add(c));
    }
  }
  return { absent, present };
}

export function hasAttendanceWords(text: string): boolean {
  ABSENT_AFTER_RE.lastIndex = 0;
  ABSENT_BEFORE_RE.lastIndex = 0;
  const r = ABSENT_AFTER_RE.test(text) || ABSENT_BEFORE_RE.test(text) || PRESENT_RE.test(text);
  ABSENT_AFTER_RE.lastIndex = 0;
  ABSENT_BEFORE_RE.lastIndex = 0;
  return r;
}

/** States named as hosts: "hosted by the United States", "Iran hosted", "India will host". */
export function hostStates(sentence: TextSpan, mentions: StateMention[], roles: Map<StateMention, StateRole>): Set<string> {
  const hosts = new Set<string>();
  for (const m of mentions) {
    if (m.via === 'group') continue;
    const before = textBefore(sentence, m.start);
    const after = sentence.text.slice(m.end - sentence.start, m.end - sentence.start + WINDOW);
    const hostedBy = /\b(?:hosted|organi[sz]ed|convened|chaired) by (?:the )?$/i.test(before);
    const hosting = roles.get(m) === 'participant' && /^\s+(?:has |had |will |is |was )?(?:hosted|hosts|host|hosting|to host|organi[sz]ed|convened|invited)\b/i.test(after);
    if (hostedBy || hosting) {
      m.iso3.forEach((c) => hosts.add(c));
    }
  }
  return hosts;
}

/**
 * People named with their state ("Pakistan's Special Representative for Afghanistan Mohammad
 * Sadiq", "his Afghan counterpart Sirajuddin Haqqani", "National Security Adviser of
 * Afghanistan Dr Rangin Dadfar Spanta"): surname → iso3, so that a later "Haqqani" or
 * "Ambassador Qomi" brings the state in.
 */
export function officialsByName(sentences: Array<TextSpan & { states: StateMention[] }>, lex: Lexicon): Map<string, string> {
  const byName = new Map<string, string>();
  const stateWords = new Set<string>();
  for (const s of sentences) for (const m of s.states) stateWords.add(m.text.replace(/['’]s$/, '').toLowerCase());
  for (const s of sentences) {
    for (const m of s.states) {
      if (m.iso3.length !== 1 || m.via === 'group') continue;
      const before = textBefore(s, m.start);
      const ofForm = m.via === 'name' && /\b(?:\w+)\s+of\s+$/i.test(before) && officialWordBefore(before, lex);
      if (!(m.via === 'possessive' || m.via === 'demonym' || ofForm || /^['’]s\b/.test(s.text.slice(m.end - s.start, m.end - s.start + 3)))) continue;
      const surname = nameAfter(s.text.slice(m.end - s.start, m.end - s.start + WINDOW).replace(/^['’]s\b/, ''), stateWords, lex, !!ofForm);
      if (surname && !byName.has(surname)) byName.set(surname, m.iso3[0]!);
    }
  }
  return byName;
}

function officialWordBefore(before: string, lex: Lexicon): boolean {
  const w = before.match(/([\p{L}-]+)\s+of\s+$/u)?.[1]?.toLowerCase() ?? '';
  return isOfficialWord(lex, w);
}

const CONNECTORS = new Set('of for on the and at to side was were represented led by & in-charge'.split(' '));

/** The surname that ends a title-and-name run, or null when the run holds no title or no name. */
export function nameAfter(text: string, stateWords: Set<string>, lex: Lexicon, titled = false): string | null {
  const tokens = text.split(/\s+/).filter(Boolean).slice(0, 22);
  let sawTitle = titled;
  let name: string | null = null;
  for (const raw of tokens) {
    const endsRun = /[,.;:)"”]$/.test(raw) && !/^(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col)\.$/.test(raw);
    const w = raw.replace(/^[("“]+|[,.;:)"”’']+$/g, '');
    const lower = w.toLowerCase().replace(/['’]s$/, '');
    if (!w) break;
    if (/^\(.*\)$/.test(raw)) continue; // "(Counter-Terrorism)"
    if (/^\(.*\)[,.;:]$/.test(raw)) break;
    if (isOfficialWord(lex, lower)) {
      // Capitalised words before another title were part of the title ("Director General of
      // the Department of External Security Affairs at the Chinese Foreign Ministry Bai Tian").
      name = null;
      sawTitle = true;
    } else if (CONNECTORS.has(lower)) {
      if (lower === 'and' && name) break;
    } else if (/^\p{Lu}/u.test(w)) {
      if (!stateWords.has(lower) && !PERSONAL_TITLE_WORDS.has(lower) && !/['’]s$/.test(w)) name = w;
    } else break;
    if (endsRun) break;
  }
  if (!sawTitle || !name || name.length < 3) return null;
  return name;
}

const PERSONAL_TITLE_WORDS = new Set(
  'dr mr mrs ms gen mullah maulvi senator sheikh sardar affairs ministry department office council security national special presidential acting caretaker senior deputy assistant additional federal state first second external south asia asian foreign interior defence defense army staff'.split(
    ' ',
  ),
);

/**
 * A group phrase takes part when it is listed with participants ("the US, Pakistan, and five
 * Central Asian countries"), follows "representatives of/from", precedes an official noun, or
 * names the format that meets ("the Moscow Format Consultations"); "Afghanistan's
 * neighbouring countries have a key role" only talks about them.
 */
function groupRole(sentence: TextSpan, m: StateMention, head: StateMention, tail: StateMention, lex: Lexicon): StateRole {
  if (head !== tail) {
    const other = head === m ? tail : head;
    if (other.via !== 'group') return roleOf(sentence, other, other, other, lex);
  }
  const before = textBefore(sentence, m.start);
  const after = sentence.text.slice(m.end - sentence.start, m.end - sentence.start + WINDOW);
  if (/(?:representatives|delegates|officials|delegations|ministers|NSAs|secretaries|envoys|leaders|members|councils?|Affairs)\s+(?:of|from)\s+(?:the\s+)?$/i.test(before)) return 'participant';
  if (/\b(?:meetings?|talks|dialogue|consultations|conference|summit|format)\s+(?:among|between|of)\s+(?:the\s+)?$/i.test(before)) return 'participant';
  if (officialWithin(wordsAfter(sentence, m.end, 3), lex)) return 'participant';
  if (/^\s*(?:[A-Z][\p{L}-]*\s+){0,2}(?:Consultations?|Summit|Meeting|Dialogue|Conference|Talks|meeting|summit|talks|consultations|dialogue)\b/u.test(after)) return 'participant';
  return 'topic';
}
