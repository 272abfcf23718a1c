/**
 * Scores a dataset against an answer key: meetings are matched one-to-one within each
 * article (by where their evidence lies, venue, date and participants), then
 * meeting recall and precision, day-exact dates, participants F1 and venue distance are
 * computed over the matches. Pure: the caller supplies the texts and a city resolver.
 */
import type { Dataset, Meeting } from '../../dataset/schema';
import { type AnswerKey, type KeyMeeting, keyDateWindow } from './answerKey';

export interface LonLat {
  lon: number;
  lat: number;
}

export interface ScoreInputs {
  key: AnswerKey;
  dataset: Dataset;
  /** Article texts by file name, to locate each key meeting's evidence quote. */
  texts: Map<string, string>;
  /** Coordinates of a key venue (city name and ISO3), or null when the gazetteer lacks it. */
  locate: (city: string, iso3: string | null) => LonLat | null;
}

export interface Pair {
  key: KeyMeeting;
  predicted: Meeting;
  dateExact: boolean | null;
  venueKm: number | null;
}

export interface ArticleScore {
  article: string;
  keyCount: number;
  predictedCount: number;
  matched: number;
  pairs: Pair[];
  missed: KeyMeeting[];
  extra: Meeting[];
}

export interface Scores {
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

const EARTH_KM = 6371.0088;
export function haversineKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
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
  const files = [...new Set([...key.map((k) => k.article), ...dataset.sources.map((s) => s.file)])].sort();
  for (const file of files) {
    const keyMeetings = key.find((k) => k.article === file)?.meetings ?? [];
    const predicted = dataset.meetings.filter((m) => m.sources[0]?.file === file);
    const text = texts.get(file) ?? '';
    const candidates: Array<{ k: number; p: number; s: number }> = [];
    keyMeetings.forEach((km, k) => {
      const at = km.evidence ? text.indexOf(km.evidence) : -1;
      predicted.forEach((pm, p) => {
        const s = similarity(km, pm, at, at === -1 ? -1 : at + km.evidence.length, places, locate);
        if (s >= 1) candidates.push({ k, p, s });
      });
    });
    candidates.sort((a, b) => b.s - a.s || a.k - b.k || a.p - b.p);
    const usedK = new Set<number>();
    const usedP = new Set<number>();
    const pairs: Pair[] = [];
    for (const c of candidates) {
      if (usedK.has(c.k) || usedP.has(c.p)) continue;
      usedK.add(c.k);
      usedP.add(c.p);
      const km = keyMeetings[c.k]!;
      const pm = predicted[c.p]!;
      pairs.push({ key: km, predicted: pm, dateExact: dateExact(km, pm), venueKm: venueKm(km, pm, places, locate) });
    }
    articles.push({
      article: file,
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
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of all) {
    const K = new Set(p.key.participants_iso3);
    const P = new Set(p.predicted.participants);
    tp += [...P].filter((x) => K.has(x)).length;
    fp += [...P].filter((x) => !K.has(x)).length;
    fn += [...K].filter((x) => !P.has(x)).length;
  }
  const f1 = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  const withVenue = all.filter((p) => p.key.venue_city !== null);
  const distances = withVenue.map((p) => p.venueKm).filter((d): d is number => d !== null).sort((a, b) => a - b);
  return {
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
