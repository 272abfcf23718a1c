/**
 * The thin adapter between the store and MapLibre. It owns the map instance; everything it
 * draws derives from the store (dataset, view, hovered meeting), and the only things it
 * writes back are the camera after a move and the city a reader clicks.
 *
 * Cost model (issue 6): geometry is built once per dataset, one arc per capital→venue pair
 * (links.ts), uploaded once as a static GPU mesh (arcMesh.ts, arcLayer.ts), so it never
 * grows with meetings; a window or filter change counts the visible meetings' links per
 * pair (linkCounts.ts), writes one byte of class per pair into the state texture
 * (arcState.ts) and repaints; a hover flags the focused meeting's few pairs in the same
 * texture; an animation frame is a repaint with a new time uniform. No setData, no
 * re-tiling, no geometry upload after the dataset is in. (Host rings and capitals stay
 * small GeoJSON layers, filtered by id.)
 *
 * Test handles: `window.__atlasMap` is the map; `window.__atlasLinks` reads what the arc
 * layer draws (custom layers have no queryRenderedFeatures); the container gets
 * `data-map-idle="true"` after each `idle` once the basemap and links are in, and "false"
 * while an update is pending, so a test can act and then wait for the map to settle.
 */
import { LngLatBounds, Map as MapLibreMap, setWorkerUrl, type FilterSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import basemapUrl from 'world-atlas/countries-50m.json?url';
import type { FeatureCollection, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Dataset } from '../../dataset/schema';
import { useAtlasStore, type AtlasState } from '../state/store';
import { selectLookup, selectVenueCounts, selectVisibleMeetings } from '../state/selectors';
import type { Camera } from '../state/viewState';
import { roundCamera } from '../url/codec';
import { buildBasemap, countriesBounds, DEFAULT_FRAME_COUNTRY_IDS } from './basemap';
import { ArcLayer } from './arcLayer';
import { buildArcMesh } from './arcMesh';
import { ARC_CLASS, focusedPairs, stateTextureSize, writeClasses, writeFocus } from './arcState';
import { FlowAnimation } from './flowAnimation';
import { countLinks, densityOpacity, densityWidth, idFilter, visibleIds, type LinkCounts } from './linkCounts';
import { buildLinkGeometry, LINK_CLASS, LINK_CLASSES, type LinkGeometry } from './links';
import { atlasStyle, CAPITAL_IMAGE, LAYERS, LINK_OPACITY, markerZoomScale, SOURCES } from './style';
import { VenueMarkers } from './venueMarkers';

declare global {
  interface Window {
    __atlasMap?: MapLibreMap;
    __atlasLinks?: AtlasLinksProbe;
  }
}

/** Read-only view of what the arc layer draws, for tests and the benchmark. */
export interface AtlasLinksProbe {
  /** Pairs drawn (any class). */
  visiblePairs(): number;
  /** Drawn pairs as "capitalPlaceId>venuePlaceId", sorted. */
  visibleLinks(): string[];
  /** Ids of the meetings whose links are counted now (window and filters). */
  visibleMeetingIds(): string[];
  /** Pairs flagged as focused (hovered or selected meeting, or selected venue). */
  focusedPairs(): number;
  /** Venue place ids of the focused pairs, sorted and distinct. */
  focusedVenues(): string[];
  /** True while the comets flow; `frames()` counts the layer's drawn frames. */
  animating(): boolean;
  frames(): number;
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

  const arcs = new ArcLayer();
  let arcStyle = { widthFactor: 1, opacity: 1, focusActive: false, animate: false };
  /** Changes the arc layer's uniforms; repaints only on a real change (a repaint per idle would never let the map settle). */
  const setArcStyle = (patch: Partial<typeof arcStyle>): void => {
    const next = { ...arcStyle, ...patch };
    if (next.widthFactor === arcStyle.widthFactor && next.opacity === arcStyle.opacity && next.focusActive === arcStyle.focusActive && next.animate === arcStyle.animate) return;
    arcStyle = next;
    arcs.setStyle(arcStyle);
  };
  const flow = new FlowAnimation(map, (on) => setArcStyle({ animate: on }));
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
    map.removeFeatureState({ source: SOURCES.rings });
    geometry = buildLinkGeometry(dataset);
    counts = null;
    focused = { arcs: [], rings: [] };
    const { width, height } = stateTextureSize(geometry.pairs.features.length);
    pairState = new Uint8Array(width * height * 4);
    arcs.setMesh(
      buildArcMesh(geometry.pairs.features.map((f) => f.geometry.coordinates)),
      pairState,
    );
    source(SOURCES.rings).setData(geometry.rings);
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
    lastFocusKey = '';
    lastFilters.clear();
    applyView(store.getState());
    applyFocus(store.getState());
  };

  // --- window and filters ---------------------------------------------------------------

  let geometry: LinkGeometry | null = null;
  let counts: LinkCounts | null = null;
  /** Per-pair state texture bytes (arcState.ts), shared with the arc layer. */
  let pairState = new Uint8Array(4);
  let visibleMeetings: readonly { id: string }[] = [];
  /** Feature ids that carry a focus flag now (cleared on the next focus change). */
  let focused: { arcs: number[]; rings: number[] } = { arcs: [], rings: [] };
  let focusActive = false;

  /** Sets a layer's filter when it differs from the last one set (a filter change relayouts its source). */
  const lastFilters = new Map<string, readonly number[]>();
  const sameIds = (a: readonly number[] | undefined, b: readonly number[]): boolean => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
  const setIdFilter = (layer: string, ids: readonly number[]): void => {
    if (sameIds(lastFilters.get(layer), ids)) return;
    lastFilters.set(layer, ids);
    map.setFilter(layer, idFilter(ids), { validate: false }); // built here, valid by construction; validating 3k labels costs ms
  };
  /** Constant opacities: thinner out as lines pile up; dimmed while something is focused (uniforms and two ring opacities). */
  let lastOpacityKey = '';
  const applyOpacity = (): void => {
    const lines = counts?.visibleArcs ?? 0;
    setArcStyle({ widthFactor: densityWidth(lines), opacity: densityOpacity(lines, 1), focusActive });
    const values: Array<[string, number]> = [
      [LAYERS.ringsHeld, focusActive ? 0.15 : LINK_OPACITY.held],
      [LAYERS.ringsUnheld, focusActive ? 0.15 : LINK_OPACITY.unheld],
    ];
    const key = values.map((v) => v[1]).join(',');
    if (key === lastOpacityKey) return;
    lastOpacityKey = key;
    for (const [layer, value] of values) map.setPaintProperty(layer, 'circle-stroke-opacity', value);
  };

  let lastFilterKey = '';
  let lastCapitalsKey = '';
  const applyView = (s: AtlasState): void => {
    const dataset = s.dataset;
    if (!dataset || linksFor !== dataset || !geometry) return;
    const v = s.view;
    const key = `${v.from}|${v.to}|${v.state}|${v.topic}|${v.showUndated}|${v.showAbsent}`;
    if (key === lastFilterKey) return;
    lastFilterKey = key;
    invalidate();
    const visible = selectVisibleMeetings(dataset, v);
    visibleMeetings = visible;
    const next = countLinks(geometry, visible, v.showAbsent);
    counts = next;
    const { held, unheld } = LINK_CLASS;
    writeClasses(next, pairState);
    focused.arcs = []; // writeClasses cleared every focus flag
    arcs.stateChanged();
    setIdFilter(LAYERS.ringsHeld, visibleIds(next.rings, [held]));
    setIdFilter(LAYERS.ringsUnheld, visibleIds(next.rings, [unheld]));
    lastFocusKey = '';
    applyFocus(s);
    applyOpacity();
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
    const dataset = s.dataset;
    if (!styleLoaded || !geometry || !dataset || linksFor !== dataset) return;
    const meetingId = s.hoveredMeeting ?? s.view.meeting;
    const key = meetingId !== null ? `m:${meetingId}` : s.view.city !== null ? `v:${s.view.city}` : '';
    if (key === lastFocusKey) return;
    lastFocusKey = key;
    invalidate();
    for (const id of focused.rings) map.setFeatureState({ source: SOURCES.rings, id }, { f: 0 });
    // Rings: f is the class the focused ring is drawn in (1 held, 2 planned/cancelled);
    // only rings the window and filters show get a flag, so the focus layer needs no filter.
    const c = counts;
    const meeting = meetingId !== null ? selectLookup(dataset).meetings.get(meetingId) : undefined;
    if (c) {
      const pairs = focusedPairs(geometry, c, meeting, meetingId === null ? s.view.city : null);
      writeFocus(pairState, focused.arcs, pairs);
      arcs.stateChanged();
      focused = { arcs: pairs, rings: [] };
    } else focused = { arcs: [], rings: [] };
    const flag = (source: string, into: number[], id: number, f: number): void => {
      into.push(id);
      map.setFeatureState({ source, id }, { f });
    };
    const refs = meeting ? geometry.meetingRefs.get(meeting) : undefined;
    if (refs && c) {
      for (const ref of refs.rings) if (c.rings[ref]! > 0) flag(SOURCES.rings, focused.rings, Math.floor(ref / LINK_CLASSES), (ref % LINK_CLASSES) + 1);
    } else if (meetingId === null && s.view.city !== null && c) {
      const venue = geometry.venueLinks.get(s.view.city);
      const classOf = (counts: Uint32Array, id: number): number => {
        for (let k = 0; k < LINK_CLASSES; k++) if (counts[id * LINK_CLASSES + k]! > 0) return k + 1;
        return 0;
      };
      if (venue && venue.ring !== null) {
        const f = classOf(c.rings, venue.ring);
        if (f) flag(SOURCES.rings, focused.rings, venue.ring, f);
      }
    }
    focusActive = key !== '';
    applyOpacity();
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
    map.addLayer(arcs, LAYERS.ringsUnheld);
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

  const probe: AtlasLinksProbe = {
    visiblePairs: () => {
      let n = 0;
      for (let i = 0; i < (geometry?.pairs.features.length ?? 0); i++) if (pairState[i * 4] !== ARC_CLASS.hidden) n++;
      return n;
    },
    visibleLinks: () => {
      const out: string[] = [];
      const features = geometry?.pairs.features ?? [];
      for (let i = 0; i < features.length; i++) if (pairState[i * 4] !== ARC_CLASS.hidden) out.push(`${features[i]!.properties.capital}>${features[i]!.properties.venue}`);
      return out.sort();
    },
    visibleMeetingIds: () => visibleMeetings.map((m) => m.id),
    focusedPairs: () => focused.arcs.length,
    focusedVenues: () => [...new Set(focused.arcs.map((i) => geometry!.pairs.features[i]!.properties.venue))].sort(),
    animating: () => flow.isRunning,
    frames: () => arcs.frames,
  };
  window.__atlasLinks = probe;

  map.on('zoom', () => {
    container.style.setProperty('--venue-scale', String(markerZoomScale(map.getZoom())));
  });

  map.on('resize', () => markers.invalidateSize());

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
    if (window.__atlasLinks === probe) delete window.__atlasLinks;
  };
}

