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
import { launchBrowser, openPage, setAnimate, stepTo } from './browser';
import { startStaticServer } from './server';

const datasetFile = process.argv[2] ?? '.cache/bench/synthetic-10000.json';
const dist = process.argv[3] ?? '.cache/bench/app';
const steps = Number(process.argv[4] ?? 100);

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

const server = await startStaticServer(dist);
server.override('data/meetings.json', datasetFile);
const browser = await launchBrowser();
try {
  const opened = await openPage(browser, `${server.url}?animate=0`, { expectLinks: true, timeoutMs: 180_000 });
  const { page, cdp } = opened;
  await setAnimate(page, false);
  await page.waitForTimeout(1000);
  const range = await page.evaluate(() => {
    const g = window as unknown as { __atlasStore: { getState(): { dataset: { meetings: Array<{ date: { start: string | null } }> } } } };
    const starts = g.__atlasStore.getState().dataset.meetings.map((m) => m.date.start).filter((s): s is string => !!s).sort();
    return { first: Date.parse(starts[0]!) / 864e5, last: Date.parse(starts[starts.length - 1]!) / 864e5 };
  });
  const iso = (d: number) => new Date(d * 864e5).toISOString().slice(0, 10);
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
    await stepTo(page, { from: iso(from), to: iso(from + width) });
  }
  const after = await metrics();
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
  const heapAfterNoGc = (await metrics()).JSHeapUsedSize!;
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfter = (await metrics()).JSHeapUsedSize!;
  const bySelf = new Map<string, number>();
  const walk = (n: SamplingNode, caller: string) => {
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    // Built-ins (Map#set, Array.from) say little alone: with their caller.
    const site = n.callFrame.url === '' ? `${key} <- ${caller}` : key;
    bySelf.set(site, (bySelf.get(site) ?? 0) + n.selfSize);
    for (const child of n.children) walk(child, key);
  };
  walk(profile.head, '');
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
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples: number[]; timeDeltas: number[] } };
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byName = new Map<string, number>();
    for (const n of profile.nodes) {
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
    }
    for (const [k, v] of [...byName].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
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
} finally {
  await browser.close();
  await server.close();
}
