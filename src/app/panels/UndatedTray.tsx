/** Meetings without a usable date: never silently hidden, listed here and optionally mapped. */
import { useState } from 'react';
import { selectUndatedMeetings } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { MeetingItem } from './MeetingItem';

/** Items rendered per "show more": a large dataset has hundreds of undated meetings. */
const UNDATED_PAGE = 100;

export function UndatedTray() {
  const dataset = useAtlasStore((s) => s.dataset);
  const state = useAtlasStore((s) => s.view.state);
  const topic = useAtlasStore((s) => s.view.topic);
  const person = useAtlasStore((s) => s.view.person);
  const showUndated = useAtlasStore((s) => s.view.showUndated);
  const setShowUndated = useAtlasStore((s) => s.setShowUndated);
  // The list is rendered only while the tray is open, a page at a time: mounted but folded,
  // hundreds of items would be re-checked by every store change (a window step; issue 6).
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(UNDATED_PAGE);
  if (!dataset) return null;
  const undated = selectUndatedMeetings(dataset, { state, topic, person });
  if (undated.length === 0) return null;
  const rest = undated.length - shown;
  return (
    <section className="undated-tray" aria-label="Undated meetings">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Undated meetings ({undated.length})</summary>
        <p className="hint">The articles do not say when these took place, so the time window cannot include them.</p>
        {open && (
          <ol className="meetings">
            {undated.slice(0, shown).map((m) => (
              <MeetingItem key={m.id} dataset={dataset} meeting={m} />
            ))}
          </ol>
        )}
        {open && rest > 0 && (
          <button type="button" className="more" onClick={() => setShown((n) => n + UNDATED_PAGE)}>
            Show {Math.min(rest, UNDATED_PAGE)} more of {rest}
          </button>
        )}
      </details>
      <label className="check">
        <input type="checkbox" checked={showUndated} onChange={(e) => setShowUndated(e.target.checked)} />
        <span>Show undated meetings on the map</span>
      </label>
    </section>
  );
}
