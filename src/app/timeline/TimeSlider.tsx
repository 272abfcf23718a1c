/**
 * React shell of the time slider: mounts the D3 view in one element it never renders into,
 * feeds it from the store, and hosts Play/Pause and the speed control.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useAtlasStore } from '../state/store';
import { meetingDays, resolveWindow, selectLookup, selectStrip, selectTimeExtent } from '../state/selectors';
import type { DayRange } from '../time/dayRange';
import { isoFromDay } from '../time/days';
import { TimelineController, type TimelineManager } from './timelineController';
import { type TimeSliderView, createTimeSliderView } from './timeSliderView';

/** Play speeds offered, in days of travel per second. */
const SPEEDS = [
  { days: 30, label: '1 month / s' },
  { days: 90, label: '3 months / s' },
  { days: 182, label: '6 months / s' },
  { days: 365, label: '1 year / s' },
];

/** The controller's view of the store. */
const storeManager: TimelineManager = {
  // The slider runs from the first meeting to the last: its ends, Home and End stop there.
  getDomain: () => selectTimeExtent(useAtlasStore.getState().dataset),
  getWindow() {
    const { dataset, view } = useAtlasStore.getState();
    return resolveWindow(view, selectTimeExtent(dataset));
  },
  setWindow(w: DayRange) {
    useAtlasStore.getState().setWindow(isoFromDay(w.from), isoFromDay(w.to));
  },
  isPlaying: () => useAtlasStore.getState().playing,
  setPlaying: (playing) => useAtlasStore.getState().setPlaying(playing),
  getPlaySpeed: () => useAtlasStore.getState().playSpeed,
  getMeetingSpans() {
    const { dataset, view } = useAtlasStore.getState();
    return dataset ? selectStrip(dataset, view) : [];
  },
};

export const timelineController = new TimelineController(storeManager);

export function TimeSlider() {
  const dataset = useAtlasStore((s) => s.dataset);
  const from = useAtlasStore((s) => s.view.from);
  const to = useAtlasStore((s) => s.view.to);
  const stateFilter = useAtlasStore((s) => s.view.state);
  const topic = useAtlasStore((s) => s.view.topic);
  const person = useAtlasStore((s) => s.view.person);
  const meetingId = useAtlasStore((s) => s.view.meeting);
  const playing = useAtlasStore((s) => s.playing);
  // Drawn again when a drag ends, so the brush snaps from the pointer's pixels to the window's days.
  const scrubbing = useAtlasStore((s) => s.scrubbing);
  const playSpeed = useAtlasStore((s) => s.playSpeed);
  const setPlaySpeed = useAtlasStore((s) => s.setPlaySpeed);

  const element = useRef<HTMLDivElement>(null);
  const view = useRef<TimeSliderView | null>(null);

  const extent = dataset ? selectTimeExtent(dataset) : null;
  const domain = extent;
  const window = useMemo(() => resolveWindow({ from, to }, extent), [from, to, extent]);
  const strip = dataset ? selectStrip(dataset, { state: stateFilter, topic, person }) : null;
  const meeting = dataset && meetingId ? selectLookup(dataset).meetings.get(meetingId) : undefined;
  const highlight = useMemo(() => (meeting ? meetingDays(meeting) : null), [meeting]);

  useEffect(() => {
    if (!element.current) return;
    const v = createTimeSliderView(element.current, {
      onBrush(w, phase) {
        const store = useAtlasStore.getState();
        if (phase === 'start') store.setScrubbing(true);
        if (w) timelineController.drag(w);
        if (phase === 'end') store.setScrubbing(false);
      },
      onKey: (handle, key) => timelineController.key(handle, key),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: drawn again when a drag ends (scrubbing), so the brush snaps to the window's days
  useEffect(() => {
    if (view.current && domain && window && strip) view.current.render({ domain, window, strip, highlight });
  }, [domain, window, strip, highlight, scrubbing]);

  // Play runs on animation frames; the controller turns elapsed time into window travel.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const step = (now: number) => {
      const goOn = timelineController.tick(now - last);
      last = now;
      if (goOn) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const disabled = !domain;
  return (
    <div className="time-slider">
      <div className="time-slider-controls">
        <button type="button" className="play" onClick={() => timelineController.togglePlay()} disabled={disabled}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className="speed">
          <span>Speed</span>
          <select value={SPEEDS.some((s) => s.days === playSpeed) ? playSpeed : ''} onChange={(e) => setPlaySpeed(Number(e.target.value))}>
            {!SPEEDS.some((s) => s.days === playSpeed) && <option value="">{playSpeed} days / s</option>}
            {SPEEDS.map((s) => (
              <option key={s.days} value={s.days}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="time-slider-track" ref={element} />
    </div>
  );
}
