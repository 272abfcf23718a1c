/**
 * A CPU profile of window steps (the scrub measurement's action) for finding where the
 * time goes: `tsx bench/profileScrub.ts [meetings-file] [dist]` prints the functions with
 * the most self time over ten steps. Uses the build and datasets `npm run bench` left in
 * .cache/bench/. START_FRACTION=0.86 starts the steps that far into the time range (the
 * densest stretch of the synthetic data, where the scrub's p95 steps are).
 */
import { openPage, setAnimate } from './browser';
import { type CpuProfile, datedRange, selfTimes, withServedApp } from './diagnose';

const datasetFile = process.argv[2] ?? '.cache/bench/synthetic-10000.json';
const dist = process.argv[3] ?? '.cache/bench/app';
/** Where the ten steps start, as a fraction of the time range (0.86: into the densest stretch of the synthetic data). */
const startFraction = Number(process.env.START_FRACTION ?? 0);

await withServedApp(datasetFile, dist, async (server, browser) => {
  const opened = await openPage(browser, `${server.url}?animate=0`, { expectLinks: true, timeoutMs: 120_000 });
  const { page, cdp } = opened;
  await setAnimate(page, false);
  await page.waitForTimeout(1000);
  const { first, last } = await datedRange(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const t = await page.evaluate(async ({ startFraction, first, last }) => {
    const g = window as unknown as { __atlasStore: { getState(): { setWindow(f: string, t: string): void } } };
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
  }, { startFraction, first, last });
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const byName = selfTimes(profile);
  console.log('wall ms per step:', t.map((x) => Math.round(x)).join(' '));
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
});
