import { describe, expect, it } from 'vitest';
import type { LineString } from 'geojson';
import { meetingIdsInGeoJson, meetingsToGeoJson, type LinkProperties, type VenueProperties } from './geojson';
import { fixtureDataset, fixtureMeetings } from './fixture';

const venuesOf = (fc: ReturnType<typeof meetingsToGeoJson>) =>
  fc.features.filter((f) => f.properties.feature === 'venue').map((f) => f.properties as VenueProperties);
const linksOf = (fc: ReturnType<typeof meetingsToGeoJson>) =>
  fc.features.filter((f) => f.properties.feature === 'link') as Array<{ geometry: LineString; properties: LinkProperties }>;

describe('meetingsToGeoJson', () => {
  it('makes one point per venue at the gazetteer coordinates, listing its meetings', () => {
    const fc = meetingsToGeoJson(fixtureMeetings('m1', 'm5', 'm2'), fixtureDataset);
    expect(fc.type).toBe('FeatureCollection');
    expect(venuesOf(fc)).toEqual([
      { feature: 'venue', placeId: 'kabul', name: 'Kabul', country: 'AFG', meetings: ['m1', 'm5'], count: 2 },
      { feature: 'venue', placeId: 'islamabad', name: 'Islamabad', country: 'PAK', meetings: ['m2'], count: 1 },
    ]);
    expect(fc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [69.17233, 34.52813] });
  });

  it('draws a line from each participant capital to the venue, none from the venue itself or a state without capital', () => {
    const links = linksOf(meetingsToGeoJson(fixtureMeetings('m1'), fixtureDataset));
    // AFG meets in its own capital, UZB has no capital in the fixture: only Pakistan's line.
    expect(links.map((l) => [l.properties.state, l.properties.from, l.properties.to])).toEqual([['PAK', 'islamabad', 'kabul']]);
    const coords = links[0]!.geometry.coordinates;
    expect(coords[0]).toEqual([73.04329, 33.72148]);
    // Its articles as people cite them, outlet and date first, the file name where nothing else is known.
    expect(links[0]!.properties.sources).toEqual(['Dawn, 21 July 2025, https://www.dawn.com/news/1', 'b.txt']);
    expect(coords[coords.length - 1]![0]).toBeCloseTo(69.17233, 4);
    expect(coords[coords.length - 1]![1]).toBeCloseTo(34.52813, 4);
  });

  it('carries the people at the table on each of the meeting\'s lines, without their evidence', () => {
    const [link] = linksOf(meetingsToGeoJson(fixtureMeetings('m1'), fixtureDataset));
    expect(link!.properties.people).toEqual([
      { name: 'Mohsin Naqvi', role: 'Interior Minister', state: 'PAK', organization: null },
      { name: 'Sirajuddin Haqqani', role: null, state: 'AFG', organization: null },
      { name: 'Jane Roe', role: 'Special Envoy', state: null, organization: 'UN' },
    ]);
    expect(linksOf(meetingsToGeoJson(fixtureMeetings('m2'), fixtureDataset))[0]!.properties.people).toEqual([]);
  });

  it('adds absent states only when asked', () => {
    expect(linksOf(meetingsToGeoJson(fixtureMeetings('m2'), fixtureDataset)).map((l) => l.properties.role)).toEqual(['participant']);
    const withAbsent = linksOf(meetingsToGeoJson(fixtureMeetings('m2'), fixtureDataset, { includeAbsent: true }));
    expect(withAbsent.map((l) => [l.properties.state, l.properties.role])).toEqual([['AFG', 'participant'], ['USA', 'absent']]);
  });

  it('links the capitals of a call and adds no venue for it', () => {
    const fc = meetingsToGeoJson(fixtureMeetings('m4'), fixtureDataset);
    expect(venuesOf(fc)).toEqual([]);
    expect(linksOf(fc).map((l) => [l.properties.role, l.properties.from, l.properties.to])).toEqual([['call', 'kabul', 'islamabad']]);
  });

  it('keeps a call it cannot draw as a feature without geometry, so every meeting is in the file', () => {
    const base = fixtureMeetings('m4')[0]!;
    const call = { ...base, id: 'c1', participants: ['AFG', 'UZB'] }; // UZB has no capital in the fixture
    const fc = meetingsToGeoJson([call], fixtureDataset);
    expect(fc.features).toEqual([{ type: 'Feature', geometry: null, properties: { feature: 'unplaced', meeting: 'c1', title: 'Phone call', sources: ['b.txt'], people: [] } }]);
  });

  it('lists exactly the exported meetings', () => {
    const fc = meetingsToGeoJson(fixtureMeetings('m3', 'm4', 'm1', 'm5'), fixtureDataset);
    expect(meetingIdsInGeoJson(fc).sort()).toEqual(['m1', 'm3', 'm4', 'm5']);
  });

  it('survives a round trip through JSON', () => {
    const fc = meetingsToGeoJson(fixtureMeetings('m1', 'm2', 'm3', 'm4', 'm5'), fixtureDataset);
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });
});
