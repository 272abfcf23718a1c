/**
 * Which link the pointer is on: the drawn arc nearest to a screen point, within a few
 * pixels, for the link tooltip (mapTooltip.ts). The arcs are drawn on the GPU
 * (arcRenderer.ts), which cannot say what is under the pointer; this walks their polylines
 * in Web Mercator on the CPU, only on a pointer move, only over the arcs drawn now.
 * Screen positions follow the venue markers' projection (north-up, unpitched), each arc
 * on the world copy its first point has nearest the centre (arcs are unwrapped lines).
 */
export interface ScreenView {
  /** Mercator 0..1 of the map's centre. */
  cx: number;
  cy: number;
  /** CSS pixels per Mercator unit. */
  worldSize: number;
  width: number;
  height: number;
}

/** Squared distance from p to the segment a–b. */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

/**
 * The index of the shown path nearest to (x, y) in CSS pixels, or -1 when none is within
 * `maxDistance`. `paths[i]` holds one arc's Mercator x, y pairs.
 */
export function nearestPath(paths: readonly Float32Array[], shown: (i: number) => boolean, x: number, y: number, view: ScreenView, maxDistance = 6): number {
  const { cx, cy, worldSize, width, height } = view;
  let best = -1;
  let bestD2 = maxDistance * maxDistance;
  for (let i = 0; i < paths.length; i++) {
    if (!shown(i)) continue;
    const path = paths[i]!;
    if (path.length < 4) continue;
    const offset = Math.round(cx - path[0]!);
    let ax = (path[0]! + offset - cx) * worldSize + width / 2;
    let ay = (path[1]! - cy) * worldSize + height / 2;
    for (let j = 2; j < path.length; j += 2) {
      const bx = (path[j]! + offset - cx) * worldSize + width / 2;
      const by = (path[j + 1]! - cy) * worldSize + height / 2;
      // A cheap box test first: most segments are far from the pointer.
      if (!(Math.min(ax, bx) > x + maxDistance || Math.max(ax, bx) < x - maxDistance || Math.min(ay, by) > y + maxDistance || Math.max(ay, by) < y - maxDistance)) {
        const d2 = segmentDistance2(x, y, ax, ay, bx, by);
        if (d2 < bestD2) {
          bestD2 = d2;
          best = i;
        }
      }
      ax = bx;
      ay = by;
    }
  }
  return best;
}
