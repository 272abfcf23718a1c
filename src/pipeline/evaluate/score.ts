/**
 * Scores a dataset against an answer key: meetings are matched one-to-one within each
 * article (by where their evidence lies, venue, date and participants), then
 * meeting recall and precision, day-exact dates, participants F1 and venue distance are
 * computed over the matches. Pure: the caller supplies the texts and a city resolver.
 */
import type { Dataset, Meeting } from '../../dataset/schema';
import { haversineKm, type LonLat } from '../places/distance';
import { nameKey } from '../people/group';
import { type AnswerKey, type KeyMeeting, keyDateWindow } from './answerKey';

export type { LonLat };
export { haversineKm };

export interface ScoreInputs {
  key: AnswerKey;
  dataset: Dataset;
  /** Article texts by file name, to locate each key meeting's evidence quote. */
  texts: Map<string, string>;
  /** Coordinates of a key venue (city name and ISO3), or null when the gazetteer lacks it. */
  locate: (city: string, iso3: string | null) => LonLat | null;
  /** Score only these articles (a half of the set); default: all. */
  only?: (file: string) => boolean;
}

export interface Pair {
  key: KeyMeeting;
  predicted: Meeting;
  dateExact: boolean | null;
  venueKm: number | null;
}

export interface ArticleScore {
  article: string;
  /** Key meetings matched under the strict measure, with their predicted meeting. */
  strictPairs: Pair[];
  keyCount: number;
  predictedCount: number;
  matched: number;
  pairs: Pair[];
  missed: KeyMeeting[];
  extra: Meeting[];
}

/**
 * The measure the pipeline is judged by: a predicted meeting counts as found only when its
 * venue and its date window agree with the key's, not just its article and parties.
 */
export interface StrictScores {
  recall: number;
  precision: number;
  /** Strict recall over the key's primary meetings (the ones an article is about). */
  primaryRecall: number;
  primaryKey: number;
  primaryMatched: number;
  matched: number;
  /** Over strict matches. */
  participantsF1: number;
  dayExact: number;
  dayExactOf: number;
}

/** People at the table, over matched meetings whose key lists people. */
export interface PeopleScores {
  /** Matched meetings whose key lists people (0: nothing keyed, figures are null). */
  keyedMeetings: number;
  precision: number | null;
  recall: number | null;
  /** Of the people found and keyed with a state: how many have the key's state. */
  stateAccuracy: number | null;
  found: number;
  keyed: number;
  correct: number;
}

export interface Scores {
  strict: StrictScores;
  people: PeopleScores;
  recall: number;
  precision: number;
  dateExact: number;
  dateExactOf: number;
  participantsF1: number;
  venueMedianKm: number | null;
  venueWithin50: number;
  venueOf: number;
  keyMeetings: number;
  predictedMeetings: number;
  matchedMeetings: number;
  articles: ArticleScore[];
}

/**
 * The halves a rule is checked across: odd- and even-numbered files ("07_..." is odd). A
 * rule written while looking at one half must hold on the other.
 */
export function half(file: string): 'odd' | 'even' | null {
  const n = file.match(/^(\d+)/);
  if (!n) return null;
  return Number(n[1]) % 2 === 1 ? 'odd' : 'even';
}


function jaccard(a: string[], b: string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  const inter = [...A].filter((x) => B.has(x)).length;
  const union = new Set([...A, ...B]).size;
  return union === 0 ? 1 : inter / union;
}

export function score(inputs: ScoreInputs): Scores {
  const { key, dataset, texts, locate } = inputs;
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const articles: ArticleScore[] = [];
  const files = [...new Set([...key.map((k) => k.article), ...dataset.sources.map((s) => s.file)])].filter(inputs.only ?? (() => true)).sort();
  for (const file of files) {
    const keyMeetings = key.find((k) => k.article === file)?.meetings ?? [];
    // A meeting merged across articles counts in each article that reports it.
    const predicted = dataset.meetings.filter((m) => m.sources.some((src) => src.file === file));
    const text = texts.get(file) ?? '';
    const candidates: Array<{ k: number; p: number; s: number }> = [];
    keyMeetings.forEach((km, k) => {
      const at = km.evidence ? text.indexOf(km.evidence) : -1;
      predicted.forEach((pm, p) => {
        const s = similarity(km, pm, at, at === -1 ? -1 : at + km.evidence.length, places, locate);
        if (s >= 1) candidates.push({ k, p, s });
      });
    });
    const toPair = (c: { k: number; p: number }): Pair => {
      const km = keyMeetings[c.k]!;
      const pm = predicted[c.p]!;
      return { key: km, predicted: pm, dateExact: dateExact(km, pm), venueKm: venueKm(km, pm, places, locate) };
    };
    const { pairs, usedK, usedP } = matchGreedy(candidates, toPair);
    const strictPairs = matchGreedy(
      candidates.filter((c) => {
        const pair = toPair(c);
        return venueAgrees(pair) && dateAgrees(pair.key, pair.predicted);
      }),
      toPair,
    ).pairs;
    articles.push({
      article: file,
      strictPairs,
      keyCount: keyMeetings.length,
      predictedCount: predicted.length,
      matched: pairs.length,
      pairs,
      missed: keyMeetings.filter((_, i) => !usedK.has(i)),
      extra: predicted.filter((_, i) => !usedP.has(i)),
    });
  }
  const all = articles.flatMap((a) => a.pairs);
  const keyN = articles.reduce((n, a) => n + a.keyCount, 0);
  const predN = articles.reduce((n, a) => n + a.predictedCount, 0);
  const dated = all.filter((p) => p.dateExact !== null);
  const f1 = participantsF1(all);
  const withVenue = all.filter((p) => p.key.venue_city !== null);
  const distances = withVenue.map((p) => p.venueKm).filter((d): d is number => d !== null).sort((a, b) => a - b);
  const strictAll = articles.flatMap((a) => a.strictPairs);
  const strictDays = strictAll.filter((p) => p.dateExact !== null);
  const primaryKey = articles.reduce((n, a) => n + (key.find((k) => k.article === a.article)?.meetings.filter((m) => m.primary).length ?? 0), 0);
  const primaryMatched = strictAll.filter((p) => p.key.primary).length;
  const strict: StrictScores = {
    recall: keyN === 0 ? 1 : strictAll.length / keyN,
    precision: predN === 0 ? (keyN === 0 ? 1 : 0) : strictAll.length / predN,
    primaryRecall: primaryKey === 0 ? 1 : primaryMatched / primaryKey,
    primaryKey,
    primaryMatched,
    matched: strictAll.length,
    participantsF1: participantsF1(strictAll),
    dayExact: strictDays.length === 0 ? 1 : strictDays.filter((p) => p.dateExact).length / strictDays.length,
    dayExactOf: strictDays.length,
  };
  return {
    strict,
    people: peopleScores(all),
    recall: keyN === 0 ? 1 : all.length / keyN,
    precision: predN === 0 ? (keyN === 0 ? 1 : 0) : all.length / predN,
    dateExact: dated.length === 0 ? 1 : dated.filter((p) => p.dateExact).length / dated.length,
    dateExactOf: dated.length,
    participantsF1: f1,
    venueMedianKm: distances.length ? median(distances) : null,
    venueWithin50: withVenue.length === 0 ? 1 : withVenue.filter((p) => p.venueKm !== null && p.venueKm <= 50).length / withVenue.length,
    venueOf: withVenue.length,
    keyMeetings: keyN,
    predictedMeetings: predN,
    matchedMeetings: all.length,
    articles,
  };
}

/**
 * People precision and recall: a found person is right when the key lists someone with the
 * same surname (diacritics and case aside) at the same meeting; each key person counts once.
 */
function peopleScores(pairs: Pair[]): PeopleScores {
  const keyed = pairs.filter((p) => p.key.people !== undefined);
  let found = 0;
  let keyN = 0;
  let correct = 0;
  let withState = 0;
  let stateRight = 0;
  for (const p of keyed) {
    const left = [...p.key.people!];
    keyN += left.length;
    for (const person of p.predicted.people) {
      found++;
      const i = left.findIndex((k) => nameKey(k.name) === nameKey(person.name));
      if (i === -1) continue;
      correct++;
      const k = left.splice(i, 1)[0]!;
      if (k.state !== null) {
        withState++;
        if (k.state === person.state) stateRight++;
      }
    }
  }
  return {
    keyedMeetings: keyed.length,
    precision: keyed.length ? (found === 0 ? 1 : correct / found) : null,
    recall: keyed.length ? (keyN === 0 ? 1 : correct / keyN) : null,
    stateAccuracy: withState ? stateRight / withState : null,
    found,
    keyed: keyN,
    correct,
  };
}

/** One-to-one matching, best similarity first (ties: key order, then predicted order). */
function matchGreedy(candidates: Array<{ k: number; p: number; s: number }>, toPair: (c: { k: number; p: number }) => Pair) {
  const sorted = [...candidates].sort((a, b) => b.s - a.s || a.k - b.k || a.p - b.p);
  const usedK = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of sorted) {
    if (usedK.has(c.k) || usedP.has(c.p)) continue;
    usedK.add(c.k);
    usedP.add(c.p);
    pairs.push(toPair(c));
  }
  return { pairs, usedK, usedP };
}

/** Micro-averaged F1 of participating states over matched pairs. */
function participantsF1(pairs: Pair[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const K = new Set(p.key.participants_iso3);
    const P = new Set(p.predicted.participants);
    tp += [...P].filter((x) => K.has(x)).length;
    fp += [...P].filter((x) => !K.has(x)).length;
    fn += [...K].filter((x) => !P.has(x)).length;
  }
  return tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
}

/** Strict venue: both unknown, or both known and within 50 km. */
function venueAgrees(p: Pair): boolean {
  if (p.key.venue_city === null) return p.predicted.venuePlaceId === null;
  return p.venueKm !== null && p.venueKm <= 50;
}

const DAY_MS = 86_400_000;
const spanDays = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;

/**
 * Strict date: both unknown, or windows that overlap where the prediction is no wider than
 * the key's window or a week, whichever is longer ("July 2025" for a key day does not agree;
 * "the week of 14 July" for 16 July does).
 */
export function dateAgrees(k: KeyMeeting, p: Meeting): boolean {
  if (k.date === null) return p.date.start === null;
  if (p.date.start === null || p.date.end === null) return false;
  const w = keyDateWindow(k.date);
  if (!(w.start <= p.date.end && p.date.start <= w.end)) return false;
  return spanDays(p.date.start, p.date.end) <= Math.max(spanDays(w.start, w.end), 7);
}

function median(xs: number[]): number {
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** Null when the key's date is not a day (only day dates are scored for exactness). */
function dateExact(k: KeyMeeting, p: Meeting): boolean | null {
  if (k.date === null || k.date.length !== 10) return null;
  return p.date.precision === 'day' && p.date.start === k.date;
}

function venueKm(k: KeyMeeting, p: Meeting, places: Map<string, LonLat>, locate: ScoreInputs['locate']): number | null {
  if (k.venue_city === null || p.venuePlaceId === null) return null;
  const a = locate(k.venue_city, k.venue_country_iso3);
  const b = places.get(p.venuePlaceId);
  if (!a || !b) return null;
  return haversineKm(a, b);
}

function similarity(k: KeyMeeting, p: Meeting, evStart: number, evEnd: number, places: Map<string, LonLat>, locate: ScoreInputs['locate']): number {
  let s = 0;
  const sameEvidence = evStart !== -1 && p.sources.some((src) => src.start < evEnd && evStart < src.end);
  const shared = jaccard(k.participants_iso3, p.participants);
  if (!sameEvidence && shared === 0) return 0;
  if (sameEvidence) s += 2;
  s += shared;
  if (k.date && p.date.start && p.date.end) {
    const w = keyDateWindow(k.date);
    if (w.start <= p.date.end && p.date.start <= w.end) s += 0.5;
  } else if (!k.date && !p.date.start) s += 0.25;
  const km = venueKm(k, p, places, locate);
  if (km !== null && km <= 50) s += 0.5;
  else if (k.venue_city === null && p.venuePlaceId === null) s += 0.25;
  if ((k.kind === 'call') === (p.kind === 'call')) s += 0.25;
  if (k.status === p.status) s += 0.25;
  return s;
}
