/**
 * One meeting as the panels list it: its date as precisely as the text gave it, title,
 * participants and absentees, the people at the table (name, office, state), status when not held, and the evidence quotes with their
 * source, cited by outlet and date. Article text is untrusted, so everything is rendered as text (React escapes it).
 */
import { memo } from 'react';
import type { Dataset, EvidenceSpan, Meeting } from '../../dataset/schema';
import { personAbout } from '../../export/person';
import { personSlug, selectLookup } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { formatMeetingDate } from './meetingDate';
import { SourceCitation } from './SourceCitation';

/** A state's name as the panels write it (its code where the dataset has no name for it). */
export function stateLabel(dataset: Dataset): (iso3: string) => string {
  const { states } = selectLookup(dataset);
  return (iso3) => states.get(iso3)?.name ?? iso3;
}

export function stateNames(dataset: Dataset, codes: readonly string[]): string[] {
  return codes.map(stateLabel(dataset));
}

/** Quotes shown at once; the rest wait behind a "more quotes" switch so a panel stays scannable. */
const QUOTES_SHOWN = 2;

/** How many articles report the meeting (the merge stage joins their reports into one meeting). */
export function reportedBy(meeting: Meeting): number {
  return new Set(meeting.sources.map((s) => s.file)).size;
}

/** The evidence with each article's first quote first, so every report is seen before a second quote of one. */
function evidenceOrder(spans: readonly EvidenceSpan[]): EvidenceSpan[] {
  const firsts = spans.filter((s, i) => spans.findIndex((x) => x.file === s.file) === i);
  return [...firsts, ...spans.filter((s) => !firsts.includes(s))];
}

/** Memoised: a window step re-renders the panel, but only items whose props changed. */
export const MeetingItem = memo(function MeetingItem({ dataset, meeting, outsideWindow }: { dataset: Dataset; meeting: Meeting; outsideWindow?: boolean }) {
  const selected = useAtlasStore((s) => s.view.meeting === meeting.id);
  const selectMeeting = useAtlasStore((s) => s.selectMeeting);
  const hoverMeeting = useAtlasStore((s) => s.hoverMeeting);
  const setStateFilter = useAtlasStore((s) => s.setStateFilter);
  const setPersonFilter = useAtlasStore((s) => s.setPersonFilter);
  const personFilter = useAtlasStore((s) => s.view.person);
  const lookup = selectLookup(dataset);
  const venue = meeting.venuePlaceId ? lookup.places.get(meeting.venuePlaceId) : undefined;
  const evidence = evidenceOrder(meeting.sources);
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
      {outsideWindow &&
        (meeting.date.start === null ? (
          <p className="hint">Undated, so not on the map: select it to show the undated meetings.</p>
        ) : (
          <p className="hint">Outside the time window: select it to move the window there.</p>
        ))}
      {venue === undefined && meeting.kind === 'call' && <p className="hint">A call (no venue).</p>}
      <p className="participants">
        <span className="label">Participants: </span>
        {meeting.participants.map(stateButton)}
      </p>
      {meeting.people.length > 0 && (
        <div className="people">
          <span className="label">At the table: </span>
          <ul aria-label="People at the table">
            {meeting.people.map((person) => {
              const slug = personSlug(person);
              const role = personAbout(person, stateLabel(dataset));
              const chosen = personFilter === slug;
              return (
                <li key={`${slug}:${person.evidence.start}`} className="person">
                  <button
                    type="button"
                    className="person-name"
                    aria-pressed={chosen}
                    onClick={() => setPersonFilter(chosen ? null : slug)}
                    title={chosen ? `Show every person's meetings again` : `Show only meetings ${person.name} attended`}
                  >
                    {person.name}
                  </button>
                  {role && <span className="person-role"> ({role})</span>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {meeting.absent.length > 0 && (
        <p className="absent">
          <span className="label">Absent: </span>
          {meeting.absent.map(stateButton)}
        </p>
      )}
      {reportedBy(meeting) > 1 && (
        <p className="reported-by">
          Reported by {reportedBy(meeting)} sources:{' '}
          {[...new Set(meeting.sources.map((s) => s.file))].map((file, i) => (
            <span key={file}>
              {i > 0 && '; '}
              <SourceCitation file={file} source={lookup.sources.get(file)} />
            </span>
          ))}
        </p>
      )}
      {meeting.disagreements?.map((d) => (
        <div className="disagreement" key={d.field} role="note">
          <p>
            Reports differ on the {d.field}; shown: <strong>{d.field === 'date' ? formatMeetingDate({ start: d.chosen, end: d.chosen, precision: 'day' }) : d.chosen}</strong>
          </p>
          <ul>
            {d.values.map((v) => (
              <li key={`${v.file}:${v.value}`}>
                <strong>{d.field === 'date' ? formatMeetingDate({ start: v.value, end: v.value, precision: 'day' }) : v.value}</strong> — <SourceCitation file={v.file} source={lookup.sources.get(v.file)} />: “{v.quote}”
              </li>
            ))}
          </ul>
        </div>
      ))}
      <ul className="evidence" aria-label="Evidence">
        {evidence.slice(0, QUOTES_SHOWN).map(renderSpan)}
      </ul>
      {meeting.sources.length > QUOTES_SHOWN && (
        <details className="more-evidence">
          <summary>
            {meeting.sources.length - QUOTES_SHOWN} more quote{meeting.sources.length - QUOTES_SHOWN === 1 ? '' : 's'}
          </summary>
          <ul className="evidence" aria-label="More evidence">
            {evidence.slice(QUOTES_SHOWN).map((span, i) => renderSpan(span, i + QUOTES_SHOWN))}
          </ul>
        </details>
      )}
    </li>
  );
});
