/**
 * Embed code, PNG export and data downloads for the full app (issue 5). Mounted by App in
 * the header. Everything is computed from the store: the meetings are exactly the ones
 * the status line counts (selectVisibleMeetings), the URL is the view's permalink.
 */
import { useId, useRef, useState } from 'react';
import { meetingsToCsv } from '../../export/csv';
import { embedSnippet } from '../../export/embedSnippet';
import { figureFileName } from '../../export/figure';
import { meetingsToGeoJson } from '../../export/geojson';
import { selectVisibleMeetings } from '../state/selectors';
import { useAtlasStore } from '../state/store';
import { serializeView } from '../url/codec';
import { embedMapHeight } from './embedMode';
import { renderFigurePng, saveBlob, viewAltText } from './figureExport';
import './share.css';

/** Copies text, falling back to a selected textarea where the Clipboard API is refused. */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    return document.execCommand('copy');
  }
}

/**
 * The panel subscribes to the view only while open: closed, the menu costs nothing when
 * the slider is dragged (alt text and snippet scan every visible meeting; issue 6).
 */
export function ShareMenu() {
  const hasDataset = useAtlasStore((s) => s.dataset !== null);
  const [open, setOpen] = useState(false);
  if (!hasDataset) return null;
  return (
    <details className="share-menu" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Share &amp; export</summary>
      {open && <SharePanel />}
    </details>
  );
}

function SharePanel() {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore((s) => s.view);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const linkRef = useRef<HTMLTextAreaElement>(null);
  const altRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  if (!dataset) return null;

  const meetings = selectVisibleMeetings(dataset, view);
  const alt = viewAltText(dataset, view, meetings);
  const query = serializeView({ ...view, embed: false });
  const viewUrl = new URL(`${location.pathname}${query ? `?${query}` : ''}`, location.href).toString();
  // The permalink from the store, not location.href: the address bar follows the view only
  // once changes pause (historySync.ts), so it can lag the view by a moment.
  const linkQuery = serializeView(view);
  const link = new URL(`${location.pathname}${linkQuery ? `?${linkQuery}` : ''}`, location.href).toString();
  const snippet = embedSnippet({ viewUrl, title: alt, initialHeight: embedMapHeight(800) + 120 });
  const count = `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}`;

  const copy = async (text: string, ref: HTMLTextAreaElement | null, what: string) =>
    setMessage((await copyText(text, ref)) ? `${what} copied.` : `Could not copy: select the text and copy it by hand.`);

  const downloadPng = async () => {
    setBusy(true);
    setMessage('Rendering the figure…');
    try {
      saveBlob(await renderFigurePng(dataset, view, meetings), figureFileName(view.from, view.to, 'png'));
      setMessage(`PNG saved. Alt text for it: ${alt}`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const downloadCsv = () => {
    // The byte-order mark makes spreadsheet programs read the file as UTF-8 (en dashes, names).
    saveBlob(new Blob(['\ufeff', meetingsToCsv(meetings, dataset)], { type: 'text/csv;charset=utf-8' }), figureFileName(view.from, view.to, 'csv'));
    setMessage(`CSV of ${count} saved.`);
  };

  const downloadGeoJson = () => {
    const fc = meetingsToGeoJson(meetings, dataset, { includeAbsent: view.showAbsent });
    saveBlob(new Blob([JSON.stringify(fc, null, 1)], { type: 'application/geo+json' }), figureFileName(view.from, view.to, 'geojson'));
    setMessage(`GeoJSON of ${count} saved.`);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a panel of sections with headings, not a set of form fields: a <fieldset> (legend, min-content width) does not fit
    <div className="share-panel" role="group" aria-label="Share and export">
      <section>
        <h2 id={`${ids}-link`}>Link to this view</h2>
        <div className="share-link">
          <textarea ref={linkRef} readOnly rows={2} value={link} aria-labelledby={`${ids}-link`} data-testid="view-link" />
          <button type="button" onClick={() => void copy(link, linkRef.current, 'Link')}>
            Copy link
          </button>
        </div>
      </section>
      <section>
        <h2 id={`${ids}-embed`}>Embed this view</h2>
        <p className="share-help">Paste into a web page. The frame sizes itself to its content.</p>
        <textarea ref={snippetRef} readOnly rows={5} value={snippet} aria-labelledby={`${ids}-embed`} data-testid="embed-snippet" />
        <button type="button" onClick={() => void copy(snippet, snippetRef.current, 'Embed code')}>
          Copy embed code
        </button>
      </section>
      <section>
        <h2 id={`${ids}-alt`}>Alt text</h2>
        <textarea ref={altRef} readOnly rows={4} value={alt} aria-labelledby={`${ids}-alt`} data-testid="alt-text" />
        <button type="button" onClick={() => void copy(alt, altRef.current, 'Alt text')}>
          Copy alt text
        </button>
      </section>
      <section>
        <h2>Download</h2>
        <div className="share-buttons">
          <button type="button" onClick={() => void downloadPng()} disabled={busy || view.view !== 'map'}>
            Download PNG
          </button>
          <button type="button" onClick={downloadCsv}>
            Download data (CSV)
          </button>
          <button type="button" onClick={downloadGeoJson}>
            Download data (GeoJSON)
          </button>
        </div>
        <p className="share-help">Data: the {count} the status line counts.</p>
      </section>
      <p className="share-message" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
