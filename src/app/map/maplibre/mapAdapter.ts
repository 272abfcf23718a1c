/**
 * The thin adapter between the store and MapLibre: it owns the map instance, turns MapLibre
 * and pointer events into store actions (the camera after a move, the city a reader
 * clicks) and hands the renderers what the headless map controller
 * (../controller/mapController.ts) says changed: the arc layer's state texture and style
 * (../gl/), the venue and capital markers, the capitals' points. What is drawn, and why,
 * is the controller's; this file only says where and when.
 *
 * MapLibre itself repaints only when the camera moves or the basemap arrives
 * (linkOverlay.ts says why); a window step redraws the link overlay and the markers.
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
import { selectLookup } from '../../state/selectors';
import { useAtlasStore, type AtlasState } from '../../state/store';
import type { Camera } from '../../state/viewState';
import { roundCamera } from '../../url/codec';
import { type MapChanges, MapController, type MapScene } from '../controller/mapController';
import { buildArcMesh } from '../geometry/arcMesh';
import { FlowAnimation } from '../gl/flowAnimation';
import { atlasStyle, basemapUrls, markerZoomScale, ringRadius } from '../style';
import { CapitalMarkers } from './capitalMarkers';
import { LinkOverlay } from './linkOverlay';
import { captureMapCanvas, type MapCaptureHandle } from './mapCapture';
import { capitalTooltip, MapTooltip, venueTooltip } from './mapTooltip';
import { LinkHover } from './linkHover';
import { type AtlasLinksProbe, atlasLinksProbe } from './linksProbe';
import { VenueMarkers } from './venueMarkers';

declare global {
  interface Window {
    __atlasMap?: MapLibreMap;
    __atlasLinks?: AtlasLinksProbe;
  }
}

export type { AtlasLinksProbe };

type Store = typeof useAtlasStore;

/**
 * Announced on `window` by a panel that lies over the bottom of the map (the phone's city
 * sheet, panels/CityPanel.tsx), with `detail: { bottom: px }`: a venue brought into view
 * is kept above it.
 */
export const MAP_COVERED_EVENT = 'atlas:map-covered';

let workerSet = false;

function prefersReducedMotion(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
}

/** A mounted map: its handle for the PNG export, and the function that unmounts it. */
export interface MountedAtlasMap {
  capture: MapCaptureHandle;
  unmount(): void;
}

/** Mounts the atlas map into `container`. */
export function mountAtlasMap(container: HTMLElement, store: Store = useAtlasStore): MountedAtlasMap {
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
  /** What the map draws, worked out from the store (no DOM or WebGL in it). */
  const controller = new MapController();
  window.__atlasMap = map; // test hook only: the PNG export gets the capture handle this returns

  // The adapter's own state: where MapLibre is, nothing about what is drawn (the controller's).
  /** The style has loaded: the overlay and markers can be drawn. */
  let styleLoaded = false;
  /** MapLibre has reported idle once with everything in: from then on the overlay's draws settle the map. */
  let firstIdle = false;
  /** True while the adapter itself moves the camera: such moves are not written back. */
  let movingProgrammatically = false;
  /** True while a figure's camera is on (capture.frameVenues): a resize must not re-frame the default view under it. */
  let framedForFigure = false;
  /** Set by a resize, which MapLibre wraps in movestart/moveend of its own. */
  let resized = false;
  /** Pixels at the bottom of the map a panel covers (MAP_COVERED_EVENT). */
  let coveredBottom = 0;

  const framing = (): (() => void) => {
    // The venues with meetings in the window and the capitals their links start from.
    const fit = controller.fitBounds(true);
    if (!fit) return () => {};
    const { clientWidth: width, clientHeight: height } = container;
    const corners = [map.project([fit[0], fit[1]]), map.project([fit[2], fit[3]])];
    const outside = corners.some((p) => p.x < 0 || p.y < 0 || p.x > width || p.y > height);
    if (!outside) return () => {};
    const before = { center: map.getCenter(), zoom: map.getZoom() };
    const bounds = new LngLatBounds([fit[0], fit[1]], [fit[2], fit[3]]);
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
  container.dataset.mapIdle = 'false';

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
    if (!button) {
      tooltip.hide(owner);
      return;
    }
    const b = button.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    tooltip.show(owner, b.left + b.width / 2 - c.left, b.top - c.top, text());
  };
  const markers = new VenueMarkers(map, (id) => store.getState().selectCity(id), {
    onHover: (place, count, button) => showTooltip(place, button, () => venueTooltip(place.name, count, controller.capitalAt(place.id)?.stateName ?? null)),
    onReveal: (id) => revealVenue(id),
    onShowAll: () => {
      // Every venue with meetings in the window, framed (what the edge markers and "more" stand for).
      const fit = controller.fitBounds(false);
      if (!fit) return;
      map.fitBounds(new LngLatBounds([fit[0], fit[1]], [fit[2], fit[3]]), { padding: 60, maxZoom: map.getZoom(), duration: wantsAnimation() ? 600 : 0 });
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


  // Settled means the dataset is drawn too: the map mounts while the dataset still loads.
  const ready = (): boolean => styleLoaded && store.getState().dataset !== null && controller.scene?.dataset === store.getState().dataset;
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

  // --- drawing: the controller works out what changed, the renderers draw it ----------

  const showScene = (scene: MapScene | null): void => {
    if (!scene) {
      markers.clear();
      return;
    }
    arcs.setMesh(buildArcMesh(scene.geometry.paths), scene.pairState);
    overlay.capitals.setCapitals(scene.capitals);
    capitalMarkers.setCapitals(scene.capitals);
    markers.setVenues(scene.venues);
  };

  /** Hands the renderers what the controller says changed (once the style is in). */
  const render = (changes: MapChanges, s: AtlasState): void => {
    if (changes.scene) {
      invalidate();
      showScene(controller.scene);
    }
    // (New venue markers start unselected.)
    if (changes.selection || changes.scene) markers.setSelected(s.view.city);
    if (!controller.scene) return;
    const classes = changes.pairClasses;
    if (classes === 'all' || classes.length > 0 || changes.focus) arcs.stateChanged();
    // Not settled until the overlay has drawn it, even where only the markers changed.
    if (changes.counts || changes.focus) invalidate();
    if (changes.counts) {
      markers.setRings(controller.rings, controller.ringFocus);
      // Capitals first: their labels are placed with the venues' when the venue counts land.
      capitalMarkers.setCounts(controller.participating, controller.venueCounts);
      markers.setCounts(controller.venueCounts, controller.venueCountCeiling);
      overlay.capitals.show(controller.participating);
    } else if (changes.focus) markers.setRings(controller.rings, controller.ringFocus);
    if (changes.counts || changes.focus) {
      const look = controller.arcLook;
      setArcStyle(look);
      if (look.focusActive !== (container.dataset.focusActive !== undefined)) {
        if (look.focusActive) container.dataset.focusActive = '';
        else delete container.dataset.focusActive;
      }
    }
    if (changes.scene && firstIdle) revealVenue(s.view.city);
  };

  /**
   * Hands the controller the store's state, and the renderers what changed. The controller
   * needs no style, so what the map shows (and the test probe reads) is known as soon as
   * the dataset is; the renderers wait for the style, then draw everything once.
   */
  const draw = (s: AtlasState): void => {
    const changes = controller.update({ dataset: s.dataset, view: s.view, hoveredMeeting: s.hoveredMeeting });
    if (styleLoaded) render(changes, s);
  };

  // --- link tooltip -------------------------------------------------------------------

  const linkHover = new LinkHover(container, tooltip, {
    controller,
    isMoving: () => map.isMoving(),
    view: () => {
      const c = map.getCenter();
      return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
    },
    showAbsent: () => store.getState().view.showAbsent,
  });

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
    const s = store.getState();
    controller.update({ dataset: s.dataset, view: s.view, hoveredMeeting: s.hoveredMeeting });
    render({ scene: true, pairClasses: 'all', counts: true, focus: true, selection: true }, s);
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

  const probe = atlasLinksProbe({
    controller,
    overlay,
    capitalMarkers,
    venueMarkers: markers,
    comets: () => (flow === pageFlow ? 'page' : 'worker'),
    animating: () => flow.isRunning,
    project: (lon, lat) => map.project([lon, lat]),
  });
  window.__atlasLinks = probe;

  const onZoom = (): void => {
    container.style.setProperty('--venue-scale', String(markerZoomScale(map.getZoom())));
    container.style.setProperty('--ring-r', `${ringRadius(map.getZoom()).toFixed(1)}px`);
  };
  onZoom();
  map.on('zoom', onZoom);

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
    if (s.dataset !== prev.dataset || s.view !== prev.view || s.hoveredMeeting !== prev.hoveredMeeting) draw(s);
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

  const unmount = (): void => {
    unsubscribe();
    window.removeEventListener(MAP_COVERED_EVENT, onCovered);
    reducedMotion?.removeEventListener('change', onMotionPreference);
    flow.stop(false);
    markers.clear();
    capitalMarkers.clear();
    linkHover.dispose();
    tooltip.dispose();
    overlay.dispose();
    map.remove();
    if (window.__atlasMap === map) delete window.__atlasMap;
    if (window.__atlasLinks === probe) delete window.__atlasLinks;
  };
  const capture: MapCaptureHandle = {
    container,
    capture: (pixelRatio) => captureMapCanvas(map, overlay, pixelRatio),
    frameVenues: framing,
  };
  return { capture, unmount };
}

