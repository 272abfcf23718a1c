/**
 * The app shell. Full view: header (title, filters, share menu), the map with its legend
 * (or the list view), a side panel (city, undated tray) and the slider with the status
 * line at the bottom. Embed view (embed=1): map, legend and slider only, with a link to
 * the full view and a source credit.
 */
import { useEffect, useState } from 'react';
import { ShareMenu } from './embed/ShareMenu';
import { AtlasMap } from './map/react/AtlasMap';
import { Legend } from './map/react/Legend';
import { EmbedCard } from './embed/EmbedCard';
import { EmbedFooter } from './embed/EmbedFooter';
import { useReportHeight } from './embed/heightReporter';
import { embedMapHeight } from './embed/embedMode';
import { DATASET_PATH, type DatasetLoad, loadDataset } from './data/loadDataset';
import { CityPanel } from './panels/CityPanel';
import { MapLoading } from './panels/MapLoading';
import { Filters } from './panels/Filters';
import { MeetingTable } from './panels/MeetingTable';
import { Notices } from './panels/Notices';
import { StatusLine } from './panels/StatusLine';
import { UndatedTray } from './panels/UndatedTray';
import { useAtlasStore } from './state/store';
import { TimeSlider } from './timeline/TimeSlider';

type LoadState = { status: 'loading' } | Exclude<DatasetLoad, { ok: true }> | { status: 'ready' };

function useDataset(): LoadState {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    // Relative to the page, so the build works from any folder of any static host.
    void loadDataset(new URL(DATASET_PATH, document.baseURI).href).then((load) => {
      if (cancelled) return;
      if (load.ok) {
        useAtlasStore.getState().setDataset(load.dataset);
        setState({ status: 'ready' });
      } else setState(load);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}

function LoadError({ title, problems }: { title: string; problems: string[] }) {
  return (
    <div className="load-error" role="alert">
      <h2>{title}</h2>
      <ul>
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, rendered once and never reordered (two problems may read alike)
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

function Loading() {
  return (
    <div className="loading" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p>Loading the meetings…</p>
    </div>
  );
}

function Stage({ load }: { load: LoadState }) {
  const mode = useAtlasStore((s) => s.view.view);
  const embed = useAtlasStore((s) => s.view.embed);
  if ('ok' in load) return <LoadError title={load.title} problems={load.problems} />;
  if (mode === 'list') return load.status === 'loading' ? <Loading /> : <MeetingTable />;
  // The map starts while the dataset loads: its basemap downloads and tiles in parallel,
  // with a quiet sign on it until the links are drawn (the same element throughout).
  if (load.status === 'loading')
    return (
      <>
        <AtlasMap />
        <MapLoading datasetLoaded={false} />
      </>
    );
  return (
    <>
      <AtlasMap />
      <MapLoading datasetLoaded />
      {/* Folded in embeds of any width: open, it covers links in a report's figure. */}
      <Legend folded={embed} />
    </>
  );
}

function EmbedApp({ load }: { load: LoadState }) {
  useReportHeight(true); // posts the content height to the host page (src/app/embed/messages.ts)
  const [width, setWidth] = useState(() => document.documentElement.clientWidth);
  useEffect(() => {
    const onResize = () => setWidth(document.documentElement.clientWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const ready = !('ok' in load) && load.status === 'ready';
  const [stage, setStage] = useState<HTMLElement | null>(null);
  return (
    <div className="app embed">
      <Notices />
      <main className="stage" style={{ height: embedMapHeight(width) }} ref={setStage}>
        <Stage load={load} />
        {ready && <EmbedCard stage={stage} />}
      </main>
      {ready && (
        <footer className="slider-bar">
          <TimeSlider />
          <StatusLine />
        </footer>
      )}
      <EmbedFooter />
    </div>
  );
}

export function App() {
  const load = useDataset();
  const embed = useAtlasStore((s) => s.view.embed);
  if (embed) return <EmbedApp load={load} />;
  const ready = !('ok' in load) && load.status === 'ready';
  return (
    <div className="app">
      <header className="app-header">
        <h1>Security Meetings Atlas</h1>
        {ready && <Filters />}
        <ShareMenu />
      </header>
      <div className="notices-slot">
        <Notices />
      </div>
      <div className="body">
        <main className="stage">
          <Stage load={load} />
        </main>
        {ready && (
          <aside className="side-panel" aria-label="Details">
            <CityPanel />
            <UndatedTray />
            <Hint />
          </aside>
        )}
      </div>
      {/* Present while the dataset loads too, at its final height (styles.css), so the map,
          which mounts early, is not resized when the slider arrives. */}
      <footer className="slider-bar">
        {ready && (
          <>
            <StatusLine />
            <TimeSlider />
          </>
        )}
      </footer>
    </div>
  );
}

function Hint() {
  const city = useAtlasStore((s) => s.view.city);
  if (city) return null;
  return <p className="hint">Select a city on the map to read its meetings and the evidence for each.</p>;
}
