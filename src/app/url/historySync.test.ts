import { describe, expect, it } from 'vitest';
import { useAtlasStore } from '../state/store';
import { DEFAULT_VIEW_STATE } from '../state/viewState';
import { type HistoryLike, historyWrite, REPLACE_MAX_WAIT_MS, REPLACE_QUIET_MS, startUrlSync } from './historySync';

function fakeWindow(search: string) {
  const entries = [search];
  let index = 0;
  const listeners = new Set<() => void>();
  const location = { pathname: '/atlas/', hash: '', search };
  const go = (url: string | undefined) => new URL(url ?? '', 'http://x/atlas/').search;
  const win: HistoryLike = {
    location,
    history: {
      pushState(_d, _u, url) {
        entries.splice(index + 1);
        entries.push(go(url));
        index++;
        location.search = entries[index]!;
      },
      replaceState(_d, _u, url) {
        entries[index] = go(url);
        location.search = entries[index]!;
      },
    },
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
  };
  const back = () => {
    index--;
    location.search = entries[index]!;
    for (const l of listeners) l();
  };
  return { win, entries, back };
}

describe('historyWrite', () => {
  const a = DEFAULT_VIEW_STATE;
  it('pushes discrete changes and replaces gestures and camera moves', () => {
    expect(historyWrite(a, { ...a, city: 'kabul' }, { gesture: false, msSinceLastWindowStep: 5000 })).toBe('push');
    expect(historyWrite(a, { ...a, from: '2020-01-01' }, { gesture: true, msSinceLastWindowStep: 5000 })).toBe('replace');
    expect(historyWrite(a, { ...a, camera: { lon: 1, lat: 1, zoom: 1 } }, { gesture: false, msSinceLastWindowStep: 5000 })).toBe('replace');
    expect(historyWrite(a, { ...a, from: '2020-01-01' }, { gesture: false, msSinceLastWindowStep: 100 })).toBe('replace');
    expect(historyWrite(a, { ...a, from: '2020-01-01' }, { gesture: false, msSinceLastWindowStep: 5000 })).toBe('push');
  });
});

/** Runs a deferred write at once. */
const now = (fn: () => void) => {
  fn();
  return null;
};

describe('startUrlSync', () => {
  it('reads the URL, writes changes, and restores on back', () => {
    const { win, entries, back } = fakeWindow('?city=kabul&from=2020-01-01&bogus=1');
    let t = 0;
    const stop = startUrlSync(useAtlasStore, win, { now: () => (t += 10_000), schedule: now });
    const store = useAtlasStore.getState();
    expect(useAtlasStore.getState().view.city).toBe('kabul');
    expect(useAtlasStore.getState().notices[0]).toMatch(/unknown parameter "bogus"/);

    store.setStateFilter('PAK');
    expect(win.location.search).toBe('?from=2020-01-01&city=kabul&state=PAK');
    expect(entries).toHaveLength(2);

    // A drag: one new entry for the whole gesture.
    store.setScrubbing(true);
    store.setWindow('2021-01-01', '2022-01-01');
    store.setWindow('2021-02-01', '2022-02-01');
    store.setWindow('2021-03-01', '2022-03-01');
    store.setScrubbing(false);
    expect(entries).toHaveLength(3);
    expect(win.location.search).toBe('?from=2021-03-01&to=2022-03-01&city=kabul&state=PAK');

    back();
    expect(useAtlasStore.getState().view.from).toBe('2020-01-01');
    expect(useAtlasStore.getState().view.to).toBeNull();
    expect(useAtlasStore.getState().view.state).toBe('PAK');
    back();
    expect(useAtlasStore.getState().view.state).toBeNull();
    stop();
  });
  it('gives quick key steps one entry, but never merges them into a filter change', () => {
    const { win, entries } = fakeWindow('');
    let t = 0;
    const stop = startUrlSync(useAtlasStore, win, { now: () => t, schedule: now });
    const store = useAtlasStore.getState();
    store.setTopicFilter('ttp');
    t += 100;
    store.setWindow('2021-01-01', '2022-01-01');
    t += 100;
    store.setWindow('2021-02-01', '2022-01-01');
    t += 100;
    store.setWindow('2021-03-01', '2022-01-01');
    expect(entries).toEqual(['', '?topic=ttp', '?from=2021-03-01&to=2022-01-01&topic=ttp']);
    t += 5000;
    store.setWindow('2021-04-01', '2022-01-01');
    expect(entries).toHaveLength(4);
    stop();
  });
  it('corrects the address in place when the dataset drops an unknown name', async () => {
    const fs = await import('node:fs');
    const { parseDataset } = await import('../../dataset/schema');
    const parsed = parseDataset(JSON.parse(fs.readFileSync('public/data/meetings.json', 'utf8')));
    if (!parsed.ok) throw new Error('dataset');
    useAtlasStore.setState({ dataset: null });
    const { win, entries } = fakeWindow('?city=atlantis&state=PAK');
    const stop = startUrlSync(useAtlasStore, win, { now: () => 0, schedule: now });
    useAtlasStore.getState().setDataset(parsed.dataset);
    expect(entries).toEqual(['?state=PAK']);
    expect(useAtlasStore.getState().notices.join(' ')).toMatch(/city="atlantis"/);
    stop();
  });
  it('debounces replacements: many frames of play make one write, no later than the longest wait', () => {
    const { win, entries } = fakeWindow('?from=2020-01-01&to=2020-03-01');
    const replaced: string[] = [];
    const replaceState = win.history.replaceState.bind(win.history);
    win.history.replaceState = (d, u, url) => {
      replaced.push(url!);
      replaceState(d, u, url);
    };
    // A fake timer queue: what is scheduled, with its delay, until cancelled.
    const timers = new Map<number, { fn: () => void; ms: number }>();
    let nextId = 0;
    let t = 0;
    const stop = startUrlSync(useAtlasStore, win, {
      now: () => t,
      schedule: (fn, ms) => {
        timers.set(++nextId, { fn, ms });
        return nextId;
      },
      cancel: (id) => timers.delete(id as number),
    });
    useAtlasStore.getState().setPlaying(true);
    for (let d = 1; d <= 28; d++) {
      t = d * 100; // a frame of play every 100 ms
      useAtlasStore.getState().setWindow(`2020-02-${String(d).padStart(2, '0')}`, '2020-04-01');
      // Frame 1 pushed; from frame 2 (200 ms) on, each change waits for a pause of
      // REPLACE_QUIET_MS, but never past REPLACE_MAX_WAIT_MS after frame 2.
      const live = [...timers.values()];
      if (d === 1) expect(live).toHaveLength(0);
      else expect(live.map((x) => x.ms)).toEqual([Math.max(0, Math.min(REPLACE_QUIET_MS, 200 + REPLACE_MAX_WAIT_MS - t))]);
    }
    // The first frame of play pushed its own entry; the rest wait for one replacement.
    expect(entries).toHaveLength(2);
    expect(replaced).toHaveLength(0);
    expect(timers.size).toBe(1);
    [...timers.values()][0]!.fn();
    expect(replaced).toEqual(['/atlas/?from=2020-02-28&to=2020-04-01']);
    useAtlasStore.getState().setPlaying(false);
    stop();
  });
});
