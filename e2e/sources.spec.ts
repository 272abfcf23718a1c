/**
 * Sources as people cite them (issue 18), in the production build:
 * - an article added with `npm run add` from a page served on 127.0.0.1 inside this test
 *   shows its outlet and date in the panel, linked to its canonical URL in a new tab with
 *   rel="noopener noreferrer" (its dataset is served in place of data/meetings.json);
 * - a bundled seed shows the outlet its own text names and its date, not its file name.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Dataset } from '../src/dataset/schema';
import { type FixtureServer, startFixtureServer } from '../src/pipeline/pages/fixtureServer';

const ROOT = new URL('../', import.meta.url).pathname;

let work = '';
let added = '';
let canonical = '';

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'atlas-sources-'));
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  const out = join(work, 'meetings.json');
  const server: FixtureServer = await startFixtureServer();
  canonical = `${server.origin}/world/uzbekistan-pakistan-talks`;
  try {
    // Asynchronous: this process serves the page the CLI fetches.
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/add.ts', '--seeds', seeds, '--out', out, '--curation', 'none', `${server.origin}/meta-tags`], { cwd: ROOT });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    if (code !== 0) throw new Error(`npm run add failed (${code}): ${stderr}`);
  } finally {
    await server.close();
  }
  added = readFileSync(out, 'utf8');
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('an article added by URL shows its outlet and date in the panel, linked to the article', async ({ page }) => {
  await page.route('**/data/meetings.json', (route) => route.fulfill({ contentType: 'application/json', body: added }));
  await page.goto('./?city=tashkent&animate=0');
  const panel = page.getByRole('region', { name: 'Meetings in Tashkent' });
  await expect(panel).toBeVisible();
  const link = panel.locator('.source a').first();
  await expect(link).toHaveText('The Fixture Times, 4 March 2025');
  await expect(link).toHaveAttribute('href', canonical);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // The title and the seed file stay one hover away, so a quote can be traced to its file.
  await expect(link).toHaveAttribute('title', '“Uzbekistan, Pakistan hold security talks” · uzbekistan-pakistan-hold-security-talks.txt');
});

test('a bundled seed is cited by the outlet its text names and its date, not by its file name', async ({ page }) => {
  const dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/meetings.json'), 'utf8')) as Dataset;
  const file = '002_caf760d692886a80.txt';
  const source = dataset.sources.find((s) => s.file === file);
  expect(source).toMatchObject({ outlet: 'Arab News', published: '2025-07-20' });
  const meeting = dataset.meetings.find((m) => m.sources[0]!.file === file && m.venuePlaceId !== null);
  expect(meeting).toBeDefined();
  await page.goto(`./?city=${meeting!.venuePlaceId}&animate=0`);
  const item = page.locator(`li[data-meeting-id="${meeting!.id}"]`);
  const cite = item.locator('.source').first();
  await expect(cite).toHaveText('Arab News, 20 July 2025');
  await expect(cite.locator('a')).toHaveCount(0); // no URL is known, none is invented
  await expect(cite.locator('[data-file]')).toHaveAttribute('data-file', file);
});
