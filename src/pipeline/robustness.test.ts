/**
 * Hostile inputs through the real CLI (`src/cli/data.ts`), as a person would run it: empty,
 * binary, latin-1, 20 MB and endless-line files, markup, mixed scripts, impossible dates,
 * unknown and ambiguous places, malformed sources.json and curation files, a duplicate
 * article. For each: the documented exit code, a warning naming the file and the problem,
 * the good files still processed, the previous dataset untouched when a run fails, and a
 * bounded run time (every CLI run is killed after RUN_LIMIT_MS).
 *
 * Committed fixtures are small (fixtures/hostile/); large and binary files are generated
 * here into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDataset, type Dataset } from '../dataset/schema';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/hostile/', import.meta.url).pathname;
const GOOD_SEED = join(ROOT, 'seeds/004_51775dee696ea5f7.txt');
/** A CLI run that takes longer is a hang (a clean run of these seeds takes 5 to 20 s on a loaded 2-core machine). */
const RUN_LIMIT_MS = 100_000;

interface Run {
  status: number | null;
  stderr: string;
  ms: number;
}

function runData(args: string[]): Run {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/data.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: RUN_LIMIT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - t0;
  if (r.error) throw new Error(`npm run data did not finish in ${RUN_LIMIT_MS} ms (${r.error.message}); stderr:\n${r.stderr}`);
  return { status: r.status, stderr: r.stderr, ms };
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'atlas-robustness-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('npm run data on a folder of hostile files', () => {
  let seeds: string;
  let out: string;
  let run: Run;
  let dataset: Dataset;

  beforeAll(() => {
    seeds = join(work, 'mixed');
    mkdirSync(seeds);
    for (const f of ['markup.txt', 'mixed-scripts.txt', 'impossible-dates.txt', 'places.txt', 'sources.json']) copyFileSync(join(FIXTURES, f), join(seeds, f));
    copyFileSync(GOOD_SEED, join(seeds, 'good.txt'));
    copyFileSync(GOOD_SEED, join(seeds, 'good-copy.txt')); // the same article under a second name
    writeFileSync(join(seeds, 'empty.txt'), '');
    writeFileSync(join(seeds, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(seeds, 'latin1.txt'), Buffer.from('KABUL: Caf\xe9 talks between Pakistan and Afghanistan in Kabul on Monday.\n', 'latin1'));
    writeFileSync(join(seeds, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'Officials met in Kabul. '));
    // One line of about 1 MB with no line break: real article text repeated.
    const line = readFileSync(join(ROOT, 'seeds/000_40685300e417c72f.txt'), 'utf8').replace(/\s*\n\s*/g, ' ');
    writeFileSync(join(seeds, 'endless.txt'), line.repeat(Math.ceil(1_000_000 / line.length)));
    // No sentence end at all in its first 100k characters (one run-on line), and a page of furniture only.
    writeFileSync(join(seeds, 'run-on.txt'), 'officials of Pakistan and Afghanistan held talks in Kabul '.repeat(3000));
    writeFileSync(join(seeds, 'furniture.txt'), 'Home\nWorld news\nShare this story\nMost read stories of the week in the region\n');
    out = join(work, 'mixed-out', 'meetings.json');
    run = runData(['--seeds', seeds, '--out', out, '--curation', join(FIXTURES, 'curation-malformed.json')]);
    const checked = parseDataset(JSON.parse(readFileSync(out, 'utf8')));
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    dataset = checked.dataset;
  }, RUN_LIMIT_MS + 30_000);

  it('exits 0 (warnings only) within the time limit and writes a dataset that passes the schema', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.ms).toBeLessThan(RUN_LIMIT_MS);
    expect(run.stderr).toMatch(/wrote .*meetings\.json: \d+ meetings/);
  });

  it('names each bad file and its problem', () => {
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    const expectWarning = (re: RegExp) => expect(warnings.some((w) => re.test(w)), `no warning matching ${re} in:\n${warnings.join('\n')}`).toBe(true);
    expectWarning(/^warning: empty\.txt: the file is empty/);
    expectWarning(/^warning: binary\.txt: the file holds a NUL byte at offset 8; expected plain text/);
    expectWarning(/^warning: latin1\.txt: the file is not valid UTF-8/);
    expectWarning(/^warning: huge\.txt: the file is 20971520 bytes; articles over \d+ bytes \(5 MB\) are not read/);
    expectWarning(/^warning: sources\.json \(line 5, column 1\): is not valid JSON/);
    // The JSON error is located even where V8 names only the token (a trailing comma before "]").
    expectWarning(/^warning: .*curation-malformed\.json \(line 1, column 96\): is not valid JSON/);
    expectWarning(/^warning: places\.txt \(meeting \S+\): no venue: "Zzyzxqorabad" is not a city the gazetteer knows/);
    expectWarning(/^warning: places\.txt \(meeting \S+\): venue "Springfield" is ambiguous/);
    expectWarning(/^warning: good\.txt: the same text as good-copy\.txt; a duplicate article is read once/);
    // No stack traces: every message is for a person.
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('still processes the good files: their meetings are in the dataset, the duplicate only once', () => {
    const files = new Set(dataset.meetings.map((m) => m.sources[0]!.file));
    for (const f of ['good-copy.txt', 'endless.txt', 'markup.txt', 'mixed-scripts.txt', 'impossible-dates.txt', 'places.txt']) expect(files, f).toContain(f);
    for (const f of ['good.txt', 'empty.txt', 'binary.txt', 'latin1.txt', 'huge.txt']) expect(files, f).not.toContain(f);
    expect(dataset.sources.map((s) => s.file)).not.toContain('good.txt');
    // The good seed's known meeting (Jilani and Qomi, Islamabad, 2024-01-15) survives.
    expect(dataset.meetings.find((m) => m.id === 'good-copy-132')).toMatchObject({ venuePlaceId: 'islamabad', date: { start: '2024-01-15' } });
  });

  it('keeps every evidence quote verbatim: markup and right-to-left text stay text, spans equal their quotes', () => {
    for (const m of dataset.meetings) {
      for (const s of m.sources) {
        const text = readFileSync(join(seeds, s.file), 'utf8');
        expect(text.slice(s.start, s.end), `${m.id} ${s.file}:${s.start}-${s.end}`).toBe(s.quote);
      }
    }
    const markup = dataset.meetings.filter((m) => m.sources[0]!.file === 'markup.txt');
    expect(markup.flatMap((m) => m.sources.map((s) => s.quote)).join(' ')).toContain('<script>alert("xss-script")</script>');
  });

  it('names each impossible day with its file, line and words, a file with no sentence end, and a page with no article body', () => {
    expect(run.stderr).toMatch(/warning: impossible-dates\.txt \(line 1\): "February 30, 2024" is not a calendar day; expected a real day of that month/);
    expect(run.stderr).toMatch(/warning: impossible-dates\.txt \(line 2\): "April 31" is not a calendar day/);
    expect(run.stderr).toMatch(/warning: impossible-dates\.txt \(line 3\): "31\.02\.2023" is not a calendar day/);
    expect(run.stderr).toMatch(/warning: run-on\.txt \(line 1\): no sentence end \(\. ! \?\) in its first 100,000 characters/);
    expect(run.stderr).toMatch(/warning: furniture\.txt: no article body found, only page furniture/);
    // The endless line of real sentences has sentence ends: no such warning for it.
    expect(run.stderr).not.toMatch(/warning: endless\.txt \(line 1\): no sentence end/);
  });

  it('reads no impossible day ("February 30", "April 31") as a date, and leaves unknown places without a venue', () => {
    for (const m of dataset.meetings.filter((x) => x.sources[0]!.file === 'impossible-dates.txt')) {
      expect(m.date.start === null || !/-02-3\d|-04-31/.test(m.date.start)).toBe(true);
    }
    const unknown = dataset.meetings.find((m) => m.sources[0]!.file === 'places.txt' && m.sources[0]!.quote.includes('Zzyzxqorabad'));
    expect(unknown?.venuePlaceId ?? null).toBeNull();
    expect(dataset.places.map((p) => p.id)).not.toContain('zzyzxqorabad');
  });
});

describe('a failing run leaves the previous dataset intact', () => {
  it('--strict with bad sources.json entries and bad curation entries: exit 1, each problem named, nothing written', () => {
    const seeds = join(work, 'strict');
    mkdirSync(seeds);
    copyFileSync(GOOD_SEED, join(seeds, 'good.txt'));
    copyFileSync(join(FIXTURES, 'sources-bad-entries.json'), join(seeds, 'sources.json'));
    const outDir = join(work, 'strict-out');
    mkdirSync(outDir);
    const out = join(outDir, 'meetings.json');
    const previous = '{"previous": "dataset", "bytes": "must survive"}\n';
    writeFileSync(out, previous);

    const run = runData(['--seeds', seeds, '--out', out, '--curation', join(FIXTURES, 'curation-bad-entries.json'), '--strict']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/warning: sources\.json \(good\.txt\.published\): "2024-02-30" is not valid; expected a real calendar day/);
    expect(run.stderr).toMatch(/warning: sources\.json \(good\.txt\.url\): 42 is not valid; expected an absolute http\(s\) URL/);
    expect(run.stderr).toMatch(/warning: sources\.json \(good\.txt\.colour\): unknown field/);
    expect(run.stderr).toMatch(/warning: sources\.json \(missing\.txt\): names a file that is not in the seeds folder/);
    expect(run.stderr).toMatch(/warning: sources\.json \(other\.txt\): expected an object/);
    expect(run.stderr).toMatch(/warning: .*curation-bad-entries\.json \(entries\[0\]\)/);
    expect(run.stderr).toMatch(/warning: .*curation-bad-entries\.json \(entries\[1\]\)/);
    expect(run.stderr).toMatch(/--strict: nothing written/);
    expect(readFileSync(out, 'utf8')).toBe(previous);
    expect(readdirSync(outDir)).toEqual(['meetings.json']); // no temporary file left behind
  }, RUN_LIMIT_MS + 30_000);

  it('a seeds folder that does not exist: exit 2, the folder named, the previous dataset unchanged', () => {
    const out = join(work, 'missing-out.json');
    writeFileSync(out, 'previous\n');
    const missing = join(work, 'no-such-folder');
    const run = runData(['--seeds', missing, '--out', out]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`cannot read the seeds folder ${missing} (ENOENT)`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  }, RUN_LIMIT_MS + 30_000);
});
