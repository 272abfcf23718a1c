import { describe, expect, it } from 'vitest';
import { altText, listInWords, monthYear, windowInWords } from './altText';
import { fixtureDataset, fixtureMeetings } from './fixture';

const noFilters = { from: null, to: null, city: null, state: null, topic: null };

describe('altText', () => {
  it('describes count, venues, window and participants in plain words', () => {
    const text = altText(fixtureMeetings('m1', 'm2'), fixtureDataset, { ...noFilters, from: '2024-01-01', to: '2025-07-31' });
    expect(text).toBe(
      'Map of 2 meetings in Islamabad and Kabul between January 2024 and July 2025: 1 in Islamabad, 1 in Kabul. ' +
        'Most present: Afghanistan (2), Pakistan (2), Uzbekistan (1). Sources: Dawn, 21 July 2025; b.txt.',
    );
  });

  it('falls back to the meetings’ own dates when the window is open, and mentions calls and undated meetings', () => {
    const text = altText(fixtureMeetings('m1', 'm4', 'm5'), fixtureDataset, noFilters);
    expect(text).toMatch(/^Map of 3 meetings in Kabul between March 2025 and July 2025: 2 in Kabul, 1 call without a venue\./);
    expect(text).toContain('1 meeting has no known date.');
  });

  it('names filters and a single month', () => {
    const text = altText(fixtureMeetings('m3'), fixtureDataset, { ...noFilters, state: 'USA', topic: 'ttp', from: '2024-05-01', to: '2024-05-31' });
    expect(text).toMatch(/^Map of 1 meeting attended by United States on ttp in Washington in May 2024: 1 in Washington\./);
  });

  it('cites the articles outlet and date first, three at most', () => {
    const sources = ['a', 'b', 'c', 'd'].map((x, i) => ({ file: `${x}.txt`, published: `2024-0${i + 1}-10`, outlet: `Outlet ${x.toUpperCase()}` }));
    const base = fixtureMeetings('m2')[0]!;
    const meetings = sources.map((s, i) => ({ ...base, id: `s${i}`, sources: [{ file: s.file, start: 0, end: 1, quote: 'x' }] }));
    expect(altText(meetings, { ...fixtureDataset, sources }, noFilters)).toMatch(
      /Sources: Outlet A, 10 January 2024; Outlet B, 10 February 2024; Outlet C, 10 March 2024 and 1 other article\.$/,
    );
    expect(altText(fixtureMeetings('m2'), fixtureDataset, noFilters)).toMatch(/ Source: Dawn, 21 July 2025\.$/);
  });

  it('says so when nothing is shown', () => {
    expect(altText([], fixtureDataset, { ...noFilters, from: '2020-01-01', to: '2020-12-31' })).toBe(
      'Map with no meetings between January 2020 and December 2020.',
    );
  });

  it('summarises beyond three venues', () => {
    const places = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, name: id.toUpperCase(), countryIso3: 'AFG', lon: i, lat: i, gazetteerId: i }));
    const base = fixtureMeetings('m2')[0]!;
    const meetings = ['a', 'a', 'b', 'c', 'd'].map((venuePlaceId, i) => ({ ...base, id: `x${i}`, venuePlaceId }));
    const text = altText(meetings, { ...fixtureDataset, places }, noFilters);
    expect(text).toMatch(/^Map of 5 meetings in 4 places in January 2024: 2 in A, 1 in B, 1 in C, 1 elsewhere\./);
  });
});

describe('helpers', () => {
  it('formats months and lists', () => {
    expect(monthYear('2024-01-15')).toBe('January 2024');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(windowInWords(null, null, [])).toBe('');
  });
});
