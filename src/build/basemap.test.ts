import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildBasemap, countriesBounds, DEFAULT_FRAME_COUNTRY_IDS, fixPolygonRings, labelPointOf, MERCATOR_MAX_LAT, splitLineAtAntimeridian } from './basemap';

const require = createRequire(import.meta.url);
const topology = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const basemap = buildBasemap(topology);

function insideRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1]! > p[1]! !== b[1]! > p[1]! && p[0]! < ((b[0]! - a[0]!) * (p[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
  }
  return inside;
}

function byName(name: string) {
  const f = basemap.countries.features.find((c) => c.properties.name === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
}

describe('buildBasemap on world-atlas countries-50m', () => {
  it('leaves no ring or line that jumps across the map (no antimeridian slivers)', () => {
    for (const f of basemap.countries.features) {
      for (const poly of f.geometry.coordinates) {
        for (const ring of poly) {
          for (let i = 0; i < ring.length; i++) {
            expect(Math.abs(ring[i]![0]!)).toBeLessThanOrEqual(180 + 1e-9);
            // a step along the map's pole edge (Antarctica's closure) is a straight edge, not a sliver
            const alongPoleEdge = Math.abs(ring[i]![1]!) === MERCATOR_MAX_LAT && i > 0 && Math.abs(ring[i - 1]![1]!) === MERCATOR_MAX_LAT;
            if (i > 0 && !alongPoleEdge) expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!), f.properties.name).toBeLessThan(180);
          }
        }
      }
    }
    for (const fc of [basemap.borders, basemap.coasts]) {
      for (const line of fc.features[0]!.geometry.coordinates) {
        for (let i = 1; i < line.length; i++) expect(Math.abs(line[i]![0]! - line[i - 1]![0]!)).toBeLessThan(180);
      }
    }
  });

  it('cuts Russia and Fiji at the antimeridian into pieces on both sides', () => {
    for (const name of ['Russia', 'Fiji']) {
      const lons = byName(name).geometry.coordinates.flatMap((poly) => poly[0]!.map((p) => p[0]!));
      expect(Math.min(...lons), name).toBeLessThan(-170);
      expect(Math.max(...lons), name).toBeGreaterThan(170);
    }
  });

  it('closes Antarctica along the bottom edge of the map instead of drawing a wedge', () => {
    const antarctica = byName('Antarctica');
    const lats = antarctica.geometry.coordinates.flatMap((poly) => poly.flatMap((r) => r.map((p) => p[1]!)));
    expect(lats).toContain(-MERCATOR_MAX_LAT);
    // the main landmass spans the whole width of the map
    const widest = Math.max(...antarctica.geometry.coordinates.map((poly) => {
      const lons = poly[0]!.map((p) => p[0]!);
      return Math.max(...lons) - Math.min(...lons);
    }));
    expect(widest).toBeGreaterThan(359);
  });

  it('puts every country label inside the country', () => {
    const outside: string[] = [];
    for (const label of basemap.labels.features) {
      const country = basemap.countries.features.find((c) => c.properties === label.properties)!;
      const hit = country.geometry.coordinates.some((poly) => insideRing(label.geometry.coordinates, poly[0]!) && !poly.slice(1).some((h) => insideRing(label.geometry.coordinates, h)));
      if (!hit) outside.push(label.properties.name);
    }
    expect(outside).toEqual([]);
    expect(basemap.labels.features.length).toBeGreaterThan(200);
  });

  it('frames Afghanistan and Pakistan from their own geometry', () => {
    const [w, s, e, n] = countriesBounds(basemap.countries, DEFAULT_FRAME_COUNTRY_IDS)!;
    // Kabul and Islamabad (bootstrap dataset) lie inside; Moscow does not.
    const places = JSON.parse(fs.readFileSync(new URL('../app/map/links.fixture.json', import.meta.url), 'utf8')).places as { id: string; lon: number; lat: number }[];
    for (const id of ['kabul', 'islamabad']) {
      const p = places.find((x) => x.id === id)!;
      expect(p.lon > w && p.lon < e && p.lat > s && p.lat < n, id).toBe(true);
    }
    const moscow = places.find((x) => x.id === 'moscow')!;
    expect(moscow.lat > n).toBe(true);
    expect(countriesBounds(basemap.countries, ['nope'])).toBeNull();
  });
});

describe('fixPolygonRings', () => {
  it('splits a ring that crosses 180° into one piece per side', () => {
    const ring = [[170, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]];
    const pieces = fixPolygonRings([ring]);
    expect(pieces).toHaveLength(2);
    const spans = pieces.map((p) => [Math.min(...p[0]!.map((q) => q[0]!)), Math.max(...p[0]!.map((q) => q[0]!))]);
    expect(spans).toContainEqual([170, 180]);
    expect(spans).toContainEqual([-180, -170]);
  });

  it('keeps an ordinary ring as it is', () => {
    const ring = [[60, 30], [70, 30], [70, 35], [60, 30]];
    expect(fixPolygonRings([ring])).toEqual([[ring]]);
  });
});

describe('splitLineAtAntimeridian', () => {
  it('cuts at ±180 with an interpolated crossing', () => {
    expect(splitLineAtAntimeridian([[170, 0], [-170, 10]])).toEqual([[[170, 0], [180, 5]], [[-180, 5], [-170, 10]]]);
  });
});

describe('labelPointOf', () => {
  it('stays inside a crescent where the centroid would not', () => {
    // A "C" shape open to the east; its centroid lies in the gap.
    const c = [[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]];
    const p = labelPointOf([c]);
    expect(insideRing(p, c)).toBe(true);
  });
});

describe('roundCoordinates', () => {
  it('rounds every coordinate and leaves properties alone', async () => {
    const { roundCoordinates } = await import('./basemap');
    const fc = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { name: 'x' }, geometry: { type: 'LineString' as const, coordinates: [[1.234567, -2.345678], [3, 4]] } }] };
    const r = roundCoordinates(fc, 4);
    expect(r.features[0]!.geometry.coordinates).toEqual([[1.2346, -2.3457], [3, 4]]);
    expect(r.features[0]!.properties).toEqual({ name: 'x' });
    expect(fc.features[0]!.geometry.coordinates[0]).toEqual([1.234567, -2.345678]); // the input is not changed
  });
});

describe('buildBasemapFiles (the build plugin)', () => {
  it('writes the four layers as JSON under basemap/ and frames Afghanistan–Pakistan and neighbours', async () => {
    const { buildBasemapFiles } = await import('./basemapPlugin');
    const built = buildBasemapFiles();
    expect(Object.values(built.files).map((f) => f.fileName).sort()).toEqual(['basemap/borders.json', 'basemap/coasts.json', 'basemap/countries.json', 'basemap/labels.json']);
    const countries = JSON.parse(built.files.countries.json) as { features: Array<{ properties: { name: string } }> };
    expect(countries.features.length).toBeGreaterThan(200);
    expect(countries.features.some((f) => f.properties.name === 'Afghanistan')).toBe(true);
    const [w, s, e, n] = built.defaultBounds!;
    // Kabul (69.2E, 34.5N) and Tehran (51.4E, 35.7N) inside; the box is regional, not the world.
    expect(w).toBeLessThan(51.4);
    expect(e).toBeGreaterThan(69.2);
    expect(s).toBeLessThan(34.5);
    expect(n).toBeGreaterThan(35.7);
    expect(e - w).toBeLessThan(60);
  });
});
