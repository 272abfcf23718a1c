/**
 * The embed's venue card (issue 21): a click or Enter on a venue opens a compact card over
 * the map with that venue's meetings (date, participants, one quote and its source) and the
 * way to the full view, so a reader of a report sees the evidence without leaving it.
 *
 * A city in the embed's URL only highlights its venue (the author's emphasis); the card
 * opens when the reader picks a venue. Wide embeds show the card beside the venue, on the
 * side of the map away from it; narrow ones at the bottom, with the map told how much it
 * covers (MAP_COVERED_EVENT) so the venue stays in view above it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MAP_COVERED_EVENT } from '../map/maplibre/mapAdapter';
import { formatMeetingDate } from '../panels/meetingDate';
import { SourceCitation } from '../panels/SourceCitation';
import { matchesFilters, meetingInWindow, resolveWindow, selectLookup, selectTimeExtent } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { serializeView } from '../url/codec';
import './share.css';

/** Below this map width the card sits at the bottom of the map, across it. */
export const CARD_AT_BOTTOM_BELOW_PX = 600;

type Placement = 'left' | 'right' | 'bottom';

function announceCover(bottom: number): void {
  window.dispatchEvent(new CustomEvent(MAP_COVERED_EVENT, { detail: { bottom } }));
}


/**
 * Opens the card for the venue a reader picks: a click or Enter on a venue button (caught
 * before the map's own handler, so the venue already highlighted from the URL opens too),
 * or a city chosen any other way after load.
 */
function usePickedVenue(stage: HTMLElement | null): [string | null, (id: string | null) => void] {
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => {
    if (!stage) return;
    const onClick = (e: MouseEvent) => {
      const marker = e.target instanceof Element ? e.target.closest<HTMLElement>('.venue-marker[data-venue]') : null;
      if (marker) setPicked(marker.dataset.venue!);
    };
    stage.addEventListener('click', onClick, true);
    const unsubscribe = useAtlasStore.subscribe((s, prev) => {
      if (s.view.city !== prev.view.city) setPicked(s.view.city);
    });
    return () => {
      stage.removeEventListener('click', onClick, true);
      unsubscribe();
    };
  }, [stage]);
  return [picked, setPicked];
}

export function EmbedCard({ stage }: { stage: HTMLElement | null }) {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore((s) => s.view);
  const [picked, setPicked] = usePickedVenue(stage);
  const ref = useRef<HTMLElement>(null);
  const [placement, setPlacement] = useState<Placement>('bottom');
  const place = dataset && picked ? selectLookup(dataset).places.get(picked) : undefined;

  // Where the card goes, once per venue: across the bottom of a narrow map, else on the
  // side away from the venue. Then focus it, so Enter on a venue leads a keyboard into it.
  useLayoutEffect(() => {
    if (!place || !stage) return;
    const box = stage.getBoundingClientRect();
    const marker = stage.querySelector(`.venue-marker[data-venue="${CSS.escape(place.id)}"]`)?.getBoundingClientRect();
    const x = marker ? marker.left + marker.width / 2 - box.left : box.width / 2;
    setPlacement(box.width < CARD_AT_BOTTOM_BELOW_PX ? 'bottom' : x > box.width / 2 ? 'left' : 'right');
    ref.current?.focus({ preventScroll: true });
  }, [place, stage]);

  // A card across the bottom covers the map's lower part: keep the venue above it.
  useLayoutEffect(() => {
    const card = ref.current;
    if (!place || placement !== 'bottom' || !card || !stage) return;
    const map = stage.querySelector('.atlas-map') ?? stage;
    const report = () => announceCover(Math.max(0, Math.round(map.getBoundingClientRect().bottom - card.getBoundingClientRect().top)));
    report();
    const observer = new ResizeObserver(report);
    observer.observe(card);
    return () => {
      observer.disconnect();
      announceCover(0);
    };
  }, [place, placement, stage]);

  if (!dataset || !place) return null;
  const close = () => {
    const marker = stage?.querySelector<HTMLElement>(`.venue-marker[data-venue="${CSS.escape(place.id)}"]`);
    setPicked(null);
    marker?.focus({ preventScroll: true });
  };

  const all = (selectLookup(dataset).byVenue.get(place.id) ?? []).filter((m) => matchesFilters(dataset, m, view));
  const window = resolveWindow(view, selectTimeExtent(dataset));
  const inWindow = all.filter((m) => window !== null && meetingInWindow(m, window));
  // The window's meetings first (what the map shows), then the rest, each newest first.
  const meetings = [...inWindow, ...all.filter((m) => !inWindow.includes(m))];
  const query = serializeView({ ...view, city: place.id, embed: false, animate: true });
  const fullView = new URL(`${location.pathname}${query ? `?${query}` : ''}`, location.href).toString();
  const lookup = selectLookup(dataset);
  const states = lookup.states;

  return (
    <section
      ref={ref}
      className={`embed-card embed-card--${placement}`}
      role="dialog"
      aria-label={`Meetings in ${place.name}`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <header className="embed-card__header">
        <h2>Meetings in {place.name}</h2>
        <button type="button" className="close" onClick={close} aria-label={`Close meetings in ${place.name}`}>
          ×
        </button>
      </header>
      <p className="embed-card__summary">
        {inWindow.length} of {all.length} meeting{all.length === 1 ? '' : 's'} here in the time window
      </p>
      <ol className="embed-card__meetings">
        {meetings.map((m) => (
          <li key={m.id} className={inWindow.includes(m) ? undefined : 'outside-window'} data-meeting-id={m.id}>
            <p className="embed-card__date">
              {formatMeetingDate(m.date)}
              {m.status !== 'held' && <span className={`meeting-status ${m.status}`}>{m.status === 'planned' ? 'Planned' : 'Cancelled'}</span>}
              {!inWindow.includes(m) && <span className="embed-card__outside"> · outside the time window</span>}
            </p>
            <h3>{m.title}</h3>
            <p className="embed-card__participants">{m.participants.map((iso3) => states.get(iso3)?.name ?? iso3).join(', ')}</p>
            {m.sources[0] && <blockquote>{m.sources[0].quote}</blockquote>}
            <p className="embed-card__source">
              {m.sources[0] && <SourceCitation file={m.sources[0].file} source={lookup.sources.get(m.sources[0].file)} />}
              {m.sources.length > 1 ? ` (+${m.sources.length - 1} more in the full view)` : ''}
            </p>
          </li>
        ))}
      </ol>
      <p className="embed-card__more">
        <a href={fullView} target="_blank" rel="noopener">
          Open full view ↗
        </a>
      </p>
    </section>
  );
}
