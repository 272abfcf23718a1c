/**
 * The mounted map's capture handle, for the PNG export: the map component
 * (react/AtlasMap.tsx) registers the handle mountAtlasMap returns and clears it on unmount,
 * so the export never reaches for the test hook `window.__atlasMap`.
 */
import type { MapCaptureHandle } from './maplibre/mapCapture';

export type { MapCaptureHandle };

let mounted: MapCaptureHandle | null = null;

export function registerMapCapture(handle: MapCaptureHandle): () => void {
  mounted = handle;
  return () => {
    if (mounted === handle) mounted = null;
  };
}

/** The map on the page, or null in the list view and before the map mounts. */
export function mountedMapCapture(): MapCaptureHandle | null {
  return mounted;
}
