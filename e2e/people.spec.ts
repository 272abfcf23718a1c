/**
 * The people at the table (issue 17), end to end against the production build: the city
 * panel lists them under each meeting, the list view has a People column, and the person
 * filter (`person=` in the URL, a click on a name, or the Find box) narrows the map, the
 * status count and the slider together. Expected values come from the served dataset.
 */
import { expect, test } from '@playwright/test';
import type { Dataset, Meeting } from '../src/dataset/schema';
import { personSlug } from '../src/app/state/selectors';
import { drawnLinks, linkKeys } from './mapLinks';

let dataset: Dataset;

test.beforeAll(async ({ request }) => {
  const response = await request.get('data/meetings.json');
  expect(response.ok()).toBe(true);
  dataset = (await response.json()) as Dataset;
});

let problems: string[];
test.beforeEach(async ({ page, baseURL }) => {
  problems = [];
  const origin = new URL(baseURL!).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) problems.push(`foreign request: ${url}`);
  });
});
test.afterEach(() => expect(problems).toEqual([]));

const seats = (m: Meeting, name: string) => (m.people ?? []).some((p) => p.name === name);
const isDated = (m: Meeting) => m.date.start !== null;

/** The meeting in Kabul on 20 July 2025 (the seed articles report it). */
function kabulTalks(): Meeting {
  const kabul = dataset.places.find((p) => p.name === 'Kabul')!;
  const m = dataset.meetings.find((x) => x.venuePlaceId === kabul.id && x.date.start === '2025-07-20');
  if (!m) throw new Error('the dataset has no meeting in Kabul on 2025-07-20');
  return m;
}

/** What some meetings should draw, sorted as drawnLinks returns it. */
const expectedLinks = (meetings: Meeting[]) => [...linkKeys(dataset, meetings)].sort();

test("Kabul's panel lists the people at the table under the 20 July 2025 meeting", async ({ page }) => {
  const talks = kabulTalks();
  await page.goto('?animate=0');
  await page.getByRole('button', { name: /^Kabul, \d+ meetings?/ }).click();
  const item = page.locator(`li.meeting[data-meeting-id="${talks.id}"]`);
  await expect(item).toBeVisible();
  const people = item.getByRole('list', { name: 'People at the table' }).getByRole('listitem');
  await expect(people.filter({ hasText: 'Mohsin Naqvi' })).toHaveText('Mohsin Naqvi (Interior Minister, Pakistan)');
  await expect(people.filter({ hasText: 'Sirajuddin Haqqani' })).toHaveText(/^Sirajuddin Haqqani \((?:.+, )?Afghanistan\)$/);
  await expect(people).toHaveCount(talks.people!.length);
  if (process.env.E2E_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/people.png' });

  // A name is a filter: clicking it keeps only that person's meetings and writes person= to the URL.
  await item.getByRole('button', { name: 'Mohsin Naqvi' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('person')).toBe('mohsin-naqvi');
  const naqvi = dataset.meetings.filter((m) => seats(m, 'Mohsin Naqvi'));
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${naqvi.filter(isDated).length} of ${dataset.meetings.length} meetings`));
  await expect(page.getByText('Person: Mohsin Naqvi')).toBeVisible();
});

test('?person= filters the map and the status count, and clearing it brings every meeting back', async ({ page }) => {
  // The person at the most meetings, so that the filter keeps some and hides others.
  const counts = new Map<string, number>();
  for (const m of dataset.meetings) for (const p of m.people ?? []) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const [name] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const theirs = dataset.meetings.filter((m) => seats(m, name) && isDated(m));
  const all = dataset.meetings.filter(isDated);
  expect(theirs.length).toBeGreaterThan(0);
  expect(expectedLinks(theirs).length).toBeLessThan(expectedLinks(all).length);

  await page.goto(`?animate=0&person=${personSlug({ name })}`);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${theirs.length} of ${dataset.meetings.length} meetings`));
  expect(await drawnLinks(page)).toEqual(expectedLinks(theirs));

  await page.getByRole('button', { name: `Clear the person filter (${name})` }).click();
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${all.length} of ${dataset.meetings.length} meetings`));
  expect(await drawnLinks(page)).toEqual(expectedLinks(all));
  await expect.poll(() => new URL(page.url()).searchParams.has('person')).toBe(false);
});

test('an unknown person= is ignored with a notice naming the parameter', async ({ page }) => {
  await page.goto('?animate=0&person=no-such-person');
  await expect(page.getByText('Ignored person="no-such-person": no one by that name is listed at any meeting.')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${dataset.meetings.filter(isDated).length} of`));
});

test('typing in the Find box finds a person as well as a state; the list view has a People column', async ({ page }) => {
  await page.goto('?animate=0');
  const find = page.getByRole('combobox', { name: 'Find' }) // a text box with suggestions;
  // Part of a name and Enter: the one person whose name contains it.
  await find.fill('haqqani');
  await find.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('person')).toBe('sirajuddin-haqqani');
  const haqqani = dataset.meetings.filter((m) => seats(m, 'Sirajuddin Haqqani') && isDated(m));
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${haqqani.length} of`));
  // A state's whole name sets the state filter, as the State list does.
  await find.fill('Pakistan');
  await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue('PAK');
  await expect(find).toHaveValue('');
  // Text that names nobody says so.
  await find.fill('zzz');
  await find.press('Enter');
  await expect(page.getByText('No single state or person matches “zzz”.')).toBeVisible();

  await page.getByRole('button', { name: 'List' }).click();
  const table = page.locator('table.meeting-table');
  await expect(table.getByRole('columnheader', { name: 'People' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(haqqani.filter((m) => m.participants.includes('PAK')).length);
  await expect(table.locator('tbody')).toContainText('Sirajuddin Haqqani (');
});
