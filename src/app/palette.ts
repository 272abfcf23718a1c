/**
 * The atlas's colours, in one place: the basemap style and the WebGL links and capitals
 * read them here; the venue and capital markers, the legend and the slider's strip through
 * the CSS custom properties `paletteStyle` puts on their elements; the PNG figure here too.
 * (The page's own chrome, ink, lines and paper, is styles.css's.)
 */
export const PALETTE = {
  water: '#dce8ef',
  land: '#f7f5f0',
  border: '#b8b2a6',
  coast: '#b9c7cf',
  countryLabel: '#8b8680',
  /** Links of held meetings, and host rings. */
  held: '#c2304a',
  /** Links of planned or cancelled meetings. */
  unheld: '#e08a1e',
  /** Links of states that stayed away. */
  absent: '#7d8797',
  /** The comets running along the links. */
  flow: '#ffffff',
  /** Capital points and their buttons. */
  capital: '#2b2d42',
  /** Venue dots, their labels and edge markers. */
  venue: '#1d3557',
  /** The slider's strip: held meetings, and planned or cancelled ones. */
  stripHeld: '#1f4e79',
  stripPlanned: '#b35c00',
} as const;

export type PaletteColour = keyof typeof PALETTE;

/** "#rrggbb" with an opacity, as CSS and canvas take it: "rgba(r, g, b, a)". */
export function withAlpha(hex: string, alpha: number): string {
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `rgba(${channel(1)}, ${channel(3)}, ${channel(5)}, ${alpha})`;
}

/**
 * The custom properties map.css reads (`var(--venue)` …), for the `style` of the element
 * that holds the markers or the legend.
 */
export const paletteStyle: Record<`--${string}`, string> = {
  '--link-held': PALETTE.held,
  '--link-unheld': PALETTE.unheld,
  '--capital': PALETTE.capital,
  '--venue': PALETTE.venue,
};
