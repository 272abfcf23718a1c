/**
 * ViewState ⇄ query string, so every view is a permalink. Parsing never throws: a value
 * that does not fit falls back to its default and leaves a notice that names the
 * parameter and what was expected (issue 7). Only values that differ from the defaults
 * are written, in a fixed order, so equal views give equal URLs.
 *
 * Parameters: from, to (YYYY-MM-DD), city (place id), meeting (meeting id), state (ISO3),
 * topic (slug), person (slug), absent=1, undated=1, animate=0, cam=lon,lat,zoom, embed=1, view=list.
 */
import { type ParsedView, checkViewAgainstDataset, shown } from '../state/checkView';
import { type Camera, DEFAULT_VIEW_STATE, type ViewState } from '../state/viewState';
import { dayFromIso } from '../time/days';

// The dataset check lives with the store, which runs it when a dataset or a URL arrives.
export { type ParsedView, checkViewAgainstDataset };

export const URL_PARAMETERS = ['from', 'to', 'city', 'meeting', 'state', 'topic', 'person', 'absent', 'undated', 'animate', 'cam', 'embed', 'view'] as const;

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const MEETING_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const ISO3 = /^[A-Za-z]{3}$/;

function parseSwitch(name: string, value: string, notices: string[], fallback: boolean): boolean {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  notices.push(`Ignored ${name}=${shown(value)}: expected 1 or 0.`);
  return fallback;
}

function parseCamera(value: string, notices: string[]): Camera | null {
  const parts = value.split(',');
  const [lon, lat, zoom] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length === 3 && lon !== undefined && lat !== undefined && zoom !== undefined) {
    if (Number.isFinite(lon) && Number.isFinite(lat) && Number.isFinite(zoom) && Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22) {
      return { lon, lat, zoom };
    }
  }
  notices.push(`Ignored cam=${shown(value)}: expected longitude,latitude,zoom such as 69.2,34.5,5 (longitude −180..180, latitude −85..85, zoom 0..22).`);
  return null;
}

/** Reads a query string ("?from=…" or "from=…") into a view. Never throws. */
export function parseViewQuery(search: string): ParsedView {
  const notices: string[] = [];
  const view: ViewState = { ...DEFAULT_VIEW_STATE };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { view, notices: ['The address has a query string that could not be read; showing the default view.'] };
  }
  const unknown: string[] = [];
  for (const [name, raw] of params) {
    const value = raw.trim();
    switch (name) {
      case 'from':
      case 'to':
        if (dayFromIso(value) !== null) view[name] = value;
        else notices.push(`Ignored ${name}=${shown(raw)}: expected a real calendar day as YYYY-MM-DD.`);
        break;
      case 'city':
        if (SLUG.test(value)) view.city = value;
        else notices.push(`Ignored city=${shown(raw)}: expected a place id such as "kabul".`);
        break;
      case 'meeting':
        if (MEETING_ID.test(value)) view.meeting = value;
        else notices.push(`Ignored meeting=${shown(raw)}: expected a meeting id.`);
        break;
      case 'state':
        if (ISO3.test(value)) view.state = value.toUpperCase();
        else notices.push(`Ignored state=${shown(raw)}: expected a three-letter country code such as PAK.`);
        break;
      case 'topic':
        if (SLUG.test(value)) view.topic = value;
        else notices.push(`Ignored topic=${shown(raw)}: expected a topic slug such as "ttp".`);
        break;
      case 'person':
        if (SLUG.test(value)) view.person = value;
        else notices.push(`Ignored person=${shown(raw)}: expected a person's slug such as "mohsin-naqvi".`);
        break;
      case 'absent':
        view.showAbsent = parseSwitch(name, value, notices, DEFAULT_VIEW_STATE.showAbsent);
        break;
      case 'undated':
        view.showUndated = parseSwitch(name, value, notices, DEFAULT_VIEW_STATE.showUndated);
        break;
      case 'animate':
        view.animate = parseSwitch(name, value, notices, DEFAULT_VIEW_STATE.animate);
        break;
      case 'embed':
        view.embed = parseSwitch(name, value, notices, DEFAULT_VIEW_STATE.embed);
        break;
      case 'cam':
        view.camera = parseCamera(value, notices);
        break;
      case 'view':
        if (value === 'list' || value === 'map') view.view = value;
        else notices.push(`Ignored view=${shown(raw)}: expected "map" or "list".`);
        break;
      default:
        if (!unknown.includes(name)) unknown.push(name);
    }
  }
  if (view.from !== null && view.to !== null && view.from > view.to) {
    notices.push(`Ignored from=${view.from} and to=${view.to}: the window's start is after its end.`);
    view.from = null;
    view.to = null;
  }
  if (unknown.length) {
    notices.push(`Ignored unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).map(shown).join(', ')} (known: ${URL_PARAMETERS.join(', ')}).`);
  }
  return { view, notices };
}

/** Rounds the camera as the URL writes it, so a parsed camera equals the one written. */
export function roundCamera(c: Camera): Camera {
  return { lon: Math.round(c.lon * 1e4) / 1e4, lat: Math.round(c.lat * 1e4) / 1e4, zoom: Math.round(c.zoom * 100) / 100 };
}

/** Writes the view's non-default values as a query string without the "?" ("" for the default view). */
export function serializeView(view: ViewState): string {
  const parts: string[] = [];
  const add = (name: string, value: string) => parts.push(`${name}=${encodeURIComponent(value)}`);
  if (view.from !== null) add('from', view.from);
  if (view.to !== null) add('to', view.to);
  if (view.city !== null) add('city', view.city);
  if (view.meeting !== null) add('meeting', view.meeting);
  if (view.state !== null) add('state', view.state);
  if (view.topic !== null) add('topic', view.topic);
  if (view.person !== null) add('person', view.person);
  if (view.showAbsent) add('absent', '1');
  if (view.showUndated) add('undated', '1');
  if (!view.animate) add('animate', '0');
  if (view.camera !== null) {
    const c = roundCamera(view.camera);
    add('cam', `${c.lon},${c.lat},${c.zoom}`);
  }
  if (view.embed) add('embed', '1');
  if (view.view !== 'map') add('view', view.view);
  // Commas in cam read better unescaped and URLSearchParams accepts them either way.
  return parts.join('&').replace(/%2C/g, ',');
}
