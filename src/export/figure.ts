/**
 * The "Download PNG" figure: the map picture framed for a report, with a title, the time
 * window, a legend and a source credit, drawn at a pixel ratio (2x by default).
 *
 *   ┌──────────────────────────────┐
 *   │ title                        │  header
 *   │ time window · count          │
 *   ├──────────────────────────────┤
 *   │            map               │  map (the MapLibre canvas, scaled to fit)
 *   ├──────────────────────────────┤
 *   │ ● venue  ─ link  ┄ absent    │  legend
 *   │ Source: …                    │  credit
 *   └──────────────────────────────┘
 *
 * Layout is a pure function of sizes; drawing goes through the small part of the canvas
 * 2D API listed in FigureContext, so tests can record the calls without a browser.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FigureLayout {
  /** Size of the whole figure in CSS pixels (the canvas is this times `scale`). */
  width: number;
  height: number;
  scale: number;
  header: Rect;
  map: Rect;
  legend: Rect;
  credit: Rect;
}

export const FIGURE_PADDING = 16;
const HEADER_HEIGHT = 64;
const LEGEND_HEIGHT = 32;
const CREDIT_HEIGHT = 28;
/** Narrower than this, title and legend no longer fit on a line. */
export const MIN_FIGURE_WIDTH = 480;

/** Places the parts around a map of the given CSS size; a narrow map is centred in a MIN_FIGURE_WIDTH frame. */
export function figureLayout(mapWidth: number, mapHeight: number, scale = 2): FigureLayout {
  const width = Math.max(MIN_FIGURE_WIDTH, Math.round(mapWidth));
  const mapW = Math.round(mapWidth);
  const mapH = Math.round(mapHeight);
  const header = { x: 0, y: 0, width, height: HEADER_HEIGHT };
  const map = { x: Math.round((width - mapW) / 2), y: HEADER_HEIGHT, width: mapW, height: mapH };
  const legend = { x: 0, y: map.y + mapH, width, height: LEGEND_HEIGHT };
  const credit = { x: 0, y: legend.y + LEGEND_HEIGHT, width, height: CREDIT_HEIGHT };
  return { width, height: credit.y + CREDIT_HEIGHT, scale, header, map, legend, credit };
}

export interface LegendItem {
  label: string;
  symbol: 'venue' | 'line' | 'dashed' | 'ring';
  colour: string;
}

/** A venue marker as the map shows it (a DOM element over the canvas, so not in the map picture). */
export interface VenueMark {
  /** Centre, in CSS pixels from the map's top-left corner. */
  x: number;
  y: number;
  radius: number;
  /** Null when the map hides the label (it would collide with another). */
  label: { text: string; x: number; y: number } | null;
}

export interface FigureContent {
  title: string;
  /** "January 2024 – July 2025 · 4 meetings". */
  subtitle: string;
  legend: LegendItem[];
  credit: string;
  venues?: VenueMark[];
}

/** The part of CanvasRenderingContext2D the figure uses. */
export interface FigureContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  save(): void;
  restore(): void;
  rect(x: number, y: number, w: number, h: number): void;
  clip(): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
  drawImage(image: CanvasImageSource, dx: number, dy: number, dw: number, dh: number): void;
}

export const FIGURE_FONT = '"Noto Sans", system-ui, sans-serif';
const INK = '#1d2430';
const MUTED = '#5b6472';
const PAPER = '#ffffff';
/** The venue marker's look, from src/app/map/map.css (.venue-marker). */
const VENUE_FILL = 'rgba(29, 53, 87, 0.85)';
const VENUE_INK = '#1d3557';

/** Cuts text with an ellipsis so it fits `maxWidth` (measured with the context's current font). */
export function fitText(ctx: Pick<FigureContext, 'measureText'>, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

function drawLegendSymbol(ctx: FigureContext, item: LegendItem, x: number, cy: number): number {
  ctx.strokeStyle = item.colour;
  ctx.fillStyle = item.colour;
  ctx.setLineDash([]);
  if (item.symbol === 'venue' || item.symbol === 'ring') {
    ctx.beginPath();
    ctx.arc(x + 7, cy, 6, 0, Math.PI * 2);
    if (item.symbol === 'venue') ctx.fill();
    else {
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    return 14;
  }
  ctx.lineWidth = 2.5;
  if (item.symbol === 'dashed') ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(x, cy);
  ctx.lineTo(x + 22, cy);
  ctx.stroke();
  ctx.setLineDash([]);
  return 22;
}

/** Venue dots and labels over the map picture, clipped to the map so none spills on the text. */
function drawVenues(ctx: FigureContext, map: Rect, venues: readonly VenueMark[]): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(map.x, map.y, map.width, map.height);
  ctx.clip();
  ctx.setLineDash([]);
  for (const v of venues) {
    ctx.beginPath();
    ctx.arc(map.x + v.x, map.y + v.y, v.radius, 0, Math.PI * 2);
    ctx.fillStyle = VENUE_FILL;
    ctx.fill();
    ctx.strokeStyle = PAPER;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  ctx.font = `600 12px ${FIGURE_FONT}`;
  ctx.textBaseline = 'middle';
  for (const v of venues) {
    if (!v.label) continue;
    ctx.strokeStyle = PAPER;
    ctx.lineWidth = 3;
    ctx.strokeText(v.label.text, map.x + v.label.x, map.y + v.label.y);
    ctx.fillStyle = VENUE_INK;
    ctx.fillText(v.label.text, map.x + v.label.x, map.y + v.label.y);
  }
  ctx.restore();
}

/**
 * Draws the figure on a context whose canvas is layout.width*scale × layout.height*scale.
 * `map` is drawn scaled into the map rect, whatever its own pixel ratio.
 */
export function drawFigure(ctx: FigureContext, layout: FigureLayout, content: FigureContent, map: CanvasImageSource | null): void {
  const { scale, header, legend, credit } = layout;
  const pad = FIGURE_PADDING;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.textBaseline = 'alphabetic';

  ctx.fillStyle = INK;
  ctx.font = `600 20px ${FIGURE_FONT}`;
  ctx.fillText(fitText(ctx, content.title, header.width - 2 * pad), pad, header.y + 28);
  ctx.fillStyle = MUTED;
  ctx.font = `400 14px ${FIGURE_FONT}`;
  ctx.fillText(fitText(ctx, content.subtitle, header.width - 2 * pad), pad, header.y + 50);

  if (map) ctx.drawImage(map, layout.map.x, layout.map.y, layout.map.width, layout.map.height);
  if (content.venues?.length) drawVenues(ctx, layout.map, content.venues);

  ctx.font = `400 13px ${FIGURE_FONT}`;
  ctx.textBaseline = 'middle';
  let x = pad;
  const cy = legend.y + legend.height / 2;
  for (const item of content.legend) {
    const label = item.label;
    const needed = 22 + 6 + ctx.measureText(label).width;
    if (x + needed > legend.width - pad) break; // a legend cut mid-item would mislead; drop the rest
    x += drawLegendSymbol(ctx, item, x, cy) + 6;
    ctx.fillStyle = INK;
    ctx.fillText(label, x, cy);
    x += ctx.measureText(label).width + 18;
  }

  ctx.fillStyle = MUTED;
  ctx.font = `400 12px ${FIGURE_FONT}`;
  ctx.fillText(fitText(ctx, content.credit, credit.width - 2 * pad), pad, credit.y + credit.height / 2);
}

/** File name for a download: "security-meetings-atlas_2024-01-01_2025-07-31.png". */
export function figureFileName(from: string | null, to: string | null, extension: string): string {
  const parts = ['security-meetings-atlas', from, to].filter((p): p is string => Boolean(p));
  return `${parts.join('_')}.${extension}`;
}
