/**
 * Mounts the MapLibre atlas map into a div and wires it to the store (../maplibre/mapAdapter.ts
 * does the work; React only owns the element) and registers its capture handle for the PNG
 * export while it is mounted.
 */
import { useLayoutEffect, useRef } from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../map.css';
import { paletteStyle } from '../../palette';
import { registerMapCapture } from '../mapCaptureRegistry';
import { mountAtlasMap } from '../maplibre/mapAdapter';

export function AtlasMap({ className }: { className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // A layout effect, not a passive one: the map (its worker, style and basemap requests)
  // starts before the first paint instead of a frame or more after it (load time, issue 6).
  useLayoutEffect(() => {
    if (!ref.current) return;
    const mounted = mountAtlasMap(ref.current);
    const unregister = registerMapCapture(mounted.capture);
    return () => {
      unregister();
      mounted.unmount();
    };
  }, []);
  return <div ref={ref} className={`atlas-map${className ? ` ${className}` : ''}`} role="region" aria-label="Map of meetings" data-testid="atlas-map" style={paletteStyle} />;
}
