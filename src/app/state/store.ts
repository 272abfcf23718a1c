/**
 * The single source of truth for the app (zustand). The URL mirrors its ViewState part;
 * the map and time-slider adapters subscribe to it; panels read it through selectors.
 *
 * CONTRACT (other modules rely on these names; extend, don't rename):
 *   useAtlasStore(selector)                       zustand hook; useAtlasStore.getState()/subscribe() outside React
 *   state.dataset: Dataset | null                 loaded & validated dataset
 *   state.view: ViewState                         see ./viewState.ts
 *   state.playing: boolean, state.playSpeed: number (days of window travel per second)
 *   state.hoveredMeeting: string | null           transient highlight (not in URL)
 *   state.notices: string[]                       visible notices (e.g. bad URL parameters)
 *   state.scrubbing: boolean                      true while the brush is dragged (URL sync replaces, not pushes)
 *   actions: setDataset, setWindow(from, to), selectCity(id|null), selectMeeting(id|null),
 *            hoverMeeting(id|null), setStateFilter(iso3|null), setTopicFilter(slug|null), setPersonFilter(slug|null),
 *            setCamera(camera|null), setPlaying(bool), setPlaySpeed(n), setShowAbsent(bool),
 *            setShowUndated(bool), setAnimate(bool), setViewMode('map'|'list'),
 *            replaceView(view, notices?) (used by the URL codec), dismissNotice(i),
 *            setScrubbing(bool), addNotices(notices)
 * Derived data (visible meetings in window + filters, venue counts) lives in ./selectors.ts
 * as memoised pure functions of (dataset, view).
 */
import { create } from 'zustand';
import type { Dataset } from '../../dataset/schema';
import { isoFromDay } from '../time/days';
import { windowShowing } from '../time/dayRange';
import { checkViewAgainstDataset } from './checkView';
import { meetingDays, resolveWindow, selectLookup, selectTimeExtent } from './selectors';
import { type Camera, DEFAULT_VIEW_STATE, type ViewState } from './viewState';

/** Default play speed: days of window travel per second (about three months). */
export const DEFAULT_PLAY_SPEED = 90;

export interface AtlasState {
  dataset: Dataset | null;
  view: ViewState;
  playing: boolean;
  playSpeed: number;
  hoveredMeeting: string | null;
  notices: string[];
  scrubbing: boolean;

  setDataset(dataset: Dataset): void;
  setWindow(from: string | null, to: string | null): void;
  selectCity(id: string | null): void;
  selectMeeting(id: string | null): void;
  hoverMeeting(id: string | null): void;
  setStateFilter(iso3: string | null): void;
  setTopicFilter(slug: string | null): void;
  setPersonFilter(slug: string | null): void;
  setCamera(camera: Camera | null): void;
  setPlaying(playing: boolean): void;
  setPlaySpeed(daysPerSecond: number): void;
  setShowAbsent(show: boolean): void;
  setShowUndated(show: boolean): void;
  setAnimate(animate: boolean): void;
  setViewMode(mode: 'map' | 'list'): void;
  replaceView(view: ViewState, notices?: string[]): void;
  dismissNotice(index: number): void;
  setScrubbing(scrubbing: boolean): void;
  addNotices(notices: string[]): void;
}

export const useAtlasStore = create<AtlasState>()((set, get) => {
  /** Replaces some view fields; a no-op when nothing changes, so subscribers stay quiet. */
  const patchView = (patch: Partial<ViewState>) => {
    const view = get().view;
    if ((Object.keys(patch) as Array<keyof ViewState>).every((k) => Object.is(view[k], patch[k]))) return;
    set({ view: { ...view, ...patch } });
  };

  return {
    dataset: null,
    view: DEFAULT_VIEW_STATE,
    playing: false,
    playSpeed: DEFAULT_PLAY_SPEED,
    hoveredMeeting: null,
    notices: [],
    scrubbing: false,

    setDataset(dataset) {
      // Parameters that name things (city, meeting, state, topic, person) can only be checked now.
      const { view, notices } = checkViewAgainstDataset(get().view, dataset);
      set({ dataset, view, notices: [...get().notices, ...notices] });
    },

    setWindow(from, to) {
      patchView({ from, to });
    },

    selectCity(id) {
      const { dataset, view } = get();
      const meeting = id !== null && view.meeting !== null && dataset ? selectLookup(dataset).meetings.get(view.meeting) : null;
      patchView({ city: id, meeting: meeting && meeting.venuePlaceId === id ? view.meeting : null });
    },

    selectMeeting(id) {
      const { dataset, view } = get();
      const meeting = id !== null && dataset ? selectLookup(dataset).meetings.get(id) : undefined;
      if (id === null || !dataset || !meeting) {
        patchView({ meeting: null });
        return;
      }
      // "Brings the slider to it": a meeting outside the window moves the window over it.
      const patch: Partial<ViewState> = { meeting: id, city: meeting.venuePlaceId ?? view.city };
      const extent = selectTimeExtent(dataset);
      const days = meetingDays(meeting);
      // An undated meeting is in no window: selecting it shows the undated meetings instead.
      if (!days) patch.showUndated = true;
      const window = resolveWindow(view, extent);
      if (days && window && extent) {
        const next = windowShowing(window, days, extent);
        if (next !== window) {
          patch.from = isoFromDay(next.from);
          patch.to = isoFromDay(next.to);
        }
      }
      if (get().playing) set({ playing: false });
      patchView(patch);
    },

    hoverMeeting(id) {
      if (get().hoveredMeeting !== id) set({ hoveredMeeting: id });
    },
    setStateFilter(iso3) {
      patchView({ state: iso3 });
    },
    setTopicFilter(slug) {
      patchView({ topic: slug });
    },
    setPersonFilter(slug) {
      patchView({ person: slug });
    },
    setCamera(camera) {
      const current = get().view.camera;
      if (camera && current && camera.lon === current.lon && camera.lat === current.lat && camera.zoom === current.zoom) return;
      patchView({ camera });
    },
    setPlaying(playing) {
      if (get().playing !== playing) set({ playing });
    },
    setPlaySpeed(daysPerSecond) {
      if (Number.isFinite(daysPerSecond) && daysPerSecond > 0) set({ playSpeed: daysPerSecond });
    },
    setShowAbsent(show) {
      patchView({ showAbsent: show });
    },
    setShowUndated(show) {
      patchView({ showUndated: show });
    },
    setAnimate(animate) {
      patchView({ animate });
    },
    setViewMode(mode) {
      patchView({ view: mode });
    },
    replaceView(view, notices = []) {
      const dataset = get().dataset;
      const checked = dataset ? checkViewAgainstDataset(view, dataset) : { view, notices: [] };
      set({ view: checked.view, playing: false, notices: [...notices, ...checked.notices] });
    },
    dismissNotice(index) {
      set({ notices: get().notices.filter((_, i) => i !== index) });
    },
    setScrubbing(scrubbing) {
      if (get().scrubbing !== scrubbing) set({ scrubbing });
    },
    addNotices(notices) {
      if (notices.length) set({ notices: [...get().notices, ...notices] });
    },
  };
});
