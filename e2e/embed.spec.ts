/**
 * Issue 5, in a real browser: the atlas embedded in a page of ANOTHER origin (a host
 * server started here on its own port), the host script sizing the iframe, the embed
 * snippet, the PNG figure, the data downloads and the snapshot command.
 *
 * The view used is picked from the built dataset (the venue with the most dated meetings
 * and the month of its latest one), so the tests hold whatever the pipeline produced.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Frame, type Page } from '@playwright/test';
import type { Dataset, Meeting } from '../src/dataset/schema';
import { parseCsv, CSV_COLUMNS } from '../src/export/csv';
import { meetingIdsInGeoJson, type AtlasFeatureCollection } from '../src/export/geojson';
import { figureLayout } from '../src/export/figure';
import { decodePng, distinctColours, type DecodedPng } from '../src/export/pngDecode';

const ATLAS_PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');
/** 127.0.0.1 for the atlas, localhost for the host: different origins (host and port). */
const ATLAS = `http://127.0.0.1:${ATLAS_PORT}`;

const dataset = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'meetings.json'), 'utf8')) as Dataset;

/** The venue with the most dated meetings, and a one-month window around its latest meeting. */
function pickView(): { city: string; cityName: string; from: string; to: string } {
  const dated = dataset.meetings.filter((m) => m.venuePlaceId !== null && m.date.start !== null);
  const counts = new Map<string, Meeting[]>();
  for (const m of dated) counts.set(m.venuePlaceId!, [...(counts.get(m.venuePlaceId!) ?? []), m]);
  const [city, meetings] = [...counts].sort((a, b) => b[1].length - a[1].length)[0]!;
  const latest = meetings.map((m) => m.date.start!).sort().at(-1)!;
  const [y, mo] = latest.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const month = String(mo).padStart(2, '0');
  return { city, cityName: dataset.places.find((p) => p.id === city)!.name, from: `${y}-${month}-01`, to: `${y}-${month}-${last}` };
}
const VIEW = pickView();
const VIEW_QUERY = `from=${VIEW.from}&to=${VIEW.to}&city=${VIEW.city}`;

// --- the host page's server: another origin, pages set per test --------------------------
const hostPages = new Map<string, string>();
let hostServer: http.Server;
let HOST = '';

test.beforeAll(async () => {
  hostServer = http.createServer((req, res) => {
    const page = hostPages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!page) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  HOST = `http://localhost:${(hostServer.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => hostServer.close(() => resolve()));
});

function hostPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A report</title><link rel="icon" href="data:,"></head>
<body style="margin:0;font-family:sans-serif"><h1>Quarterly report</h1><p>Some text before the figure.</p>
<div id="figure" style="width:640px">${body}</div><p id="after">Text after the figure.</p></body></html>`;
}

/** Records every request; the test fails on any that leaves the host and atlas origins. */
function watchRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== ATLAS && url.origin !== HOST) foreign.push(req.url());
  });
  return foreign;
}

async function atlasFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  return frame;
}

async function waitForMapIdle(target: Page | Frame): Promise<void> {
  await target.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
}

/** The N of "Showing N of M meetings". */
async function statusCount(target: Page | Frame): Promise<number> {
  const text = (await target.locator('.status-line').textContent()) ?? '';
  const match = /Showing (\d+) of/.exec(text);
  if (!match) throw new Error(`no count in the status line ${JSON.stringify(text)}`);
  return Number(match[1]);
}

test('an atlas embedded in another origin sizes itself through embed.js and shows the requested view', async ({ page }) => {
  const foreign = watchRequests(page);
  hostPages.set(
    '/report.html',
    hostPage(
      `<iframe src="${ATLAS}/?${VIEW_QUERY}&embed=1&animate=0" title="Atlas" style="width:100%;border:0" height="150"></iframe>
<script src="${ATLAS}/embed.js"></script>`,
    ),
  );
  await page.goto(`${HOST}/report.html`);
  const frame = await atlasFrame(page);
  await waitForMapIdle(frame);

  // Embed mode: no header or side panel; map, legend, slider and the way back to the full view.
  await expect(frame.locator('.app-header')).toHaveCount(0);
  await expect(frame.locator('.side-panel')).toHaveCount(0);
  await expect(frame.locator('.legend')).toBeVisible();
  await expect(frame.getByRole('link', { name: /open full view/i })).toHaveAttribute('href', new RegExp(`city=${VIEW.city}`));

  // The requested window and city.
  await expect(frame.locator('.status-line')).toContainText(/\d{1,2} \w+ \d{4} – \d{1,2} \w+ \d{4}/);
  const [fromDay, toDay] = [VIEW.from, VIEW.to].map((d) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  await expect(frame.locator('.status-line')).toContainText(`${fromDay} – ${toDay}`);
  await expect(frame.locator(`.venue-marker.is-selected[data-venue="${VIEW.city}"]`)).toHaveCount(1);
  expect(await statusCount(frame)).toBeGreaterThan(0);

  // The host script set the iframe's height to the embed's content height.
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('data-atlas-height', /\d+/);
  const contentHeight = await frame.evaluate(() => Math.ceil(document.querySelector('#root > *')!.getBoundingClientRect().bottom));
  const frameHeight = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  expect(frameHeight).toBeGreaterThan(300);
  expect(Math.abs(frameHeight - contentHeight)).toBeLessThanOrEqual(2);
  // Nothing is cut off or left as a scrollbar inside the frame.
  expect(await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);

  // A narrower column: the embed picks a new height and reports it; the host follows.
  await page.locator('#figure').evaluate((el) => (el.style.width = '320px'));
  await expect.poll(async () => iframe.evaluate((el) => el.getBoundingClientRect().height), { timeout: 20_000 }).not.toBe(frameHeight);
  const narrowContent = await frame.evaluate(() => Math.ceil(document.querySelector('#root > *')!.getBoundingClientRect().bottom));
  await expect.poll(async () => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height))).toBeGreaterThanOrEqual(narrowContent - 2);
  expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

  expect(foreign).toEqual([]);
});

/** Warnings and errors in the host page's console, its frames' included (what a reader of the host's DevTools sees). */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('embed.js posts nothing to a lazy iframe before it loads: the host console stays clean and auto-height works', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  // The figure is far below the fold, so the lazily loaded iframe stays on its blank
  // document while embed.js starts (what the snippet's loading="lazy" does in a report).
  hostPages.set(
    '/lazy.html',
    hostPage(
      `<div id="long-text" style="height:8000px">A long introduction.</div>
<iframe src="${ATLAS}/?${VIEW_QUERY}&embed=1&animate=0" title="Atlas" style="border:0;width:100%" height="400" loading="lazy" data-atlas-embed></iframe>
<script src="${ATLAS}/embed.js" async></script>`,
    ),
  );
  await page.goto(`${HOST}/lazy.html`);
  await page.waitForLoadState('load');
  const iframe = page.locator('iframe');
  // Still blank: embed.js has started and found the frame, which has not loaded the atlas.
  const shows = () =>
    iframe.evaluate((el: HTMLIFrameElement) => {
      try {
        return el.contentWindow?.location.href; // readable: the blank document
      } catch {
        return 'the atlas'; // cross-origin: loaded
      }
    });
  expect(await shows()).toBe('about:blank');
  await page.waitForTimeout(300);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await atlasFrame(page);
  await waitForMapIdle(frame);
  await expect(iframe).toHaveAttribute('data-atlas-height', /\d+/);
  const contentHeight = await frame.evaluate(() => Math.ceil(document.querySelector('#root > *')!.getBoundingClientRect().bottom));
  await expect.poll(() => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height))).toBeGreaterThanOrEqual(contentHeight - 2);
  expect(Math.abs((await iframe.evaluate((el) => el.getBoundingClientRect().height)) - contentHeight)).toBeLessThanOrEqual(2);
  expect(problems).toEqual([]);
});

test('the embed shows its legend inside the frame, not clipped away', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await page.goto(`/?${VIEW_QUERY}&embed=1&animate=0`);
  await waitForMapIdle(page);
  const visible = await page.evaluate(() => {
    const legend = document.querySelector('.legend');
    if (!legend) return false;
    const r = legend.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + Math.min(10, r.height / 2));
    return r.width > 0 && r.height > 0 && r.bottom <= window.innerHeight && !!hit && legend.contains(hit);
  });
  expect(visible).toBe(true);
});

test('in a narrow embed the legend starts folded, and opens on demand', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 800 });
  await page.goto(`/?${VIEW_QUERY}&embed=1&animate=0`);
  await waitForMapIdle(page);
  const legend = page.locator('details.legend');
  await expect(legend).not.toHaveAttribute('open');
  const folded = await legend.evaluate((el) => el.getBoundingClientRect().height);
  expect(folded).toBeLessThan(40); // the summary line only: the map stays visible
  await page.getByText('Legend', { exact: true }).click();
  await expect(legend).toHaveAttribute('open');
  expect(await legend.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(folded + 50);
});

// --- issue 21: embeds that carry the evidence, at a phone's, a report's and a wide column ---

const SHOTS = process.env.E2E_SCREENSHOTS === '1';

/** A report of the host origin with the atlas's default view in a column `width` px wide. */
function reportWith(width: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A report</title><link rel="icon" href="data:,"></head>
<body style="margin:0;padding:12px;font-family:sans-serif"><h1 style="font-size:20px">Quarterly report</h1>
<div id="figure" style="width:${width}px"><iframe src="${ATLAS}/?embed=1&animate=0" title="Atlas" style="border:0;width:100%" height="400" loading="lazy" data-atlas-embed></iframe></div>
<p>Text after the figure.</p><script src="${ATLAS}/embed.js" async></script></body></html>`;
}

type Box = { left: number; top: number; right: number; bottom: number };
const intersects = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

for (const width of [320, 720, 1280]) {
  test(`an embed ${width} px wide on another origin: folded legend clear of the links, labels inside the frame, a venue opens its card with a quote`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width: Math.max(width + 40, 800), height: 1000 });
    hostPages.set(`/column-${width}.html`, reportWith(width));
    await page.goto(`${HOST}/column-${width}.html`);
    const frame = await atlasFrame(page);
    await waitForMapIdle(frame);
    const iframe = page.locator('iframe');
    await expect(iframe).toHaveAttribute('data-atlas-height', /\d+/);

    // The legend starts folded at every width, and covers no link, venue or capital.
    const legend = frame.locator('details.legend');
    await expect(legend).not.toHaveAttribute('open');
    const legendBox: Box = await legend.evaluate((el) => el.getBoundingClientRect().toJSON());
    const markers: Box[] = await frame.locator('.venue-layer > *').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
    for (const m of markers) expect(intersects(m, legendBox), `a marker at ${JSON.stringify(m)} under the legend`).toBe(false);
    const offset = (await iframe.boundingBox())!;
    const clip = { x: offset.x + legendBox.left, y: offset.y + legendBox.top, width: legendBox.right - legendBox.left, height: legendBox.bottom - legendBox.top };
    await legend.evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'));
    const under = decodePng(await page.screenshot({ clip }));
    await legend.evaluate((el) => ((el as HTMLElement).style.visibility = ''));
    expect(linkPixelCount(under, { x: 0, y: 0, width: under.width, height: under.height }), 'link pixels under the legend').toBeLessThanOrEqual(4);

    // Every label that shows at all lies wholly inside the map (none cut by the frame's
    // edge), and no two overlap. Labels of markers out of view are clipped with them.
    const { labels, map } = await frame.evaluate(() => ({
      map: document.querySelector('.atlas-map')!.getBoundingClientRect().toJSON(),
      labels: [...document.querySelectorAll<HTMLElement>('.atlas-map [class*="__label"]')]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({ text: el.textContent, ...el.getBoundingClientRect().toJSON() })),
    }));
    labels.splice(0, labels.length, ...labels.filter((l) => intersects(l, map)));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) {
      expect(l.left, `${l.text} cut at the left`).toBeGreaterThanOrEqual(map.left);
      expect(l.right, `${l.text} cut at the right`).toBeLessThanOrEqual(map.right);
      expect(l.top, `${l.text} cut at the top`).toBeGreaterThanOrEqual(map.top);
      expect(l.bottom, `${l.text} cut at the bottom`).toBeLessThanOrEqual(map.bottom);
    }
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(intersects(a, b), `${a.text} overlaps ${b.text}`).toBe(false);
    if (SHOTS && width === 720) await iframe.screenshot({ path: 'docs/embed-720.png' });

    // A click on the busiest venue opens its card: meetings with date, participants, a
    // quote from the dataset and its source, and the way to the full view.
    const venue = await frame.locator('.venue-marker').evaluateAll((els) =>
      els
        .map((el) => ({ id: (el as HTMLElement).dataset.venue!, count: Number(/, (\d+) meetings?/.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? 0) }))
        .sort((a, b) => b.count - a.count)[0]!,
    );
    const name = dataset.places.find((p) => p.id === venue.id)!.name;
    const quotes = new Set(dataset.meetings.filter((m) => m.venuePlaceId === venue.id).flatMap((m) => m.sources.map((s) => s.quote)));
    await frame.locator(`.venue-marker[data-venue="${venue.id}"]`).click();
    const card = frame.getByRole('dialog', { name: `Meetings in ${name}` });
    await expect(card).toBeVisible();
    const first = card.locator('li').first();
    await expect(first.locator('.embed-card__date')).toHaveText(/\d{4}/);
    await expect(first.locator('.embed-card__participants')).not.toBeEmpty();
    expect(quotes.has((await first.locator('blockquote').textContent()) ?? '')).toBe(true);
    await expect(first.locator('blockquote')).toBeInViewport();
    // Cited as people cite it: outlet and date first, the file name only where nothing better is known.
    const cited = first.locator('.embed-card__source .source-name, .embed-card__source .source-link');
    await expect(cited).toHaveCount(1);
    await expect(cited).toHaveAttribute('data-file', /\.txt$/);
    await expect(card.getByRole('link', { name: /open full view/i })).toHaveAttribute('href', new RegExp(`city=${venue.id}`));
    // Card and venue are both inside the frame, the venue not under the card.
    await waitForMapIdle(frame);
    const inFrame = await frame.evaluate((id) => {
      const c = document.querySelector('.embed-card')!.getBoundingClientRect();
      const m = document.querySelector(`.venue-marker[data-venue="${id}"]`)!.getBoundingClientRect();
      const hit = document.elementFromPoint(m.left + m.width / 2, m.top + m.height / 2);
      return { card: c.left >= 0 && c.right <= innerWidth && c.top >= 0 && c.bottom <= innerHeight, venueVisible: !!hit && !!hit.closest(`.venue-marker[data-venue="${id}"]`) };
    }, venue.id);
    expect(inFrame).toEqual({ card: true, venueVisible: true });
    if (SHOTS && width === 720) await iframe.screenshot({ path: 'docs/embed-card.png' });

    // Escape closes it and gives the focus back to the venue; Enter opens it again.
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(frame.locator(`.venue-marker[data-venue="${venue.id}"]`)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(card).toBeVisible();
    await expect(card).toBeFocused();

    expect(problems).toEqual([]);
  });
}

for (const query of ['?animate=0', '?animate=0&embed=1']) {
  test(`while the meetings load and the links are drawn the map says so, quietly (${query})`, async ({ page }) => {
    // The dataset is held back until the test has seen the sign (a slow network, a big file).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/data/meetings.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(query);
    const sign = page.getByTestId('map-loading');
    await expect(sign).toHaveText('Loading the meetings…');
    await expect(page.locator('main.stage')).toHaveAttribute('aria-busy', 'true');
    // Quiet: a small sign in the map's corner, not a veil over the basemap.
    const [sizes, map] = [await sign.boundingBox(), await page.locator('.atlas-map').boundingBox()];
    expect(sizes!.width * sizes!.height).toBeLessThan((map!.width * map!.height) / 20);
    // Quiet for the machine too: the spinner turns in a few steps a second, not on every
    // frame. Each new position makes the compositor draw the page again; with software
    // WebGL that cost a fifth of the load time (issue 19).
    const positions = await sign.locator('.spinner').evaluate((spinner) => {
      const [turn] = spinner.getAnimations();
      if (!turn) return 0;
      const duration = Number(turn.effect?.getComputedTiming().duration);
      const seen = new Set<string>();
      // One turn, read at 90 moments: where the spinner stands at each.
      for (let t = 0; t < duration; t += duration / 90) {
        turn.currentTime = t;
        seen.add(getComputedStyle(spinner).transform);
      }
      return seen.size;
    });
    expect(positions, 'spinner positions in one turn').toBeGreaterThan(1);
    expect(positions).toBeLessThanOrEqual(8);
    release();
    await waitForMapIdle(page);
    await expect(sign).toHaveCount(0);
    await expect(page.locator('main.stage')).not.toHaveAttribute('aria-busy');
    expect(await page.evaluate(() => window.__atlasLinks!.visiblePairs())).toBeGreaterThan(0);
  });
}

test('embed.js ignores height messages that are not from an atlas iframe or have the wrong shape', async ({ page }) => {
  // An iframe of the HOST origin that claims to be an atlas, and the host page itself.
  hostPages.set('/impostor.html', `<!doctype html><script>parent.postMessage({ type: 'sma:height', version: 1, height: 4321, width: 300 }, '*');</script>`);
  hostPages.set(
    '/hostile.html',
    hostPage(
      `<iframe id="impostor" src="${HOST}/impostor.html" height="150" style="border:0"></iframe>
<iframe id="atlas" src="${ATLAS}/?${VIEW_QUERY}&embed=1&animate=0" title="Atlas" style="width:100%;border:0" height="150"></iframe>
<script src="${ATLAS}/embed.js"></script>`,
    ),
  );
  await page.goto(`${HOST}/hostile.html`);
  await expect(page.locator('#atlas')).toHaveAttribute('data-atlas-height', /\d+/, { timeout: 60_000 });
  await page.evaluate(() => {
    window.postMessage({ type: 'sma:height', version: 1, height: 9000, width: 1 }, '*');
    const atlas = document.querySelector<HTMLIFrameElement>('#atlas')!;
    // Wrong shapes, dispatched as if from the atlas frame.
    for (const data of [{ type: 'sma:height', version: 1, height: '9000', width: 1 }, { type: 'sma:height', height: 9000 }, 'sma:height 9000']) {
      window.dispatchEvent(new MessageEvent('message', { data, source: atlas.contentWindow, origin: new URL(atlas.src).origin }));
    }
    // The right shape from the right window but a forged origin.
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'sma:height', version: 1, height: 9000, width: 1 }, source: atlas.contentWindow, origin: location.origin }));
  });
  await page.waitForTimeout(300);
  expect(await page.locator('#impostor').evaluate((el) => el.getBoundingClientRect().height)).toBe(150);
  expect(await page.locator('#impostor').getAttribute('data-atlas-height')).toBeNull();
  // The atlas frame keeps the height the atlas itself posted (it may post again as its
  // layout settles), never the forged 9000.
  const atlasNow = await page.locator('#atlas').evaluate((el) => ({ height: el.getBoundingClientRect().height, posted: Number(el.getAttribute('data-atlas-height')) }));
  expect(atlasNow.height).toBe(atlasNow.posted);
  expect(atlasNow.height).toBeLessThan(2000);
});

async function openShareMenu(page: Page): Promise<void> {
  await page.getByText('Share & export').click();
  await expect(page.getByRole('button', { name: 'Download PNG' })).toBeVisible();
}

test('the embed snippet, pasted into a page of another origin, reproduces the view', async ({ page }) => {
  await page.goto(`/?${VIEW_QUERY}`);
  await waitForMapIdle(page);
  const fullCount = await statusCount(page);
  const fullStatus = await page.locator('.status-line').textContent();
  await openShareMenu(page);
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  const alt = await page.getByTestId('alt-text').inputValue();
  expect(alt).toMatch(new RegExp(`^Map of ${fullCount} meetings?`));
  expect(snippet).toContain('loading="lazy"');
  expect(snippet).toMatch(/<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>/);

  const foreign = watchRequests(page);
  hostPages.set('/pasted.html', hostPage(snippet));
  await page.goto(`${HOST}/pasted.html`);
  const iframe = page.locator('iframe');
  expect(await iframe.getAttribute('title')).toBe(alt);
  const src = new URL((await iframe.getAttribute('src'))!);
  expect(src.origin).toBe(ATLAS);
  expect(Object.fromEntries(src.searchParams)).toEqual({ from: VIEW.from, to: VIEW.to, city: VIEW.city, embed: '1', animate: '0' });
  const frame = await atlasFrame(page);
  await waitForMapIdle(frame);
  await expect(frame.locator('.status-line')).toHaveText(fullStatus!);
  await expect(frame.locator(`.venue-marker.is-selected[data-venue="${VIEW.city}"]`)).toHaveCount(1);
  await expect(iframe).toHaveAttribute('data-atlas-height', /\d+/);
  expect(foreign).toEqual([]);
});

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button }).click()]);
  return fs.promises.readFile((await file.path())!);
}

/** Pixels close to the held-link crimson in a region (same test as e2e/map.spec.ts). */
function linkPixelCount(img: DecodedPng, rect: { x: number; y: number; width: number; height: number }): number {
  let n = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = [img.rgba[i]!, img.rgba[i + 1]!, img.rgba[i + 2]!];
      if (r > 140 && r - g > 70 && r - b > 50) n++;
    }
  }
  return n;
}

/** Share of pixels darker than `below` (0-255 luminance) in a region. */
function darkShare(img: DecodedPng, rect: { x: number; y: number; width: number; height: number }, below = 140): number {
  let dark = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * img.width + x) * 4;
      if (0.3 * img.rgba[i]! + 0.59 * img.rgba[i + 1]! + 0.11 * img.rgba[i + 2]! < below) dark++;
    }
  }
  return dark / (rect.width * rect.height);
}

test('"Download PNG" gives a 2x figure with the map, title, legend and the credit line', async ({ page }) => {
  await page.goto(`/?${VIEW_QUERY}&animate=0`);
  await waitForMapIdle(page);
  const [mapWidth, mapHeight] = await page.evaluate(() => {
    const c = window.__atlasMap!.getContainer();
    return [c.clientWidth, c.clientHeight];
  });
  await openShareMenu(page);
  const raw = await download(page, 'Download PNG');
  const saved = test.info().outputPath('figure.png'); // kept for a look by eye
  fs.mkdirSync(path.dirname(saved), { recursive: true });
  fs.writeFileSync(saved, raw);
  const png = decodePng(raw);
  const layout = figureLayout(mapWidth, mapHeight, 2);
  expect([png.width, png.height]).toEqual([layout.width * 2, layout.height * 2]);

  const px = (r: { x: number; y: number; width: number; height: number }) => ({ x: r.x * 2, y: r.y * 2, width: r.width * 2, height: r.height * 2 });
  // Map: land, water, borders and links make many colours.
  expect(distinctColours(png, px(layout.map))).toBeGreaterThan(50);
  // The links (a custom WebGL layer) are in the captured frame: crimson link pixels in the map area.
  expect(linkPixelCount(png, px(layout.map))).toBeGreaterThan(100);
  // Title and credit: dark text on white in their strips.
  expect(darkShare(png, px(layout.header))).toBeGreaterThan(0.005);
  expect(darkShare(png, px({ ...layout.credit, width: 400 }))).toBeGreaterThan(0.005);
  expect(distinctColours(png, px(layout.legend))).toBeGreaterThan(5);
  await expect(page.locator('.share-message')).toContainText('Alt text for it: Map of');
});

test('CSV and GeoJSON downloads hold exactly the meetings the status line counts', async ({ page }) => {
  // A window wide enough for several meetings, plus undated ones (the status line counts them when shown).
  await page.goto(`/?undated=1`);
  await waitForMapIdle(page);
  const count = await statusCount(page);
  expect(count).toBeGreaterThan(1);
  await openShareMenu(page);

  const csvText = (await download(page, 'Download data (CSV)')).toString('utf8').replace(/^\ufeff/, '');
  const rows = parseCsv(csvText);
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  const csvIds = rows.slice(1).map((r) => r[0]!);
  expect(csvIds).toHaveLength(count);
  expect(new Set(csvIds).size).toBe(count);
  for (const id of csvIds) expect(dataset.meetings.some((m) => m.id === id)).toBe(true);

  const geojson = JSON.parse((await download(page, 'Download data (GeoJSON)')).toString('utf8')) as AtlasFeatureCollection;
  expect(geojson.type).toBe('FeatureCollection');
  expect(meetingIdsInGeoJson(geojson).sort()).toEqual([...csvIds].sort());

  // Narrow the window: both files follow the status line.
  await page.goto(`/?${VIEW_QUERY}`);
  await waitForMapIdle(page);
  const narrow = await statusCount(page);
  await openShareMenu(page);
  const narrowRows = parseCsv((await download(page, 'Download data (CSV)')).toString('utf8').replace(/^\ufeff/, ''));
  expect(narrowRows).toHaveLength(narrow + 1);
  for (const row of narrowRows.slice(1)) {
    const [start, end] = [row[2]!, row[3]!];
    expect(start <= VIEW.to && (end || start) >= VIEW.from, `${row[0]} ${start}..${end} in ${VIEW.from}..${VIEW.to}`).toBe(true);
  }
  const narrowGeo = JSON.parse((await download(page, 'Download data (GeoJSON)')).toString('utf8')) as AtlasFeatureCollection;
  expect(meetingIdsInGeoJson(narrowGeo).sort()).toEqual(narrowRows.slice(1).map((r) => r[0]!).sort());
});

const execFileAsync = promisify(execFile);

test('npm run snapshot writes a PNG of width×scale that is not blank, and refuses a bad --state', async () => {
  test.setTimeout(180_000);
  const out = test.info().outputPath('snapshot.png');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tsx = path.resolve('node_modules/.bin/tsx');
  const args = ['src/cli/snapshot.ts', '--state', `?${VIEW_QUERY}`, '--out', out, '--width', '900', '--height', '560', '--scale', '2', '--dist', DIST];
  const { stdout } = await execFileAsync(tsx, args, { timeout: 150_000 });
  expect(stdout).toMatch(/Wrote .*snapshot\.png \(1800×1120 px\)/);
  const png = decodePng(fs.readFileSync(out));
  expect([png.width, png.height]).toEqual([1800, 1120]);
  expect(distinctColours(png)).toBeGreaterThan(100);
  expect(darkShare(png, { x: 0, y: 0, width: png.width, height: png.height })).toBeGreaterThan(0.001);

  const bad = await execFileAsync(tsx, ['src/cli/snapshot.ts', '--state', 'from=2024-02-30', '--out', out, '--dist', DIST]).catch((e: { code: number; stderr: string }) => e);
  expect('code' in bad && bad.code).toBe(2);
  expect((bad as { stderr: string }).stderr).toMatch(/--state "from=2024-02-30":\s+Ignored from="2024-02-30": expected a real calendar day/);

  const noBrowser = await execFileAsync(tsx, ['src/cli/snapshot.ts', '--state', '', '--out', out, '--dist', DIST], {
    env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
  }).catch((e: { code: number; stderr: string }) => e);
  expect('code' in noBrowser && noBrowser.code).toBe(2);
  expect((noBrowser as { stderr: string }).stderr).toMatch(/No usable Chromium at \/nonexistent\/chromium[\s\S]*CHROMIUM_PATH/);
});
