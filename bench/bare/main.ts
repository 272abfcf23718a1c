/**
 * The load baseline for the benchmark: MapLibre alone drawing the same basemap the app
 * draws (the same style, the same GeoJSON files written by src/build/basemapPlugin.ts,
 * fetched by MapLibre's worker exactly as the app's are, the same label font, the same
 * default framing), with no dataset, no links, no markers, no React. The benchmark divides
 * the app's navigation→first-idle time by this page's. It signals idle the way the app's
 * map adapter does: `data-map-idle="true"` on the map container, and `window.__atlasMap`.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { basemapPaths, defaultBounds } from 'virtual:atlas-basemap';
import { atlasStyle, basemapUrls } from '../../src/app/map/style';

maplibregl.setWorkerUrl(workerUrl);

const container = document.getElementById('map') as HTMLElement;
const map = new maplibregl.Map({
  container,
  style: atlasStyle(new URL(fontUrl, document.baseURI).href, basemapUrls(basemapPaths, document.baseURI)),
  ...(defaultBounds ? { bounds: defaultBounds, fitBoundsOptions: { padding: 40 } } : { center: [67, 32] as [number, number], zoom: 3.6 }),
  attributionControl: false,
  fadeDuration: 0,
});
(window as unknown as { __atlasMap: maplibregl.Map }).__atlasMap = map;
map.on('idle', () => container.setAttribute('data-map-idle', 'true'));
map.on('render', () => container.setAttribute('data-map-idle', 'false'));
