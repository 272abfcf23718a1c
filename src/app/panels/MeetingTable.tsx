/**
 * The list view: the meetings the map shows, as a table a screen-reader user can read
 * instead of the map, in sync with the window and filters. Newest first.
 */
import { selectLookup, selectVisibleMeetings, sortNewestFirst } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { formatMeetingDate } from './meetingDate';
import { personInWords } from '../../export/person';
import { reportedBy, stateLabel, stateNames } from './MeetingItem';
import { SourceCitation } from './SourceCitation';
import { useMemo } from 'react';

/** Rows rendered at once; past this the table says how many more there are. */
const MAX_ROWS = 1000;

export function MeetingTable() {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore((s) => s.view);
  const selectMeeting = useAtlasStore((s) => s.selectMeeting);
  const hoverMeeting = useAtlasStore((s) => s.hoverMeeting);
  const visible = dataset ? selectVisibleMeetings(dataset, view) : null;
  const rows = useMemo(() => (visible ? sortNewestFirst(visible) : []), [visible]);
  if (!dataset) return null;
  const { places, sources } = selectLookup(dataset);
  return (
    <div className="meeting-table-wrap">
      <table className="meeting-table">
        <caption>
          Meetings in the current window and filters ({rows.length}){rows.length > MAX_ROWS ? `; the first ${MAX_ROWS} are listed` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Meeting</th>
            <th scope="col">Venue</th>
            <th scope="col">Participants</th>
            <th scope="col">People</th>
            <th scope="col">Absent</th>
            <th scope="col">Status</th>
            <th scope="col">Topics</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((m) => (
            <tr key={m.id} className={view.meeting === m.id ? 'selected' : undefined} onMouseEnter={() => hoverMeeting(m.id)} onMouseLeave={() => hoverMeeting(null)}>
              <td>{formatMeetingDate(m.date)}</td>
              <th scope="row">
                <button type="button" className="link" onClick={() => selectMeeting(m.id)}>
                  {m.title}
                </button>
              </th>
              <td>{m.venuePlaceId ? (places.get(m.venuePlaceId)?.name ?? m.venuePlaceId) : m.kind === 'call' ? 'Call' : 'Unknown'}</td>
              <td>{stateNames(dataset, m.participants).join(', ')}</td>
              <td>{m.people.map((p) => personInWords(p, stateLabel(dataset))).join('; ')}</td>
              <td>{stateNames(dataset, m.absent).join(', ')}</td>
              <td>{m.status}</td>
              <td>{m.topics.join(', ')}</td>
              <td>
                {reportedBy(m) > 1 && <span className="reported-by">Reported by {reportedBy(m)} sources: </span>}
                {[...new Set(m.sources.map((s) => s.file))].map((file, i) => (
                  <span key={file}>
                    {i > 0 && '; '}
                    <SourceCitation file={file} source={sources.get(file)} />
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
