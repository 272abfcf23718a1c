import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHeightReporter } from './heightReporter';

/** A framed window with just what the reporter touches; the content's bottom edge is settable. */
function fakeFrame({ framed = true } = {}) {
  const posted: unknown[] = [];
  const parent = { postMessage: (m: unknown, origin: string) => posted.push({ m, origin }) };
  const listeners = new Map<string, (e: unknown) => void>();
  let bottom = 500;
  const element = { getBoundingClientRect: () => ({ bottom, width: 640 }) } as unknown as HTMLElement;
  const frames: Array<() => void> = [];
  const win = {
    self: {},
    top: {},
    parent,
    scrollY: 0,
    document: { getElementById: () => null, body: element },
    addEventListener: (type: string, f: (e: unknown) => void) => listeners.set(type, f),
    removeEventListener: (type: string) => listeners.delete(type),
    requestAnimationFrame: (f: () => void) => frames.push(f),
    cancelAnimationFrame: () => {},
  };
  if (!framed) win.top = win.self;
  return {
    win: win as unknown as Window,
    element,
    posted,
    parent,
    setBottom: (b: number) => (bottom = b),
    send: (data: unknown, source: unknown) => listeners.get('message')?.({ data, source }),
    flushFrames: () => frames.splice(0).forEach((f) => f()),
    listeners,
  };
}

let observed: (() => void) | null = null;
vi.stubGlobal(
  'ResizeObserver',
  class {
    constructor(callback: () => void) {
      observed = callback;
    }
    observe() {}
    disconnect() {
      observed = null;
    }
  },
);

afterEach(() => {
  observed = null;
});

describe('startHeightReporter', () => {
  it('posts the content height on start and after a resize, once per change', () => {
    const f = fakeFrame();
    const stop = startHeightReporter({ element: f.element, win: f.win });
    expect(f.posted).toEqual([{ m: { type: 'sma:height', version: 1, height: 500, width: 640 }, origin: '*' }]);
    f.setBottom(612.4);
    observed!();
    observed!(); // two resize callbacks in one frame: one message
    f.flushFrames();
    expect(f.posted).toHaveLength(2);
    expect(f.posted[1]).toEqual({ m: { type: 'sma:height', version: 1, height: 613, width: 640 }, origin: '*' });
    observed!();
    f.flushFrames();
    expect(f.posted).toHaveLength(2); // same size: no message
    stop();
    expect(f.listeners.has('message')).toBe(false);
  });

  it('answers a well-formed request from its parent only', () => {
    const f = fakeFrame();
    startHeightReporter({ element: f.element, win: f.win });
    f.send({ type: 'sma:request-height', version: 1 }, {}); // not the parent
    f.send({ type: 'sma:request-height' }, f.parent); // wrong shape
    f.send('sma:request-height', f.parent);
    expect(f.posted).toHaveLength(1);
    f.send({ type: 'sma:request-height', version: 1 }, f.parent);
    expect(f.posted).toHaveLength(2);
  });

  it('does nothing outside a frame', () => {
    const f = fakeFrame({ framed: false });
    startHeightReporter({ element: f.element, win: f.win });
    expect(f.posted).toEqual([]);
  });
});
