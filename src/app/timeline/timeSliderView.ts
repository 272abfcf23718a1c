/**
 * The D3 adapter of the time slider: it owns the DOM inside one element (React never
 * touches it) and draws what it is given: a UTC time axis, a strip with one mark per
 * meeting (a span as wide as its date's uncertainty, so "July 2025" is visibly a month),
 * and a brush for the window. It reports gestures and keys; the controller decides.
 */
import { axisBottom } from 'd3-axis';
import { type Selection, select } from 'd3-selection';
import type { DayRange } from '../time/dayRange';
import { type DayScale, dayScale } from './dayScale';
import { PALETTE, withAlpha } from '../palette';
import { formatDay } from '../time/days';
import type { Handle } from './timelineController';
import { createWindowBrush } from './windowBrush';

export interface StripMeeting {
  from: number;
  to: number;
  /** Held meetings are solid; planned and cancelled ones are drawn hollow. */
  held: boolean;
}

export interface TimeSliderProps {
  domain: DayRange;
  window: DayRange;
  strip: readonly StripMeeting[];
  /** The selected meeting's days, marked on the strip. */
  highlight: DayRange | null;
}

export interface TimeSliderHandlers {
  /**
   * A user's drag of the brush, in fractional days; null while the brush has no span (a
   * press on the track that has not dragged yet). Phase 'start' opens the gesture and
   * 'end' always closes it.
   */
  onBrush(window: DayRange | null, phase: 'start' | 'move' | 'end'): void;
  /** A key on a handle; returns whether it was used. */
  onKey(handle: Handle, key: string): boolean;
}

export interface TimeSliderView {
  render(props: TimeSliderProps): void;
  destroy(): void;
}

const MARGIN = { left: 14, right: 14 };
const STRIP_TOP = 4;
const STRIP_HEIGHT = 30;
/** The strip's colours: uncertain dates as pale spans, exact days strong. */
const STRIP = {
  heldSpan: withAlpha(PALETTE.stripHeld, 0.22),
  plannedSpan: withAlpha(PALETTE.stripPlanned, 0.18),
  heldDay: withAlpha(PALETTE.stripHeld, 0.85),
  plannedDay: withAlpha(PALETTE.stripPlanned, 0.95),
};
const AXIS_TOP = STRIP_TOP + STRIP_HEIGHT + 2;
const HEIGHT = AXIS_TOP + 22;

export function createTimeSliderView(root: HTMLElement, handlers: TimeSliderHandlers): TimeSliderView {
  const container = select(root).classed('time-slider-view', true).style('position', 'relative').style('height', `${HEIGHT}px`);
  const canvas = container.append('canvas').attr('class', 'strip').attr('aria-hidden', 'true').style('position', 'absolute').style('left', '0').style('top', '0');
  const svg = container.append('svg').attr('class', 'slider-svg').attr('height', HEIGHT).style('position', 'absolute').style('left', '0').style('top', '0').style('overflow', 'visible');
  const axisG = svg.append('g').attr('class', 'axis').attr('aria-hidden', 'true').attr('transform', `translate(0,${AXIS_TOP})`);
  const highlightRect = svg.append('rect').attr('class', 'highlight').attr('y', STRIP_TOP - 2).attr('height', STRIP_HEIGHT + 4).style('display', 'none');
  const brushG = svg.append('g').attr('class', 'brush');

  let props: TimeSliderProps | null = null;
  let width = 0;
  let scale: DayScale = dayScale(0, 1, [0, 1]);
  let drawnStrip: { strip: readonly StripMeeting[]; width: number; domain: DayRange } | null = null;
  let drawnFrame: { width: number; domain: DayRange } | null = null;

  const dayAt = (x: number) => scale.day(x);
  const xOfDay = (day: number) => scale.x(day);
  /** The window's right edge is the end of its last day, so a one-day window has width. */
  const windowPixels = (w: DayRange): [number, number] => [xOfDay(w.from), xOfDay(w.to + 1)];

  const brush = createWindowBrush(brushG, {
    handleSize: 12,
    onGesture(span, phase) {
      // A press on the track that never dragged leaves no span: put the window back.
      if (!span && phase === 'end' && props) brush.show(windowPixels(props.window));
      handlers.onBrush(span ? { from: dayAt(span[0]), to: dayAt(span[1]) - 1 } : null, phase);
    },
  });

  // The brush's two edge handles are the keyboard sliders (ARIA slider pattern).
  const handles: Record<Handle, Selection<SVGRectElement, unknown, null, undefined>> = {
    start: brushG.select<SVGRectElement>('.handle--w'),
    end: brushG.select<SVGRectElement>('.handle--e'),
  };
  for (const handle of ['start', 'end'] as const) {
    handles[handle]
      .attr('role', 'slider')
      .attr('tabindex', 0)
      .attr('aria-label', handle === 'start' ? 'Window start' : 'Window end')
      .attr('aria-orientation', 'horizontal')
      .on('keydown', (event: KeyboardEvent) => {
        if (handlers.onKey(handle, event.key)) event.preventDefault();
      });
  }

  function drawStrip(p: TimeSliderProps) {
    if (drawnStrip && drawnStrip.strip === p.strip && drawnStrip.width === width && drawnStrip.domain === p.domain) return;
    drawnStrip = { strip: p.strip, width, domain: p.domain };
    const ratio = globalThis.devicePixelRatio || 1;
    const node = canvas.node()!;
    node.width = Math.max(1, Math.round(width * ratio));
    node.height = Math.round((STRIP_TOP + STRIP_HEIGHT) * ratio);
    node.style.width = `${width}px`;
    node.style.height = `${STRIP_TOP + STRIP_HEIGHT}px`;
    const ctx = node.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, STRIP_TOP + STRIP_HEIGHT);
    // Uncertain dates (weeks, months, years) first as pale spans, exact days on top as ticks.
    for (const m of p.strip) {
      const span = m.to - m.from;
      if (span < 1) continue;
      const x0 = xOfDay(m.from);
      const w = Math.max(2, xOfDay(m.to + 1) - x0);
      ctx.fillStyle = m.held ? STRIP.heldSpan : STRIP.plannedSpan;
      ctx.fillRect(x0, STRIP_TOP + 8, w, STRIP_HEIGHT - 16);
    }
    for (const m of p.strip) {
      if (m.to - m.from >= 1) continue;
      const x = Math.round(xOfDay(m.from));
      if (m.held) {
        ctx.fillStyle = STRIP.heldDay;
        ctx.fillRect(x - 1, STRIP_TOP + 4, 2, STRIP_HEIGHT - 8);
      } else {
        ctx.strokeStyle = STRIP.plannedDay;
        ctx.lineWidth = 1;
        ctx.strokeRect(x - 1.5, STRIP_TOP + 4.5, 3, STRIP_HEIGHT - 9);
      }
    }
  }

  function draw() {
    const p = props;
    if (!p || width <= 0) return;
    // Scale, axis and brush extent change with the domain or the width, not per window step.
    if (!drawnFrame || drawnFrame.width !== width || drawnFrame.domain.from !== p.domain.from || drawnFrame.domain.to !== p.domain.to) {
      drawnFrame = { width, domain: p.domain };
      scale = dayScale(p.domain.from, p.domain.to + 1, [MARGIN.left, width - MARGIN.right]);
      svg.attr('width', width);
      axisG.call(axisBottom(scale).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0));
      brush.setExtent([MARGIN.left, width - MARGIN.right], [STRIP_TOP, STRIP_TOP + STRIP_HEIGHT]);
    }
    drawStrip(p);
    // While the user drags, the brush follows their pointer; moving it under them would fight them.
    if (!brush.dragging()) brush.show(windowPixels(p.window));
    if (p.highlight) {
      const [x0, x1] = windowPixels(p.highlight);
      highlightRect.style('display', null).attr('x', x0 - 2).attr('width', Math.max(4, x1 - x0 + 4));
    } else highlightRect.style('display', 'none');
    const value = { start: p.window.from, end: p.window.to };
    for (const handle of ['start', 'end'] as const) {
      handles[handle]
        .attr('aria-valuemin', handle === 'start' ? p.domain.from : p.window.from)
        .attr('aria-valuemax', handle === 'start' ? p.window.to : p.domain.to)
        .attr('aria-valuenow', value[handle])
        .attr('aria-valuetext', formatDay(value[handle]));
    }
  }

  const resize = new ResizeObserver((entries) => {
    const w = Math.floor(entries[0]?.contentRect.width ?? 0);
    if (w !== width) {
      width = w;
      draw();
    }
  });
  resize.observe(root);
  width = Math.floor(root.getBoundingClientRect().width);

  return {
    render(next) {
      props = next;
      draw();
    },
    destroy() {
      resize.disconnect();
      brush.destroy();
      container.selectAll('*').remove();
    },
  };
}
