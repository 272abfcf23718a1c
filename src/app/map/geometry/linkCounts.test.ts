import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../dataset/schema';
import { generateDataset } from '../../../synth/dataset';
import { loadWorld } from '../../../synth/world';
import { selectDatedMeetings, selectTimeExtent, selectVisibleMeetings, selectWindowPositions } from '../../state/selectors';
import { DEFAULT_VIEW_STATE } from '../../state/viewState';
import { isoFromDay } from '../../time/days';
import { writeClasses, writeClassesAt } from './arcState';
import { countLinks, densityOpacity, densityWidth, moveLinkCounts, packRefs, visibleIds } from './linkCounts';
import { buildLinkGeometry, LINK_CLASS, LINK_CLASSES } from './links';

const parsed = parseDataset(JSON.parse(fs.readFileSync(new URL('../links.fixture.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const ds = parsed.dataset;
const g = buildLinkGeometry(ds);
const pairOf = (capitalIso3: string, venue: string) => {
  const capital = ds.states.find((s) => s.iso3 === capitalIso3)!.capitalPlaceId;
  return g.pairs.findIndex((f) => f.capital === capital && f.venue === venue);
};

describe('countLinks', () => {
  it('counts the visible meetings per pair and class, absent states only on request', () => {
    const all = selectVisibleMeetings(ds, DEFAULT_VIEW_STATE);
    const c = countLinks(g, all, false);
    const pakKabul = pairOf('PAK', 'kabul');
    const expectedPakKabul = all.filter((m) => m.venuePlaceId === 'kabul' && m.participants.includes('PAK') && m.status === 'held').length;
    expect(c.arcs[pakKabul * LINK_CLASSES + LINK_CLASS.held]).toBe(expectedPakKabul);
    expect(visibleIds(c.arcs, [LINK_CLASS.absent])).toEqual([]);
    const withAbsent = countLinks(g, all, true);
    const m1 = ds.meetings.find((m) => m.id === 'm1')!;
    expect(visibleIds(withAbsent.arcs, [LINK_CLASS.absent]).length).toBe(m1.absent.length);
    expect(c.visibleArcs).toBe(visibleIds(c.arcs, [LINK_CLASS.held, LINK_CLASS.unheld]).length);
  });

  it('a narrower window shows fewer pairs, and no window shows none', () => {
    const all = countLinks(g, selectVisibleMeetings(ds, DEFAULT_VIEW_STATE), false);
    const narrow = countLinks(g, selectVisibleMeetings(ds, { ...DEFAULT_VIEW_STATE, from: '2021-02-01', to: '2021-02-28' }), false);
    expect(narrow.visibleArcs).toBeGreaterThan(0);
    expect(narrow.visibleArcs).toBeLessThan(all.visibleArcs);
    expect(countLinks(g, [], false).visibleArcs).toBe(0);
  });

  it('counting into the previous counts gives what a fresh count gives', () => {
    const wide = selectVisibleMeetings(ds, DEFAULT_VIEW_STATE);
    const narrow = selectVisibleMeetings(ds, { ...DEFAULT_VIEW_STATE, from: '2021-02-01', to: '2021-02-28' });
    const reused = countLinks(g, wide, true);
    const again = countLinks(g, narrow, false, reused);
    expect(again).toBe(reused); // the same arrays, overwritten
    const fresh = countLinks(g, narrow, false);
    expect([...again.arcs]).toEqual([...fresh.arcs]);
    expect([...again.rings]).toEqual([...fresh.rings]);
    expect(again.visibleArcs).toBe(fresh.visibleArcs);
  });
});

describe('densityOpacity', () => {
  it('keeps few lines at full strength and thins many, never below the floor', () => {
    expect(densityOpacity(20, 0.9)).toBe(0.9);
    expect(densityOpacity(320, 0.9)).toBeCloseTo(0.45, 2);
    expect(densityOpacity(15_000, 0.9)).toBe(0.1);
    expect(densityOpacity(1000, 0.9)).toBeLessThan(densityOpacity(500, 0.9));
  });
});

describe('densityWidth', () => {
  it('thins lines as they pile up, within bounds', () => {
    expect(densityWidth(100)).toBe(1);
    expect(densityWidth(1200)).toBe(0.5);
    expect(densityWidth(15_000)).toBe(0.45);
  });
});

/** Index of the first element where two arrays differ, -1 when equal (fast on typed arrays). */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('packRefs', () => {
  it('keeps each position\'s arc and ring refs, in order, and an empty range for a meeting without links', () => {
    const packed = packRefs([{ arcs: [4, 9], rings: [2] }, undefined, { arcs: [], rings: [] }, { arcs: [7], rings: [2, 5] }]);
    const range = (start: Uint32Array, flat: Uint32Array, p: number) => Array.from(flat.subarray(start[p]!, start[p + 1]!));
    expect([0, 1, 2, 3].map((p) => range(packed.arcStart, packed.arcs, p))).toEqual([[4, 9], [], [], [7]]);
    expect([0, 1, 2, 3].map((p) => range(packed.ringStart, packed.rings, p))).toEqual([[2], [], [], [2, 5]]);
    expect(packRefs([]).arcStart).toEqual(new Uint32Array(1));
  });
});

describe('moveLinkCounts', () => {
  // A synthetic dataset: many meetings, venues and states, dates of every precision.
  const big = generateDataset(loadWorld(), { meetings: 1500, seed: 11 });
  const geometry = buildLinkGeometry(big);
  const refsAt = packRefs(selectDatedMeetings(big).map((m) => geometry.meetingRefs.get(m)));
  const extent = selectTimeExtent(big)!;
  const iso = isoFromDay;

  it('gives what a fresh count gives, over brush steps, jumps and empty windows', () => {
    let seed = 3;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const showAbsent of [false, true]) {
      for (const state of [null, big.meetings[0]!.participants[0]!]) {
        const view = (from: number, to: number) => ({ ...DEFAULT_VIEW_STATE, state, from: iso(from), to: iso(to) });
        const span = extent.to - extent.from;
        let from = extent.from;
        let width = Math.round(span / 10);
        let positions = selectWindowPositions(big, view(from, from + width));
        const counts = countLinks(geometry, selectVisibleMeetings(big, view(from, from + width)), showAbsent);
        const state8 = new Uint8Array(geometry.pairs.length * 4);
        writeClasses(counts, state8);
        for (let step = 0; step < 60; step++) {
          const r = rand();
          if (r < 0.6) from += Math.round(span / 100); // a brush step
          else if (r < 0.8) from = extent.from - 400 + Math.round(rand() * (span + 800)); // a jump, sometimes off the data
          else width = Math.round(rand() * span); // a resize
          const next = selectWindowPositions(big, view(from, from + width));
          const before = counts.arcs.slice();
          const touched = moveLinkCounts(counts, refsAt, positions, next, showAbsent);
          // Every pair whose counts moved is listed, once.
          expect(new Set(touched).size, `step ${step}`).toBe(touched.length);
          const listed = new Set(touched);
          for (let p = 0; p < before.length / LINK_CLASSES; p++) {
            const o = p * LINK_CLASSES;
            if (before[o] !== counts.arcs[o] || before[o + 1] !== counts.arcs[o + 1] || before[o + 2] !== counts.arcs[o + 2]) expect(listed.has(p), `pair ${p}, step ${step}`).toBe(true);
          }
          writeClassesAt(counts, state8, touched);
          positions = next;
          const fresh = countLinks(geometry, selectVisibleMeetings(big, view(from, from + width)), showAbsent);
          const freshState = new Uint8Array(state8.length);
          writeClasses(fresh, freshState);
          const where = `step ${step}, showAbsent ${showAbsent}, state ${state}`;
          expect(firstDifference(counts.arcs, fresh.arcs), where).toBe(-1);
          expect(firstDifference(counts.rings, fresh.rings), where).toBe(-1);
          expect(firstDifference(state8, freshState), where).toBe(-1);
          expect(counts.visibleArcs, where).toBe(fresh.visibleArcs);
        }
      }
    }
  });
});
