/**
 * Meetings as GeoJSON: every venue as a Point (with the meetings held there) and every
 * link as a line from a state's capital to the venue, so the figure's geometry can be
 * reused in GIS tools. Coordinates come only from the dataset's gazetteer places.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Position } from 'geojson';
import greatCircle from '@turf/great-circle';
import type { Dataset, Meeting, Person, Place } from '../dataset/schema';
import { sourceCitation, sourcesOf } from './citation';

export interface VenueProperties {
  feature: 'venue';
  placeId: string;
  name: string;
  country: string;
  /** Ids of the exported meetings held at this venue, in export order. */
  meetings: string[];
  count: number;
}

export interface LinkProperties {
  feature: 'link';
  meeting: string;
  title: string;
  /** ISO3 of the state whose capital the line starts from. */
  state: string;
  /** 'participant': the state attended; 'absent': it was named as staying away; 'call': a call between capitals. */
  role: 'participant' | 'absent' | 'call';
  from: string;
  to: string;
  dateStart: string | null;
  dateEnd: string | null;
  /** The meeting's articles as people cite them ("Dawn, 21 July 2025, https://…"). */
  sources: string[];
  /** The people at the meeting's table (all of them, whichever state the line is for). */
  people: PersonProperties[];
}

/** A person at the table as the GeoJSON carries them (the evidence stays in the dataset). */
export interface PersonProperties {
  name: string;
  role: string | null;
  /** ISO3 of the state the person speaks for, or null. */
  state: string | null;
  organization: string | null;
}

/** A meeting with nothing to draw (a call between states without capitals in the gazetteer). */
export interface UnplacedProperties {
  feature: 'unplaced';
  meeting: string;
  title: string;
  sources: string[];
  people: PersonProperties[];
}

export type AtlasFeatureCollection = FeatureCollection<Point | LineString | MultiLineString | null, VenueProperties | LinkProperties | UnplacedProperties>;

/** Ids of the meetings a file holds, in first-seen order (venues list theirs; links and unplaced features name one). */
export function meetingIdsInGeoJson(fc: AtlasFeatureCollection): string[] {
  const ids = new Set<string>();
  for (const f of fc.features) {
    if (f.properties.feature === 'venue') f.properties.meetings.forEach((id) => ids.add(id));
    else ids.add(f.properties.meeting);
  }
  return [...ids];
}

/** Draws a link between two positions; the default is a great circle (as the map draws it). */
export type LinkGeometry = (from: Position, to: Position) => LineString | MultiLineString;

export interface GeoJsonOptions {
  /** Include lines for absent states (the map draws them only with "show absent"). */
  includeAbsent?: boolean;
  linkGeometry?: LinkGeometry;
}

export const greatCircleGeometry: LinkGeometry = (from, to) => greatCircle(from, to, { npoints: 32 }).geometry;

const position = (p: Place): Position => [p.lon, p.lat];

/**
 * Venues first (one Point per place, even when several meetings share it), then links.
 * As on the map (src/app/map/links.ts), the host state (the venue's country) gets no
 * line, and a state without a capital in the gazetteer gets none either: no invented
 * coordinates. A call whose capitals cannot be linked becomes a feature without geometry
 * (RFC 7946 allows `geometry: null`) so that every exported meeting appears in the file.
 */
export function meetingsToGeoJson(
  meetings: readonly Meeting[],
  dataset: Dataset,
  { includeAbsent = false, linkGeometry = greatCircleGeometry }: GeoJsonOptions = {},
): AtlasFeatureCollection {
  const placeById = new Map(dataset.places.map((p) => [p.id, p]));
  const capitalOf = (iso3: string): Place | undefined => {
    const capitalId = dataset.states.find((s) => s.iso3 === iso3)?.capitalPlaceId;
    return capitalId ? placeById.get(capitalId) : undefined;
  };

  const venues = new Map<string, Feature<Point, VenueProperties>>();
  const links: Array<Feature<LineString | MultiLineString, LinkProperties>> = [];
  const unplaced: Array<Feature<null, UnplacedProperties>> = [];

  const cite = (m: Meeting) => sourcesOf([m], dataset.sources).map(sourceCitation);
  const peopleOf = (m: Meeting): PersonProperties[] => m.people.map(({ name, role, state, organization }: Person) => ({ name, role, state, organization }));
  const addLink = (m: Meeting, state: string, role: LinkProperties['role'], from: Place, to: Place) => {
    if (from.id === to.id) return false;
    links.push({
      type: 'Feature',
      geometry: linkGeometry(position(from), position(to)),
      properties: {
        feature: 'link', meeting: m.id, title: m.title, state, role,
        from: from.id, to: to.id, dateStart: m.date.start, dateEnd: m.date.end, sources: cite(m), people: peopleOf(m),
      },
    });
    return true;
  };

  for (const m of meetings) {
    const venue = m.venuePlaceId === null ? undefined : placeById.get(m.venuePlaceId);
    if (!venue) {
      // A call has no venue: link the first participant's capital to each other's.
      const [first, ...others] = m.participants;
      const fromCapital = first ? capitalOf(first) : undefined;
      let drawn = false;
      if (first && fromCapital) {
        for (const other of others) {
          const toCapital = capitalOf(other);
          if (toCapital && addLink(m, other, 'call', fromCapital, toCapital)) drawn = true;
        }
      }
      if (!drawn) unplaced.push({ type: 'Feature', geometry: null, properties: { feature: 'unplaced', meeting: m.id, title: m.title, sources: cite(m), people: peopleOf(m) } });
      continue;
    }
    let point = venues.get(venue.id);
    if (!point) {
      point = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: position(venue) },
        properties: { feature: 'venue', placeId: venue.id, name: venue.name, country: venue.countryIso3, meetings: [], count: 0 },
      };
      venues.set(venue.id, point);
    }
    point.properties.meetings.push(m.id);
    point.properties.count++;
    const isHost = (iso3: string) => iso3 === venue.countryIso3;
    for (const iso3 of new Set(m.participants)) {
      const capital = capitalOf(iso3);
      if (capital && !isHost(iso3)) addLink(m, iso3, 'participant', capital, venue);
    }
    if (includeAbsent) {
      for (const iso3 of new Set(m.absent)) {
        const capital = capitalOf(iso3);
        if (capital && !isHost(iso3) && !m.participants.includes(iso3)) addLink(m, iso3, 'absent', capital, venue);
      }
    }
  }
  return { type: 'FeatureCollection', features: [...venues.values(), ...links, ...unplaced] };
}
