/**
 * What the marks on the map mean. Swatches are drawn with the same colours the map style
 * uses (style.ts), so the legend cannot disagree with the map.
 */
import { useLayoutEffect, useRef } from 'react';
import '../map.css';
import { PALETTE, paletteStyle } from '../../palette';

function LineSwatch({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg className="legend__swatch" width="40" height="12" viewBox="0 0 40 12" aria-hidden="true">
      <line x1="2" y1="6" x2="36" y2="6" stroke={color} strokeWidth="2" strokeDasharray={dash} strokeLinecap="round" />
    </svg>
  );
}

/** A held link as the map draws it: faint and thin at the capital, strong and wide at the venue. */
function TaperSwatch({ color }: { color: string }) {
  return (
    <svg className="legend__swatch" width="40" height="12" viewBox="0 0 40 12" aria-hidden="true">
      <defs>
        <linearGradient id="legend-taper" x1="0" x2="1" y1="0" y2="0">
          <stop offset="0" stopColor={color} stopOpacity="0.4" />
          <stop offset="1" stopColor={color} stopOpacity="0.9" />
        </linearGradient>
      </defs>
      <path d="M2 5.4 L37 4.2 L37 7.8 L2 6.6 Z" fill="url(#legend-taper)" />
    </svg>
  );
}

/** Below this map width the legend starts folded: open, it would cover most of the map. */
export const LEGEND_FOLDED_BELOW_PX = 600;

/** `folded`: start folded whatever the width (embeds). */
export function Legend({ folded = false }: { folded?: boolean }) {
  const ref = useRef<HTMLDetailsElement>(null);
  // Open or folded once, on mount, by the map's width; then the reader decides (React does
  // not own `open`, so a re-render never undoes their click).
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only (above); a later `folded` must not undo the reader's choice
  useLayoutEffect(() => {
    const legend = ref.current;
    const width = legend?.parentElement?.getBoundingClientRect().width ?? window.innerWidth;
    if (legend) legend.open = !folded && width >= LEGEND_FOLDED_BELOW_PX;
  }, []);
  return (
    // An overlay in the map's corner, compact (a word or two a mark; the README says more),
    // so it stays clear of the links; <details> folds it away all the same.
    <details className="legend" aria-label="Legend" ref={ref} style={paletteStyle}>
      <summary className="legend__title">Legend</summary>
      <ul className="legend__list">
        <li>
          <TaperSwatch color={PALETTE.held} />
          <span>Link: participant's capital → venue</span>
        </li>
        <li>
          <LineSwatch color={PALETTE.unheld} dash="5 3" />
          <span>Planned or cancelled</span>
        </li>
        <li>
          <LineSwatch color={PALETTE.absent} dash="1 4" />
          <span>State that stayed away</span>
        </li>
        <li>
          <svg className="legend__swatch" width="40" height="16" viewBox="0 0 40 16" aria-hidden="true">
            <circle cx="20" cy="8" r="6.5" fill="none" stroke={PALETTE.held} strokeWidth="1.5" />
          </svg>
          <span>Ring: host state on its own soil</span>
        </li>
        <li>
          <svg className="legend__swatch" width="40" height="16" viewBox="0 0 40 16" aria-hidden="true">
            <circle cx="9" cy="8" r="3" className="legend__venue" />
            <circle cx="26" cy="8" r="6.5" className="legend__venue" />
          </svg>
          <span>Venue, sized by its meetings</span>
        </li>
        <li>
          <svg className="legend__swatch" width="40" height="16" viewBox="0 0 40 16" aria-hidden="true">
            <rect x="16.5" y="4.5" width="7" height="7" fill={PALETTE.capital} stroke="#fff" />
          </svg>
          <span>Capital of a participating state</span>
        </li>
      </ul>
    </details>
  );
}
