/**
 * Finds states in running text: by name ("Pakistan", "U.S.", "Türkiye"), demonym ("Afghan",
 * "Pakistanis"), possessive ("China’s ambassador"), group phrase ("five Central Asian
 * countries", "Moscow Format") and capital read as its government ("Washington and
 * Islamabad issued a joint statement").
 *
 * Names, demonyms and capitals come from `world-countries` plus data/state-aliases.json;
 * groups from data/state-groups.json. Matching is by token index (phraseIndex.ts); only the
 * few group patterns are regular expressions.
 */
import * as z from 'zod/mini';
import type { StateMention } from '../contracts';
import { loadCountries, type WorldCountry } from './countries';
import { readDataFile } from './dataFile';
import { PhraseIndex, startsUpper, tokenize, type Token } from './phraseIndex';

export interface Span {
  start: number;
  end: number;
}

export interface FindStatesOptions {
  /**
   * Text that names something else, typically organisation names from
   * `findOrganizationMentions` ("Tehreek-e-Taliban Pakistan" is the TTP, not Pakistan).
   * A state mention overlapping one of these spans is dropped unless it covers exactly the
   * same text (so the group "SCO" survives the organisation "SCO").
   */
  excludeSpans?: readonly Span[];
}

type Kind = 'name' | 'demonym' | 'capital' | 'prefix' | 'block';

interface Payload {
  kind: Kind;
  iso3: string[];
  /** Lower wins among phrases of equal length: names before demonyms before capitals. */
  rank: number;
}

interface Group {
  name: string;
  source: string;
  members: string[];
  patterns: RegExp[];
}

interface Candidate extends Span {
  iso3: string[];
  via: StateMention['via'] | 'block';
  rank: number;
  group?: { name: string; source: string };
}

const Iso3List = z.array(z.string().check(z.regex(/^[A-Z]{3}$/, 'expected ISO3 codes such as PAK')));
const AliasEntry = z.object({ text: z.string().check(z.minLength(1)), iso3: Iso3List, case: z.optional(z.enum(['exact', 'capitalised'])), source: z.string() });
const StateAliases = z.object({
  aliases: z.array(AliasEntry),
  ignoredAltSpellings: z.object({ texts: z.array(z.string()) }),
  hyphenPrefixes: z.array(AliasEntry),
  demonyms: z.array(AliasEntry),
  notStates: z.array(z.object({ text: z.string(), why: z.string() })),
  capitalMetonyms: z.object({ add: z.array(AliasEntry), exclude: z.array(z.string()) }),
});
const StateGroups = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      patterns: z.array(z.string()).check(z.minLength(1)),
      members: Iso3List,
      source: z.string().check(z.minLength(1, 'every group needs a source')),
      note: z.string(),
      flags: z.optional(z.string()),
    }),
  ),
});

/** Words before a capital that make it a place, not a government ("talks in Washington"). */
const LOCATIVE = new Set([
  'in', 'at', 'to', 'from', 'into', 'near', 'via', 'visit', 'visits', 'visited', 'visiting', 'outside', 'inside',
  'around', 'across', 'toward', 'towards', 'reached', 'arrived', 'landed', 'left', 'leaving', 'within', 'throughout',
  'capital', 'city',
]);
/** "capital of Doha", "outskirts of Kabul". */
const PLACE_OF = new Set(['capital', 'city', 'outskirts', 'suburbs', 'centre', 'center', 'streets', 'heart']);
const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}\p{M}\s'’.\-()]+$/u;
const HYPHEN_AFTER = /^[-\u2010\u2011\u2013]/;
const POSSESSIVE_AFTER = /^['\u2019]s(?![\p{L}\p{N}])/u;

interface StateFinder {
  index: PhraseIndex<Payload>;
  groups: Group[];
}

let finder: StateFinder | null = null;

function buildFinder(): StateFinder {
  const { all } = loadCountries();
  const data = readDataFile('state-aliases.json', StateAliases);
  const groupData = readDataFile('state-groups.json', StateGroups);
  const index = new PhraseIndex<Payload>();
  const ignored = new Set(data.ignoredAltSpellings.texts);
  const caseFor = (text: string) => (/^[A-Z.-]+$/.test(text) ? 'exact' : 'capitalised');

  // Where two states share a word ("American": USA and the Northern Mariana Islands), the UN
  // member, then the larger, takes it.
  const weight = (c: WorldCountry) => (c.unMember ? 1e9 : 0) + c.area;
  const claim = (map: Map<string, WorldCountry>, text: string, c: WorldCountry) => {
    const held = map.get(text);
    if (!held || weight(c) > weight(held)) map.set(text, c);
  };
  const names = new Map<string, WorldCountry>();
  const demonyms = new Map<string, WorldCountry>();
  for (const c of all) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (n.length > 2 && LATIN_NAME.test(n) && !n.includes(',') && !ignored.has(n)) claim(names, n, c);
    }
    const d = c.demonyms?.eng;
    if (d) for (const form of new Set([d.m, d.f])) if (LATIN_NAME.test(form)) claim(demonyms, form, c);
  }
  for (const [text, c] of names) index.add(text, { kind: 'name', iso3: [c.cca3], rank: 0 }, caseFor(text));
  for (const a of data.aliases) index.add(a.text, { kind: 'name', iso3: a.iso3, rank: 0 }, a.case ?? caseFor(a.text));

  const demonymIso3 = new Map<string, string[]>([...demonyms].map(([t, c]) => [t, [c.cca3]]));
  for (const a of data.demonyms) demonymIso3.set(a.text, a.iso3);
  for (const [text, iso3] of demonymIso3) {
    index.add(text, { kind: 'demonym', iso3, rank: 1 });
    const plural = pluralOf(text);
    if (plural) index.add(plural, { kind: 'demonym', iso3, rank: 1 });
  }
  for (const p of data.hyphenPrefixes) index.add(p.text, { kind: 'prefix', iso3: p.iso3, rank: 1 });

  const excluded = new Set(data.capitalMetonyms.exclude);
  for (const c of all) {
    const capital = c.capital[0];
    if (c.unMember && capital && !excluded.has(capital)) index.add(capital, { kind: 'capital', iso3: [c.cca3], rank: 2 });
  }
  for (const a of data.capitalMetonyms.add) index.add(a.text, { kind: 'capital', iso3: a.iso3, rank: 2 });
  for (const b of data.notStates) index.add(b.text, { kind: 'block', iso3: [], rank: 0 });

  const groups = groupData.groups.map((g, i) => ({
    name: g.name,
    source: g.source,
    members: g.members,
    patterns: g.patterns.map((p, j) => {
      try {
        return new RegExp(p, `g${g.flags ?? 'u'}`);
      } catch (err) {
        throw new Error(`data/state-groups.json: groups.${i}.patterns.${j}: bad regular expression: ${(err as Error).message}`);
      }
    }),
  }));
  return { index, groups };
}

/** "Afghans", "Pakistanis", "Uzbeks"; none for "Chinese", "British", "Swiss", "Kyrgyz". */
function pluralOf(demonym: string): string | null {
  if (demonym.includes(' ') || /(?:ese|sh|ch|ss|z|x|s)$/.test(demonym)) return null;
  return `${demonym}s`;
}

function getFinder(): StateFinder {
  finder ??= buildFinder();
  return finder;
}

export function findStateMentions(text: string, options: FindStatesOptions = {}): StateMention[] {
  const { index, groups } = getFinder();
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const matches = index.matchAt(text, tokens, i);
    let best: Candidate | null = null;
    for (const m of matches) {
      if (best && m.end - m.start < best.end - best.start) break;
      const { kind, iso3, rank } = m.entry.payload;
      if (best && rank >= best.rank) continue;
      let end = m.end;
      let via: Candidate['via'];
      if (kind === 'block') via = 'block';
      else if (kind === 'prefix') {
        if (!HYPHEN_AFTER.test(text.slice(m.end))) continue;
        via = 'name';
      } else if (kind === 'capital') {
        if (!readsAsGovernment(text, tokens, i, m.tokenEnd, index)) continue;
        via = 'capital-metonym';
      } else if (kind === 'demonym') via = 'demonym';
      else if (POSSESSIVE_AFTER.test(text.slice(m.end))) {
        via = 'possessive';
        end += 2;
      } else via = 'name';
      best = { start: m.start, end, iso3, via, rank };
    }
    if (best) candidates.push(best);
  }

  for (const g of groups) {
    for (const re of g.patterns) {
      for (const m of text.matchAll(re)) {
        if (m[0].length === 0) continue;
        candidates.push({ start: m.index, end: m.index + m[0].length, iso3: g.members, via: 'group', rank: 0, group: { name: g.name, source: g.source } });
      }
    }
  }

  const excluded = options.excludeSpans ?? [];
  const kept = candidates.filter(
    (c) => !excluded.some((x) => c.start < x.end && x.start < c.end && !(c.start === x.start && c.end === x.end)),
  );
  return longestFirst(kept)
    .filter((c) => c.via !== 'block')
    .map((c) => {
      const mention: StateMention = { start: c.start, end: c.end, text: text.slice(c.start, c.end), iso3: [...c.iso3], via: c.via as StateMention['via'] };
      if (c.group) mention.group = c.group;
      return mention;
    });
}

/** Overlaps resolved in favour of the longer span (then the earlier, then the better rank); result sorted by start. */
export function longestFirst<T extends Span & { rank?: number }>(candidates: readonly T[]): T[] {
  const order = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || (a.rank ?? 0) - (b.rank ?? 0),
  );
  const chosen: T[] = [];
  for (const c of order) {
    if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Whether a capital's name stands for its government. "Washington and Islamabad issued",
 * "Beijing’s support", "regarded by Islamabad" do; "talks in Washington", "the Chinese
 * capital Beijing", "An Islamabad-based analyst", "Doha, Qatar" and upper-case datelines
 * ("KABUL:") do not. Extraction still decides whether to use a metonym.
 */
function readsAsGovernment(text: string, tokens: readonly Token[], i: number, tokenEnd: number, index: PhraseIndex<Payload>): boolean {
  const first = tokens[i]!;
  const last = tokens[tokenEnd - 1]!;
  const word = text.slice(first.start, last.end);
  if (word === word.toUpperCase()) return false;
  const after = text.slice(last.end, last.end + 16);
  if (/^[-\u2010\u2011\u2013](?:based|born|bound)\b/i.test(after)) return false;
  // "the Washington Post", "Tehran Times": a newspaper (same words as publicationWords in data/place-aliases.json).
  if (/^ (?:Times|Post|Tribune|Herald|Journal|Gazette|Chronicle|Observer|Daily|Telegraph|Press|Mirror)\b/.test(after)) return false;
  const next = tokens[tokenEnd];
  if (next && /^,\s*$/.test(text.slice(last.end, next.start)) && startsUpper(text.slice(next.start, next.end))) {
    if (index.matchAt(text, tokens, tokenEnd).some((m) => m.entry.payload.kind === 'name')) return false;
  }
  // Walk back over a list of capitals ("in Kabul, Islamabad and Beijing") to its preposition.
  let j = i - 1;
  for (let steps = 0; j >= 0 && steps < 8; steps++, j--) {
    const key = tokens[j]!.key;
    if (LOCATIVE.has(key)) return false;
    if (key === 'of') return !(j > 0 && PLACE_OF.has(tokens[j - 1]!.key));
    if (key === 'and' || key === 'or') continue;
    if (index.matchAt(text, tokens, j).some((m) => m.entry.payload.kind === 'capital')) continue;
    break;
  }
  return true;
}
