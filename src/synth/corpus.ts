/**
 * A synthetic article corpus for the pipeline's benchmark: N short news articles built
 * from varied sentence templates, each with the meetings it reports in the development
 * set's answer format (../shared/devset/README.md), so the same corpus measures speed
 * and, roughly, whether the pipeline still finds what the templates put there.
 *
 * Each article: a headline, sometimes a "Published:" line, a dateline ("KABUL: ") and a
 * lead sentence reporting the main meeting, context sentences, sometimes a meeting in
 * passing, a list of absent states, or a planned follow-up; then page clutter (a comment
 * thread and a "Related" link list) that mentions meetings that are NOT facts.
 * Dates follow the development set's conventions: weekday names and dates without a year
 * resolve against the publication date; "next week" is kept at month precision.
 */
import { dayOf, isoOf, monthDay, monthYear, MONTHS, parts, WEEKDAYS } from './calendar';
import { createRandom, type Random } from './random';
import { REGION_ISO3, type SyntheticPlace, type SyntheticState, type World } from './world';

/** One meeting as the development set's answers.json records it. */
export interface ExpectedMeeting {
  venue_city: string | null;
  venue_country_iso3: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY, or null. */
  date: string | null;
  participants_iso3: string[];
  absent_iso3: string[];
  participant_orgs: string[];
  kind: 'bilateral' | 'trilateral' | 'multilateral' | 'call';
  status: 'held' | 'planned' | 'cancelled';
  primary: boolean;
  /** An exact substring of the article file. */
  evidence: string;
  notes: string;
}

export interface CorpusArticle {
  file: string;
  text: string;
}

export interface Corpus {
  articles: CorpusArticle[];
  /** sources.json: keyed by file name. */
  sources: Record<string, { published: string; outlet: string; title: string }>;
  /** answers.json: one entry per article, in file order. */
  answers: Array<{ article: string; meetings: ExpectedMeeting[] }>;
}

export interface CorpusOptions {
  articles: number;
  seed: number | string;
  /** Publication days are drawn from this range (default 2012-01-01..2025-12-31). */
  firstDay?: string;
  lastDay?: string;
}

const TOPICS = [
  'counter-terrorism cooperation', 'border management', 'the threat from the TTP', 'the activities of ISKP',
  'regional security', 'drug trafficking', 'intelligence sharing', 'the security of CPEC projects', 'refugees',
];
const OFFICIALS = ['foreign minister', 'interior minister', 'national security adviser', 'special envoy', 'defence minister'];
const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];
const CLOSING_SENTENCES = [
  'Officials said contacts would continue.',
  'The foreign ministry did not give further details.',
  'Security has been tightened in the region in recent months.',
];
const COMMENTERS = ['Ali K.', 'Sara M.', 'observer22', 'J. Khan', 'peace_now'];
/** The Taliban took Kabul on 15 August 2021; before that a Taliban delegation is not AFG (devset convention). */
const TALIBAN_GOVERNMENT_FROM = dayOf('2021-08-15');

interface Cast {
  states: SyntheticState[];
  venues: SyntheticPlace[];
  venuesByIso3: Map<string, SyntheticPlace[]>;
}

/** Region states and the places an article can name plainly (ASCII names, no "Washington, D.C."). */
function castOf(world: World): Cast {
  const states = REGION_ISO3.map((iso3) => world.stateByIso3.get(iso3)).filter((s): s is SyntheticState => s !== undefined);
  const region = new Set(states.map((s) => s.iso3));
  const venues = world.places.filter((p) => region.has(p.countryIso3) && /^[A-Za-z][A-Za-z .'-]*$/.test(p.name));
  const venuesByIso3 = new Map<string, SyntheticPlace[]>();
  for (const v of venues) venuesByIso3.set(v.countryIso3, [...(venuesByIso3.get(v.countryIso3) ?? []), v]);
  return { states, venues, venuesByIso3 };
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function kindOf(sides: number): ExpectedMeeting['kind'] {
  return sides <= 2 ? 'bilateral' : sides === 3 ? 'trilateral' : 'multilateral';
}

/** A sentence of the article and, when it reports a meeting, that meeting. */
interface Reported {
  sentence: string;
  meeting: Omit<ExpectedMeeting, 'evidence'> | null;
}

export function generateCorpus(world: World, options: CorpusOptions): Corpus {
  const count = options.articles;
  if (!Number.isInteger(count) || count < 0) throw new Error(`articles must be a whole number ≥ 0, got ${count}`);
  const random = createRandom(`corpus:${options.seed}`);
  const cast = castOf(world);
  if (cast.states.length < 4 || cast.venues.length < 4) throw new Error('the gazetteer gave too few region states or venues for a corpus');
  const firstDay = dayOf(options.firstDay ?? '2012-01-01');
  const lastDay = dayOf(options.lastDay ?? '2025-12-31');

  const corpus: Corpus = { articles: [], sources: {}, answers: [] };
  for (let i = 0; i < count; i++) {
    const published = random.int(firstDay, lastDay);
    const article = generateArticle(random, world, cast, published);
    const file = `${String(i + 1).padStart(5, '0')}_synthetic.txt`;
    corpus.articles.push({ file, text: article.text });
    corpus.sources[file] = { published: isoOf(published), outlet: 'Synthetic Wire', title: article.headline };
    corpus.answers.push({ article: file, meetings: article.meetings });
  }
  return corpus;
}

function generateArticle(
  random: Random,
  world: World,
  cast: Cast,
  published: number,
): { text: string; headline: string; meetings: ExpectedMeeting[] } {
  const size = random.chance(0.55) ? 2 : random.chance(0.5) ? 3 : random.int(4, 6);
  const sides = random.sample(cast.states, size);
  const host = sides[0] as SyntheticState;
  const hostVenues = cast.venuesByIso3.get(host.iso3) ?? [];
  const capital = hostVenues.find((v) => v.isCapital) ?? null;
  const venue = capital && random.chance(0.7) ? capital : random.pick(hostVenues.length ? hostVenues : cast.venues);
  const topic = random.pick(TOPICS);

  const reported: Reported[] = [];
  const lead = random.chance(0.08) ? noMeeting(random, sides, venue, published) : leadMeeting(random, world, sides, venue, topic, published);
  reported.push(lead);
  const main = lead.meeting;

  if (main?.status === 'held') reported.push({ sentence: `The talks focused on ${topic} and the situation in the region.`, meeting: null });
  if (main?.status === 'planned') reported.push({ sentence: `The meeting is expected to focus on ${topic}.`, meeting: null });
  if (main && main.kind === 'multilateral' && random.chance(0.4)) {
    const absent = random.sample(cast.states.filter((s) => !sides.includes(s)), random.int(1, 2));
    main.absent_iso3 = absent.map((s) => s.iso3);
    reported.push({ sentence: `No representatives from ${listNames(absent.map((s) => s.name))} were present.`, meeting: null });
  }
  if (main && main.kind === 'bilateral' && main.status === 'held' && random.chance(0.35)) {
    reported.push(earlierMeeting(random, cast, sides, published));
  }
  if (main && main.status === 'held' && random.chance(0.25)) {
    const followUp = nextWeek(random, cast, sides, published);
    if (followUp) reported.push(followUp);
  }
  reported.push({ sentence: random.pick(CLOSING_SENTENCES), meeting: null });

  const headline = main
    ? `${listNames(sides.map((s) => s.name))} ${main.status === 'planned' ? 'to hold' : main.status === 'cancelled' ? 'call off' : 'hold'} talks on ${topic}`
    : `${host.name} condemns attack`;
  const dateline = (random.chance(0.7) ? venue.name : (capital ?? venue).name).toUpperCase();

  // Assemble the text, remembering nothing but the sentences: evidence is found by value.
  let text = `${headline}\n\n`;
  if (random.chance(0.5)) text += `Published: ${MONTHS[parts(published).month]} ${parts(published).date}, ${parts(published).year}\n\n`;
  const [first, ...rest] = reported;
  text += `${dateline}: ${(first as Reported).sentence} ${rest.slice(0, 1).map((r) => r.sentence).join(' ')}\n\n`;
  if (rest.length > 1) text += `${rest.slice(1).map((r) => r.sentence).join(' ')}\n\n`;
  text += clutter(random, cast);

  const meetings: ExpectedMeeting[] = [];
  for (const r of reported) {
    if (!r.meeting) continue;
    if (!text.includes(r.sentence)) throw new Error('corpus generator lost a sentence');
    const m = r.meeting;
    // Fields in the development set's order, so answers.json reads like the real key.
    meetings.push({
      venue_city: m.venue_city, venue_country_iso3: m.venue_country_iso3, date: m.date,
      participants_iso3: m.participants_iso3, absent_iso3: m.absent_iso3, participant_orgs: m.participant_orgs,
      kind: m.kind, status: m.status, primary: m.primary, evidence: r.sentence.replace(/\.$/, ''), notes: m.notes,
    });
  }
  return { text, headline, meetings };
}

function leadMeeting(
  random: Random,
  world: World,
  sides: SyntheticState[],
  venue: SyntheticPlace,
  topic: string,
  published: number,
): Reported {
  const names = listNames(sides.map((s) => s.name));
  const participants = sides.map((s) => s.iso3);
  const base = {
    venue_city: venue.name,
    venue_country_iso3: venue.countryIso3,
    participants_iso3: participants,
    absent_iso3: [] as string[],
    participant_orgs: [] as string[],
    kind: kindOf(sides.length),
    primary: true,
  };
  const { year } = parts(published);
  const dayOfYear = published - dayOf(`${year}-01-01`);
  const template = random.int(0, 6);
  switch (template) {
    case 0: {
      // "on Thursday" in news means the previous Thursday: 1..6 days before publication.
      const day = published - random.int(1, 6);
      return {
        sentence: `Officials of ${names} met in ${venue.name} on ${WEEKDAYS[parts(day).weekday]} to discuss ${topic}.`,
        meeting: { ...base, date: isoOf(day), status: 'held', notes: 'weekday resolved to the previous one before publication' },
      };
    }
    case 1: {
      // A date without a year takes the publication year, so stay inside it.
      const day = published - random.int(0, Math.min(20, dayOfYear));
      const adjectives = sides.map((s) => s.demonym);
      return {
        sentence: `${listNames(adjectives)} delegations held talks in ${venue.name} on ${monthDay(day)}.`,
        meeting: { ...base, date: isoOf(day), status: 'held', notes: 'month and day, year of publication' },
      };
    }
    case 2: {
      const day = published - random.int(1, 6);
      return {
        sentence: `The ${random.pick(ORDINALS)} round of talks between ${names} was held in ${venue.name} on ${WEEKDAYS[parts(day).weekday]}.`,
        meeting: { ...base, date: isoOf(day), status: 'held', notes: 'weekday resolved to the previous one before publication' },
      };
    }
    case 3: {
      const daysLeft = dayOf(`${year}-12-31`) - published;
      if (daysLeft < 2) return leadMeeting(random, world, sides, venue, topic, published - 7);
      const day = published + random.int(1, Math.min(30, daysLeft));
      return {
        sentence: `${names} agreed to hold a meeting in ${venue.name} on ${monthDay(day)}.`,
        meeting: { ...base, date: isoOf(day), status: 'planned', notes: 'agreed to hold: planned; year of publication' },
      };
    }
    case 4: {
      const visitor = sides[1] as SyntheticState;
      const hostState = world.stateByIso3.get(venue.countryIso3);
      const pair = [visitor.iso3, ...(hostState && hostState.iso3 !== visitor.iso3 ? [hostState.iso3] : [])];
      return {
        sentence: `A planned visit by the ${visitor.demonym} ${random.pick(OFFICIALS)} to ${venue.name} was called off.`,
        meeting: { ...base, participants_iso3: pair, kind: kindOf(pair.length), date: null, status: 'cancelled', notes: 'no date given' },
      };
    }
    case 5: {
      const [a, b] = sides as [SyntheticState, SyntheticState];
      const day = published - random.int(1, 6);
      return {
        sentence: `${a.name}'s ${random.pick(OFFICIALS)} spoke by telephone with his ${b.demonym} counterpart on ${WEEKDAYS[parts(day).weekday]}.`,
        meeting: {
          ...base, venue_city: null, venue_country_iso3: null, participants_iso3: [a.iso3, b.iso3],
          kind: 'call', date: isoOf(day), status: 'held', notes: 'telephone call: no venue',
        },
      };
    }
    default: {
      // A Taliban delegation: AFG only once the Taliban governed (devset convention).
      const day = published - random.int(1, 6);
      const state = sides.find((s) => s.iso3 !== 'AFG') ?? (sides[0] as SyntheticState);
      const governing = day >= TALIBAN_GOVERNMENT_FROM;
      const participantsNow = governing ? [state.iso3, 'AFG'] : [state.iso3];
      return {
        sentence: `${state.name}'s ${random.pick(OFFICIALS)} met a Taliban delegation in ${venue.name} on ${WEEKDAYS[parts(day).weekday]}.`,
        meeting: {
          ...base, participants_iso3: participantsNow, participant_orgs: ['Taliban'], kind: 'bilateral',
          date: isoOf(day), status: 'held', notes: governing ? 'Taliban as Afghanistan\'s government' : 'Taliban before August 2021: not AFG',
        },
      };
    }
  }
}

function noMeeting(random: Random, sides: SyntheticState[], venue: SyntheticPlace, published: number): Reported {
  const day = published - random.int(1, 6);
  const state = sides[0] as SyntheticState;
  return {
    sentence: `${state.name} condemned an attack near ${venue.name} on ${WEEKDAYS[parts(day).weekday]} and called for calm.`,
    meeting: null,
  };
}

function earlierMeeting(random: Random, cast: Cast, sides: SyntheticState[], published: number): Reported {
  // Strictly an earlier month, so "in <Month Year>" is unambiguous at month precision.
  const day = published - random.int(40, 400);
  const place = random.pick(cast.venues);
  return {
    sentence: `The two sides last met in ${place.name} in ${monthYear(day)}.`,
    meeting: {
      venue_city: place.name, venue_country_iso3: place.countryIso3, date: isoOf(day).slice(0, 7),
      participants_iso3: sides.map((s) => s.iso3), absent_iso3: [], participant_orgs: [],
      kind: kindOf(sides.length), status: 'held', primary: false, notes: 'month precision',
    },
  };
}

function nextWeek(random: Random, cast: Cast, sides: SyntheticState[], published: number): Reported | null {
  // Only when next week lies within one month, so the month is certain.
  const weekday = parts(published).weekday;
  const monday = published + (((8 - weekday) % 7) || 7);
  if (parts(monday).month !== parts(monday + 6).month) return null;
  const place = random.pick(cast.venues);
  return {
    sentence: `${place.name} will host the next round next week.`,
    meeting: {
      venue_city: place.name, venue_country_iso3: place.countryIso3, date: isoOf(monday).slice(0, 7),
      participants_iso3: sides.map((s) => s.iso3), absent_iso3: [], participant_orgs: [],
      kind: kindOf(sides.length), status: 'planned', primary: false, notes: '"next week": month precision',
    },
  };
}

/** A comment thread and a link list: they mention meetings, but are not sources of facts. */
function clutter(random: Random, cast: Cast): string {
  const [a, b] = random.sample(cast.states, 2) as [SyntheticState, SyntheticState];
  const place = random.pick(cast.venues);
  const other = random.pick(cast.venues);
  let text = '';
  if (random.chance(0.6)) {
    text += `Comments (2)\n\n${random.pick(COMMENTERS)}: They met in ${place.name} last year and nothing changed.\n`;
    text += `${random.pick(COMMENTERS)}: Talks in ${other.name} on Monday will not help either.\n\n`;
  }
  if (random.chance(0.6)) {
    text += `Related news\n${a.name} and ${b.name} hold talks in ${place.name}\n${b.name} to host regional conference in ${other.name}\n\n`;
  }
  text += `© Synthetic Wire. All rights reserved.\n`;
  return text;
}
