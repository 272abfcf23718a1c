/**
 * The link tooltip: on a pointer move over the bare map (not over a marker's button), the
 * nearest drawn link within reach names its state, its venue and the meetings it stands
 * for. At most one hit test per animation frame; none while the map moves.
 */
import { formatMeetingDate } from '../../panels/meetingDate';
import type { MapController } from '../controller/mapController';
import { mercator } from '../geometry/arcMesh';
import { nearestPath } from '../geometry/linkHitTest';
import { arcPath } from '../geometry/links';
import { TILE_SIZE } from '../geometry/overlayProjection';
import { linkTooltip, type MapTooltip } from './mapTooltip';

/** Past this many arcs the hit test is not worth a pointer move (100k synthetic meetings make 55k). */
const LINK_HOVER_MAX_PAIRS = 20_000;

export interface LinkHoverSources {
  controller: MapController;
  isMoving(): boolean;
  /** The map's centre and zoom now. */
  view(): { lon: number; lat: number; zoom: number };
  showAbsent(): boolean;
}

export class LinkHover {
  private point: { x: number; y: number } | null = null;
  private frame = 0;
  /** Each pair's arc in Mercator x, y pairs, built on the first hover (not at load) for the scene it was built for. */
  private paths: { scene: unknown; paths: Float32Array[] } | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly tooltip: MapTooltip,
    private readonly sources: LinkHoverSources,
  ) {
    container.addEventListener('pointermove', this.onPointerMove);
    container.addEventListener('pointerleave', this.onPointerLeave);
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    // Over a venue or capital button their own tooltip speaks; links only on the bare map.
    if ((event.target as Element | null)?.closest?.('button')) {
      this.onPointerLeave();
      return;
    }
    const box = this.container.getBoundingClientRect();
    this.point = { x: event.clientX - box.left, y: event.clientY - box.top };
    if (this.frame === 0) this.frame = requestAnimationFrame(this.hitTest);
  };

  private readonly onPointerLeave = (): void => {
    this.point = null;
    this.tooltip.hide('link');
  };

  private readonly hitTest = (): void => {
    this.frame = 0;
    const { controller } = this.sources;
    const scene = controller.scene;
    const point = this.point;
    if (!point || !scene || this.sources.isMoving() || scene.geometry.pairs.length > LINK_HOVER_MAX_PAIRS) {
      this.tooltip.hide('link');
      return;
    }
    if (this.paths?.scene !== scene) {
      const { pairs, paths } = scene.geometry;
      this.paths = { scene, paths: pairs.map((_, i) => Float32Array.from(arcPath(paths, i).flatMap(([lon, lat]) => mercator(lon!, lat!)))) };
    }
    const v = this.sources.view();
    const [cx, cy] = mercator(v.lon, v.lat);
    const view = { cx, cy, worldSize: TILE_SIZE * 2 ** v.zoom, width: this.container.clientWidth, height: this.container.clientHeight };
    const i = nearestPath(this.paths.paths, (k) => controller.isPairShown(k), point.x, point.y, view);
    const along = i < 0 ? null : controller.meetingsAlong(i, this.sources.showAbsent());
    if (!along) {
      this.tooltip.hide('link');
      return;
    }
    const items = along.meetings.map((m) => ({ title: m.title, date: formatMeetingDate(m.date) }));
    this.tooltip.show('link', point.x, point.y, linkTooltip(along.state.stateName, along.venue.name, items), 14);
  };

  dispose(): void {
    this.container.removeEventListener('pointermove', this.onPointerMove);
    this.container.removeEventListener('pointerleave', this.onPointerLeave);
    cancelAnimationFrame(this.frame);
  }
}
