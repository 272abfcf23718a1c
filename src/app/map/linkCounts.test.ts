import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../dataset/schema';
import { selectVisibleMeetings } from '../state/selectors';
import { DEFAULT_VIEW_STATE } from '../state/viewState';
import { countLinks, densityOpacity, densityWidth, visibleIds } from './linkCounts';
import { buildLinkGeometry, LINK_CLASS, LINK_CLASSES } from './links';

const parsed = parseDataset(JSON.parse(fs.readFileSync(new URL('./links.fixture.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const ds = parsed.dataset;
const g = buildLinkGeometry(ds);
const pairOf = (capitalIso3: string, venue: string) => {
  const capital = ds.states.find((s) => s.iso3 === capitalIso3)!.capitalPlaceId;
  return g.pairs.features.findIndex((f) => f.properties.capital === capital && f.properties.venue === venue);
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
