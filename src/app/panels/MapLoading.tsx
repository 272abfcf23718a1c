/**
 * A quiet sign on the map while it is not ready (issue 21): first the meetings load, then
 * the links are built and drawn, which takes seconds on software WebGL, over a basemap
 * that would otherwise look finished and empty. The map's stage is `aria-busy` meanwhile.
 * Gone for good once the map has settled with its links for the first time
 * (`data-map-idle="true"`, set by mapAdapter.ts); later redraws are quick and say nothing.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function MapLoading({ datasetLoaded }: { datasetLoaded: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [drawn, setDrawn] = useState(false);
  useLayoutEffect(() => {
    const stage = ref.current?.closest('.stage');
    const map = stage?.querySelector('.atlas-map');
    if (!stage || !map) return;
    stage.setAttribute('aria-busy', 'true');
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (map.getAttribute('data-map-idle') !== 'true') return;
      observer.disconnect();
      stage.removeAttribute('aria-busy');
      setDrawn(true);
    };
    observer.observe(map, { attributes: true, attributeFilter: ['data-map-idle'] });
    check();
    return () => {
      observer.disconnect();
      stage.removeAttribute('aria-busy');
    };
  }, []);
  if (drawn) return null;
  return (
    <p ref={ref} className="map-loading" data-testid="map-loading">
      <span className="spinner spinner--small" aria-hidden="true" />
      {datasetLoaded ? 'Drawing the links…' : 'Loading the meetings…'}
    </p>
  );
}
