/**
 * The atlas end to end, against the production build (playwright.config.ts serves it).
 * Expected numbers are derived from the dataset the server actually serves, so these
 * tests hold for the bootstrap placeholder and for the pipeline's real output alike.
 *
 * E2E_SCREENSHOTS=1 also writes docs/default.png, docs/tooltip.png, docs/city.png, docs/play.png and docs/narrow-window.png.
 */
import { type Page, expect, test } from '@playwright/test';
import type { Dataset, Meeting } from '../src/dataset/schema';
import { sourceLabel } from '../src/export/citation';
import { drawnLinks, linkKeys as sharedLinkKeys } from './mapLinks';

const SHOTS = process.env.E2E_SCREENSHOTS === '1';
const MS_PER_DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;

let dataset: Dataset;
let dated: Meeting[];

test.beforeAll(async ({ request }) => {
  const response = await request.get('data/meetings.json');
  expect(response.ok()).toBe(true);
  dataset = (await response.json()) as Dataset;
  dated = dataset.meetings.filter((m) => m.date.start !== null);
});

/** Meetings whose possible days overlap [from, to] (day numbers), as the status line counts them. */
function countInWindow(from: number, to: number): Meeting[] {
  return dated.filter((m) => day(m.date.start!) <= to && day(m.date.end ?? m.date.start!) >= from);
}

function kabul() {
  const place = dataset.places.find((p) => p.name === 'Kabul');
  if (!place) throw new Error('the dataset has no Kabul');
  const meetings = dataset.meetings.filter((m) => m.venuePlaceId === place.id);
  return { place, meetings };
}

// Every test: no request leaves the page's origin, and the console stays free of errors.
let consoleErrors: string[];
let foreignRequests: string[];
test.beforeEach(async ({ page, baseURL }) => {
  consoleErrors = [];
  foreignRequests = [];
  const origin = new URL(baseURL!).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreignRequests.push(url);
  });
});
test.afterEach(() => {
  expect(foreignRequests, 'requests to other origins').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
});

async function openAtlas(page: Page, query = '?animate=0') {
  await page.goto(query);
  await expect(page.getByRole('status')).toHaveText(/^Showing \d+ of \d+ meetings/);
}

async function waitForMapIdle(page: Page) {
  await expect(page.locator('[data-map-idle="true"]')).toHaveCount(1);
}

/** The link keys a set of meetings should draw (mapLinks.ts), for the served dataset. */
const linkKeys = (meetings: Meeting[]) => sharedLinkKeys(dataset, meetings);

async function sliderDays(page: Page) {
  const value = async (name: string) => Number(await page.getByRole('slider', { name }).getAttribute('aria-valuenow'));
  return { from: await value('Window start'), to: await value('Window end') };
}

test('the default view shows every dated meeting over the full time range', async ({ page }) => {
  await openAtlas(page);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${dated.length} of ${dataset.meetings.length} meetings`));
  const { from, to } = await sliderDays(page);
  expect(from).toBe(Math.min(...dated.map((m) => day(m.date.start!))));
  expect(to).toBe(Math.max(...dated.map((m) => day(m.date.end ?? m.date.start!))));
  await expect(page.getByRole('slider', { name: 'Window start' })).toHaveAttribute('aria-valuetext', /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await waitForMapIdle(page);
  if (SHOTS) {
    await page.screenshot({ path: 'docs/default.png' });
    // The tooltip a capital shows on hover (docs/tooltip.png).
    await page.locator('.capital-marker').first().hover();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await page.screenshot({ path: 'docs/tooltip.png' });
  }
});

test('clicking Kabul lists its meetings newest first with their evidence', async ({ page }) => {
  const { place, meetings } = kabul();
  expect(meetings.length).toBeGreaterThanOrEqual(3);
  await openAtlas(page);
  await page.getByRole('button', { name: /^Kabul, \d+ meetings?/ }).click();
  const panel = page.getByRole('region', { name: `Meetings in ${place.name}` });
  await expect(panel).toBeVisible();
  const items = panel.locator('ol.meetings > li');
  await expect(items).toHaveCount(meetings.length);
  for (const m of meetings) {
    const item = panel.locator(`li[data-meeting-id="${m.id}"]`);
    await expect(item.getByRole('heading')).toHaveText(m.title);
    // Every quote is in the item (after the first two, behind "N more quotes"), with its file.
    await expect(item.locator('blockquote')).toHaveCount(m.sources.length);
    await expect(item.locator('blockquote').first()).toBeVisible();
    for (const span of m.sources) {
      await expect(item.locator('blockquote').filter({ hasText: span.quote.slice(0, 60) }).first()).toBeAttached();
    }
    // Cited as people cite it (outlet and date first), the file name only where nothing better is known.
    const first = m.sources[0]!;
    const cited = sourceLabel(dataset.sources.find((x) => x.file === first.file) ?? { file: first.file });
    await expect(item.locator('.source').filter({ hasText: cited }).first()).toBeVisible();
  }
  // Newest first: the order of the items follows the meetings' last possible days.
  const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-meeting-id')));
  const key = (m: Meeting) => m.date.end ?? m.date.start ?? '';
  const expected = [...meetings].sort((a, b) => (key(a) === key(b) ? 0 : key(a) === '' ? 1 : key(b) === '' ? -1 : key(a) < key(b) ? 1 : -1));
  expect(ids.map((id) => key(meetings.find((m) => m.id === id)!))).toEqual(expected.map(key));
  await waitForMapIdle(page);
  if (SHOTS) {
    await page.mouse.move(1200, 790); // off the map: the venue's tooltip goes with the pointer
    await expect(page.getByRole('tooltip')).toBeHidden();
    await page.screenshot({ path: 'docs/city.png' });
  }
});

test('narrowing the window with the keyboard changes the count and the drawn links', async ({ page }) => {
  await openAtlas(page);
  const before = await drawnLinks(page);
  const start = page.getByRole('slider', { name: 'Window start' });
  await start.focus();
  const min = Number(await start.getAttribute('aria-valuemin'));
  const max = Number(await page.getByRole('slider', { name: 'Window end' }).getAttribute('aria-valuemax'));
  // PageUp steps a year: move the start about half way through the data.
  const presses = Math.max(1, Math.round((max - min) / 365 / 2));
  for (let i = 0; i < presses; i++) await start.press('PageUp');
  const { from, to } = await sliderDays(page);
  expect(from).toBeGreaterThan(min);
  const expected = countInWindow(from, to);
  expect(expected.length).toBeLessThan(dated.length);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${expected.length} of ${dataset.meetings.length} meetings`));
  const allowed = linkKeys(expected);
  // The map may apply a window change on its next frame: poll until what it draws settles.
  await expect
    .poll(async () => (await drawnLinks(page)).filter((key) => !allowed.has(key)), { message: `links drawn for no meeting in ${from}..${to}` })
    .toEqual([]);
  const after = await drawnLinks(page);
  expect(after.length).toBeGreaterThan(0);
  expect(after).not.toEqual(before);
  if (SHOTS) await page.screenshot({ path: 'docs/narrow-window.png' });
  // End and Home operate the handles too.
  await start.press('Home');
  await expect(start).toHaveAttribute('aria-valuenow', String(min));
  await start.press('End');
  await expect(start).toHaveAttribute('aria-valuenow', String(to));
  await page.getByRole('slider', { name: 'Window end' }).press('Home');
  await expect(page.getByRole('slider', { name: 'Window end' })).toHaveAttribute('aria-valuenow', String(to));
});

test('the brush follows a pointer: an edge, the whole window, and a new window drawn on the track', async ({ page }) => {
  await openAtlas(page);
  const full = await sliderDays(page);
  const box = async (selector: string) => (await page.locator(`.time-slider-view .brush ${selector}`).boundingBox())!;
  const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, to.y, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
  };
  const track = await box('.overlay');
  const y = track.y + track.height / 2;
  // The track spans the slider's domain (first to last meeting), end day included.
  const domainFrom = Number(await page.getByRole('slider', { name: 'Window start' }).getAttribute('aria-valuemin'));
  const domainTo = Number(await page.getByRole('slider', { name: 'Window end' }).getAttribute('aria-valuemax'));
  const daysPerPixel = (domainTo + 1 - domainFrom) / track.width;
  const dayAt = (x: number) => domainFrom + (x - track.x) * daysPerPixel;

  // The east handle, dragged to the middle of the track: the window ends about half way.
  const east = await box('.handle--e');
  await drag({ x: east.x + east.width / 2, y }, { x: track.x + track.width / 2, y });
  const halved = await sliderDays(page);
  // The handle a pointer took is the keyboard's handle from then on.
  await expect(page.getByRole('slider', { name: 'Window end' })).toBeFocused();
  expect(halved.from).toBe(full.from);
  expect(Math.abs(halved.to + 1 - dayAt(track.x + track.width / 2))).toBeLessThanOrEqual(2 * daysPerPixel + 1);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${countInWindow(halved.from, halved.to).length} of `));

  // The span, dragged a quarter of the track to the right: the window keeps its length.
  const span = await box('.selection');
  await drag({ x: span.x + span.width / 2, y }, { x: span.x + span.width / 2 + track.width / 4, y });
  const moved = await sliderDays(page);
  expect(moved.to - moved.from).toBe(halved.to - halved.from);
  expect(moved.from - halved.from).toBeGreaterThan((track.width / 4 - 2) * daysPerPixel - 1);
  expect(moved.from - halved.from).toBeLessThan((track.width / 4 + 2) * daysPerPixel + 1);

  // A press on the track that does not drag leaves the window where it was.
  await page.mouse.click(track.x + 4, y);
  expect(await sliderDays(page)).toEqual(moved);

  // A drag on the track outside the window draws a new one from the press to the release.
  await drag({ x: track.x + 2, y }, { x: track.x + track.width / 5, y });
  const drawn = await sliderDays(page);
  expect(Math.abs(drawn.from - dayAt(track.x + 2))).toBeLessThanOrEqual(2 * daysPerPixel + 1);
  expect(Math.abs(drawn.to + 1 - dayAt(track.x + track.width / 5))).toBeLessThanOrEqual(2 * daysPerPixel + 1);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${countInWindow(drawn.from, drawn.to).length} of `));
  // The window is in the address, so the view a drag made can be shared.
  await expect.poll(() => new URL(page.url()).searchParams.get('to'), { timeout: 5_000 }).toBe(new Date(drawn.to * MS_PER_DAY).toISOString().slice(0, 10));
});

test('Play sweeps the window through time and Pause stops it', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible();
  const first = await sliderDays(page);
  await expect.poll(async () => (await sliderDays(page)).to, { timeout: 15_000 }).toBeGreaterThan(first.to);
  await pause.click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const stopped = await sliderDays(page);
  await page.waitForTimeout(500);
  expect(await sliderDays(page)).toEqual(stopped);
});

test('Play from the default view shows at least one meeting at every sampled moment and ends at the last meeting', async ({ page }) => {
  await openAtlas(page);
  const last = Math.max(...dated.map((m) => day(m.date.end ?? m.date.start!)));
  const first = Math.min(...dated.map((m) => day(m.date.start!)));
  expect(await page.getByRole('slider', { name: 'Window end' }).getAttribute('aria-valuemax')).toBe(String(last));
  expect(await page.getByRole('slider', { name: 'Window start' }).getAttribute('aria-valuemin')).toBe(String(first));
  await page.getByRole('button', { name: 'Play' }).click();
  const samples: string[] = [];
  const started = Date.now();
  // Sample the status line every 250 ms until play ends by itself (at most a minute).
  while (Date.now() - started < 60_000) {
    const text = (await page.getByRole('status').textContent()) ?? '';
    samples.push(text);
    if (SHOTS && samples.length === 8) await page.screenshot({ path: 'docs/play.png' });
    if (await page.getByRole('button', { name: 'Play' }).isVisible()) break;
    await page.waitForTimeout(250);
  }
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(samples.length).toBeGreaterThan(4);
  const empty = samples.filter((t) => /^Showing 0 of/.test(t));
  expect(empty, `samples: ${samples.join(' | ')}`).toEqual([]);
  // Play stops at the last meeting, not past it.
  expect((await sliderDays(page)).to).toBe(last);
});

test('Copy link copies the permalink of the current view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { place } = kabul();
  await openAtlas(page);
  await page.getByRole('button', { name: /^Kabul, \d+ meetings?/ }).click();
  await expect(page.getByRole('region', { name: `Meetings in ${place.name}` })).toBeVisible();
  const end = page.getByRole('slider', { name: 'Window end' });
  await end.focus();
  await end.press('PageDown');
  const days = await sliderDays(page);
  const iso = (d: number) => new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
  await expect.poll(() => page.url()).toContain(`to=${iso(days.to)}`);
  await page.getByText('Share & export').click();
  const share = page.getByRole('group', { name: 'Share and export' });
  await expect(share.getByTestId('view-link')).toHaveValue(page.url());
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByText('Link copied.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toContain(`city=${place.id}`);
  // The copied link opens the same view.
  const status = await page.locator('.status-line').textContent();
  const other = await context.newPage();
  await other.goto(copied);
  await expect(other.getByRole('region', { name: `Meetings in ${place.name}` })).toBeVisible();
  expect(await sliderDays(other)).toEqual(days);
  await expect(other.getByRole('status')).toHaveText(status!);
  await other.close();
});

test('choosing a filter updates the other filter’s counts, and an empty combination says which filter to loosen', async ({ page }) => {
  const slug = (t: string) => t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  await openAtlas(page);
  const stateSelect = page.getByRole('combobox', { name: 'State' });
  const topicSelect = page.getByRole('combobox', { name: 'Topic' });
  // A state and a topic it never met on, both with dated meetings (the China and TTP on the seeds).
  const topics = [...new Set(dataset.meetings.flatMap((m) => m.topics.map(slug)))];
  const states = [...new Set(dated.flatMap((m) => m.participants))];
  let pair: { iso3: string; topic: string } | null = null;
  for (const iso3 of states)
    for (const topic of topics)
      if (!pair && !dataset.meetings.some((m) => m.participants.includes(iso3) && m.topics.map(slug).includes(topic)) && dated.some((m) => m.topics.map(slug).includes(topic))) pair = { iso3, topic };
  test.skip(pair === null, 'every state met on every topic');
  await stateSelect.selectOption(pair!.iso3);
  // Every topic option now counts the meetings this state attended on it.
  const options = await topicSelect.locator('option').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent!, disabled: (e as HTMLOptionElement).disabled })));
  for (const o of options.filter((x) => x.value)) {
    const n = dataset.meetings.filter((m) => m.participants.includes(pair!.iso3) && m.topics.map(slug).includes(o.value)).length;
    expect(o.text, o.value).toMatch(new RegExp(`\\(${n}( with this state)?\\)$`));
    expect(o.disabled, o.value).toBe(n === 0);
  }
  // The empty pair, through the address: the status says 0 and how to get out of it.
  await openAtlas(page, `?animate=0&state=${pair!.iso3}&topic=${pair!.topic}`);
  await expect(page.getByRole('status')).toHaveText(/^Showing 0 of/);
  const advice = page.locator('.empty-advice');
  await expect(advice).toContainText('Nothing matches');
  const clearTopic = advice.getByRole('button', { name: /^Clear the topic \(\d+ meetings?\)$/ });
  await expect(clearTopic).toBeVisible();
  await clearTopic.click();
  await expect(page.getByRole('status')).not.toHaveText(/^Showing 0 of/);
  await expect(advice).toHaveCount(0);
  await expect(topicSelect).toHaveValue('');
});

test('selecting an undated meeting shows the undated meetings; the status counts what cannot be drawn apart', async ({ page }) => {
  const meeting = dataset.meetings.find((m) => m.date.start === null && m.venuePlaceId !== null);
  test.skip(!meeting, 'no undated meeting with a venue');
  const place = dataset.places.find((p) => p.id === meeting!.venuePlaceId)!;
  await openAtlas(page, `?animate=0&city=${place.id}`);
  const panel = page.getByRole('region', { name: `Meetings in ${place.name}` });
  // Before: its hint says what selecting it does for an undated meeting.
  await expect(panel.locator(`li[data-meeting-id="${meeting!.id}"] .hint`)).toHaveText('Undated, so not on the map: select it to show the undated meetings.');
  await panel.locator(`li[data-meeting-id="${meeting!.id}"]`).getByRole('heading').getByRole('button').click();
  await expect(page.getByRole('checkbox', { name: 'Show undated meetings on the map' })).toBeChecked();
  await expect.poll(() => new URL(page.url()).searchParams.get('undated')).toBe('1');
  await expect(panel.locator(`li[data-meeting-id="${meeting!.id}"]`)).not.toHaveClass(/outside-window/);
  const placeless = dataset.meetings.filter((m) => m.venuePlaceId === null).length;
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${dataset.meetings.length} of ${dataset.meetings.length} meetings`));
  if (placeless > 0) await expect(page.getByRole('status')).toContainText(`${dataset.meetings.length - placeless} on the map, ${placeless} without a place (listed, not drawn)`);
  expect(await page.evaluate(() => (window as unknown as { __atlasLinks: { visibleMeetingIds(): string[] } }).__atlasLinks.visibleMeetingIds())).toContain(meeting!.id);
});

test('a copied URL reproduces the view after reload, and Back restores the previous one', async ({ page, context }) => {
  const { place } = kabul();
  await openAtlas(page);
  await page.getByRole('button', { name: /^Kabul, \d+ meetings?/ }).click();
  await expect(page.getByRole('region', { name: `Meetings in ${place.name}` })).toBeVisible();
  const stateSelect = page.getByRole('combobox', { name: 'State' });
  const pak = dataset.states.find((s) => s.iso3 === 'PAK') ? 'PAK' : await stateSelect.locator('option').nth(1).getAttribute('value');
  await stateSelect.selectOption(pak!);
  const end = page.getByRole('slider', { name: 'Window end' });
  await end.focus();
  await end.press('PageDown');
  await end.press('PageDown');
  const status = await page.getByRole('status').textContent();
  const days = await sliderDays(page);
  // Quick steps are written to the address a moment later (replacements are throttled).
  const iso = (d: number) => new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
  await expect.poll(() => page.url()).toContain(`to=${iso(days.to)}`);
  const url = page.url();
  expect(url).toContain('city=');
  expect(url).toContain(`state=${pak}`);

  const copy = await context.newPage();
  await copy.goto(url);
  await expect(copy.getByRole('status')).toHaveText(status!);
  await expect(copy.getByRole('region', { name: `Meetings in ${place.name}` })).toBeVisible();
  await expect(copy.getByRole('combobox', { name: 'State' })).toHaveValue(pak!);
  expect(await sliderDays(copy)).toEqual(days);
  await copy.close();

  await page.reload();
  await expect(page.getByRole('status')).toHaveText(status!);

  // Back undoes the window change, then the state filter.
  await page.goBack();
  await expect(page.getByRole('status')).not.toHaveText(status!);
  await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue(pak!);
  await page.goBack();
  await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue('');
  await expect(page.getByRole('region', { name: `Meetings in ${place.name}` })).toBeVisible();
});

test('bad URL parameters show notices naming them and fall back to defaults', async ({ page }) => {
  await openAtlas(page, '?from=2025-02-30&state=ZZZ&cam=999,0,1&animate=0');
  const notices = page.getByRole('alert');
  await expect(notices).toContainText('from="2025-02-30": expected a real calendar day as YYYY-MM-DD');
  await expect(notices).toContainText('state="ZZZ"');
  await expect(notices).toContainText('cam="999,0,1"');
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${dated.length} of`));
  await page.getByRole('button', { name: /^Dismiss notice: Ignored from=/ }).click();
  await expect(notices).not.toContainText('from="2025-02-30"');
});

test('the list view is a table of the same meetings', async ({ page }) => {
  await openAtlas(page, '?animate=0&view=list');
  const table = page.getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(dated.length);
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await expect(page).not.toHaveURL(/view=list/);
});

test('article text is rendered as text, never as markup', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.route('**/data/meetings.json', async (route) => {
    const ds = (await (await route.fetch()).json()) as Dataset;
    const m = ds.meetings.find((x) => x.venuePlaceId === kabul().place.id)!;
    m.title = `${hostile} title`;
    m.sources[0] = { ...m.sources[0]!, quote: hostile, end: m.sources[0]!.start + hostile.length };
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(ds) });
  });
  await openAtlas(page);
  await page.getByRole('button', { name: /^Kabul, \d+ meetings?/ }).click();
  const panel = page.getByRole('region', { name: /^Meetings in / });
  await expect(panel.locator('blockquote').filter({ hasText: hostile })).toHaveCount(1);
  await expect(panel.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('the undated tray renders its meetings when opened, a hundred at a time', async ({ page }) => {
  // Many undated meetings (copies of one with new ids): folded, the tray renders none of them.
  const total = 230;
  await page.route('**/data/meetings.json', async (route) => {
    const ds = (await (await route.fetch()).json()) as Dataset;
    const base = ds.meetings.find((m) => m.date.start === null) ?? ds.meetings[0]!;
    const copies = Array.from({ length: total }, (_, i) => ({ ...base, id: `undated-copy-${i}`, date: { ...base.date, start: null, end: null } }));
    ds.meetings = [...ds.meetings.filter((m) => m.date.start !== null), ...copies];
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(ds) });
  });
  await openAtlas(page);
  const tray = page.getByRole('region', { name: 'Undated meetings' });
  await expect(tray.locator('summary')).toHaveText(`Undated meetings (${total})`);
  const items = tray.locator('ol.meetings > li');
  await expect(items).toHaveCount(0);
  await tray.locator('summary').click();
  await expect(items).toHaveCount(100);
  await tray.getByRole('button', { name: `Show 100 more of ${total - 100}` }).click();
  await expect(items).toHaveCount(200);
  await tray.getByRole('button', { name: `Show ${total - 200} more of ${total - 200}` }).click();
  await expect(items).toHaveCount(total);
  await expect(tray.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);
});

test.describe('a dataset that cannot be used gives a readable error', () => {
  test('missing', async ({ page }) => {
    await page.route('**/data/meetings.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await page.goto('?animate=0');
    await expect(page.getByRole('alert')).toContainText('data/meetings.json could not be loaded (HTTP 404');
    consoleErrors = consoleErrors.filter((e) => !e.includes('404'));
  });
  test('truncated', async ({ page }) => {
    await page.route('**/data/meetings.json', async (route) => {
      const text = await (await route.fetch()).text();
      await route.fulfill({ contentType: 'application/json', body: text.slice(0, Math.floor(text.length / 2)) });
    });
    await page.goto('?animate=0');
    await expect(page.getByRole('alert')).toContainText('is not valid JSON (is it truncated?)');
  });
  test('invalid', async ({ page }) => {
    await page.route('**/data/meetings.json', async (route) => {
      const ds = (await (await route.fetch()).json()) as Dataset;
      (ds.meetings[0] as { date: { start: string } }).date.start = '2025-02-30';
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(ds) });
    });
    await page.goto('?animate=0');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('does not match the dataset schema');
    await expect(alert).toContainText('meetings.0.date.start');
  });
});
