/**
 * Where the markers of venues outside the view go: on the map's edge, where a straight
 * line from the map's centre to the venue leaves the view (about where its links leave
 * it), pushed apart along the edge so that no two overlap. Screen pixels in, pill centres
 * and arrow angles out; no DOM, so it is tested on its own (edgeMarkers.test.ts).
 */
export type EdgeSide = 'top' | 'right' | 'bottom' | 'left';

export interface EdgeItem {
  id: string;
  /** The venue's position on screen (outside the view), CSS pixels from the top left. */
  x: number;
  y: number;
  /** The pill's size. */
  width: number;
  height: number;
}

export interface EdgePlacement {
  id: string;
  /** The pill's centre. */
  x: number;
  y: number;
  side: EdgeSide;
  /** Direction from the pill to the venue, degrees clockwise from east (screen y points down). */
  angle: number;
}

/** Space kept between the pills and the map's edge, and between two pills. */
export const EDGE_INSET = 6;
export const EDGE_GAP = 4;

/** "north", "north-west", ...: the compass word of a screen angle (degrees clockwise from east). */
export function compassWord(angle: number): string {
  const words = ['east', 'south-east', 'south', 'south-west', 'west', 'north-west', 'north', 'north-east'];
  const i = Math.round((((angle % 360) + 360) % 360) / 45) % 8;
  return words[i]!;
}

/**
 * Places each item on the side of the view its centre→venue ray crosses. Along a side,
 * pills keep their order and are pushed apart (forward, then back from the far end), so
 * they overlap neither each other nor the corners, which the top and bottom rows keep.
 */
export function placeEdgeMarkers(items: readonly EdgeItem[], view: { width: number; height: number }): EdgePlacement[] {
  const { width: w, height: h } = view;
  const cx = w / 2;
  const cy = h / 2;
  const bySide = new Map<EdgeSide, Array<{ item: EdgeItem; along: number }>>();
  const rowHeight = Math.max(0, ...items.map((i) => i.height));
  for (const item of items) {
    const dx = item.x - cx;
    const dy = item.y - cy;
    // Half extents of the box the pill centres may occupy.
    const hx = Math.max(1, w / 2 - EDGE_INSET - item.width / 2);
    const hy = Math.max(1, h / 2 - EDGE_INSET - item.height / 2);
    // The ray's first exit: the smaller scale that reaches a vertical or a horizontal side.
    const tx = dx === 0 ? Infinity : hx / Math.abs(dx);
    const ty = dy === 0 ? Infinity : hy / Math.abs(dy);
    let side: EdgeSide;
    let along: number;
    if (tx < ty) {
      side = dx > 0 ? 'right' : 'left';
      along = cy + dy * tx;
    } else {
      side = dy > 0 ? 'bottom' : 'top';
      along = cx + dx * ty;
    }
    const list = bySide.get(side) ?? [];
    list.push({ item, along });
    bySide.set(side, list);
  }
  const out: EdgePlacement[] = [];
  for (const [side, list] of bySide) {
    const horizontal = side === 'top' || side === 'bottom';
    const size = (i: EdgeItem) => (horizontal ? i.width : i.height);
    // Left and right columns stop short of the top and bottom rows.
    const lo = horizontal ? EDGE_INSET : EDGE_INSET + rowHeight + EDGE_GAP;
    const hi = horizontal ? w - EDGE_INSET : h - EDGE_INSET - rowHeight - EDGE_GAP;
    list.sort((a, b) => a.along - b.along || (a.item.id < b.item.id ? -1 : 1));
    const centres = list.map((e) => e.along);
    // Forward: each pill starts after the previous one ends.
    let edge = lo;
    list.forEach((e, i) => {
      const half = size(e.item) / 2;
      centres[i] = Math.max(centres[i]!, edge + half);
      edge = centres[i]! + half + EDGE_GAP;
    });
    // Back from the far end: pills pushed past it move back (the first ones may then overlap a corner only when the side is full).
    edge = hi;
    for (let i = list.length - 1; i >= 0; i--) {
      const half = size(list[i]!.item) / 2;
      centres[i] = Math.min(centres[i]!, edge - half);
      edge = centres[i]! - half - EDGE_GAP;
    }
    list.forEach((e, i) => {
      const { item } = e;
      const x = horizontal ? centres[i]! : side === 'left' ? EDGE_INSET + item.width / 2 : w - EDGE_INSET - item.width / 2;
      const y = horizontal ? (side === 'top' ? EDGE_INSET + item.height / 2 : h - EDGE_INSET - item.height / 2) : centres[i]!;
      out.push({ id: item.id, x, y, side, angle: (Math.atan2(item.y - y, item.x - x) * 180) / Math.PI });
    });
  }
  return out;
}
