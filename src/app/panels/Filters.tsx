/**
 * State and topic filters, absent-state switch and the map/list switch (header). Each
 * list counts its options under the other filter (selectFilterOptions): with China chosen,
 * "TTP (0)" says at once that the pair gives nothing, and such options are disabled.
 */
import { selectFilterOptions } from '../state/selectors';
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
  const options = selectFilterOptions(dataset, { state: stateFilter, topic });
  return (
    <div className="filters">
      <label>
        <span>State</span>
        <select value={stateFilter ?? ''} onChange={(e) => setStateFilter(e.target.value || null)}>
          <option value="">All states</option>
          {options.states.map((s) => (
            <option key={s.iso3} value={s.iso3} disabled={s.count === 0 && s.iso3 !== stateFilter}>
              {s.name} ({s.count}{s.count === 0 && topic !== null ? ' on this topic' : ''})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Topic</span>
        <select value={topic ?? ''} onChange={(e) => setTopicFilter(e.target.value || null)}>
          <option value="">All topics</option>
          {options.topics.map((t) => (
            <option key={t.slug} value={t.slug} disabled={t.count === 0 && t.slug !== topic}>
              {t.label} ({t.count}{t.count === 0 && stateFilter !== null ? ' with this state' : ''})
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
