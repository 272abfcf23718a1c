/**
 * One meeting, many reports (issue 16), in the production build: two made-up outlets' reports
 * of one meeting, run through the real pipeline (`npm run data`), are one meeting whose panel
 * says "Reported by 2 sources", lists both, and shows where they disagree on the day.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Dataset } from '../src/dataset/schema';

const ROOT = new URL('../', import.meta.url).pathname;
let work = '';
let dataset = '';

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'atlas-merge-e2e-'));
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  writeFileSync(
    join(seeds, 'wire.txt'),
    "Pakistan and China agree to boost counter-terrorism cooperation\n\nISLAMABAD (Agency) – Pakistan's interior minister and China's public security minister held talks in Islamabad on Tuesday on the security of Chinese nationals, officials said.\n",
  );
  writeFileSync(
    join(seeds, 'later.txt'),
    'Chinese engineers return to work\n\nISLAMABAD: Work resumed at the dam site on Friday. Pakistan and China held talks in Islamabad on Wednesday on the security of Chinese nationals, a week after an attack.\n',
  );
  writeFileSync(
    join(seeds, 'sources.json'),
    JSON.stringify({ 'wire.txt': { published: '2024-05-15', outlet: 'Wire Agency' }, 'later.txt': { published: '2024-05-17', outlet: 'The Daily Example' } }),
  );
  const out = join(work, 'meetings.json');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/data.ts', '--seeds', seeds, '--out', out, '--curation', 'none'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run data failed (${r.status}): ${r.stderr}`);
  dataset = readFileSync(out, 'utf8');
  const parsed = JSON.parse(dataset) as Dataset;
  if (!parsed.meetings.some((m) => new Set(m.sources.map((s) => s.file)).size === 2)) throw new Error('the pipeline did not merge the two reports');
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a merged meeting says "Reported by 2 sources", lists both and shows where they disagree', async ({ page }) => {
  await page.route('**/data/meetings.json', (route) => route.fulfill({ contentType: 'application/json', body: dataset }));
  await page.goto('./?city=islamabad&animate=0');
  const panel = page.getByRole('region', { name: 'Meetings in Islamabad' });
  await expect(panel).toBeVisible();
  const meeting = panel.locator('li.meeting');
  await expect(meeting).toHaveCount(1);
  const reported = meeting.locator('.reported-by');
  await expect(reported).toContainText('Reported by 2 sources');
  await expect(reported).toContainText('Wire Agency, 15 May 2024');
  await expect(reported).toContainText('The Daily Example, 17 May 2024');
  // Both reports' quotes are shown before any second quote of one of them.
  await expect(meeting.locator('ul.evidence[aria-label="Evidence"] blockquote')).toHaveCount(2);
  const disagreement = meeting.locator('.disagreement');
  await expect(disagreement).toContainText('Reports differ on the date; shown: 14 May 2024');
  await expect(disagreement.locator('li')).toHaveCount(2);
  await expect(disagreement).toContainText('15 May 2024');
});
