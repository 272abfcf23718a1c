/**
 * Builds the basemap at build time: world-atlas's Natural Earth TopoJSON → the GeoJSON
 * layers the map draws (basemap.ts: antimeridian-safe countries, borders, coasts, label
 * points), written as static files under `basemap/` and fetched by MapLibre's worker
 * itself. The browser then converts nothing and clones nothing on its main thread, and
 * `topojson-client` stays out of the bundle (issue 6: load time and bundle size).
 *
 * The app imports `virtual:atlas-basemap` for the files' paths (relative to the page, so
 * the build works from any subpath) and the default framing's bounds. `npm run dev`
 * serves the same files from memory.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { buildBasemap, countriesBounds, DEFAULT_FRAME_COUNTRY_IDS, roundCoordinates } from './basemap.ts';

const VIRTUAL_ID = 'virtual:atlas-basemap';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
export const BASEMAP_LAYERS = ['countries', 'borders', 'coasts', 'labels'] as const;
/** 4 decimals of a degree is about 11 m: far finer than Natural Earth 50m, and half the bytes. */
const DECIMALS = 4;

export interface BuiltBasemap {
  files: Record<(typeof BASEMAP_LAYERS)[number], { fileName: string; json: string }>;
  defaultBounds: [number, number, number, number] | null;
}

export function buildBasemapFiles(): BuiltBasemap {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const basemap = buildBasemap(topology);
  const files = {} as BuiltBasemap['files'];
  for (const layer of BASEMAP_LAYERS) files[layer] = { fileName: `basemap/${layer}.json`, json: JSON.stringify(roundCoordinates(basemap[layer], DECIMALS)) };
  return { files, defaultBounds: countriesBounds(basemap.countries, DEFAULT_FRAME_COUNTRY_IDS) };
}

export function basemapFiles(): Plugin {
  let built: BuiltBasemap | null = null;
  const get = (): BuiltBasemap => (built ??= buildBasemapFiles());
  return {
    name: 'atlas-basemap',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const b = get();
      const paths = Object.fromEntries(BASEMAP_LAYERS.map((layer) => [layer, b.files[layer].fileName]));
      return `export const basemapPaths = ${JSON.stringify(paths)};\nexport const defaultBounds = ${JSON.stringify(b.defaultBounds)};\n`;
    },
    generateBundle() {
      for (const layer of BASEMAP_LAYERS) {
        const file = get().files[layer];
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.json });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\/+/, '');
        const file = BASEMAP_LAYERS.map((layer) => get().files[layer]).find((f) => f.fileName === path);
        if (!file) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(file.json);
      });
    },
  };
}
