/**
 * The postMessage protocol between an embedded atlas and the page that hosts it.
 *
 * Atlas → host (sent on load, on every size change, and when asked):
 *   { type: 'sma:height', version: 1, height: number, width: number }
 *   height/width: the embed's content size in CSS pixels (integers).
 * Host → atlas (public/embed.js sends it once the atlas has loaded in the frame, at its
 * start or on the frame's load event, in case it missed the first report because the
 * script loaded after the iframe; never to a frame still on its blank document):
 *   { type: 'sma:request-height', version: 1 }
 *
 * The messages carry nothing but sizes, so the atlas posts them with targetOrigin '*'
 * (it cannot know the host's origin). Everything received is checked for shape and
 * ignored otherwise; embed.js checks that a height message comes from an iframe whose
 * src points at the atlas, from that src's origin.
 */

export const HEIGHT_MESSAGE = 'sma:height';
export const REQUEST_HEIGHT_MESSAGE = 'sma:request-height';
export const PROTOCOL_VERSION = 1;
/** No honest embed is taller than this; a bigger number is a bug or an attack on the host's layout. */
export const MAX_EMBED_HEIGHT = 10_000;

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  version: typeof PROTOCOL_VERSION;
  height: number;
  width: number;
}

export interface RequestHeightMessage {
  type: typeof REQUEST_HEIGHT_MESSAGE;
  version: typeof PROTOCOL_VERSION;
}

export function heightMessage(height: number, width: number): HeightMessage {
  return { type: HEIGHT_MESSAGE, version: PROTOCOL_VERSION, height: Math.ceil(height), width: Math.round(width) };
}

const isRecord = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null && !Array.isArray(data);

const isSize = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= max;

/** A height message, or null for anything else (the same check public/embed.js makes). */
export function parseHeightMessage(data: unknown): HeightMessage | null {
  if (!isRecord(data) || data.type !== HEIGHT_MESSAGE || data.version !== PROTOCOL_VERSION) return null;
  if (!isSize(data.height, MAX_EMBED_HEIGHT) || !isSize(data.width, 100_000)) return null;
  return { type: HEIGHT_MESSAGE, version: PROTOCOL_VERSION, height: data.height, width: data.width };
}

/** The only message the atlas accepts from its host; null for anything else. */
export function parseHostMessage(data: unknown): RequestHeightMessage | null {
  if (!isRecord(data) || data.type !== REQUEST_HEIGHT_MESSAGE || data.version !== PROTOCOL_VERSION) return null;
  return { type: REQUEST_HEIGHT_MESSAGE, version: PROTOCOL_VERSION };
}
