/**
 * Venue markers as real DOM buttons on the map: keyboard-reachable,
 * named for screen readers ("Kabul, 4 meetings"), and carrying their own label next to
 * their own dot, so a label can never drift onto another venue's marker. Only venues with
 * meetings in the window that lie in or near the view are in the DOM; the others are kept
 * as state and written when the camera brings them in.
 *
 * The buttons sit in one layer over the map and are placed with a 2D transform, not as
 * MapLibre `Marker`s: those carry a 3D transform and `will-change`, which makes each marker
 * a compositing layer of its own, and every layer costs main-thread time on every frame
 * that changes anything (issue 6).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Place } from '../../../dataset/schema';
import { mercator } from '../geometry/arcMesh';
import { compassWord, placeEdgeMarkers } from '../geometry/edgeMarkers';
import { LABEL_GAP, placeLabels, type LabelCandidate, type LabelSide } from '../geometry/labelPlacement';
import { TILE_SIZE } from '../geometry/overlayProjection';
import { markerZoomScale, ringRadius } from '../style';

interface VenueMarker {
  place: Place;
  /** Web Mercator 0..1 of the venue, computed once: placing a marker is then two multiplications. */
  mx: number;
  my: number;
  button: HTMLButtonElement;
  label: HTMLSpanElement;
  /** What the marker should show (kept for every venue, on the map or not). */
  count: number;
  radius: number;
  ring: 'held' | 'unheld' | undefined;
  ringFocus: boolean;
  /**
   * What the button shows now: only markers in view are kept in step, the others catch
   * up when they come into view. The element outlives detaching, so this stays true.
   */
  shown: { count: number; radius: number; ring: 'held' | 'unheld' | undefined; ringFocus: boolean };
  labelWidth: number;
  /** Last written label offset and side: unchanged values are not written again (each write restyles the marker). */
  labelOffset: string;
  labelSide: string;
  /** In the DOM: it has meetings in the window and lies in or near the view. */
  attached: boolean;
  /** Where the button was last placed (its transform), so an unmoved marker is not written again. */
  placed: string;
  /** Its dot lies outside the view (then its button is out of the tab order: the edge marker stands for it). */
  offscreen: boolean;
  /** The marker on the map's edge while the venue is outside the view (made on first need). */
  edge: EdgeMarker | null;
  /** Screen position of the dot at the last sync. */
  sx: number;
  sy: number;
}

interface EdgeMarker {
  button: HTMLButtonElement;
  arrow: HTMLSpanElement;
  count: HTMLSpanElement;
  shownCount: number;
  shownDirection: string;
  width: number;
  placed: string;
  attached: boolean;
}

/** At most this many edge markers (most meetings first); a "more" button fits the rest into view. */
export const MAX_EDGE_MARKERS = 12;
const EDGE_HEIGHT = 22;

/** Hooks the adapter gives the markers (tooltips, bringing a venue into view). */
export interface VenueMarkerHooks {
  /** The pointer or keyboard focus arrived on a venue's button (`button`), or left it (null). */
  onHover?(place: Place, count: number, button: HTMLButtonElement | null): void;
  /** An edge marker was pressed: bring this venue into view. */
  onReveal?(placeId: string): void;
  /** The "more venues outside the view" button was pressed: show every venue with meetings. */
  onShowAll?(placeIds: string[]): void;
}

/** Other labels placed together with the venues' (the capitals', capitalMarkers.ts). */
export interface ExtraLabels {
  labelCandidates(): LabelCandidate[];
  applyLabelSides(sides: ReadonlyMap<string, LabelSide>): void;
}

/** Markers this far outside the map (px) are attached already, so a pan does not show them pop in. */
const VIEW_MARGIN = 80;

/** Dot radius: grows with the meetings in the window, relative to the scale's ceiling (`setCounts`). */
export function markerRadius(count: number, maxCount: number): number {
  if (count <= 0) return 0;
  return 4 + 12 * Math.sqrt(count / Math.max(1, maxCount));
}

export function venueAccessibleName(name: string, count: number): string {
  return `${name}, ${count} meeting${count === 1 ? '' : 's'}`;
}

/** "Kazan, 1 meeting, outside the map to the north": the edge marker's name starts with the city too. */
export function edgeAccessibleName(name: string, count: number, direction: string): string {
  return `${venueAccessibleName(name, count)}, outside the map to the ${direction}`;
}

export class VenueMarkers {
  private readonly markers = new Map<string, VenueMarker>();
  /**
   * The same markers in an array, for the loops of every window step: iterating a Map
   * allocates an entry per marker per loop (at 100k meetings the largest source of a
   * step's garbage, and garbage brings the major collections that stall a step).
   */
  private list: VenueMarker[] = [];
  private selected: string | null = null;
  /** The buttons' common parent over the map (under MapLibre's controls). */
  private readonly layer: HTMLDivElement;

  /** Labels placed with the venues' (set by the adapter). */
  extraLabels: ExtraLabels | null = null;
  /** The edge layer (over the venue layer) and its "more" button. */
  private readonly edgeLayer: HTMLDivElement;
  private readonly moreButton: HTMLButtonElement;
  private moreIds: string[] = [];
  /** A venue whose edge marker was pressed from the keyboard: its own button takes focus once in view. */
  private pendingFocus: string | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onSelect: (placeId: string) => void,
    private readonly hooks: VenueMarkerHooks = {},
  ) {
    // Markers come and go with the view: only those in it are in the DOM and kept in step
    // (a window step at 10,000 meetings would otherwise restyle hundreds of off-screen
    // buttons; issue 6).
    this.layer = document.createElement('div');
    this.layer.className = 'venue-layer';
    map.getCanvasContainer().append(this.layer);
    this.edgeLayer = document.createElement('div');
    this.edgeLayer.className = 'venue-edge-layer';
    // In the map's container, not the canvas container: over everything the map draws.
    map.getContainer().append(this.edgeLayer);
    this.moreButton = document.createElement('button');
    this.moreButton.type = 'button';
    this.moreButton.className = 'venue-edge venue-edge--more';
    this.moreButton.addEventListener('click', (e) => {
      e.stopPropagation();
      this.hooks.onShowAll?.(this.moreIds);
    });
    map.on('move', () => this.syncView());
    map.on('resize', () => {
      this.size = null;
      this.syncView();
    });
  }

  /** Creates one (detached) marker per venue of the dataset. */
  setVenues(venues: readonly Place[]): void {
    this.clear();
    for (const place of venues) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'venue-marker';
      button.dataset.venue = place.id;
      const dot = document.createElement('span');
      dot.className = 'venue-marker__dot';
      dot.setAttribute('aria-hidden', 'true');
      const ring = document.createElement('span');
      ring.className = 'venue-marker__ring';
      ring.setAttribute('aria-hidden', 'true');
      const label = document.createElement('span');
      label.className = 'venue-marker__label';
      label.textContent = place.name;
      label.setAttribute('aria-hidden', 'true'); // the button's aria-label says it, with the count
      button.append(ring, dot, label);
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        this.onSelect(place.id);
      });
      const [mx, my] = mercator(place.lon, place.lat);
      const marker: VenueMarker = {
        place, mx, my, button, label,
        count: 0, radius: 0, ring: undefined, ringFocus: false,
        shown: { count: -1, radius: -1, ring: undefined, ringFocus: false },
        labelWidth: 0, labelOffset: '', labelSide: '', attached: false, placed: '',
        offscreen: false, edge: null, sx: 0, sy: 0,
      };
      // The tooltip is written when the pointer or the focus arrives, not on every window step.
      const show = () => this.hooks.onHover?.(place, marker.count, button);
      const hide = () => this.hooks.onHover?.(place, marker.count, null);
      button.addEventListener('pointerenter', show);
      // Keyboard focus shows the tooltip; a click's focus does not keep it up after the pointer leaves.
      button.addEventListener('focus', () => {
        if (button.matches(':focus-visible')) show();
      });
      button.addEventListener('pointerleave', () => {
        if (!button.matches(':focus-visible')) hide();
      });
      button.addEventListener('blur', hide);
      this.markers.set(place.id, marker);
      this.list.push(marker);
    }
  }

  /**
   * Meetings per venue in the current window and filters; venues with none leave the map.
   * `ceiling` is the count that gets the largest dot: the most any venue has in a window of
   * this length (selectVenueCountCeiling), not the busiest venue of this window, which
   * changes on most window steps and would resize (restyle, relayout, repaint) every marker.
   */
  setCounts(counts: { get(placeId: string): number | undefined }, ceiling: number): void {
    let max = ceiling;
    for (const m of this.list) {
      m.count = counts.get(m.place.id) ?? 0;
      if (m.count > max) max = m.count;
    }
    for (const m of this.list) {
      // Quarter pixels: sub-pixel changes would rewrite markers for no visible change.
      m.radius = Math.round(markerRadius(m.count, max) * 4) / 4;
    }
    this.syncView();
    this.layoutLabels();
  }

  /**
   * Host rings: a venue whose own state (or a state whose capital it is) took part gets a
   * ring around its dot, in the class of those meetings ('held' wins); `focused` venues
   * draw theirs strong while a meeting or venue is focused, the others dim (CSS).
   */
  setRings(rings: { get(placeId: string): 'held' | 'unheld' | undefined }, focused: ReadonlySet<string>): void {
    for (const m of this.list) {
      m.ring = rings.get(m.place.id);
      m.ringFocus = m.ring !== undefined && focused.has(m.place.id);
      if (m.attached) this.write(m);
    }
  }

  setSelected(placeId: string | null): void {
    if (placeId === this.selected) return;
    const prev = this.selected === null ? undefined : this.markers.get(this.selected);
    prev?.button.classList.remove('is-selected');
    prev?.button.setAttribute('aria-pressed', 'false');
    this.selected = placeId;
    const next = placeId === null ? undefined : this.markers.get(placeId);
    next?.button.classList.add('is-selected');
    next?.button.setAttribute('aria-pressed', 'true');
  }

  /**
   * Attaches the markers with meetings that lie in or near the view, detaches the rest, and
   * brings the attached ones up to date. Cheap enough for every camera frame: a projection
   * per venue, DOM writes only where something changed.
   */
  private syncView(): void {
    if (this.markers.size === 0) return;
    const { width, height } = this.containerSize();
    const scale = markerZoomScale(this.map.getZoom());
    const screen = this.screen();
    const outside: VenueMarker[] = [];
    for (const m of this.list) {
      let wanted = false;
      let x = 0;
      let y = 0;
      let offscreen = false;
      if (m.count > 0) {
        ({ x, y } = screen(m));
        offscreen = !(x >= 0 && y >= 0 && x <= width && y <= height);
        if (offscreen) {
          m.sx = x;
          m.sy = y;
          outside.push(m);
        }
        const reach = VIEW_MARGIN + m.radius * scale;
        wanted = x > -reach - m.labelWidth && y > -reach && x < width + reach + m.labelWidth && y < height + reach;
        // The button a keyboard user is on stays, even when a pan takes it out of view.
        wanted ||= m.attached && document.activeElement === m.button;
      }
      if (wanted) {
        this.write(m);
        const placed = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)`;
        if (placed !== m.placed) {
          m.placed = placed;
          m.button.style.transform = placed;
        }
        if (offscreen !== m.offscreen) {
          // Clipped by the map: out of the tab order and the accessibility tree while its edge marker stands for it.
          // (The button a keyboard user is on keeps both: it stays theirs while the map pans.)
          m.offscreen = offscreen;
          const hide = offscreen && document.activeElement !== m.button;
          m.button.tabIndex = hide ? -1 : 0;
          if (hide) m.button.setAttribute('aria-hidden', 'true');
          else m.button.removeAttribute('aria-hidden');
        }
        if (!m.attached) {
          this.layer.append(m.button);
          m.attached = true;
        }
        if (!offscreen && this.pendingFocus === m.place.id) {
          this.pendingFocus = null;
          m.button.focus();
        }
      } else if (m.attached) {
        m.button.remove();
        m.attached = false;
      }
    }
    this.syncEdges(outside, width, height);
  }

  /**
   * Venues with meetings in the window whose dot lies outside the view: a labelled marker
   * on the edge where a line from the centre to the venue leaves the view (edgeMarkers.ts),
   * pointing the way, a button like the others. The busiest MAX_EDGE_MARKERS get one; a
   * "more" button stands for the rest.
   */
  private syncEdges(outside: VenueMarker[], width: number, height: number): void {
    outside.sort((a, b) => b.count - a.count || (a.place.id < b.place.id ? -1 : 1));
    const shown = outside.slice(0, MAX_EDGE_MARKERS);
    const active = document.activeElement as HTMLElement | null;
    const focusedEdge = active?.classList.contains('venue-edge') && active.dataset.venue ? this.markers.get(active.dataset.venue) : undefined;
    if (focusedEdge && !shown.includes(focusedEdge) && focusedEdge.count > 0 && outside.includes(focusedEdge)) shown.push(focusedEdge);
    const items = shown.map((m) => {
      const edge = this.edgeOf(m);
      if (m.count !== edge.shownCount) {
        edge.count.textContent = String(m.count);
        // Arrow, gaps, the count's badge, padding and border around the measured name.
        // The name is measured once (the same width as its label on the map), not per count change.
        if (m.labelWidth === 0) m.labelWidth = this.measureLabel(m.label, m.place.name);
        edge.width = Math.ceil(m.labelWidth + Math.max(14, 6 * String(m.count).length + 8) + 38);
      }
      return { id: m.place.id, x: m.sx, y: m.sy, width: edge.width, height: EDGE_HEIGHT };
    });
    const placements = placeEdgeMarkers(items, { width, height });
    const keep = new Set<string>();
    for (const p of placements) {
      const m = this.markers.get(p.id)!;
      const edge = m.edge!;
      keep.add(p.id);
      const direction = compassWord(p.angle);
      if (m.count !== edge.shownCount || direction !== edge.shownDirection) {
        edge.shownCount = m.count;
        edge.shownDirection = direction;
        edge.button.setAttribute('aria-label', edgeAccessibleName(m.place.name, m.count, direction));
        edge.button.title = `${m.place.name}: ${m.count} meeting${m.count === 1 ? '' : 's'} in the time window, to the ${direction}. Select to bring it into view.`;
      }
      const placed = `translate(${(p.x - edge.width / 2).toFixed(1)}px, ${(p.y - EDGE_HEIGHT / 2).toFixed(1)}px)`;
      if (placed !== edge.placed) {
        edge.placed = placed;
        edge.button.style.transform = placed;
        edge.button.style.width = `${edge.width}px`;
        edge.arrow.style.transform = `rotate(${p.angle.toFixed(0)}deg)`;
      }
      if (!edge.attached) {
        this.edgeLayer.append(edge.button);
        edge.attached = true;
      }
    }
    for (const m of this.list) {
      if (m.edge?.attached && !keep.has(m.place.id)) {
        m.edge.button.remove();
        m.edge.attached = false;
      }
    }
    this.moreIds = outside.slice(MAX_EDGE_MARKERS).map((m) => m.place.id);
    if (this.moreIds.length > 0) {
      const text = `${this.moreIds.length} more venue${this.moreIds.length === 1 ? '' : 's'} outside the view`;
      if (this.moreButton.textContent !== text) this.moreButton.textContent = text;
      if (!this.moreButton.isConnected) this.edgeLayer.append(this.moreButton);
    } else if (this.moreButton.isConnected) this.moreButton.remove();
  }

  private edgeOf(m: VenueMarker): EdgeMarker {
    if (m.edge) return m.edge;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'venue-edge';
    button.dataset.venue = m.place.id;
    const arrow = document.createElement('span');
    arrow.className = 'venue-edge__arrow';
    arrow.setAttribute('aria-hidden', 'true');
    arrow.textContent = '➜';
    const name = document.createElement('span');
    name.className = 'venue-edge__name';
    name.textContent = m.place.name;
    name.setAttribute('aria-hidden', 'true');
    const count = document.createElement('span');
    count.className = 'venue-edge__count';
    count.setAttribute('aria-hidden', 'true');
    button.append(arrow, name, count);
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      // From the keyboard (a click has no pointer position), the venue's own button takes the focus once it is in view.
      if (e.detail === 0) this.pendingFocus = m.place.id;
      this.onSelect(m.place.id);
      this.hooks.onReveal?.(m.place.id);
    });
    m.edge = { button, arrow, count, shownCount: -1, shownDirection: '', width: 80, placed: '', attached: false };
    return m.edge;
  }

  /** Venue ids with an edge marker now (a test handle). */
  edgeVenues(): string[] {
    return [...this.markers.values()].filter((m) => m.edge?.attached).map((m) => m.place.id).sort();
  }

  /** Venues with meetings in the window, with their places (to frame them all). */
  venuesWithMeetings(): Place[] {
    return [...this.markers.values()].filter((m) => m.count > 0).map((m) => m.place);
  }

  /** Writes what changed since the button last showed this venue. */
  private write(m: VenueMarker): void {
    const shown = m.shown;
    if (m.count !== shown.count) {
      shown.count = m.count;
      m.button.setAttribute('aria-label', venueAccessibleName(m.place.name, m.count));
    }
    if (m.radius !== shown.radius) {
      shown.radius = m.radius;
      // Width and height, not a custom property: custom properties inherit, so changing one
      // restyles the marker's children too.
      const size = `calc(${(m.radius * 2).toFixed(1)}px * var(--venue-scale, 1))`;
      m.button.style.width = size;
      m.button.style.height = size;
    }
    if (m.ring !== shown.ring) {
      shown.ring = m.ring;
      if (m.ring === undefined) delete m.button.dataset.ring;
      else m.button.dataset.ring = m.ring;
    }
    if (m.ringFocus !== shown.ringFocus) {
      shown.ringFocus = m.ringFocus;
      if (m.ringFocus) m.button.dataset.ringFocus = '';
      else delete m.button.dataset.ringFocus;
    }
  }

  /** Re-places labels for the current camera; call after moves end and after counts change. */
  layoutLabels(): void {
    const candidates: LabelCandidate[] = [];
    const { width, height } = this.containerSize();
    // Dots shrink at world zoom so that close venues (Kabul, Islamabad) stay apart.
    const scale = markerZoomScale(this.map.getZoom());
    // Labels sit outside the host ring too.
    const ring = ringRadius(this.map.getZoom()) + 1;
    const screen = this.screen();
    for (const m of this.list) {
      if (!m.attached) continue;
      const id = m.place.id;
      const p = screen(m);
      if (p.x < -100 || p.y < -50 || p.x > width + 100 || p.y > height + 50) continue;
      if (m.labelWidth === 0) m.labelWidth = this.measureLabel(m.label, m.place.name);
      const r = m.radius * scale;
      const clearance = Math.max(r, ring);
      const offset = `${(Math.round((clearance - r + LABEL_GAP) * 2) / 2).toFixed(1)}px`;
      if (offset !== m.labelOffset) {
        m.labelOffset = offset;
        m.button.style.setProperty('--label-offset', offset);
      }
      candidates.push({ id, x: p.x, y: p.y, r: clearance, width: m.labelWidth, height: 14, priority: m.count });
    }
    if (this.extraLabels) candidates.push(...this.extraLabels.labelCandidates());
    const sides = placeLabels(candidates, { width, height });
    this.extraLabels?.applyLabelSides(sides);
    for (const [id, side] of sides) {
      const m = this.markers.get(id);
      if (!m || m.labelSide === side) continue;
      m.labelSide = side;
      m.button.dataset.labelSide = side;
    }
  }

  /**
   * Where the map shows a venue now, in CSS pixels from its top left, on the world copy
   * nearest the centre: MapLibre's projection for the north-up, unpitched map the atlas
   * draws (rotation and pitch are off), the same the link overlay uses
   * (overlayProjection.ts), without a call into MapLibre per venue.
   */
  private screen(): (m: VenueMarker) => { x: number; y: number } {
    const { width, height } = this.containerSize();
    const c = this.map.getCenter();
    const [cx, cy] = mercator(c.lng, c.lat);
    const worldSize = TILE_SIZE * 2 ** this.map.getZoom();
    return (m) => ({
      x: (m.mx + Math.round(cx - m.mx) - cx) * worldSize + width / 2,
      y: (m.my - cy) * worldSize + height / 2,
    });
  }

  /**
   * The container's size, read once per resize: reading its box on every call would force
   * a layout right after the marker style writes, on every window step.
   */
  private containerSize(): { width: number; height: number } {
    if (this.size === null) {
      const box = this.map.getContainer().getBoundingClientRect();
      this.size = { width: box.width, height: box.height };
    }
    return this.size;
  }

  private size: { width: number; height: number } | null = null;

  /** Label width from canvas text metrics in the label's font (read once), not from layout. */
  private font: string | null = null;
  private measurer: CanvasRenderingContext2D | null = null;
  private measureLabel(label: HTMLElement, text: string): number {
    if (this.measurer === null) this.measurer = document.createElement('canvas').getContext('2d');
    // A label not in the page (an edge marker's) has no computed font: the canvas would
    // measure in its 10px default and every label after it would be too short (issue 21:
    // "Islamabad" cut at a phone's edge). Read the font from a label in the page.
    if (this.font === null && label.isConnected) {
      const style = getComputedStyle(label);
      this.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    }
    if (!this.measurer || this.font === null) return text.length * 7;
    this.measurer.font = this.font ?? '12px sans-serif';
    const width = this.measurer.measureText(text).width;
    return width > 0 ? Math.ceil(width) + 1 : text.length * 7;
  }

  clear(): void {
    for (const m of this.markers.values()) {
      if (m.attached) m.button.remove();
      m.edge?.button.remove();
    }
    this.moreButton.remove();
    this.markers.clear();
    this.list = [];
    this.selected = null;
  }
}
