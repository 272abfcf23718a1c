/**
 * Which links show, as counts: for every pair (and ring) and link class, how many of the
 * visible meetings draw it. The overlay shows the pairs with a non-zero count (their class
 * byte in the state texture, arcState.ts), so geometry never scales with meetings. Visible
 * meetings come from the store's selectors (window, state/topic filters, undated), so the
 * map and the status line agree by construction.
 *
 * Cost: one pass over the visible meetings' refs and one over the pairs per window change
 * (at 100k meetings about 40k refs and 55k pairs: well under a millisecond or two).
 */
import type { Meeting } from '../../../dataset/schema';
import { LINK_CLASS, LINK_CLASSES, type LinkClassIndex, type LinkGeometry } from './links';

export interface LinkCounts {
  /** `count[index * LINK_CLASSES + class]` for arcs (pairs). */
  arcs: Uint32Array;
  rings: Uint32Array;
  /** Distinct arc features with any visible link: what density scaling looks at. */
  visibleArcs: number;
  /**
   * moveLinkCounts' scratch, reused from step to step: the pairs it touched, and per pair
   * the step that last touched it (to list each once). A growing array of touched pairs
   * was the step's largest allocation at 100k meetings (tens of thousands of entries, so
   * straight into the old generation), and old-generation growth is what brings the
   * major collections that stall a step.
   */
  touched: Uint32Array;
  touchedIn: Uint32Array;
  step: number;
}

/**
 * `into`: the previous counts for the same geometry, overwritten in place (a window step
 * at 10k meetings would otherwise allocate two arrays of the size of every pair, and the
 * garbage shows up as collector pauses in the slow steps).
 */
export function countLinks(geometry: Pick<LinkGeometry, 'pairs' | 'rings' | 'meetingRefs'>, visible: readonly Meeting[], showAbsent: boolean, into?: LinkCounts): LinkCounts {
  const arcLength = geometry.pairs.length * LINK_CLASSES;
  const ringLength = geometry.rings.features.length * LINK_CLASSES;
  const reuse = into !== undefined && into.arcs.length === arcLength && into.rings.length === ringLength;
  const arcs = reuse ? into.arcs.fill(0) : new Uint32Array(arcLength);
  const rings = reuse ? into.rings.fill(0) : new Uint32Array(ringLength);
  for (const m of visible) {
    const refs = geometry.meetingRefs.get(m);
    if (!refs) continue;
    for (const ref of refs.arcs) if (showAbsent || ref % LINK_CLASSES !== LINK_CLASS.absent) arcs[ref]!++;
    for (const ref of refs.rings) rings[ref]!++;
  }
  let visibleArcs = 0;
  for (let i = 0; i < arcs.length; i += LINK_CLASSES) if (arcs[i]! + arcs[i + 1]! + arcs[i + 2]! > 0) visibleArcs++;
  if (reuse) {
    into.visibleArcs = visibleArcs;
    return into;
  }
  const pairs = arcLength / LINK_CLASSES;
  return { arcs, rings, visibleArcs, touched: new Uint32Array(pairs), touchedIn: new Uint32Array(pairs), step: 0 };
}

/** A meeting's link refs (LinkGeometry.meetingRefs), looked up by its window position. */
export type RefsAt = readonly ({ arcs: readonly number[]; rings: readonly number[] } | undefined)[];

/**
 * The same refs packed by window position: position p's arc refs are
 * `arcs[arcStart[p]]` up to `arcs[arcStart[p + 1]]`, its ring refs likewise. A window step
 * reads them from four typed arrays instead of an object and two arrays per meeting (at
 * 100k meetings a dense step moves 18k refs: issue 19).
 */
export interface PackedRefs {
  arcStart: Uint32Array;
  arcs: Uint32Array;
  ringStart: Uint32Array;
  rings: Uint32Array;
}

export function packRefs(refsAt: RefsAt): PackedRefs {
  const arcStart = new Uint32Array(refsAt.length + 1);
  const ringStart = new Uint32Array(refsAt.length + 1);
  let arcCount = 0;
  let ringCount = 0;
  refsAt.forEach((refs, p) => {
    arcStart[p] = arcCount;
    ringStart[p] = ringCount;
    arcCount += refs?.arcs.length ?? 0;
    ringCount += refs?.rings.length ?? 0;
  });
  arcStart[refsAt.length] = arcCount;
  ringStart[refsAt.length] = ringCount;
  const arcs = new Uint32Array(arcCount);
  const rings = new Uint32Array(ringCount);
  refsAt.forEach((refs, p) => {
    if (!refs) return;
    arcs.set(refs.arcs, arcStart[p]!);
    rings.set(refs.rings, ringStart[p]!);
  });
  return { arcStart, arcs, ringStart, rings };
}

/**
 * Moves `counts` from the meetings at window positions `prev` to those at `next` (ascending
 * positions, see selectWindowPositions; same geometry, filters and `showAbsent` as when
 * `counts` was made): one merge of the two lists, then the meetings that left are
 * subtracted and those that entered added. A brush step changes a tenth of the window's
 * meetings, so at 100k this is a fraction of a recount (issue 6). Returns the pairs whose
 * counts it touched, each once, for the state texture: a view of `counts.touched`, valid
 * until the next move.
 */
export function moveLinkCounts(counts: LinkCounts, refs: PackedRefs, prev: Int32Array, next: Int32Array, showAbsent: boolean): Uint32Array {
  const { arcs, rings, touched, touchedIn } = counts;
  const { arcStart, arcs: arcRefs, ringStart, rings: ringRefs } = refs;
  // Steps number from 1 (0 marks a pair never touched); wrapping after 4 billion steps only re-lists a pair.
  counts.step = (counts.step % 0xffffffff) + 1;
  const step = counts.step;
  let n = 0;
  let visibleArcs = counts.visibleArcs;
  const change = (position: number, delta: 1 | -1): void => {
    for (let k = arcStart[position]!, end = arcStart[position + 1]!; k < end; k++) {
      const ref = arcRefs[k]!;
      const cls = ref % LINK_CLASSES;
      if (!showAbsent && cls === LINK_CLASS.absent) continue;
      const o = ref - cls;
      const before = arcs[o]! + arcs[o + 1]! + arcs[o + 2]!;
      arcs[ref]! += delta;
      if (delta > 0 && before === 0) visibleArcs++;
      else if (delta < 0 && before === 1) visibleArcs--;
      const pair = o / LINK_CLASSES;
      if (touchedIn[pair] !== step) {
        touchedIn[pair] = step;
        touched[n++] = pair;
      }
    }
    for (let k = ringStart[position]!, end = ringStart[position + 1]!; k < end; k++) rings[ringRefs[k]!]! += delta;
  };
  let i = 0;
  let j = 0;
  while (i < prev.length || j < next.length) {
    const a = i < prev.length ? prev[i]! : Infinity;
    const b = j < next.length ? next[j]! : Infinity;
    if (a === b) {
      i++;
      j++;
    } else if (a < b) {
      change(a, -1);
      i++;
    } else {
      change(b, 1);
      j++;
    }
  }
  counts.visibleArcs = visibleArcs;
  return touched.subarray(0, n);
}

/** Ids of the features drawn in any of `classes`, ascending. */
export function visibleIds(counts: Uint32Array, classes: readonly LinkClassIndex[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < counts.length; i += LINK_CLASSES) {
    if (classes.some((c) => counts[i + c]! > 0)) out.push(i / LINK_CLASSES);
  }
  return out;
}

/**
 * Link opacity for the number of distinct lines on the map: full up to `calm` lines, then
 * falling with the square root of the count (overlapping translucent lines still add up
 * where links are dense), never below `floor`. Set once per window change, not per frame.
 */
export function densityOpacity(visibleLines: number, normal: number, calm = 80, floor = 0.1): number {
  if (visibleLines <= calm) return normal;
  return Math.max(floor, Math.round(normal * Math.sqrt(calm / visibleLines) * 100) / 100);
}

/**
 * Line width factor for the number of distinct lines: 1 up to `calm` lines, thinner as they
 * pile up (down to `floor`), so that at 10k meetings the links stop covering the basemap.
 * A uniform of the links' shader: changing it re-uploads nothing.
 */
export function densityWidth(visibleLines: number, calm = 300, floor = 0.45): number {
  if (visibleLines <= calm) return 1;
  return Math.max(floor, Math.round(Math.sqrt(calm / visibleLines) * 100) / 100);
}
