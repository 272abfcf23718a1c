/**
 * The thin adapter between the store and MapLibre. It owns the map instance; everything it
 * draws derives from the store (dataset, view, hovered meeting), and the only things it
 * writes back are the camera after a move and the city a reader clicks.
 *
 * Cost model (issue 6): geometry is built once per dataset, one arc per capital→venue pair
 * (links.ts), uploaded once as a static GPU mesh (arcMesh.ts, arcRenderer.ts), so it never
 * grows with meetings; a window or filter change counts the visible meetings' links per
 * pair (linkCounts.ts), writes one byte of class per pair into the state texture
 * (arcState.ts) and redraws the link overlay; a hover flags the focused meeting's few
 * pairs in the same texture; an animation frame is an overlay draw with a new time
 * uniform. MapLibre itself repaints only when the camera moves or the basemap arrives
 * (linkOverlay.ts says why). Host rings are a class on the venue markers; capitals are
 * points in the overlay.
 *
 * Test handles: `window.__atlasMap` is the map; `window.__atlasLinks` reads what the
 * overlay draws; the container gets `data-map-idle="true"` once the basemap and links are
 * in and the last change is drawn, and "false" while an update is pending, so a test can
 * act and then wait for the map to settle.
 */
import { LngLatBounds, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { basemapPaths, defaultBounds as defaultFrame } from 'virtual:atlas-basemap';
import type { Dataset, Meeting } from '../../../dataset/schema';
import { useAtlasStore, type AtlasState } from '../../state/store';
import { selectDatedMeetings, selectLookup, selectVenueCountCeiling, selectVenueCounts, selectVisibleMeetings, selectWindowPositions, sortNewestFirst } from '../../state/selectors';
import { formatMeetingDate } from '../../panels/meetingDate';
import type { Camera } from '../../state/viewState';
import { roundCamera } from '../../url/codec';
import { buildArcMesh, mercator } from '../geometry/arcMesh';
import { ARC_CLASS, focusedPairs, stateTextureSize, writeClasses, writeClassesAt, writeFocus } from '../geometry/arcState';
import { FlowAnimation } from '../gl/flowAnimation';
import { countLinks, densityOpacity, densityWidth, type LinkCounts, moveLinkCounts, type RefsAt } from '../geometry/linkCounts';
import { LinkOverlay } from './linkOverlay';
import { buildLinkGeometry, LINK_CLASS, LINK_CLASSES, type LinkGeometry } from '../geometry/links';
import { atlasStyle, basemapUrls, COLORS, markerZoomScale, ringRadius } from '../style';
import { type CapitalInfo, CapitalMarkers } from './capitalMarkers';
import { capitalTooltip, linkTooltip, MapTooltip, venueTooltip } from './mapTooltip';
import { nearestPath } from '../geometry/linkHitTest';
import { TILE_SIZE } from '../geometry/overlayProjection';
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
  /** True while the comets flow; `frames()` counts the overlay's drawn frames and the comet worker's. */
  animating(): boolean;
  frames(): number;
  /** Who draws the comets: a worker (off the main thread) or the page itself (the fallback). */
  cometsDrawnBy(): 'worker' | 'page';
  /** States whose capital is drawn, sorted. */
  capitals(): string[];
  /** Venue place ids with a host ring, sorted. */
  rings(): string[];
  /** States whose capital has a button (named, with a tooltip) now, sorted. */
  capitalButtons(): string[];
  /** Venues with meetings in the window shown as markers on the map's edge, sorted. */
  edgeVenues(): string[];
  /** A point on the drawn arc "capital>venue" (its middle vertex), in CSS pixels of the map; null when there is no such pair. */
  linkMidpoint(key: string): { x: number; y: number } | null;
}

type Store = typeof useAtlasStore;

/**
 * Announced on `window` by a panel that lies over the bottom of the map (the phone's city
 * sheet, panels/CityPanel.tsx), with `detail: { bottom: px }`: a venue brought into view
 * is kept above it.
 */
export const MAP_COVERED_EVENT = 'atlas:map-covered';

let workerSet = false;

/** The mounted map's framing for a figure (set by mountAtlasMap; see frameVenuesForFigure). */
let figureFraming: (() => () => void) | null = null;

/**
 * Frames every venue with meetings in the window for a figure (the PNG export,
 * src/app/embed/figureExport.ts): where some lie outside the view, the camera jumps to one
 * that holds them and the view, without touching the view state or the address; the
 * function it returns jumps back. A no-op when every venue is in view or no map is up.
 */
export function frameVenuesForFigure(): () => void {
  return figureFraming?.() ?? (() => {});
}

function prefersReducedMotion(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
}

/** Mounts the atlas map into `container`; returns the function that unmounts it. */
export function mountAtlasMap(container: HTMLElement, store: Store = useAtlasStore): () => void {
  if (!workerSet) {
    setWorkerUrl(workerUrl);
    workerSet = true;
  }
  const initial = store.getState();
  const defaultBounds = defaultFrame ? new LngLatBounds([defaultFrame[0], defaultFrame[1]], [defaultFrame[2], defaultFrame[3]]) : null;
  const map = new MapLibreMap({
    container,
    style: atlasStyle(new URL(fontUrl, document.baseURI).href, basemapUrls(basemapPaths, document.baseURI)),
    ...(initial.view.camera
      ? { center: [initial.view.camera.lon, initial.view.camera.lat] as [number, number], zoom: initial.view.camera.zoom }
      : defaultBounds
        ? { bounds: defaultBounds, fitBoundsOptions: { padding: 40 } }
        : { center: [68, 32] as [number, number], zoom: 4 }),
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
  /** True while a figure's camera is on (frameVenuesForFigure): a resize must not re-frame the default view under it. */
  let framedForFigure = false;
  const framing = (): (() => void) => {
    // The venues with meetings in the window and the capitals their links start from.
    const dataset = store.getState().dataset;
    const places = dataset ? selectLookup(dataset).places : new Map<string, { lon: number; lat: number }>();
    const shownCapitals = new Set(overlay.capitals.shown());
    const points: Array<{ lon: number; lat: number }> = [...markers.venuesWithMeetings()];
    for (const s of dataset?.states ?? []) {
      const p = s.capitalPlaceId === null || !shownCapitals.has(s.iso3) ? undefined : places.get(s.capitalPlaceId);
      if (p) points.push(p);
    }
    const { clientWidth: width, clientHeight: height } = container;
    const outside = points.some((v) => {
      const p = map.project([v.lon, v.lat]);
      return p.x < 0 || p.y < 0 || p.x > width || p.y > height;
    });
    if (!outside || points.length === 0) return () => {};
    const before = { center: map.getCenter(), zoom: map.getZoom() };
    const bounds = new LngLatBounds([points[0]!.lon, points[0]!.lat], [points[0]!.lon, points[0]!.lat]);
    for (const v of points) bounds.extend([v.lon, v.lat]);
    const jump = (move: () => void) => {
      movingProgrammatically = true;
      try {
        move();
      } finally {
        movingProgrammatically = false;
      }
    };
    framedForFigure = true;
    jump(() => map.fitBounds(bounds, { padding: 40, animate: false }));
    return () => {
      jump(() => map.jumpTo(before));
      framedForFigure = false;
    };
  };
  figureFraming = framing;
  container.dataset.mapIdle = 'false';

  container.style.setProperty('--link-held', COLORS.held);
  container.style.setProperty('--link-unheld', COLORS.unheld);
  const overlay = new LinkOverlay(map);
  const arcs = overlay.arcs;
  let arcStyle = { widthFactor: 1, opacity: 1, focusActive: false, animate: false };
  /** Changes the arc layer's uniforms; repaints only on a real change (a repaint per idle would never let the map settle). */
  const setArcStyle = (patch: Partial<typeof arcStyle>): void => {
    const next = { ...arcStyle, ...patch };
    if (next.widthFactor === arcStyle.widthFactor && next.opacity === arcStyle.opacity && next.focusActive === arcStyle.focusActive && next.animate === arcStyle.animate) return;
    arcStyle = next;
    arcs.setStyle(arcStyle);
    overlay.requestDraw();
  };
  // The comets: drawn by a worker where it can (no main-thread time per frame, issue 6),
  // otherwise by the overlay on the page's animation frames.
  const pageFlow = new FlowAnimation(() => overlay.draw(), (on) => setArcStyle({ animate: on }));
  let flow: Pick<FlowAnimation, 'start' | 'stop' | 'isRunning'> =
    overlay.addComets(() => {
      flow = pageFlow;
      applyAnimation();
    }) ?? pageFlow;
  const reducedMotion = prefersReducedMotion();
  // Names on hover and focus (mapTooltip.ts): venues, capitals.
  const tooltip = new MapTooltip(container);
  const showTooltip = (owner: unknown, button: HTMLElement | null, text: () => Parameters<MapTooltip['show']>[3]): void => {
    if (!button) return tooltip.hide(owner);
    const b = button.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    tooltip.show(owner, b.left + b.width / 2 - c.left, b.top - c.top, text());
  };
  /** The state whose capital a place is, by place id (a venue's tooltip says so). */
  let capitalOf = new Map<string, string>();
  const markers = new VenueMarkers(map, (id) => store.getState().selectCity(id), {
    onHover: (place, count, button) => showTooltip(place, button, () => venueTooltip(place.name, count, capitalOf.get(place.id) ?? null)),
    onReveal: (id) => revealVenue(id),
    onShowAll: () => {
      // Every venue with meetings in the window, framed (what the edge markers and "more" stand for).
      const venues = markers.venuesWithMeetings();
      if (venues.length === 0) return;
      const bounds = new LngLatBounds([venues[0]!.lon, venues[0]!.lat], [venues[0]!.lon, venues[0]!.lat]);
      for (const v of venues) bounds.extend([v.lon, v.lat]);
      map.fitBounds(bounds, { padding: 60, maxZoom: map.getZoom(), duration: wantsAnimation() ? 600 : 0 });
    },
  });
  const capitalMarkers = new CapitalMarkers(
    map,
    {
      onSelect: (iso3) => store.getState().setStateFilter(iso3),
      onHover: (info, count, button) => showTooltip(info, button, () => capitalTooltip(info.name, info.stateName, count)),
    },
    map.getCanvasContainer().querySelector('.venue-layer'),
  );
  markers.extraLabels = capitalMarkers;

  let styleLoaded = false;
  let linksFor: Dataset | null = null;
  /** True while the adapter itself moves the camera: such moves are not written back. */
  let movingProgrammatically = false;
  /** MapLibre has reported idle once with everything in: from then on the overlay's draws settle the map. */
  let firstIdle = false;

  // Settled means the dataset is drawn too: the map mounts while the dataset still loads.
  const ready = (): boolean => styleLoaded && store.getState().dataset !== null && linksFor === store.getState().dataset;
  const wantsAnimation = (): boolean => store.getState().view.animate && !(reducedMotion?.matches ?? false);

  /** Something the overlay or markers show changed: not settled until the overlay has drawn it. */
  const invalidate = (): void => {
    container.dataset.mapIdle = 'false';
    overlay.requestDraw();
  };
  /**
   * Settled: the basemap is idle (MapLibre's own test) and the overlay has drawn the last
   * change. A dataset that arrives after the basemap is idle (100k meetings take seconds to
   * parse) changes nothing inside MapLibre, so no 'idle' event follows: its first draw
   * settles the map itself, or the map would never say it is settled.
   */
  overlay.onDrawn = () => {
    if (!ready() || map.isMoving() || !map.loaded()) return;
    if (!firstIdle) {
      settleFirst();
      applyAnimation();
      if (map.isMoving()) return; // bringing a city into view: settled when that move ends
    }
    container.dataset.mapIdle = 'true';
  };


  const moveCamera = (camera: Camera | null): void => {
    movingProgrammatically = true;
    try {
      if (camera) map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
      else if (defaultBounds) map.fitBounds(defaultBounds, { padding: 40, animate: false });
    } finally {
      movingProgrammatically = false;
    }
  };

  /**
   * Brings a selected venue into view when it lies outside the map (a city chosen from a
   * list or a link, e.g. Kazan under the default framing); a venue already in view does
   * not move the map.
   */
  const revealVenue = (placeId: string | null): void => {
    const dataset = store.getState().dataset;
    const place = placeId === null || !dataset ? undefined : selectLookup(dataset).places.get(placeId);
    if (!place) return;
    const p = map.project([place.lon, place.lat]);
    const { clientWidth: width, clientHeight: height } = container;
    const margin = 40;
    // The part of the map a panel leaves visible (all of it but on phones).
    const visible = coveredBottom > 0 && height - coveredBottom >= 2 * margin ? height - coveredBottom : height;
    if (p.x >= margin && p.y >= margin && p.x <= width - margin && p.y <= visible - margin) return;
    const duration = wantsAnimation() ? 600 : 0;
    if (visible < height) map.panBy([p.x - width / 2, p.y - visible / 2], { duration });
    else map.easeTo({ center: [place.lon, place.lat], duration });
  };
  let coveredBottom = 0;
  const onCovered = (event: Event): void => {
    coveredBottom = Math.max(0, Number((event as CustomEvent<{ bottom?: number }>).detail?.bottom) || 0);
    if (firstIdle) revealVenue(store.getState().view.city);
  };
  window.addEventListener(MAP_COVERED_EVENT, onCovered);

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
    geometry = buildLinkGeometry(dataset);
    linkPaths = null;
    counts = null;
    countedPositions = null;
    const refsOf = geometry.meetingRefs;
    refsAt = selectDatedMeetings(dataset).map((m) => refsOf.get(m));
    focused = { arcs: [], rings: new Set() };
    const { width, height } = stateTextureSize(geometry.pairs.features.length);
    pairState = new Uint8Array(width * height * 4);
    arcs.setMesh(
      buildArcMesh(geometry.pairs.features.map((f) => f.geometry.coordinates)),
      pairState,
    );
    const places = new Map(dataset.places.map((p) => [p.id, p]));
    const capitals: Array<{ iso3: string; lon: number; lat: number }> = [];
    for (const s of dataset.states) {
      const p = s.capitalPlaceId === null ? undefined : places.get(s.capitalPlaceId);
      if (p) capitals.push({ iso3: s.iso3, lon: p.lon, lat: p.lat });
    }
    overlay.capitals.setCapitals(capitals);
    const capitalInfos: CapitalInfo[] = [];
    capitalOf = new Map();
    stateOfCapital = new Map();
    for (const s of dataset.states) {
      const p = s.capitalPlaceId === null ? undefined : places.get(s.capitalPlaceId);
      if (!p) continue;
      capitalInfos.push({ iso3: s.iso3, placeId: p.id, name: p.name, stateName: s.name, lon: p.lon, lat: p.lat });
      capitalOf.set(p.id, s.name);
      stateOfCapital.set(p.id, { iso3: s.iso3, name: s.name });
    }
    capitalMarkers.setCapitals(capitalInfos);
    const venueIds = new Set(dataset.meetings.map((m) => m.venuePlaceId).filter((id): id is string => id !== null));
    markers.setVenues(dataset.places.filter((p) => venueIds.has(p.id)));
    linksFor = dataset;
    lastFilterKey = '';
    lastFocusKey = '';
    applyView(store.getState());
    applyFocus(store.getState());
    if (firstIdle) revealVenue(store.getState().view.city);
  };

  // --- window and filters ---------------------------------------------------------------

  let geometry: LinkGeometry | null = null;
  let counts: LinkCounts | null = null;
  /** The window positions and filters `counts` holds (a window step moves them: moveLinkCounts). */
  let countedPositions: Int32Array | null = null;
  let countedKey = '';
  /** Link refs by window position (selectDatedMeetings' order), built with the geometry. */
  let refsAt: RefsAt = [];
  /** Per-pair state texture bytes (arcState.ts), shared with the arc layer. */
  let pairState = new Uint8Array(4);
  let visibleMeetings: readonly Meeting[] = [];
  /** Pair indices and ring venues that carry a focus flag now (cleared on the next focus change). */
  let focused: { arcs: number[]; rings: Set<string> } = { arcs: [], rings: new Set() };
  let focusActive = false;
  /** Host rings of the visible meetings: venue → class ('held' wins). */
  let rings = new Map<string, 'held' | 'unheld'>();

  /** Thinner and fainter lines as they pile up; focus dims the rest (uniforms, and a class for the rings). */
  const applyOpacity = (): void => {
    const lines = counts?.visibleArcs ?? 0;
    setArcStyle({ widthFactor: densityWidth(lines), opacity: densityOpacity(lines, 1), focusActive });
    if (focusActive !== (container.dataset.focusActive !== undefined)) {
      if (focusActive) container.dataset.focusActive = '';
      else delete container.dataset.focusActive;
    }
  };

  let lastFilterKey = '';
  /** The states of the visible meetings with a venue, with how many each attended (reused across window steps). */
  const participating = new Map<string, number>();
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
    const positions = selectWindowPositions(dataset, v);
    const countsKey = `${v.state}|${v.topic}|${v.showUndated}|${v.showAbsent}`;
    let next: LinkCounts;
    if (counts && countedPositions && countsKey === countedKey) {
      // Same filters, another window: count only the meetings that entered and left.
      next = counts;
      writeClassesAt(next, pairState, moveLinkCounts(next, refsAt, countedPositions, positions, v.showAbsent));
      writeFocus(pairState, focused.arcs, []);
    } else {
      next = countLinks(geometry, visible, v.showAbsent, counts ?? undefined);
      writeClasses(next, pairState); // clears every focus flag too
    }
    counts = next;
    countedPositions = positions;
    countedKey = countsKey;
    focused.arcs = [];
    arcs.stateChanged();
    rings = new Map();
    geometry.rings.features.forEach((ring, r) => {
      const o = r * LINK_CLASSES;
      if (next.rings[o + LINK_CLASS.held]! > 0) rings.set(ring.properties.venue, 'held');
      else if (next.rings[o + LINK_CLASS.unheld]! > 0) rings.set(ring.properties.venue, 'unheld');
    });
    markers.setRings(rings, focused.rings);
    lastFocusKey = '';
    applyFocus(s);
    applyOpacity();
    participating.clear();
    for (const m of visible) if (m.venuePlaceId !== null) for (const iso3 of m.participants) participating.set(iso3, (participating.get(iso3) ?? 0) + 1);
    const venueCounts = selectVenueCounts(visible);
    // Capitals first: their labels are placed with the venues' when the venue counts land.
    capitalMarkers.setCounts(participating, new Set(venueCounts.keys()));
    markers.setCounts(venueCounts, selectVenueCountCeiling(dataset, v));
    overlay.capitals.show(participating);
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
    const c = counts;
    const meeting = meetingId !== null ? selectLookup(dataset).meetings.get(meetingId) : undefined;
    const ringFocus = new Set<string>();
    if (c) {
      const pairs = focusedPairs(geometry, c, meeting, meetingId === null ? s.view.city : null);
      writeFocus(pairState, focused.arcs, pairs);
      arcs.stateChanged();
      // A focused meeting's host ring, or the selected venue's.
      if (meeting) {
        const refs = geometry.meetingRefs.get(meeting);
        if (refs && refs.rings.length > 0 && meeting.venuePlaceId !== null) ringFocus.add(meeting.venuePlaceId);
      } else if (meetingId === null && s.view.city !== null) ringFocus.add(s.view.city);
      focused = { arcs: pairs, rings: ringFocus };
    } else focused = { arcs: [], rings: ringFocus };
    markers.setRings(rings, focused.rings);
    focusActive = key !== '';
    applyOpacity();
  };

  // --- link tooltip -------------------------------------------------------------------

  /** Each pair's arc in Mercator x, y pairs, built on the first hover (not at load). */
  let linkPaths: Float32Array[] | null = null;
  /** The state whose capital a place is, by place id (a link starts at its capital). */
  let stateOfCapital = new Map<string, { iso3: string; name: string }>();
  let hoverPoint: { x: number; y: number } | null = null;
  let hoverFrame = 0;
  /** Past this many arcs the hit test is not worth a pointer move (100k synthetic meetings make 55k). */
  const LINK_HOVER_MAX_PAIRS = 20_000;
  const hoverLink = (): void => {
    hoverFrame = 0;
    const dataset = store.getState().dataset;
    if (!hoverPoint || !geometry || !dataset || map.isMoving() || geometry.pairs.features.length > LINK_HOVER_MAX_PAIRS) {
      tooltip.hide('link');
      return;
    }
    linkPaths ??= geometry.pairs.features.map((f) => Float32Array.from(f.geometry.coordinates.flatMap(([lon, lat]) => mercator(lon!, lat!))));
    const c = map.getCenter();
    const [cx, cy] = mercator(c.lng, c.lat);
    const view = { cx, cy, worldSize: TILE_SIZE * Math.pow(2, map.getZoom()), width: container.clientWidth, height: container.clientHeight };
    const i = nearestPath(linkPaths, (k) => pairState[k * 4] !== ARC_CLASS.hidden, hoverPoint.x, hoverPoint.y, view);
    const pair = i < 0 ? undefined : geometry.pairs.features[i]!.properties;
    const state = pair && stateOfCapital.get(pair.capital);
    const venue = pair && selectLookup(dataset).places.get(pair.venue);
    if (!pair || !state || !venue) {
      tooltip.hide('link');
      return;
    }
    const showAbsent = store.getState().view.showAbsent;
    const along = sortNewestFirst(visibleMeetings.filter((m) => m.venuePlaceId === venue.id && (m.participants.includes(state.iso3) || (showAbsent && m.absent.includes(state.iso3)))));
    tooltip.show('link', hoverPoint.x, hoverPoint.y, linkTooltip(state.name, venue.name, along.map((m) => ({ title: m.title, date: formatMeetingDate(m.date) }))), 14);
  };
  const onPointerMove = (event: PointerEvent): void => {
    // Over a venue or capital button their own tooltip speaks; links only on the bare map.
    if ((event.target as Element | null)?.closest?.('button')) {
      hoverPoint = null;
      tooltip.hide('link');
      return;
    }
    const box = container.getBoundingClientRect();
    hoverPoint = { x: event.clientX - box.left, y: event.clientY - box.top };
    if (hoverFrame === 0) hoverFrame = requestAnimationFrame(hoverLink);
  };
  const onPointerLeave = (): void => {
    hoverPoint = null;
    tooltip.hide('link');
  };
  container.addEventListener('pointermove', onPointerMove);
  container.addEventListener('pointerleave', onPointerLeave);

  // --- animation ----------------------------------------------------------------------

  const applyAnimation = (): void => {
    if (!styleLoaded) return;
    if (!wantsAnimation()) {
      flow.stop(true);
      return;
    }
    // Once the map is in; the comets draw only in the overlay, so MapLibre still reaches idle.
    if (firstIdle && !flow.isRunning) flow.start();
  };
  const onMotionPreference = (): void => applyAnimation();
  reducedMotion?.addEventListener('change', onMotionPreference);

  // --- map events ---------------------------------------------------------------------

  map.on('load', () => {
    styleLoaded = true;
    setDataset(store.getState().dataset);
    applyFocus(store.getState());
  });

  // A basemap file that fails to load leaves plain water under the links; the reason goes
  // to the console for whoever debugs it (MapLibre would log it as an error otherwise).
  map.on('error', (event) => {
    const sourceId = (event as { sourceId?: string }).sourceId;
    console.warn(`map${sourceId ? ` source "${sourceId}"` : ''}: ${event.error?.message ?? 'error'}`);
  });

  /** The first moment the basemap and the dataset's links are both in. */
  function settleFirst(): void {
    firstIdle = true;
    revealVenue(store.getState().view.city); // a city from the address, once the map is framed
  }

  map.on('idle', () => {
    if (!ready()) return;
    if (!firstIdle) settleFirst();
    if (!overlay.drawPending) container.dataset.mapIdle = 'true';
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
    frames: () => overlay.frames + overlay.cometFrames,
    cometsDrawnBy: () => (flow === pageFlow ? 'page' : 'worker'),
    capitals: () => overlay.capitals.shown(),
    rings: () => [...rings.keys()].sort(),
    capitalButtons: () => capitalMarkers.attached(),
    edgeVenues: () => markers.edgeVenues(),
    linkMidpoint: (key) => {
      const i = geometry?.pairs.features.findIndex((f) => `${f.properties.capital}>${f.properties.venue}` === key) ?? -1;
      if (i < 0) return null;
      const coords = geometry!.pairs.features[i]!.geometry.coordinates;
      const [lon, lat] = coords[Math.floor(coords.length / 2)]!;
      const p = map.project([lon!, lat!]);
      return { x: p.x, y: p.y };
    },
  };
  window.__atlasLinks = probe;

  const onZoom = (): void => {
    container.style.setProperty('--venue-scale', String(markerZoomScale(map.getZoom())));
    container.style.setProperty('--ring-r', `${ringRadius(map.getZoom()).toFixed(1)}px`);
  };
  onZoom();
  map.on('zoom', onZoom);

  /** Set by a resize, which MapLibre wraps in movestart/moveend of its own. */
  let resized = false;
  map.on('resize', () => {
    resized = true;
  });

  map.on('movestart', () => {
    tooltip.hide();
    container.dataset.mapIdle = 'false';
  });

  map.on('moveend', () => {
    markers.layoutLabels();
    if (resized) {
      // A resize is not the reader moving the map: the default view re-frames the region
      // for the new size (the page's layout settles after the map mounts), a chosen camera stays.
      resized = false;
      // (Not while a figure is framed: the capture's pixel-ratio change is a resize too.)
      if (store.getState().view.camera === null && !framedForFigure) moveCamera(null);
      return;
    }
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
    if (s.view.city !== prev.view.city && firstIdle) revealVenue(s.view.city);
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
    unsubscribe();
    window.removeEventListener(MAP_COVERED_EVENT, onCovered);
    reducedMotion?.removeEventListener('change', onMotionPreference);
    flow.stop(false);
    markers.clear();
    capitalMarkers.clear();
    container.removeEventListener('pointermove', onPointerMove);
    container.removeEventListener('pointerleave', onPointerLeave);
    cancelAnimationFrame(hoverFrame);
    tooltip.dispose();
    overlay.dispose();
    map.remove();
    if (window.__atlasMap === map) delete window.__atlasMap;
    if (figureFraming === framing) figureFraming = null;
    if (window.__atlasLinks === probe) delete window.__atlasLinks;
  };
}

