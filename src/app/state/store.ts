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
 *   actions: setDataset, setWindow(from, to), selectCity(id|null), selectMeeting(id|null),
 *            hoverMeeting(id|null), setStateFilter(iso3|null), setTopicFilter(slug|null),
 *            setCamera(camera|null), setPlaying(bool), setPlaySpeed(n), setShowAbsent(bool),
 *            setShowUndated(bool), setAnimate(bool), setViewMode('map'|'list'),
 *            replaceView(view, notices?) (used by the URL codec), dismissNotice(i)
 * Derived data (visible meetings in window + filters, venue counts) lives in ./selectors.ts
 * as memoised pure functions of (dataset, view).
 */
export {};
