/**
 * `npm run snapshot -- --state "<URL query>" --out figure.png [--width 1600 --height 900 --scale 2] [--dist dist]`
 *
 * Renders a view of the atlas headless in Chromium and writes it as a PNG, for figures in
 * PDFs and slides. The view is shown in embed mode (map, links, slider, legend, credit)
 * with animation off, and the picture is taken once the map reports itself idle
 * (`data-map-idle="true"` on the map container). Builds the app first when the dist
 * folder has no index.html; serves it from a loopback port only for the run.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { parseDataset } from '../dataset/schema';
import { checkViewAgainstDataset, parseViewQuery, serializeView } from '../app/url/codec';
import { CHROMIUM_ARGS, chromiumExecutable } from '../browser/chromium';

export interface SnapshotOptions {
  /** The view's URL query (with or without "?"), or a whole URL of the app. */
  state: string;
  out: string;
  width: number;
  height: number;
  scale: number;
  dist: string;
  /** How long to wait for the map to become idle, in ms. */
  timeoutMs: number;
}

export class SnapshotError extends Error {}

const USAGE =
  'usage: npm run snapshot -- --state "<URL query of a view>" --out figure.png [--width 1600 --height 900 --scale 2] [--dist dist] [--timeout 60]';

function positiveNumber(name: string, raw: string | undefined, { max, integer }: { max: number; integer: boolean }): number {
  const n = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max || (integer && !Number.isInteger(n))) {
    throw new SnapshotError(`--${name} ${JSON.stringify(raw ?? '')}: expected a ${integer ? 'whole ' : ''}number above 0 and at most ${max}.\n${USAGE}`);
  }
  return n;
}

/** Reads the command line; every mistake is a SnapshotError that names the option. */
export function parseSnapshotArgs(argv: readonly string[], cwd = process.cwd()): SnapshotOptions {
  const values = new Map<string, string>();
  const known = new Set(['state', 'out', 'width', 'height', 'scale', 'dist', 'timeout']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!match || !known.has(match[1]!)) throw new SnapshotError(`unknown argument ${JSON.stringify(arg)}.\n${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new SnapshotError(`--${match[1]} needs a value.\n${USAGE}`);
    values.set(match[1]!, value);
  }
  const state = values.get('state');
  if (state === undefined) throw new SnapshotError(`--state is required (use --state "" for the default view).\n${USAGE}`);
  const out = values.get('out');
  if (!out) throw new SnapshotError(`--out is required.\n${USAGE}`);
  if (!/\.png$/i.test(out)) throw new SnapshotError(`--out ${JSON.stringify(out)}: the file name must end in .png.`);
  const outPath = path.resolve(cwd, out);
  const outDir = path.dirname(outPath);
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) {
    throw new SnapshotError(`--out ${JSON.stringify(out)}: the folder ${outDir} does not exist.`);
  }
  if (fs.existsSync(outPath) && fs.statSync(outPath).isDirectory()) throw new SnapshotError(`--out ${JSON.stringify(out)} is a folder, not a file name.`);
  return {
    state,
    out: outPath,
    width: positiveNumber('width', values.get('width') ?? '1600', { max: 8000, integer: true }),
    height: positiveNumber('height', values.get('height') ?? '900', { max: 8000, integer: true }),
    scale: positiveNumber('scale', values.get('scale') ?? '2', { max: 4, integer: false }),
    dist: path.resolve(cwd, values.get('dist') ?? 'dist'),
    timeoutMs: positiveNumber('timeout', values.get('timeout') ?? '60', { max: 3600, integer: false }) * 1000,
  };
}

/** The query part of --state, accepting "a=1", "?a=1" or a whole URL. */
export function stateQuery(state: string): string {
  const trimmed = state.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).search;
    } catch {
      throw new SnapshotError(`--state ${JSON.stringify(state)}: not a valid URL.`);
    }
  }
  return trimmed.replace(/^\?/, '');
}

/**
 * Checks --state the way the app would read it, against the dataset the build serves,
 * and returns the query to render: the same view in embed mode with animation off. The
 * app would show a notice and fall back for a bad parameter; a figure must not silently
 * show something else, so here that is an error.
 */
export function snapshotQuery(state: string, datasetJson: unknown): string {
  const parsed = parseViewQuery(stateQuery(state));
  const notices = [...parsed.notices];
  const dataset = parseDataset(datasetJson);
  if (dataset.ok) notices.push(...checkViewAgainstDataset(parsed.view, dataset.dataset).notices);
  if (notices.length) throw new SnapshotError(`--state ${JSON.stringify(state)}:\n  ${notices.join('\n  ')}`);
  return serializeView({ ...parsed.view, embed: true, animate: false });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a folder read-only on 127.0.0.1 at a free port. Paths cannot leave the folder. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const rootDir = path.resolve(root);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = path.resolve(rootDir, `.${pathname}`);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (error, body) => {
      if (error) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' }).end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the app into `dist` with Vite's API when it has no index.html yet. */
export async function ensureBuilt(dist: string, log: (line: string) => void): Promise<void> {
  if (fs.existsSync(path.join(dist, 'index.html'))) return;
  log(`No build in ${dist}: building the app with Vite…`);
  const { build } = await import('vite');
  await build({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
}

/**
 * Runs in the page. Embed mode sizes the map from the width (for iframes that grow to
 * fit), so the content may be shorter or taller than the picture asked for. Give the map
 * stage whatever height makes map, slider, legend and credit fill the viewport exactly,
 * then wait for the map to redraw at that size. Inline style is set through the CSSOM,
 * which the page's Content-Security-Policy allows.
 */
async function fitEmbedToViewport(): Promise<void> {
  const stage = document.querySelector<HTMLElement>('.app.embed .stage');
  const content = document.querySelector<HTMLElement>('#root > *');
  if (!stage || !content) return;
  const extra = content.getBoundingClientRect().height - stage.getBoundingClientRect().height;
  const target = Math.max(160, Math.floor(window.innerHeight - extra));
  if (Math.abs(target - stage.getBoundingClientRect().height) < 1) return;
  stage.style.height = `${target}px`;
  const map = (window as unknown as { __atlasMap?: { once(e: string, f: () => void): void; resize(): void } }).__atlasMap;
  if (map) {
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.resize();
    });
  }
}

export async function takeSnapshot(options: SnapshotOptions, log: (line: string) => void = (l) => console.error(l)): Promise<{ file: string; url: string; width: number; height: number }> {
  await ensureBuilt(options.dist, log);
  const datasetFile = path.join(options.dist, 'data', 'meetings.json');
  const datasetJson: unknown = fs.existsSync(datasetFile) ? JSON.parse(fs.readFileSync(datasetFile, 'utf8')) : null;
  const query = snapshotQuery(options.state, datasetJson);

  const { chromium } = await import('playwright-core');
  const executablePath = chromiumExecutable();
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new SnapshotError(
      `No usable Chromium${executablePath ? ` at ${executablePath}` : ''}: ${first}\n` +
        'Install one (Debian: apt-get install chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  const server = await serveStatic(options.dist);
  try {
    const page = await browser.newPage({ viewport: { width: options.width, height: options.height }, deviceScaleFactor: options.scale });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const url = `${server.url}?${query}`;
    await page.goto(url, { waitUntil: 'load' });
    try {
      await page.waitForSelector('[data-map-idle="true"]', { timeout: options.timeoutMs });
      await page.evaluate(fitEmbedToViewport);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    } catch {
      const problems = pageErrors.length ? `\nPage errors:\n  ${pageErrors.join('\n  ')}` : '';
      throw new SnapshotError(`the map did not become idle within ${options.timeoutMs / 1000} s at ${url}${problems}`);
    }
    await page.screenshot({ path: options.out, type: 'png' });
    return { file: options.out, url, width: Math.round(options.width * options.scale), height: Math.round(options.height * options.scale) };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  try {
    const options = parseSnapshotArgs(process.argv.slice(2));
    const result = await takeSnapshot(options);
    console.log(`Wrote ${path.relative(process.cwd(), result.file)} (${result.width}×${result.height} px) from ${result.url}`);
  } catch (error) {
    if (error instanceof SnapshotError) {
      console.error(`snapshot: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
