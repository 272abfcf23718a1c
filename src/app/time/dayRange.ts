/**
 * Inclusive ranges of day numbers (./days.ts): the time window, a meeting's possible
 * days, the dataset's extent. The store, the slider and the map all speak these, so they
 * live below all three.
 */

/** Inclusive range of day numbers. */
export interface DayRange {
  from: number;
  to: number;
}

/** Orders the window, rounds it to whole days and keeps both ends inside the domain. */
export function clampWindow(w: DayRange, domain: DayRange): DayRange {
  const clamp = (d: number) => Math.min(Math.max(Math.round(d), domain.from), domain.to);
  return { from: clamp(Math.min(w.from, w.to)), to: clamp(Math.max(w.from, w.to)) };
}

/**
 * A window that shows a meeting: unchanged when the meeting already overlaps it, else the
 * same width centred on the meeting (widened if the meeting is longer than the window).
 */
export function windowShowing(w: DayRange, target: DayRange, domain: DayRange): DayRange {
  if (target.from <= w.to && target.to >= w.from) return w;
  const width = Math.max(w.to - w.from, target.to - target.from);
  const centre = Math.round((target.from + target.to) / 2);
  const from = centre - Math.floor(width / 2);
  return clampWindow({ from, to: from + width }, { from: Math.min(domain.from, target.from), to: Math.max(domain.to, target.to) });
}
