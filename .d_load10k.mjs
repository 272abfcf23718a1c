import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const args = ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader','--ignore-gpu-blocklist','--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];
const srv = spawn('npx', ['vite','preview','--host','127.0.0.1','--port','4392','--strictPort','--outDir','/tmp/d-dist10k'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 4000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const errors = []; page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
const t0 = Date.now();
await page.goto('http://127.0.0.1:4392/?animate=0');
await page.locator('.atlas-map[data-map-idle="true"]').waitFor({ timeout: 150000 });
console.log('10k: navigation → idle ms', Date.now() - t0, 'markers', await page.locator('.venue-marker').count());
// scrub-like: change filters directly through the map's layer filter path is internal; measure setFilter cost via one window step
const ms = await page.evaluate(async () => { const m = window.__atlasMap; const f = m.getFilter('links-held'); const t = performance.now(); m.setFilter('links-held', f); m.setFilter('links-held', JSON.parse(JSON.stringify(f))); return performance.now() - t; });
console.log('setFilter main-thread ms', ms.toFixed(2));
await page.screenshot({ path: '/tmp/d-shots/map-10k.png' });
console.log('errors', errors);
await browser.close(); srv.kill();
