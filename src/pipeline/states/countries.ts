/**
 * The world's states as `world-countries` describes them (names, codes, demonyms, capital
 * names), loaded once. Capitals' coordinates never come from here: `latlng` is a country's
 * centre, so capitals are looked up in the gazetteer (places/gazetteer.ts).
 */
import { createRequire } from 'node:module';
import * as z from 'zod/mini';
import { readDataFile } from './dataFile';

export interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  capital: string[];
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  unMember: boolean;
  independent: boolean;
  area: number;
  borders: string[];
  subregion: string;
}

export interface Countries {
  all: readonly WorldCountry[];
  byIso3(iso3: string): WorldCountry | undefined;
  iso3FromIso2(iso2: string): string | undefined;
  /** Short common English name ("United States", "Russia", "Iran"), or null for an unknown code. */
  stateName(iso3: string): string | null;
}

const NameOverrides = z.object({ names: z.object({ overrides: z.record(z.string(), z.string()) }) });

let cached: Countries | null = null;

export function loadCountries(): Countries {
  if (cached) return cached;
  const all = createRequire(import.meta.url)('world-countries') as WorldCountry[];
  const overrides = readDataFile('state-aliases.json', NameOverrides).names.overrides;
  const byIso3 = new Map(all.map((c) => [c.cca3, c]));
  const byIso2 = new Map(all.map((c) => [c.cca2, c.cca3]));
  cached = {
    all,
    byIso3: (iso3) => byIso3.get(iso3.toUpperCase()),
    iso3FromIso2: (iso2) => byIso2.get(iso2.toUpperCase()),
    stateName: (iso3) => overrides[iso3.toUpperCase()] ?? byIso3.get(iso3.toUpperCase())?.name.common ?? null,
  };
  return cached;
}
