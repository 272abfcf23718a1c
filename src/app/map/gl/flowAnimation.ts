/**
 * The flowing comets along held links, animated by the page: the fallback where a worker
 * cannot draw them (cometLayer.ts). The links' fragment shader moves them with a time
 * uniform (arcRenderer.ts), so a frame is one draw of the link overlay, paced here at most
 * 30 frames per second. No geometry work, no MapLibre repaint; still about 2 ms of main
 * thread per frame with software WebGL (callback, paint, commit), which the worker avoids.
 */
const FRAME_MS = 33;

export class FlowAnimation {
  private frame = 0;
  private last = 0;
  private running = false;

  /** `draw()` draws one frame; `show(on)` switches the comets on or off (a uniform). */
  constructor(
    private readonly draw: () => void,
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
        this.draw();
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Stops the frames; `hide` also removes the comets (animation switched off) and draws once without them. */
  stop(hide: boolean): void {
    this.running = false;
    cancelAnimationFrame(this.frame);
    if (hide) {
      this.show(false);
      this.draw();
    }
  }
}
