/**
 * The link overlay: a transparent WebGL canvas of its own, stacked on MapLibre's canvas
 * (under the venue markers), that draws the links (arcRenderer.ts) and the participants'
 * capitals (capitalPoints.ts).
 *
 * Why not a MapLibre custom layer: any change inside MapLibre repaints the whole basemap
 * (fills, borders, label placement), about 10 ms of main thread per frame with software
 * WebGL. Here a window step or an animation frame redraws only the links; MapLibre paints
 * only when the camera moves, and then the overlay redraws in the map's own `render`
 * event, so both canvases show the same camera in the same frame. The flowing comets are
 * drawn over it by a worker where one can (cometLayer.ts, `addComets`); otherwise this
 * canvas draws them too, on the page's animation frames (flowAnimation.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ArcRenderer } from '../gl/arcRenderer';
import { CapitalPoints } from '../gl/capitalPoints';
import { CometLayer } from '../gl/cometLayer';
import { overlayView } from '../geometry/overlayProjection';

export class LinkOverlay {
  readonly canvas: HTMLCanvasElement;
  readonly arcs = new ArcRenderer();
  readonly capitals = new CapitalPoints();
  /** Called after every draw (the adapter marks the map settled). */
  onDrawn: (() => void) | null = null;
  private readonly gl: WebGL2RenderingContext | null;
  private pending = 0;
  /** Frames drawn (a test and benchmark handle). */
  frames = 0;
  /** The comets drawn by a worker over this canvas, where one can (`addComets`). */
  private comets: CometLayer | null = null;

  constructor(private readonly map: MapLibreMap) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'link-overlay';
    this.canvas.setAttribute('aria-hidden', 'true');
    map.getCanvas().after(this.canvas);
    // Sized like the map canvas before its context exists: resizing a drawing buffer later
    // waits for the GPU process, behind whatever it is busy with while the page loads.
    this.matchMapCanvas();
    // No MSAA: the shaders feather their own edges, and a multisampled resolve of a full-size
    // canvas is the most expensive part of a frame with software WebGL.
    this.gl = this.canvas.getContext('webgl2', { alpha: true, premultipliedAlpha: true, antialias: false, depth: false, stencil: false });
    if (this.gl) {
      this.arcs.init(this.gl);
      this.capitals.init(this.gl);
      // Without parallel shader compilation (software WebGL has none), the first status
      // query blocks until the shaders are built. Asked at the first idle moment, while the
      // map still waits for its style and basemap, it costs nothing; asked at the first draw,
      // it waits behind MapLibre compiling its own shaders (load time, issue 6).
      const settle = (): void => {
        this.arcs.status();
        this.capitals.status();
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(settle, { timeout: 200 });
      else setTimeout(settle, 50);
    } else console.warn('links: WebGL2 is not available; the links cannot be drawn');
    map.on('render', this.onMapRender);
  }

  /**
   * The camera and canvas size of the last draw: MapLibre renders many frames that do not
   * move the map (tiles arriving while it loads, its own fades), and redrawing the links
   * for those would cost main-thread and GPU time for an identical picture (issue 6).
   */
  private drawnView = '';

  /** Draws on the next animation frame (several requests in one frame draw once). */
  requestDraw(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }

  /** True between a `requestDraw` and its frame. */
  get drawPending(): boolean {
    return this.pending !== 0;
  }

  /** Draws now, for the map's current camera and pixel ratio. */
  draw(): void {
    const g = this.gl;
    if (this.pending) {
      cancelAnimationFrame(this.pending);
      this.pending = 0;
    }
    if (!g) return;
    // Nothing to draw before the dataset: the shaders compile meanwhile, and asking for their
    // status before they are done would block until they are.
    if (!this.arcs.hasMesh) return;
    // Shaders still compiling (in parallel, where the driver can): try again next frame.
    if (this.arcs.status() === 'pending' || this.capitals.status() === 'pending') {
      this.requestDraw();
      return;
    }
    const source = this.map.getCanvas();
    this.matchMapCanvas();
    const ratio = this.map.getPixelRatio();
    const center = this.map.getCenter();
    const zoom = this.map.getZoom();
    this.drawnView = this.viewKey();
    const view = overlayView(center.lng, center.lat, zoom, source.width / ratio, source.height / ratio);
    g.viewport(0, 0, source.width, source.height);
    g.clearColor(0, 0, 0, 0);
    g.clear(g.COLOR_BUFFER_BIT);
    g.disable(g.DEPTH_TEST);
    g.enable(g.BLEND);
    g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
    this.arcs.draw(view, zoom);
    this.capitals.draw(view, zoom, ratio);
    this.frames++;
    this.comets?.sync({ arcs: this.arcs, view, viewKey: this.drawnView, zoom, width: source.width, height: source.height, cssWidth: source.style.width, cssHeight: source.style.height });
    this.onDrawn?.();
  }

  /**
   * Comets drawn off the main thread over this canvas (cometLayer.ts), or null where a
   * worker cannot draw; `onFailure` runs if the worker fails later (the comets are then
   * the caller's to animate).
   */
  addComets(onFailure: () => void): CometLayer | null {
    if (!this.gl || !CometLayer.supported()) return null;
    try {
      this.comets = new CometLayer(this.map, this.canvas, () => {
        this.comets = null;
        onFailure();
      });
    } catch (error) {
      console.warn(`links: comets drawn on the page instead of a worker (${error instanceof Error ? error.message : String(error)})`);
      this.comets = null;
    }
    return this.comets;
  }

  /** Comet frames the worker has drawn (0 without one). */
  get cometFrames(): number {
    return this.comets?.frames ?? 0;
  }

  /**
   * Draws now without the comets, for a figure (mapCapture.ts): a still picture of pulses
   * frozen mid-flight reads as clutter, and the worker's comets are not in this canvas anyway.
   */
  drawStill(): void {
    const style = this.arcs.current.style;
    if (!style.animate) {
      this.draw();
      return;
    }
    this.arcs.setStyle({ ...style, animate: false });
    this.draw();
    this.arcs.setStyle(style);
  }

  /** The overlay's size follows the map canvas (its drawing buffer and its CSS box). */
  private matchMapCanvas(): void {
    const source = this.map.getCanvas();
    if (this.canvas.width !== source.width || this.canvas.height !== source.height) {
      this.canvas.width = source.width;
      this.canvas.height = source.height;
    }
    if (this.canvas.style.width !== source.style.width || this.canvas.style.height !== source.style.height) {
      this.canvas.style.width = source.style.width;
      this.canvas.style.height = source.style.height;
    }
  }

  private viewKey(): string {
    const c = this.map.getCenter();
    const source = this.map.getCanvas();
    return `${c.lng},${c.lat},${this.map.getZoom()},${source.width},${source.height}`;
  }

  /** A MapLibre frame: the links follow only if the camera or the canvas changed. */
  private readonly onMapRender = (): void => {
    if (this.pending || this.viewKey() !== this.drawnView) this.draw();
  };

  dispose(): void {
    if (this.pending) cancelAnimationFrame(this.pending);
    this.map.off('render', this.onMapRender);
    this.comets?.dispose();
    this.comets = null;
    this.arcs.dispose();
    this.capitals.dispose();
    this.canvas.remove();
  }
}
