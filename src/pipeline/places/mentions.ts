/**
 * Finds cities (and known non-city venues) named in running text.
 *
 * The gazetteer holds 135k towns, many named like ordinary words or people ("Hassan",
 * "Post", "Central"), so a gazetteer name counts only when it is a capital, lies in a state
 * the text is about, or is big enough that the name is unlikely to be anything else; words in
 * the stop-list of data/place-aliases.json never count; and words that belong to a state's
 * name or demonym ("Indian", "Georgia") or an organisation's name are not places. Aliases and
 * landmarks from data/ always count.
 */
import type { OrganizationMention, PlaceMention, ResolvedPlace, StateMention } from '../contracts';
import { findOrganizationMentions } from '../states/organizations';
import { startsUpper, tokenize, type Token } from '../states/phraseIndex';
import { findStateMentions } from '../states/states';
import type { Gazetteer, PlaceHints } from './gazetteer';

/** A one-word name this populous is taken as the city without other evidence (Kazan 1.1M, Samarkand 319k, Kerman 577k). */
export const MIN_POPULATION_ONE_WORD = 100_000;
/** Multi-word names are rarely ordinary phrases (Cholpon-Ata, 18.6k). */
export const MIN_POPULATION_MULTI_WORD = 10_000;
/** A town in a state the text is about, still above village size. */
export const MIN_POPULATION_IN_CONTEXT = 10_000;

/** State and organisation mentions of the same text, when the caller has them already (saves finding them twice). */
export interface KnownMentions {
  states?: readonly StateMention[];
  organizations?: readonly OrganizationMention[];
}

/**
 * Place mentions sorted by start. `hints.countryIso3` are the states the text is about; when
 * no hints are given they are the states the text itself names.
 */
export function findPlaceMentions(text: string, gazetteer: Gazetteer, hints?: PlaceHints, known: KnownMentions = {}): PlaceMention[] {
  const organizations = known.organizations ?? findOrganizationMentions(text);
  const states = known.states ?? findStateMentions(text, { excludeSpans: organizations });
  const context = hints ?? { countryIso3: [...new Set(states.filter((s) => s.via !== 'capital-metonym').flatMap((s) => s.iso3))] };
  const inContext = new Set(context.countryIso3 ?? []);
  const stopped = gazetteer.notPlaceKeys;
  // Words of a state's name or demonym, or of an organisation's name, are not places.
  const blocked = [...organizations, ...states.filter((s) => s.via !== 'capital-metonym')];

  const tokens = tokenize(text);
  const found: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!startsUpper(text.slice(t.start, t.end))) continue;
    const matches = gazetteer.phrases.matchAt(text, tokens, i);
    let accepted: PlaceMention | null = null;
    let tokenEnd = i + 1;
    for (let k = 0; k < matches.length && !accepted; ) {
      // All phrases of one length together: "Jalālābād" and "Jalālābad" are the same words.
      const length = matches[k]!.tokenEnd;
      const same = [];
      while (k < matches.length && matches[k]!.tokenEnd === length) same.push(matches[k++]!);
      const first = same[0]!;
      const special = same.find((m) => m.entry.payload.via !== 'gazetteer');
      let place: ResolvedPlace | null = null;
      let via: PlaceMention['via'] = 'gazetteer';
      if (special && special.entry.payload.via !== 'gazetteer') {
        place = special.entry.payload.place;
        via = special.entry.payload.via;
      } else {
        const records = same.flatMap((m) => (m.entry.payload.via === 'gazetteer' ? m.entry.payload.records : []));
        const candidate = gazetteer.pick(records, context);
        const words = length - i;
        const key = tokens.slice(i, length).map((x) => x.key).join(' ');
        if (candidate && !stopped.has(key) && isLikelyCity(candidate, words, inContext) && (candidate.isCapital || !looksLikePersonName(text, tokens, i, length, gazetteer))) {
          place = candidate;
        }
      }
      if (!place) continue;
      if (namesPublication(text, tokens, length, gazetteer)) break;
      const start = first.start;
      const end = Math.max(...same.map((m) => m.end));
      const clash = blocked.some((b) => start < b.end && b.start < end && !(place.isCapital && b.start === start && b.end === end && 'iso3' in b && b.iso3.includes(place.countryIso3)));
      if (clash) break;
      accepted = { start, end, text: text.slice(start, end), place, via };
      tokenEnd = length;
    }
    if (accepted) {
      found.push(accepted);
      i = tokenEnd - 1;
    }
  }
  return found;
}

/** "the Washington Post reported", "Tehran Times": a newspaper, not a place. */
function namesPublication(text: string, tokens: readonly Token[], next: number, gazetteer: Gazetteer): boolean {
  const following = tokens[next];
  if (!following || text.slice(tokens[next - 1]!.end, following.start) !== ' ') return false;
  return startsUpper(text.slice(following.start, following.end)) && gazetteer.publicationKeys.has(following.key);
}

/** Capitalised words that may stand right before a place name ("In Kazan", "From Samarkand"). */
const LEAD_WORDS = new Set(['in', 'at', 'from', 'to', 'the', 'and', 'of', 'on', 'for', 'near', 'via', 'with', 'by', 'as', 'after', 'before', 'into', 'outside', 'inside']);

/**
 * "Vladimir Putin", "Hassan Kazmi", "John Bolton": a town's name directly next to another
 * capitalised word is taken as part of a person's name, unless the word after it names
 * something at the place ("Samarkand Declaration"), the word before it opens the sentence or
 * is a preposition ("In Kazan"), or the text is upper case.
 */
function looksLikePersonName(text: string, tokens: readonly Token[], first: number, next: number, gazetteer: Gazetteer): boolean {
  const isWordCase = (t: Token) => {
    const word = text.slice(t.start, t.end);
    return startsUpper(word) && word !== word.toUpperCase();
  };
  const last = tokens[next - 1]!;
  const following = tokens[next];
  if (following && text.slice(last.end, following.start) === ' ' && isWordCase(following) && !gazetteer.nameFollowerKeys.has(following.key)) {
    return true;
  }
  const prev = tokens[first - 1];
  if (!prev || text.slice(prev.end, tokens[first]!.start) !== ' ' || !isWordCase(prev) || LEAD_WORDS.has(prev.key)) return false;
  const beforePrev = tokens[first - 2];
  const opensSentence = !beforePrev || /[.!?:;\n"“(|•\-–—]/.test(text.slice(beforePrev.end, prev.start));
  return !opensSentence;
}

function isLikelyCity(place: ResolvedPlace, words: number, inContext: ReadonlySet<string>): boolean {
  if (place.isCapital) return true;
  if (inContext.has(place.countryIso3) && place.population >= MIN_POPULATION_IN_CONTEXT) return true;
  return place.population >= (words > 1 ? MIN_POPULATION_MULTI_WORD : MIN_POPULATION_ONE_WORD);
}
