/**
 * One meeting as the panels list it: its date as precisely as the text gave it, title,
 * participants and absentees, status when not held, and the evidence quotes with their
 * source, cited by outlet and date. Article text is untrusted, so everything is rendered as text (React escapes it).
 */
import { memo } from 'react';
import type { Dataset, EvidenceSpan, Meeting } from '../../dataset/schema';
import { selectLookup } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { formatMeetingDate } from './meetingDate';
import { SourceCitation } from './SourceCitation';

export function stateNames(dataset: Dataset, codes: readonly string[]): string[] {
  const { states } = selectLookup(dataset);
  return codes.map((c) => states.get(c)?.name ?? c);
}

/** Quotes shown at once; the rest wait behind a "more quotes" switch so a panel stays scannable. */
const QUOTES_SHOWN = 2;

/** Memoised: a window step re-renders the panel, but only items whose props changed. */
export const MeetingItem = memo(function MeetingItem({ dataset, meeting, outsideWindow }: { dataset: Dataset; meeting: Meeting; outsideWindow?: boolean }) {
  const selected = useAtlasStore((s) => s.view.meeting === meeting.id);
  const selectMeeting = useAtlasStore((s) => s.selectMeeting);
  const hoverMeeting = useAtlasStore((s) => s.hoverMeeting);
  const setStateFilter = useAtlasStore((s) => s.setStateFilter);
  const lookup = selectLookup(dataset);
  const venue = meeting.venuePlaceId ? lookup.places.get(meeting.venuePlaceId) : undefined;
  const stateButton = (iso3: string) => (
    <button type="button" className="state-chip" key={iso3} onClick={() => setStateFilter(iso3)} title={`Show only meetings ${lookup.states.get(iso3)?.name ?? iso3} attended`}>
      {lookup.states.get(iso3)?.name ?? iso3}
    </button>
  );
  const renderSpan = (span: EvidenceSpan, i: number) => {
    return (
      <li key={i}>
        <blockquote>{span.quote}</blockquote>
        <p className="source">
          <SourceCitation file={span.file} source={lookup.sources.get(span.file)} />
        </p>
      </li>
    );
  };
  return (
    <li
      className={`meeting${selected ? ' selected' : ''}${outsideWindow ? ' outside-window' : ''} status-${meeting.status}`}
      onMouseEnter={() => hoverMeeting(meeting.id)}
      onMouseLeave={() => hoverMeeting(null)}
      data-meeting-id={meeting.id}
    >
      <p className="meeting-date">
        {formatMeetingDate(meeting.date)}
        {meeting.status !== 'held' && <span className={`meeting-status ${meeting.status}`}>{meeting.status === 'planned' ? 'Planned' : 'Cancelled'}</span>}
      </p>
      <h3 className="meeting-title">
        <button type="button" aria-pressed={selected} onClick={() => selectMeeting(selected ? null : meeting.id)}>
          {meeting.title}
        </button>
      </h3>
      {outsideWindow && <p className="hint">Outside the time window: select it to move the window there.</p>}
      {venue === undefined && meeting.kind === 'call' && <p className="hint">A call (no venue).</p>}
      <p className="participants">
        <span className="label">Participants: </span>
        {meeting.participants.map(stateButton)}
      </p>
      {meeting.absent.length > 0 && (
        <p className="absent">
          <span className="label">Absent: </span>
          {meeting.absent.map(stateButton)}
        </p>
      )}
      <ul className="evidence" aria-label="Evidence">
        {meeting.sources.slice(0, QUOTES_SHOWN).map(renderSpan)}
      </ul>
      {meeting.sources.length > QUOTES_SHOWN && (
        <details className="more-evidence">
          <summary>
            {meeting.sources.length - QUOTES_SHOWN} more quote{meeting.sources.length - QUOTES_SHOWN === 1 ? '' : 's'}
          </summary>
          <ul className="evidence" aria-label="More evidence">
            {meeting.sources.slice(QUOTES_SHOWN).map((span, i) => renderSpan(span, i + QUOTES_SHOWN))}
          </ul>
        </details>
      )}
    </li>
  );
});
