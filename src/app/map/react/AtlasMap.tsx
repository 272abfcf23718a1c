/**
 * Mounts the MapLibre atlas map into a section and wires it to the store (../maplibre/mapAdapter.ts
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
  const ref = useRef<HTMLElement>(null);
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
  // A <section> with a label is a region landmark (no role attribute needed).
  return <section ref={ref} className={`atlas-map${className ? ` ${className}` : ''}`} aria-label="Map of meetings" data-testid="atlas-map" style={paletteStyle} />;
}
