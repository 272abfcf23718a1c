/**
 * A synthetic dataset for benchmarks: N meetings at real places, valid against the
 * dataset schema, the same bytes for the same (meetings, seed).
 *
 * Shape, chosen to look like the real thing at scale:
 * - sources are synthetic article files; each reports 1 to 7 meetings dated near its
 *   publication day (held ones before it, planned ones after), so meetings cluster in
 *   time the way news does; publication days spread over 30 years, denser lately;
 * - every meeting has an evidence sentence whose offsets are those of the file obtained
 *   by joining the file's sentences with blank lines (see `sourceText`), so the span
 *   invariant `quote === text.slice(start, end)` holds for a text one can rebuild;
 * - 2 to 15 participants, mostly two or three; region states drawn most often;
 * - venues are a participant's capital or another real city; calls have no venue;
 * - date precision mixed: day, week, month, year, and some undated.
 */
import type { Dataset, Meeting, MeetingDate, MeetingKind, MeetingStatus, Source } from '../dataset/schema';
import { dayOf, isoOf, longDate, mondayOf, monthBounds, monthYear, yearBounds } from './calendar';
import { createRandom, pickFromTable, type Random } from './random';
import type { SyntheticPlace, SyntheticState, World } from './world';

export interface DatasetOptions {
  meetings: number;
  seed: number | string;
  /** First and last publication day of the synthetic sources (default 1996-01-01..2025-12-31). */
  firstDay?: string;
  lastDay?: string;
}

const PARTICIPANT_COUNTS: ReadonlyArray<readonly [number, number]> = [
  [2, 40], [3, 20], [4, 8], [5, 6], [6, 5], [7, 4], [8, 3], [9, 3], [10, 2], [11, 2], [12, 2], [13, 1], [14, 1], [15, 1],
];
const PRECISIONS: ReadonlyArray<readonly [MeetingDate['precision'], number]> = [
  ['day', 55], ['week', 10], ['month', 17], ['year', 8], ['unknown', 10],
];
const STATUSES: ReadonlyArray<readonly [MeetingStatus, number]> = [['held', 80], ['planned', 14], ['cancelled', 6]];
/** Topic slugs as the app's topic filter shows them. */
export const SYNTHETIC_TOPICS = [
  'counter-terrorism', 'ttp', 'iskp', 'al-qaeda', 'border-management', 'cpec', 'narcotics',
  'refugees', 'trade', 'railway', 'intelligence-sharing', 'humanitarian-aid',
] as const;
const ORGANIZATIONS: ReadonlyArray<readonly [string | null, number]> = [
  [null, 75], ['Taliban', 10], ['UN', 7], ['SCO', 4], ['NATO', 2], ['EU', 2],
];
const MAX_MEETINGS_PER_SOURCE = 7;
const SENTENCE_GAP = '\n\n';

/** Name of the i-th synthetic source file. */
export function sourceFileName(index: number): string {
  return `synthetic/${String(index + 1).padStart(6, '0')}.txt`;
}

export function generateDataset(world: World, options: DatasetOptions): Dataset {
  const count = options.meetings;
  if (!Number.isInteger(count) || count < 0) throw new Error(`meetings must be a whole number ≥ 0, got ${count}`);
  const random = createRandom(options.seed);
  const firstDay = dayOf(options.firstDay ?? '1996-01-01');
  const lastDay = dayOf(options.lastDay ?? '2025-12-31');
  const venues = world.places;
  const usedPlaces = new Set<string>();

  const sources: Source[] = [];
  const meetings: Meeting[] = [];
  while (meetings.length < count) {
    const file = sourceFileName(sources.length);
    // sqrt of a uniform number: density grows linearly with time, as news archives do.
    const published = firstDay + Math.floor(Math.sqrt(random.next()) * (lastDay - firstDay + 1));
    const undatedSource = random.chance(0.03);
    sources.push({ file, published: undatedSource ? null : isoOf(published), outlet: 'Synthetic Wire' });

    const inFile = Math.min(random.int(1, MAX_MEETINGS_PER_SOURCE), count - meetings.length);
    let offset = 0;
    const firstOfFile = meetings.length;
    for (let k = 0; k < inFile; k++) {
      const meeting = generateMeeting(random, world, venues, meetings.length, published, k === 0);
      const quote = evidenceSentence(random, world, meeting);
      meeting.sources.push({ file, start: offset, end: offset + quote.length, quote });
      offset += quote.length + SENTENCE_GAP.length;
      if (meeting.venuePlaceId) usedPlaces.add(meeting.venuePlaceId);
      meetings.push(meeting);
    }
    // A tenth of the files mention their first meeting again further down (a second span).
    if (random.chance(0.1)) {
      const first = meetings[firstOfFile] as Meeting;
      const quote = `The meeting ended with a joint statement on ${first.topics[0] ?? 'security'}.`;
      first.sources.push({ file, start: offset, end: offset + quote.length, quote });
    }
  }

  // Every state that took part has its capital in `places`, even if it never hosted.
  const states = world.states.map(({ iso3, name, capitalPlaceId }) => ({ iso3, name, capitalPlaceId }));
  for (const s of states) if (s.capitalPlaceId) usedPlaces.add(s.capitalPlaceId);
  const places = world.places
    .filter((p) => usedPlaces.has(p.id))
    .map(({ id, name, countryIso3, lon, lat, gazetteerId }) => ({ id, name, countryIso3, lon, lat, gazetteerId }));

  return { schemaVersion: 2, sources, places, states, meetings };
}

function generateMeeting(
  random: Random,
  world: World,
  venues: readonly SyntheticPlace[],
  index: number,
  published: number,
  primary: boolean,
): Meeting {
  const isCall = random.chance(0.05);
  const size = isCall ? random.int(2, 3) : pickFromTable(random, PARTICIPANT_COUNTS);
  const participants = drawStates(random, world.states, size, new Set());
  const status: MeetingStatus = isCall ? 'held' : pickFromTable(random, STATUSES);
  const kind: MeetingKind = isCall ? 'call' : size === 2 ? 'bilateral' : size === 3 ? 'trilateral' : 'multilateral';

  let venuePlaceId: string | null = null;
  if (!isCall) {
    const host = world.stateByIso3.get(participants[0] as string);
    venuePlaceId = random.chance(0.65) && host?.capitalPlaceId ? host.capitalPlaceId : random.weighted(venues, (p) => p.weight).id;
  }

  const absent =
    kind === 'multilateral' && random.chance(0.12)
      ? drawStates(random, world.states, random.int(1, 3), new Set(participants))
      : [];
  const organization = pickFromTable(random, ORGANIZATIONS);
  const topics = random.sample(SYNTHETIC_TOPICS, random.int(1, 3));

  // Held and cancelled meetings were before the article; planned ones after it.
  const around = status === 'planned' ? published + random.int(1, 60) : published - random.int(0, 60);
  const date = meetingDate(random, around);

  const venueName = venuePlaceId ? (world.placeById.get(venuePlaceId)?.name ?? venuePlaceId) : null;
  const names = participants.map((iso3) => world.stateByIso3.get(iso3)?.name ?? iso3);
  return {
    id: `syn-${String(index + 1).padStart(6, '0')}`,
    title: meetingTitle(kind, names, venueName),
    kind,
    status,
    date,
    venuePlaceId,
    participants,
    absent,
    people: [],
    organizations: organization ? [organization] : [],
    topics,
    confidence: Math.round((0.5 + random.next() * 0.5) * 100) / 100,
    primary,
    sources: [],
  };
}

/** k distinct states, weighted, none of `exclude`. */
function drawStates(random: Random, states: readonly SyntheticState[], k: number, exclude: Set<string>): string[] {
  const chosen: string[] = [];
  const taken = new Set(exclude);
  while (chosen.length < k && taken.size < states.length) {
    const s = random.weighted(states, (x) => x.weight);
    if (taken.has(s.iso3)) continue;
    taken.add(s.iso3);
    chosen.push(s.iso3);
  }
  return chosen;
}

function meetingDate(random: Random, day: number): MeetingDate {
  const precision = pickFromTable(random, PRECISIONS);
  switch (precision) {
    case 'day':
      return { start: isoOf(day), end: isoOf(day), precision, text: `on ${longDate(day)}` };
    case 'week': {
      const monday = mondayOf(day);
      return { start: isoOf(monday), end: isoOf(monday + 6), precision, text: `in the week of ${longDate(monday)}` };
    }
    case 'month': {
      const [start, end] = monthBounds(day);
      return { start: isoOf(start), end: isoOf(end), precision, text: `in ${monthYear(day)}` };
    }
    case 'year': {
      const [start, end] = yearBounds(day);
      return { start: isoOf(start), end: isoOf(end), precision, text: `in ${isoOf(day).slice(0, 4)}` };
    }
    default:
      return { start: null, end: null, precision: 'unknown' };
  }
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function meetingTitle(kind: MeetingKind, names: readonly string[], venue: string | null): string {
  switch (kind) {
    case 'call':
      return `Call between ${listNames(names)}`;
    case 'bilateral':
      return `${names.join('–')} security talks${venue ? ` in ${venue}` : ''}`;
    case 'trilateral':
      return `Trilateral meeting of ${listNames(names)}${venue ? ` in ${venue}` : ''}`;
    default:
      return `${names.length}-nation security conference${venue ? ` in ${venue}` : ''}`;
  }
}

function evidenceSentence(random: Random, world: World, m: Meeting): string {
  const names = listNames(m.participants.map((iso3) => world.stateByIso3.get(iso3)?.name ?? iso3));
  const venue = m.venuePlaceId ? (world.placeById.get(m.venuePlaceId)?.name ?? m.venuePlaceId) : '';
  const when = m.date.text ? ` ${m.date.text}` : '';
  const topic = (m.topics[0] ?? 'security').replace(/-/g, ' ');
  if (m.kind === 'call') return `Officials of ${names} spoke by telephone${when} about ${topic}.`;
  if (m.status === 'planned') return `Officials of ${names} will meet in ${venue}${when} to discuss ${topic}.`;
  if (m.status === 'cancelled') return `A meeting of ${names} planned in ${venue}${when} was called off.`;
  return random.chance(0.5)
    ? `Officials of ${names} met in ${venue}${when} to discuss ${topic}.`
    : `Delegations from ${names} held talks in ${venue}${when} on ${topic}.`;
}

/**
 * The text of a synthetic source file: its evidence sentences at their offsets, joined by
 * blank lines. Lets a test (or a curious reader) check every span against real text.
 */
export function sourceText(dataset: Dataset, file: string): string {
  const spans = dataset.meetings
    .flatMap((m) => m.sources)
    .filter((s) => s.file === file)
    .sort((a, b) => a.start - b.start);
  let text = '';
  for (const s of spans) {
    text = text.padEnd(s.start, SENTENCE_GAP[0]);
    text += s.quote;
  }
  return text;
}
