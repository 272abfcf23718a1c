/**
 * The time slider's logic without a DOM, after OWID Grapher's TimelineController: what a
 * drag, a key press or a play tick does to the window [from, to]. Windows are inclusive
 * ranges of day numbers (../time/); the D3 view (./timeSliderView.ts) only draws them.
 */
import { utcMonth, utcYear } from 'd3-time';
import { type DayRange, clampWindow } from '../time/dayRange';
import { dateFromDay, dayFromDate } from '../time/days';

export type Handle = 'start' | 'end';

/** What the controller drives: the store in the app, a plain object in tests. */
export interface TimelineManager {
  getDomain(): DayRange | null;
  getWindow(): DayRange | null;
  setWindow(window: DayRange): void;
  isPlaying(): boolean;
  setPlaying(playing: boolean): void;
  /** Days the window travels per second of play. */
  getPlaySpeed(): number;
  /**
   * The days of the meetings the view can show (the slider's strip: filters applied),
   * sorted by first day. Play skips the stretches without any; without it, play sweeps
   * evenly.
   */
  getMeetingSpans?(): readonly DayRange[];
}

/** Moves one handle to a day; it stops at the other handle rather than crossing it. */
export function moveHandle(w: DayRange, handle: Handle, day: number, domain: DayRange): DayRange {
  const d = Math.round(Math.min(Math.max(day, domain.from), domain.to));
  return handle === 'start' ? { from: Math.min(d, w.to), to: w.to } : { from: w.from, to: Math.max(d, w.from) };
}

/** Moves the whole window by some days, keeping its width, stopping at the domain's edges. */
export function shiftWindow(w: DayRange, days: number, domain: DayRange): DayRange {
  const width = w.to - w.from;
  let from = Math.round(w.from + days);
  from = Math.max(domain.from, Math.min(from, domain.to - width));
  return { from, to: from + width };
}

function offsetMonths(day: number, months: number): number {
  return dayFromDate(utcMonth.offset(dateFromDay(day), months));
}

/**
 * The step of the arrow keys, chosen from the domain's length so that a handle crosses a
 * decade in a reasonable number of presses: a day within about a year, else a week up to
 * about five years, else a month. PageUp/PageDown step a year (a month for short domains).
 */
export function keyStepUnit(domain: DayRange): 'day' | 'week' | 'month' {
  const span = domain.to - domain.from;
  if (span <= 400) return 'day';
  if (span <= 5 * 366) return 'week';
  return 'month';
}

function stepDay(day: number, unit: 'day' | 'week' | 'month' | 'year', n: number): number {
  switch (unit) {
    case 'day':
      return day + n;
    case 'week':
      return day + 7 * n;
    case 'month':
      return offsetMonths(day, n);
    case 'year':
      return dayFromDate(utcYear.offset(dateFromDay(day), n));
  }
}

/**
 * What a key does to a handle, following the ARIA slider pattern: arrows step, PageUp and
 * PageDown step further, Home and End go to the handle's limits. Null for other keys.
 */
export function windowAfterKey(w: DayRange, handle: Handle, key: string, domain: DayRange): DayRange | null {
  const unit = keyStepUnit(domain);
  const big = domain.to - domain.from <= 400 ? 'month' : 'year';
  const current = handle === 'start' ? w.from : w.to;
  let day: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      day = stepDay(current, unit, 1);
      break;
    case 'ArrowLeft':
    case 'ArrowDown':
      day = stepDay(current, unit, -1);
      break;
    case 'PageUp':
      day = stepDay(current, big, 1);
      break;
    case 'PageDown':
      day = stepDay(current, big, -1);
      break;
    case 'Home':
      day = handle === 'start' ? domain.from : w.from;
      break;
    case 'End':
      day = handle === 'start' ? w.to : domain.to;
      break;
    default:
      return null;
  }
  return moveHandle(w, handle, day, domain);
}

/**
 * Where play begins: from the current window, unless it already touches the end (start
 * over from the beginning) or covers most of the domain, as the default full-range view
 * does (then sweep a tenth of the domain, at least a month, so there is something to watch).
 */
export function playStartWindow(w: DayRange, domain: DayRange): DayRange {
  const span = domain.to - domain.from;
  let width = w.to - w.from;
  if (width >= span * 0.8) width = Math.min(span, Math.max(30, Math.round(span / 10)));
  if (w.to >= domain.to || width !== w.to - w.from) return { from: domain.from, to: domain.from + width };
  return w;
}

/** Advances the window by some (fractional) days; done when its end reaches the domain's end. */
export function advanceWindow(w: DayRange, days: number, domain: DayRange): { window: DayRange; done: boolean } {
  const next = shiftWindow(w, days, domain);
  return { window: next, done: next.to >= domain.to };
}

/** Whether any span (sorted by first day) overlaps the window. */
export function windowHasMeetings(w: DayRange, spans: readonly DayRange[]): boolean {
  for (const s of spans) {
    if (s.from > w.to) return false; // sorted: the rest start later still
    if (s.to >= w.from) return true;
  }
  return false;
}

/**
 * Play's answer to an empty window, as OWID Grapher plays only through years with data:
 * a window that shows no meeting moves forward, keeping its width, until the next meeting
 * just enters it (the seeds have nothing between July 2014 and September 2023: a second
 * of "0 of 14" per three months of travel otherwise). Unchanged when the window shows a
 * meeting or none lies ahead.
 */
export function skipEmptyStretch(w: DayRange, spans: readonly DayRange[], domain: DayRange): DayRange {
  if (windowHasMeetings(w, spans)) return w;
  const next = spans.find((s) => s.from > w.to);
  if (!next) return w;
  return shiftWindow(w, next.from - w.to, domain);
}

/**
 * Stateful part: play and its fractional travel. Ticks come from the view's animation
 * frame loop with the elapsed milliseconds, so tests drive time by hand.
 */
export class TimelineController {
  /** Days travelled but not yet applied (the window moves in whole days). */
  private carry = 0;

  constructor(private readonly manager: TimelineManager) {}

  play(): void {
    const domain = this.manager.getDomain();
    const window = this.manager.getWindow();
    if (!domain || !window) return;
    this.carry = 0;
    // Playing first, so the URL sync treats the jump to the start as part of the play gesture.
    this.manager.setPlaying(true);
    this.manager.setWindow(skipEmptyStretch(playStartWindow(window, domain), this.manager.getMeetingSpans?.() ?? [], domain));
  }

  pause(): void {
    this.manager.setPlaying(false);
  }

  togglePlay(): void {
    if (this.manager.isPlaying()) this.pause();
    else this.play();
  }

  /** Advances play by elapsed milliseconds; returns whether play goes on. */
  tick(elapsedMs: number): boolean {
    if (!this.manager.isPlaying()) return false;
    const domain = this.manager.getDomain();
    const window = this.manager.getWindow();
    if (!domain || !window) {
      this.pause();
      return false;
    }
    // A frame that comes after a long pause (tab in the background) must not jump far.
    this.carry += (this.manager.getPlaySpeed() * Math.min(elapsedMs, 250)) / 1000;
    const whole = Math.trunc(this.carry);
    if (whole === 0) return true;
    this.carry -= whole;
    const advanced = advanceWindow(window, whole, domain);
    const next = skipEmptyStretch(advanced.window, this.manager.getMeetingSpans?.() ?? [], domain);
    const done = next.to >= domain.to;
    this.manager.setWindow(next);
    if (done) this.pause();
    return !done;
  }

  /** Handles a key on a handle; returns whether the key was used (then prevent its default). */
  key(handle: Handle, key: string): boolean {
    const domain = this.manager.getDomain();
    const window = this.manager.getWindow();
    if (!domain || !window) return false;
    const next = windowAfterKey(window, handle, key, domain);
    if (!next) return false;
    if (this.manager.isPlaying()) this.pause();
    this.manager.setWindow(next);
    return true;
  }

  /** A drag of the brush to [from, to] (days, possibly fractional). */
  drag(window: DayRange): void {
    const domain = this.manager.getDomain();
    if (!domain) return;
    if (this.manager.isPlaying()) this.pause();
    const current = this.manager.getWindow();
    const width = current ? current.to - current.from : -1;
    // The span dragged as a whole (or an edge moved by less than a day): its two ends,
    // converted from pixels, would round apart and change the width by a day; keep it.
    if (current && Math.abs(Math.abs(window.to - window.from) - width) < 1) {
      const from = Math.round(Math.min(window.from, window.to));
      this.manager.setWindow(shiftWindow({ from, to: from + width }, 0, domain));
      return;
    }
    this.manager.setWindow(clampWindow(window, domain));
  }
}
