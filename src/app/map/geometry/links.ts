/**
 * Link geometry: what the map draws, computed ONCE per dataset, and sized by places, not
 * by meetings (issue 6: at 100k synthetic meetings there are 415k meeting×state links but
 * only 55k distinct capital→venue pairs).
 *
 * - One arc per distinct capital→venue pair: a great circle (@turf/great-circle) from
 *   the capital to the venue, one continuous line (unwrapped at the
 *   antimeridian), starting at the capital so the arc layer (arcMesh.ts) can widen it and
 *   run its pulses towards the venue.
 * - One ring feature per venue, for host states (the venue's country, or a state whose
 *   capital is the venue) instead of a zero-length arc.
 * - For every meeting, references to the pairs and rings it draws, with its link class
 *   (held / planned-or-cancelled / absent state). Which features show, and how thick, is
 *   then a count per pair and class over the visible meetings (linkCounts.ts), written into
 *   the arc layer's state texture (arcState.ts): a window change never touches geometry.
 */
import greatCircle from '@turf/great-circle';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { Dataset, Meeting, Place } from '../../../dataset/schema';

/** How a link is drawn: held meeting, planned or cancelled meeting, or a state that stayed away. */
export const LINK_CLASS = { held: 0, unheld: 1, absent: 2 } as const;
export type LinkClassIndex = (typeof LINK_CLASS)[keyof typeof LINK_CLASS];
export const LINK_CLASSES = 3;

/** A reference from a meeting to a pair (or ring) feature: `index * LINK_CLASSES + class`. */
export const linkRef = (index: number, cls: LinkClassIndex): number => index * LINK_CLASSES + cls;

export interface PairProperties {
  /** Capital place id → venue place id. */
  capital: string;
  venue: string;
}
export interface RingProperties {
  venue: string;
}

/**
 * Every pair's arc in one typed array: pair i's points are [start[i], start[i + 1]), point
 * j at coords[2j] (longitude), coords[2j + 1] (latitude). Off the JS heap on purpose: 100k
 * synthetic meetings make 55k arcs of 2.5M points, and as GeoJSON arrays (one small array
 * per point) they were most of the page's heap, which every major garbage collection
 * walks and compacts: the slowest window steps at 100k were those collections (issue 19).
 */
export interface ArcPaths {
  coords: Float64Array;
  start: Uint32Array;
}

/** Pair i's path as positions (a copy: for tests, a hover's hit test, a probe). */
export function arcPath(paths: ArcPaths, i: number): Position[] {
  const out: Position[] = [];
  for (let j = paths.start[i]!; j < paths.start[i + 1]!; j++) out.push([paths.coords[2 * j]!, paths.coords[2 * j + 1]!]);
  return out;
}

/** Paths packed into ArcPaths, in order. */
export function packArcPaths(arcs: readonly (readonly Position[])[]): ArcPaths {
  const start = new Uint32Array(arcs.length + 1);
  let points = 0;
  arcs.forEach((a, i) => {
    start[i] = points;
    points += a.length;
  });
  start[arcs.length] = points;
  const coords = new Float64Array(points * 2);
  let o = 0;
  for (const a of arcs) {
    for (const p of a) {
      coords[o++] = p[0]!;
      coords[o++] = p[1]!;
    }
  }
  return { coords, start };
}

/**
 * A meeting's arc refs and ring refs (`linkRef`). Shared, read-only: meetings with the same
 * links (same venue, states and status) get the same object.
 */
export interface MeetingRefs {
  readonly arcs: readonly number[];
  readonly rings: readonly number[];
}

export interface LinkGeometry {
  /** Capital → venue pairs; the array index is the pair index (state texture, refs). */
  pairs: PairProperties[];
  /** Their arcs, in the same order. */
  paths: ArcPaths;
  /** Host rings, one per venue; feature `id` = ring index. */
  rings: FeatureCollection<Point, RingProperties>;
  /** Per meeting: its arc refs and ring refs (`linkRef`). Meetings without a venue are absent. */
  meetingRefs: Map<Meeting, MeetingRefs>;
  /** Pair indices and the ring index of each venue (for a venue's highlight). */
  venueLinks: Map<string, { pairs: number[]; ring: number | null }>;
  /** Links that could not be drawn, with why (a state without a capital in the dataset). */
  skipped: { meetingId: string; iso3: string; reason: string }[];
}

/** Central angle between two points in degrees (haversine), to size an arc's point count. */
function angularDistanceDeg(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const [lon1, lat1] = [a[0]! * rad, a[1]! * rad];
  const [lon2, lat2] = [b[0]! * rad, b[1]! * rad];
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / rad;
}

/**
 * Shifts longitudes so that no step jumps by more than 180°: the line stays one piece
 * across the antimeridian (it may then run past ±180, which MapLibre draws on the
 * neighbouring world copy), and its first point keeps the capital's own longitude.
 */
export function unwrapLongitudes(coords: Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  for (let i = 0; i < coords.length; i++) {
    const [lon, lat] = coords[i] as [number, number];
    if (i > 0) {
      const prev = (coords[i - 1] as [number, number])[0];
      const d = lon - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    const p: Position = [lon + shift, lat];
    const last = out[out.length - 1];
    // turf inserts the crossing point twice (once per side): after unwrapping they coincide.
    if (last && Math.abs(last[0]! - p[0]!) < 1e-9 && Math.abs(last[1]! - p[1]!) < 1e-9) continue;
    out.push(p);
  }
  return out;
}

/**
 * The great circle from `from` to `to` as ONE LineString, unwrapped at the antimeridian.
 * turf's `greatCircle` returns a MultiLineString when the arc crosses ±180; its parts are
 * joined in order and unwrapped. Point count grows with distance (about one per 1.5°, 8 to
 * 64) so short regional links stay cheap and long ones stay smooth.
 */
export function arcCoordinates(from: Position, to: Position): Position[] {
  const npoints = Math.max(8, Math.min(64, Math.ceil(angularDistanceDeg(from, to) / 1.5)));
  const line = greatCircle(from, to, { npoints });
  const parts = line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates;
  const joined = unwrapLongitudes(parts.flat());
  // Ends exactly on the endpoints, the venue unwrapped like the rest of the line.
  joined[0] = [from[0]!, from[1]!];
  const lastLon = joined[joined.length - 1]![0]!;
  const toLon = to[0]! + 360 * Math.round((lastLon - to[0]!) / 360);
  joined[joined.length - 1] = [toLon, to[1]!];
  return joined;
}

/** Builds every link of the dataset. Arc geometry is computed once per capital–venue pair. */
export function buildLinkGeometry(dataset: Dataset): LinkGeometry {
  const places = new Map<string, Place>(dataset.places.map((p) => [p.id, p]));
  const capitals = new Map<string, Place | null>(
    dataset.states.map((s) => [s.iso3, s.capitalPlaceId === null ? null : (places.get(s.capitalPlaceId) ?? null)]),
  );
  const pairIndex = new Map<string, number>();
  const pairs: PairProperties[] = [];
  // Arcs pack into growing plain arrays while they are made (no array per point), then into ArcPaths.
  const coords: number[] = [];
  const start: number[] = [];
  const rings: Feature<Point, RingProperties>[] = [];
  const venueLinks: LinkGeometry['venueLinks'] = new Map();
  const meetingRefs: LinkGeometry['meetingRefs'] = new Map();
  const skipped: LinkGeometry['skipped'] = [];
  // One refs object per distinct set of links, shared by the meetings that have it: at
  // 100k meetings a pair of arrays per meeting is 20 MB of heap that every major
  // collection marks and moves (the stalls of issue 19).
  const sharedRefs = new Map<string, MeetingRefs>();

  const venueEntry = (venue: Place) => {
    let entry = venueLinks.get(venue.id);
    if (!entry) {
      entry = { pairs: [], ring: null };
      venueLinks.set(venue.id, entry);
    }
    return entry;
  };

  for (const meeting of dataset.meetings) {
    if (meeting.venuePlaceId === null) continue;
    const venue = places.get(meeting.venuePlaceId);
    if (!venue) continue; // the schema rejects unknown venues; nothing to draw
    const entry = venueEntry(venue);
    const refs = { arcs: [] as number[], rings: [] as number[] };
    const cls: LinkClassIndex = meeting.status === 'held' ? LINK_CLASS.held : LINK_CLASS.unheld;
    const link = (iso3: string, absent: boolean): void => {
      const capital = capitals.get(iso3);
      const isHost = iso3 === venue.countryIso3 || (capital != null && capital.lon === venue.lon && capital.lat === venue.lat);
      if (isHost) {
        if (absent) return; // a host staying away from its own venue has nothing to draw
        if (entry.ring === null) {
          entry.ring = rings.length;
          rings.push({ type: 'Feature', id: entry.ring, properties: { venue: venue.id }, geometry: { type: 'Point', coordinates: [venue.lon, venue.lat] } });
        }
        const ref = linkRef(entry.ring, cls);
        if (!refs.rings.includes(ref)) refs.rings.push(ref);
        return;
      }
      if (!capital) {
        skipped.push({ meetingId: meeting.id, iso3, reason: `state ${iso3} has no capital in the dataset` });
        return;
      }
      const key = `${capital.id}>${venue.id}`;
      let index = pairIndex.get(key);
      if (index === undefined) {
        index = pairs.length;
        pairIndex.set(key, index);
        start.push(coords.length / 2);
        for (const p of arcCoordinates([capital.lon, capital.lat], [venue.lon, venue.lat])) coords.push(p[0]!, p[1]!);
        pairs.push({ capital: capital.id, venue: venue.id });
        entry.pairs.push(index);
      }
      const ref = linkRef(index, absent ? LINK_CLASS.absent : cls);
      // Two states sharing a capital (rare) draw one line, counted once per meeting.
      if (!refs.arcs.includes(ref)) refs.arcs.push(ref);
    };
    const seen = new Set<string>();
    for (const iso3 of meeting.participants) {
      if (seen.has(iso3)) continue;
      seen.add(iso3);
      link(iso3, false);
    }
    for (const iso3 of meeting.absent) {
      if (seen.has(iso3)) continue; // a state cannot be both present and absent; presence wins
      seen.add(iso3);
      link(iso3, true);
    }
    const refsKey = `${refs.arcs.join(',')}|${refs.rings.join(',')}`;
    let shared = sharedRefs.get(refsKey);
    if (!shared) {
      shared = refs;
      sharedRefs.set(refsKey, refs);
    }
    meetingRefs.set(meeting, shared);
  }
  start.push(coords.length / 2);
  return {
    pairs,
    paths: { coords: Float64Array.from(coords), start: Uint32Array.from(start) },
    rings: { type: 'FeatureCollection', features: rings },
    meetingRefs,
    venueLinks,
    skipped,
  };
}
