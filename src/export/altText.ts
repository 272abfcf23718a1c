/**
 * A plain-language description of the current view, for people who cannot see the map:
 * used as the iframe's title, in the PNG download, and offered to copy. Example:
 * "Map of 4 meetings in Kabul and Islamabad between January 2024 and July 2025: 3 in
 * Kabul, 1 in Islamabad. Most present: Pakistan (4), Afghanistan (4), Uzbekistan (1)."
 */
import type { Dataset, Meeting } from '../dataset/schema';
import { compareNames } from '../dataset/compareNames';
import { sourceLabel, sourcesOf } from './citation';

export interface AltTextView {
  from: string | null;
  to: string | null;
  city: string | null;
  state: string | null;
  topic: string | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-01-15" → "January 2024". */
export function monthYear(isoDay: string): string {
  const [year, month] = isoDay.split('-');
  return `${MONTHS[Number(month) - 1] ?? '?'} ${year}`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The time window in words: "between January 2024 and July 2025", "in July 2025", or ""
 * when neither the view nor the meetings give one. An open end of the window falls back to
 * the earliest start / latest end among the meetings shown.
 */
export function windowInWords(from: string | null, to: string | null, meetings: readonly Meeting[]): string {
  const starts = meetings.map((m) => m.date.start).filter((d): d is string => d !== null).sort();
  const ends = meetings.map((m) => m.date.end).filter((d): d is string => d !== null).sort();
  const first = from ?? starts[0] ?? null;
  const last = to ?? ends[ends.length - 1] ?? null;
  if (first === null || last === null) return '';
  const a = monthYear(first);
  const b = monthYear(last);
  return a === b ? `in ${a}` : `between ${a} and ${b}`;
}

/** Venues in order of how many meetings they held (then by name, so the text is stable). */
function venueCounts(meetings: readonly Meeting[], dataset: Dataset): Array<{ name: string; count: number }> {
  const nameById = new Map(dataset.places.map((p) => [p.id, p.name]));
  const counts = new Map<string, number>();
  for (const m of meetings) {
    if (m.venuePlaceId === null) continue;
    const name = nameById.get(m.venuePlaceId) ?? m.venuePlaceId;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((x, y) => y.count - x.count || compareNames(x.name, y.name));
}

function participantCounts(meetings: readonly Meeting[], dataset: Dataset): Array<{ name: string; count: number }> {
  const nameByIso3 = new Map(dataset.states.map((s) => [s.iso3, s.name]));
  const counts = new Map<string, number>();
  for (const m of meetings) for (const iso3 of new Set(m.participants)) counts.set(iso3, (counts.get(iso3) ?? 0) + 1);
  return [...counts]
    .map(([iso3, count]) => ({ name: nameByIso3.get(iso3) ?? iso3, count }))
    .sort((x, y) => y.count - x.count || compareNames(x.name, y.name));
}

/** How many venues or states a sentence names before it summarises the rest. */
const NAMED = 3;

export function altText(meetings: readonly Meeting[], dataset: Dataset, view: AltTextView): string {
  const venues = venueCounts(meetings, dataset);
  const calls = meetings.filter((m) => m.venuePlaceId === null).length;
  const when = windowInWords(view.from, view.to, meetings);
  const stateName = (iso3: string) => dataset.states.find((s) => s.iso3 === iso3)?.name ?? iso3;

  const where =
    venues.length === 0 ? '' : venues.length <= NAMED ? `in ${listInWords(venues.map((v) => v.name))}` : `in ${venues.length} places`;
  const filters = [view.state ? `attended by ${stateName(view.state)}` : '', view.topic ? `on ${view.topic}` : ''].filter(Boolean);
  const head = [meetings.length === 0 ? 'Map with no meetings' : `Map of ${plural(meetings.length, 'meeting')}`, ...filters, where, when]
    .filter(Boolean)
    .join(' ');
  if (meetings.length === 0) return `${head}.`;

  const byVenue = venues.slice(0, NAMED).map((v) => `${v.count} in ${v.name}`);
  const otherVenues = venues.slice(NAMED).reduce((n, v) => n + v.count, 0);
  if (otherVenues > 0) byVenue.push(`${otherVenues} elsewhere`);
  if (calls > 0) byVenue.push(`${plural(calls, 'call')} without a venue`);
  const parts = [`${head}: ${byVenue.join(', ')}.`];

  const people = participantCounts(meetings, dataset);
  if (people.length > 0) {
    const named = people.slice(0, NAMED + 2).map((p) => `${p.name} (${p.count})`);
    const more = people.length - named.length;
    parts.push(`Most present: ${named.join(', ')}${more > 0 ? ` and ${plural(more, 'other state')}` : ''}.`);
  }
  const undated = meetings.filter((m) => m.date.start === null).length;
  if (undated > 0) parts.push(`${plural(undated, 'meeting has', 'meetings have')} no known date.`);
  // The articles, as people cite them: outlet and date ("Sources: Dawn, 16 January 2024; …").
  const sources = sourcesOf(meetings, dataset.sources);
  const cited = sources.slice(0, NAMED).map(sourceLabel);
  const moreSources = sources.length - cited.length;
  parts.push(`${sources.length === 1 ? 'Source' : 'Sources'}: ${cited.join('; ')}${moreSources > 0 ? ` and ${plural(moreSources, 'other article')}` : ''}.`);
  return parts.join(' ');
}
