/**
 * Tells the host page how tall the embed's content is (protocol in ./messages.ts), so
 * public/embed.js can size the iframe: on start, whenever the content's size changes,
 * and when the host asks.
 */
import { useEffect } from 'react';
import { heightMessage, parseHostMessage } from './messages';
import { isFramed } from './embedMode';

export interface HeightReporterOptions {
  /**
   * The element whose bottom edge is the end of the content (default: the first child of
   * #root, the app's container). Not #root itself: the stylesheet makes it 100% of the
   * viewport, and reporting the viewport's height would only echo the iframe's own size.
   */
  element?: HTMLElement | null;
  win?: Window;
}

/** Starts reporting; returns a function that stops it. Does nothing outside a frame. */
export function startHeightReporter({ element, win = window }: HeightReporterOptions = {}): () => void {
  const doc = win.document;
  const root = element ?? (doc.getElementById('root')?.firstElementChild as HTMLElement | null) ?? doc.body;
  if (!isFramed(win)) return () => {};
  const parent = win.parent;

  let last = '';
  let frame = 0;
  const report = (force = false) => {
    // The content's bottom edge in document coordinates includes body margins and
    // anything above the root; scrollHeight alone would report at least the viewport.
    const rect = root.getBoundingClientRect();
    const message = heightMessage(rect.bottom + win.scrollY, rect.width);
    const key = `${message.height}x${message.width}`;
    if (!force && key === last) return;
    last = key;
    parent.postMessage(message, '*');
  };
  const schedule = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      report();
    });
  };

  const observer = new ResizeObserver(schedule);
  observer.observe(root);
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || !parseHostMessage(event.data)) return;
    report(true);
  };
  win.addEventListener('message', onMessage);
  win.addEventListener('load', schedule);
  report(true);

  return () => {
    observer.disconnect();
    win.removeEventListener('message', onMessage);
    win.removeEventListener('load', schedule);
    if (frame) win.cancelAnimationFrame(frame);
  };
}

/** React form: report while `enabled` (embed mode), from the given element or #root. */
export function useReportHeight(enabled: boolean, element?: HTMLElement | null): void {
  useEffect(() => (enabled ? startHeightReporter({ element }) : undefined), [enabled, element]);
}
