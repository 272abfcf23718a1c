/**
 * A CPU profile of window steps (the scrub measurement's action) for finding where the
 * time goes: `tsx bench/profileScrub.ts [meetings-file] [dist]` prints the functions with
 * the most self time over ten steps. Uses the build and datasets `npm run bench` left in
 * .cache/bench/. START_FRACTION=0.86 starts the steps that far into the time range (the
 * densest stretch of the synthetic data, where the scrub's p95 steps are).
 */
import { launchBrowser, openPage, setAnimate } from './browser';
import { startStaticServer } from './server';

const datasetFile = process.argv[2] ?? '.cache/bench/synthetic-10000.json';
const dist = process.argv[3] ?? '.cache/bench/app';
/** Where the ten steps start, as a fraction of the time range (0.86: into the densest stretch of the synthetic data). */
const startFraction = Number(process.env.START_FRACTION ?? 0);

const server = await startStaticServer(dist);
server.override('data/meetings.json', datasetFile);
const browser = await launchBrowser();
try {
  const opened = await openPage(browser, `${server.url}?animate=0`, { expectLinks: true, timeoutMs: 120_000 });
  const { page, cdp } = opened;
  await setAnimate(page, false);
  await page.waitForTimeout(1000);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const t = await page.evaluate(async (startFraction) => {
    const g = window as unknown as { __atlasStore: { getState(): { setWindow(f: string, t: string): void; dataset: { meetings: Array<{ date: { start: string | null } }> } } } };
    const starts = g.__atlasStore.getState().dataset.meetings.map((m) => m.date.start).filter((s): s is string => !!s).sort();
    const first = Date.parse(starts[0]!) / 864e5;
    const last = Date.parse(starts[starts.length - 1]!) / 864e5;
    const iso = (d: number) => new Date(d * 864e5).toISOString().slice(0, 10);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const from = first + (startFraction + i / 100) * (last - first);
      const t0 = performance.now();
      // As the bench's step: the window moves, then the map container says it has settled.
      g.__atlasStore.getState().setWindow(iso(from), iso(from + (last - first) / 10));
      const container = document.querySelector<HTMLElement>('[data-map-idle]')!;
      while (container.dataset.mapIdle !== 'true') await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t0);
    }
    return times;
  }, startFraction);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
  }
  console.log('wall ms per step:', t.map((x) => Math.round(x)).join(' '));
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
} finally {
  await browser.close();
  await server.close();
}
