/**
 * The peer (issue 19): the same job done the way a user would otherwise build it, with
 * deck.gl over the same MapLibre map. The same style, basemap files, font and framing as the
 * bare page (../bare/main.ts); the dataset from `data/meetings.json` (the bench serves the
 * same synthetic file it gives the atlas); an `ArcLayer` from each state's capital to the
 * venue, interleaved into MapLibre's WebGL context (`MapLibreOverlay` of `@deck.gl/maplibre`,
 * `interleaved: true`: deck.gl's integration for MapLibre 4.5–6; `@deck.gl/mapbox`'s
 * `MapboxOverlay` reads `map.transform`, which MapLibre 6 no longer exposes, and throws),
 * and the time window as a GPU filter (`DataFilterExtension`, two filter values: a link
 * shows when its meeting's [start, end] overlaps the window, the atlas's rule).
 *
 * Aggregation, like the atlas's per capital→venue pair: links that share the pair, the link
 * class (held / planned or cancelled / absent state) and the meeting's days are one arc,
 * with a count (its width). Within a window, a pair with meetings on several days draws one
 * arc per day-span, on top of each other; the atlas sums them into one line per pair. The
 * peer draws no host rings, venue markers or capitals: it does less than the atlas.
 *
 * The page answers the bench's hooks as the atlas does: `window.__atlasMap`,
 * `window.__atlasStore.getState()` with `dataset`, `setWindow(from, to)` and
 * `setAnimate(on)`, `window.__atlasLinks` (`visiblePairs()`, `frames()`), and
 * `data-map-idle` on the map container (false from a window change until MapLibre, which
 * draws deck's layer inside its own frame, is idle again). Animation, off by default: the
 * arcs' width pulses (a uniform, `widthScale`, changed every frame: the least a deck.gl
 * animation costs, a redraw with no attribute upload).
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ArcLayer } from '@deck.gl/layers';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { basemapPaths, defaultBounds } from 'virtual:atlas-basemap';
import { atlasStyle, basemapUrls } from '../../src/app/map/style';
import type { Dataset } from '../../src/dataset/schema';

maplibregl.setWorkerUrl(workerUrl);

const DAY = 86_400_000;
const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** One arc: a capital→venue pair, a link class, a day-span, and how many links share them. */
interface Arc {
  source: [number, number];
  target: [number, number];
  cls: 0 | 1 | 2;
  start: number;
  end: number;
  count: number;
}

// The atlas's link colours (src/app/map/style.ts COLORS: held, unheld, absent), RGBA.
const COLOR: Record<Arc['cls'], [number, number, number, number]> = {
  0: [0xc2, 0x30, 0x4a, 200],
  1: [0xe0, 0x8a, 0x1e, 200],
  2: [0x7d, 0x87, 0x97, 160],
};

function buildArcs(dataset: Dataset): { arcs: Arc[]; first: number; last: number } {
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const capitals = new Map(dataset.states.map((s) => [s.iso3, s.capitalPlaceId === null ? undefined : places.get(s.capitalPlaceId)]));
  const byKey = new Map<string, Arc>();
  let first = Infinity;
  let last = -Infinity;
  for (const m of dataset.meetings) {
    if (m.venuePlaceId === null || m.date.start === null || m.date.end === null) continue;
    const venue = places.get(m.venuePlaceId);
    if (!venue) continue;
    const start = dayOf(m.date.start);
    const end = dayOf(m.date.end);
    first = Math.min(first, start);
    last = Math.max(last, end);
    const held = m.status === 'held';
    const add = (iso3: string, absent: boolean) => {
      const capital = capitals.get(iso3);
      if (!capital || iso3 === venue.countryIso3 || (capital.lon === venue.lon && capital.lat === venue.lat)) return; // a host: the atlas draws a ring
      const cls: Arc['cls'] = absent ? 2 : held ? 0 : 1;
      const key = `${capital.id}>${venue.id}|${cls}|${start}|${end}`;
      const arc = byKey.get(key);
      if (arc) arc.count++;
      else byKey.set(key, { source: [capital.lon, capital.lat], target: [venue.lon, venue.lat], cls, start, end, count: 1 });
    };
    const seen = new Set<string>();
    for (const iso3 of m.participants) if (!seen.has(iso3)) { seen.add(iso3); add(iso3, false); }
    for (const iso3 of m.absent) if (!seen.has(iso3)) { seen.add(iso3); add(iso3, true); }
  }
  return { arcs: [...byKey.values()], first, last };
}

const container = document.getElementById('map') as HTMLElement;
container.setAttribute('data-map-idle', 'false');
const map = new maplibregl.Map({
  container,
  style: atlasStyle(new URL(fontUrl, document.baseURI).href, basemapUrls(basemapPaths, document.baseURI)),
  ...(defaultBounds ? { bounds: defaultBounds, fitBoundsOptions: { padding: 40 } } : { center: [67, 32] as [number, number], zoom: 3.6 }),
  attributionControl: false,
  fadeDuration: 0,
});
const hooks = window as unknown as Record<string, unknown>;
hooks.__atlasMap = map;

let frames = 0;
let drawing = false;
let loaded = false;

map.on('render', () => {
  container.setAttribute('data-map-idle', 'false');
  // deck draws its layers inside MapLibre's frame, as a custom layer (a "deck-maplibre-layer-
  // group…") in the style: from the first frame that has it (and the data), every MapLibre
  // frame draws the arcs.
  if (!drawing && loaded && map.getLayersOrder().some((id) => id.startsWith('deck'))) drawing = true;
  if (drawing) frames++;
});
map.on('idle', () => container.setAttribute('data-map-idle', 'true'));

// The documented order: the overlay joins the map once its style has loaded (before that,
// MapLibreOverlay cannot add its layer group and drops the layers it is given).
const [dataset] = await Promise.all([
  fetch(new URL('data/meetings.json', document.baseURI)).then((r) => r.json() as Promise<Dataset>),
  map.once('load'),
]);
const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
map.addControl(overlay);
const { arcs, first, last } = buildArcs(dataset);
const filter = new DataFilterExtension({ filterSize: 2 });
let range: [number, number] = [first, last];
let widthScale = 1;

function render(): void {
  const [from, to] = range;
  overlay.setProps({
    layers: [
      new ArcLayer<Arc, DataFilterExtensionProps<Arc>>({
        id: 'links',
        data: arcs,
        greatCircle: true,
        getSourcePosition: (d) => d.source,
        getTargetPosition: (d) => d.target,
        getSourceColor: (d) => COLOR[d.cls],
        getTargetColor: (d) => COLOR[d.cls],
        getHeight: 0,
        getWidth: (d) => 1 + Math.log2(d.count),
        widthUnits: 'pixels',
        widthScale,
        // Shown when start <= to and end >= from (days since 1970).
        getFilterValue: (d) => [d.start, d.end],
        filterRange: [
          [-1e7, to],
          [from, 1e7],
        ],
        extensions: [filter],
      }),
    ],
  });
}

// Arcs whose meeting overlaps the window (what the GPU filter shows): counted only when the
// bench's "links drawn" probe asks, never on a window step.
hooks.__atlasLinks = {
  visiblePairs: (): number => {
    const [from, to] = range;
    let n = 0;
    for (const a of arcs) if (a.start <= to && a.end >= from) n++;
    return drawing ? n : 0;
  },
  frames: () => frames,
};

let animating: number | null = null;
const tick = (t: number) => {
  widthScale = 1 + 0.25 * Math.sin(t / 300);
  render();
  animating = requestAnimationFrame(tick);
};

hooks.__atlasStore = {
  getState: () => ({
    dataset,
    setWindow(from: string | null, to: string | null) {
      range = [from === null ? first : dayOf(from), to === null ? last : dayOf(to)];
      container.setAttribute('data-map-idle', 'false');
      render();
    },
    setAnimate(on: boolean) {
      if (on && animating === null) animating = requestAnimationFrame(tick);
      if (!on && animating !== null) {
        cancelAnimationFrame(animating);
        animating = null;
        widthScale = 1;
        render();
      }
    },
  }),
};

render();
loaded = true;
