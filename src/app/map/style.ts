/**
 * The MapLibre style of the atlas: a calm basemap (light land, pale water, thin borders) so
 * that the links stand out, from GeoJSON files the build writes (src/build/basemapPlugin.ts),
 * fetched by MapLibre's worker. The links, capitals and host rings are not MapLibre layers: they
 * draw in the link overlay and on the venue markers, so a window step never repaints the
 * basemap (linkOverlay.ts). Shared sizes live here, colours in ../palette.ts.
 *
 * Offline by construction: no `glyphs` URL, no sprite, no tiles. Labels draw from a woff2
 * declared in `font-faces`.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { PALETTE } from '../palette';

export const FONT = 'Noto Sans Regular';

/** A "#rrggbb" colour as 0..1 channels (shader uniforms). */
export function rgbUnit(hex: string): [number, number, number] {
  return [parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255];
}

/** Source ids. */
export const SOURCES = { countries: 'countries', borders: 'borders', coasts: 'coasts', countryLabels: 'country-labels' } as const;

/**
 * Venue dots scale with zoom (venueMarkers.ts: 0.5 at zoom 1 to 1 at zoom 5, at most 16 px
 * radius at full size); a host ring sits just outside the largest dot so it is never hidden.
 */
export function markerZoomScale(zoom: number): number {
  return Math.max(0.5, Math.min(1, 0.5 + (zoom - 1) * 0.125));
}
/** The host ring's radius in CSS pixels at a zoom (11 at zoom 1 to 20 at zoom 5): labels keep outside it. */
export function ringRadius(zoom: number): number {
  return Math.max(11, Math.min(20, 11 + ((zoom - 1) * 9) / 4));
}

/**
 * Link width in CSS pixels at a zoom (1 px at zoom 1, 1.8 at 5, 2.6 at 8, linear between),
 * times `factor` (the adapter thins dense windows with it). A uniform of the links' shader.
 */
export function linkWidthPx(zoom: number, factor = 1): number {
  const stops: Array<[number, number]> = [
    [1, 1],
    [5, 1.8],
    [8, 2.6],
  ];
  if (zoom <= stops[0]![0]) return stops[0]![1] * factor;
  for (let i = 1; i < stops.length; i++) {
    const [z0, w0] = stops[i - 1]!;
    const [z1, w1] = stops[i]!;
    if (zoom <= z1) return (w0 + ((zoom - z0) / (z1 - z0)) * (w1 - w0)) * factor;
  }
  return stops[stops.length - 1]![1] * factor;
}

/** Absolute URLs of the basemap's GeoJSON files (src/build/basemapPlugin.ts writes them). */
export interface BasemapUrls {
  countries: string;
  borders: string;
  coasts: string;
  labels: string;
}

/** The basemap files' paths (relative to the page, as the build writes them) as absolute URLs, which MapLibre's worker needs. */
export function basemapUrls(paths: BasemapUrls, base: string): BasemapUrls {
  const absolute = (path: string): string => new URL(path, base).href;
  return { countries: absolute(paths.countries), borders: absolute(paths.borders), coasts: absolute(paths.coasts), labels: absolute(paths.labels) };
}

export function atlasStyle(fontUrl: string, basemap: BasemapUrls): StyleSpecification {
  const layers: LayerSpecification[] = [
    { id: 'water', type: 'background', paint: { 'background-color': PALETTE.water } },
    { id: 'land', type: 'fill', source: SOURCES.countries, paint: { 'fill-color': PALETTE.land, 'fill-antialias': false } },
    { id: 'coasts', type: 'line', source: SOURCES.coasts, paint: { 'line-color': PALETTE.coast, 'line-width': 0.6 } },
    { id: 'borders', type: 'line', source: SOURCES.borders, paint: { 'line-color': PALETTE.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 0.9] } },
    {
      id: 'country-labels',
      type: 'symbol',
      source: SOURCES.countryLabels,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 1, 9, 5, 12, 8, 14],
        'text-max-width': 7,
        'text-letter-spacing': 0.04,
        // Big countries first; small ones appear as the reader zooms in.
        'symbol-sort-key': ['-', ['get', 'area']],
        'text-padding': 4,
      },
      paint: { 'text-color': PALETTE.countryLabel, 'text-halo-color': PALETTE.land, 'text-halo-width': 1 },
    },
  ];
  return {
    version: 8,
    name: 'Security Meetings Atlas',
    'font-faces': {
      [FONT]: [
        {
          url: fontUrl,
          // Natural Earth's country names need only Latin-1 (checked against countries-50m).
          'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212', 'U+FEFF', 'U+FFFD'],
        },
      ],
    },
    sources: {
      // Fetched and parsed by MapLibre's worker, off the main thread. Natural Earth 50m has
      // no detail past zoom 6: deeper tiles are overzoomed, not cut again.
      [SOURCES.countries]: { type: 'geojson', data: basemap.countries, maxzoom: 6 },
      [SOURCES.borders]: { type: 'geojson', data: basemap.borders, maxzoom: 6 },
      [SOURCES.coasts]: { type: 'geojson', data: basemap.coasts, maxzoom: 6 },
      [SOURCES.countryLabels]: { type: 'geojson', data: basemap.labels, maxzoom: 6 },
    },
    layers,
  };
}
