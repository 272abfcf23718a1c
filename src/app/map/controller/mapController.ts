/**
 * The map's logic without a DOM, MapLibre or WebGL, after OWID Grapher's TimelineController
 * (as ../../timeline/timelineController.ts is): from the dataset, the time window, the
 * filters and the focus it works out what the map draws (each capital→venue pair's class
 * and focus bytes, host rings, the capitals of the visible meetings, venue sizes) and which
 * of those changed since the last update, so that the adapter (../maplibre/mapAdapter.ts)
 * only hands changes to the renderers. Tested in node (mapController.test.ts).
 *
 * Cost model (issue 6): geometry is built once per dataset, one arc per capital→venue pair
 * (../geometry/links.ts); a window step moves the link counts by the meetings that entered
 * and left the window (../geometry/linkCounts.ts) and rewrites only the class bytes of the
 * pairs whose counts changed; a hover rewrites the focus bytes of a few pairs.
 */
import type { Dataset, Meeting, Place } from '../../../dataset/schema';
import { selectDatedMeetings, selectLookup, selectUndatedMeetings, selectVenueCountCeiling, selectVisibleMeetings, selectWindowPositions, sortNewestFirst } from '../../state/selectors';
import type { ViewState } from '../../state/viewState';
import { ARC_CLASS, focusedPairs, stateTextureSize, writeClasses, writeClassesAt, writeFocus } from '../geometry/arcState';
import { countLinks, densityOpacity, densityWidth, type LinkCounts, moveLinkCounts, type PackedRefs, packRefs } from '../geometry/linkCounts';
import { buildLinkGeometry, LINK_CLASS, LINK_CLASSES, type LinkGeometry } from '../geometry/links';
import { asCount, KeyedArray } from './keyedArray';

/** What the map is drawn from: the store's dataset, view and hovered meeting. */
export interface MapInputs {
  dataset: Dataset | null;
  view: ViewState;
  hoveredMeeting: string | null;
}

/** A state's capital as the map marks it. */
export interface CapitalInfo {
  iso3: string;
  placeId: string;
  /** The capital's name ("Islamabad") and its state's ("Pakistan"). */
  name: string;
  stateName: string;
  lon: number;
  lat: number;
}

/** What one dataset draws, built once when it arrives. */
export interface MapScene {
  dataset: Dataset;
  geometry: LinkGeometry;
  /** One RGBA texel per pair (../geometry/arcState.ts), shared with the arc renderer, rewritten in place. */
  pairState: Uint8Array;
  /** Every state's capital that the dataset places. */
  capitals: CapitalInfo[];
  /** Places where at least one meeting takes place. */
  venues: Place[];
}

/** Which parts of the drawing the last update changed (each false when nothing did). */
export interface MapChanges {
  /** A new dataset (or none): the mesh, capitals and venues are new. */
  scene: boolean;
  /**
   * Pairs whose class byte changed: a list after a window step (distinct, ascending),
   * 'all' after a recount (the whole texture was rewritten), empty otherwise.
   */
  pairClasses: readonly number[] | 'all';
  /** Link counts moved: venue sizes, host rings and capitals are to be redrawn. */
  counts: boolean;
  /** The focused meeting or venue changed, or its shown links did: focus bytes, ring focus, dimming. */
  focus: boolean;
  /** The selected venue (its marker's pressed state) changed. */
  selection: boolean;
}

/** The link layer's uniforms: thinner and fainter as lines pile up, the rest dimmed under a focus. */
export interface ArcLook {
  widthFactor: number;
  opacity: number;
  focusActive: boolean;
}

/** The filters that decide which meetings count (a change of any of them is a recount). */
type CountFilters = Pick<ViewState, 'state' | 'topic' | 'person' | 'showUndated' | 'showAbsent'>;
const COUNT_FILTERS: ReadonlyArray<keyof CountFilters> = ['state', 'topic', 'person', 'showUndated', 'showAbsent'];

const NO_CHANGES: MapChanges = { scene: false, pairClasses: [], counts: false, focus: false, selection: false };

/** The meeting or venue whose links draw strong: a hovered meeting over the selected one over the selected venue. */
function focusTarget(inputs: MapInputs): { meetingId: string | null; venueId: string | null } {
  const meetingId = inputs.hoveredMeeting ?? inputs.view.meeting;
  return { meetingId, venueId: meetingId === null ? inputs.view.city : null };
}

/** Capitals of the dataset's states, with the places that are a state's capital. */
export function capitalsOf(dataset: Dataset): CapitalInfo[] {
  const places = selectLookup(dataset).places;
  const out: CapitalInfo[] = [];
  for (const s of dataset.states) {
    const p = s.capitalPlaceId === null ? undefined : places.get(s.capitalPlaceId);
    if (p) out.push({ iso3: s.iso3, placeId: p.id, name: p.name, stateName: s.name, lon: p.lon, lat: p.lat });
  }
  return out;
}

/** Places where at least one meeting takes place, in the dataset's order. */
export function venuesOf(dataset: Dataset): Place[] {
  const ids = new Set<string>();
  for (const m of dataset.meetings) if (m.venuePlaceId !== null) ids.add(m.venuePlaceId);
  return dataset.places.filter((p) => ids.has(p.id));
}

/** Window position p's states are `states[start[p]]` up to `states[start[p + 1]]`. */
interface StatesAt {
  start: Uint32Array;
  states: Uint16Array;
}
const NO_STATES: StatesAt = { start: new Uint32Array(1), states: new Uint16Array(0) };

/** The participants of the dated meetings that have a venue, by window position, as indices into dataset.states. */
function statesByPosition(dataset: Dataset, dated: readonly Meeting[]): StatesAt {
  const index = new Map(dataset.states.map((s, i) => [s.iso3, i]));
  const start = new Uint32Array(dated.length + 1);
  const flat: number[] = [];
  dated.forEach((m, p) => {
    start[p] = flat.length;
    if (m.venuePlaceId === null) return;
    for (const iso3 of m.participants) {
      const i = index.get(iso3);
      if (i !== undefined) flat.push(i); // the schema lists every participant among the states
    }
  });
  start[dated.length] = flat.length;
  return { start, states: Uint16Array.from(flat) };
}

const RING_HELD = 1;
const RING_UNHELD = 2;
const ringClassOf = (code: number): 'held' | 'unheld' => (code === RING_HELD ? 'held' : 'unheld');

/** West, south, east, north of some points; null for none. Plain min/max, as MapLibre's LngLatBounds.extend. */
export function boundsOf(points: ReadonlyArray<{ lon: number; lat: number }>): [number, number, number, number] | null {
  if (points.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  return [w, s, e, n];
}

export class MapController {
  private sceneValue: MapScene | null = null;
  /** The dataset `update` last saw (null before the first and for none). */
  private datasetSeen: Dataset | null = null;
  private counts: LinkCounts | null = null;
  /** The window positions and filters `counts` holds (a window step moves them: moveLinkCounts). */
  private countedPositions: Int32Array | null = null;
  private countedFilters: CountFilters | null = null;
  /** The window and filters the drawing shows (null: not drawn yet). */
  private drawnView: Pick<ViewState, 'from' | 'to'> & CountFilters | null = null;
  /** Link refs by window position (selectDatedMeetings' order), packed. */
  private refsAt: PackedRefs = packRefs([]);
  /**
   * The participants of the meeting at each window position that has a venue, as indices
   * into dataset.states: a recount counts a dense window's capitals into a typed array in a
   * twentieth of the time a Map of state codes took (issue 19: 10k scrub).
   */
  private statesAt: StatesAt = NO_STATES;
  /** The venue of the meeting at each window position, as an index into dataset.places (-1: none); counted the same way. */
  private venueAt = new Int32Array(0);
  private visible: readonly Meeting[] = [];
  private focusedArcs: number[] = [];
  private focusKey: { meetingId: string | null; venueId: string | null } = { meetingId: null, venueId: null };
  private selected: string | null = null;
  /** Host ring classes by ring (geometry.rings' order): 1 held, 2 unheld, 0 none. */
  private ringClasses = new KeyedArray<'held' | 'unheld'>([], ringClassOf);
  private ringFocusValue = new Set<string>();
  /** Meetings each state attended, by dataset.states' order. */
  private participatingValue = new KeyedArray([], asCount);
  /** Meetings per venue, by dataset.places' order. */
  private venueCountsValue = new KeyedArray([], asCount);
  private venueCeilingValue = 0;

  /** Brings the drawing up to date with the inputs; says what changed. Cheap when nothing did. */
  update(inputs: MapInputs): MapChanges {
    const changes: MapChanges = { ...NO_CHANGES };
    if (inputs.view.city !== this.selected) {
      this.selected = inputs.view.city;
      changes.selection = true;
    }
    if (inputs.dataset !== this.datasetSeen) {
      this.setDataset(inputs.dataset);
      changes.scene = true;
    }
    const scene = this.sceneValue;
    if (!scene) return changes;
    const v = inputs.view;
    const drawn = this.drawnView;
    const windowOrFilters = !drawn || drawn.from !== v.from || drawn.to !== v.to || COUNT_FILTERS.some((k) => drawn[k] !== v[k]);
    if (windowOrFilters) {
      changes.pairClasses = this.recount(scene, v);
      changes.counts = true;
    }
    const target = focusTarget(inputs);
    // Focused links are the focused meeting's (or venue's) *shown* links: new counts move them too.
    if (changes.counts || target.meetingId !== this.focusKey.meetingId || target.venueId !== this.focusKey.venueId) {
      this.focusKey = target;
      this.refocus(scene, target);
      changes.focus = true;
    }
    return changes;
  }

  private setDataset(dataset: Dataset | null): void {
    this.datasetSeen = dataset;
    this.counts = null;
    this.countedPositions = null;
    this.countedFilters = null;
    this.drawnView = null;
    this.visible = [];
    this.focusedArcs = [];
    this.focusKey = { meetingId: null, venueId: null };
    this.ringFocusValue = new Set();
    if (!dataset) {
      this.sceneValue = null;
      this.refsAt = packRefs([]);
      this.statesAt = NO_STATES;
      this.venueAt = new Int32Array(0);
      this.ringClasses = new KeyedArray([], ringClassOf);
      this.participatingValue = new KeyedArray([], asCount);
      this.venueCountsValue = new KeyedArray([], asCount);
      return;
    }
    const geometry = buildLinkGeometry(dataset);
    const refsOf = geometry.meetingRefs;
    const dated = selectDatedMeetings(dataset);
    this.refsAt = packRefs(dated.map((m) => refsOf.get(m)));
    this.statesAt = statesByPosition(dataset, dated);
    const placeIndex = new Map(dataset.places.map((p, i) => [p.id, i]));
    this.venueAt = Int32Array.from(dated, (m) => (m.venuePlaceId === null ? -1 : (placeIndex.get(m.venuePlaceId) ?? -1)));
    this.ringClasses = new KeyedArray(
      geometry.rings.features.map((ring) => ring.properties.venue),
      ringClassOf,
    );
    this.participatingValue = new KeyedArray(
      dataset.states.map((s) => s.iso3),
      asCount,
    );
    this.venueCountsValue = new KeyedArray(
      dataset.places.map((p) => p.id),
      asCount,
    );
    const { width, height } = stateTextureSize(geometry.pairs.length);
    this.sceneValue = { dataset, geometry, pairState: new Uint8Array(width * height * 4), capitals: capitalsOf(dataset), venues: venuesOf(dataset) };
  }

  /** Counts the links of the window and filters; returns the pairs whose class byte changed. */
  private recount(scene: MapScene, v: ViewState): readonly number[] | 'all' {
    const { dataset, geometry, pairState } = scene;
    this.visible = selectVisibleMeetings(dataset, v);
    const positions = selectWindowPositions(dataset, v);
    const filters: CountFilters = { state: v.state, topic: v.topic, person: v.person, showUndated: v.showUndated, showAbsent: v.showAbsent };
    const counted = this.countedFilters;
    let changed: readonly number[] | 'all';
    if (this.counts && this.countedPositions && counted && COUNT_FILTERS.every((k) => counted[k] === filters[k])) {
      // Same filters, another window: count only the meetings that entered and left.
      const touched = moveLinkCounts(this.counts, this.refsAt, this.countedPositions, positions, v.showAbsent);
      changed = writeClassesAt(this.counts, pairState, touched);
    } else {
      this.counts = countLinks(geometry, this.visible, v.showAbsent, this.counts ?? undefined);
      writeClasses(this.counts, pairState); // clears every focus byte too
      this.focusedArcs = [];
      changed = 'all';
    }
    this.countedPositions = positions;
    this.countedFilters = filters;
    this.drawnView = { from: v.from, to: v.to, ...filters };

    // Rings, capitals and venue sizes are rewritten in place in typed arrays (KeyedArray):
    // a window step at 100k meetings should leave no garbage behind, which brings the
    // major collections that stall a step; and counting 18k meetings into Maps keyed by
    // state and place took 4 of a dense step's 10 ms of controller time there.
    const ringCodes = this.ringClasses.codes;
    const ringCounts = this.counts.rings;
    for (let r = 0; r < ringCodes.length; r++) {
      const o = r * LINK_CLASSES;
      ringCodes[r] = ringCounts[o + LINK_CLASS.held]! > 0 ? RING_HELD : ringCounts[o + LINK_CLASS.unheld]! > 0 ? RING_UNHELD : 0;
    }
    const perState = this.participatingValue.codes;
    perState.fill(0);
    const { start, states } = this.statesAt;
    for (const position of positions) for (let k = start[position]!; k < start[position + 1]!; k++) perState[states[k]!]!++;
    const perPlace = this.venueCountsValue.codes;
    perPlace.fill(0);
    const venueAt = this.venueAt;
    for (const position of positions) if (venueAt[position]! >= 0) perPlace[venueAt[position]!]!++;
    // Undated meetings count where they are shown (a few; not in the window positions).
    if (v.showUndated) {
      for (const m of selectUndatedMeetings(dataset, v)) {
        if (m.venuePlaceId === null) continue;
        this.venueCountsValue.setCode(m.venuePlaceId, this.venueCountsValue.codeOf(m.venuePlaceId) + 1);
        for (const iso3 of m.participants) this.participatingValue.setCode(iso3, this.participatingValue.codeOf(iso3) + 1);
      }
    }
    this.venueCeilingValue = selectVenueCountCeiling(dataset, v);
    return changed;
  }

  private refocus(scene: MapScene, target: { meetingId: string | null; venueId: string | null }): void {
    const { dataset, geometry, pairState } = scene;
    const meeting = target.meetingId !== null ? selectLookup(dataset).meetings.get(target.meetingId) : undefined;
    const pairs = this.counts ? focusedPairs(geometry, this.counts, meeting, target.venueId) : [];
    writeFocus(pairState, this.focusedArcs, pairs);
    this.focusedArcs = pairs;
    // A focused meeting's host ring, or the selected venue's.
    const ringFocus = new Set<string>();
    if (meeting) {
      const refs = geometry.meetingRefs.get(meeting);
      if (refs && refs.rings.length > 0 && meeting.venuePlaceId !== null) ringFocus.add(meeting.venuePlaceId);
    } else if (target.venueId !== null) ringFocus.add(target.venueId);
    this.ringFocusValue = ringFocus;
  }

  // --- what the map draws now ---------------------------------------------------------

  get scene(): MapScene | null {
    return this.sceneValue;
  }

  /** Meetings whose links are counted now (window, filters, undated when shown). */
  get visibleMeetings(): readonly Meeting[] {
    return this.visible;
  }

  /** Host rings of the visible meetings: venue → class ('held' wins). Rewritten in place by the next update. */
  get rings(): KeyedArray<'held' | 'unheld'> {
    return this.ringClasses;
  }

  /** Venues whose host ring draws strong (the focused meeting's, or the selected venue's). */
  get ringFocus(): ReadonlySet<string> {
    return this.ringFocusValue;
  }

  /** States of the visible meetings that have a venue, with how many each attended (their capitals show). */
  get participating(): KeyedArray<number> {
    return this.participatingValue;
  }

  /** Meetings per venue among the visible ones (dot sizes). */
  get venueCounts(): KeyedArray<number> {
    return this.venueCountsValue;
  }

  /** The count that gets the largest dot (selectVenueCountCeiling: steady across window steps). */
  get venueCountCeiling(): number {
    return this.venueCeilingValue;
  }

  get arcLook(): ArcLook {
    const lines = this.counts?.visibleArcs ?? 0;
    return { widthFactor: densityWidth(lines), opacity: densityOpacity(lines, 1), focusActive: this.focusKey.meetingId !== null || this.focusKey.venueId !== null };
  }

  /** Pair indices drawn strong now. */
  get focusedPairs(): readonly number[] {
    return this.focusedArcs;
  }

  /** Whether a pair is drawn (any class). */
  isPairShown(pair: number): boolean {
    return this.sceneValue !== null && this.sceneValue.pairState[pair * 4] !== ARC_CLASS.hidden;
  }

  /** Indices of the drawn pairs, ascending. */
  shownPairs(): number[] {
    const out: number[] = [];
    const n = this.sceneValue?.geometry.pairs.length ?? 0;
    for (let i = 0; i < n; i++) if (this.isPairShown(i)) out.push(i);
    return out;
  }

  /** "capitalPlaceId>venuePlaceId" of a pair. */
  pairKey(pair: number): string {
    const p = this.sceneValue!.geometry.pairs[pair]!;
    return `${p.capital}>${p.venue}`;
  }

  /**
   * Points the camera fits to show everything the window counts: the venues with meetings
   * and the capitals their links start from (`withCapitals`); null when there is nothing.
   */
  fitBounds(withCapitals: boolean): [number, number, number, number] | null {
    const scene = this.sceneValue;
    if (!scene) return null;
    const points: Array<{ lon: number; lat: number }> = scene.venues.filter((p) => (this.venueCountsValue.get(p.id) ?? 0) > 0);
    if (withCapitals) for (const c of scene.capitals) if (this.participatingValue.has(c.iso3)) points.push(c);
    return boundsOf(points);
  }

  /** The state whose capital a place is (two states sharing a capital, rare: the later in the dataset's list). */
  capitalAt(placeId: string): CapitalInfo | undefined {
    const scene = this.sceneValue;
    if (!scene) return undefined;
    for (let i = scene.capitals.length - 1; i >= 0; i--) if (scene.capitals[i]!.placeId === placeId) return scene.capitals[i];
    return undefined;
  }

  /** The visible meetings a link stands for (its state at its venue), newest first, for its tooltip. */
  meetingsAlong(pair: number, showAbsent: boolean): { state: CapitalInfo; venue: Place; meetings: Meeting[] } | null {
    const scene = this.sceneValue;
    const p = scene?.geometry.pairs[pair];
    if (!scene || !p) return null;
    const state = this.capitalAt(p.capital);
    const venue = selectLookup(scene.dataset).places.get(p.venue);
    if (!state || !venue) return null;
    const meetings = sortNewestFirst(this.visible.filter((m) => m.venuePlaceId === venue.id && (m.participants.includes(state.iso3) || (showAbsent && m.absent.includes(state.iso3)))));
    return { state, venue, meetings };
  }
}
