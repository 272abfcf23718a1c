/**
 * Where each venue's name goes beside its dot, so that every label sits next to its own
 * marker and never on top of another marker or label (Kabul and Islamabad are 4° apart:
 * at world zoom their dots almost touch). Greedy, busiest venue first: try right, left,
 * above, below; a label that fits nowhere is hidden (the button keeps its accessible name
 * and tooltip). Screen pixels in, sides out; no DOM, so it is tested on its own.
 */
export type LabelSide = 'right' | 'left' | 'top' | 'bottom' | 'hidden';

export interface LabelCandidate {
  id: string;
  /** Dot centre in screen pixels. */
  x: number;
  y: number;
  /** Dot radius in pixels. */
  r: number;
  /** Label box size in pixels. */
  width: number;
  height: number;
  /** Higher places first (meetings in the window). */
  priority: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Gap between dot and label, in pixels. */
export const LABEL_GAP = 3;

export function labelBox(c: LabelCandidate, side: Exclude<LabelSide, 'hidden'>): Box {
  const g = LABEL_GAP;
  switch (side) {
    case 'right':
      return { x0: c.x + c.r + g, x1: c.x + c.r + g + c.width, y0: c.y - c.height / 2, y1: c.y + c.height / 2 };
    case 'left':
      return { x0: c.x - c.r - g - c.width, x1: c.x - c.r - g, y0: c.y - c.height / 2, y1: c.y + c.height / 2 };
    case 'top':
      return { x0: c.x - c.width / 2, x1: c.x + c.width / 2, y0: c.y - c.r - g - c.height, y1: c.y - c.r - g };
    case 'bottom':
      return { x0: c.x - c.width / 2, x1: c.x + c.width / 2, y0: c.y + c.r + g, y1: c.y + c.r + g + c.height };
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

const SIDES: Exclude<LabelSide, 'hidden'>[] = ['right', 'left', 'top', 'bottom'];

/** Pixels between two boxes along x plus along y (0 when they touch or overlap). */
function gap(a: Box, b: Box): number {
  return Math.max(0, a.x0 - b.x1, b.x0 - a.x1) + Math.max(0, a.y0 - b.y1, b.y0 - a.y1);
}

/** Labels keep this far (px) from the map's edge: the placed box is rounded, the glyphs have a halo. */
const EDGE_MARGIN = 2;

/**
 * `bounds`: the map's size; a label that would run past its edge is placed on another
 * side or hidden (the frame would cut it: "Islamabac" in a 375 px embed).
 */
export function placeLabels(candidates: readonly LabelCandidate[], bounds?: { width: number; height: number }): Map<string, LabelSide> {
  const m = EDGE_MARGIN;
  const inside = (b: Box): boolean => !bounds || (b.x0 >= m && b.y0 >= m && b.x1 <= bounds.width - m && b.y1 <= bounds.height - m);
  // Every dot is an obstacle for every label, including dots placed later.
  const taken: Box[] = candidates.map((c) => ({ x0: c.x - c.r, x1: c.x + c.r, y0: c.y - c.r, y1: c.y + c.r }));
  const dotOf = new Map(candidates.map((c, i) => [c.id, taken[i]!]));
  const dots = taken.slice();
  // A label reads as the name of the dot it is nearest to: a side nearer another dot (above
  // Kabul at world zoom is beside Islamabad) would name the wrong place.
  const nearestIsOwn = (box: Box, own: Box | undefined): boolean => {
    if (!own) return true;
    const mine = gap(box, own);
    // (A dot at the same place as its own, two venues in one city, cannot be told apart.)
    const samePlace = (d: Box) => d.x0 + d.x1 === own.x0 + own.x1 && d.y0 + d.y1 === own.y0 + own.y1;
    return !dots.some((d) => d !== own && !samePlace(d) && gap(box, d) <= mine);
  };
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = new Map<string, LabelSide>();
  for (const c of order) {
    const own = dotOf.get(c.id);
    let placed: LabelSide = 'hidden';
    for (const side of SIDES) {
      const box = labelBox(c, side);
      if (inside(box) && !taken.some((t) => t !== own && overlaps(t, box)) && nearestIsOwn(box, own)) {
        taken.push(box);
        placed = side;
        break;
      }
    }
    result.set(c.id, placed);
  }
  return result;
}
