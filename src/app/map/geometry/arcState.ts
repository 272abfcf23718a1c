/**
 * Per-pair drawing state for the links (arcRenderer.ts): one RGBA8 texel per capital→venue
 * pair, written on the CPU after a window, filter or focus change and uploaded with one
 * `texSubImage2D`. R: the class drawn (0 hidden, 1 held, 2 planned/cancelled, 3 absent
 * state); G: 1 when the focused meeting or venue uses the pair. Pure and allocation-free
 * per change (the buffer is reused).
 */
import type { Meeting } from '../../../dataset/schema';
import type { LinkCounts } from './linkCounts';
import { LINK_CLASS, LINK_CLASSES, type LinkGeometry } from './links';

/** Texture row width; rows = ceil(pairs / width). */
export const STATE_TEXTURE_WIDTH = 256;
export const ARC_CLASS = { hidden: 0, held: 1, unheld: 2, absent: 3 } as const;

export function stateTextureSize(pairs: number): { width: number; height: number } {
  return { width: STATE_TEXTURE_WIDTH, height: Math.max(1, Math.ceil(pairs / STATE_TEXTURE_WIDTH)) };
}

/** The class a pair is drawn in from its counts: held wins over planned/cancelled over absent. */
export function classOf(counts: Uint32Array, pair: number): number {
  const o = pair * LINK_CLASSES;
  if (counts[o + LINK_CLASS.held]! > 0) return ARC_CLASS.held;
  if (counts[o + LINK_CLASS.unheld]! > 0) return ARC_CLASS.unheld;
  if (counts[o + LINK_CLASS.absent]! > 0) return ARC_CLASS.absent;
  return ARC_CLASS.hidden;
}

/** Writes R (class) for every pair into `state` (4 bytes a pair) and clears G; returns the pairs shown. */
export function writeClasses(counts: LinkCounts, state: Uint8Array): number {
  const pairs = counts.arcs.length / LINK_CLASSES;
  let shown = 0;
  for (let i = 0; i < pairs; i++) {
    const c = classOf(counts.arcs, i);
    state[i * 4] = c;
    state[i * 4 + 1] = 0;
    if (c !== ARC_CLASS.hidden) shown++;
  }
  return shown;
}

/**
 * Writes R (class) for `pairs` only (after moveLinkCounts); G (focus) is
 * left alone. Returns the pairs whose class changed, distinct and ascending: the only
 * texels a window step changes (a pair whose counts moved within a class looks the same).
 */
export function writeClassesAt(counts: LinkCounts, state: Uint8Array, pairs: ArrayLike<number>): number[] {
  const changed: number[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    const c = classOf(counts.arcs, p);
    // Counts are final when this runs, so a pair changes at most once: no repeats in `changed`.
    if (state[p * 4] !== c) {
      state[p * 4] = c;
      changed.push(p);
    }
  }
  return changed.sort((a, b) => a - b);
}

/**
 * The pairs to draw strong for a focused meeting (its links that the window shows) or,
 * with no meeting, for a selected venue (all its shown links). Empty when nothing is focused.
 */
export function focusedPairs(geometry: Pick<LinkGeometry, 'meetingRefs' | 'venueLinks'>, counts: LinkCounts, meeting: Meeting | undefined, venueId: string | null): number[] {
  const out: number[] = [];
  const refs = meeting ? geometry.meetingRefs.get(meeting) : undefined;
  if (refs) {
    for (const ref of refs.arcs) {
      const pair = Math.floor(ref / LINK_CLASSES);
      if (counts.arcs[ref]! > 0 && !out.includes(pair)) out.push(pair);
    }
  } else if (!meeting && venueId !== null) {
    for (const pair of geometry.venueLinks.get(venueId)?.pairs ?? []) if (classOf(counts.arcs, pair) !== ARC_CLASS.hidden) out.push(pair);
  }
  return out;
}

/** Sets G for `pairs` (after clearing the previous `prev` ones). */
export function writeFocus(state: Uint8Array, prev: readonly number[], pairs: readonly number[]): void {
  for (const p of prev) state[p * 4 + 1] = 0;
  for (const p of pairs) state[p * 4 + 1] = 1;
}

/**
 * The index ranges to draw: runs of consecutive shown pairs (class byte not hidden) merged,
 * as byte offsets and index counts for `multiDrawElements`, so hidden pairs cost the GPU
 * nothing. Returns how many runs were written into `offsets` and `counts` (grown as needed).
 */
export function visibleRuns(state: Uint8Array, pairIndexStart: Uint32Array, out: { offsets: Int32Array; counts: Int32Array }): number {
  const pairs = pairIndexStart.length - 1;
  let runs = 0;
  let runStart = -1;
  const push = (from: number, to: number): void => {
    const count = pairIndexStart[to]! - pairIndexStart[from]!;
    if (count === 0) return;
    if (runs === out.counts.length) {
      const grow = Math.max(16, runs * 2);
      const offsets = new Int32Array(grow);
      const counts = new Int32Array(grow);
      offsets.set(out.offsets);
      counts.set(out.counts);
      out.offsets = offsets;
      out.counts = counts;
    }
    out.offsets[runs] = pairIndexStart[from]! * 4; // UNSIGNED_INT indices
    out.counts[runs] = count;
    runs++;
  };
  for (let p = 0; p < pairs; p++) {
    const shown = state[p * 4] !== ARC_CLASS.hidden;
    if (shown && runStart < 0) runStart = p;
    else if (!shown && runStart >= 0) {
      push(runStart, p);
      runStart = -1;
    }
  }
  if (runStart >= 0) push(runStart, pairs);
  return runs;
}
