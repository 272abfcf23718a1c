/**
 * The comet worker (cometLayer.ts): draws the flowing comets of held links into a canvas the
 * page handed over (`transferControlToOffscreen`), on the worker's own animation frames. Its
 * frames reach the compositor without the page's main thread (issue 6: main-thread time
 * per animation frame), which draws the links themselves only when something changes.
 *
 * It mirrors the page's link renderer: the same mesh, the per-pair state and style it is
 * sent, drawn by an `ArcRenderer` in comets-only mode.
 */
import { ArcRenderer } from './arcRenderer';
import type { OverlayView } from '../geometry/overlayProjection';
import type { CometMessage, CometReport } from './cometLayer';

/** Dedicated worker scope, typed here: the project's `lib` is the DOM's. */
const scope = self as unknown as {
  postMessage(message: CometReport): void;
  onmessage: ((event: MessageEvent<CometMessage>) => void) | null;
  requestAnimationFrame?: (callback: (now: number) => void) => number;
  cancelAnimationFrame?: (id: number) => void;
};

/** At most 30 comet frames a second, as the page's own animation (flowAnimation.ts). */
const FRAME_MS = 33;
/** How often the frame count goes back to the page (a message is a main-thread task there). */
const REPORT_MS = 500;

const arcs = new ArcRenderer(true);
let canvas: OffscreenCanvas | null = null;
let gl: WebGL2RenderingContext | null = null;
let view: { view: OverlayView; zoom: number } | null = null;
let state = new Uint8Array(0);
let running = false;
let held = false;
let frames = 0;
let lastDraw = -Infinity;
let lastReport = 0;
let frameRequest = 0;

const requestFrame = (callback: (now: number) => void): number =>
  scope.requestAnimationFrame ? scope.requestAnimationFrame(callback) : (setTimeout(() => callback(performance.now()), FRAME_MS) as unknown as number);
const cancelFrame = (id: number): void => (scope.cancelAnimationFrame ? scope.cancelAnimationFrame(id) : clearTimeout(id));

const report = (): void => scope.postMessage({ kind: 'frames', total: frames, running });

/** Clears the canvas and, when the comets run and the map stands still, draws them; true when drawn. */
function draw(): boolean {
  if (!gl || !canvas) return false;
  gl.viewport(0, 0, canvas.width, canvas.height);
  gl.clearColor(0, 0, 0, 0);
  gl.clear(gl.COLOR_BUFFER_BIT);
  if (!running || held || !view || !arcs.hasMesh) return false;
  const status = arcs.status();
  if (status === 'failed') {
    running = false;
    scope.postMessage({ kind: 'failed', reason: 'the comet shader did not build' });
    return false;
  }
  if (status !== 'ready') return false;
  gl.disable(gl.DEPTH_TEST);
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  return arcs.draw(view.view, view.zoom);
}

function tick(now: number): void {
  if (!running) return;
  // Held (the camera moves): the canvas was cleared once; nothing to draw until it stops.
  if (!held && now - lastDraw >= FRAME_MS) {
    lastDraw = now;
    if (draw()) frames++;
    if (now - lastReport >= REPORT_MS) {
      lastReport = now;
      report();
    }
  }
  frameRequest = requestFrame(tick);
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.kind) {
    case 'init': {
      canvas = message.canvas;
      gl = canvas.getContext('webgl2', { alpha: true, premultipliedAlpha: true, antialias: false, depth: false, stencil: false }) as WebGL2RenderingContext | null;
      if (!gl) {
        scope.postMessage({ kind: 'failed', reason: 'WebGL2 is not available in a worker' });
        return;
      }
      arcs.init(gl);
      return;
    }
    case 'mesh':
      state = new Uint8Array(message.state);
      arcs.setMesh(message.mesh, state);
      return;
    case 'state':
      if (message.state.length === state.length) state.set(message.state);
      else if (arcs.current.mesh) {
        state = new Uint8Array(message.state);
        arcs.setMesh(arcs.current.mesh, state);
      }
      arcs.stateChanged();
      return;
    case 'style':
      arcs.setStyle({ ...message.style, animate: true });
      return;
    case 'view':
      if (canvas && (canvas.width !== message.width || canvas.height !== message.height)) {
        canvas.width = message.width;
        canvas.height = message.height;
      }
      view = { view: message.view, zoom: message.zoom };
      return;
    case 'hold':
      held = message.on;
      if (held) draw(); // cleared while the camera moves (committed at the end of this task)
      return;
    case 'run':
      if (message.on === running) return;
      running = message.on;
      if (running) {
        lastDraw = -Infinity;
        frameRequest = requestFrame(tick);
      } else {
        cancelFrame(frameRequest);
        if (message.clear) draw();
      }
      report();
      return;
  }
};
