/**
 * The slider's brush: a horizontal span with two edge handles over a track, dragged with a
 * pointer (mouse, pen or touch). d3-brush draws the same elements with the same class
 * names, but it is a two-dimensional brush with modifier keys and transitions, and brings
 * d3-drag, d3-transition, d3-interpolate and d3-color (about 8 KB gzip, a third of the
 * slider's code; issue 6's bundle budget); the window needs three drags, written here.
 *
 * `dragSpan` is the geometry (pure, tested); `createWindowBrush` is the DOM: it owns the
 * rects inside one <g>, reports a user's gestures and draws what it is told. Keys belong
 * to the handles' owner (the handles are its ARIA sliders).
 */
import type { Selection } from 'd3-selection';

/** What a drag moves: the whole span, its west or east edge, or a new span from the track. */
export type BrushMode = 'move' | 'w' | 'e' | 'new';

export type Span = readonly [number, number];

export interface BrushGesture {
  mode: BrushMode;
  /** Pixel where the pointer went down. */
  originX: number;
  /** The span when the pointer went down (for 'new': the pointer's pixel twice). */
  span: Span;
}

/**
 * The span a drag has made when the pointer is at `x`, inside [extent0, extent1]; null for
 * a span of no width (a click on the track that did not drag). An edge dragged past the
 * other edge swaps roles with it, as d3-brush does, so the span is always ordered.
 */
export function dragSpan(gesture: BrushGesture, x: number, extent: Span): Span | null {
  const [e0, e1] = extent;
  const clamp = (v: number) => Math.min(e1, Math.max(e0, v));
  const [s0, s1] = gesture.span;
  const dx = x - gesture.originX;
  let a: number;
  let b: number;
  switch (gesture.mode) {
    case 'move': {
      // The span keeps its width: the move stops at either end of the track.
      const shift = Math.min(e1 - s1, Math.max(e0 - s0, dx));
      a = s0 + shift;
      b = s1 + shift;
      break;
    }
    case 'w':
      a = clamp(s0 + dx);
      b = s1;
      break;
    case 'e':
      a = s0;
      b = clamp(s1 + dx);
      break;
    case 'new':
      a = clamp(gesture.originX);
      b = clamp(x);
      break;
  }
  const span: Span = a <= b ? [a, b] : [b, a];
  return span[1] - span[0] > 0 ? span : null;
}

export interface WindowBrush {
  /** The track the span lives on: pixels [x0, x1] × [y0, y1] of the <g>. */
  setExtent(x: Span, y: Span): void;
  /** Draws the span; no gesture is reported for it. */
  show(span: Span | null): void;
  /** True while the user drags: the owner should not move the span under their pointer. */
  dragging(): boolean;
  destroy(): void;
}

export interface WindowBrushOptions {
  /** Width of the edge handles in pixels. */
  handleSize: number;
  /**
   * A user's drag: 'start' when the pointer goes down, 'move' per pointer move, 'end' when
   * it is released or cancelled (always sent after a start). The span is null while it has
   * no width.
   */
  onGesture(span: Span | null, phase: 'start' | 'move' | 'end'): void;
}

const MODE_OF_CLASS: Record<string, BrushMode> = { overlay: 'new', selection: 'move', 'handle--w': 'w', 'handle--e': 'e' };

export function createWindowBrush(group: Selection<SVGGElement, unknown, null, undefined>, options: WindowBrushOptions): WindowBrush {
  const { handleSize, onGesture } = options;
  let extentX: Span = [0, 0];
  let shown: Span | null = null;
  let gesture: (BrushGesture & { pointerId: number; left: number }) | null = null;

  const overlay = group.append('rect').attr('class', 'overlay');
  const selection = group.append('rect').attr('class', 'selection');
  const handles = {
    w: group.append('rect').attr('class', 'handle handle--w').attr('width', handleSize),
    e: group.append('rect').attr('class', 'handle handle--e').attr('width', handleSize),
  };
  for (const el of [selection, handles.w, handles.e]) el.style('display', 'none');

  // A window step moves the span: four attributes, nothing else (scrubbing is per frame).
  function draw(span: Span | null) {
    if ((span === null) !== (shown === null)) {
      for (const el of [selection, handles.w, handles.e]) el.node()!.style.display = span === null ? 'none' : '';
    }
    shown = span;
    if (!span) return;
    selection.attr('x', span[0]).attr('width', span[1] - span[0]);
    handles.w.attr('x', span[0] - handleSize / 2);
    handles.e.attr('x', span[1] - handleSize / 2);
  }

  function onPointerDown(event: PointerEvent) {
    if (gesture || event.button !== 0) return;
    const target = event.target as Element;
    const mode = [...target.classList].map((c) => MODE_OF_CLASS[c]).find((m) => m !== undefined);
    if (!mode) return;
    // The press keeps its default, so a handle takes focus as any control does (and shows
    // no keyboard focus ring); text selection and native drags are off for the gesture.
    const left = (group.node()!.ownerSVGElement ?? group.node()!).getBoundingClientRect().left;
    const x = event.clientX - left;
    const span: Span = mode === 'new' || !shown ? [x, x] : shown;
    gesture = { mode: mode === 'move' && !shown ? 'new' : mode, originX: x, span, pointerId: event.pointerId, left };
    window.addEventListener('pointermove', onPointerMove);
    window.addEventListener('pointerup', onPointerUp);
    window.addEventListener('pointercancel', onPointerUp);
    window.addEventListener('selectstart', preventDefault);
    window.addEventListener('dragstart', preventDefault);
    const start = gesture.mode === 'new' ? null : span;
    if (gesture.mode === 'new') draw(null);
    onGesture(start, 'start');
  }

  function onPointerMove(event: PointerEvent) {
    if (!gesture || event.pointerId !== gesture.pointerId) return;
    const span = dragSpan(gesture, event.clientX - gesture.left, extentX);
    draw(span);
    onGesture(span, 'move');
  }

  function onPointerUp(event: PointerEvent) {
    if (!gesture || event.pointerId !== gesture.pointerId) return;
    const span = event.type === 'pointerup' ? dragSpan(gesture, event.clientX - gesture.left, extentX) : shown;
    stopListening();
    gesture = null;
    onGesture(span, 'end');
  }

  function stopListening() {
    window.removeEventListener('pointermove', onPointerMove);
    window.removeEventListener('pointerup', onPointerUp);
    window.removeEventListener('pointercancel', onPointerUp);
    window.removeEventListener('selectstart', preventDefault);
    window.removeEventListener('dragstart', preventDefault);
  }

  function preventDefault(event: Event) {
    event.preventDefault();
  }

  const node = group.node()!;
  node.addEventListener('pointerdown', onPointerDown);

  return {
    setExtent(x, y) {
      extentX = x;
      overlay.attr('x', x[0]).attr('y', y[0]).attr('width', x[1] - x[0]).attr('height', y[1] - y[0]);
      selection.attr('y', y[0]).attr('height', y[1] - y[0]);
      for (const h of [handles.w, handles.e]) h.attr('y', y[0] - handleSize / 2).attr('height', y[1] - y[0] + handleSize);
    },
    show(span) {
      draw(span);
    },
    dragging: () => gesture !== null,
    destroy() {
      stopListening();
      node.removeEventListener('pointerdown', onPointerDown);
      gesture = null;
    },
  };
}
