import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Dataset, type Meeting, parseDataset } from '../../dataset/schema';
import { dayFromIso } from '../time/days';
import {
  busiestWindowCount,
  meetingInWindow,
  newestFirst,
  personSlug,
  resolveWindow,
  selectFilterOptions,
  selectLookup,
  selectLoosenings,
  selectMeetingsInWindow,
  selectPeople,
  selectStates,
  selectTimeExtent,
  selectTopics,
  selectUndatedMeetings,
  selectVenueCountCeiling,
  selectVisibleMeetings,
  topicSlug,
} from './selectors';
import { DEFAULT_VIEW_STATE } from './viewState';

const parsed = parseDataset(JSON.parse(fs.readFileSync('public/data/meetings.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const real = parsed.dataset;
const dated = real.meetings.filter((m) => m.date.start !== null);
const undated = real.meetings.filter((m) => m.date.start === null);

/** A slow, obviously right reference to check the indexed selector against. */
function naive(ds: Dataset, from: string, to: string, state: string | null, topic: string | null): string[] {
  const f = dayFromIso(from)!;
  const t = dayFromIso(to)!;
  return ds.meetings
    .filter((m) => m.date.start !== null && dayFromIso(m.date.start)! <= t && dayFromIso(m.date.end ?? m.date.start)! >= f)
    .filter((m) => state === null || m.participants.includes(state))
    .filter((m) => topic === null || m.topics.map(topicSlug).includes(topic))
    .map((m) => m.id)
    .sort();
}

/** A seeded linear congruential generator: the same numbers in [0, 1) on every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function synthetic(n: number, seed = 1): Dataset {
  const rand = lcg(seed);
  const meetings: Meeting[] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.floor(rand() * 11_000) + 5_000;
    const len = [0, 6, 30, 364][Math.floor(rand() * 4)]!;
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    const base = real.meetings[i % real.meetings.length]!;
    meetings.push({ ...base, id: `s${i}`, date: rand() < 0.05 ? { start: null, end: null, precision: 'unknown' } : { start: iso(start), end: iso(start + len), precision: len === 0 ? 'day' : len === 6 ? 'week' : len === 30 ? 'month' : 'year' } });
  }
  return { ...real, meetings };
}

describe('time window selectors on the shipped dataset', () => {
  it('shows every dated meeting in the default (full) window', () => {
    expect(selectMeetingsInWindow(real, DEFAULT_VIEW_STATE).map((m) => m.id).sort()).toEqual(dated.map((m) => m.id).sort());
    const extent = selectTimeExtent(real)!;
    for (const m of dated) expect(meetingInWindow(m, extent)).toBe(true);
  });
  it('counts undated meetings only when asked', () => {
    expect(selectUndatedMeetings(real, DEFAULT_VIEW_STATE)).toHaveLength(undated.length);
    expect(selectVisibleMeetings(real, DEFAULT_VIEW_STATE)).toHaveLength(dated.length);
    expect(selectVisibleMeetings(real, { ...DEFAULT_VIEW_STATE, showUndated: true })).toHaveLength(real.meetings.length);
  });
  it('includes a month-precision meeting when the window touches any of its days', () => {
    const month = real.meetings.find((m) => m.date.precision === 'month' && m.date.start !== m.date.end);
    if (!month) return;
    const lastDay = month.date.end!;
    const ids = selectMeetingsInWindow(real, { ...DEFAULT_VIEW_STATE, from: lastDay, to: lastDay }).map((m) => m.id);
    expect(ids).toContain(month.id);
  });
  it('memoises: the same inputs give the same array', () => {
    const view = { ...DEFAULT_VIEW_STATE, from: '2020-01-01', to: '2025-12-31' };
    const a = selectMeetingsInWindow(real, view);
    const moved: typeof view = { ...view, camera: { lon: 1, lat: 2, zoom: 3 } };
    expect(selectMeetingsInWindow(real, moved)).toBe(a);
  });
  it('filters by state and topic', () => {
    const topic = selectTopics(real)[0]!.slug;
    const view = { ...DEFAULT_VIEW_STATE, state: 'PAK', topic };
    const extent = selectTimeExtent(real)!;
    const from = new Date(extent.from * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(extent.to * 86_400_000).toISOString().slice(0, 10);
    expect(selectMeetingsInWindow(real, view).map((m) => m.id).sort()).toEqual(naive(real, from, to, 'PAK', topic));
  });
});

describe('the person filter', () => {
  it('lists each person once, by name, with the meetings they attended', () => {
    const people = selectPeople(real);
    expect(people.length).toBeGreaterThan(0);
    expect(new Set(people.map((p) => p.slug)).size).toBe(people.length);
    for (const p of people) expect(p.count).toBe(real.meetings.filter((m) => m.people.some((x) => personSlug(x) === p.slug)).length);
  });
  it('shows exactly the meetings that seat the person, alone and with the other filters', () => {
    const everyone = selectPeople(real);
    const seated = (slug: string) => real.meetings.filter((m) => m.people.some((x) => personSlug(x) === slug));
    for (const p of everyone) {
      const view = { ...DEFAULT_VIEW_STATE, person: p.slug, showUndated: true };
      expect(selectVisibleMeetings(real, view).map((m) => m.id).sort()).toEqual(seated(p.slug).map((m) => m.id).sort());
      if (p.state) {
        const withState = selectVisibleMeetings(real, { ...view, state: p.state }).map((m) => m.id).sort();
        expect(withState).toEqual(seated(p.slug).filter((m) => m.participants.includes(p.state!)).map((m) => m.id).sort());
      }
    }
    // A person who attended only some meetings hides the rest (the filter does something).
    const some = everyone.find((p) => p.count < real.meetings.length)!;
    expect(selectVisibleMeetings(real, { ...DEFAULT_VIEW_STATE, person: some.slug, showUndated: true }).length).toBe(some.count);
  });
  it('offers clearing the person when it leaves nothing', () => {
    // A person and the day of a meeting without them, when no meeting of theirs shares that day.
    for (const p of selectPeople(real)) {
      for (const m of dated) {
        const day = { from: m.date.start, to: m.date.start };
        const empty = { ...DEFAULT_VIEW_STATE, ...day, person: p.slug };
        if (selectVisibleMeetings(real, empty).length > 0) continue;
        const advice = selectLoosenings(real, empty);
        expect(advice.map((a) => a.action)).toContain('clear-person');
        expect(advice.find((a) => a.action === 'clear-person')!.count).toBe(selectVisibleMeetings(real, { ...empty, person: null }).length);
        return;
      }
    }
    throw new Error('the shipped dataset has no person-free day to test with');
  });
});

describe('the indexed window query agrees with a plain filter', () => {
  const big = synthetic(5000);
  it('for many windows and filters', () => {
    const windows = [
      ['1990-01-01', '2060-01-01'],
      ['2000-01-01', '2000-01-01'],
      ['2010-06-15', '2011-02-01'],
      ['2030-01-01', '2030-12-31'],
      ['2019-12-31', '2020-01-01'],
    ] as const;
    for (const [from, to] of windows) {
      for (const state of [null, 'PAK', 'CHN']) {
        for (const topic of [null, 'ttp']) {
          const got = selectMeetingsInWindow(big, { from, to, state, topic, person: null }).map((m) => m.id).sort();
          expect(got).toEqual(naive(big, from, to, state, topic));
        }
      }
    }
  });
});

describe('the venue size scale', () => {
  it('finds the deepest overlap of windows and spans, as trying every window does', () => {
    const rand = lcg(7);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => {
        const start = Math.floor(rand() * 60);
        return { start, end: start + [0, 0, 3, 10][Math.floor(rand() * 4)]! };
      }).sort((a, b) => a.start - b.start);
      const length = 1 + Math.floor(rand() * 20);
      let brute = 0;
      for (let a = -40; a <= 80; a++) brute = Math.max(brute, spans.filter((x) => x.start <= a + length - 1 && x.end >= a).length);
      const ends = spans.map((x) => x.end).sort((a, b) => a - b);
      expect(busiestWindowCount(spans.map((x) => x.start), ends, length), JSON.stringify({ spans, length })).toBe(brute);
    }
  });

  it('is the most meetings any venue has in a window of that length, and does not move with the window', () => {
    const ds = synthetic(300, 3);
    const spans = ds.meetings.flatMap((m) =>
      m.date.start === null || m.venuePlaceId === null ? [] : [{ m, venue: m.venuePlaceId, s: dayFromIso(m.date.start)!, e: dayFromIso(m.date.end ?? m.date.start)! }],
    );
    for (const state of [null, 'PAK']) {
      const kept = spans.filter((x) => state === null || x.m.participants.includes(state));
      for (const length of [1, 30, 400, 4000]) {
        let brute = 0;
        for (let a = 4_000; a <= 16_500; a += 1) {
          const perVenue = new Map<string, number>();
          for (const x of kept) if (x.s <= a + length - 1 && x.e >= a) perVenue.set(x.venue, (perVenue.get(x.venue) ?? 0) + 1);
          for (const n of perVenue.values()) brute = Math.max(brute, n);
        }
        const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
        const at = (from: number) => selectVenueCountCeiling(ds, { ...DEFAULT_VIEW_STATE, state, from: iso(from), to: iso(from + length - 1) });
        expect(at(9_000), `state ${state}, ${length} days`).toBe(brute);
        expect(at(12_345)).toBe(brute);
      }
    }
  });

  it('counts shown undated meetings in every window', () => {
    const ds = synthetic(300, 3);
    const view = { ...DEFAULT_VIEW_STATE, from: '2001-01-01', to: '2001-01-01' };
    const undatedByVenue = new Map<string, number>();
    for (const m of ds.meetings) if (m.date.start === null && m.venuePlaceId) undatedByVenue.set(m.venuePlaceId, (undatedByVenue.get(m.venuePlaceId) ?? 0) + 1);
    const most = Math.max(...undatedByVenue.values());
    expect(selectVenueCountCeiling(ds, { ...view, showUndated: true })).toBeGreaterThanOrEqual(most);
    expect(selectVenueCountCeiling(ds, { ...view, showUndated: true })).toBeGreaterThan(selectVenueCountCeiling(ds, view));
  });
});

describe('lists for the filters and panels', () => {
  it('slugs topics for URLs', () => {
    expect(topicSlug('Border management')).toBe('border-management');
    expect(topicSlug('Al-Qaeda')).toBe('al-qaeda');
    expect(topicSlug('TTP')).toBe('ttp');
  });
  it('lists topics most frequent first and states by name', () => {
    const topics = selectTopics(real);
    for (let i = 1; i < topics.length; i++) expect(topics[i - 1]!.count).toBeGreaterThanOrEqual(topics[i]!.count);
    const states = selectStates(real);
    expect(states.map((s) => s.name)).toEqual([...states.map((s) => s.name)].sort((a, b) => a.localeCompare(b)));
  });
  it('counts each filter’s options under the other filter, keeping every option', () => {
    const all = selectFilterOptions(real, { state: null, topic: null });
    expect(all.states.map((s) => s.count)).toEqual(selectStates(real).map((s) => s.count));
    const topic = selectTopics(real)[0]!.slug;
    const onTopic = selectFilterOptions(real, { state: null, topic });
    expect(onTopic.states.map((s) => s.iso3)).toEqual(all.states.map((s) => s.iso3));
    for (const s of onTopic.states) {
      const expected = real.meetings.filter((m) => m.participants.includes(s.iso3) && m.topics.some((t) => topicSlug(t) === topic)).length;
      expect(s.count, s.iso3).toBe(expected);
    }
    const state = all.states[0]!.iso3;
    for (const t of selectFilterOptions(real, { state, topic: null }).topics) {
      const expected = real.meetings.filter((m) => m.participants.includes(state) && m.topics.some((x) => topicSlug(x) === t.slug)).length;
      expect(t.count, t.slug).toBe(expected);
    }
  });
  it('counts a meeting once under a topic it lists twice, and filters meetings that share a topic list', () => {
    const base = real.meetings.find((m) => m.date.start !== null && m.topics.length > 0)!;
    const label = base.topics[0]!;
    const twice: Meeting = { ...base, id: 'twice', topics: [label, label.toUpperCase()] }; // one slug
    const same: Meeting = { ...base, id: 'same', topics: [label] };
    const other: Meeting = { ...base, id: 'other', topics: ['a topic nobody else has'] };
    const ds: Dataset = { ...real, meetings: [twice, same, other] };
    const slug = topicSlug(label);
    expect(selectFilterOptions(ds, { state: null, topic: null }).topics.find((t) => t.slug === slug)?.count).toBe(2);
    expect(selectVisibleMeetings(ds, { ...DEFAULT_VIEW_STATE, topic: slug }).map((m) => m.id).sort()).toEqual(['same', 'twice']);
    expect(selectVisibleMeetings(ds, { ...DEFAULT_VIEW_STATE, topic: topicSlug('a topic nobody else has') }).map((m) => m.id)).toEqual(['other']);
  });
  it('says which filter to loosen when a view shows nothing', () => {
    const view = { ...DEFAULT_VIEW_STATE };
    expect(selectLoosenings(real, view)).toEqual([]);
    // A state and a topic that never meet in one meeting, if the data has such a pair.
    const { states } = selectFilterOptions(real, { state: null, topic: null });
    for (const t of selectTopics(real)) {
      const lonely = states.find((s) => selectFilterOptions(real, { state: null, topic: t.slug }).states.find((x) => x.iso3 === s.iso3)!.count === 0);
      if (!lonely) continue;
      const empty = { ...view, state: lonely.iso3, topic: t.slug };
      expect(selectVisibleMeetings(real, empty)).toEqual([]);
      const advice = selectLoosenings(real, empty);
      expect(advice.length).toBeGreaterThan(0);
      for (const a of advice) {
        const patch = a.action === 'clear-state' ? { state: null } : a.action === 'clear-topic' ? { topic: null } : { from: null, to: null };
        expect(a.count).toBe(selectVisibleMeetings(real, { ...empty, ...patch }).length);
        expect(a.count).toBeGreaterThan(0);
      }
      return;
    }
  });
  it('suggests the whole range when only the window is empty', () => {
    const advice = selectLoosenings(real, { ...DEFAULT_VIEW_STATE, from: '1990-01-01', to: '1990-12-31' });
    expect(advice).toEqual([{ action: 'full-range', count: dated.length }]);
  });
  it('lists a venue’s meetings newest first with undated ones last', () => {
    for (const list of selectLookup(real).byVenue.values()) {
      const sorted = [...list].sort(newestFirst);
      expect(list).toEqual(sorted);
      const firstUndated = list.findIndex((m) => m.date.start === null);
      if (firstUndated >= 0) expect(list.slice(firstUndated).every((m) => m.date.start === null)).toBe(true);
    }
  });
  it('resolves a missing window end to the data’s extent', () => {
    const extent = { from: 10, to: 20 };
    expect(resolveWindow({ from: null, to: null }, extent)).toEqual(extent);
    expect(resolveWindow({ from: '1970-01-16', to: null }, extent)).toEqual({ from: 15, to: 20 });
  });
});
