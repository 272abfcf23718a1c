/** The live line "Showing N of M meetings" with the window, read on every change. */
import { resolveWindow, selectTimeExtent, selectUndatedMeetings, selectVisibleMeetings } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { formatDay } from '../timeline/days';

export function StatusLine() {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore((s) => s.view);
  if (!dataset) return null;
  const visible = selectVisibleMeetings(dataset, view);
  const window = resolveWindow(view, selectTimeExtent(dataset));
  const undatedHidden = view.showUndated ? 0 : selectUndatedMeetings(dataset, view).length;
  const total = dataset.meetings.length;
  return (
    <p className="status-line" role="status">
      Showing {visible.length} of {total} meeting{total === 1 ? '' : 's'}
      {window ? `, ${formatDay(window.from)} – ${formatDay(window.to)}` : ''}
      {undatedHidden > 0 ? ` (${undatedHidden} undated not shown)` : ''}
    </p>
  );
}
