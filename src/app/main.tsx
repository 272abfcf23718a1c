import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useAtlasStore } from './state/store';
import { startUrlSync } from './url/historySync';

declare global {
  interface Window {
    /** Test and benchmark handle (e2e, bench/): the store, as `useAtlasStore.getState()` sees it. */
    __atlasStore?: typeof useAtlasStore;
  }
}
window.__atlasStore = useAtlasStore;

// The URL is read before the first render, so a permalink never flashes the default view.
startUrlSync(useAtlasStore);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
