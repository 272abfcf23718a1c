/**
 * Keeps the address bar and the store in step. Reading: on start and on back/forward the
 * query is parsed into the store. Writing: a discrete change (a city, a filter) pushes a
 * history entry; a drag of the brush, play, camera moves and quick repeated key steps
 * replace the current one, so Back leaves the gesture instead of replaying it frame by frame.
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
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
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

/** Starts mirroring; returns a function that stops it. */
export function startUrlSync(store: StoreApi<AtlasState>, win: HistoryLike = window, now: () => number = () => performance.now()): () => void {
  const initial = parseViewQuery(win.location.search);
  store.getState().replaceView(initial.view, initial.notices);

  let lastWindowStep = -Infinity;
  /** Whether the current drag or play already has its own history entry. */
  let gestureHasEntry = false;
  let applyingPop = false;

  const unsubscribe = store.subscribe((state, prev) => {
    const gesture = state.scrubbing || state.playing;
    if (!gesture) gestureHasEntry = false;
    if (state.view === prev.view || applyingPop) return;
    const query = serializeView(state.view);
    if (query === win.location.search.replace(/^\?/, '')) return;
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
    if (mode === 'push') win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  });

  const onPop = () => {
    const parsed = parseViewQuery(win.location.search);
    applyingPop = true;
    try {
      store.getState().replaceView(parsed.view, parsed.notices);
    } finally {
      applyingPop = false;
    }
  };
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
