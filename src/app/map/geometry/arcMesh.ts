/**
 * The links as ONE static GPU mesh (issue 6): every capital→venue arc of the dataset
 * (links.ts) becomes a ribbon of triangles in Web Mercator coordinates (0..1 across the
 * world; unwrapped arcs may run past 0 or 1, drawn on the neighbouring world copy). Built
 * and uploaded once per dataset; what shows, and how, is then a per-pair state texture
 * (arcState.ts) read by the vertex shader, so a window change never touches geometry.
 *
 * Pure: no WebGL here (arcRenderer.ts uploads it), so it is unit-tested in node.
 */
import type { ArcPaths } from './links';

/** Floats per vertex: position (x, y), extrusion (nx, ny: unit normal × miter × side), side, t, dist, pair. */
export const ARC_VERTEX_FLOATS = 8;
export const ARC_ATTRIBUTES = { position: 0, normal: 2, side: 4, t: 5, dist: 6, pair: 7 } as const;

export interface ArcMesh {
  /** Interleaved vertices, `ARC_VERTEX_FLOATS` per vertex. */
  vertices: Float32Array;
  /** Triangles (three indices each) into `vertices`. */
  indices: Uint32Array;
  /** Number of pairs (the state texture's size). */
  pairs: number;
  /** Where each pair's indices start in `indices` (length pairs + 1): pair p is [p, p + 1). */
  pairIndexStart: Uint32Array;
  /** Mercator x range of all vertices (unwrapped arcs may pass 0 or 1): which world copies need a draw. */
  minX: number;
  maxX: number;
}

/** Longitude/latitude to Web Mercator 0..1 (same as MapLibre's `MercatorCoordinate.fromLngLat`), longitude not wrapped. */
export function mercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  const x = (180 + lon) / 360;
  const y = (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
  return [x, y];
}

/**
 * Mesh for `arcs` (one path per pair, in pair index order, starting at the capital). Each point gives two vertices, one on each side of the line, pushed out along
 * the miter of its two segments (capped so sharp turns do not spike); t runs 0 at the
 * capital to 1 at the venue by Mercator length, and dist is that length itself (the
 * shader turns it into pixels for dashes of constant size).
 */
export function buildArcMesh(arcs: ArcPaths): ArcMesh {
  const pairs = arcs.start.length - 1;
  const lengthOf = (pair: number) => arcs.start[pair + 1]! - arcs.start[pair]!;
  let points = 0;
  let segments = 0;
  for (let pair = 0; pair < pairs; pair++) {
    const n = lengthOf(pair);
    if (n < 2) continue;
    points += n;
    segments += n - 1;
  }
  const vertices = new Float32Array(points * 2 * ARC_VERTEX_FLOATS);
  const indices = new Uint32Array(segments * 6);
  const pairIndexStart = new Uint32Array(pairs + 1);
  let v = 0; // vertex index
  let k = 0; // index write position
  const xs: number[] = [];
  const ys: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    pairIndexStart[pair] = k;
    if (lengthOf(pair) < 2) continue;
    xs.length = 0;
    ys.length = 0;
    for (let j = arcs.start[pair]!; j < arcs.start[pair + 1]!; j++) {
      const [x, y] = mercator(arcs.coords[2 * j]!, arcs.coords[2 * j + 1]!);
      xs.push(x);
      ys.push(y);
    }
    const n = xs.length;
    let total = 0;
    for (let i = 1; i < n; i++) total += Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
    let dist = 0;
    const first = v;
    for (let i = 0; i < n; i++) {
      if (i > 0) dist += Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
      // Normals of the segments before and after this point (left of the direction of travel).
      const prev = segmentNormal(xs, ys, Math.max(0, i - 1));
      const next = segmentNormal(xs, ys, Math.min(n - 2, i));
      let mx = prev[0] + next[0];
      let my = prev[1] + next[1];
      const ml = Math.hypot(mx, my);
      if (ml < 1e-12) {
        mx = next[0];
        my = next[1];
      } else {
        mx /= ml;
        my /= ml;
      }
      const scale = 1 / Math.max(0.5, mx * next[0] + my * next[1]);
      const t = total > 0 ? dist / total : i / (n - 1);
      for (const side of [1, -1]) {
        const o = v * ARC_VERTEX_FLOATS;
        vertices[o] = xs[i]!;
        vertices[o + 1] = ys[i]!;
        vertices[o + 2] = mx * scale * side;
        vertices[o + 3] = my * scale * side;
        vertices[o + 4] = side;
        vertices[o + 5] = t;
        vertices[o + 6] = dist;
        vertices[o + 7] = pair;
        v++;
      }
    }
    for (let i = 0; i < n - 1; i++) {
      const a = first + i * 2; // left, right of point i; a+2, a+3 of point i+1
      indices[k++] = a;
      indices[k++] = a + 1;
      indices[k++] = a + 2;
      indices[k++] = a + 1;
      indices[k++] = a + 3;
      indices[k++] = a + 2;
    }
  }
  pairIndexStart[pairs] = k;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let o = 0; o < vertices.length; o += ARC_VERTEX_FLOATS) {
    const x = vertices[o]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
  }
  return { vertices, indices, pairs, pairIndexStart, minX, maxX };
}

function segmentNormal(xs: readonly number[], ys: readonly number[], i: number): [number, number] {
  const dx = xs[i + 1]! - xs[i]!;
  const dy = ys[i + 1]! - ys[i]!;
  const l = Math.hypot(dx, dy);
  return l < 1e-15 ? [0, 0] : [-dy / l, dx / l];
}
