/** Meetings without a usable date: never silently hidden, listed here and optionally mapped. */
import { selectUndatedMeetings } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { MeetingItem } from './MeetingItem';

export function UndatedTray() {
  const dataset = useAtlasStore((s) => s.dataset);
  const state = useAtlasStore((s) => s.view.state);
  const topic = useAtlasStore((s) => s.view.topic);
  const showUndated = useAtlasStore((s) => s.view.showUndated);
  const setShowUndated = useAtlasStore((s) => s.setShowUndated);
  if (!dataset) return null;
  const undated = selectUndatedMeetings(dataset, { state, topic });
  if (undated.length === 0) return null;
  return (
    <section className="undated-tray" role="region" aria-label="Undated meetings">
      <details>
        <summary>Undated meetings ({undated.length})</summary>
        <p className="hint">The articles do not say when these took place, so the time window cannot include them.</p>
        <ol className="meetings">
          {undated.map((m) => (
            <MeetingItem key={m.id} dataset={dataset} meeting={m} />
          ))}
        </ol>
      </details>
      <label className="check">
        <input type="checkbox" checked={showUndated} onChange={(e) => setShowUndated(e.target.checked)} />
        <span>Show undated meetings on the map</span>
      </label>
    </section>
  );
}
