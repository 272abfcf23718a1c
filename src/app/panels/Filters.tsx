/** State and topic filters, absent-state switch and the map/list switch (header). */
import { selectStates, selectTopics } from '../state/selectors';
import { useAtlasStore } from '../state/store';

export function Filters() {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore((s) => s.view);
  const { setStateFilter, setTopicFilter, setShowAbsent, setViewMode } = useAtlasStore.getState();
  if (!dataset) return null;
  return (
    <div className="filters">
      <label>
        <span>State</span>
        <select value={view.state ?? ''} onChange={(e) => setStateFilter(e.target.value || null)}>
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
        <select value={view.topic ?? ''} onChange={(e) => setTopicFilter(e.target.value || null)}>
          <option value="">All topics</option>
          {selectTopics(dataset).map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.label} ({t.count})
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={view.showAbsent} onChange={(e) => setShowAbsent(e.target.checked)} />
        <span>Show absent states</span>
      </label>
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" aria-pressed={view.view === 'map'} onClick={() => setViewMode('map')}>
          Map
        </button>
        <button type="button" aria-pressed={view.view === 'list'} onClick={() => setViewMode('list')}>
          List
        </button>
      </div>
    </div>
  );
}
