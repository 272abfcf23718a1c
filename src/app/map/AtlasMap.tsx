/**
 * Mounts the MapLibre atlas map into a div and wires it to the store (mapAdapter.ts does
 * the work; React only owns the element).
 */
import { useEffect, useRef } from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import { mountAtlasMap } from './mapAdapter';

export function AtlasMap({ className }: { className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    return mountAtlasMap(ref.current);
  }, []);
  return <div ref={ref} className={`atlas-map${className ? ` ${className}` : ''}`} role="region" aria-label="Map of meetings" data-testid="atlas-map" />;
}
