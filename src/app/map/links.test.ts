import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset, type Meeting } from '../../dataset/schema';
import { dayFromIso } from '../timeline/days';
import greatCircle from '@turf/great-circle';
import { arcCoordinates, buildMeetingLinks, greatCirclePoints, unwrapLongitudes } from './links';

function bootstrap(): Dataset {
  const parsed = parseDataset(JSON.parse(fs.readFileSync(new URL('./links.fixture.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.dataset;
}

function withMeetings(base: Dataset, meetings: Meeting[]): Dataset {
  return { ...base, meetings };
}

function meeting(base: Dataset, over: Partial<Meeting>): Meeting {
  return { ...base.meetings[0]!, absent: [], ...over };
}

describe('buildMeetingLinks', () => {
  it('draws one arc per non-host participant and a ring for the host', () => {
    const ds = bootstrap();
    const m = meeting(ds, { id: 'x', venuePlaceId: 'kabul', participants: ['USA', 'PAK', 'AFG', 'UZB'] });
    const links = buildMeetingLinks(withMeetings(ds, [m]));
    expect(links.arcs.features.map((f) => f.properties.iso3).sort()).toEqual(['PAK', 'USA', 'UZB']);
    expect(links.rings.features.map((f) => f.properties.iso3)).toEqual(['AFG']);
    const kabul = ds.places.find((p) => p.id === 'kabul')!;
    expect(links.rings.features[0]!.geometry.coordinates).toEqual([kabul.lon, kabul.lat]);
  });

  it('starts every arc at the capital and ends it at the venue (direction towards the venue)', () => {
    const ds = bootstrap();
    const links = buildMeetingLinks(ds);
    const place = new Map(ds.places.map((p) => [p.id, p]));
    const capital = new Map(ds.states.map((s) => [s.iso3, place.get(s.capitalPlaceId!)!]));
    for (const arc of links.arcs.features) {
      const coords = arc.geometry.coordinates;
      const from = capital.get(arc.properties.iso3)!;
      const to = place.get(arc.properties.venue)!;
      expect(coords[0]).toEqual([from.lon, from.lat]);
      const last = coords[coords.length - 1]!;
      expect(((last[0]! - to.lon) % 360 + 360) % 360).toBeCloseTo(0, 9);
      expect(last[1]).toBeCloseTo(to.lat, 9);
    }
  });

  it('counts links for the bootstrap dataset: arcs plus rings equal participants of meetings with a venue', () => {
    const ds = bootstrap();
    const links = buildMeetingLinks(ds);
    const expected = ds.meetings.filter((m) => m.venuePlaceId).reduce((n, m) => n + m.participants.length + m.absent.length, 0);
    expect(links.arcs.features.length + links.rings.features.length).toBe(expected);
    expect(links.skipped).toEqual([]);
    // m1 (Kabul) has 4 participants (AFG hosts) and 4 absent states
    const m1 = links.arcs.features.filter((f) => f.properties.meetingId === 'm1');
    expect(m1.filter((f) => !f.properties.absent)).toHaveLength(3);
    expect(m1.filter((f) => f.properties.absent).map((f) => f.properties.iso3).sort()).toEqual(['CHN', 'IND', 'IRN', 'RUS']);
  });

  it('carries time as day numbers and flags undated meetings', () => {
    const ds = bootstrap();
    const links = buildMeetingLinks(ds);
    const m1 = links.arcs.features.find((f) => f.properties.meetingId === 'm1')!;
    expect(m1.properties.start).toBe(dayFromIso('2021-02-01'));
    expect(m1.properties.end).toBe(dayFromIso('2021-02-28'));
    expect(m1.properties.undated).toBe(false);
    const m8 = [...links.arcs.features, ...links.rings.features].filter((f) => f.properties.meetingId === 'm8');
    expect(m8.length).toBeGreaterThan(0);
    expect(m8.every((f) => f.properties.undated)).toBe(true);
    expect(m8.find((f) => f.properties.iso3 === 'CHN')?.properties.status).toBe('held');
  });

  it('reads a meeting with only an end day as undated, like the selectors do', () => {
    const ds = bootstrap();
    const m = meeting(ds, { id: 'half', date: { start: null, end: '2020-05-01', precision: 'unknown' } });
    const links = buildMeetingLinks(withMeetings(ds, [m]));
    expect(links.arcs.features.every((f) => f.properties.undated)).toBe(true);
  });

  it('keeps an arc that crosses the antimeridian as one continuous line', () => {
    const ds = bootstrap();
    // Beijing → Washington runs over the North Pacific/Bering Strait and crosses 180°.
    const m = meeting(ds, { id: 'pacific', venuePlaceId: 'washington', participants: ['CHN', 'USA'] });
    const links = buildMeetingLinks(withMeetings(ds, [m]));
    expect(links.arcs.features).toHaveLength(1);
    const arc = links.arcs.features[0]!;
    expect(arc.geometry.type).toBe('LineString');
    const coords = arc.geometry.coordinates;
    for (let i = 1; i < coords.length; i++) {
      expect(Math.abs(coords[i]![0]! - coords[i - 1]![0]!)).toBeLessThan(20);
    }
    // it really crossed: the unwrapped end lies beyond +180
    expect(coords[coords.length - 1]![0]!).toBeGreaterThan(180);
  });

  it('shares one geometry between meetings on the same capital–venue pair', () => {
    const ds = bootstrap();
    const links = buildMeetingLinks(ds);
    const pakToKabul = links.arcs.features.filter((f) => f.properties.iso3 === 'PAK' && f.properties.venue === 'kabul');
    expect(pakToKabul.length).toBeGreaterThan(1);
    expect(pakToKabul[0]!.geometry.coordinates).toBe(pakToKabul[1]!.geometry.coordinates);
  });
});

describe('unwrapLongitudes', () => {
  it('removes jumps across ±180 and the duplicated crossing point', () => {
    expect(unwrapLongitudes([[170, 0], [180, 1], [-180, 1], [-170, 2]])).toEqual([[170, 0], [180, 1], [190, 2]]);
    expect(unwrapLongitudes([[-170, 0], [170, 1]])).toEqual([[-170, 0], [-190, 1]]);
  });
});

describe('greatCirclePoints', () => {
  it('gives the same points as @turf/great-circle', () => {
    const pairs: [number, number][][] = [
      [[69.17, 34.53], [73.04, 33.72]],
      [[116.4, 39.9], [-77.04, 38.9]],
      [[-77.04, 38.9], [49.12, 55.79]],
      [[174.78, -41.29], [-157.86, 21.31]],
    ];
    for (const [from, to] of pairs) {
      const ours = unwrapLongitudes(greatCirclePoints(from!, to!, 33));
      const line = greatCircle(from!, to!, { npoints: 33 });
      const parts = line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates;
      const theirs = unwrapLongitudes(parts.flat());
      // turf adds the antimeridian crossing as an extra point: compare ours against its line
      for (const p of ours) {
        const nearest = Math.min(...theirs.map((q) => Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!)));
        expect(nearest).toBeLessThan(1e-6);
      }
    }
  });
});

describe('arcCoordinates', () => {
  it('uses few points for short links and more for long ones', () => {
    expect(arcCoordinates([69.17, 34.53], [73.04, 33.72]).length).toBeLessThanOrEqual(10);
    expect(arcCoordinates([116.4, 39.9], [-77.04, 38.9]).length).toBeGreaterThan(40);
  });
});
