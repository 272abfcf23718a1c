/**
 * The live line "Showing N of M meetings" with the window, read on every change. It counts
 * what the map can draw apart from what it cannot (meetings without a place are listed,
 * not drawn), and when the view shows nothing it says which filter to loosen, with a
 * button for each way out (selectLoosenings).
 */
import { type Loosening, resolveWindow, selectLookup, selectLoosenings, selectPerson, selectTimeExtent, selectTopics, selectUndatedMeetings, selectVisibleMeetings } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { formatDay } from '../time/days';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function StatusLine() {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore((s) => s.view);
  if (!dataset) return null;
  const visible = selectVisibleMeetings(dataset, view);
  const window = resolveWindow(view, selectTimeExtent(dataset));
  const undatedHidden = view.showUndated ? 0 : selectUndatedMeetings(dataset, view).length;
  const total = dataset.meetings.length;
  let placeless = 0;
  for (const m of visible) if (m.venuePlaceId === null) placeless++;
  const notes: string[] = [];
  if (placeless > 0) notes.push(`${visible.length - placeless} on the map, ${placeless} without a place (listed, not drawn)`);
  if (undatedHidden > 0) notes.push(`${undatedHidden} undated not shown`);
  return (
    <>
      <p className="status-line" role="status">
        Showing {visible.length} of {total} meeting{total === 1 ? '' : 's'}
        {window ? `, ${formatDay(window.from)} – ${formatDay(window.to)}` : ''}
        {notes.length > 0 ? ` (${notes.join('; ')})` : ''}
      </p>
      {visible.length === 0 && <EmptyAdvice advice={selectLoosenings(dataset, view)} />}
    </>
  );
}

/** "Nothing matches China and TTP: clear the topic (2 meetings) or ..." with buttons. */
function EmptyAdvice({ advice }: { advice: Loosening[] }) {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore((s) => s.view);
  const { setStateFilter, setTopicFilter, setPersonFilter, setWindow } = useAtlasStore.getState();
  if (!dataset || advice.length === 0) return null;
  const stateName = view.state ? (selectLookup(dataset).states.get(view.state)?.name ?? view.state) : null;
  const topicLabel = view.topic ? (selectTopics(dataset).find((t) => t.slug === view.topic)?.label ?? view.topic) : null;
  const personName = view.person ? (selectPerson(dataset, view.person)?.name ?? view.person) : null;
  const filters = [stateName, topicLabel ? `the topic ${topicLabel}` : null, personName].filter(Boolean).join(' and ');
  const what: Record<Loosening['action'], string> = {
    'clear-topic': 'Clear the topic',
    'clear-state': 'Clear the state',
    'clear-person': 'Clear the person',
    'full-range': 'Show the whole time range',
  };
  const label = (a: Loosening) => `${what[a.action]} (${plural(a.count, 'meeting')})`;
  const act = (a: Loosening) => {
    if (a.action === 'clear-topic') setTopicFilter(null);
    else if (a.action === 'clear-state') setStateFilter(null);
    else if (a.action === 'clear-person') setPersonFilter(null);
    else setWindow(null, null);
  };
  return (
    <p className="empty-advice" aria-live="polite">
      Nothing matches {filters || 'this time window'}
      {filters && (view.from !== null || view.to !== null) ? ' in this time window' : ''}. To see meetings:{' '}
      {advice.map((a) => (
        <button type="button" key={a.action} onClick={() => act(a)}>
          {label(a)}
        </button>
      ))}
    </p>
  );
}
