/**
 * The flowing comets along held links: the arc layer's fragment shader moves them with a
 * time uniform (arcLayer.ts), so a frame is only `map.triggerRepaint()`, paced here at
 * most 25 frames per second. No geometry work, no paint property, no relayout (issue 6:
 * main-thread time per frame at 10k meetings).
 *
 * MapLibre fires `idle` only when nothing is animating, and tests and the benchmark wait
 * for `idle`; so the adapter pauses the flow around each update and resumes it after the
 * next `idle` (see mapAdapter.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

const FRAME_MS = 40;

export class FlowAnimation {
  private frame = 0;
  private last = 0;
  private running = false;

  /** `show(on)` switches the comets on or off in the layer (a uniform, no relayout). */
  constructor(
    private readonly map: MapLibreMap,
    private readonly show: (on: boolean) => void,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.show(true);
    const tick = (now: number): void => {
      if (!this.running) return;
      if (now - this.last >= FRAME_MS) {
        this.last = now;
        this.map.triggerRepaint();
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Stops the frames; `hide` also removes the comets (animation switched off). */
  stop(hide: boolean): void {
    this.running = false;
    cancelAnimationFrame(this.frame);
    if (hide) this.show(false);
  }
}
