import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../dataset/schema';
import type { ResolvedPlace } from '../contracts';
import { applyCuration, parseCuration } from './curation';

const kabul: ResolvedPlace = { id: 'kabul', name: 'Kabul', countryIso3: 'AFG', lon: 69.17, lat: 34.53, gazetteerId: 1138958, population: 3043532, isCapital: true };
const meeting: Meeting = {
  id: 'a-10',
  title: 'Afghanistan–Pakistan talks',
  kind: 'bilateral',
  status: 'held',
  date: { start: null, end: null, precision: 'unknown' },
  venuePlaceId: null,
  participants: ['AFG', 'PAK'],
  absent: [],
  organizations: [],
  topics: [],
  people: [],
  confidence: 0.6,
  sources: [{ file: 'a.txt', start: 10, end: 20, quote: 'talks held' }],
};
const ctx = {
  resolveCity: (name: string) => (name === 'Kabul' ? kabul : null),
  fileText: (file: string) => (file === 'a.txt' ? 'KABUL: The talks held in Kabul were the first. Officials met again on Friday in Kabul.' : null),
  usePlace: (p: ResolvedPlace) => p.id,
  newId: (file: string, start: number) => `${file}-${start}`,
};

describe('curation', () => {
  it('sets fields, resolves the venue by name, and lists what was curated', () => {
    const { entries, warnings } = parseCuration(
      { entries: [{ meeting: 'a-10', set: { venue: { city: 'Kabul' }, date: { start: '2021-02-01', end: '2021-02-07', precision: 'week' } }, note: 'Arab News dated the piece', source: 'https://www.arabnews.com/...' }] },
      'data/curation.json',
    );
    expect(warnings).toEqual([]);
    const { meetings } = applyCuration([meeting], entries, ctx, 'data/curation.json');
    expect(meetings[0]).toMatchObject({ venuePlaceId: 'kabul', date: { start: '2021-02-01', precision: 'week' }, curated: ['date', 'venuePlaceId'] });
  });

  it('sets the people at the table, each with a span found in the file, and warns for a quote that is not there', () => {
    const { entries } = parseCuration(
      {
        entries: [
          {
            meeting: 'a-10',
            set: {
              people: [
                { name: 'A. Official', role: 'Envoy', state: 'PAK', evidence: { file: 'a.txt', quote: 'The talks held in Kabul' } },
                { name: 'Nobody', evidence: { file: 'a.txt', quote: 'not in the text' } },
              ],
            },
            note: 'the envoy is named in the follow-up report',
            source: 'seed a.txt',
          },
        ],
      },
      'c.json',
    );
    const { meetings, warnings } = applyCuration([meeting], entries, ctx, 'c.json');
    expect(meetings[0]!.people).toEqual([{ name: 'A. Official', role: 'Envoy', state: 'PAK', organization: null, evidence: { file: 'a.txt', start: 7, end: 30, quote: 'The talks held in Kabul' } }]);
    expect(meetings[0]!.curated).toEqual(['people']);
    expect(warnings.map((w) => w.where)).toEqual(['entries[0].people.1.evidence.quote']);
  });

  it('adds a meeting whose quote occurs verbatim, and removes one by id', () => {
    const { entries } = parseCuration(
      {
        entries: [
          { add: { title: 'Second round', kind: 'bilateral', status: 'held', participants: ['PAK', 'AFG'], evidence: { file: 'a.txt', quote: 'Officials met again on Friday in Kabul.' } }, note: 'missed by the rules', source: 'seed a.txt' },
          { meeting: 'a-10', remove: true, note: 'duplicate', source: 'seed a.txt' },
        ],
      },
      'c.json',
    );
    const { meetings, warnings } = applyCuration([meeting], entries, ctx, 'c.json');
    expect(warnings).toEqual([]);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ id: 'a.txt-47', participants: ['AFG', 'PAK'], curated: ['added', 'kind', 'participants', 'status', 'title'] });
    expect(meetings[0]!.sources[0]!.quote).toBe('Officials met again on Friday in Kabul.');
  });

  it('warns with the entry and field for a missing note, an unknown id, an unknown city, a quote not in the file', () => {
    const { entries, warnings } = parseCuration(
      {
        entries: [
          { meeting: 'a-10', set: { status: 'held' }, source: 'x y z' },
          { meeting: 'zzz', set: { status: 'held' }, note: 'why', source: 'seed' },
          { meeting: 'a-10', set: { venue: { city: 'Atlantis' } }, note: 'why', source: 'seed' },
          { add: { title: 'T', kind: 'call', status: 'held', evidence: { file: 'a.txt', quote: 'this is not in the file' } }, note: 'why', source: 'seed' },
        ],
      },
      'c.json',
    );
    expect(warnings.map((w) => w.where)).toEqual(['entries[0]']);
    const applied = applyCuration([meeting], entries, ctx, 'c.json');
    expect(applied.warnings.map((w) => w.where)).toEqual(['entries[1].meeting', 'entries[2].venue.city', 'entries[3].add.evidence.quote']);
  });

  it('rejects a file without an entries list', () => {
    expect(parseCuration({ fixes: [] }, 'c.json').warnings[0]!.message).toContain('"entries"');
  });
});
