/**
 * npm run bench [-- --short] [--out FILE] [--only bundle,load,...] [--strict]
 *
 * The performance benchmark of issue 6, in one run against its own baselines:
 *   bundle   raw + gzip bytes of the production build, and our share without maplibre-gl
 *   load     navigation → first map idle with links drawn; app vs. a bare MapLibre page
 *   scrub    main-thread time per window change at 1k / 10k / 100k synthetic meetings
 *   frame    main-thread time per animation frame with the links animating (1k, 10k)
 *   memory   JS heap after load (10k, 100k; bare page as reference)
 *   pipeline articles/s on 1,000 synthetic articles; the gazetteer's load time
 * Prints a table, writes the figures as JSON with --out, and exits 1 when a budget
 * (./budgets.ts) is missed, 2 when the bench itself fails. A part that cannot run yet says "skipped: why" instead.
 * Builds into .cache/bench/ and serves from a loopback port of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDataset } from '../src/synth/dataset';
import { loadWorld } from '../src/synth/world';
import { checkBudgets } from './budgets';
import { closeContext, heapUsedMB, launchBrowser, TabCrashed, measureFrame, measureScrub, missingHooks, openPage, type OpenedPage } from './browser';
import { buildApp, buildAppSplit, buildBare, type BuildResult } from './build';
import { measureBundle } from './bundle';
import { measurePipeline } from './pipeline';
import { startStaticServer, type StaticServer } from './server';
import { median, round } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, '.cache/bench');
const SECTIONS = ['bundle', 'load', 'scrub', 'frame', 'memory', 'pipeline'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  short: boolean;
  out: string | null;
  only: Set<Section>;
  strict: boolean;
}

const HELP = `Usage: npm run bench [-- options]
  --short          CI size: 1k and 10k meetings, 3 load runs, fewer scrub steps
  --out FILE       also write the figures as one JSON object
  --only A,B       run only these parts (${SECTIONS.join(', ')})
  --strict         a skipped budget counts as missed
Exit codes: 0 all budgets met (or skipped); 1 a budget missed; 2 bad arguments or the bench itself failed.`;

function parseArgs(argv: string[]): Options | null {
  const options: Options = { short: false, out: null, only: new Set(SECTIONS), strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--short') options.short = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--out' && argv[i + 1]) options.out = argv[++i] as string;
    else if (arg === '--only' && argv[i + 1]) {
      const names = (argv[++i] as string).split(',');
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (unknown.length) throw new Error(`--only: unknown part(s) ${unknown.join(', ')}; expected ${SECTIONS.join(', ')}`);
      options.only = new Set(names as Section[]);
    } else if (arg === '--help' || arg === '-h') return null;
    else throw new Error(`unknown argument "${arg}"`);
  }
  return options;
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const skipped = (why: string) => ({ skipped: why });
const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] ?? e.message : String(e));

async function main(): Promise<number> {
  let options: Options | null;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${errorText(error)}\n\n${HELP}`);
    return 2;
  }
  if (!options) {
    console.log(HELP);
    return 0;
  }
  const { short, only } = options;
  const sizes = short ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const frameSizes = [1_000, 10_000];
  const loadRuns = short ? 3 : 5;
  const scrubSteps = short ? 12 : 30;
  const frameSeconds = short ? 3 : 5;
  fs.mkdirSync(WORK, { recursive: true });

  const result: Record<Section, unknown> = {
    bundle: skipped('not run (--only)'),
    load: skipped('not run (--only)'),
    scrub: skipped('not run (--only)'),
    frame: skipped('not run (--only)'),
    memory: skipped('not run (--only)'),
    pipeline: skipped('not run (--only)'),
  };
  const world = loadWorld();

  // Builds.
  const browserParts = (['load', 'scrub', 'frame', 'memory'] as const).filter((s) => only.has(s));
  let app: BuildResult | null = null;
  let bare: BuildResult | null = null;
  if (only.has('bundle') || browserParts.length) {
    log('building the app (production) …');
    try {
      app = await buildApp(ROOT, path.join(WORK, 'app'));
    } catch (error) {
      const why = `the app does not build: ${errorText(error)}`;
      for (const s of ['bundle', ...browserParts] as Section[]) result[s] = skipped(why);
    }
  }
  if (app && only.has('bundle')) {
    const report = measureBundle(app.outDir, app.chunks);
    let own: { ownGzipKB: number; ownMethod: string } = { ownGzipKB: report.ownGzipKB, ownMethod: 'production build: maplibre-gl has its own chunk; other JS chunks, gzip' };
    if (!report.maplibreSeparate) {
      // Production mixes maplibre-gl into our chunk: measure our share from a second build
      // that splits it out (same config otherwise). The figure is then exact, not a guess.
      log('maplibre-gl shares a chunk with our code; building a split copy to measure our share …');
      try {
        const split = await buildAppSplit(ROOT, path.join(WORK, 'app-split'));
        const splitReport = measureBundle(split.outDir, split.chunks);
        own = { ownGzipKB: splitReport.ownGzipKB, ownMethod: 'maplibre-gl is in the main chunk of the production build; measured on a second build with maplibre-gl split out by manualChunks' };
      } catch (error) {
        own = { ownGzipKB: report.ownGzipKB, ownMethod: `estimate by rendered-bytes share (split build failed: ${errorText(error)})` };
      }
    }
    result.bundle = { ...report, ...own, dependencies: report.dependencies.slice(0, 15), buildMs: Math.round(app.ms) };
  }
  if (app && (only.has('load') || only.has('memory'))) {
    log('building the bare MapLibre page …');
    try {
      bare = await buildBare(ROOT, path.join(WORK, 'bare'));
    } catch (error) {
      result.load = skipped(`the bare page does not build: ${errorText(error)}`);
    }
  }

  // Browser parts.
  if (app && browserParts.length) {
    const datasets = new Map<number, string>();
    for (const n of sizes) {
      const file = path.join(WORK, `synthetic-${n}.json`);
      const started = performance.now();
      fs.writeFileSync(file, `${JSON.stringify(generateDataset(world, { meetings: n, seed: 1 }))}\n`);
      datasets.set(n, file);
      log(`synthetic dataset ${n} meetings: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`);
    }
    let appServer: StaticServer | null = null;
    let bareServer: StaticServer | null = null;
    const browser = await launchBrowser().catch((error: unknown) => {
      for (const s of browserParts) result[s] = skipped(`Chromium does not start: ${errorText(error)}`);
      return null;
    });
    try {
      if (browser) {
        appServer = await startStaticServer(app.outDir);
        if (bare) bareServer = await startStaticServer(bare.outDir);

        if (only.has('load') && bare && bareServer) {
          result.load = await measureLoad(browser, appServer, bareServer, app.outDir, datasets.get(1_000) as string, loadRuns);
        }
        const wantsSized = only.has('scrub') || only.has('frame') || only.has('memory');
        if (wantsSized) {
          const scrub: Record<string, unknown> = {};
          const frame: Record<string, unknown> = {};
          const memory: Record<string, unknown> = {};
          let loadedSmaller = false;
          for (const n of sizes) {
            appServer.override('data/meetings.json', datasets.get(n) as string);
            log(`app at ${n} meetings …`);
            let opened: OpenedPage | null = null;
            try {
              opened = await openPage(browser, appServer.url, { expectLinks: true, timeoutMs: n >= 100_000 ? 300_000 : 90_000 });
            } catch (error) {
              const why = `the app did not reach an idle map with links at ${n} meetings: ${errorText(error)}`;
              // A crash is a result (the budget says "no tab crash"), and so is a page that never
              // settles at a size where a smaller one did; otherwise a piece is missing.
              const outcome = error instanceof TabCrashed ? { crashed: true, failed: why } : loadedSmaller ? { failed: why } : skipped(why);
              scrub[n] = outcome;
              memory[n] = outcome;
              if (frameSizes.includes(n)) frame[n] = outcome;
              continue;
            }
            loadedSmaller = true;
            try {
              if (only.has('memory')) memory[n] = { heapMB: await heapUsedMB(opened.cdp), loadMs: round(opened.loadMs, 0) };
              const missing = await missingHooks(opened.page);
              if (missing) {
                if (only.has('scrub')) scrub[n] = skipped(missing);
                if (only.has('frame') && frameSizes.includes(n)) frame[n] = skipped(missing);
              } else {
                if (only.has('scrub')) scrub[n] = await measureScrub(opened, scrubSteps).catch((e: unknown) => skipped(`scrub failed: ${errorText(e)}`));
                if (only.has('frame') && frameSizes.includes(n)) frame[n] = await measureFrame(opened, frameSeconds).catch((e: unknown) => skipped(`frame failed: ${errorText(e)}`));
              }
              if (opened.crashed()) scrub[n] = { crashed: true, failed: `the tab crashed at ${n} meetings` };
            } finally {
              await closeContext(opened.context);
            }
          }
          if (only.has('scrub')) result.scrub = { method: SCRUB_METHOD, sizes: scrub };
          if (only.has('frame')) result.frame = { method: FRAME_METHOD, seconds: frameSeconds, sizes: frame };
          if (only.has('memory')) {
            let bareHeap: number | null = null;
            if (bareServer) {
              const b = await openPage(browser, bareServer.url, { expectLinks: false, timeoutMs: 60_000 }).catch(() => null);
              if (b) {
                bareHeap = await heapUsedMB(b.cdp);
                await closeContext(b.context);
              }
            }
            result.memory = { unit: 'MB', method: 'JSHeapUsedSize after a forced GC, once the map is idle with links', bareMapLibre: bareHeap, sizes: memory };
          }
        }
      }
    } finally {
      await browser?.close().catch(() => undefined);
      await appServer?.close();
      await bareServer?.close();
    }
  }

  if (only.has('pipeline')) {
    log('pipeline on 1,000 synthetic articles …');
    result.pipeline = await measurePipeline(ROOT, world, WORK, 1_000).catch((e: unknown) => skipped(`pipeline failed: ${errorText(e)}`));
  }

  const outcomes = checkBudgets(result);
  printReport(result, outcomes, { short, sizes });
  if (options.out) {
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${options.out}`);
  }
  const failed = outcomes.filter((o) => o.status === 'fail' || (options.strict && o.status === 'skipped'));
  return failed.length ? 1 : 0;
}

const SCRUB_METHOD =
  'per step: store.setWindow(from, to) moving a window of 1/10 of the time range by 1/100, animation off; wait until the map container reports data-map-idle="true" again (links drawn, MapLibre idle) and one more frame+task; main-thread time = CDP Performance.getMetrics TaskDuration delta; net = minus the median of a no-op probe measured alternately; cpu = the same in main-thread CPU time (ThreadTime), not budgeted';
const FRAME_METHOD =
  'default view (whole time range in the window, every link drawn; set before measuring); CDP TaskDuration delta over N seconds of links animating while the probe waits on a timer (no requestAnimationFrame loop of its own), less the same wait with animation off; perFrame = that ÷ frames the link overlay drew (__atlasLinks.frames(); MapLibre render events counted beside it as basemapFps); rawPerFrame without the subtraction; movingPerSecond / staticPerSecond = the deltas per second animating / at rest';

async function measureLoad(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  appServer: StaticServer,
  bareServer: StaticServer,
  appDir: string,
  fallbackDataset: string,
  runs: number,
): Promise<unknown> {
  // The app's own dataset (the one the build ships) when it has one.
  const shipped = path.join(appDir, 'data/meetings.json');
  const useShipped = fs.existsSync(shipped);
  appServer.override('data/meetings.json', useShipped ? null : fallbackDataset);
  let meetings: number | null = null;
  try {
    meetings = (JSON.parse(fs.readFileSync(useShipped ? shipped : fallbackDataset, 'utf8')) as { meetings: unknown[] }).meetings.length;
  } catch {
    meetings = null;
  }
  const appMs: number[] = [];
  const appFirstIdle: number[] = [];
  const bareMs: number[] = [];
  // One warm-up pair first, not counted: the first page a fresh browser opens after the
  // build pays for cold files and browser processes that later pages do not.
  for (const url of [appServer.url, bareServer.url]) {
    await openPage(browser, url, { expectLinks: url === appServer.url, timeoutMs: 90_000 })
      .then((p) => closeContext(p.context))
      .catch(() => undefined); // a failure shows in the measured runs below
  }
  // Alternate app and bare so drift on a shared machine hits both alike.
  for (let i = 0; i < runs; i++) {
    log(`load run ${i + 1}/${runs} …`);
    try {
      const a = await openPage(browser, appServer.url, { expectLinks: true, timeoutMs: 90_000 });
      appMs.push(a.loadMs);
      appFirstIdle.push(a.firstIdleMs);
      await closeContext(a.context);
    } catch (error) {
      return skipped(`the app did not reach an idle map with links drawn: ${errorText(error)}`);
    }
    try {
      const b = await openPage(browser, bareServer.url, { expectLinks: false, timeoutMs: 90_000 });
      bareMs.push(b.loadMs);
      await closeContext(b.context);
    } catch (error) {
      return skipped(`the bare MapLibre page did not reach an idle map: ${errorText(error)}`);
    }
  }
  const app = median(appMs);
  const bare = median(bareMs);
  return {
    runs,
    dataset: { file: useShipped ? 'data/meetings.json (shipped)' : 'synthetic 1,000', meetings },
    app: { medianMs: round(app, 1), firstIdleMedianMs: round(median(appFirstIdle), 1), samplesMs: appMs.map((x) => round(x, 1)) },
    bare: { medianMs: round(bare, 1), samplesMs: bareMs.map((x) => round(x, 1)) },
    ratio: round(app / bare, 3),
  };
}

function printReport(result: Record<Section, unknown>, outcomes: ReturnType<typeof checkBudgets>, info: { short: boolean; sizes: number[] }): void {
  const lines: string[] = [];
  const row = (...cells: Array<string | number>) => lines.push(cells.map((c, i) => (i === 0 ? String(c).padEnd(46) : String(c).padStart(12))).join(' '));
  const sect = (name: string) => lines.push('', `── ${name} ${'─'.repeat(Math.max(0, 70 - name.length))}`);
  const skip = (v: unknown) =>
    v && typeof v === 'object' && 'skipped' in v
      ? `skipped: ${(v as { skipped: string }).skipped}`
      : v && typeof v === 'object' && 'failed' in v
        ? `FAILED: ${(v as { failed: string }).failed}`
        : null;
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

  lines.push(`Security Meetings Atlas benchmark · ${new Date().toISOString().slice(0, 16)}Z · ${os.cpus().length} cores · ${info.short ? 'short' : 'full'}`);

  sect('bundle (production build)');
  const bundle = result.bundle as ReturnType<typeof measureBundle> | { skipped: string };
  if (skip(bundle)) lines.push(skip(bundle) as string);
  else {
    const b = bundle as ReturnType<typeof measureBundle>;
    row('file', 'kind', 'raw', 'gzip');
    for (const f of b.files) row(f.file, f.kind + (f.maplibreShare && f.kind === 'js' ? ` (${Math.round(f.maplibreShare * 100)}% ml)` : ''), kb(f.raw), kb(f.gzip));
    for (const [k, v] of Object.entries(b.byKind)) row(`  total ${k}`, '', kb(v.raw), kb(v.gzip));
    row('  total', '', kb(b.total.raw), kb(b.total.gzip));
    row('own JS + deps except maplibre-gl', '', '', `${b.ownGzipKB} KB`);
    lines.push(`  (${(b as { ownMethod?: string }).ownMethod ?? ''})`);
  }

  sect('load: navigation → first idle with links (median)');
  const load = result.load as { app: { medianMs: number; firstIdleMedianMs: number }; bare: { medianMs: number }; ratio: number; runs: number; dataset: { file: string; meetings: number | null } };
  if (skip(load)) lines.push(skip(load) as string);
  else {
    row('', 'median ms');
    row(`app (${load.dataset.file}, ${load.dataset.meetings} meetings)`, load.app.medianMs);
    row('bare MapLibre page', load.bare.medianMs);
    row(`ratio app / bare (${load.runs} runs each)`, load.ratio);
  }

  sect('scrub: main-thread ms per window change');
  const scrub = result.scrub as { sizes: Record<string, unknown> };
  if (skip(scrub)) lines.push(skip(scrub) as string);
  else {
    row('meetings', 'net p50', 'net p95', 'cpu p50', 'cpu p95', 'probe', 'wall p95', 'unsettled');
    for (const [n, v] of Object.entries(scrub.sizes)) {
      if (skip(v)) lines.push(`${n.padEnd(46)} ${skip(v)}`);
      else {
        const s = v as Awaited<ReturnType<typeof measureScrub>>;
        row(n, s.net.p50, s.net.p95, s.cpuNet.p50, s.cpuNet.p95, s.probe, s.wall.p95, `${s.unsettled}/${s.steps}`);
      }
    }
  }

  sect('frame: main-thread ms per animation frame');
  const frame = result.frame as { sizes: Record<string, unknown> };
  if (skip(frame)) lines.push(skip(frame) as string);
  else {
    row('meetings', 'net ms/drawn', 'raw ms/drawn', 'drawn/s', 'ms/s moving', 'ms/s still');
    for (const [n, v] of Object.entries(frame.sizes)) {
      if (skip(v)) lines.push(`${n.padEnd(46)} ${skip(v)}`);
      else {
        const f = v as Awaited<ReturnType<typeof measureFrame>>;
        row(n, f.perFrame ?? '–', f.rawPerFrame ?? '–', f.mapFps, f.movingPerSecond, f.staticPerSecond);
      }
    }
  }

  sect('memory: JS heap after load');
  const memory = result.memory as { bareMapLibre: number | null; sizes: Record<string, unknown> };
  if (skip(memory)) lines.push(skip(memory) as string);
  else {
    row('meetings', 'heap MB', 'load ms');
    row('bare MapLibre page', memory.bareMapLibre ?? '–');
    for (const [n, v] of Object.entries(memory.sizes)) {
      if (skip(v)) lines.push(`${n.padEnd(46)} ${skip(v)}`);
      else row(n, (v as { heapMB: number }).heapMB, (v as { loadMs: number }).loadMs);
    }
  }

  sect('pipeline');
  const pipeline = result.pipeline as Exclude<Awaited<ReturnType<typeof measurePipeline>>, { skipped: string }>;
  if (skip(pipeline)) lines.push(skip(pipeline) as string);
  else {
    row(`articles/s (${pipeline.articles} synthetic articles)`, pipeline.articlesPerSecond);
    row(`seconds (${pipeline.articles} / baseline ${pipeline.baselineArticles})`, pipeline.seconds, pipeline.baselineSeconds ?? '–');
    row('meetings found / in templates', pipeline.meetingsFound ?? '–', pipeline.meetingsExpected);
    if (pipeline.cpuSeconds !== undefined) row(`CPU seconds (${pipeline.articles} articles)`, pipeline.cpuSeconds);
    row('gazetteer load ms (wall / CPU)', pipeline.gazetteerLoadMs ?? `skipped: ${pipeline.gazetteerSkipped}`, pipeline.gazetteerCpuMs ?? '–');
    lines.push(`  (${pipeline.method})`);
  }

  sect('budgets (issue 6)');
  for (const o of outcomes) {
    const value = o.value === null ? '–' : `${o.value} ${o.unit}`;
    row(o.label, value, `${o.kind === 'max' ? '<' : '≥'} ${o.limit} ${o.unit}`, o.status.toUpperCase());
  }
  console.log(lines.join('\n'));
}

main().then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2; // the bench itself failed: not the same as a missed budget (1)
  },
);
