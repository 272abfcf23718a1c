import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Dataset, type Meeting, parseDataset } from '../../../dataset/schema';
import { generateDataset } from '../../../synth/dataset';
import { loadWorld } from '../../../synth/world';
import { selectTimeExtent, selectVisibleMeetings } from '../../state/selectors';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../state/viewState';
import { isoFromDay } from '../../time/days';
import { ARC_CLASS, classOf } from '../geometry/arcState';
import { countLinks } from '../geometry/linkCounts';
import { LINK_CLASS, LINK_CLASSES } from '../geometry/links';
import { boundsOf, MapController, type MapInputs } from './mapController';

const parsed = parseDataset(JSON.parse(fs.readFileSync(new URL('../links.fixture.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const fixture = parsed.dataset;

const inputs = (dataset: Dataset | null, view: Partial<ViewState> = {}, hoveredMeeting: string | null = null): MapInputs => ({
  dataset,
  view: { ...DEFAULT_VIEW_STATE, ...view },
  hoveredMeeting,
});

/** The class each pair is drawn in when the meetings are counted from scratch. */
function freshClasses(controller: MapController, visible: readonly Meeting[], showAbsent: boolean): number[] {
  const counts = countLinks(controller.scene!.geometry, visible, showAbsent);
  return Array.from({ length: counts.arcs.length / LINK_CLASSES }, (_, i) => classOf(counts.arcs, i));
}
const drawnClasses = (controller: MapController): number[] =>
  Array.from({ length: controller.scene!.geometry.pairs.length }, (_, i) => controller.scene!.pairState[i * 4]!);
const focusBytes = (controller: MapController): number[] =>
  drawnClasses(controller).flatMap((_, i) => (controller.scene!.pairState[i * 4 + 1] ? [i] : []));
/** Pairs a meeting draws (present states; absent ones too with showAbsent). */
function pairsOf(controller: MapController, meetings: readonly Meeting[], showAbsent: boolean): number[] {
  const out = new Set<number>();
  for (const m of meetings) {
    for (const ref of controller.scene!.geometry.meetingRefs.get(m)?.arcs ?? []) {
      if (showAbsent || ref % LINK_CLASSES !== LINK_CLASS.absent) out.add(Math.floor(ref / LINK_CLASSES));
    }
  }
  return [...out].sort((a, b) => a - b);
}

describe('MapController: the scene', () => {
  it('draws nothing without a dataset, builds the scene once per dataset, and reports no change when nothing changed', () => {
    const c = new MapController();
    expect(c.update(inputs(null)).scene).toBe(false);
    expect(c.scene).toBeNull();
    const first = c.update(inputs(fixture));
    expect(first.scene).toBe(true);
    expect(first.pairClasses).toBe('all');
    const scene = c.scene;
    const again = c.update(inputs(fixture));
    expect(again).toEqual({ scene: false, pairClasses: [], counts: false, focus: false, selection: false });
    expect(c.scene).toBe(scene);
    expect(c.update(inputs(null)).scene).toBe(true);
    expect(c.scene).toBeNull();
  });

  it('lists every capital the dataset places and only the places that host a meeting', () => {
    const c = new MapController();
    c.update(inputs(fixture));
    expect(c.scene!.capitals.map((s) => s.iso3).sort()).toEqual(fixture.states.map((s) => s.iso3).sort());
    expect(c.scene!.venues.map((p) => p.id).sort()).toEqual(['islamabad', 'kabul', 'kazan', 'washington']);
  });
});

describe('MapController: venue sizes on the shipped dataset', () => {
  it('counts meetings per venue among the visible ones', () => {
    const shipped = parseDataset(JSON.parse(fs.readFileSync('public/data/meetings.json', 'utf8')));
    if (!shipped.ok) throw new Error(shipped.problems.join('\n'));
    const c = new MapController();
    c.update(inputs(shipped.dataset));
    const expected = new Map<string, number>();
    for (const m of shipped.dataset.meetings) if (m.date.start !== null && m.venuePlaceId) expected.set(m.venuePlaceId, (expected.get(m.venuePlaceId) ?? 0) + 1);
    expect(new Map(c.venueCounts)).toEqual(expected);
    expect(c.venueCounts.get('kabul')).toBeGreaterThanOrEqual(3);
  });
});

describe('MapController: a window step', () => {
  // Many meetings, venues and states, dates of every precision.
  const big = generateDataset(loadWorld(), { meetings: 1500, seed: 7 });
  const extent = selectTimeExtent(big)!;
  const span = extent.to - extent.from;
  const window = (from: number, width = Math.round(span / 10)) => ({ from: isoFromDay(from), to: isoFromDay(from + width) });

  it('rewrites exactly the pairs whose drawn class changed, and draws what a fresh count draws', () => {
    for (const showAbsent of [false, true]) {
      const c = new MapController();
      let from = extent.from;
      c.update(inputs(big, { ...window(from), showAbsent }));
      for (let step = 0; step < 40; step++) {
        const before = drawnClasses(c);
        from += Math.round(span / 100);
        const view = { ...window(from), showAbsent };
        const changes = c.update(inputs(big, view));
        const expected = freshClasses(c, selectVisibleMeetings(big, { ...DEFAULT_VIEW_STATE, ...view }), showAbsent);
        const where = `step ${step}, showAbsent ${showAbsent}`;
        expect(drawnClasses(c), where).toEqual(expected);
        expect(changes.pairClasses, where).toEqual(expected.flatMap((cls, i) => (cls !== before[i] ? [i] : [])));
        expect(changes.counts, where).toBe(true);
      }
    }
  });

  it('sizes venues by their meetings in the window and shows the capitals of the states that took part', () => {
    const c = new MapController();
    const state = big.meetings.find((m) => m.venuePlaceId !== null)!.participants[0]!;
    // Window steps, then a state filter, then undated meetings shown: each as a fresh count says.
    const views: Array<Partial<ViewState>> = [0, 1, 2, 3].map((k) => window(extent.from + Math.round(span / 3) + (k * span) / 100));
    views.push({ ...views[3], state }, { ...views[3], state, showUndated: true }, { ...views[3], showUndated: true });
    for (const [k, view] of views.entries()) {
      c.update(inputs(big, view));
      const visible = selectVisibleMeetings(big, { ...DEFAULT_VIEW_STATE, ...view });
      const perVenue = new Map<string, number>();
      const perState = new Map<string, number>();
      for (const m of visible) {
        if (m.venuePlaceId === null) continue;
        perVenue.set(m.venuePlaceId, (perVenue.get(m.venuePlaceId) ?? 0) + 1);
        for (const s of m.participants) perState.set(s, (perState.get(s) ?? 0) + 1);
      }
      expect(new Map(c.venueCounts), `view ${k}`).toEqual(perVenue);
      expect(new Map(c.participating), `view ${k}`).toEqual(perState);
      expect(c.venueCountCeiling).toBeGreaterThanOrEqual(Math.max(...perVenue.values()));
    }
    // The generator gives some undated meetings a venue: the last views count them.
    expect(big.meetings.some((m) => m.date.start === null && m.venuePlaceId !== null)).toBe(true);
  });

  it('recounts from scratch when a filter changes', () => {
    const c = new MapController();
    c.update(inputs(big, window(extent.from)));
    expect(c.update(inputs(big, { ...window(extent.from), state: big.meetings[0]!.participants[0]! })).pairClasses).toBe('all');
  });
});

describe('MapController: filters', () => {
  it('a state filter hides exactly the meetings that state did not attend', () => {
    const c = new MapController();
    c.update(inputs(fixture));
    const all = c.visibleMeetings;
    c.update(inputs(fixture, { state: 'USA' }));
    expect(c.visibleMeetings.map((m) => m.id).sort()).toEqual(all.filter((m) => m.participants.includes('USA')).map((m) => m.id).sort());
    expect(c.visibleMeetings.map((m) => m.id).sort()).toEqual(['m1', 'm6']);
    expect(c.shownPairs()).toEqual(pairsOf(c, c.visibleMeetings, false));
  });

  it('a person filter hides exactly the meetings that do not seat the person, and a recount follows it', () => {
    // The fixture with one person at two tables (and someone else at a third).
    const at = (name: string, state: string) => ({ name, role: null, state, organization: null, evidence: { file: fixture.sources[0]!.file, start: 0, end: 1, quote: 'x' } });
    const seated: Record<string, ReturnType<typeof at>[]> = { m1: [at('Jane Roe', 'USA')], m2: [at('Jane Roe', 'AFG')], m3: [at('John Doe', 'PAK')] };
    const withPeople: Dataset = { ...fixture, meetings: fixture.meetings.map((m) => ({ ...m, people: seated[m.id] ?? [] })) };
    const c = new MapController();
    c.update(inputs(withPeople));
    expect(c.update(inputs(withPeople, { person: 'jane-roe' })).pairClasses).toBe('all');
    expect(c.visibleMeetings.map((m) => m.id).sort()).toEqual(['m1', 'm2']);
    expect(c.shownPairs()).toEqual(pairsOf(c, c.visibleMeetings, false));
    expect(drawnClasses(c)).toEqual(freshClasses(c, c.visibleMeetings, false));
    c.update(inputs(withPeople, { person: 'jane-roe', state: 'USA' }));
    expect(c.visibleMeetings.map((m) => m.id)).toEqual(['m1']);
  });

  it('a topic filter and a window hide exactly the meetings outside them', () => {
    const c = new MapController();
    c.update(inputs(fixture, { topic: 'ttp' }));
    expect(c.visibleMeetings.map((m) => m.id).sort()).toEqual(['m2', 'm6']);
    c.update(inputs(fixture, { topic: 'ttp', from: '2025-01-01', to: '2025-12-31' }));
    expect(c.visibleMeetings.map((m) => m.id)).toEqual(['m2']);
    expect(c.shownPairs()).toEqual(pairsOf(c, c.visibleMeetings, false));
    expect(c.rings.get('kabul')).toBe('held'); // Afghanistan hosts in Kabul
    expect(c.rings.has('washington')).toBe(false);
  });

  it('absent states draw only on request, and undated meetings only when shown', () => {
    const c = new MapController();
    c.update(inputs(fixture));
    const without = c.shownPairs();
    c.update(inputs(fixture, { showAbsent: true }));
    expect(c.shownPairs().length).toBe(without.length + fixture.meetings.find((m) => m.id === 'm1')!.absent.length);
    expect(c.visibleMeetings.some((m) => m.id === 'm8')).toBe(false);
    c.update(inputs(fixture, { showUndated: true }));
    expect(c.visibleMeetings.some((m) => m.id === 'm8')).toBe(true);
    expect(c.shownPairs()).toEqual(pairsOf(c, c.visibleMeetings, false));
  });
});

describe('MapController: focus', () => {
  it('a hovered meeting flags its shown pairs and its host ring, and dims the rest; leaving clears them', () => {
    const c = new MapController();
    c.update(inputs(fixture));
    const m2 = fixture.meetings.find((m) => m.id === 'm2')!;
    const hovered = c.update(inputs(fixture, {}, 'm2'));
    expect(hovered.focus).toBe(true);
    expect(hovered.pairClasses).toEqual([]);
    expect(focusBytes(c)).toEqual(pairsOf(c, [m2], false));
    expect([...c.ringFocus]).toEqual(['kabul']);
    expect(c.arcLook.focusActive).toBe(true);
    const left = c.update(inputs(fixture));
    expect(left.focus).toBe(true);
    expect(focusBytes(c)).toEqual([]);
    expect(c.arcLook.focusActive).toBe(false);
  });

  it('a selected venue flags all its shown links, and a hovered meeting wins over it', () => {
    const c = new MapController();
    const selected = c.update(inputs(fixture, { city: 'kabul' }));
    expect(selected.selection).toBe(true);
    const kabul = fixture.meetings.filter((m) => m.venuePlaceId === 'kabul' && m.date.start !== null);
    expect(focusBytes(c)).toEqual(pairsOf(c, kabul, false));
    c.update(inputs(fixture, { city: 'kabul' }, 'm6'));
    expect(focusBytes(c)).toEqual(pairsOf(c, [fixture.meetings.find((m) => m.id === 'm6')!], false));
  });

  it('a focused meeting outside the window flags nothing', () => {
    const c = new MapController();
    c.update(inputs(fixture, { from: '2025-01-01', to: '2025-12-31' }, 'm4'));
    expect(focusBytes(c)).toEqual([]);
  });
});

describe('MapController: camera and tooltips', () => {
  it('fits the venues with meetings, and the capitals of their states on request', () => {
    const c = new MapController();
    c.update(inputs(fixture, { from: '2025-07-01', to: '2025-07-31' }));
    const kabul = fixture.places.find((p) => p.id === 'kabul')!;
    expect(c.fitBounds(false)).toEqual([kabul.lon, kabul.lat, kabul.lon, kabul.lat]);
    const withCapitals = c.fitBounds(true)!;
    const tashkent = fixture.places.find((p) => p.id === 'tashkent')!;
    expect(withCapitals[2]).toBeGreaterThanOrEqual(tashkent.lon);
    expect(withCapitals[3]).toBeGreaterThanOrEqual(tashkent.lat);
    c.update(inputs(fixture, { from: '2000-01-01', to: '2000-01-02' }));
    expect(c.fitBounds(true)).toBeNull();
  });

  it('lists the visible meetings a link stands for, newest first', () => {
    const c = new MapController();
    c.update(inputs(fixture));
    const pair = c.shownPairs().find((i) => c.pairKey(i) === 'islamabad>kabul')!;
    const along = c.meetingsAlong(pair, false)!;
    expect(along.state.iso3).toBe('PAK');
    expect(along.venue.id).toBe('kabul');
    expect(along.meetings.map((m) => m.id)).toEqual(['m2', 'm3', 'm1']);
  });

  it('boundsOf is null for no points', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([{ lon: 10, lat: 5 }, { lon: -3, lat: 8 }])).toEqual([-3, 5, 10, 8]);
  });

  it('leaves every pair hidden where nothing is in the window', () => {
    const c = new MapController();
    c.update(inputs(fixture, { from: '2000-01-01', to: '2000-01-02' }));
    expect(drawnClasses(c).every((cls) => cls === ARC_CLASS.hidden)).toBe(true);
  });
});
