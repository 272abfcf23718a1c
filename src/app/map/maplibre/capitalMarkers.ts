/**
 * The capitals' names and hit areas. The squares themselves are drawn in the link overlay
 * (capitalPoints.ts); over each shown one sits a transparent button, named "Tehran, capital
 * of Iran, 2 meetings in the time window", that shows the tooltip on hover or keyboard
 * focus and, pressed, filters the map to that state's meetings. Their labels take part in
 * the venue labels' placement (venueMarkers.ts, labelPlacement.ts) after every venue, so
 * a capital is named where space allows and never over a venue or its name.
 *
 * A capital that is a venue with meetings in the window is left to the venue's marker.
 * Only a few dozen states take part in a window, so the buttons are placed with
 * MapLibre's own projection on camera moves.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CapitalInfo } from '../controller/mapController';
import type { LabelCandidate, LabelSide } from '../geometry/labelPlacement';
import { mercator } from '../geometry/arcMesh';
import { TILE_SIZE } from '../geometry/overlayProjection';
import { capitalSizePx } from '../gl/capitalPoints';

export type { CapitalInfo };

interface CapitalMarker {
  info: CapitalInfo;
  mx: number;
  my: number;
  button: HTMLButtonElement;
  label: HTMLSpanElement;
  count: number;
  shownCount: number;
  attached: boolean;
  placed: string;
  labelWidth: number;
  labelSide: string;
}

/** Capital hit area, CSS pixels (the square is 7 px: a finger or a shaky pointer needs more). */
const HIT = 16;

export function capitalAccessibleName(c: Pick<CapitalInfo, 'name' | 'stateName'>, count: number): string {
  return `${c.name}, capital of ${c.stateName}, ${count} meeting${count === 1 ? '' : 's'} in the time window`;
}

export class CapitalMarkers {
  private readonly markers = new Map<string, CapitalMarker>();
  readonly layer: HTMLDivElement;
  private measurer: CanvasRenderingContext2D | null | undefined;

  constructor(
    private readonly map: MapLibreMap,
    private readonly hooks: {
      onSelect(iso3: string): void;
      onHover(info: CapitalInfo, count: number, button: HTMLButtonElement | null): void;
    },
    before: Element | null,
  ) {
    this.layer = document.createElement('div');
    this.layer.className = 'capital-layer';
    // Under the venue buttons: a venue's dot and name win where both are.
    map.getCanvasContainer().insertBefore(this.layer, before);
    map.on('move', () => this.sync());
    map.on('resize', () => {
      this.size = null;
      this.sync();
    });
  }

  setCapitals(capitals: readonly CapitalInfo[]): void {
    this.clear();
    for (const info of capitals) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'capital-marker';
      button.dataset.capital = info.iso3;
      const label = document.createElement('span');
      label.className = 'capital-marker__label';
      label.textContent = info.name;
      label.setAttribute('aria-hidden', 'true');
      button.append(label);
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        this.hooks.onSelect(info.iso3);
      });
      const m: CapitalMarker = { info, ...toMercator(info), button, label, count: 0, shownCount: -1, attached: false, placed: '', labelWidth: 0, labelSide: '' };
      const show = () => this.hooks.onHover(info, m.count, button);
      const hide = () => this.hooks.onHover(info, m.count, null);
      button.addEventListener('pointerenter', show);
      // Keyboard focus shows the tooltip; a click's focus does not keep it up after the pointer leaves.
      button.addEventListener('focus', () => {
        if (button.matches(':focus-visible')) show();
      });
      button.addEventListener('pointerleave', () => {
        if (!button.matches(':focus-visible')) hide();
      });
      button.addEventListener('blur', hide);
      this.markers.set(info.iso3, m);
    }
  }

  /**
   * Meetings each state attended among the drawn ones; states with none have no button.
   * `covered` are place ids a venue marker shows (its own tooltip names the capital).
   */
  setCounts(counts: { get(iso3: string): number | undefined }, covered: { has(placeId: string): boolean }): void {
    for (const m of this.markers.values()) m.count = covered.has(m.info.placeId) ? 0 : (counts.get(m.info.iso3) ?? 0);
    this.sync();
  }

  /** Attaches the buttons of shown capitals in view and places them; cheap, a few dozen at most. */
  private sync(): void {
    if (this.markers.size === 0) return;
    const screen = this.projector();
    const { width, height } = this.containerSize();
    const size = `${Math.max(HIT, capitalSizePx(this.map.getZoom()) + 8)}px`;
    for (const m of this.markers.values()) {
      let wanted = m.count > 0;
      let x = 0;
      let y = 0;
      if (wanted) {
        ({ x, y } = screen(m));
        wanted = (x >= 0 && y >= 0 && x <= width && y <= height) || document.activeElement === m.button;
      }
      if (!wanted) {
        if (m.attached) {
          m.button.remove();
          m.attached = false;
        }
        continue;
      }
      if (m.count !== m.shownCount) {
        m.shownCount = m.count;
        m.button.setAttribute('aria-label', capitalAccessibleName(m.info, m.count));
      }
      const placed = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)`;
      if (placed !== m.placed) {
        m.placed = placed;
        m.button.style.transform = placed;
      }
      if (m.button.style.width !== size) {
        m.button.style.width = size;
        m.button.style.height = size;
      }
      if (!m.attached) {
        this.layer.append(m.button);
        m.attached = true;
      }
    }
  }

  /** The shown capitals as label candidates, after every venue (priority below any venue's). */
  labelCandidates(): LabelCandidate[] {
    const screen = this.projector();
    const r = capitalSizePx(this.map.getZoom()) / 2 + 1;
    const out: LabelCandidate[] = [];
    for (const m of this.markers.values()) {
      if (!m.attached) continue;
      if (m.labelWidth === 0) m.labelWidth = this.measure(m.info.name);
      const { x, y } = screen(m);
      out.push({ id: `capital:${m.info.iso3}`, x, y, r, width: m.labelWidth, height: 13, priority: -1 });
    }
    return out;
  }

  applyLabelSides(sides: ReadonlyMap<string, LabelSide>): void {
    for (const m of this.markers.values()) {
      if (!m.attached) continue;
      const side = sides.get(`capital:${m.info.iso3}`) ?? 'hidden';
      if (side === m.labelSide) continue;
      m.labelSide = side;
      m.button.dataset.labelSide = side;
    }
  }

  /** States whose capital button is in the page (a test handle). */
  attached(): string[] {
    return [...this.markers.values()].filter((m) => m.attached).map((m) => m.info.iso3).sort();
  }

  private projector(): (m: CapitalMarker) => { x: number; y: number } {
    // The venue markers' projection (venueMarkers.ts): the world copy nearest the centre.
    const { width, height } = this.containerSize();
    const c = this.map.getCenter();
    const [cx, cy] = mercator(c.lng, c.lat);
    const worldSize = TILE_SIZE * 2 ** this.map.getZoom();
    return (m) => ({ x: (m.mx + Math.round(cx - m.mx) - cx) * worldSize + width / 2, y: (m.my - cy) * worldSize + height / 2 });
  }

  private size: { width: number; height: number } | null = null;
  /** Read once per resize: reading it after a window step's style writes would force a layout (issue 6). */
  private containerSize(): { width: number; height: number } {
    if (this.size === null) {
      const box = this.map.getContainer().getBoundingClientRect();
      this.size = { width: box.width, height: box.height };
    }
    return this.size;
  }

  private measure(text: string): number {
    if (this.measurer === undefined) this.measurer = document.createElement('canvas').getContext('2d');
    if (!this.measurer) return text.length * 6.5;
    this.measurer.font = '400 11px "Noto Sans", system-ui, sans-serif';
    return Math.ceil(this.measurer.measureText(text).width) + 1;
  }

  clear(): void {
    for (const m of this.markers.values()) if (m.attached) m.button.remove();
    this.markers.clear();
  }
}

function toMercator(c: { lon: number; lat: number }): { mx: number; my: number } {
  const [mx, my] = mercator(c.lon, c.lat);
  return { mx, my };
}
