/**
 * Link geometry: what the map draws for each meeting, computed ONCE per dataset.
 *
 * A meeting with a venue becomes one great-circle arc per participating state, from that
 * state's capital to the venue (the line starts at the capital, so `line-progress` runs
 * towards the venue and the flow animation shows direction). The host state (its country
 * is the venue's country, or its capital is the venue) gets a ring at the venue instead of
 * a zero-length arc. Absent states get arcs flagged `absent`, drawn only on demand.
 *
 * Every feature carries the meeting's time as day numbers, so a change of the time window
 * is a filter expression over these properties, never new geometry (issue 6).
 */
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import type { Dataset, MeetingStatus, Place } from '../../dataset/schema';
import { meetingDays } from '../state/selectors';

/** Properties of every arc and ring feature (kept flat and small: they travel to the worker). */
export interface LinkProperties {
  meetingId: string;
  status: MeetingStatus;
  /** First and last possible day (days since 1970-01-01); 0 when undated. */
  start: number;
  end: number;
  /** True when the meeting has no date at all; such links show only with `showUndated`. */
  undated: boolean;
  /** True for a state named as staying away; its link shows only with `showAbsent`. */
  absent: boolean;
  /** The participating (or absent) state this link belongs to. */
  iso3: string;
  /** Venue place id. */
  venue: string;
}

export type ArcFeature = Feature<LineString, LinkProperties>;
export type RingFeature = Feature<Point, LinkProperties>;

export interface MeetingLinks {
  /** Capital → venue arcs, one continuous LineString each (longitudes unwrapped). */
  arcs: FeatureCollection<LineString, LinkProperties>;
  /** Host-state rings at the venue. */
  rings: FeatureCollection<Point, LinkProperties>;
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
 * `n` points (n >= 2) evenly spaced along the great circle from `from` to `to`, by
 * spherical linear interpolation of the two unit vectors (Ed Williams' "intermediate
 * point" formula). Same points as @turf/great-circle (the test compares them), about
 * 20 times cheaper: at 10k synthetic meetings there are ~15k capital–venue pairs, and
 * turf took 2 s of the page load for them.
 */
export function greatCirclePoints(from: Position, to: Position, n: number): Position[] {
  const rad = Math.PI / 180;
  const [lon1, lat1] = [from[0]! * rad, from[1]! * rad];
  const [lon2, lat2] = [to[0]! * rad, to[1]! * rad];
  const a = [Math.cos(lat1) * Math.cos(lon1), Math.cos(lat1) * Math.sin(lon1), Math.sin(lat1)] as const;
  const b = [Math.cos(lat2) * Math.cos(lon2), Math.cos(lat2) * Math.sin(lon2), Math.sin(lat2)] as const;
  const d = (angularDistanceDeg(from, to) * rad) || 1e-12;
  const sinD = Math.sin(d);
  const out: Position[] = [];
  for (let i = 0; i < n; i++) {
    const f = i / (n - 1);
    const A = Math.sin((1 - f) * d) / sinD;
    const B = Math.sin(f * d) / sinD;
    const x = A * a[0] + B * b[0];
    const y = A * a[1] + B * b[1];
    const z = A * a[2] + B * b[2];
    out.push([Math.atan2(y, x) / rad, Math.atan2(z, Math.sqrt(x * x + y * y)) / rad]);
  }
  return out;
}

/**
 * The great circle from `from` to `to` as ONE LineString, unwrapped at the antimeridian.
 * Point count grows with distance (about one per 1.5°, 8 to 64) so short regional links
 * stay cheap and long ones stay smooth.
 */
export function arcCoordinates(from: Position, to: Position): Position[] {
  const npoints = Math.max(8, Math.min(64, Math.ceil(angularDistanceDeg(from, to) / 1.5)));
  const joined = unwrapLongitudes(greatCirclePoints(from, to, npoints));
  // Ends exactly on the endpoints, the venue unwrapped like the rest of the line.
  joined[0] = [from[0]!, from[1]!];
  const lastLon = joined[joined.length - 1]![0]!;
  const toLon = to[0]! + 360 * Math.round((lastLon - to[0]!) / 360);
  joined[joined.length - 1] = [toLon, to[1]!];
  return joined;
}

/** Builds every link of the dataset. Arc geometry is computed once per capital–venue pair. */
export function buildMeetingLinks(dataset: Dataset): MeetingLinks {
  const places = new Map<string, Place>(dataset.places.map((p) => [p.id, p]));
  const capitals = new Map<string, Place | null>(
    dataset.states.map((s) => [s.iso3, s.capitalPlaceId === null ? null : (places.get(s.capitalPlaceId) ?? null)]),
  );
  const arcCache = new Map<string, Position[]>();
  const arcs: ArcFeature[] = [];
  const rings: RingFeature[] = [];
  const skipped: MeetingLinks['skipped'] = [];

  for (const meeting of dataset.meetings) {
    if (meeting.venuePlaceId === null) continue;
    const venue = places.get(meeting.venuePlaceId);
    if (!venue) continue; // the schema rejects unknown venues; nothing to draw
    // Same reading of the date as the selectors (a meeting without a first day is undated).
    const days = meetingDays(meeting);
    const link = (iso3: string, absent: boolean): void => {
      const properties: LinkProperties = {
        meetingId: meeting.id,
        status: meeting.status,
        start: days?.from ?? 0,
        end: days?.to ?? 0,
        undated: days === null,
        absent,
        iso3,
        venue: venue.id,
      };
      const capital = capitals.get(iso3);
      const isHost = iso3 === venue.countryIso3 || (capital != null && capital.lon === venue.lon && capital.lat === venue.lat);
      if (isHost) {
        rings.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [venue.lon, venue.lat] } });
        return;
      }
      if (!capital) {
        skipped.push({ meetingId: meeting.id, iso3, reason: `state ${iso3} has no capital in the dataset` });
        return;
      }
      const key = `${capital.id}>${venue.id}`;
      let coordinates = arcCache.get(key);
      if (!coordinates) {
        coordinates = arcCoordinates([capital.lon, capital.lat], [venue.lon, venue.lat]);
        arcCache.set(key, coordinates);
      }
      arcs.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
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
  }
  return {
    arcs: { type: 'FeatureCollection', features: arcs },
    rings: { type: 'FeatureCollection', features: rings },
    skipped,
  };
}
