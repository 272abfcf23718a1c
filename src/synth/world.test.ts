import { describe, expect, it } from 'vitest';
import { buildWorld, loadWorld, slugify, type CountryRecord, type GazetteerCity } from './world';

const city = (cityId: number, name: string, country: string, featureCode: string, population: number): GazetteerCity => ({
  cityId, name, country, featureCode, population, loc: { coordinates: [cityId / 1000, cityId / 2000] },
});
const countries: CountryRecord[] = [
  { cca2: 'AF', cca3: 'AFG', name: { common: 'Afghanistan' }, demonyms: { eng: { m: 'Afghan' } } },
  { cca2: 'GB', cca3: 'GBR', name: { common: 'United Kingdom' } },
  { cca2: 'AQ', cca3: 'ATA', name: { common: 'Antarctica' } },
];

describe('slugify', () => {
  it('makes URL-safe ids from names with diacritics and punctuation', () => {
    expect(slugify('Mazār-e Sharīf')).toBe('mazar-e-sharif');
    expect(slugify('Washington, D.C.')).toBe('washington-d-c');
  });
});

describe('buildWorld', () => {
  const world = buildWorld(
    [
      city(1, 'Kabul', 'AF', 'PPLC', 3_000_000),
      city(2, 'Kandahar', 'AF', 'PPLA', 400_000),
      city(3, 'London', 'GB', 'PPLC', 8_000_000),
      city(4, 'Kabul', 'GB', 'PPL', 500_000), // a namesake must not take the capital's id
      city(5, 'Nowhere', 'ZZ', 'PPL', 9_000_000), // country unknown to world-countries: skipped
    ],
    countries,
    { largestCities: 10 },
  );

  it('takes ids, coordinates and gazetteer ids from the records', () => {
    const kabul = world.placeById.get('kabul');
    expect(kabul).toMatchObject({ name: 'Kabul', countryIso3: 'AFG', gazetteerId: 1, lon: 0.001, lat: 0.0005, isCapital: true });
    expect(world.placeById.get('kabul-gb')).toMatchObject({ gazetteerId: 4, countryIso3: 'GBR' });
    expect([...world.placeById.values()].some((p) => p.name === 'Nowhere')).toBe(false);
  });

  it('lists only states with a capital, each pointing at it', () => {
    expect(world.states.map((s) => [s.iso3, s.capitalPlaceId, s.demonym])).toEqual([
      ['AFG', 'kabul', 'Afghan'],
      ['GBR', 'london', 'United Kingdom'],
    ]);
  });
});

describe('loadWorld (the installed packages)', () => {
  it('has a few hundred places and the region capitals', () => {
    const world = loadWorld();
    expect(world.places.length).toBeGreaterThan(300);
    expect(world.places.length).toBeLessThan(600);
    expect(world.states.length).toBeGreaterThan(200);
    const capitalOf = (iso3: string) => world.placeById.get(world.stateByIso3.get(iso3)?.capitalPlaceId ?? '')?.name;
    expect(capitalOf('AFG')).toBe('Kabul');
    expect(capitalOf('PAK')).toBe('Islamabad');
    expect(capitalOf('USA')).toBe('Washington, D.C.');
  });
});
