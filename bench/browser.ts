/**
 * The in-browser measurements: load, scrub, frame and memory, in headless Chromium (the
 * project's launch flags: SwiftShader WebGL, no network beyond loopback) against a
 * production build served by ./server.ts.
 *
 * Main-thread time comes from the Chrome DevTools Protocol: `Performance.getMetrics`
 * reports `TaskDuration`, the renderer main thread's cumulative busy time. The delta
 * across an action is the main-thread work the action caused (JS, style, layout, paint
 * and MapLibre's render calls; not the GPU process, not MapLibre's workers). The probe
 * that drives the action and reads the metrics costs a little main-thread time itself;
 * it is measured in the same run with an action that does nothing, and subtracted (`net`).
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumExecutable } from '../src/browser/chromium';
import { median, round, summarize, type Summary } from './stats';

export const VIEWPORT = { width: 1280, height: 800 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
}

/**
 * Runs in the page before any of its scripts: records when the map container first
 * reports idle, and when it first reports idle with links rendered (a layer on the arcs
 * source, or one whose id starts with "links", has rendered features).
 */
function idleRecorder(expectLinks: boolean): void {
  type MapLike = {
    getStyle(): { layers?: Array<{ id: string; source?: string }> };
    queryRenderedFeatures(options: { layers: string[] }): unknown[];
  };
  const marks: { firstIdle: number | null; linksIdle: number | null } = { firstIdle: null, linksIdle: null };
  (window as unknown as { __benchMarks: typeof marks }).__benchMarks = marks;
  const linksDrawn = (): boolean => {
    if (!expectLinks) return true;
    const map = (window as unknown as { __atlasMap?: MapLike }).__atlasMap;
    if (!map) return false;
    // The links may be a custom WebGL layer (no rendered features to query): its probe says what it draws.
    const probe = (window as unknown as { __atlasLinks?: { visiblePairs(): number } }).__atlasLinks;
    if (probe) return probe.visiblePairs() > 0;
    try {
      const layers = (map.getStyle().layers ?? []).filter((l) => /^links/.test(l.id) || l.source === 'arcs').map((l) => l.id);
      return layers.length > 0 && map.queryRenderedFeatures({ layers }).length > 0;
    } catch {
      return false;
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      const el = record.target as Element;
      if (el.getAttribute('data-map-idle') !== 'true') continue;
      const t = performance.now();
      if (marks.firstIdle === null) marks.firstIdle = t;
      if (marks.linksIdle === null && linksDrawn()) marks.linksIdle = t;
    }
  }).observe(document, { attributes: true, attributeFilter: ['data-map-idle'], subtree: true });
}

/**
 * Closes a context without waiting forever: a renderer whose main thread is stuck in a
 * long task (a 100k dataset being parsed) may not answer the close for minutes.
 */
export async function closeContext(context: BrowserContext, timeoutMs = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    context.close().catch(() => undefined),
    new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); }),
  ]);
  clearTimeout(timer);
}

/** The renderer died (out of memory, most often): a budget failure, not a missing piece. */
export class TabCrashed extends Error {}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** navigation start → first idle with links drawn, ms. */
  loadMs: number;
  firstIdleMs: number;
  crashed: () => boolean;
  errors: string[];
}

/** A fresh context (cold cache) on `url`, resolved once the map is idle with links drawn. */
export async function openPage(browser: Browser, url: string, options: { expectLinks: boolean; timeoutMs: number }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  let crashed = false;
  const errors: string[] = [];
  page.on('crash', () => { crashed = true; });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // tsx compiles this file with esbuild's keepNames, which wraps functions in __name(...);
  // functions shipped to the page need that helper there too.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await page.addInitScript(idleRecorder, options.expectLinks);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: options.timeoutMs });
    await page.waitForFunction(
      () => (window as unknown as { __benchMarks?: { linksIdle: number | null } }).__benchMarks?.linksIdle != null,
      undefined,
      { timeout: options.timeoutMs, polling: 100 },
    );
  } catch (error) {
    await closeContext(context);
    const why = crashed ? 'the tab crashed' : error instanceof Error ? error.message.split('\n')[0] : String(error);
    const message = `${why}${errors.length ? ` (page errors: ${errors.slice(0, 3).join(' | ')})` : ''}`;
    throw crashed ? new TabCrashed(message) : new Error(message);
  }
  const marks = await page.evaluate(() => (window as unknown as { __benchMarks: { firstIdle: number; linksIdle: number } }).__benchMarks);
  return { context, page, cdp, loadMs: marks.linksIdle, firstIdleMs: marks.firstIdle, crashed: () => crashed, errors };
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Main-thread busy time (ms) spent while `action` ran, and its script / style / layout parts. */
async function taskTimes(cdp: CDPSession, action: () => Promise<unknown>): Promise<{ task: number; thread: number; script: number; style: number; layout: number }> {
  const before = await metrics(cdp);
  await action();
  const after = await metrics(cdp);
  const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  // TaskDuration is wall time of the main thread's tasks; ThreadTime its CPU time (the two
  // part when the thread waits for a core, e.g. behind software WebGL's raster threads).
  return { task: delta('TaskDuration'), thread: delta('ThreadTime'), script: delta('ScriptDuration'), style: delta('RecalcStyleDuration'), layout: delta('LayoutDuration') };
}

async function taskTime(cdp: CDPSession, action: () => Promise<unknown>): Promise<number> {
  return (await taskTimes(cdp, action)).task;
}

export async function heapUsedMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const m = await metrics(cdp);
  return round((m.JSHeapUsedSize ?? Number.NaN) / 1e6, 1);
}

/** Why the store hook is missing, or null when the page exposes what the bench drives. */
export async function missingHooks(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const w = window as unknown as { __atlasStore?: { getState?: () => Record<string, unknown> }; __atlasMap?: unknown };
    if (!w.__atlasStore?.getState) return 'window.__atlasStore is not exposed by the app';
    const s = w.__atlasStore.getState();
    if (typeof s.setWindow !== 'function') return '__atlasStore has no setWindow action';
    if (!s.dataset) return 'the store holds no dataset';
    if (!w.__atlasMap) return 'window.__atlasMap is not exposed by the app';
    return null;
  });
}

export async function setAnimate(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => {
    const s = (window as unknown as { __atlasStore: { getState(): { setAnimate?: (v: boolean) => void } } }).__atlasStore.getState();
    s.setAnimate?.(value);
  }, on);
}

/** A window of days, as the store takes it. */
export interface DayWindow {
  from: string;
  to: string;
}

/** One pass of window steps: the figures of issue 6, per pass. */
export interface ScrubPass {
  steps: number;
  /** Main-thread time per window change, probe overhead included. */
  raw: Summary;
  /** Median main-thread time of the probe alone (a step that changes nothing). */
  probe: number;
  /** raw − probe, in task (wall) time of the main thread. */
  net: Summary;
  /** setWindow → map settled, wall clock in the page (includes waiting for the frame). */
  wall: Summary;
  /**
   * As `net`, in main-thread CPU time (CDP ThreadTime) instead of task wall time: what the
   * step costs where the thread never waits for a core. The budgeted figure (issue 19).
   */
  cpuNet: Summary;
  /**
   * Steps whose map did not reach idle within 10 s: their main-thread time is cut off
   * there, so with any of these the figures are lower bounds.
   */
  unsettled: number;
  /** Medians per step of the main thread's script, style-recalculation and layout time (probe included). */
  breakdown: { script: number; style: number; layout: number };
  /** The steps into the densest stretch of time (also counted in the figures above). */
  dense: { cpuNet: number[]; task: number[] };
}

/** A measured step: the window it moved from and to, and what it cost. */
export interface StepSample {
  prev: DayWindow;
  next: DayWindow;
  task: number;
  cpu: number;
  dense: boolean;
}

export interface ScrubResult extends ScrubPass {
  /** Passes over the same steps on the same page; the top-level figures are the median pass's (by cpuNet p95). */
  repeats: number;
  /** The budgeted figure: the median over the passes of cpuNet p95. */
  cpuNetP95: number;
  /** The median over the passes of net (task time) p95. */
  netP95: number;
  /** The longest single step's main-thread task time over every pass (probe included): a stall a user sees. */
  maxTask: number;
  /** Per pass: cpuNet p95, net p95, longest task. */
  passes: Array<{ cpuNetP95: number; netP95: number; maxTask: number; wallP95: number }>;
  /** The densest window of the step's width: the most meetings that overlap it. */
  densest: DayWindow & { meetings: number };
  /** The slowest steps by task time (for --trace-out). */
  slowest: StepSample[];
}

/**
 * One window step as a user's brush nudge: setWindow, then wait until the map container
 * reports `data-map-idle="true"` again (links counted and drawn, markers updated, MapLibre
 * idle) and one more frame plus a task (React has committed). `null` is the probe: a step
 * that changes nothing. `label` adds a User Timing measure (seen in a trace).
 */
export function stepTo(page: Page, target: DayWindow | null, label?: string): Promise<{ ms: number; settled: boolean }> {
  return page.evaluate(
    async ({ w, label }) => {
      const g = window as unknown as { __atlasStore: { getState(): { setWindow(f: string, t: string): void } } };
      const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      let settled = true;
      if (w) {
        g.__atlasStore.getState().setWindow(w.from, w.to);
        // Settled: the map container says so again (the links drawn, MapLibre idle), the
        // same signal the tests and the snapshot command wait for. The store marks it
        // "false" synchronously; a step that changes nothing the map shows leaves it alone.
        const container = document.querySelector<HTMLElement>('[data-map-idle]')!;
        if (container.dataset.mapIdle === 'false') {
          await new Promise<void>((r) => {
            const observer = new MutationObserver(() => {
              if (container.dataset.mapIdle !== 'true') return;
              clearTimeout(timer);
              observer.disconnect();
              r();
            });
            // A map that never settles must not hang the bench; the step counts as unsettled.
            const timer = setTimeout(() => { settled = false; observer.disconnect(); r(); }, 10_000);
            observer.observe(container, { attributes: true, attributeFilter: ['data-map-idle'] });
          });
        }
      }
      await nextFrame();
      if (label) performance.measure(label, { start: t0, end: performance.now() });
      return { ms: performance.now() - t0, settled };
    },
    { w: target, label: label ?? null },
  );
}

/**
 * The scrub's plan: the dataset's dated extent, the window's width (a tenth of it) and
 * stride (a hundredth), and the densest window of that width (most meetings overlapping).
 */
async function scrubPlan(page: Page): Promise<{ first: number; last: number; width: number; stride: number; densest: { start: number; meetings: number } }> {
  return page.evaluate(() => {
    const s = (window as unknown as { __atlasStore: { getState(): { dataset: { meetings: Array<{ date: { start: string | null; end: string | null } }> } } } }).__atlasStore.getState();
    const day = 86_400_000;
    const spans: Array<[number, number]> = [];
    let first = Infinity;
    let last = -Infinity;
    for (const m of s.dataset.meetings) {
      if (!m.date.start || !m.date.end) continue;
      const a = Date.parse(`${m.date.start}T00:00:00Z`) / day;
      const b = Date.parse(`${m.date.end}T00:00:00Z`) / day;
      spans.push([a, b]);
      if (a < first) first = a;
      if (b > last) last = b;
    }
    const width = Math.max(7, Math.round((last - first) / 10));
    const stride = Math.max(1, Math.round((last - first) / 100));
    // A span [a, b] overlaps the windows starting in [a - width + 1, b]: a difference array
    // over window starts, then its running sum, is the count per window.
    const offset = first - width + 1;
    const diff = new Int32Array(last - offset + 2);
    for (const [a, b] of spans) {
      diff[a - width + 1 - offset]! += 1;
      diff[b + 1 - offset]! -= 1;
    }
    let run = 0;
    let best = { start: first, meetings: -1 };
    for (let i = 0; i < diff.length - 1; i++) {
      run += diff[i]!;
      const start = i + offset;
      // Windows that stay inside the extent (the brush cannot leave it).
      if (start >= first && start + width - 1 <= last && run > best.meetings) best = { start, meetings: run };
    }
    return { first, last, width, stride, densest: best };
  });
}

export interface ScrubOptions {
  /** Regular steps per pass (a window of 1/10 of the range moved by 1/100 from the start). */
  steps: number;
  /** Passes over the same steps; the budget takes the median pass. */
  repeats: number;
  /** Steps into the densest stretch, per pass, after the regular ones. */
  denseSteps: number;
  /** Unmeasured steps before the first pass. */
  warmup?: number;
  /** Each step leaves a User Timing measure "scrub R.I" (for a trace over the scrub: gcScrub.ts). */
  labelSteps?: boolean;
}

/**
 * Moves a window of a tenth of the dataset's time range forward by a hundredth per step
 * (a brush nudge), with animation off so only the window change draws; then, so that a
 * slow path cannot hide between the sampled windows, `denseSteps` steps into the densest
 * stretch of time (the window of that width that the most meetings overlap, approached
 * from two strides before it). Every step is followed by a probe (a step that changes
 * nothing) whose median is subtracted. Repeated `repeats` times on the same page.
 */
export async function measureScrub(opened: OpenedPage, options: ScrubOptions): Promise<ScrubResult> {
  const { page, cdp } = opened;
  const { steps, repeats, denseSteps } = options;
  const warmup = options.warmup ?? 3;
  await setAnimate(page, false);
  await page.waitForTimeout(500);
  const plan = await scrubPlan(page);
  const day = 86_400_000;
  const iso = (d: number) => new Date(d * day).toISOString().slice(0, 10);
  const at = (start: number): DayWindow => ({ from: iso(start), to: iso(start + plan.width) });

  const passes: ScrubPass[] = [];
  const samples: StepSample[] = [];
  let current: DayWindow | null = null;
  for (let r = 0; r < repeats; r++) {
    // The planned windows: `skip` unmeasured ones first, the dense approach unmeasured too.
    const skip = r === 0 ? warmup : 1;
    const plan2: Array<{ w: DayWindow; measured: boolean; dense: boolean }> = [];
    for (let i = 0; i < steps + skip; i++) plan2.push({ w: at(plan.first + i * plan.stride), measured: i >= skip, dense: false });
    if (denseSteps > 0) {
      const d = Math.min(plan.densest.start, plan.last - plan.width - (denseSteps - 2) * plan.stride);
      plan2.push({ w: at(d - 2 * plan.stride), measured: false, dense: false });
      for (let k = 0; k < denseSteps; k++) plan2.push({ w: at(d + (k - 1) * plan.stride), measured: true, dense: true });
    }
    const raw: number[] = [];
    const wall: number[] = [];
    const probe: number[] = [];
    const thread: number[] = [];
    const probeThread: number[] = [];
    const parts = { script: [] as number[], style: [] as number[], layout: [] as number[] };
    const denseIdx: number[] = [];
    let unsettled = 0;
    for (const [i, { w, measured, dense }] of plan2.entries()) {
      let wallMs = 0;
      const t = await taskTimes(cdp, async () => {
        const result = await stepTo(page, w, options.labelSteps ? `scrub ${r + 1}.${i}${measured ? '' : ' unmeasured'}${dense ? ' dense' : ''}` : undefined);
        wallMs = result.ms;
        if (!result.settled && measured) unsettled++;
      });
      const probeTimes = await taskTimes(cdp, () => stepTo(page, null));
      const prev = current ?? w;
      current = w;
      if (!measured) continue;
      if (dense) denseIdx.push(raw.length);
      raw.push(t.task);
      thread.push(t.thread);
      probeThread.push(probeTimes.thread);
      parts.script.push(t.script);
      parts.style.push(t.style);
      parts.layout.push(t.layout);
      wall.push(wallMs);
      probe.push(probeTimes.task);
      samples.push({ prev, next: w, task: round(t.task), cpu: round(t.thread), dense });
    }
    const probeMedian = median(probe);
    const probeThreadMedian = median(probeThread);
    const cpuNet = thread.map((x) => Math.max(0, x - probeThreadMedian));
    passes.push({
      steps: raw.length,
      raw: summarize(raw),
      probe: round(probeMedian),
      net: summarize(raw.map((x) => Math.max(0, x - probeMedian))),
      wall: summarize(wall),
      cpuNet: summarize(cpuNet),
      unsettled,
      breakdown: { script: round(median(parts.script)), style: round(median(parts.style)), layout: round(median(parts.layout)) },
      dense: { cpuNet: denseIdx.map((i) => round(cpuNet[i]!)), task: denseIdx.map((i) => round(raw[i]!)) },
    });
  }
  const byCpu = [...passes].sort((a, b) => a.cpuNet.p95 - b.cpuNet.p95);
  const medianPass = byCpu[Math.floor((byCpu.length - 1) / 2)]!;
  return {
    ...medianPass,
    unsettled: passes.reduce((sum, p) => sum + p.unsettled, 0),
    repeats,
    cpuNetP95: round(median(passes.map((p) => p.cpuNet.p95))),
    netP95: round(median(passes.map((p) => p.net.p95))),
    maxTask: round(Math.max(...passes.map((p) => p.raw.max))),
    passes: passes.map((p) => ({ cpuNetP95: p.cpuNet.p95, netP95: p.net.p95, maxTask: p.raw.max, wallP95: p.wall.p95 })),
    densest: { ...at(plan.densest.start), meetings: plan.densest.meetings },
    slowest: [...samples].sort((a, b) => b.task - a.task).slice(0, 3),
  };
}

/**
 * Replays steps (each from its `prev` window, which is set first and not recorded) with the
 * page traced: a Chrome trace (CDP Tracing: timeline, V8 sampling, GPU, user timings with
 * one "bench step N" measure per replayed step) written to `file`, which the DevTools
 * Performance panel or Perfetto opens; then the same steps again under the V8 sampling
 * profiler alone, summarised as the functions with the most self time.
 */
export async function traceSteps(opened: OpenedPage, steps: readonly StepSample[], file: string): Promise<{ file: string; bytes: number; top: Array<{ fn: string; selfMs: number }>; totalMs: number; programMs: number; gcMs: number }> {
  const { page, cdp } = opened;
  const replay = async (label: string) => {
    for (const [i, s] of steps.entries()) {
      await stepTo(page, s.prev);
      await page.waitForTimeout(200);
      await stepTo(page, s.next, `bench ${label} ${i + 1}: ${s.prev.from}→${s.next.from} (measured ${s.task} ms task, ${s.cpu} ms CPU)`);
    }
  };
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: [
        'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
        'v8.execute', 'v8', 'blink.user_timing', 'toplevel', 'gpu', 'disabled-by-default-v8.cpu_profiler', 'latencyInfo',
      ],
    },
  });
  await replay('step');
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  const fs = await import('node:fs');
  const path = await import('node:path');
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const out = fs.createWriteStream(file);
  let bytes = 0;
  if (stream) {
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
      const data = chunk.base64Encoded ? Buffer.from(chunk.data, 'base64') : Buffer.from(chunk.data, 'utf8');
      bytes += data.length;
      out.write(data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
  }
  await new Promise<void>((resolve) => out.end(resolve));

  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // Each step's `prev` outside the profile: start and stop around the measured part only.
  const self = new Map<string, number>();
  let totalMs = 0;
  for (const [i, s] of steps.entries()) {
    await stepTo(page, s.prev);
    await page.waitForTimeout(200);
    await cdp.send('Profiler.start');
    await stepTo(page, s.next, `bench profile ${i + 1}`);
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    (profile.samples ?? []).forEach((id, k) => {
      const n = byId.get(id);
      if (!n) return;
      const fn = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
      const ms = (profile.timeDeltas?.[k] ?? 0) / 1000;
      if (n.callFrame.functionName !== '(idle)') totalMs += ms;
      self.set(fn, (self.get(fn) ?? 0) + ms);
    });
  }
  await cdp.send('Profiler.disable');
  // "(program)": native work of the main thread outside JS (style, layout, paint, the WebGL
  // command buffer), and time it waits for a core; "(garbage collector)": V8's GC.
  const special = (name: string) => [...self].filter(([fn]) => fn.startsWith(name)).reduce((sum, [, ms]) => sum + ms, 0);
  const top = [...self].filter(([fn]) => !/^\((idle|program|root)\)/.test(fn)).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([fn, ms]) => ({ fn, selfMs: round(ms, 1) }));
  return { file, bytes, top, totalMs: round(totalMs, 1), programMs: round(special('(program)'), 1), gcMs: round(special('(garbage collector)'), 1) };
}

export interface FrameResult {
  /** Seconds per measured stretch: each round measures this long at rest, then animating. */
  seconds: number;
  /** Rounds of (at rest, animating); the figures are their medians. */
  rounds: number;
  /**
   * Main-thread ms per frame of the links drawn while they animate, less what the page costs
   * at rest just before (the budgeted figure; as scrub's `net`): the median of the rounds.
   */
  perFrame: number | null;
  /** The same without subtracting the page at rest (median of the rounds). */
  rawPerFrame: number | null;
  /** Meetings in the window while measuring (the default view: all of them). */
  meetingsShown: number;
  /** Frames of the links drawn per second, over every round (the flow steps at its own pace, not every display frame). */
  mapFps: number;
  /** Frames MapLibre itself rendered per second meanwhile (the basemap; 0 when the links animate alone). */
  basemapFps: number;
  /** Main-thread ms per second while the links animate (median of the rounds). */
  movingPerSecond: number;
  /** Who drew the comets while measured: 'worker' (off the main thread) or 'page' (the fallback); null for a page without the probe. */
  cometsDrawnBy: 'worker' | 'page' | null;
  /** The same page with animation off: main-thread ms per second (what the page costs at rest; median of the rounds). */
  staticPerSecond: number;
  /** Each round: main-thread ms per second at rest and animating, frames drawn, and its per-frame figure. */
  perRound: Array<{ staticPerSecond: number; movingPerSecond: number; frames: number; perFrame: number | null }>;
}

/**
 * Main-thread time per drawn frame while the links animate, in the default view (the whole
 * time range in the window: every link drawn; the page is put back there first, so the
 * figure does not depend on what was measured before on it). Each of `rounds` rounds
 * measures `seconds` with animation off (the page at rest: timers, the probe) and then
 * `seconds` animating: the CDP TaskDuration delta animating, less the one at rest, divided
 * by the frames the links drew in that time (the probe's `__atlasLinks.frames()`, falling
 * back to MapLibre's `render` events for a page without it). The figure is the median of
 * the rounds: a one-off pause in one stretch (V8's memory reducer collects about 8 s after a
 * scrub's allocations stop, 40 to 50 ms of main thread at 10k meetings whether the links
 * move or not) moves one round, not the figure. Without the subtraction, a machine that
 * draws few frames a second (software WebGL with many links) would charge a second of idle
 * page to each frame. The probe only waits (a timer, no requestAnimationFrame loop of its
 * own, which would add a callback and a frame's work to every display frame).
 */
export async function measureFrame(opened: OpenedPage, seconds: number, rounds = 3): Promise<FrameResult> {
  const { page, cdp } = opened;
  const run = async () => {
    let counts = { renders: 0, linkFrames: -1 };
    const ms = await taskTime(cdp, async () => {
      counts = await page.evaluate(async (duration) => {
        type MapLike = { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
        const w = window as unknown as { __atlasMap: MapLike; __atlasLinks?: { frames(): number } };
        const map = w.__atlasMap;
        const framesAtStart = w.__atlasLinks?.frames() ?? -1;
        let renders = 0;
        const onRender = () => { renders++; };
        map.on('render', onRender);
        await new Promise<void>((resolve) => setTimeout(resolve, duration));
        map.off('render', onRender);
        return { renders, linkFrames: framesAtStart < 0 ? -1 : w.__atlasLinks!.frames() - framesAtStart };
      }, seconds * 1000);
    });
    return { ms, ...counts };
  };
  await setAnimate(page, false);
  const meetingsShown = await page.evaluate(() => {
    type StoreLike = { getState(): { setWindow(f: string | null, t: string | null): void; dataset: { meetings: Array<{ date: { start: string | null } }> } } };
    const store = (window as unknown as { __atlasStore: StoreLike }).__atlasStore;
    store.getState().setWindow(null, null);
    return store.getState().dataset.meetings.filter((m) => m.date.start !== null).length;
  });
  await page.locator('[data-map-idle="true"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  const perRound: FrameResult['perRound'] = [];
  const raw: number[] = [];
  let frames = 0;
  let renders = 0;
  let cometsDrawnBy: FrameResult['cometsDrawnBy'] = null;
  for (let r = 0; r < rounds; r++) {
    const still = await run();
    await setAnimate(page, true);
    await page.waitForTimeout(1000);
    const moving = await run();
    cometsDrawnBy = await page.evaluate(() => (window as unknown as { __atlasLinks?: { cometsDrawnBy?(): 'worker' | 'page' } }).__atlasLinks?.cometsDrawnBy?.() ?? null);
    await setAnimate(page, false);
    await page.waitForTimeout(500);
    const drawn = moving.linkFrames >= 0 ? moving.linkFrames : moving.renders;
    frames += drawn;
    renders += moving.renders;
    perRound.push({
      staticPerSecond: round(still.ms / seconds, 1),
      movingPerSecond: round(moving.ms / seconds, 1),
      frames: drawn,
      perFrame: drawn > 0 ? round(Math.max(0, moving.ms - still.ms) / drawn) : null,
    });
    if (drawn > 0) raw.push(moving.ms / drawn);
  }
  const measured = perRound.map((p) => p.perFrame).filter((x): x is number => x !== null);
  return {
    seconds,
    rounds,
    perFrame: measured.length > 0 ? round(median(measured)) : null,
    rawPerFrame: raw.length > 0 ? round(median(raw)) : null,
    meetingsShown,
    mapFps: round(frames / (seconds * rounds), 1),
    basemapFps: round(renders / (seconds * rounds), 1),
    movingPerSecond: round(median(perRound.map((p) => p.movingPerSecond)), 1),
    staticPerSecond: round(median(perRound.map((p) => p.staticPerSecond)), 1),
    cometsDrawnBy,
    perRound,
  };
}
