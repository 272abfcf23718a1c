/**
 * `npm run add` through the real CLI against a web server inside this test, on 127.0.0.1
 * only (src/pipeline/pages/fixtureServer.ts): the seed and sources entry it writes, the
 * review lines it prints, the rebuilt dataset, a second add of the same page, and every
 * kind of bad input, each with its message and nothing written.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../pipeline/build/dataset';
import { FIXTURES, type FixtureServer, startFixtureServer } from '../pipeline/pages/fixtureServer';

const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Runs the CLI without blocking this process, which serves the pages it fetches. */
function add(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, join(REPO_ROOT, 'src/cli/add.ts'), ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const UZB_TEXT = `${[
  'Uzbekistan, Pakistan hold security talks',
  'TASHKENT: Uzbekistan and Pakistan held talks on border security and counter-terrorism cooperation in Tashkent on Tuesday, the foreign ministry said in a statement.',
  'The interior ministers of the two countries discussed the movement of militants across the region, the protection of trade routes and the exchange of information between their security services.',
  'Both sides agreed to meet again next year and to set up a joint working group that will report to the two ministers every six months, the statement added.',
  'Officials said the talks were the first of their kind since the two countries signed a transit agreement, and that further rounds would include experts on railway security and customs.',
].join('\n\n')}\n`;
const UZB_FILE = 'uzbekistan-pakistan-hold-security-talks.txt';

let server: FixtureServer;
let work: string;
beforeAll(async () => {
  server = await startFixtureServer();
  work = mkdtempSync(join(tmpdir(), 'atlas-add-'));
});
afterAll(() => server.close());

/** Every file in a folder with its bytes, to prove a failed run wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

describe('npm run add', () => {
  it('adds a page by URL: seed text as extracted, sources entry, review lines, rebuilt dataset; the same URL again is a no-op', async () => {
    const seeds = mkdtempSync(join(work, 'seeds-'));
    const out = join(work, 'url.json');
    const url = `${server.origin}/meta-tags`;
    const notes = join(work, 'My Notes.txt');
    const notesText = 'KABUL: Afghanistan and Iran held talks on water sharing in Kabul on Sunday, officials said.\n';
    writeFileSync(notes, notesText);
    const r = await add('--seeds', seeds, '--out', out, '--curation', 'none', url, `${server.origin}/json-ld`, notes);
    expect(r.code, r.stderr).toBe(0);
    // A text file is copied as it is, under a slug of its name, with no sources entry (nothing is known about it).
    expect(readFileSync(join(seeds, 'my-notes.txt'), 'utf8')).toBe(notesText);

    expect(readFileSync(join(seeds, UZB_FILE), 'utf8')).toBe(UZB_TEXT);
    const sources = JSON.parse(readFileSync(join(seeds, 'sources.json'), 'utf8'));
    expect(Object.keys(sources)).toEqual([UZB_FILE, 'kazakhstan-and-afghanistan-hold-consultations-in-astana.txt']);
    expect(sources[UZB_FILE]).toEqual({
      url: `${server.origin}/world/uzbekistan-pakistan-talks`, // the canonical link, made absolute
      published: '2025-03-04',
      outlet: 'The Fixture Times',
      title: 'Uzbekistan, Pakistan hold security talks',
      retrieved: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
    expect(sources['kazakhstan-and-afghanistan-hold-consultations-in-astana.txt']).toMatchObject({
      url: 'https://steppe.example/news/kaz-afg-consultations',
      published: '2024-11-12',
      outlet: 'Steppe Daily',
    });

    // What it found, then the new article's meetings in the report's own lines.
    expect(r.stdout).toContain(`added ${url}\n  file      ${seeds}/${UZB_FILE} (116 words)\n  title     Uzbekistan, Pakistan hold security talks\n  outlet    The Fixture Times\n  published 2025-03-04\n`);
    expect(r.stdout).toMatch(new RegExp(`${UZB_FILE} adds \\d+ meetings?:`));
    expect(r.stdout).toContain(`== ${UZB_FILE}  (The Fixture Times, published 2025-03-04)`);
    expect(r.stdout).toMatch(/held · bilateral · 2025-03-04 · venue Tashkent \(UZB\)/);
    expect(r.stdout).toContain('participants: PAK UZB');

    const dataset = JSON.parse(readFileSync(out, 'utf8'));
    expect(dataset.sources.find((s: { file: string }) => s.file === UZB_FILE)).toEqual({
      file: UZB_FILE,
      published: '2025-03-04',
      outlet: 'The Fixture Times',
      url: `${server.origin}/world/uzbekistan-pakistan-talks`,
      title: 'Uzbekistan, Pakistan hold security talks',
      retrieved: sources[UZB_FILE].retrieved,
    });
    const tashkent = dataset.meetings.find((m: { venuePlaceId: string | null }) => m.venuePlaceId === 'tashkent');
    expect(tashkent.date.start).toBe('2025-03-04'); // "on Tuesday" read against the page's publication day
    for (const span of tashkent.sources) expect(UZB_TEXT.slice(span.start, span.end)).toBe(span.quote);

    // Again, by the same URL and by one that redirects to the same page: nothing changes.
    const before = snapshot(seeds);
    const datasetBefore = readFileSync(out, 'utf8');
    const again = await add('--seeds', seeds, '--out', out, '--curation', 'none', url, `${server.origin}/moved`);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${url}: already added as ${UZB_FILE} (same URL ${server.origin}/world/uzbekistan-pakistan-talks); nothing to do`);
    expect(again.stdout).toContain(`${server.origin}/moved: already added as ${UZB_FILE}`);
    expect(snapshot(seeds)).toEqual(before);
    expect(readFileSync(out, 'utf8')).toBe(datasetBefore);
  }, 120_000);

  it('refuses each bad input with a message naming it and what was expected, and writes nothing', async () => {
    const seeds = mkdtempSync(join(work, 'bad-'));
    copyFileSync(join(FIXTURES, 'neither.html'), join(seeds, 'kept.html'));
    writeFileSync(join(seeds, 'sources.json'), '{ "kept.html": { "outlet": "Kept" } }\n');
    const pdf = join(work, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%fixture\n');
    const out = join(work, 'bad.json');
    const before = snapshot(seeds);
    const o = server.origin;
    const inputs = {
      [`${o}/missing`]: 'answered HTTP 404 Not Found; expected the article\'s page (200 OK)',
      [`${o}/loop-a`]: `redirects in a loop (${o}/loop-a → ${o}/loop-b → ${o}/loop-a); expected a page`,
      [`${o}/report.pdf`]: 'is a PDF; expected an HTML page (text/html)',
      [`${o}/data.json`]: 'is of type application/json; expected an HTML page (text/html)',
      [`${o}/huge-declared`]: 'is 6291456 bytes; pages over 5242880 bytes (5 MB) are not read',
      [`${o}/huge-streamed`]: 'is more than 5242880 bytes; pages over 5242880 bytes (5 MB) are not read',
      [`${o}/slow`]: 'did not answer within 1 s; expected a page',
      [`${o}/non-article`]: 'no article text found',
      [`${o}/paywall`]: 'looks like a paywall stub',
      [pdf]: 'is a PDF; expected a saved web page (.html) or plain text (.txt)',
      [join(work, 'nowhere.html')]: 'no such file; expected an http(s) URL, a saved .html page or a .txt file',
      [join(FIXTURES, 'neither.html')]: 'already added as kept.html (the same text); nothing to do',
    };
    const r = await add('--seeds', seeds, '--out', out, '--curation', 'none', '--timeout', '1', ...Object.keys(inputs));
    expect(r.code).toBe(1);
    for (const [input, message] of Object.entries(inputs)) {
      const line = `${r.stderr}\n${r.stdout}`.split('\n').find((l) => l.includes(`${input}: `));
      expect(line, input).toContain(message);
    }
    expect(r.stderr.match(/Nothing was written for it\./g)).toHaveLength(11);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(seeds)).toEqual(before);
    expect(existsSync(out)).toBe(false); // nothing added, so no rebuild
  }, 120_000);
});
