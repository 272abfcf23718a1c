/**
 * npm run bench [-- --short] [--out FILE] [--only bundle,load,...] [--strict] [--no-peer] [--trace-out FILE]
 *
 * The performance benchmark (issues 6 and 19), in one run against its own baselines:
 *   bundle   raw + gzip bytes of the production build; JS without maplibre-gl; our own src/ share
 *   load     navigation → first map idle with links drawn; app vs. a bare MapLibre page and the peer
 *   scrub    main-thread CPU and task time per window change at 1k / 10k / 100k synthetic
 *            meetings (dense steps included, repeated), the atlas and the peer
 *   frame    main-thread time per animation frame with the links animating (1k, 10k, 100k)
 *   memory   JS heap after load (10k, 100k; bare page as reference)
 *   pipeline articles/s on 1,000 synthetic articles; the gazetteer's load time
 * Prints a table, writes the figures as JSON with --out, and exits 1 when a budget
 * (./budgets.ts) is missed, 2 when the bench itself fails. A part that cannot run yet says "skipped: why" instead.
 * The peer (bench/peer) is the same job done with deck.gl over the same MapLibre map,
 * measured the same way in the same run; the report prints the ratios atlas / peer.
 * Builds into .cache/bench/ (BENCH_WORK to choose another folder) and serves from loopback
 * ports 4400–4499 (BENCH_PORT for the first one tried).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDataset } from '../src/synth/dataset';
import { loadWorld } from '../src/synth/world';
import { checkBudgets, failingOutcomes, parseBudgetIds } from './budgets';
import { closeContext, heapUsedMB, launchBrowser, TabCrashed, measureFrame, measureScrub, missingHooks, openPage, traceSteps, type FrameResult, type OpenedPage, type ScrubResult } from './browser';
import { buildApp, buildAppSplit, buildBenchPage, type BuildResult } from './build';
import { measureBundle } from './bundle';
import { measurePipeline } from './pipeline';
import { startStaticServer, type StaticServer } from './server';
import { median, round } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.resolve(ROOT, process.env.BENCH_WORK ?? '.cache/bench');
const SECTIONS = ['bundle', 'load', 'scrub', 'frame', 'memory', 'pipeline'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  short: boolean;
  out: string | null;
  only: Set<Section>;
  strict: boolean;
  peer: boolean;
  traceOut: string | null;
  /** Budget ids whose miss is reported but does not fail the run (--allow-missed). */
  allowMissed: Set<string>;
}

const HELP = `Usage: npm run bench [-- options]
  --short          CI size: 1k and 10k meetings, 12 scrub steps a pass instead of 30
  --out FILE       also write the figures as one JSON object
  --only A,B       run only these parts (${SECTIONS.join(', ')})
  --strict         a skipped budget counts as missed
  --allow-missed A,B  these budgets (ids in bench/budgets.ts) are reported when missed
                   but do not fail the run: for a budget that waits on a decision
  --no-peer        skip the deck.gl peer (bench/peer) and the ratios atlas / peer
  --trace-out FILE replay the slowest scrub steps at the largest size under CDP Tracing:
                   a Chrome trace to FILE (the peer's to FILE with ".peer" before the
                   extension) and the functions with the most self time in the report
Environment: BENCH_WORK build folder (default .cache/bench); BENCH_PORT first port (4400–4499).
Exit codes: 0 all budgets met (or skipped, or allowed); 1 a budget missed; 2 bad arguments or the bench itself failed.`;

function parseArgs(argv: string[]): Options | null {
  const options: Options = { short: false, out: null, only: new Set(SECTIONS), strict: false, peer: true, traceOut: null, allowMissed: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--short') options.short = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--no-peer') options.peer = false;
    else if (arg === '--trace-out' && argv[i + 1]) options.traceOut = argv[++i] as string;
    else if (arg === '--out' && argv[i + 1]) options.out = argv[++i] as string;
    else if (arg === '--allow-missed' && argv[i + 1]) {
      try {
        options.allowMissed = parseBudgetIds(argv[++i] as string);
      } catch (error) {
        throw new Error(`--allow-missed: ${errorText(error)}`);
      }
    }
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
  const frameSizes = short ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const loadRuns = 5; // the ratio sits near its line: the short form's 3 runs were too few to tell
  // Issue 19: p95 over ≥ 30 steps, the median of 3 repeats (full). The short form keeps the
  // 3 repeats with fewer steps: one pass of 15 is its own p95's worst step, and one collection
  // in it (25 ms CPU at 10k against 6.5 in full runs) decided the figure.
  const scrubOptions = short ? { steps: 12, repeats: 3, denseSteps: 3 } : { steps: 30, repeats: 3, denseSteps: 3 };
  const frameSeconds = short ? 3 : 5;
  fs.mkdirSync(WORK, { recursive: true });

  const result: Record<Section, unknown> & { peer?: unknown; ratios?: unknown } = {
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
  const wantsPeer = options.peer && (only.has('load') || only.has('scrub') || only.has('frame'));
  let app: BuildResult | null = null;
  let bare: BuildResult | null = null;
  let peer: BuildResult | null = null;
  let peerSkipped: string | null = wantsPeer ? null : options.peer ? 'not run (--only)' : 'not run (--no-peer)';
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
      bare = await buildBenchPage(ROOT, 'bare', path.join(WORK, 'bare'));
    } catch (error) {
      result.load = skipped(`the bare page does not build: ${errorText(error)}`);
    }
  }
  if (app && wantsPeer) {
    log('building the peer page (deck.gl over MapLibre) …');
    try {
      peer = await buildBenchPage(ROOT, 'peer', path.join(WORK, 'peer'));
    } catch (error) {
      peerSkipped = `the peer page does not build: ${errorText(error)}`;
    }
  }

  // Browser parts.
  const peerSizes: Record<string, { loadMs?: number; heapMB?: number; scrub?: unknown; frame?: unknown; failed?: string; skipped?: string }> = {};
  let peerLoad: unknown = null;
  const atlasLoadMs: Record<string, number> = {};
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
    let peerServer: StaticServer | null = null;
    const browser = await launchBrowser().catch((error: unknown) => {
      for (const s of browserParts) result[s] = skipped(`Chromium does not start: ${errorText(error)}`);
      peerSkipped ??= `Chromium does not start: ${errorText(error)}`;
      return null;
    });
    try {
      if (browser) {
        appServer = await startStaticServer(app.outDir);
        if (bare) bareServer = await startStaticServer(bare.outDir);
        if (peer) peerServer = await startStaticServer(peer.outDir);

        if (only.has('load') && bare && bareServer) {
          const measured = await measureLoad(browser, appServer, bareServer, peerServer, app.outDir, datasets.get(1_000) as string, loadRuns);
          result.load = measured.load;
          peerLoad = measured.peer;
        }
        const wantsSized = only.has('scrub') || only.has('frame') || only.has('memory');
        const largest = sizes[sizes.length - 1] as number;
        const traceFile = (who: 'atlas' | 'peer') => {
          const file = path.resolve(options.traceOut as string);
          if (who === 'atlas') return file;
          const ext = path.extname(file);
          return `${file.slice(0, file.length - ext.length)}.peer${ext || '.json'}`;
        };
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
            atlasLoadMs[n] = round(opened.loadMs, 0);
            try {
              if (only.has('memory')) memory[n] = { heapMB: await heapUsedMB(opened.cdp), loadMs: round(opened.loadMs, 0) };
              const missing = await missingHooks(opened.page);
              if (missing) {
                if (only.has('scrub')) scrub[n] = skipped(missing);
                if (only.has('frame') && frameSizes.includes(n)) frame[n] = skipped(missing);
              } else {
                if (only.has('scrub')) {
                  log(`app at ${n}: scrub (${scrubOptions.repeats} × ${scrubOptions.steps} + ${scrubOptions.denseSteps} dense steps) …`);
                  const measured = await measureScrub(opened, scrubOptions).catch((e: unknown) => skipped(`scrub failed: ${errorText(e)}`));
                  scrub[n] = measured;
                  if (options.traceOut && n === largest && !('skipped' in measured)) {
                    log(`app at ${n}: tracing the ${measured.slowest.length} slowest steps …`);
                    (measured as ScrubResult & { trace?: unknown }).trace = await traceSteps(opened, measured.slowest, traceFile('atlas')).catch((e: unknown) => skipped(`trace failed: ${errorText(e)}`));
                  }
                }
                if (only.has('frame') && frameSizes.includes(n)) {
                  log(`app at ${n}: frame …`);
                  frame[n] = await measureFrame(opened, frameSeconds).catch((e: unknown) => skipped(`frame failed: ${errorText(e)}`));
                }
              }
              if (opened.crashed()) scrub[n] = { crashed: true, failed: `the tab crashed at ${n} meetings` };
            } finally {
              await closeContext(opened.context);
            }

            // The peer at the same size, on the same dataset, measured the same way.
            if (peerServer && (only.has('scrub') || only.has('frame'))) {
              peerServer.override('data/meetings.json', datasets.get(n) as string);
              log(`peer at ${n} meetings …`);
              const entry: (typeof peerSizes)[string] = {};
              peerSizes[n] = entry;
              let p: OpenedPage | null = null;
              try {
                p = await openPage(browser, peerServer.url, { expectLinks: true, timeoutMs: n >= 100_000 ? 300_000 : 90_000 });
              } catch (error) {
                entry.failed = `the peer did not reach an idle map with links at ${n} meetings: ${errorText(error)}`;
                continue;
              }
              try {
                entry.loadMs = round(p.loadMs, 0);
                entry.heapMB = await heapUsedMB(p.cdp);
                if (only.has('scrub')) {
                  log(`peer at ${n}: scrub …`);
                  const measured = await measureScrub(p, scrubOptions).catch((e: unknown) => skipped(`scrub failed: ${errorText(e)}`));
                  entry.scrub = measured;
                  if (options.traceOut && n === largest && !('skipped' in measured)) {
                    log(`peer at ${n}: tracing the ${measured.slowest.length} slowest steps …`);
                    (measured as ScrubResult & { trace?: unknown }).trace = await traceSteps(p, measured.slowest, traceFile('peer')).catch((e: unknown) => skipped(`trace failed: ${errorText(e)}`));
                  }
                }
                if (only.has('frame') && frameSizes.includes(n)) {
                  log(`peer at ${n}: frame …`);
                  entry.frame = await measureFrame(p, frameSeconds).catch((e: unknown) => skipped(`frame failed: ${errorText(e)}`));
                }
                if (p.errors.length) log(`peer page errors at ${n}: ${p.errors.slice(0, 3).join(' | ')}`);
                if (p.crashed()) entry.failed = `the peer's tab crashed at ${n} meetings`;
              } finally {
                await closeContext(p.context);
              }
            }
          }
          if (only.has('scrub')) result.scrub = { method: SCRUB_METHOD, options: scrubOptions, sizes: scrub };
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
      await peerServer?.close();
    }
  }
  if (wantsPeer) {
    result.peer = peerSkipped && !peerLoad && Object.keys(peerSizes).length === 0
      ? skipped(peerSkipped)
      : { method: PEER_METHOD, load: peerLoad ?? skipped(peerSkipped ?? 'not run'), sizes: peerSizes };
    result.ratios = ratios(result, peerSizes, atlasLoadMs);
  }

  if (only.has('pipeline')) {
    log('pipeline on 1,000 synthetic articles …');
    result.pipeline = await measurePipeline(ROOT, world, WORK, 1_000).catch((e: unknown) => skipped(`pipeline failed: ${errorText(e)}`));
  }

  const outcomes = checkBudgets(result);
  printReport(result, outcomes, { short, sizes, allowMissed: options.allowMissed });
  if (options.out) {
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${options.out}`);
  }
  return failingOutcomes(outcomes, options).length ? 1 : 0;
}

const SCRUB_METHOD =
  'per step: store.setWindow(from, to) moving a window of 1/10 of the time range by 1/100 from its start, then steps into the densest stretch (the window of that width most meetings overlap, approached from two strides before), animation off; wait until the map container reports data-map-idle="true" again (links drawn, MapLibre idle) and one more frame+task; a no-op probe after every step. cpu = CDP Performance.getMetrics ThreadTime delta (main-thread CPU) minus the probe\'s median: budgeted as p95 per pass, the median of the passes; net/task = the same in TaskDuration (main-thread task wall time); maxTask = the longest single step\'s task time (probe included) over every pass; wall = setWindow → settled in the page';
const FRAME_METHOD =
  'default view (whole time range in the window, every link drawn; set before measuring); 3 rounds, each: CDP TaskDuration delta over N seconds with animation off, then over N seconds of links animating, while the probe waits on a timer (no requestAnimationFrame loop of its own); a round\'s perFrame = (animating − at rest) ÷ frames the link overlay drew (__atlasLinks.frames(); MapLibre render events counted beside it as basemapFps); the figures are the medians of the rounds (a one-off pause, e.g. V8\'s memory reducer collecting about 8 s after the scrub, moves one round); rawPerFrame without the subtraction; movingPerSecond / staticPerSecond = per second animating / at rest; perRound lists each round';

async function measureLoad(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  appServer: StaticServer,
  bareServer: StaticServer,
  peerServer: StaticServer | null,
  appDir: string,
  fallbackDataset: string,
  runs: number,
): Promise<{ load: unknown; peer: unknown }> {
  // The app's own dataset (the one the build ships) when it has one; the peer gets the same file.
  const shipped = path.join(appDir, 'data/meetings.json');
  const useShipped = fs.existsSync(shipped);
  appServer.override('data/meetings.json', useShipped ? null : fallbackDataset);
  peerServer?.override('data/meetings.json', useShipped ? shipped : fallbackDataset);
  let meetings: number | null = null;
  try {
    meetings = (JSON.parse(fs.readFileSync(useShipped ? shipped : fallbackDataset, 'utf8')) as { meetings: unknown[] }).meetings.length;
  } catch {
    meetings = null;
  }
  const appMs: number[] = [];
  const appFirstIdle: number[] = [];
  const bareMs: number[] = [];
  const peerMs: number[] = [];
  let peerFailed: string | null = null;
  const pages: Array<{ server: StaticServer; links: boolean }> = [
    { server: appServer, links: true },
    { server: bareServer, links: false },
    ...(peerServer ? [{ server: peerServer, links: true }] : []),
  ];
  // One warm-up round first, not counted: the first page a fresh browser opens after the
  // build pays for cold files and browser processes that later pages do not.
  for (const { server, links } of pages) {
    await openPage(browser, server.url, { expectLinks: links, timeoutMs: 90_000 })
      .then((p) => closeContext(p.context))
      .catch(() => undefined); // a failure shows in the measured runs below
  }
  // Alternate app, bare and peer so drift on a shared machine hits them alike.
  for (let i = 0; i < runs; i++) {
    log(`load run ${i + 1}/${runs} …`);
    try {
      const a = await openPage(browser, appServer.url, { expectLinks: true, timeoutMs: 90_000 });
      appMs.push(a.loadMs);
      appFirstIdle.push(a.firstIdleMs);
      await closeContext(a.context);
    } catch (error) {
      return { load: skipped(`the app did not reach an idle map with links drawn: ${errorText(error)}`), peer: null };
    }
    try {
      const b = await openPage(browser, bareServer.url, { expectLinks: false, timeoutMs: 90_000 });
      bareMs.push(b.loadMs);
      await closeContext(b.context);
    } catch (error) {
      return { load: skipped(`the bare MapLibre page did not reach an idle map: ${errorText(error)}`), peer: null };
    }
    if (peerServer && !peerFailed) {
      try {
        const p = await openPage(browser, peerServer.url, { expectLinks: true, timeoutMs: 90_000 });
        peerMs.push(p.loadMs);
        await closeContext(p.context);
      } catch (error) {
        peerFailed = `the peer did not reach an idle map with links drawn: ${errorText(error)}`;
      }
    }
  }
  const app = median(appMs);
  const bare = median(bareMs);
  const peer = peerMs.length ? median(peerMs) : null;
  return {
    load: {
      runs,
      dataset: { file: useShipped ? 'data/meetings.json (shipped)' : 'synthetic 1,000', meetings },
      app: { medianMs: round(app, 1), firstIdleMedianMs: round(median(appFirstIdle), 1), samplesMs: appMs.map((x) => round(x, 1)) },
      bare: { medianMs: round(bare, 1), samplesMs: bareMs.map((x) => round(x, 1)) },
      ratio: round(app / bare, 3),
    },
    peer: peerFailed
      ? { failed: peerFailed }
      : peer === null
        ? null
        : { medianMs: round(peer, 1), samplesMs: peerMs.map((x) => round(x, 1)), ratioToBare: round(peer / bare, 3) },
  };
}

const PEER_METHOD =
  'bench/peer: deck.gl (@deck.gl/maplibre MapLibreOverlay, interleaved, in MapLibre\'s WebGL context) over the same MapLibre map, style, basemap files and framing; one ArcLayer (greatCircle) with an arc per capital→venue pair, link class and meeting day-span (a count as its width); the window as a DataFilterExtension GPU filter on [start, end] (overlap, as the atlas); no rings, venue markers or capitals. Animation: widthScale pulsing (a uniform) every frame. Measured with the same code as the atlas (openPage, measureScrub, measureFrame).';

type Ratio = number | null;
/** atlas ÷ peer for every figure both have (below 1.0: the atlas is cheaper or faster). */
function ratios(result: Record<string, unknown>, peerSizes: Record<string, { loadMs?: number; scrub?: unknown; frame?: unknown }>, atlasLoadMs: Record<string, number>): unknown {
  const div = (a: unknown, b: unknown): Ratio => (typeof a === 'number' && typeof b === 'number' && b > 0 ? round(a / b, 2) : null);
  const scrubAt = (n: string) => (result.scrub as { sizes?: Record<string, unknown> } | undefined)?.sizes?.[n] as ScrubResult | undefined;
  const frameAt = (n: string) => (result.frame as { sizes?: Record<string, unknown> } | undefined)?.sizes?.[n] as FrameResult | undefined;
  const sizes: Record<string, Record<string, Ratio>> = {};
  for (const [n, p] of Object.entries(peerSizes)) {
    const a = scrubAt(n);
    const b = p.scrub as ScrubResult | undefined;
    const f = frameAt(n);
    const g = p.frame as FrameResult | undefined;
    sizes[n] = {
      load: div(atlasLoadMs[n], p.loadMs),
      scrubCpuP95: div(a?.cpuNetP95, b?.cpuNetP95),
      scrubTaskP95: div(a?.netP95, b?.netP95),
      scrubWallP95: div(a?.wall?.p95, b?.wall?.p95),
      scrubMaxTask: div(a?.maxTask, b?.maxTask),
      frame: div(f?.perFrame, g?.perFrame),
      frameRaw: div(f?.rawPerFrame, g?.rawPerFrame),
    };
  }
  const load = result.load as { app?: { medianMs: number } } | undefined;
  const peerLoad = (result.peer as { load?: { medianMs?: number } } | undefined)?.load;
  return { note: 'atlas ÷ peer: below 1.0 the atlas costs less', load: div(load?.app?.medianMs, peerLoad?.medianMs), sizes };
}

function printReport(result: Record<Section, unknown> & { peer?: unknown; ratios?: unknown }, outcomes: ReturnType<typeof checkBudgets>, info: { short: boolean; sizes: number[]; allowMissed: ReadonlySet<string> }): void {
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
    row('JS except maplibre-gl', '', '', `${b.ownGzipKB} KB`);
    lines.push(`  (${(b as { ownMethod?: string }).ownMethod ?? ''})`);
    row('our own code (src/)', '', '', b.srcGzipKB === null ? '–' : `${b.srcGzipKB} KB`);
    lines.push(`  (${b.srcMethod})`);
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

  sect('scrub: main-thread ms per window change (atlas, then peer)');
  const scrub = result.scrub as { sizes: Record<string, unknown>; options?: { steps: number; repeats: number; denseSteps: number } };
  const peerResult = result.peer as { sizes?: Record<string, { loadMs?: number; scrub?: unknown; frame?: unknown; failed?: string }>; load?: unknown } | { skipped: string } | undefined;
  const peerSizes = peerResult && 'sizes' in peerResult ? (peerResult.sizes ?? {}) : {};
  if (skip(scrub)) lines.push(skip(scrub) as string);
  else {
    if (scrub.options) lines.push(`  ${scrub.options.repeats} pass(es) of ${scrub.options.steps} steps + ${scrub.options.denseSteps} into the densest window; CPU = ThreadTime (budgeted), task = TaskDuration, both less the probe`);
    row('meetings', 'CPU p95', 'CPU p50', 'task p95', 'max task', 'wall p95', 'dense CPU', 'unsettled');
    const scrubRow = (name: string, v: unknown) => {
      if (v === undefined) return;
      if (skip(v)) lines.push(`${name.padEnd(46)} ${skip(v)}`);
      else {
        const s = v as ScrubResult;
        row(name, s.cpuNetP95 ?? s.cpuNet.p95, s.cpuNet.p50, s.netP95 ?? s.net.p95, s.maxTask ?? s.raw.max, s.wall.p95, s.dense ? Math.max(0, ...s.dense.cpuNet) : '–', `${s.unsettled}/${s.steps * (s.repeats ?? 1)}`);
      }
    };
    for (const [n, v] of Object.entries(scrub.sizes)) {
      scrubRow(`${n} atlas`, v);
      const p = peerSizes[n];
      if (p?.failed) lines.push(`${`${n} peer`.padEnd(46)} FAILED: ${p.failed}`);
      else scrubRow(`${n} peer (deck.gl)`, p?.scrub);
    }
    for (const [n, v] of Object.entries(scrub.sizes)) {
      const s = v as ScrubResult & { trace?: { file: string; top: Array<{ fn: string; selfMs: number }>; totalMs: number; programMs: number; gcMs: number } | { skipped: string } };
      if (skip(v) || !s.densest) continue;
      lines.push(`  ${n}: densest window ${s.densest.from}…${s.densest.to} (${s.densest.meetings} meetings); passes CPU p95 ${s.passes.map((p) => p.cpuNetP95).join(', ')}; slowest steps ${s.slowest.map((x) => `${x.next.from} ${x.task} ms task/${x.cpu} CPU${x.dense ? ' (dense)' : ''}`).join('; ')}`);
      for (const [who, t] of [['atlas', s.trace], ['peer', (peerSizes[n]?.scrub as typeof s | undefined)?.trace]] as const) {
        if (!t) continue;
        if ('skipped' in t) lines.push(`  ${who} trace: ${t.skipped}`);
        else {
          lines.push(`  ${who} trace of the slowest steps at ${n}: ${t.file}; profiled: ${t.totalMs} ms sampled on the main thread, of it ${t.programMs} ms (program) (native: style, paint, GL calls; waits) and ${t.gcMs} ms GC; most JS self time:`);
          for (const f of t.top.slice(0, 12)) lines.push(`    ${String(f.selfMs).padStart(8)} ms  ${f.fn}`);
        }
      }
    }
  }

  sect('frame: main-thread ms per animation frame (atlas, then peer)');
  const frame = result.frame as { sizes: Record<string, unknown> };
  if (skip(frame)) lines.push(skip(frame) as string);
  else {
    row('meetings', 'net ms/drawn', 'raw ms/drawn', 'drawn/s', 'ms/s moving', 'ms/s still');
    const frameRow = (name: string, v: unknown) => {
      if (v === undefined) return;
      if (skip(v)) lines.push(`${name.padEnd(46)} ${skip(v)}`);
      else {
        const f = v as FrameResult;
        row(name, f.perFrame ?? '–', f.rawPerFrame ?? '–', f.mapFps, f.movingPerSecond, f.staticPerSecond);
        // Comets drawn by the page cost main-thread time on every frame: say so where it happened.
        if (f.cometsDrawnBy === 'page') lines.push(`  ${name}: the comets were drawn by the page (the worker fallback)`);
      }
    };
    for (const [n, v] of Object.entries(frame.sizes)) {
      frameRow(`${n} atlas`, v);
      frameRow(`${n} peer (deck.gl)`, peerSizes[n]?.frame);
    }
  }

  sect('peer: ratios atlas ÷ deck.gl peer (below 1.0: the atlas costs less)');
  const r = result.ratios as { load: number | null; sizes: Record<string, Record<string, number | null>> } | undefined;
  if (!peerResult) lines.push('skipped: not run');
  else if (skip(peerResult)) lines.push(skip(peerResult) as string);
  else if (r) {
    const peerLoad = (peerResult as { load?: { medianMs?: number; ratioToBare?: number; failed?: string; skipped?: string } }).load;
    if (peerLoad && typeof peerLoad.medianMs === 'number') row(`load (${'1k or shipped'}): peer median ms, peer ÷ bare, atlas ÷ peer`, peerLoad.medianMs, peerLoad.ratioToBare ?? '–', r.load ?? '–');
    else if (peerLoad) lines.push(`load: ${skip(peerLoad) ?? '–'}`);
    row('meetings', 'load', 'CPU p95', 'task p95', 'wall p95', 'max task', 'frame');
    for (const [n, x] of Object.entries(r.sizes)) row(n, x.load ?? '–', x.scrubCpuP95 ?? '–', x.scrubTaskP95 ?? '–', x.scrubWallP95 ?? '–', x.scrubMaxTask ?? '–', x.frame ?? '–');
    row('peer load ms at each size', ...Object.values(peerSizes).map((p) => p.loadMs ?? '–'));
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

  sect('budgets (issue 19)');
  for (const o of outcomes) {
    const value = o.value === null ? '–' : `${o.value} ${o.unit}`;
    row(o.label, value, `${o.kind === 'max' ? '<' : '≥'} ${o.limit} ${o.unit}`, o.status === 'fail' && info.allowMissed.has(o.id) ? 'FAIL (allowed)' : o.status.toUpperCase());
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
