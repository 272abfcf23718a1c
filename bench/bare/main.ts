/**
 * The load baseline for the benchmark: MapLibre alone drawing the same Natural Earth
 * basemap file (world-atlas countries-50m, fetched as a built asset exactly as the app
 * fetches it), with no dataset, no links, no React. The benchmark divides the app's
 * navigation→first-idle time by this page's. It signals idle the way the app's map
 * adapter does: `data-map-idle="true"` on the map container, and `window.__atlasMap`.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import basemapUrl from 'world-atlas/countries-50m.json?url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

maplibregl.setWorkerUrl(workerUrl);

async function main(): Promise<void> {
  const container = document.getElementById('map') as HTMLElement;
  const topology = (await (await fetch(basemapUrl)).json()) as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries);
  const map = new maplibregl.Map({
    container,
    style: {
      version: 8,
      sources: { countries: { type: 'geojson', data: countries } },
      layers: [
        { id: 'water', type: 'background', paint: { 'background-color': '#dfe8ee' } },
        { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f2ec' } },
        { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#b9b4a8', 'line-width': 0.6 } },
      ],
    },
    // Afghanistan–Pakistan, as the app frames it by default.
    center: [67, 32],
    zoom: 3.6,
    attributionControl: false,
  });
  (window as unknown as { __atlasMap: maplibregl.Map }).__atlasMap = map;
  map.on('idle', () => container.setAttribute('data-map-idle', 'true'));
  map.on('render', () => container.setAttribute('data-map-idle', 'false'));
}

void main();
