import { describe, expect, it } from 'vitest';
import type { DayRange } from '../time/dayRange';
import { dayFromIso, isoFromDay } from '../time/days';
import {
  TimelineController,
  type TimelineManager,
  advanceWindow,
  keyStepUnit,
  moveHandle,
  skipEmptyStretch,
  windowHasMeetings,
  playStartWindow,
  shiftWindow,
  windowAfterKey,
} from './timelineController';

const d = (iso: string) => dayFromIso(iso)!;
const domain = { from: d('2014-01-01'), to: d('2025-12-31') };

describe('window arithmetic', () => {
  it('stops a handle at the other handle instead of crossing it', () => {
    const w = { from: d('2020-01-01'), to: d('2020-06-01') };
    expect(moveHandle(w, 'start', d('2021-01-01'), domain)).toEqual({ from: w.to, to: w.to });
    expect(moveHandle(w, 'end', d('2019-01-01'), domain)).toEqual({ from: w.from, to: w.from });
    expect(moveHandle(w, 'start', d('2000-01-01'), domain)).toEqual({ from: domain.from, to: w.to });
  });
  it('moves a window keeping its width, stopping at the edges', () => {
    const w = { from: d('2025-06-01'), to: d('2025-08-31') };
    const moved = shiftWindow(w, 400, domain);
    expect(moved.to).toBe(domain.to);
    expect(moved.to - moved.from).toBe(w.to - w.from);
  });
});

describe('keys', () => {
  const w = { from: d('2020-01-15'), to: d('2022-03-10') };
  it('steps a month with arrows over a decade-long domain', () => {
    expect(keyStepUnit(domain)).toBe('month');
    expect(isoFromDay(windowAfterKey(w, 'start', 'ArrowRight', domain)!.from)).toBe('2020-02-15');
    expect(isoFromDay(windowAfterKey(w, 'end', 'ArrowLeft', domain)!.to)).toBe('2022-02-10');
  });
  it('steps a year with PageUp/PageDown', () => {
    expect(isoFromDay(windowAfterKey(w, 'start', 'PageUp', domain)!.from)).toBe('2021-01-15');
    expect(isoFromDay(windowAfterKey(w, 'end', 'PageDown', domain)!.to)).toBe('2021-03-10');
  });
  it('goes to the limits with Home/End', () => {
    expect(windowAfterKey(w, 'start', 'Home', domain)!.from).toBe(domain.from);
    expect(windowAfterKey(w, 'start', 'End', domain)!.from).toBe(w.to);
    expect(windowAfterKey(w, 'end', 'End', domain)!.to).toBe(domain.to);
    expect(windowAfterKey(w, 'end', 'Home', domain)!.to).toBe(w.from);
  });
  it('steps days on short domains and ignores other keys', () => {
    const short = { from: d('2025-01-01'), to: d('2025-06-30') };
    expect(keyStepUnit(short)).toBe('day');
    expect(windowAfterKey(short, 'start', 'ArrowRight', short)!.from).toBe(short.from + 1);
    expect(windowAfterKey(short, 'start', 'a', short)).toBeNull();
  });
});

describe('play', () => {
  it('starts over when the window touches the end, and narrows a full window', () => {
    const full = playStartWindow(domain, domain);
    // The default view: the data's extent inside the padded domain counts as full too.
    expect(playStartWindow({ from: domain.from + 80, to: domain.to - 80 }, domain)).toEqual(full);
    expect(full.from).toBe(domain.from);
    expect(full.to - full.from).toBe(Math.round((domain.to - domain.from) / 10));
    const atEnd = playStartWindow({ from: domain.to - 30, to: domain.to }, domain);
    expect(atEnd).toEqual({ from: domain.from, to: domain.from + 30 });
    const mid = { from: d('2018-01-01'), to: d('2018-03-01') };
    expect(playStartWindow(mid, domain)).toBe(mid);
  });
  it('is done when the window reaches the end', () => {
    expect(advanceWindow({ from: domain.to - 40, to: domain.to - 10 }, 20, domain).done).toBe(true);
    expect(advanceWindow({ from: domain.from, to: domain.from + 10 }, 20, domain).done).toBe(false);
  });
});

function fakeManager(initial: DayRange, speed = 90, spans?: DayRange[], dom: DayRange = domain) {
  const state = { window: initial, playing: false, windows: [] as DayRange[] };
  const manager: TimelineManager = {
    getDomain: () => dom,
    ...(spans ? { getMeetingSpans: () => spans } : {}),
    getWindow: () => state.window,
    setWindow: (w) => {
      state.window = w;
      state.windows.push(w);
    },
    isPlaying: () => state.playing,
    setPlaying: (p) => {
      state.playing = p;
    },
    getPlaySpeed: () => speed,
  };
  return { state, controller: new TimelineController(manager) };
}

describe('TimelineController', () => {
  it('sweeps the window at the play speed and stops at the end', () => {
    const start = { from: d('2024-01-01'), to: d('2024-03-31') };
    const { state, controller } = fakeManager(start, 90);
    controller.play();
    expect(state.playing).toBe(true);
    // 60 frames of 1/60 s at 90 days/s: 90 days, applied in whole days.
    for (let i = 0; i < 60; i++) controller.tick(1000 / 60);
    expect(state.window.from - start.from).toBeGreaterThanOrEqual(89);
    expect(state.window.from - start.from).toBeLessThanOrEqual(90);
    expect(state.window.to - state.window.from).toBe(start.to - start.from);
    let frames = 0;
    while (controller.tick(250) && frames < 10_000) frames++;
    expect(state.playing).toBe(false);
    expect(state.window.to).toBe(domain.to);
  });
  it('does not jump after a long pause between frames', () => {
    const start = { from: d('2024-01-01'), to: d('2024-01-31') };
    const { state, controller } = fakeManager(start, 90);
    controller.play();
    controller.tick(60_000);
    expect(state.window.from - start.from).toBeLessThanOrEqual(23);
  });
  it('pauses on a key and on a drag', () => {
    const { state, controller } = fakeManager({ from: d('2020-01-01'), to: d('2021-01-01') });
    controller.play();
    expect(controller.key('start', 'PageUp')).toBe(true);
    expect(state.playing).toBe(false);
    controller.play();
    controller.drag({ from: d('2019-01-01') + 0.3, to: d('2019-05-01') + 0.2 });
    expect(state.playing).toBe(false);
    expect(state.window).toEqual({ from: d('2019-01-01'), to: d('2019-05-01') });
  });
  it('keeps the width of a window dragged as a whole, even when its ends round apart', () => {
    const start = { from: d('2019-01-01'), to: d('2019-05-01') };
    const { state, controller } = fakeManager(start);
    controller.drag({ from: start.from + 10.6, to: start.to + 10.4 });
    expect(state.window).toEqual({ from: start.from + 11, to: start.to + 11 });
    controller.drag({ from: domain.to - 20.2, to: domain.to - 20.2 + (start.to - start.from) + 0.3 });
    expect(state.window.to).toBe(domain.to);
    expect(state.window.to - state.window.from).toBe(start.to - start.from);
  });
});

describe('play follows the data', () => {
  // The seeds' shape: two meetings in mid-2014, nothing until September 2023, then a few to July 2025.
  const spans = ['2014-06-26', '2014-07-03', '2023-09-29', '2024-01-15', '2024-05-10', '2025-07-01/2025-07-20', '2025-07-14/2025-07-20', '2025-07-17', '2025-07-20'].map((s) => {
    const [a, b] = s.split('/');
    return { from: d(a!), to: d(b ?? a!) };
  });
  const extent = { from: spans[0]!.from, to: d('2025-07-20') };

  it('knows whether a window shows a meeting', () => {
    expect(windowHasMeetings({ from: d('2014-07-01'), to: d('2014-07-05') }, spans)).toBe(true);
    expect(windowHasMeetings({ from: d('2015-01-01'), to: d('2023-09-28') }, spans)).toBe(false);
    expect(windowHasMeetings({ from: d('2025-07-10'), to: d('2025-07-12') }, spans)).toBe(true); // inside a month-long span
    expect(windowHasMeetings({ from: d('2026-01-01'), to: d('2026-02-01') }, spans)).toBe(false);
  });
  it('moves an empty window forward until the next meeting just enters it, keeping its width', () => {
    const empty = { from: d('2015-01-01'), to: d('2015-12-31') };
    const next = skipEmptyStretch(empty, spans, extent);
    expect(next.to).toBe(d('2023-09-29'));
    expect(next.to - next.from).toBe(empty.to - empty.from);
    const full = { from: d('2014-06-01'), to: d('2014-12-31') };
    expect(skipEmptyStretch(full, spans, extent)).toBe(full);
  });
  it('shows at least one meeting on every frame of play from the default view, and ends at the last meeting', () => {
    const { state, controller } = fakeManager(extent, 90, spans, extent);
    controller.play();
    expect(state.window.from).toBe(extent.from);
    let frames = 0;
    while (controller.tick(1000 / 60) && frames < 100_000) frames++;
    expect(state.windows.length).toBeGreaterThan(10);
    for (const w of state.windows) expect(windowHasMeetings(w, spans), `${isoFromDay(w.from)}..${isoFromDay(w.to)}`).toBe(true);
    expect(state.playing).toBe(false);
    expect(state.window.to).toBe(extent.to);
    // The nine empty years pass in one step: a few seconds of play, not half a minute.
    expect(frames / 60).toBeLessThan(15);
  });
  it('skips ahead from a starting window with no meeting', () => {
    const { state, controller } = fakeManager({ from: d('2016-01-01'), to: d('2016-03-31') }, 90, spans, extent);
    controller.play();
    expect(windowHasMeetings(state.window, spans)).toBe(true);
    expect(state.window.to).toBe(d('2023-09-29'));
  });
  it('Home and End stop at the first and last meeting when the domain is the data', () => {
    const w = { from: d('2024-01-01'), to: d('2024-06-30') };
    expect(windowAfterKey(w, 'start', 'Home', extent)!.from).toBe(extent.from);
    expect(windowAfterKey(w, 'end', 'End', extent)!.to).toBe(extent.to);
    expect(windowAfterKey(w, 'end', 'PageUp', extent)!.to).toBeLessThanOrEqual(extent.to);
  });
});
