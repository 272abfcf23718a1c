/**
 * The flowing comets drawn off the main thread (issue 6: main-thread time per animation
 * frame). A canvas over the link overlay is handed to a worker (cometWorker.ts) that draws
 * only the comets of held links on its own animation frames; the page draws the links
 * themselves when something changes and sends the worker what it drew with: the mesh once
 * per dataset, the per-pair state and style on a change, the camera on a draw.
 *
 * While the camera moves the comets are cleared: the worker draws a frame after the page,
 * so comets drawn during a pan would trail the links. Where a canvas cannot be transferred
 * or the worker has no WebGL2, the page animates the comets itself (flowAnimation.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ArcMesh } from '../geometry/arcMesh';
import type { ArcRenderer, ArcStyle } from './arcRenderer';
import type { OverlayView } from '../geometry/overlayProjection';

/** Page → worker. */
export type CometMessage =
  | { kind: 'init'; canvas: OffscreenCanvas }
  | { kind: 'mesh'; mesh: ArcMesh; state: Uint8Array }
  | { kind: 'state'; state: Uint8Array }
  | { kind: 'style'; style: ArcStyle }
  | { kind: 'view'; view: OverlayView; zoom: number; width: number; height: number }
  | { kind: 'hold'; on: boolean }
  | { kind: 'run'; on: boolean; clear: boolean };

/** Worker → page: frames drawn so far (sent now and then, and on every start or stop), or why it cannot draw. */
export type CometReport = { kind: 'frames'; total: number; running: boolean } | { kind: 'failed'; reason: string };

/** What the link overlay last drew with (the comets follow it). */
export interface CometSource {
  arcs: ArcRenderer;
  view: OverlayView;
  /** The overlay's key for that camera and canvas size: a new one is sent to the worker. */
  viewKey: string;
  zoom: number;
  /** Drawing-buffer size in device pixels, and the CSS size of the canvas. */
  width: number;
  height: number;
  cssWidth: string;
  cssHeight: string;
}

export class CometLayer {
  readonly canvas: HTMLCanvasElement;
  /** Started with the first comets, after the map's first idle: not while the page loads (issue 6: load time). */
  private worker: Worker | null = null;
  private wanted = false;
  private running = false;
  /** The worker could not draw: the page animates from then on (the owner's `onFailure`). */
  private failed = false;
  private drawn = 0;
  private posted = { mesh: -1, state: -1, style: null as ArcStyle | null, view: '' };
  private lastSource: CometSource | null = null;

  /** True where a canvas can be drawn from a worker. */
  static supported(): boolean {
    return typeof Worker === 'function' && typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
  }

  /**
   * Stacks its canvas after `below`; `onFailure` runs once if the worker cannot draw (the
   * caller then animates on the main thread).
   */
  constructor(
    private readonly map: MapLibreMap,
    below: HTMLElement,
    private readonly onFailure: (reason: string) => void,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'link-overlay link-overlay--comets';
    this.canvas.setAttribute('aria-hidden', 'true');
    below.after(this.canvas);
    map.on('movestart', this.onMoveStart);
    map.on('moveend', this.onMoveEnd);
  }

  /** True from the worker's report that it animates until its report that it stopped. */
  get isRunning(): boolean {
    return this.running;
  }

  /** Comet frames the worker has reported drawing. */
  get frames(): number {
    return this.drawn;
  }

  start(): void {
    if (this.wanted || this.failed) return;
    if (!this.worker) {
      try {
        this.worker = new Worker(new URL('./cometWorker.ts', import.meta.url), { type: 'module', name: 'comets' });
        this.worker.onmessage = (event: MessageEvent<CometReport>) => this.onReport(event.data);
        this.worker.onerror = (event) => this.fail(`the comet worker stopped: ${event.message || 'error'}`);
        const offscreen = this.canvas.transferControlToOffscreen();
        this.post({ kind: 'init', canvas: offscreen }, [offscreen]);
      } catch (error) {
        this.fail(error instanceof Error ? error.message : String(error));
        return;
      }
    }
    this.wanted = true;
    if (this.lastSource) this.sync(this.lastSource);
    this.post({ kind: 'hold', on: this.map.isMoving() });
    this.post({ kind: 'run', on: true, clear: false });
  }

  /** Stops the comets; `hide` clears them from the canvas. */
  stop(hide: boolean): void {
    if (!this.wanted) return;
    this.wanted = false;
    this.post({ kind: 'run', on: false, clear: hide });
  }

  /**
   * The overlay drew with `source`: the worker gets what changed since (nothing while the
   * comets are off; all of it again when they start).
   */
  sync(source: CometSource): void {
    this.lastSource = source;
    if (this.canvas.style.width !== source.cssWidth || this.canvas.style.height !== source.cssHeight) {
      this.canvas.style.width = source.cssWidth;
      this.canvas.style.height = source.cssHeight;
    }
    if (!this.wanted) return;
    const { mesh, state, style } = source.arcs.current;
    const versions = source.arcs.versions;
    if (mesh && versions.mesh !== this.posted.mesh) {
      // The page's vertex and index arrays are handed over, not copied: once they are in the
      // page's GPU buffer it never reads them again, and at 100k meetings they are a few
      // hundred megabytes. Until then the worker waits for them (the next draw).
      if (!source.arcs.meshUploaded) return;
      this.post({ kind: 'mesh', mesh, state }, [mesh.vertices.buffer, mesh.indices.buffer]);
      this.posted.mesh = versions.mesh;
      this.posted.state = versions.state;
    } else if (mesh && versions.state !== this.posted.state) {
      this.post({ kind: 'state', state });
      this.posted.state = versions.state;
    }
    if (style !== this.posted.style) {
      this.post({ kind: 'style', style });
      this.posted.style = style;
    }
    if (source.viewKey !== this.posted.view) {
      this.post({ kind: 'view', view: source.view, zoom: source.zoom, width: source.width, height: source.height });
      this.posted.view = source.viewKey;
    }
  }

  dispose(): void {
    this.map.off('movestart', this.onMoveStart);
    this.map.off('moveend', this.onMoveEnd);
    this.worker?.terminate();
    this.worker = null;
    this.canvas.remove();
  }

  private post(message: CometMessage, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private onReport(report: CometReport): void {
    if (report.kind === 'failed') {
      this.fail(report.reason);
      return;
    }
    this.drawn = report.total;
    this.running = report.running;
  }

  private fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.running = false;
    this.wanted = false;
    console.warn(`links: comets drawn on the page instead of a worker (${reason})`);
    this.dispose();
    this.onFailure(reason);
  }

  private readonly onMoveStart = (): void => {
    if (this.wanted) this.post({ kind: 'hold', on: true });
  };
  private readonly onMoveEnd = (): void => {
    if (this.wanted) this.post({ kind: 'hold', on: false });
  };
}
