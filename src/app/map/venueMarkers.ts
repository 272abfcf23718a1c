/**
 * Venue markers as real DOM buttons on the map (MapLibre `Marker`s): keyboard-reachable,
 * named for screen readers ("Kabul, 4 meetings"), and carrying their own label next to
 * their own dot, so a label can never drift onto another venue's marker.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { Place } from '../../dataset/schema';
import { LABEL_GAP, placeLabels, type LabelCandidate } from './labelPlacement';
import { markerZoomScale, ringRadius } from './style';

interface VenueMarker {
  place: Place;
  marker: Marker;
  button: HTMLButtonElement;
  label: HTMLSpanElement;
  count: number;
  radius: number;
  labelWidth: number;
  /** Last written label offset and side: unchanged values are not written again (each write restyles the marker). */
  labelOffset: string;
  labelSide: string;
  /** On the map (a MapLibre marker); hidden, not removed, while it has no meetings. */
  added: boolean;
}

/** Dot radius: area proportional to meetings in the window, relative to the busiest venue. */
export function markerRadius(count: number, maxCount: number): number {
  if (count <= 0) return 0;
  return 4 + 12 * Math.sqrt(count / Math.max(1, maxCount));
}

export function venueAccessibleName(name: string, count: number): string {
  return `${name}, ${count} meeting${count === 1 ? '' : 's'}`;
}

export class VenueMarkers {
  private readonly markers = new Map<string, VenueMarker>();
  private selected: string | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onSelect: (placeId: string) => void,
  ) {}

  /** Creates one (hidden) marker per venue of the dataset. */
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
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        this.onSelect(place.id);
      });
      const marker = new Marker({ element: button, anchor: 'center' }).setLngLat([place.lon, place.lat]);
      this.markers.set(place.id, { place, marker, button, label, count: -1, radius: 0, labelWidth: 0, labelOffset: '', labelSide: '', added: false });
    }
  }

  /** Meetings per venue in the current window and filters; venues with none leave the map. */
  setCounts(counts: ReadonlyMap<string, number>): void {
    let max = 0;
    for (const n of counts.values()) max = Math.max(max, n);
    for (const [id, m] of this.markers) {
      const count = counts.get(id) ?? 0;
      const radius = markerRadius(count, max);
      if (count === m.count && radius === m.radius) continue;
      // Shown and hidden, not added and removed: re-inserting hundreds of markers into the
      // DOM on a window step restyles and repositions each of them (issue 6).
      if (count === 0) m.button.hidden = true;
      else if (m.count <= 0) {
        if (!m.added) {
          m.marker.addTo(this.map);
          m.added = true;
        }
        m.button.hidden = false;
      }
      m.count = count;
      m.radius = radius;
      m.button.setAttribute('aria-label', venueAccessibleName(m.place.name, count));
      m.button.title = venueAccessibleName(m.place.name, count);
      // Width and height, not a custom property: custom properties inherit, so changing one
      // restyles the marker's children too, for every marker, on every window step.
      const size = `calc(${(radius * 2).toFixed(1)}px * var(--venue-scale, 1))`;
      m.button.style.width = size;
      m.button.style.height = size;
    }
    this.layoutLabels();
  }

  /**
   * Host rings: a venue whose own state (or a state whose capital it is) took part gets a
   * ring around its dot, in the class of those meetings ('held' wins); `focused` venues
   * draw theirs strong while a meeting or venue is focused, the others dim (CSS).
   */
  setRings(rings: ReadonlyMap<string, 'held' | 'unheld'>, focused: ReadonlySet<string>): void {
    for (const [id, m] of this.markers) {
      const ring = rings.get(id);
      if (ring === undefined) {
        if (m.button.dataset.ring !== undefined) delete m.button.dataset.ring;
      } else if (m.button.dataset.ring !== ring) m.button.dataset.ring = ring;
      const focus = ring !== undefined && focused.has(id);
      if (focus !== (m.button.dataset.ringFocus !== undefined)) {
        if (focus) m.button.dataset.ringFocus = '';
        else delete m.button.dataset.ringFocus;
      }
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

  /** Re-places labels for the current camera; call after moves end and after counts change. */
  layoutLabels(): void {
    const candidates: LabelCandidate[] = [];
    const container = this.map.getContainer();
    // The container's size is read once per resize: reading its box on every call would
    // force a layout right after the marker style writes, on every window step.
    if (this.size === null) {
      const box = container.getBoundingClientRect();
      this.size = { width: box.width, height: box.height };
    }
    const { width, height } = this.size;
    // Dots shrink at world zoom so that close venues (Kabul, Islamabad) stay apart.
    const scale = markerZoomScale(this.map.getZoom());
    // Labels sit outside the host ring too.
    const ring = ringRadius(this.map.getZoom()) + 1;
    for (const [id, m] of this.markers) {
      if (m.count <= 0) continue;
      const p = this.map.project([m.place.lon, m.place.lat]);
      if (p.x < -100 || p.y < -50 || p.x > width + 100 || p.y > height + 50) continue;
      if (m.labelWidth === 0) m.labelWidth = this.measureLabel(m.label, m.place.name);
      const r = m.radius * scale;
      const clearance = Math.max(r, ring);
      const offset = `${(clearance - r + LABEL_GAP).toFixed(1)}px`;
      if (offset !== m.labelOffset) {
        m.labelOffset = offset;
        m.button.style.setProperty('--label-offset', offset);
      }
      candidates.push({ id, x: p.x, y: p.y, r: clearance, width: m.labelWidth, height: 14, priority: m.count });
    }
    const sides = placeLabels(candidates);
    for (const [id, side] of sides) {
      const m = this.markers.get(id)!;
      if (m.labelSide === side) continue;
      m.labelSide = side;
      m.button.dataset.labelSide = side;
    }
  }

  private size: { width: number; height: number } | null = null;
  /** The map was resized: the next layout reads the container's size again. */
  invalidateSize(): void {
    this.size = null;
  }

  /** Label width from canvas text metrics in the label's font (read once), not from layout. */
  private font: string | null = null;
  private measurer: CanvasRenderingContext2D | null = null;
  private measureLabel(label: HTMLElement, text: string): number {
    if (this.measurer === null) {
      this.measurer = document.createElement('canvas').getContext('2d');
      const style = getComputedStyle(label);
      this.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    }
    if (!this.measurer) return text.length * 7;
    this.measurer.font = this.font ?? '12px sans-serif';
    const width = this.measurer.measureText(text).width;
    return width > 0 ? Math.ceil(width) + 1 : text.length * 7;
  }

  clear(): void {
    for (const m of this.markers.values()) m.marker.remove();
    this.markers.clear();
    this.selected = null;
  }
}
