/**
 * The camera of the link overlay (linkOverlay.ts): Web Mercator 0..1 to clip space for a
 * north-up, unpitched map (the atlas turns rotation and pitch off), from the same centre
 * and zoom MapLibre shows. Pure, so the overlay can never disagree with the map about
 * where a place is without a unit test failing.
 */
import { mercator } from './arcMesh';

/** MapLibre's world size at zoom 0, in CSS pixels. */
export const TILE_SIZE = 512;

export interface OverlayView {
  /** Column-major 4×4: Mercator (x, y, 0, 1) → clip space. */
  matrix: Float32Array;
  /** CSS pixels per Mercator unit (the world's width in pixels). */
  worldSize: number;
  /** Mercator x range the screen spans (not wrapped: a copy of the world is whole units off). */
  west: number;
  east: number;
}

/** The view of a `width`×`height` CSS-pixel map centred on `lng`, `lat` at `zoom`. */
export function overlayView(lng: number, lat: number, zoom: number, width: number, height: number): OverlayView {
  const worldSize = TILE_SIZE * 2 ** zoom;
  const [cx, cy] = mercator(lng, lat);
  const sx = (2 * worldSize) / Math.max(1, width);
  const sy = (-2 * worldSize) / Math.max(1, height);
  const matrix = new Float32Array(16);
  matrix[0] = sx;
  matrix[5] = sy;
  matrix[10] = 1;
  matrix[12] = -sx * cx;
  matrix[13] = -sy * cy;
  matrix[15] = 1;
  const half = width / 2 / worldSize;
  return { matrix, worldSize, west: cx - half, east: cx + half };
}

/** Where the view puts a Mercator point, in CSS pixels from the top left (the inverse check of the matrix). */
export function toScreen(view: OverlayView, x: number, y: number, width: number, height: number): { x: number; y: number } {
  const m = view.matrix;
  const clipX = m[0]! * x + m[12]!;
  const clipY = m[5]! * y + m[13]!;
  return { x: ((clipX + 1) / 2) * width, y: ((1 - clipY) / 2) * height };
}
