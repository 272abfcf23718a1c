/**
 * The thin adapter between the store and MapLibre. It owns the map instance; everything it
 * draws derives from the store (dataset, view, hovered meeting), and the only things it
 * writes back are the camera after a move and the city a reader clicks.
 *
 * Cost model (issue 6): geometry is built once per dataset (links.ts); a window or filter
 * change is six `setFilter` calls and a marker update; a hover is a few `setPaintProperty`
 * calls; an animation frame is one `setPaintProperty`.
 *
 * Test handles: `window.__atlasMap` is the map; the container gets `data-map-idle="true"`
 * after each `idle` once the basemap and links are in, and "false" while an update is
 * pending, so a test can act and then wait for the map to settle.
 */
import { LngLatBounds, Map as MapLibreMap, setWorkerUrl, type FilterSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import basemapUrl from 'world-atlas/countries-50m.json?url';
import type { FeatureCollection, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Dataset } from '../../dataset/schema';
import { useAtlasStore, type AtlasState } from '../state/store';
import { matchesFilters, resolveWindow, selectTimeExtent, selectVenueCounts, selectVisibleMeetings } from '../state/selectors';
import type { Camera } from '../state/viewState';
import { roundCamera } from '../url/codec';
import { buildBasemap, countriesBounds, DEFAULT_FRAME_COUNTRY_IDS } from './basemap';
import { FlowAnimation } from './flowAnimation';
import { focusOpacity, linkFilter, type LinkFilterInput, type LinkFocus } from './linkFilter';
import { buildMeetingLinks } from './links';
import { atlasStyle, CAPITAL_IMAGE, LAYERS, LINK_OPACITY, markerZoomScale, SOURCES } from './style';
import { VenueMarkers } from './venueMarkers';

declare global {
  interface Window {
    __atlasMap?: MapLibreMap;
  }
}

type Store = typeof useAtlasStore;
type GeoJSONSourceLike = { setData(data: unknown): unknown };

let workerSet = false;

/** Fetches and converts the basemap; the promise is shared so a remount does not refetch. */
let basemapPromise: Promise<ReturnType<typeof buildBasemap>> | null = null;
function loadBasemap(): Promise<ReturnType<typeof buildBasemap>> {
  basemapPromise ??= fetch(basemapUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`basemap: ${basemapUrl} answered HTTP ${r.status}`);
      return r.json() as Promise<Topology>;
    })
    .then(buildBasemap);
  return basemapPromise;
}

function prefersReducedMotion(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
}

/** A small dark square for capitals, drawn once (the style has no sprite: offline, no files). */
function capitalSquare(size = 7): ImageData {
  const data = new Uint8ClampedArray(size * size * 4);
  const [r, g, b] = [0x2b, 0x2d, 0x42];
  for (let i = 0; i < size * size; i++) {
    const x = i % size;
    const y = Math.floor(i / size);
    const edge = x === 0 || y === 0 || x === size - 1 || y === size - 1;
    data.set(edge ? [255, 255, 255, 255] : [r, g, b, 255], i * 4); // white rim reads on links and land
  }
  return new ImageData(data, size, size);
}

/** Mounts the atlas map into `container`; returns the function that unmounts it. */
export function mountAtlasMap(container: HTMLElement, store: Store = useAtlasStore): () => void {
  if (!workerSet) {
    setWorkerUrl(workerUrl);
    workerSet = true;
  }
  const initial = store.getState();
  const map = new MapLibreMap({
    container,
    style: atlasStyle(new URL(fontUrl, location.href).href),
    center: initial.view.camera ? [initial.view.camera.lon, initial.view.camera.lat] : [68, 32],
    zoom: initial.view.camera?.zoom ?? 4,
    minZoom: 0.5,
    maxZoom: 12,
    attributionControl: false,
    renderWorldCopies: true,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: 0,
  });
  map.touchZoomRotate.disableRotation();
  window.__atlasMap = map;
  container.dataset.mapIdle = 'false';

  const flow = new FlowAnimation(map);
  const reducedMotion = prefersReducedMotion();
  const markers = new VenueMarkers(map, (id) => store.getState().selectCity(id));

  let styleLoaded = false;
  let basemapIn = false;
  let linksFor: Dataset | null = null;
  let defaultBounds: LngLatBounds | null = null;
  /** True while the adapter itself moves the camera: such moves are not written back. */
  let movingProgrammatically = false;
  let disposed = false;

  const ready = (): boolean => styleLoaded && basemapIn && (store.getState().dataset === null || linksFor === store.getState().dataset);
  const wantsAnimation = (): boolean => store.getState().view.animate && !(reducedMotion?.matches ?? false);

  /** Something changed: the map is not settled until the next idle; pause the flow so that idle can come. */
  const invalidate = (): void => {
    container.dataset.mapIdle = 'false';
    if (flow.isRunning) flow.stop(false);
    map.triggerRepaint();
  };

  const source = (id: string): GeoJSONSourceLike => map.getSource(id) as unknown as GeoJSONSourceLike;

  const moveCamera = (camera: Camera | null): void => {
    movingProgrammatically = true;
    try {
      if (camera) map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
      else if (defaultBounds) map.fitBounds(defaultBounds, { padding: 40, animate: false });
    } finally {
      movingProgrammatically = false;
    }
  };

  const currentCamera = (): Camera => {
    const c = map.getCenter().wrap();
    return roundCamera({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
  };

  const sameCamera = (a: Camera, b: Camera): boolean => Math.abs(a.lon - b.lon) < 1e-3 && Math.abs(a.lat - b.lat) < 1e-3 && Math.abs(a.zoom - b.zoom) < 0.01;

  // --- data -----------------------------------------------------------------------------

  const setDataset = (dataset: Dataset | null): void => {
    if (!styleLoaded || dataset === linksFor) return;
    invalidate();
    if (dataset === null) {
      markers.clear();
      linksFor = null;
      return;
    }
    const links = buildMeetingLinks(dataset);
    source(SOURCES.arcs).setData(links.arcs);
    source(SOURCES.rings).setData(links.rings);
    const places = new Map(dataset.places.map((p) => [p.id, p]));
    const capitals: FeatureCollection<Point, { iso3: string }> = { type: 'FeatureCollection', features: [] };
    for (const s of dataset.states) {
      const p = s.capitalPlaceId === null ? undefined : places.get(s.capitalPlaceId);
      if (p) capitals.features.push({ type: 'Feature', properties: { iso3: s.iso3 }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
    }
    source(SOURCES.capitals).setData(capitals);
    const venueIds = new Set(dataset.meetings.map((m) => m.venuePlaceId).filter((id): id is string => id !== null));
    markers.setVenues(dataset.places.filter((p) => venueIds.has(p.id)));
    linksFor = dataset;
    lastFilterKey = '';
    applyView(store.getState());
    applyFocus(store.getState());
  };

  // --- window and filters ---------------------------------------------------------------

  /** Meeting ids the state/topic filters allow, cached per dataset and filter pair. */
  let filterIdsKey = '';
  let filterIds: string[] | null = null;
  const allowedMeetingIds = (dataset: Dataset, state: string | null, topic: string | null): string[] | null => {
    if (state === null && topic === null) return null;
    const key = `${state}|${topic}`;
    if (key !== filterIdsKey || filterIds === null) {
      filterIds = dataset.meetings.filter((m) => matchesFilters(dataset, m, { state, topic })).map((m) => m.id);
      filterIdsKey = key;
    }
    return filterIds;
  };

  let lastFilterKey = '';
  let lastCapitalsKey = '';
  const applyView = (s: AtlasState): void => {
    const dataset = s.dataset;
    if (!dataset || linksFor !== dataset) return;
    const v = s.view;
    const key = `${v.from}|${v.to}|${v.state}|${v.topic}|${v.showUndated}|${v.showAbsent}`;
    if (key === lastFilterKey) return;
    lastFilterKey = key;
    invalidate();
    const input: LinkFilterInput = {
      window: resolveWindow(v, selectTimeExtent(dataset)),
      showUndated: v.showUndated,
      showAbsent: v.showAbsent,
      meetingIds: allowedMeetingIds(dataset, v.state, v.topic),
    };
    const held = linkFilter('held', input);
    const unheld = linkFilter('unheld', input);
    map.setFilter(LAYERS.held, held);
    map.setFilter(LAYERS.flow, held);
    map.setFilter(LAYERS.unheld, unheld);
    map.setFilter(LAYERS.absent, linkFilter('absent', input));
    map.setFilter(LAYERS.ringsHeld, held);
    map.setFilter(LAYERS.ringsUnheld, unheld);

    const visible = selectVisibleMeetings(dataset, v);
    markers.setCounts(selectVenueCounts(visible));
    const participating = new Set<string>();
    for (const m of visible) if (m.venuePlaceId !== null) for (const iso3 of m.participants) participating.add(iso3);
    const list = [...participating].sort();
    const capitalsKey = list.join(',');
    if (capitalsKey !== lastCapitalsKey) {
      lastCapitalsKey = capitalsKey;
      const filter: FilterSpecification = list.length ? ['match', ['get', 'iso3'], list, true, false] : ['boolean', false];
      map.setFilter(LAYERS.capitals, filter);
    }
  };

  // --- highlight ----------------------------------------------------------------------

  let lastFocusKey = '';
  const applyFocus = (s: AtlasState): void => {
    markers.setSelected(s.view.city);
    const meetingId = s.hoveredMeeting ?? s.view.meeting;
    const focus: LinkFocus = meetingId !== null ? { meetingId } : s.view.city !== null ? { venue: s.view.city } : null;
    const key = JSON.stringify(focus);
    if (key === lastFocusKey || !styleLoaded) return;
    lastFocusKey = key;
    invalidate();
    map.setPaintProperty(LAYERS.held, 'line-opacity', focusOpacity(focus, LINK_OPACITY.held, 0.12));
    map.setPaintProperty(LAYERS.flow, 'line-opacity', focusOpacity(focus, LINK_OPACITY.flow, 0.05, 0.9));
    map.setPaintProperty(LAYERS.unheld, 'line-opacity', focusOpacity(focus, LINK_OPACITY.unheld, 0.15));
    map.setPaintProperty(LAYERS.absent, 'line-opacity', focusOpacity(focus, LINK_OPACITY.absent, 0.12));
    map.setPaintProperty(LAYERS.ringsHeld, 'circle-stroke-opacity', focusOpacity(focus, LINK_OPACITY.held, 0.15));
    map.setPaintProperty(LAYERS.ringsUnheld, 'circle-stroke-opacity', focusOpacity(focus, LINK_OPACITY.unheld, 0.15));
  };

  // --- animation ----------------------------------------------------------------------

  let firstIdle = false;
  const applyAnimation = (): void => {
    if (!styleLoaded) return;
    if (!wantsAnimation()) {
      flow.stop(true);
      return;
    }
    // Only once settled: a map that animates before its first idle never fires idle.
    if (firstIdle && container.dataset.mapIdle === 'true' && !flow.isRunning) flow.start();
  };
  const onMotionPreference = (): void => applyAnimation();
  reducedMotion?.addEventListener('change', onMotionPreference);

  // --- map events ---------------------------------------------------------------------

  map.on('load', () => {
    styleLoaded = true;
    map.addImage(CAPITAL_IMAGE, capitalSquare(), { pixelRatio: 1 });
    loadBasemap()
      .then((basemap) => {
        if (disposed) return;
        source(SOURCES.countries).setData(basemap.countries);
        source(SOURCES.borders).setData(basemap.borders);
        source(SOURCES.coasts).setData(basemap.coasts);
        source(SOURCES.countryLabels).setData(basemap.labels);
        const b = countriesBounds(basemap.countries, DEFAULT_FRAME_COUNTRY_IDS);
        if (b) defaultBounds = new LngLatBounds([b[0], b[1]], [b[2], b[3]]);
        basemapIn = true;
        invalidate();
        if (store.getState().view.camera === null) moveCamera(null);
      })
      .catch((error: unknown) => {
        // The links still draw on plain water; the reason goes to the console for whoever debugs it.
        console.warn(`basemap could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
        basemapIn = true;
      });
    setDataset(store.getState().dataset);
    applyFocus(store.getState());
  });

  map.on('idle', () => {
    if (!ready()) return;
    firstIdle = true;
    container.dataset.mapIdle = 'true';
    applyAnimation();
  });

  map.on('zoom', () => {
    container.style.setProperty('--venue-scale', String(markerZoomScale(map.getZoom())));
  });

  map.on('movestart', () => {
    container.dataset.mapIdle = 'false';
  });

  map.on('moveend', () => {
    markers.layoutLabels();
    if (movingProgrammatically) return;
    const camera = currentCamera();
    const stored = store.getState().view.camera;
    if (!stored || !sameCamera(stored, camera)) store.getState().setCamera(camera);
  });

  // --- store subscription -------------------------------------------------------------

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.dataset !== prev.dataset) setDataset(s.dataset);
    if (s.view !== prev.view) applyView(s);
    if (s.view.city !== prev.view.city || s.view.meeting !== prev.view.meeting || s.hoveredMeeting !== prev.hoveredMeeting) applyFocus(s);
    if (s.view.animate !== prev.view.animate) applyAnimation();
    if (s.view.camera !== prev.view.camera) {
      const c = s.view.camera;
      // Only moves from outside (URL, back/forward): our own writes already match the map.
      if (c === null ? prev.view.camera !== null : !sameCamera(c, currentCamera())) {
        invalidate();
        moveCamera(c);
      }
    }
  });

  return () => {
    disposed = true;
    unsubscribe();
    reducedMotion?.removeEventListener('change', onMotionPreference);
    flow.stop(false);
    markers.clear();
    map.remove();
    if (window.__atlasMap === map) delete window.__atlasMap;
  };
}

