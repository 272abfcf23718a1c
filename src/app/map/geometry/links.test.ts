import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Dataset, type Meeting } from '../../../dataset/schema';
import greatCircle from '@turf/great-circle';
import { arcCoordinates, arcPath, buildLinkGeometry, LINK_CLASS, LINK_CLASSES, unwrapLongitudes } from './links';

function bootstrap(): Dataset {
  const parsed = parseDataset(JSON.parse(fs.readFileSync(new URL('../links.fixture.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.dataset;
}

function withMeetings(base: Dataset, meetings: Meeting[]): Dataset {
  return { ...base, meetings };
}

function meeting(base: Dataset, over: Partial<Meeting>): Meeting {
  return { ...base.meetings[0]!, absent: [], ...over };
}

const capitalOf = (ds: Dataset) => {
  const place = new Map(ds.places.map((p) => [p.id, p]));
  return new Map(ds.states.map((s) => [s.iso3, place.get(s.capitalPlaceId!)!]));
};

describe('buildLinkGeometry', () => {
  it('draws one arc per non-host participant and a ring for the host', () => {
    const ds = bootstrap();
    const m = meeting(ds, { id: 'x', venuePlaceId: 'kabul', participants: ['USA', 'PAK', 'AFG', 'UZB'] });
    const g = buildLinkGeometry(withMeetings(ds, [m]));
    const cap = capitalOf(ds);
    expect(g.pairs.map((f) => f.capital).sort()).toEqual([cap.get('PAK')!.id, cap.get('USA')!.id, cap.get('UZB')!.id].sort());
    expect(g.pairs.every((f) => f.venue === 'kabul')).toBe(true);
    const kabul = ds.places.find((p) => p.id === 'kabul')!;
    expect(g.rings.features.map((f) => f.geometry.coordinates)).toEqual([[kabul.lon, kabul.lat]]);
    const refs = g.meetingRefs.get(withMeetings(ds, [m]).meetings[0]!) ?? g.meetingRefs.get(m)!;
    expect(refs.arcs.map((r) => r % LINK_CLASSES)).toEqual([LINK_CLASS.held, LINK_CLASS.held, LINK_CLASS.held]);
    expect(refs.rings).toEqual([0 * LINK_CLASSES + LINK_CLASS.held]);
    // one path per pair, in pair order (the indices the refs point at)
    expect(g.paths.start.length).toBe(g.pairs.length + 1);
  });

  it('shares one refs object among meetings with the same links, and only among them', () => {
    const ds = bootstrap();
    const a = meeting(ds, { id: 'a', venuePlaceId: 'kabul', participants: ['USA', 'PAK', 'AFG'] });
    const b = meeting(ds, { id: 'b', venuePlaceId: 'kabul', participants: ['PAK', 'USA', 'AFG'] }); // same states, other order
    const c = meeting(ds, { id: 'c', venuePlaceId: 'kabul', participants: ['USA', 'PAK', 'AFG'], status: 'planned' });
    const d = meeting(ds, { id: 'd', venuePlaceId: 'kabul', participants: ['USA', 'AFG'] });
    const g = buildLinkGeometry(withMeetings(ds, [a, b, c, d]));
    const refs = (m: Meeting) => g.meetingRefs.get(m)!;
    // The same links in the same order: one object.
    expect(refs(a).arcs).toHaveLength(2);
    // b lists the same states in another order: its refs list the same links in that order (another object, same set).
    expect([...refs(b).arcs].sort()).toEqual([...refs(a).arcs].sort());
    expect(refs(c)).not.toBe(refs(a)); // planned: another class
    expect(refs(c).arcs.map((r) => r % LINK_CLASSES)).toEqual([LINK_CLASS.unheld, LINK_CLASS.unheld]);
    expect(refs(d)).not.toBe(refs(a));
    expect(refs(d).arcs).toHaveLength(1);
    const twin = meeting(ds, { id: 'a2', venuePlaceId: 'kabul', participants: ['USA', 'PAK', 'AFG'] });
    const g2 = buildLinkGeometry(withMeetings(ds, [a, twin]));
    expect(g2.meetingRefs.get(twin)).toBe(g2.meetingRefs.get(a));
  });

  it('starts every arc at the capital and ends it at the venue (direction towards the venue)', () => {
    const ds = bootstrap();
    const g = buildLinkGeometry(ds);
    const place = new Map(ds.places.map((p) => [p.id, p]));
    g.pairs.forEach((pair, i) => {
      const coords = arcPath(g.paths, i);
      const from = place.get(pair.capital)!;
      const to = place.get(pair.venue)!;
      expect(coords[0]).toEqual([from.lon, from.lat]);
      const last = coords[coords.length - 1]!;
      expect((((last[0]! - to.lon) % 360) + 360) % 360).toBeCloseTo(0, 9);
      expect(last[1]).toBeCloseTo(to.lat, 9);
    });
  });

  it('references every participant and absent state of the bootstrap dataset, with its class', () => {
    const ds = bootstrap();
    const g = buildLinkGeometry(ds);
    const expected = ds.meetings.filter((m) => m.venuePlaceId).reduce((n, m) => n + m.participants.length + m.absent.length, 0);
    let refs = 0;
    for (const r of g.meetingRefs.values()) refs += r.arcs.length + r.rings.length;
    expect(refs).toBe(expected);
    expect(g.skipped).toEqual([]);
    // m1 (Kabul) has 4 participants (AFG hosts) and 4 absent states
    const m1 = g.meetingRefs.get(ds.meetings.find((m) => m.id === 'm1')!)!;
    expect(m1.arcs.filter((r) => r % LINK_CLASSES !== LINK_CLASS.absent)).toHaveLength(3);
    const cap = capitalOf(ds);
    const absentCapitals = m1.arcs.filter((r) => r % LINK_CLASSES === LINK_CLASS.absent).map((r) => g.pairs[Math.floor(r / LINK_CLASSES)]!.capital);
    expect(absentCapitals.sort()).toEqual(['CHN', 'IND', 'IRN', 'RUS'].map((i) => cap.get(i)!.id).sort());
    expect(m1.rings).toHaveLength(1);
  });

  it('marks planned and cancelled meetings as their own class', () => {
    const ds = bootstrap();
    const g = buildLinkGeometry(ds);
    const m5 = ds.meetings.find((m) => m.id === 'm5')!;
    expect(m5.status).not.toBe('held');
    const refs = g.meetingRefs.get(m5)!;
    expect([...refs.arcs, ...refs.rings].every((r) => r % LINK_CLASSES === LINK_CLASS.unheld)).toBe(true);
  });

  it('keeps an arc that crosses the antimeridian as one continuous line', () => {
    const ds = bootstrap();
    // Beijing → Washington runs over the North Pacific/Bering Strait and crosses 180°.
    const m = meeting(ds, { id: 'pacific', venuePlaceId: 'washington', participants: ['CHN', 'USA'] });
    const g = buildLinkGeometry(withMeetings(ds, [m]));
    expect(g.pairs).toHaveLength(1);
    const coords = arcPath(g.paths, 0);
    for (let i = 1; i < coords.length; i++) {
      expect(Math.abs(coords[i]![0]! - coords[i - 1]![0]!)).toBeLessThan(20);
    }
    // it really crossed: the unwrapped end lies beyond +180
    expect(coords[coords.length - 1]![0]!).toBeGreaterThan(180);
  });

  it('draws one feature per capital–venue pair, however many meetings use it', () => {
    const ds = bootstrap();
    const g = buildLinkGeometry(ds);
    const keys = g.pairs.map((f) => `${f.capital}>${f.venue}`);
    expect(new Set(keys).size).toBe(keys.length);
    const cap = capitalOf(ds);
    const pakToKabul = g.pairs.findIndex((f) => f.capital === cap.get('PAK')!.id && f.venue === 'kabul');
    const users = [...g.meetingRefs.values()].filter((r) => r.arcs.some((x) => Math.floor(x / LINK_CLASSES) === pakToKabul));
    expect(users.length).toBeGreaterThan(1);
    // and the venue's highlight lists its pairs and its ring
    expect(g.venueLinks.get('kabul')!.pairs).toContain(pakToKabul);
    expect(g.venueLinks.get('kabul')!.ring).not.toBeNull();
  });
});

describe('unwrapLongitudes', () => {
  it('removes jumps across ±180 and the duplicated crossing point', () => {
    expect(unwrapLongitudes([[170, 0], [180, 1], [-180, 1], [-170, 2]])).toEqual([[170, 0], [180, 1], [190, 2]]);
    expect(unwrapLongitudes([[-170, 0], [170, 1]])).toEqual([[-170, 0], [-190, 1]]);
  });
});

describe('arcCoordinates', () => {
  it('follows @turf/great-circle, joined into one line where turf splits it at the antimeridian', () => {
    const pairs: [number, number][][] = [
      [[69.17, 34.53], [73.04, 33.72]],
      [[116.4, 39.9], [-77.04, 38.9]],
      [[-77.04, 38.9], [49.12, 55.79]],
      [[174.78, -41.29], [-157.86, 21.31]],
    ];
    for (const [from, to] of pairs) {
      const ours = arcCoordinates(from!, to!);
      const line = greatCircle(from!, to!, { npoints: ours.length });
      const parts = line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates;
      // every turf point lies on our line (longitudes compared modulo 360)
      for (const q of parts.flat()) {
        const nearest = Math.min(...ours.map((p) => Math.hypot(((((p[0]! - q[0]!) % 360) + 540) % 360) - 180, p[1]! - q[1]!)));
        expect(nearest).toBeLessThan(1e-6);
      }
      for (let i = 1; i < ours.length; i++) expect(Math.abs(ours[i]![0]! - ours[i - 1]![0]!)).toBeLessThan(180);
    }
    // the Wellington → Honolulu arc crosses 180°: turf splits it, ours stays one line
    const split = greatCircle([174.78, -41.29], [-157.86, 21.31], { npoints: 30 });
    expect(split.geometry.type).toBe('MultiLineString');
  });

  it('uses few points for short links and more for long ones', () => {
    expect(arcCoordinates([69.17, 34.53], [73.04, 33.72]).length).toBeLessThanOrEqual(10);
    expect(arcCoordinates([116.4, 39.9], [-77.04, 38.9]).length).toBeGreaterThan(40);
  });
});
