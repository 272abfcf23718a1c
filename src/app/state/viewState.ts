/**
 * The view state: everything a URL captures. One zustand store (./store.ts) holds it; the
 * URL codec (../url/) reads and writes it; the map, slider and panels derive from it.
 */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  /** Inclusive time window as YYYY-MM-DD; null means the dataset's full range. */
  from: string | null;
  to: string | null;
  /** Selected venue (place id, e.g. "kabul"); opens its panel. */
  city: string | null;
  /** Selected meeting id; highlights its links. */
  meeting: string | null;
  /** Only meetings this state attended (ISO3). */
  state: string | null;
  /** Only meetings with this topic (slug, e.g. "ttp"). */
  topic: string | null;
  /** Only meetings this person attended (their slug, e.g. "mohsin-naqvi"; see personSlug). */
  person: string | null;
  /** Draw absent states' dashed links too. */
  showAbsent: boolean;
  /** Show undated meetings on the map. */
  showUndated: boolean;
  /** Links animate unless this is false (or the user prefers reduced motion). */
  animate: boolean;
  /** Map camera; null means the default framing on Afghanistan–Pakistan. */
  camera: Camera | null;
  /** Embed mode (issue 5): map, links, slider and legend only. */
  embed: boolean;
  /** Map or list view of the same meetings. */
  view: 'map' | 'list';
}

export const DEFAULT_VIEW_STATE: ViewState = {
  from: null,
  to: null,
  city: null,
  meeting: null,
  state: null,
  topic: null,
  person: null,
  showAbsent: false,
  showUndated: false,
  animate: true,
  camera: null,
  embed: false,
  view: 'map',
};
