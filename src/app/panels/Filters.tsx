/** State and topic filters, absent-state switch and the map/list switch (header). */
import { selectStates, selectTopics } from '../state/selectors';
import { useAtlasStore } from '../state/store';

export function Filters() {
  const dataset = useAtlasStore((s) => s.dataset);
  // Field by field, so a window step does not re-render the filter lists.
  const stateFilter = useAtlasStore((s) => s.view.state);
  const topic = useAtlasStore((s) => s.view.topic);
  const showAbsent = useAtlasStore((s) => s.view.showAbsent);
  const mode = useAtlasStore((s) => s.view.view);
  const { setStateFilter, setTopicFilter, setShowAbsent, setViewMode } = useAtlasStore.getState();
  if (!dataset) return null;
  return (
    <div className="filters">
      <label>
        <span>State</span>
        <select value={stateFilter ?? ''} onChange={(e) => setStateFilter(e.target.value || null)}>
          <option value="">All states</option>
          {selectStates(dataset).map((s) => (
            <option key={s.iso3} value={s.iso3}>
              {s.name} ({s.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Topic</span>
        <select value={topic ?? ''} onChange={(e) => setTopicFilter(e.target.value || null)}>
          <option value="">All topics</option>
          {selectTopics(dataset).map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.label} ({t.count})
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={showAbsent} onChange={(e) => setShowAbsent(e.target.checked)} />
        <span>Show absent states</span>
      </label>
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" aria-pressed={mode === 'map'} onClick={() => setViewMode('map')}>
          Map
        </button>
        <button type="button" aria-pressed={mode === 'list'} onClick={() => setViewMode('list')}>
          List
        </button>
      </div>
    </div>
  );
}
