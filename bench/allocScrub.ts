/**
 * Where a scrub's garbage comes from: `npx tsx bench/allocScrub.ts [dataset] [dist] [steps]`
 * moves the window as the bench's scrub does (a tenth of the range, by a hundredth) under
 * V8's sampling heap profiler, counting objects that were collected too, and prints the
 * functions that allocated most, the heap after the scrub, and the main thread's time per
 * second at rest and with the links animating afterwards (the frame figure's raw input).
 * Uses the build and datasets `npm run bench` left in .cache/bench/.
 *
 * PROMOTED_ONLY=1 leaves out what scavenges collected (what is left is what reached the old
 * generation, which major collections pay for); REST_SLICES=N first prints the main
 * thread's CPU per second over N two-second slices at rest (V8's memory reducer collects
 * about 8 s after a scrub's allocations stop; PROFILE_REST=1 adds a CPU profile of them).
 */
import { openPage, setAnimate, stepTo } from './browser';
import { allocationSites, type CpuProfile, datedRange, isoDay, type SamplingNode, selfTimes, withServedApp } from './diagnose';

const datasetFile = process.argv[2] ?? '.cache/bench/synthetic-10000.json';
const dist = process.argv[3] ?? '.cache/bench/app';
const steps = Number(process.argv[4] ?? 100);

await withServedApp(datasetFile, dist, async (server, browser) => {
  const opened = await openPage(browser, `${server.url}?animate=0`, { expectLinks: true, timeoutMs: 180_000 });
  const { page, cdp } = opened;
  await setAnimate(page, false);
  await page.waitForTimeout(1000);
  const range = await datedRange(page);
  const width = (range.last - range.first) / 10;
  const stride = (range.last - range.first) / 100;
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }).metrics.map((m) => [m.name, m.value]));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heapBefore = (await metrics()).JSHeapUsedSize!;
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !process.env.PROMOTED_ONLY });
  const before = await metrics();
  for (let i = 0; i < steps; i++) {
    const from = range.first + (i % 90) * stride;
    await stepTo(page, { from: isoDay(from), to: isoDay(from + width) });
  }
  const after = await metrics();
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
  const heapAfterNoGc = (await metrics()).JSHeapUsedSize!;
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfter = (await metrics()).JSHeapUsedSize!;
  const bySelf = allocationSites(profile.head);
  const total = [...bySelf.values()].reduce((a, b) => a + b, 0);
  console.log(`${steps} steps: allocated ${(total / 1e6).toFixed(1)} MB (${(total / steps / 1e3).toFixed(0)} KB/step); main thread CPU ${(((after.ThreadTime! - before.ThreadTime!) * 1000) / steps).toFixed(1)} ms/step`);
  console.log(`heap used: ${(heapBefore / 1e6).toFixed(1)} MB before, ${(heapAfterNoGc / 1e6).toFixed(1)} MB after (no GC), ${(heapAfter / 1e6).toFixed(1)} MB after a GC`);
  for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / 1e6).toFixed(2).padStart(9)} MB  ${k}`);
  // The links animating afterwards: the main thread's time per second, against at rest.
  await page.evaluate(() => (window as unknown as { __atlasStore: { getState(): { setWindow(f: string | null, t: string | null): void } } }).__atlasStore.getState().setWindow(null, null));
  // At rest, in 2-second slices: V8's memory reducer collects a while after allocation stops.
  const slices: string[] = [];
  if (process.env.PROFILE_REST) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  for (let i = 0; i < Number(process.env.REST_SLICES ?? 0); i++) {
    const a = await metrics();
    await page.waitForTimeout(2000);
    const b = await metrics();
    slices.push((((b.ThreadTime! - a.ThreadTime!) * 1000) / 2).toFixed(1));
  }
  if (process.env.PROFILE_REST) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    for (const [k, v] of [...selfTimes(profile)].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  }
  if (slices.length) console.log(`at rest, CPU ms/s per 2 s after the scrub: ${slices.join(' ')}`);
  await page.waitForTimeout(1500);
  const rest0 = await metrics();
  await page.waitForTimeout(3000);
  const rest1 = await metrics();
  await setAnimate(page, true);
  await page.waitForTimeout(1000);
  const frames = () => page.evaluate(() => (window as unknown as { __atlasLinks: { frames(): number; cometsDrawnBy?(): string } }).__atlasLinks.frames());
  const f0 = await frames();
  const anim0 = await metrics();
  await page.waitForTimeout(3000);
  const anim1 = await metrics();
  const f1 = await frames();
  const drawer = await page.evaluate(() => (window as unknown as { __atlasLinks: { cometsDrawnBy?(): string } }).__atlasLinks.cometsDrawnBy?.() ?? '?');
  const perSecond = (a: Record<string, number>, b: Record<string, number>) => `${(((b.TaskDuration! - a.TaskDuration!) * 1000) / 3).toFixed(1)} ms/s task, ${(((b.ThreadTime! - a.ThreadTime!) * 1000) / 3).toFixed(1)} ms/s CPU`;
  console.log(`at rest: ${perSecond(rest0, rest1)}; animating: ${perSecond(anim0, anim1)}, ${((f1 - f0) / 3).toFixed(1)} frames/s drawn by ${drawer}`);
});
