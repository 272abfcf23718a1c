/**
 * The basemap: Natural Earth countries (world-atlas 50m TopoJSON) turned into GeoJSON that
 * MapLibre draws without artefacts, plus a label point per country and the default framing.
 *
 * world-atlas stitches polygons across the antimeridian (Russia, Fiji) and around the South
 * Pole (Antarctica): a ring steps from 179.9° to -180° and back. Drawn in Web Mercator, such
 * a step is a sliver across the whole world, and a pole-encircling ring is a wedge. We
 * unwrap each ring, close pole-encircling rings along the pole edge of the map, and cut the
 * result at ±180° into pieces that each lie inside one world copy.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Web Mercator stops here; closing a polar ring at ±90° would be infinitely far away. */
export const MERCATOR_MAX_LAT = 85.051129;

type Ring = Position[];

/** Shifts longitudes so no step jumps by more than 180°; returns the ring and its net turn (multiples of 360°). */
function unwrapRing(ring: Ring): { ring: Ring; turn: number } {
  const out: Ring = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const lon = ring[i]![0]!;
    if (i > 0) {
      const d = lon - ring[i - 1]![0]!;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    out.push([lon + shift, ring[i]![1]!]);
  }
  return { ring: out, turn: shift };
}

/** Sutherland–Hodgman against one vertical line: keeps the side where `keep(lon)` holds. */
function clipRingAtLon(ring: Ring, lon: number, keepLeft: boolean): Ring {
  const inside = (p: Position): boolean => (keepLeft ? p[0]! <= lon : p[0]! >= lon);
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    const pin = inside(p);
    const qin = inside(q);
    if (pin) out.push(p);
    if (pin !== qin) {
      const t = (lon - p[0]!) / (q[0]! - p[0]!);
      out.push([lon, p[1]! + t * (q[1]! - p[1]!)]);
    }
  }
  return out;
}

function closeRing(ring: Ring): Ring {
  if (ring.length === 0) return ring;
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

/** The part of `ring` inside the world copy `k` ([-180, 180] + 360k), shifted back into [-180, 180]. */
function ringInCopy(ring: Ring, k: number): Ring | null {
  const open = ring.slice(0, -1);
  const clipped = clipRingAtLon(clipRingAtLon(open, -180 + 360 * k, false), 180 + 360 * k, true);
  if (clipped.length < 3) return null;
  return closeRing(clipped.map((p) => [p[0]! - 360 * k, p[1]!]));
}

/**
 * Polygon rings (outer first) → polygons that draw cleanly in Web Mercator: no jumps across
 * the antimeridian, pole-encircling rings closed along the map's pole edge, and rings that
 * only trace the pole itself (Antarctica's artefact at -89.999°) dropped.
 */
export function fixPolygonRings(rings: Ring[]): Ring[][] {
  const unwrapped = rings
    .map(unwrapRing)
    .filter(({ ring }) => !ring.every((p) => Math.abs(p[1]!) > 89)); // a ring along the pole is no land edge
  if (unwrapped.length === 0) return [];
  const polar = unwrapped.filter((r) => r.turn !== 0);
  const plain = unwrapped.filter((r) => r.turn === 0).map((r) => r.ring);
  let outers: Ring[];
  let holes: Ring[];
  if (polar.length > 0) {
    // A ring that goes once around a pole encloses the pole: walk along the pole edge back to its start.
    outers = polar.map(({ ring }) => {
      const meanLat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
      const poleLat = Math.sign(meanLat) * MERCATOR_MAX_LAT;
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      return [...ring, [last[0]!, poleLat], [first[0]!, poleLat], first];
    });
    holes = plain;
  } else {
    outers = [unwrapped[0]!.ring];
    holes = plain.slice(1);
  }
  const polygons: Ring[][] = [];
  for (const outer of outers) {
    let min = Infinity;
    let max = -Infinity;
    for (const p of outer) {
      min = Math.min(min, p[0]!);
      max = Math.max(max, p[0]!);
    }
    const kMin = Math.floor((min + 180) / 360);
    const kMax = Math.ceil((max + 180) / 360) - 1;
    if (kMin === 0 && kMax <= 0) {
      polygons.push([outer, ...holes]);
      continue;
    }
    for (let k = kMin; k <= kMax; k++) {
      const piece = ringInCopy(outer, k);
      if (!piece) continue;
      const pieceHoles = holes.map((h) => ringInCopy(h, k)).filter((h): h is Ring => h !== null);
      polygons.push([piece, ...pieceHoles]);
    }
  }
  return polygons;
}

/** Splits a line wherever it jumps across the antimeridian, interpolating the crossing point. */
export function splitLineAtAntimeridian(line: Position[]): Position[][] {
  const parts: Position[][] = [];
  let current: Position[] = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    if (Math.abs(p[1]!) > 89) {
      // Natural Earth's pole edge of Antarctica is not a coast.
      if (current.length > 1) parts.push(current);
      current = [];
      continue;
    }
    const prev = current[current.length - 1];
    if (prev && Math.abs(p[0]! - prev[0]!) > 180) {
      const side = prev[0]! > 0 ? 180 : -180;
      const pLon = p[0]! + (side > 0 ? 360 : -360);
      const t = (side - prev[0]!) / (pLon - prev[0]!);
      const lat = prev[1]! + t * (p[1]! - prev[1]!);
      current.push([side, lat]);
      if (current.length > 1) parts.push(current);
      current = [[-side, lat]];
    }
    current.push(p);
  }
  if (current.length > 1) parts.push(current);
  return parts;
}

/** Signed-free area of a ring in square degrees, scaled by cos(latitude) to be roughly fair across latitudes. */
function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % n]!;
    a += p[0]! * q[1]! - q[0]! * p[1]!;
  }
  const meanLat = ring.reduce((s, p) => s + p[1]!, 0) / Math.max(1, ring.length);
  return (Math.abs(a) / 2) * Math.cos((meanLat * Math.PI) / 180);
}

/**
 * A point well inside a polygon, for its label: of a few horizontal lines across the
 * polygon, the midpoint of the widest stretch that is inside it. Unlike the centroid it
 * never falls outside a concave or crescent-shaped country (Croatia, Chile's bends).
 */
export function labelPointOf(polygon: Ring[]): Position {
  const outer = polygon[0]!;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const p of outer) {
    minLat = Math.min(minLat, p[1]!);
    maxLat = Math.max(maxLat, p[1]!);
  }
  let best: Position = outer[0]!;
  let bestWidth = -1;
  for (const f of [0.5, 0.35, 0.65, 0.2, 0.8]) {
    const lat = minLat + (maxLat - minLat) * f;
    const xs: number[] = [];
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        const p = ring[i]!;
        const q = ring[i + 1]!;
        if (p[1]! <= lat !== q[1]! <= lat) xs.push(p[0]! + ((lat - p[1]!) / (q[1]! - p[1]!)) * (q[0]! - p[0]!));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      // Prefer the middle line a little: a label there reads as the country's centre.
      const width = (xs[i + 1]! - xs[i]!) * (f === 0.5 ? 1.15 : 1);
      if (width > bestWidth) {
        bestWidth = width;
        best = [(xs[i]! + xs[i + 1]!) / 2, lat];
      }
    }
  }
  return best;
}

export interface CountryProperties {
  /** ISO 3166-1 numeric code as world-atlas gives it ("004"), or "" for unrecognised territories. */
  id: string;
  name: string;
  /** Area of the country's largest piece (square degrees, latitude-scaled): bigger countries label first. */
  area: number;
}

export interface Basemap {
  countries: FeatureCollection<MultiPolygon, CountryProperties>;
  borders: FeatureCollection<MultiLineString>;
  coasts: FeatureCollection<MultiLineString>;
  labels: FeatureCollection<Point, CountryProperties>;
}

/** world-atlas countries TopoJSON → the GeoJSON layers of the basemap. */
export function buildBasemap(topology: Topology): Basemap {
  const object = topology.objects.countries as GeometryCollection<{ name: string }> | undefined;
  if (!object) throw new Error('basemap: the TopoJSON has no "countries" object (expected world-atlas countries-50m.json)');
  const fc = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const countries: Feature<MultiPolygon, CountryProperties>[] = [];
  const labels: Feature<Point, CountryProperties>[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap(fixPolygonRings);
    if (polygons.length === 0) continue;
    let largest = polygons[0]!;
    let area = -1;
    for (const poly of polygons) {
      const a = ringArea(poly[0]!);
      if (a > area) {
        area = a;
        largest = poly;
      }
    }
    const properties: CountryProperties = { id: f.id === undefined ? '' : String(f.id), name: f.properties?.name ?? '', area: Math.round(area * 100) / 100 };
    countries.push({ type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: polygons } });
    if (properties.name) labels.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: labelPointOf(largest) } });
  }
  const lines = (filter: (a: unknown, b: unknown) => boolean): FeatureCollection<MultiLineString> => {
    const m = mesh(topology, object, filter);
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: m.coordinates.flatMap(splitLineAtAntimeridian) } }],
    };
  };
  return {
    countries: { type: 'FeatureCollection', features: countries },
    borders: lines((a, b) => a !== b),
    coasts: lines((a, b) => a === b),
    labels: { type: 'FeatureCollection', features: labels },
  };
}

/** [west, south, east, north] of the given countries (by ISO numeric id); null if none matched. */
export function countriesBounds(countries: FeatureCollection<MultiPolygon, CountryProperties>, ids: readonly string[]): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const f of countries.features) {
    if (!ids.includes(f.properties.id)) continue;
    for (const poly of f.geometry.coordinates) {
      for (const p of poly[0]!) {
        w = Math.min(w, p[0]!);
        e = Math.max(e, p[0]!);
        s = Math.min(s, p[1]!);
        n = Math.max(n, p[1]!);
      }
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/**
 * The countries the atlas frames by default (ISO 3166-1 numeric, the ids world-atlas uses):
 * Afghanistan (004) and Pakistan (586) with their western and northern neighbours Iran (364),
 * Turkmenistan (795), Uzbekistan (860) and Tajikistan (762). China and India are left out of
 * the box on purpose: their size would zoom the region down to a corner; the padding still
 * shows their border regions.
 */
export const DEFAULT_FRAME_COUNTRY_IDS = ['004', '586', '364', '795', '860', '762'] as const;

/** A copy of `collection` with every coordinate rounded to `decimals` (smaller files, same map). */
export function roundCoordinates<T extends FeatureCollection>(collection: T, decimals: number): T {
  const f = 10 ** decimals;
  const round = (value: unknown): unknown => (typeof value === 'number' ? Math.round(value * f) / f : Array.isArray(value) ? value.map(round) : value);
  return {
    ...collection,
    features: collection.features.map((feature) => ({ ...feature, geometry: feature.geometry && 'coordinates' in feature.geometry ? { ...feature.geometry, coordinates: round(feature.geometry.coordinates) } : feature.geometry })),
  };
}
