import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../pipeline/build/dataset';

const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

function data(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, join(REPO_ROOT, 'src/cli/data.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function seedsWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const GOOD = 'ISLAMABAD: Pakistan and Afghanistan held talks in Islamabad on Thursday, officials said.\n';

describe('npm run data', () => {
  it('skips empty, binary and non-UTF-8 files with a warning naming each, and writes the rest (exit 0)', () => {
    const seeds = seedsWith({
      'good.txt': GOOD,
      'empty.txt': '',
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'latin1.txt': Buffer.from([0x4b, 0x61, 0x62, 0x75, 0x6c, 0xe9, 0x20]),
      'sources.json': '{ "good.txt": { "published": "2014-06-26" }, "empty.txt": { "published": "26/06/2014" } }',
    });
    const out = join(seeds, 'out.json');
    const r = data('--seeds', seeds, '--out', out, '--curation', 'none');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: empty.txt: the file is empty');
    expect(r.stderr).toContain('warning: image.txt: the file holds a NUL byte');
    expect(r.stderr).toContain('warning: latin1.txt: the file is not valid UTF-8');
    expect(r.stderr).toContain('warning: sources.json (empty.txt.published): "26/06/2014" is not valid');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.meetings).toHaveLength(1);
    expect(written.meetings[0]).toMatchObject({ venuePlaceId: 'islamabad', date: { start: '2014-06-26' }, participants: ['AFG', 'PAK'] });
  }, 120_000);

  it('--strict fails on warnings and leaves the previous dataset intact (exit 1)', () => {
    const seeds = seedsWith({ 'good.txt': GOOD, 'empty.txt': '' });
    const out = join(seeds, 'out.json');
    writeFileSync(out, 'previous');
    const r = data('--seeds', seeds, '--out', out, '--strict', '--curation', 'none');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--strict');
    expect(readFileSync(out, 'utf8')).toBe('previous');
  }, 120_000);

  it('--check exits 1 when the dataset differs from what the seeds produce, 0 when it matches', () => {
    const seeds = seedsWith({ 'good.txt': GOOD });
    const out = join(seeds, 'out.json');
    expect(data('--seeds', seeds, '--out', out, '--check', '--curation', 'none').code).toBe(1);
    expect(data('--seeds', seeds, '--out', out, '--curation', 'none').code).toBe(0);
    const first = readFileSync(out, 'utf8');
    const check = data('--seeds', seeds, '--out', out, '--check', '--curation', 'none');
    expect(check.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
  }, 120_000);

  it('reports bad usage and a missing seeds folder with exit 2 and no stack trace', () => {
    const unknown = data('--sedes', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--help');
    const missing = data('--seeds', join(tmpdir(), 'no-such-folder-here'), '--out', join(tmpdir(), 'x.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the seeds folder');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('names the curation entry and field that is wrong, and still builds', () => {
    const seeds = seedsWith({ 'good.txt': GOOD });
    const curation = join(seeds, 'curation.json');
    writeFileSync(curation, JSON.stringify({ entries: [{ meeting: 'good-0', set: { status: 'maybe' }, note: 'x', source: 'seed' }, { meeting: 'nope', set: { status: 'held' }, note: 'why not', source: 'seed good.txt' }] }));
    const r = data('--seeds', seeds, '--out', join(seeds, 'out.json'), '--curation', curation);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/curation\.json \(entries\[0\]\): skipped: .*status/);
    expect(r.stderr).toMatch(/curation\.json \(entries\[1\]\.meeting\): no meeting has id "nope"/);
  }, 120_000);

  it('--help documents the options and exit codes; --json-schema prints the schema', () => {
    const help = data('--help');
    expect(help.code).toBe(0);
    for (const word of ['--seeds', '--out', '--check', '--report', '--strict', '--json-schema', 'Exit codes']) expect(help.stdout).toContain(word);
    const schema = JSON.parse(data('--json-schema').stdout);
    expect(schema.properties.meetings.items.required).toContain('venuePlaceId');
    // It says what schemaVersion 2 changed, where a reader of the schema looks.
    expect(schema.properties.schemaVersion.description).toMatch(/version 2 added meetings\[\]\.people/);
    expect(schema.properties.meetings.items.properties.people.description).toMatch(/^Added in schemaVersion 2/);
  }, 120_000);

  it('reads a saved page in seeds/ as its main text and metadata; evidence offsets point into the text --text prints', () => {
    const seeds = seedsWith({});
    copyFileSync(join(REPO_ROOT, 'src/pipeline/pages/fixtures/comments.html'), join(seeds, 'iran.html'));
    const out = join(seeds, 'out.json');
    const r = data('--seeds', seeds, '--out', out, '--curation', 'none', '--report');
    expect(r.code, r.stderr).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.sources).toEqual([{ file: 'iran.html', published: '2023-09-18', outlet: 'Frontier Post Fixture', title: 'Iran and Pakistan discuss border security' }]);
    expect(r.stdout).toContain('== iran.html  (Frontier Post Fixture, published 2023-09-18)');
    const islamabad = written.meetings.find((m: { venuePlaceId: string }) => m.venuePlaceId === 'islamabad');
    expect(islamabad.participants).toEqual(['IRN', 'PAK']);
    expect(islamabad.date.start).toBe('2023-09-18'); // "on Monday", read against the page's publication day
    const text = data('--text', join(seeds, 'iran.html'));
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Iran and Pakistan discuss border security\n\nISLAMABAD: /);
    for (const m of written.meetings) for (const span of m.sources) expect(text.stdout.slice(span.start, span.end)).toBe(span.quote);
    // The comment thread and related stories are not part of the text, so never a meeting.
    expect(text.stdout).not.toMatch(/Doha|Kazan|Beijing/);
  }, 120_000);

  it('the bundled seeds build the committed dataset exactly (what CI checks)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const out = join(dir, 'meetings.json');
    copyFileSync(join(REPO_ROOT, 'public/data/meetings.json'), out);
    const r = data('--out', out, '--check', '--strict');
    expect(r.stderr).toContain('up to date');
    expect(r.code).toBe(0);
  }, 120_000);
});
