/**
 * Reads the map's pixels for the PNG figure. The map draws with WebGL and does not keep
 * its drawing buffer (preserveDrawingBuffer costs frame rate), so the copy is taken in
 * the map's own `render` event, while the frame just drawn is still in the buffer.
 * The link overlay's canvas is drawn on top. For a 2x figure on a 1x screen the map is
 * briefly re-rendered at 2x, then restored.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { LinkOverlay } from './linkOverlay';

/**
 * What the PNG export (src/app/embed/figureExport.ts) needs of the mounted map: mountAtlasMap
 * makes one, the map component registers it (../mapCaptureRegistry.ts) while it is mounted.
 */
export interface MapCaptureHandle {
  /** The map's element: the venue markers are read from it. */
  readonly container: HTMLElement;
  /** The map's picture with its links, at least at `pixelRatio`. */
  capture(pixelRatio: number): Promise<HTMLCanvasElement>;
  /**
   * Frames every venue with meetings in the window (and the capitals of their links) when
   * some lie outside the view, without touching the view state or the address; returns the
   * function that jumps back. A no-op where everything is in view.
   */
  frameVenues(): () => void;
}

const nextEvent = (map: MaplibreMap, event: 'idle' | 'render') => new Promise<void>((resolve) => map.once(event, () => resolve()));

/** A 2D canvas holding the map's current picture at `pixelRatio` (at least the screen's). */
export async function captureMapCanvas(map: MaplibreMap, overlay: LinkOverlay | null, pixelRatio: number): Promise<HTMLCanvasElement> {
  const previous = map.getPixelRatio();
  const boost = previous < pixelRatio;
  if (boost) {
    const idle = nextEvent(map, 'idle');
    map.setPixelRatio(pixelRatio);
    await idle;
  } else if (!map.loaded()) await nextEvent(map, 'idle');
  try {
    return await new Promise<HTMLCanvasElement>((resolve) => {
      map.once('render', () => {
        const source = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const ctx = copy.getContext('2d');
        ctx?.drawImage(source, 0, 0);
        // The links and capitals draw in their own canvas over the map's (linkOverlay.ts).
        // It skips MapLibre frames that do not move the camera, so it is drawn here, in
        // this task, for its buffer to hold the picture when it is read (without comets).
        overlay?.drawStill();
        if (overlay && overlay.canvas.width > 0) ctx?.drawImage(overlay.canvas, 0, 0, copy.width, copy.height);
        resolve(copy);
      });
      map.triggerRepaint();
    });
  } finally {
    if (boost) map.setPixelRatio(previous);
  }
}
