/**
 * Helpers for embed mode (`embed=1`): the layout's height for a given width, and the
 * link back to the full app. Pure: they take URLs and numbers, not `window`.
 */

/**
 * Map height for an embed of this width: 3:2 on phones, flatter on wide columns, never
 * under 260 px (legend and labels need room) nor over 640 px (a report scrolls past it).
 * The embed must not size itself from the viewport: the host sizes the iframe from the
 * content, and a viewport-sized content would feed back into itself.
 */
export function embedMapHeight(width: number): number {
  const ratio = width < 600 ? 2 / 3 : 0.56;
  return Math.round(Math.min(640, Math.max(260, width * ratio)));
}

/** The same view in the full app: embed and animation switches removed, all else kept. */
export function fullViewUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('animate');
  return url.toString();
}

/** True when the page runs inside a frame (cross-origin parents throw on access, so compare windows). */
export function isFramed(win: Window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    return true;
  }
}
