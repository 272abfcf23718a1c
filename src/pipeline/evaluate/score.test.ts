import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../dataset/schema';
import type { AnswerKey } from './answerKey';
import { keyDateWindow } from './answerKey';
import { haversineKm, score } from './score';

const text = 'ISLAMABAD: Pakistan and Iran held talks in Islamabad on Monday. Later Iran and China met in Tehran.';
const dataset: Dataset = {
  schemaVersion: 1,
  sources: [{ file: 'a.txt', published: '2024-01-16' }],
  places: [
    { id: 'islamabad', name: 'Islamabad', countryIso3: 'PAK', lon: 73.04329, lat: 33.72148, gazetteerId: 1176615 },
    { id: 'kabul', name: 'Kabul', countryIso3: 'AFG', lon: 69.17233, lat: 34.52813, gazetteerId: 1138958 },
  ],
  states: [
    { iso3: 'PAK', name: 'Pakistan', capitalPlaceId: 'islamabad' },
    { iso3: 'IRN', name: 'Iran', capitalPlaceId: null },
    { iso3: 'AFG', name: 'Afghanistan', capitalPlaceId: 'kabul' },
  ],
  meetings: [
    {
      id: 'a-11', title: 'Iran–Pakistan talks', kind: 'bilateral', status: 'held',
      date: { start: '2024-01-15', end: '2024-01-15', precision: 'day' }, venuePlaceId: 'islamabad',
      participants: ['IRN', 'PAK'], absent: [], organizations: [], topics: [], people: [], confidence: 0.9,
      sources: [{ file: 'a.txt', start: 11, end: 63, quote: text.slice(11, 63) }],
    },
    {
      id: 'a-64', title: 'extra', kind: 'bilateral', status: 'held', date: { start: null, end: null, precision: 'unknown' },
      venuePlaceId: 'kabul', participants: ['AFG', 'PAK'], absent: [], organizations: [], topics: [], people: [], confidence: 0.3,
      sources: [{ file: 'a.txt', start: 64, end: 70, quote: text.slice(64, 70) }],
    },
  ],
};
const key: AnswerKey = [
  {
    article: 'a.txt',
    meetings: [
      { venue_city: 'Islamabad', venue_country_iso3: 'PAK', date: '2024-01-15', participants_iso3: ['PAK', 'IRN'], absent_iso3: [], participant_orgs: [], kind: 'bilateral', status: 'held', primary: true, evidence: 'Pakistan and Iran held talks' },
      { venue_city: 'Tehran', venue_country_iso3: 'IRN', date: null, participants_iso3: ['IRN', 'CHN'], absent_iso3: [], participant_orgs: [], kind: 'bilateral', status: 'held', primary: false, evidence: 'Iran and China met in Tehran' },
    ],
  },
];

describe('score', () => {
  it('matches one-to-one and computes the metrics over the matches', () => {
    const s = score({ key, dataset, texts: new Map([['a.txt', text]]), locate: (city) => (city === 'Islamabad' ? { lon: 73.05, lat: 33.72 } : null) });
    expect(s.matchedMeetings).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.precision).toBe(0.5);
    expect(s.dateExact).toBe(1);
    expect(s.participantsF1).toBe(1);
    expect(s.venueWithin50).toBe(1);
    expect(s.venueMedianKm).toBeLessThan(2);
    expect(s.articles[0]!.missed.map((m) => m.venue_city)).toEqual(['Tehran']);
    expect(s.articles[0]!.extra.map((m) => m.id)).toEqual(['a-64']);
  });
});

describe('helpers', () => {
  it('computes great-circle distance and key date windows', () => {
    expect(Math.round(haversineKm({ lon: 69.17233, lat: 34.52813 }, { lon: 73.04329, lat: 33.72148 }))).toBe(367);
    expect(keyDateWindow('2023-02')).toEqual({ start: '2023-02-01', end: '2023-02-28', precision: 'month' });
    expect(keyDateWindow('2019')).toEqual({ start: '2019-01-01', end: '2019-12-31', precision: 'year' });
  });
});
