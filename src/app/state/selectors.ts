/**
 * Derived data: pure functions of (dataset, view), memoised so that moving the brush one
 * step costs a binary search and a short scan, not a sort of every meeting (issue 6:
 * scrub p95 under 8 ms at 10k meetings). Components and adapters read these, never their
 * own copies.
 */
import type { Dataset, Meeting, Person, Place, Source, State } from '../../dataset/schema';
import { compareNames } from '../../dataset/compareNames';
import type { DayRange } from '../time/dayRange';
import { dayFromIso } from '../time/days';
import type { ViewState } from './viewState';

export type { DayRange };

/** A topic as the filter offers it: the label from the dataset and a URL slug. */
export interface TopicOption {
  slug: string;
  label: string;
  count: number;
}

export interface StateOption {
  iso3: string;
  name: string;
  count: number;
}

/** A person as the filter offers them: the name as the dataset writes it, a URL slug, role and state of their first meeting. */
export interface PersonOption {
  slug: string;
  name: string;
  role: string | null;
  state: string | null;
  organization: string | null;
  count: number;
}

const slugs = new Map<string, string>();

/** "Border management" → "border-management"; "Al-Qaeda" → "al-qaeda"; "Mohsin Naqvi" → "mohsin-naqvi". */
function slugOf(label: string): string {
  // Datasets repeat a few dozen labels across every meeting: compute each slug once.
  let slug = slugs.get(label);
  if (slug === undefined) {
    slug = label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (slugs.size < 10_000) slugs.set(label, slug);
  }
  return slug;
}

/** A topic's URL slug ("Border management" → "border-management"). */
export const topicSlug = (topic: string): string => slugOf(topic);

/** A person's URL slug, from the name as the dataset writes it ("Mohsin Naqvi" → "mohsin-naqvi"). */
export const personSlug = (person: Pick<Person, 'name'>): string => slugOf(person.name);

/** Day numbers of ISO days, parsed once per distinct day (30 years are only 11k days). */
function dayParser(): (iso: string | null) => number | null {
  const cache = new Map<string, number | null>();
  return (iso) => {
    if (iso === null) return null;
    let day = cache.get(iso);
    if (day === undefined) {
      day = dayFromIso(iso);
      cache.set(iso, day);
    }
    return day;
  };
}

/** Meetings sorted by first possible day, with their days as integers. */
interface DatedIndex {
  meetings: Meeting[];
  starts: Int32Array;
  ends: Int32Array;
  /** Longest meeting in days: bounds how far before `from` an overlapping meeting can start. */
  maxSpan: number;
  undated: Meeting[];
  extent: DayRange | null;
  /** Each meeting's topic slugs, distinct (shared lists: see `sharedList`). */
  topicSlugs: Map<Meeting, readonly string[]>;
  /** Slugs of each meeting's people, distinct; only meetings that list someone are keys. */
  personSlugs: Map<Meeting, readonly string[]>;
}

const indexes = new WeakMap<Dataset, DatedIndex>();

/**
 * `values` without repeats, as a list shared by every meeting with the same values: most
 * meetings repeat a few topic combinations, and at 100k meetings a Set per meeting was
 * 13 MB of heap that every major collection marks and moves (the stalls of issue 19).
 */
function sharedList(values: readonly string[], pool: Map<string, readonly string[]>): readonly string[] {
  const distinct = values.filter((v, i) => values.indexOf(v) === i);
  const key = distinct.join('\n');
  let list = pool.get(key);
  if (!list) {
    list = distinct;
    pool.set(key, list);
  }
  return list;
}

function datedIndex(dataset: Dataset): DatedIndex {
  const cached = indexes.get(dataset);
  if (cached) return cached;
  const dated: Array<{ m: Meeting; s: number; e: number }> = [];
  const undated: Meeting[] = [];
  const topicSlugs = new Map<Meeting, readonly string[]>();
  const personSlugs = new Map<Meeting, readonly string[]>();
  const lists = new Map<string, readonly string[]>();
  const day = dayParser();
  for (const m of dataset.meetings) {
    topicSlugs.set(m, sharedList(m.topics.map(topicSlug), lists));
    if (m.people.length > 0) personSlugs.set(m, sharedList(m.people.map(personSlug), lists));
    const s = day(m.date.start);
    const e = m.date.end === null ? s : day(m.date.end);
    if (s === null || e === null) undated.push(m);
    else dated.push({ m, s, e: Math.max(s, e) });
  }
  dated.sort((a, b) => a.s - b.s || a.e - b.e);
  const starts = new Int32Array(dated.length);
  const ends = new Int32Array(dated.length);
  let maxSpan = 0;
  let min = Infinity;
  let max = -Infinity;
  dated.forEach((d, i) => {
    starts[i] = d.s;
    ends[i] = d.e;
    maxSpan = Math.max(maxSpan, d.e - d.s);
    min = Math.min(min, d.s);
    max = Math.max(max, d.e);
  });
  const index: DatedIndex = {
    meetings: dated.map((d) => d.m),
    starts,
    ends,
    maxSpan,
    undated,
    extent: dated.length ? { from: min, to: max } : null,
    topicSlugs,
    personSlugs,
  };
  indexes.set(dataset, index);
  return index;
}

/** First index whose value is >= target. */
function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Earliest first day and latest last day of all dated meetings; null when none is dated. */
export function selectTimeExtent(dataset: Dataset | null): DayRange | null {
  return dataset ? datedIndex(dataset).extent : null;
}

/** The window the view asks for, with nulls resolved to the dataset's full range. */
export function resolveWindow(view: Pick<ViewState, 'from' | 'to'>, extent: DayRange | null): DayRange | null {
  const from = view.from === null ? (extent?.from ?? null) : dayFromIso(view.from);
  const to = view.to === null ? (extent?.to ?? null) : dayFromIso(view.to);
  if (from === null || to === null) return null;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The filters that choose meetings by what they are (the window chooses them by when). */
export type MeetingFilters = Pick<ViewState, 'state' | 'topic' | 'person'>;

/** Whether any of the state, topic or person filters is set. */
export const isFiltered = (view: MeetingFilters): boolean => view.state !== null || view.topic !== null || view.person !== null;

export function matchesFilters(dataset: Dataset, m: Meeting, view: MeetingFilters): boolean {
  if (view.state !== null && !m.participants.includes(view.state)) return false;
  if (view.topic !== null && !datedIndex(dataset).topicSlugs.get(m)?.includes(view.topic)) return false;
  if (view.person !== null && !datedIndex(dataset).personSlugs.get(m)?.includes(view.person)) return false;
  return true;
}

/** Whether a meeting's possible days overlap the window (undated meetings never do). */
export function meetingInWindow(m: Meeting, window: DayRange): boolean {
  const s = m.date.start === null ? null : dayFromIso(m.date.start);
  if (s === null) return false;
  const e = m.date.end === null ? s : (dayFromIso(m.date.end) ?? s);
  return s <= window.to && e >= window.from;
}

type FilterKey = Pick<ViewState, 'from' | 'to' | 'state' | 'topic' | 'person'>;

/** Results kept per selector: enough for the map, the panels and an export asking at once. */
const MEMO_SLOTS = 4;

/**
 * Memoises on the dataset and the few view fields a result depends on (not the whole
 * view, so a camera move reuses it). A few slots, so two callers with different
 * arguments do not evict each other on every brush step.
 */
function memoOnView<K extends keyof ViewState, R>(keys: readonly K[], compute: (dataset: Dataset, view: Pick<ViewState, K>) => R) {
  const slots: Array<{ dataset: Dataset; values: unknown[]; result: R }> = [];
  return (dataset: Dataset, view: Pick<ViewState, K>): R => {
    const values = keys.map((k) => view[k]);
    const i = slots.findIndex((s) => s.dataset === dataset && s.values.every((v, j) => v === values[j]));
    if (i >= 0) {
      const hit = slots[i]!;
      if (i > 0) slots.unshift(...slots.splice(i, 1));
      return hit.result;
    }
    const result = compute(dataset, view);
    slots.unshift({ dataset, values, result });
    if (slots.length > MEMO_SLOTS) slots.pop();
    return result;
  };
}

/**
 * Dated meetings that overlap the window and match the state and topic filters, oldest
 * first. A month-precision meeting counts as in the window when any of its days is.
 */
export const selectMeetingsInWindow = memoOnView<keyof FilterKey, Meeting[]>(['from', 'to', 'state', 'topic', 'person'], (dataset, view) => {
  const meetings = selectDatedMeetings(dataset);
  return Array.from(selectWindowPositions(dataset, view), (i) => meetings[i]!);
});

/** The dated meetings in the order the window positions refer to (start, then end). */
export function selectDatedMeetings(dataset: Dataset): readonly Meeting[] {
  return datedIndex(dataset).meetings;
}

/**
 * The meetings of selectMeetingsInWindow as ascending positions in selectDatedMeetings: two
 * windows compare in one merge (the map counts only the meetings that enter and leave).
 */
export const selectWindowPositions = memoOnView<keyof FilterKey, Int32Array>(['from', 'to', 'state', 'topic', 'person'], (dataset, view) => {
  const index = datedIndex(dataset);
  const window = resolveWindow(view, index.extent);
  if (!window) return new Int32Array(0);
  // Only meetings starting in [from - maxSpan, to] can overlap [from, to].
  const first = lowerBound(index.starts, window.from - index.maxSpan);
  const last = lowerBound(index.starts, window.to + 1);
  const out = new Int32Array(last - first);
  let n = 0;
  const filtered = isFiltered(view);
  for (let i = first; i < last; i++) {
    if (index.ends[i]! < window.from) continue;
    if (filtered && !matchesFilters(dataset, index.meetings[i]!, view)) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
});

/** Meetings without a usable date that match the filters (the Undated tray). */
export const selectUndatedMeetings = memoOnView(['state', 'topic', 'person'], (dataset, view) =>
  datedIndex(dataset).undated.filter((m) => matchesFilters(dataset, m, view)),
);

/**
 * What the view shows and the status line counts: meetings in the window and filters,
 * plus undated ones when the reader asked to see them. Downloads use the same list.
 */
export const selectVisibleMeetings = memoOnView(['from', 'to', 'state', 'topic', 'person', 'showUndated'], (dataset, view) => {
  const inWindow = selectMeetingsInWindow(dataset, view);
  return view.showUndated ? inWindow.concat(selectUndatedMeetings(dataset, view)) : inWindow;
});

/**
 * The most meetings one venue can have in a window of `length` days: the largest number
 * of the spans [start, end] (days, inclusive, sorted by start in `starts`, and `ends`
 * sorted on its own) that one window [a, a + length - 1] overlaps. A span overlaps the
 * windows starting in [start - length + 1, end]; this is the deepest overlap of those
 * intervals, found by merging their sorted starts and ends (linear, no sort).
 */
export function busiestWindowCount(starts: ArrayLike<number>, ends: ArrayLike<number>, length: number): number {
  let best = 0;
  let open = 0;
  let j = 0;
  for (let i = 0; i < starts.length; i++) {
    const opens = starts[i]! - length + 1;
    // Windows starting after an end no longer overlap that span: close them first.
    while (j < ends.length && ends[j]! < opens) {
      open--;
      j++;
    }
    open++;
    if (open > best) best = open;
  }
  return best;
}

/** Per venue, the day spans of its dated meetings matching the filters (starts sorted, ends sorted apart). */
const venueSpanCache = memoOnView(['state', 'topic', 'person'], (dataset, view) => {
  const index = datedIndex(dataset);
  const filtered = isFiltered(view);
  const byVenue = new Map<string, { starts: number[]; ends: number[] }>();
  index.meetings.forEach((m, i) => {
    if (m.venuePlaceId === null || (filtered && !matchesFilters(dataset, m, view))) return;
    let spans = byVenue.get(m.venuePlaceId);
    if (!spans) {
      spans = { starts: [], ends: [] };
      byVenue.set(m.venuePlaceId, spans);
    }
    spans.starts.push(index.starts[i]!); // the index is sorted by start
    spans.ends.push(index.ends[i]!);
  });
  for (const spans of byVenue.values()) spans.ends.sort((a, b) => a - b);
  return byVenue;
});

/**
 * The venue markers' size scale: the most meetings any venue has in any window as long as
 * the current one (same filters; shown undated meetings count in every window). It stays
 * put while the window moves, so a step resizes only the venues whose count changed, and
 * dot sizes compare across time while playing; it changes with the window's length.
 */
export const selectVenueCountCeiling = (() => {
  let last: { dataset: Dataset; state: string | null; topic: string | null; person: string | null; showUndated: boolean; length: number; result: number } | null = null;
  return (dataset: Dataset, view: Pick<ViewState, 'from' | 'to' | 'state' | 'topic' | 'person' | 'showUndated'>): number => {
    const window = resolveWindow(view, datedIndex(dataset).extent);
    const length = window ? window.to - window.from + 1 : 0;
    if (
      last &&
      last.dataset === dataset &&
      last.state === view.state &&
      last.topic === view.topic &&
      last.person === view.person &&
      last.showUndated === view.showUndated &&
      last.length === length
    )
      return last.result;
    const undated = new Map<string, number>();
    if (view.showUndated) for (const m of selectUndatedMeetings(dataset, view)) if (m.venuePlaceId !== null) undated.set(m.venuePlaceId, (undated.get(m.venuePlaceId) ?? 0) + 1);
    const spans = venueSpanCache(dataset, view);
    let result = 0;
    for (const venue of new Set([...spans.keys(), ...undated.keys()])) {
      const s = spans.get(venue);
      const n = (s && length > 0 ? busiestWindowCount(s.starts, s.ends, length) : 0) + (undated.get(venue) ?? 0);
      if (n > result) result = n;
    }
    last = { dataset, state: view.state, topic: view.topic, person: view.person, showUndated: view.showUndated, length, result };
    return result;
  };
})();

const topicLists = new WeakMap<Dataset, TopicOption[]>();

/** Topics of the dataset, most frequent first; labels that slug alike are merged. */
export function selectTopics(dataset: Dataset): TopicOption[] {
  const cached = topicLists.get(dataset);
  if (cached) return cached;
  const bySlug = new Map<string, TopicOption>();
  for (const m of dataset.meetings) {
    for (const label of new Set(m.topics)) {
      const slug = topicSlug(label);
      if (!slug) continue;
      const t = bySlug.get(slug);
      if (t) t.count++;
      else bySlug.set(slug, { slug, label, count: 1 });
    }
  }
  const list = [...bySlug.values()].sort((a, b) => b.count - a.count || compareNames(a.label, b.label));
  topicLists.set(dataset, list);
  return list;
}

const stateLists = new WeakMap<Dataset, StateOption[]>();

/** States that took part in at least one meeting, by name, with how many they attended. */
export function selectStates(dataset: Dataset): StateOption[] {
  const cached = stateLists.get(dataset);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const m of dataset.meetings) for (const iso3 of m.participants) counts.set(iso3, (counts.get(iso3) ?? 0) + 1);
  const list = dataset.states
    .filter((s) => counts.has(s.iso3))
    .map((s) => ({ iso3: s.iso3, name: s.name, count: counts.get(s.iso3) ?? 0 }))
    .sort((a, b) => compareNames(a.name, b.name));
  stateLists.set(dataset, list);
  return list;
}

const peopleLists = new WeakMap<Dataset, PersonOption[]>();

/**
 * The people the dataset seats at any meeting, by name, with how many meetings each
 * attended; one entry per slug, with the role and state of their first listing.
 */
export function selectPeople(dataset: Dataset): PersonOption[] {
  const cached = peopleLists.get(dataset);
  if (cached) return cached;
  const bySlug = new Map<string, PersonOption>();
  for (const m of dataset.meetings) {
    for (const slug of datedIndex(dataset).personSlugs.get(m) ?? []) {
      const known = bySlug.get(slug);
      if (known) known.count++;
      else {
        const p = m.people.find((x) => personSlug(x) === slug)!;
        bySlug.set(slug, { slug, name: p.name, role: p.role, state: p.state, organization: p.organization, count: 1 });
      }
    }
  }
  const list = [...bySlug.values()].filter((p) => p.slug !== '').sort((a, b) => compareNames(a.name, b.name));
  peopleLists.set(dataset, list);
  return list;
}

const peopleBySlug = new WeakMap<Dataset, Map<string, PersonOption>>();

/** The person a `person=` slug names, or undefined when no meeting seats anyone by that name. */
export function selectPerson(dataset: Dataset, slug: string): PersonOption | undefined {
  let bySlug = peopleBySlug.get(dataset);
  if (!bySlug) {
    bySlug = new Map(selectPeople(dataset).map((p) => [p.slug, p]));
    peopleBySlug.set(dataset, bySlug);
  }
  return bySlug.get(slug);
}

/**
 * The filters' options with counts that reflect the other filter: the states with how many
 * meetings on `topic` they attended, the topics with how many meetings `state` attended on
 * each (all time, undated included, as the lists have always counted). Every option of the
 * unfiltered lists stays, with 0 where the other filter leaves it nothing, so the lists do
 * not reshuffle under the reader.
 */
export const selectFilterOptions = memoOnView(['state', 'topic'], (dataset, view): { states: StateOption[]; topics: TopicOption[] } => {
  const slugsOf = datedIndex(dataset).topicSlugs;
  const stateCounts = new Map<string, number>();
  const topicCounts = new Map<string, number>();
  for (const m of dataset.meetings) {
    const slugs = slugsOf.get(m)!;
    if (view.topic === null || slugs.includes(view.topic)) for (const iso3 of new Set(m.participants)) stateCounts.set(iso3, (stateCounts.get(iso3) ?? 0) + 1);
    if (view.state === null || m.participants.includes(view.state)) for (const slug of slugs) if (slug) topicCounts.set(slug, (topicCounts.get(slug) ?? 0) + 1);
  }
  return {
    states: selectStates(dataset).map((s) => ({ ...s, count: stateCounts.get(s.iso3) ?? 0 })),
    topics: selectTopics(dataset).map((t) => ({ ...t, count: topicCounts.get(t.slug) ?? 0 })),
  };
});

/** A way out of a view that shows nothing, with how many meetings it would show. */
export interface Loosening {
  action: 'clear-state' | 'clear-topic' | 'clear-person' | 'full-range';
  count: number;
}

/**
 * When the window and filters leave no meeting: which single change would show some
 * (clear the state, clear the topic, widen the window to the whole range), with the count
 * each gives, most first. Empty when the view shows meetings or nothing helps.
 */
export function selectLoosenings(dataset: Dataset, view: Pick<ViewState, 'from' | 'to' | 'state' | 'topic' | 'person' | 'showUndated'>): Loosening[] {
  if (selectVisibleMeetings(dataset, view).length > 0) return [];
  const out: Loosening[] = [];
  const count = (patch: Partial<ViewState>) => selectVisibleMeetings(dataset, { ...view, ...patch }).length;
  if (view.topic !== null) out.push({ action: 'clear-topic', count: count({ topic: null }) });
  if (view.state !== null) out.push({ action: 'clear-state', count: count({ state: null }) });
  if (view.person !== null) out.push({ action: 'clear-person', count: count({ person: null }) });
  if (view.from !== null || view.to !== null) out.push({ action: 'full-range', count: count({ from: null, to: null }) });
  return out.filter((l) => l.count > 0).sort((a, b) => b.count - a.count);
}

interface Lookup {
  sources: Map<string, Source>;
  places: Map<string, Place>;
  states: Map<string, State>;
  meetings: Map<string, Meeting>;
  byVenue: Map<string, Meeting[]>;
}
const lookups = new WeakMap<Dataset, Lookup>();

/** Places, states and meetings by id; each venue's meetings newest first, undated last. */
export function selectLookup(dataset: Dataset): Lookup {
  const cached = lookups.get(dataset);
  if (cached) return cached;
  const byVenue = new Map<string, Meeting[]>();
  for (const m of dataset.meetings) {
    if (m.venuePlaceId === null) continue;
    const list = byVenue.get(m.venuePlaceId) ?? [];
    list.push(m);
    byVenue.set(m.venuePlaceId, list);
  }
  for (const [venue, list] of byVenue) byVenue.set(venue, sortNewestFirst(list));
  const lookup: Lookup = {
    sources: new Map(dataset.sources.map((x) => [x.file, x])),
    places: new Map(dataset.places.map((p) => [p.id, p])),
    states: new Map(dataset.states.map((s) => [s.iso3, s])),
    meetings: new Map(dataset.meetings.map((m) => [m.id, m])),
    byVenue,
  };
  lookups.set(dataset, lookup);
  return lookup;
}

/** Sorts a copy newest first with precomputed keys (the comparator below, without re-reading dates). */
export function sortNewestFirst(meetings: readonly Meeting[]): Meeting[] {
  const keyed = meetings.map((m) => ({ m, end: m.date.end ?? m.date.start, start: m.date.start ?? '' }));
  keyed.sort((a, b) => {
    if (a.end === null || b.end === null) return a.end === b.end ? 0 : a.end === null ? 1 : -1;
    if (a.end !== b.end) return a.end < b.end ? 1 : -1;
    return a.start === b.start ? 0 : a.start < b.start ? 1 : -1;
  });
  return keyed.map((k) => k.m);
}

/** Newest first by last possible day, then first day; undated meetings sort last. */
export function newestFirst(a: Meeting, b: Meeting): number {
  const ae = a.date.end ?? a.date.start;
  const be = b.date.end ?? b.date.start;
  if (ae === null || be === null) return ae === be ? 0 : ae === null ? 1 : -1;
  if (ae !== be) return ae < be ? 1 : -1;
  const as = a.date.start ?? '';
  const bs = b.date.start ?? '';
  return as === bs ? 0 : as < bs ? 1 : -1;
}

/** Day range of a meeting, or null when it is undated. */
export function meetingDays(m: Meeting): DayRange | null {
  const s = m.date.start === null ? null : dayFromIso(m.date.start);
  if (s === null) return null;
  const e = m.date.end === null ? s : (dayFromIso(m.date.end) ?? s);
  return { from: s, to: Math.max(s, e) };
}

/** Day ranges of the dated meetings that match the filters, for the slider's strip (all time). */
export const selectStrip = memoOnView(['state', 'topic', 'person'], (dataset, view) => {
  const index = datedIndex(dataset);
  const filtered = isFiltered(view);
  const out: Array<{ from: number; to: number; held: boolean }> = [];
  index.meetings.forEach((m, i) => {
    if (filtered && !matchesFilters(dataset, m, view)) return;
    out.push({ from: index.starts[i]!, to: index.ends[i]!, held: m.status === 'held' });
  });
  return out;
});
