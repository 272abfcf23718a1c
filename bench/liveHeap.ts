/**
 * What the page keeps after load, by the function that allocated it: `npx tsx
 * bench/liveHeap.ts [dataset] [dist]` loads the app under V8's sampling heap profiler,
 * collects garbage once the map is idle, and prints the allocating functions of what is
 * still alive (minified names with line:column; the bench's build writes hidden source maps
 * beside the files to look them up) and the JS heap. At 100k synthetic meetings this is
 * what every major collection marks and moves (issue 19's stalls). Uses the build and
 * datasets `npm run bench` left in .cache/bench/.
 */
import { allocationSites, type SamplingNode, withServedApp } from './diagnose';

await withServedApp(process.argv[2] ?? '.cache/bench/synthetic-100000.json', process.argv[3] ?? '.cache/bench/app', async (server, browser) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 32768 });
  await page.goto(`${server.url}?animate=0`);
  await page.locator('[data-map-idle="true"]').waitFor({ timeout: 300_000 });
  await page.waitForTimeout(2000);
  await cdp.send('HeapProfiler.collectGarbage');
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
  const bySite = allocationSites(profile.head);
  const total = [...bySite.values()].reduce((a, b) => a + b, 0);
  console.log(`live, sampled: ${(total / 1e6).toFixed(1)} MB`);
  for (const [k, v] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / 1e6).toFixed(2).padStart(8)} MB  ${k}`);
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  console.log('JSHeapUsedSize', (metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1e6).toFixed(1));
});
