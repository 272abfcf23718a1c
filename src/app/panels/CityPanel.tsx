/**
 * The panel of the selected venue: a region named "Meetings in <City>", newest first.
 *
 * Beside the map on wide screens. On narrow ones (SHEET_MEDIA, the same width as the
 * phone layout in styles.css) its side panel is a bottom sheet over the map: it opens at
 * about half the map's height, the handle (a button, or dragged) expands or lowers it, and
 * Escape or the close button dismisses it. The sheet tells the map how much of it it
 * covers (MAP_COVERED_EVENT), so the map keeps the selected venue in the part left visible.
 */
import { type PointerEvent as ReactPointerEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MAP_COVERED_EVENT } from '../map/maplibre/mapAdapter';
import { matchesFilters, meetingInWindow, resolveWindow, selectLookup, selectTimeExtent } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { MeetingItem } from './MeetingItem';

/** Where the side panel becomes a bottom sheet; keep in step with the phone layout in styles.css. */
export const SHEET_MEDIA = '(max-width: 800px)';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const list = matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** The height of the map that `cover` hides, in CSS pixels (0 when they sit side by side). */
function coveredBottom(cover: Element): number {
  const map = document.querySelector('.atlas-map');
  if (!map) return 0;
  const m = map.getBoundingClientRect();
  const c = cover.getBoundingClientRect();
  const overlapsX = Math.min(m.right, c.right) - Math.max(m.left, c.left) > m.width / 2;
  return overlapsX ? Math.max(0, Math.round(m.bottom - Math.max(c.top, m.top))) : 0;
}

function announceCover(bottom: number): void {
  window.dispatchEvent(new CustomEvent(MAP_COVERED_EVENT, { detail: { bottom } }));
}

/** A drag on the handle shorter than this (px) is a tap: it toggles. */
const TAP_SLOP = 6;

export function CityPanel() {
  const dataset = useAtlasStore((s) => s.dataset);
  const city = useAtlasStore((s) => s.view.city);
  const from = useAtlasStore((s) => s.view.from);
  const to = useAtlasStore((s) => s.view.to);
  const state = useAtlasStore((s) => s.view.state);
  const topic = useAtlasStore((s) => s.view.topic);
  const person = useAtlasStore((s) => s.view.person);
  const showUndated = useAtlasStore((s) => s.view.showUndated);
  const selectCity = useAtlasStore((s) => s.selectCity);
  const sheet = useMediaQuery(SHEET_MEDIA);
  const [expanded, setExpanded] = useState(false);
  const ref = useRef<HTMLElement>(null);
  const shown = dataset !== null && city !== null;

  const close = () => {
    setExpanded(false);
    selectCity(null);
  };

  // The sheet is the side panel this panel sits in (styles.css sizes it from data-sheet);
  // found by class because the panel itself is not rendered while no city is selected.
  const container = (): HTMLElement | null => ref.current?.closest<HTMLElement>('.side-panel') ?? document.querySelector<HTMLElement>('.side-panel');

  // Tell the map how much of it the sheet covers (the undated tray's strip, or the city
  // panel), now, for each city and whenever the sheet changes size; the same height goes
  // to --sheet-cover on the sheet's parent, which keeps the legend above it (styles.css).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again for each city (the panel's element and height change with it); container() only reads a ref
  useLayoutEffect(() => {
    const cover = container();
    const body = cover?.parentElement;
    if (!sheet || !cover || !body) return;
    let last = -1;
    const report = () => {
      const bottom = coveredBottom(cover);
      if (bottom === last) return;
      last = bottom;
      body.style.setProperty('--sheet-cover', `${bottom}px`);
      announceCover(bottom);
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(cover);
    return () => observer.disconnect();
  }, [sheet, city]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: container() only reads a ref; the cleanup runs when the sheet goes
  useEffect(
    () =>
      sheet
        ? () => {
            container()?.parentElement?.style.removeProperty('--sheet-cover');
            announceCover(0);
          }
        : undefined,
    [sheet],
  );

  // Escape closes the sheet wherever the focus is (on the venue just tapped, typically),
  // except inside a form control, whose own Escape comes first.
  useEffect(() => {
    if (!sheet || !shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea')) return;
      setExpanded(false);
      selectCity(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [sheet, shown, selectCity]);

  /** Dragging the handle: the sheet follows the finger; on release it settles expanded, half, or closed. */
  const onHandlePointerDown = (down: ReactPointerEvent<HTMLButtonElement>) => {
    const cover = container();
    const body = cover?.parentElement;
    if (!cover || !body) return;
    const handle = down.currentTarget;
    handle.setPointerCapture(down.pointerId);
    const startY = down.clientY;
    const startHeight = cover.getBoundingClientRect().height;
    const room = body.getBoundingClientRect().height;
    let moved = false;
    const onMove = (e: PointerEvent) => {
      const dy = e.clientY - startY;
      if (!moved && Math.abs(dy) < TAP_SLOP) return;
      moved = true;
      cover.style.setProperty('--sheet-height', `${Math.max(40, Math.min(room, startHeight - dy))}px`);
    };
    const onUp = (e: PointerEvent) => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
      if (!moved) return; // a tap: the click handler toggles
      handle.dataset.dragged = '';
      const height = startHeight - (e.clientY - startY);
      cover.style.removeProperty('--sheet-height');
      if (height > room * 0.7) setExpanded(true);
      else if (height < room * 0.25) close();
      else setExpanded(false);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };

  if (!dataset || !city) return null;
  const lookup = selectLookup(dataset);
  const place = lookup.places.get(city);
  const name = place?.name ?? city;
  const all = lookup.byVenue.get(city) ?? [];
  const meetings = all.filter((m) => matchesFilters(dataset, m, { state, topic, person }));
  const window = resolveWindow({ from, to }, selectTimeExtent(dataset));
  const inWindow = new Set(meetings.filter((m) => window && meetingInWindow(m, window)));
  const filteredOut = all.length - meetings.length;
  return (
    <section
      ref={ref}
      className="city-panel"
      aria-label={`Meetings in ${name}`}
      data-sheet={sheet ? (expanded ? 'full' : 'half') : undefined}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <header className="panel-header">
        <button
          type="button"
          className="sheet-handle"
          aria-expanded={expanded}
          aria-label={expanded ? `Lower the meetings in ${name}` : `Expand the meetings in ${name}`}
          onPointerDown={onHandlePointerDown}
          onClick={(e) => {
            // The click that ends a drag has been handled on release.
            if (e.currentTarget.dataset.dragged !== undefined) delete e.currentTarget.dataset.dragged;
            else setExpanded((x) => !x);
          }}
        />
        <h2>Meetings in {name}</h2>
        <button type="button" className="close" onClick={close} aria-label={`Close meetings in ${name}`}>
          ×
        </button>
      </header>
      <p className="panel-summary">
        {meetings.length} meeting{meetings.length === 1 ? '' : 's'} here, {inWindow.size} in the time window
        {filteredOut > 0 ? ` (${filteredOut} hidden by the filters)` : ''}.
      </p>
      <ol className="meetings">
        {meetings.map((m) => (
          <MeetingItem key={m.id} dataset={dataset} meeting={m} outsideWindow={!inWindow.has(m) && !(showUndated && m.date.start === null)} />
        ))}
      </ol>
    </section>
  );
}
