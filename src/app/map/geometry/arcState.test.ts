import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../../dataset/schema';
import { selectVisibleMeetings } from '../../state/selectors';
import { DEFAULT_VIEW_STATE } from '../../state/viewState';
import { ARC_CLASS, classOf, focusedPairs, stateTextureSize, STATE_TEXTURE_WIDTH, visibleRuns, writeClasses, writeFocus } from './arcState';
import { countLinks, visibleIds } from './linkCounts';
import { buildLinkGeometry, LINK_CLASS } from './links';

const parsed = parseDataset(JSON.parse(fs.readFileSync(new URL('../links.fixture.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const ds = parsed.dataset;
const g = buildLinkGeometry(ds);
const n = g.pairs.length;
const buffer = () => new Uint8Array(stateTextureSize(n).width * stateTextureSize(n).height * 4);
const shown = (state: Uint8Array, cls: number) => [...Array(n).keys()].filter((i) => state[i * 4] === cls);

describe('stateTextureSize', () => {
  it('holds one texel per pair', () => {
    expect(stateTextureSize(1)).toEqual({ width: STATE_TEXTURE_WIDTH, height: 1 });
    expect(stateTextureSize(55_000).width * stateTextureSize(55_000).height).toBeGreaterThanOrEqual(55_000);
  });
});

describe('writeClasses', () => {
  it('writes each pair\'s class from the counts, held over planned over absent, hidden otherwise', () => {
    const c = countLinks(g, selectVisibleMeetings(ds, DEFAULT_VIEW_STATE), true);
    const state = buffer();
    const count = writeClasses(c, state);
    expect(count).toBe(visibleIds(c.arcs, [LINK_CLASS.held, LINK_CLASS.unheld, LINK_CLASS.absent]).length);
    expect(shown(state, ARC_CLASS.held)).toEqual(visibleIds(c.arcs, [LINK_CLASS.held]));
    for (const i of shown(state, ARC_CLASS.unheld)) expect(c.arcs[i * 3 + LINK_CLASS.held]).toBe(0);
    expect(shown(state, ARC_CLASS.absent).length).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) expect(state[i * 4]).toBe(classOf(c.arcs, i));
  });

  it('hides everything when no meeting is visible, and absent links unless asked', () => {
    const state = buffer();
    expect(writeClasses(countLinks(g, [], false), state)).toBe(0);
    expect(shown(state, ARC_CLASS.hidden).length).toBe(n);
    writeClasses(countLinks(g, selectVisibleMeetings(ds, DEFAULT_VIEW_STATE), false), state);
    expect(shown(state, ARC_CLASS.absent)).toEqual([]);
  });

  it('a narrower window shows fewer pairs', () => {
    const state = buffer();
    const all = writeClasses(countLinks(g, selectVisibleMeetings(ds, DEFAULT_VIEW_STATE), false), state);
    const narrow = writeClasses(countLinks(g, selectVisibleMeetings(ds, { ...DEFAULT_VIEW_STATE, from: '2021-02-01', to: '2021-02-28' }), false), state);
    expect(narrow).toBeGreaterThan(0);
    expect(narrow).toBeLessThan(all);
  });
});

describe('focusedPairs and writeFocus', () => {
  const visible = selectVisibleMeetings(ds, DEFAULT_VIEW_STATE);
  const c = countLinks(g, visible, false);

  it('a meeting focuses exactly its visible pairs', () => {
    const m = visible.find((x) => (g.meetingRefs.get(x)?.arcs.length ?? 0) > 0)!;
    const pairs = focusedPairs(g, c, m, null);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) expect(g.pairs[p]!.venue).toBe(m.venuePlaceId);
  });

  it('a venue focuses its shown pairs; nothing focused gives none', () => {
    const venue = g.pairs[visibleIds(c.arcs, [LINK_CLASS.held])[0]!]!.venue;
    const pairs = focusedPairs(g, c, undefined, venue);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((p) => g.pairs[p]!.venue === venue && classOf(c.arcs, p) !== ARC_CLASS.hidden)).toBe(true);
    expect(focusedPairs(g, c, undefined, null)).toEqual([]);
    const state = buffer();
    writeClasses(c, state);
    writeFocus(state, [], pairs);
    expect([...Array(n).keys()].filter((i) => state[i * 4 + 1] === 1)).toEqual([...pairs].sort((a, b) => a - b));
    writeFocus(state, pairs, []);
    expect([...Array(n).keys()].filter((i) => state[i * 4 + 1] === 1)).toEqual([]);
  });
});

describe('visibleRuns', () => {
  it('merges consecutive shown pairs into one range of indices and skips hidden ones', () => {
    // 5 pairs of 6, 12, 6, 6, 6 indices; pairs 1, 2 and 4 shown.
    const starts = new Uint32Array([0, 6, 18, 24, 30, 36]);
    const state = new Uint8Array(5 * 4);
    state[1 * 4] = ARC_CLASS.held;
    state[2 * 4] = ARC_CLASS.unheld;
    state[4 * 4] = ARC_CLASS.absent;
    const out = { offsets: new Int32Array(0), counts: new Int32Array(0) };
    const n = visibleRuns(state, starts, out);
    expect(n).toBe(2);
    expect([...out.offsets.slice(0, n)]).toEqual([6 * 4, 30 * 4]);
    expect([...out.counts.slice(0, n)]).toEqual([18, 6]);
  });

  it('draws nothing when every pair is hidden', () => {
    const out = { offsets: new Int32Array(4), counts: new Int32Array(4) };
    expect(visibleRuns(new Uint8Array(8), new Uint32Array([0, 6, 12]), out)).toBe(0);
  });
});
