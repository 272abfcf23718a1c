/** The panel of the selected venue: a region named "Meetings in <City>", newest first. */
import { matchesFilters, meetingInWindow, resolveWindow, selectLookup, selectTimeExtent } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { MeetingItem } from './MeetingItem';

export function CityPanel() {
  const dataset = useAtlasStore((s) => s.dataset);
  const city = useAtlasStore((s) => s.view.city);
  const from = useAtlasStore((s) => s.view.from);
  const to = useAtlasStore((s) => s.view.to);
  const state = useAtlasStore((s) => s.view.state);
  const topic = useAtlasStore((s) => s.view.topic);
  const selectCity = useAtlasStore((s) => s.selectCity);
  if (!dataset || !city) return null;
  const lookup = selectLookup(dataset);
  const place = lookup.places.get(city);
  const name = place?.name ?? city;
  const all = lookup.byVenue.get(city) ?? [];
  const meetings = all.filter((m) => matchesFilters(dataset, m, { state, topic }));
  const window = resolveWindow({ from, to }, selectTimeExtent(dataset));
  const inWindow = new Set(meetings.filter((m) => window && meetingInWindow(m, window)));
  const filteredOut = all.length - meetings.length;
  return (
    <section
      className="city-panel"
      role="region"
      aria-label={`Meetings in ${name}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') selectCity(null);
      }}
    >
      <header className="panel-header">
        <h2>Meetings in {name}</h2>
        <button type="button" className="close" onClick={() => selectCity(null)} aria-label={`Close meetings in ${name}`}>
          ×
        </button>
      </header>
      <p className="panel-summary">
        {meetings.length} meeting{meetings.length === 1 ? '' : 's'} here, {inWindow.size} in the time window
        {filteredOut > 0 ? ` (${filteredOut} hidden by the filters)` : ''}.
      </p>
      <ol className="meetings">
        {meetings.map((m) => (
          <MeetingItem key={m.id} dataset={dataset} meeting={m} outsideWindow={!inWindow.has(m)} />
        ))}
      </ol>
    </section>
  );
}
