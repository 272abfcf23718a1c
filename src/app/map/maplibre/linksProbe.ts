/**
 * `window.__atlasLinks`: a read-only view of what the map draws, for the e2e tests and the
 * benchmark (the WebGL overlay cannot be inspected from the page otherwise).
 */
import type { MapController } from '../controller/mapController';
import { arcPath } from '../geometry/links';
import type { CapitalMarkers } from './capitalMarkers';
import type { LinkOverlay } from './linkOverlay';
import type { VenueMarkers } from './venueMarkers';

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

/** What the probe reads: the controller, the renderers, and the map's projection. */
export interface ProbeSources {
  controller: MapController;
  overlay: LinkOverlay;
  capitalMarkers: CapitalMarkers;
  venueMarkers: VenueMarkers;
  comets(): 'worker' | 'page';
  animating(): boolean;
  project(lon: number, lat: number): { x: number; y: number };
}

export function atlasLinksProbe(sources: ProbeSources): AtlasLinksProbe {
  const { controller, overlay } = sources;
  return {
    visiblePairs: () => controller.shownPairs().length,
    visibleLinks: () => controller.shownPairs().map((i) => controller.pairKey(i)).sort(),
    visibleMeetingIds: () => controller.visibleMeetings.map((m) => m.id),
    focusedPairs: () => controller.focusedPairs.length,
    focusedVenues: () => [...new Set(controller.focusedPairs.map((i) => controller.pairKey(i).split('>')[1]!))].sort(),
    animating: () => sources.animating(),
    frames: () => overlay.frames + overlay.cometFrames,
    cometsDrawnBy: () => sources.comets(),
    capitals: () => overlay.capitals.shown(),
    rings: () => [...controller.rings.present()].sort(),
    capitalButtons: () => sources.capitalMarkers.attached(),
    edgeVenues: () => sources.venueMarkers.edgeVenues(),
    linkMidpoint: (key) => {
      const geometry = controller.scene?.geometry;
      const i = geometry?.pairs.findIndex((p) => `${p.capital}>${p.venue}` === key) ?? -1;
      if (!geometry || i < 0) return null;
      const coords = arcPath(geometry.paths, i);
      const [lon, lat] = coords[Math.floor(coords.length / 2)]!;
      const p = sources.project(lon!, lat!);
      return { x: p.x, y: p.y };
    },
  };
}
