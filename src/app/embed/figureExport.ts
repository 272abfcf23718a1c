/**
 * "Download PNG" in the browser: the current view's map picture framed by
 * src/export/figure.ts (title, window, legend, credit) at 2x, as a PNG blob.
 */
import type { Dataset, Meeting } from '../../dataset/schema';
import { altText, type AltTextView } from '../../export/altText';
import { creditLine } from '../../export/credit';
import { drawFigure, figureLayout, type FigureContent, type LegendItem, type VenueMark } from '../../export/figure';
import { mountedMapCapture } from '../map/mapCaptureRegistry';
import { PALETTE } from '../palette';
import { resolveWindow, selectPerson, selectTimeExtent } from '../state/selectors';
import type { ViewState } from '../state/viewState';
import { formatDay } from '../time/days';

export const FIGURE_SCALE = 2;

/** What the map shows, in the legend's words; absent states only when the map draws them. */
export function figureLegend(view: Pick<ViewState, 'showAbsent'>): LegendItem[] {
  // Same colours as the map and its on-screen legend (src/app/palette.ts).
  const items: LegendItem[] = [
    { label: 'Venue (size: meetings)', symbol: 'venue', colour: PALETTE.venue },
    { label: 'Link from a participant’s capital', symbol: 'line', colour: PALETTE.held },
    { label: 'Planned or cancelled', symbol: 'dashed', colour: PALETTE.unheld },
    { label: 'Host state', symbol: 'ring', colour: PALETTE.held },
  ];
  if (view.showAbsent) items.push({ label: 'Absent state', symbol: 'dashed', colour: PALETTE.absent });
  return items;
}

export function figureContent(dataset: Dataset, view: ViewState, meetings: readonly Meeting[]): FigureContent {
  const window = resolveWindow(view, selectTimeExtent(dataset));
  const city = view.city ? dataset.places.find((p) => p.id === view.city)?.name : undefined;
  const state = view.state ? dataset.states.find((s) => s.iso3 === view.state)?.name : undefined;
  // A person is named as the dataset writes them ("with Mohsin Naqvi").
  const person = view.person ? selectPerson(dataset, view.person)?.name : undefined;
  const title = ['Security meetings', state ? `attended by ${state}` : '', person ? `with ${person}` : '', view.topic ? `on ${view.topic}` : '', city ? `· ${city}` : '']
    .filter(Boolean)
    .join(' ');
  const count = `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}`;
  return {
    title,
    subtitle: window ? `${formatDay(window.from)} – ${formatDay(window.to)} · ${count}` : count,
    legend: figureLegend(view),
    credit: creditLine(dataset, meetings),
  };
}

export function viewAltText(dataset: Dataset, view: ViewState, meetings: readonly Meeting[]): string {
  const alt: AltTextView = view;
  return altText(meetings, dataset, alt);
}

/**
 * Venue markers are DOM buttons over the map (src/app/map/maplibre/venueMarkers.ts), so they are
 * not in the WebGL picture: read where they are and what their labels say.
 */
export function venueMarks(container: HTMLElement): VenueMark[] {
  const origin = container.getBoundingClientRect();
  return Array.from(container.querySelectorAll<HTMLElement>('.venue-marker')).map((marker) => {
    const box = marker.getBoundingClientRect();
    const labelEl = marker.querySelector<HTMLElement>('.venue-marker__label');
    const hidden = !labelEl || marker.dataset.labelSide === 'hidden' || getComputedStyle(labelEl).display === 'none';
    const labelBox = labelEl?.getBoundingClientRect();
    return {
      x: box.left + box.width / 2 - origin.left,
      y: box.top + box.height / 2 - origin.top,
      radius: box.width / 2,
      label: hidden || !labelBox ? null : { text: labelEl.textContent ?? '', x: labelBox.left - origin.left, y: labelBox.top + labelBox.height / 2 - origin.top },
    };
  });
}

/** Renders the figure; rejects when the map is not on the page (list view, still loading). */
export async function renderFigurePng(dataset: Dataset, view: ViewState, meetings: readonly Meeting[]): Promise<Blob> {
  const map = mountedMapCapture();
  if (!map) throw new Error('The map is not shown: switch to the map view to download a PNG.');
  const container = map.container;
  // The figure shows every venue it counts: venues outside the view (edge markers on
  // screen) are brought into the picture for the capture, and the view put back after.
  const restore = map.frameVenues();
  let picture: HTMLCanvasElement;
  let venues: VenueMark[];
  try {
    picture = await map.capture(FIGURE_SCALE);
    venues = venueMarks(container);
  } finally {
    restore();
  }
  const layout = figureLayout(container.clientWidth, container.clientHeight, FIGURE_SCALE);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * FIGURE_SCALE);
  canvas.height = Math.round(layout.height * FIGURE_SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  await document.fonts.ready;
  drawFigure(ctx, layout, { ...figureContent(dataset, view, meetings), venues }, picture);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png'),
  );
}

/** Saves a blob through a temporary link (works offline; no server round trip). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
