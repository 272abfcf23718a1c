/** The basemap files the build writes (src/build/basemapPlugin.ts). */
declare module 'virtual:atlas-basemap' {
  /** Paths relative to the page, one per layer. */
  export const basemapPaths: Record<'countries' | 'borders' | 'coasts' | 'labels', string>;
  /** [west, south, east, north] of the default framing's countries. */
  export const defaultBounds: [number, number, number, number] | null;
}
