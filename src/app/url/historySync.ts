/**
 * Keeps the address bar and the store in step. Reading: on start and on back/forward the
 * query is parsed into the store. Writing: a discrete change (a city, a filter) pushes a
 * history entry; a drag of the brush, play, camera moves and quick repeated key steps
 * replace the current one, so Back leaves the gesture instead of replaying it frame by frame.
 * Replacements wait for a pause (debounced, with a longest wait); pushes are written at once.
 */
import type { StoreApi } from 'zustand';
import type { AtlasState } from '../state/store';
import type { ViewState } from '../state/viewState';
import { parseViewQuery, serializeView } from './codec';

/** Window changes closer together than this join one history entry (key repeat, steps). */
const COALESCE_MS = 800;

export interface HistoryLike {
  readonly location: { search: string; pathname: string; hash: string };
  readonly history: { pushState(data: unknown, unused: string, url?: string): void; replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'popstate' | 'pagehide', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'pagehide', listener: () => void): void;
}

function onlyChanged(a: ViewState, b: ViewState, keys: Array<keyof ViewState>): boolean {
  return (Object.keys(a) as Array<keyof ViewState>).every((k) => keys.includes(k) || Object.is(a[k], b[k]));
}

/** Decides push or replace for one view change (pure, for tests). */
function windowStep(a: ViewState, b: ViewState): boolean {
  return onlyChanged(a, b, ['from', 'to']);
}

/** `msSinceLastWindowStep`: time since the last write that changed only the window. */
export function historyWrite(prev: ViewState, next: ViewState, ctx: { gesture: boolean; msSinceLastWindowStep: number }): 'push' | 'replace' {
  if (ctx.gesture) return 'replace';
  if (onlyChanged(prev, next, ['camera'])) return 'replace';
  if (windowStep(prev, next) && ctx.msSinceLastWindowStep < COALESCE_MS) return 'replace';
  return 'push';
}

/**
 * A replacement is written once changes pause this long: the history API is slow (a
 * millisecond or more a call, and Chromium fetches the page icon again after each), and it
 * throttles pages that call it hundreds of times, as a drag or play at 60 fps would (issue 6).
 */
export const REPLACE_QUIET_MS = 400;
/** While changes keep coming (play), the address still catches up at least this often. */
export const REPLACE_MAX_WAIT_MS = 2000;

export interface UrlSyncOptions {
  now?: () => number;
  /** Schedules a deferred replaceState (tests pass one that runs at once or by hand). */
  schedule?: (fn: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
}

/** Starts mirroring; returns a function that stops it. */
export function startUrlSync(store: StoreApi<AtlasState>, win: HistoryLike = window, options: UrlSyncOptions = {}): () => void {
  const now = options.now ?? (() => performance.now());
  const schedule = options.schedule ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const cancel = options.cancel ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const initial = parseViewQuery(win.location.search);
  store.getState().replaceView(initial.view, initial.notices);

  let lastWindowStep = -Infinity;
  /** Whether the current drag or play already has its own history entry. */
  let gestureHasEntry = false;
  let applyingPop = false;
  /** The query the address shows or is about to show (a replacement may be pending). */
  let currentQuery = win.location.search.replace(/^\?/, '');
  let pendingUrl: string | null = null;
  /** When the pending replacement was first asked for (the longest wait counts from here). */
  let pendingSince = 0;
  let timer: unknown = null;

  const flush = () => {
    if (timer !== null) cancel(timer);
    timer = null;
    if (pendingUrl !== null) win.history.replaceState(null, '', pendingUrl);
    pendingUrl = null;
  };

  const unsubscribe = store.subscribe((state, prev) => {
    const gesture = state.scrubbing || state.playing;
    if (!gesture) gestureHasEntry = false;
    if (state.view === prev.view || applyingPop) return;
    const query = serializeView(state.view);
    if (query === currentQuery) return;
    currentQuery = query;
    const url = `${win.location.pathname}${query ? `?${query}` : ''}${win.location.hash}`;
    const t = now();
    let mode = historyWrite(prev.view, state.view, { gesture, msSinceLastWindowStep: t - lastWindowStep });
    // Names the dataset does not know are dropped when it arrives: a correction of the
    // address the reader came in with, not a step they could go back to.
    if (state.dataset !== prev.dataset) mode = 'replace';
    // The first change of a drag or of play gets its own entry, so Back returns to before it.
    if (gesture && !gestureHasEntry) {
      mode = 'push';
      gestureHasEntry = true;
    }
    if (windowStep(prev.view, state.view)) lastWindowStep = t;
    else if (!onlyChanged(prev.view, state.view, ['camera'])) lastWindowStep = -Infinity;
    if (mode === 'push') {
      pendingUrl = null;
      flush();
      win.history.pushState(null, '', url);
    } else {
      if (pendingUrl === null) pendingSince = t;
      pendingUrl = url;
      if (timer !== null) cancel(timer);
      timer = schedule(flush, Math.max(0, Math.min(REPLACE_QUIET_MS, pendingSince + REPLACE_MAX_WAIT_MS - t)));
    }
  });

  const onPop = () => {
    // A replacement still pending belongs to the entry the reader just left.
    pendingUrl = null;
    flush();
    currentQuery = win.location.search.replace(/^\?/, '');
    const parsed = parseViewQuery(win.location.search);
    applyingPop = true;
    try {
      store.getState().replaceView(parsed.view, parsed.notices);
    } finally {
      applyingPop = false;
    }
  };
  win.addEventListener('popstate', onPop);
  win.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    win.removeEventListener('popstate', onPop);
    win.removeEventListener('pagehide', flush);
  };
}
