/**
 * The flowing dashes along held links: one `setPaintProperty` per step, stepping through
 * precomputed dash patterns at about 15 steps per second. No geometry work, no setData
 * (issue 6: < 2 ms main-thread per frame at 10k meetings).
 *
 * MapLibre fires `idle` only when nothing is animating, and tests and the benchmark wait
 * for `idle`; so the adapter pauses the flow around each update and resumes it after the
 * next `idle` (see mapAdapter.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { FLOW_DASHES, LAYERS } from './style';

const STEP_MS = 66;

export class FlowAnimation {
  private frame = 0;
  private step = 0;
  private last = 0;
  private running = false;

  constructor(private readonly map: MapLibreMap) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.map.setLayoutProperty(LAYERS.flow, 'visibility', 'visible');
    const tick = (now: number): void => {
      if (!this.running) return;
      if (now - this.last >= STEP_MS) {
        this.last = now;
        this.step = (this.step + 1) % FLOW_DASHES.length;
        this.map.setPaintProperty(LAYERS.flow, 'line-dasharray', FLOW_DASHES[this.step]);
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Stops stepping; `hide` also removes the dashes (animation switched off). */
  stop(hide: boolean): void {
    this.running = false;
    cancelAnimationFrame(this.frame);
    if (hide && this.map.getLayer(LAYERS.flow)) this.map.setLayoutProperty(LAYERS.flow, 'visibility', 'none');
  }
}
