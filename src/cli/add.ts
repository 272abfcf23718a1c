/**
 * `npm run add -- <url | file.html | file.txt> [...]`: adds articles to seeds/ the way people
 * collect them, with their outlet, date, title and link, then rebuilds the dataset and
 * prints the meetings each new article adds. Thin shell: the work is in src/pipeline/pages/.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../pipeline/build/atomicWrite';
import { REPO_ROOT, runPipeline, serializeDataset } from '../pipeline/build/dataset';
import { formatMeetings, formatWarning } from '../pipeline/build/report';
import { type FoundArticle, alreadyAdded, openSeeds, readInput, seedFileName, writeSeed } from '../pipeline/pages/addArticle';
import { DEFAULT_TIMEOUT_MS } from '../pipeline/pages/fetchPage';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const HELP = `Usage: npm run add -- <url | file.html | file.txt> [...] [options]

Adds news articles to the seeds folder and rebuilds the dataset.

  URL          fetches the page (the only command that uses the network, and only for a
               URL), extracts the article's main text (Readability) and its title, outlet,
               publication day and canonical URL from the page's meta tags and JSON-LD
  file.html    a page saved from a browser, read the same way
  file.txt     plain text, copied as it is

Each article is written as seeds/<slug>.txt (the text as extracted) with its entry in
seeds/sources.json (url, published, outlet, title, retrieved); then the dataset is rebuilt
and the meetings the article adds are printed, as "npm run data -- --report" prints them.
An input already added (same URL or same text) is left alone. A page that is not an
article (no main text, a paywall stub, a PDF, a 404, a redirect loop, a timeout, another
content type, over 5 MB) is reported and nothing is written for it.

Options
  --seeds DIR        seeds folder (default: seeds/)
  --out FILE         dataset to rebuild (default: public/data/meetings.json)
  --curation FILE    curation file (default: data/curation.json; "none" for none)
  --timeout SECONDS  for fetching one URL (default: ${DEFAULT_TIMEOUT_MS / 1000})
  -h, --help         show this help

Exit codes
  0  every input added (or already there)
  1  an input could not be added (the others were)
  2  bad usage or a fatal error (seeds folder or sources.json unreadable, dataset not written)
`;

function fail(message: string, code: number = EXIT.usage): never {
  process.stderr.write(`npm run add: ${message}\n`);
  process.exit(code);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** What the page gave, one field a line, saying so where it gave nothing. */
function describe(found: FoundArticle, file: string, seedsLabel: string): string {
  const s = found.source;
  const missing = (what: string) => `(not stated${found.input.match(/^https?:/i) ? ' in the page' : ''}${what})`;
  const rows: Array<[string, string]> = [
    ['file', `${seedsLabel}/${file} (${wordCount(found.text)} words)`],
    ['title', s.title ?? missing('; the first line of the text is used')],
    ['outlet', s.outlet ?? missing('')],
    ['published', s.published ?? missing('; read from the text when it has one')],
    ['url', s.url ?? missing('')],
  ];
  if (s.retrieved) rows.push(['retrieved', s.retrieved]);
  return rows.map(([k, v]) => `  ${k.padEnd(10)}${v}`).join('\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        seeds: { type: 'string' },
        out: { type: 'string' },
        curation: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    fail(`${(e as Error).message}\nRun "npm run add -- --help" for the options.`);
  }
  const { values: args, positionals: inputs } = parsed;
  if (args.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (inputs.length === 0) fail('give at least one URL, saved .html page or .txt file.\nRun "npm run add -- --help" for the options.');
  const timeoutS = args.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(args.timeout);
  if (!(timeoutS > 0)) fail(`--timeout "${args.timeout}": expected a number of seconds above 0`);

  const seedsDir = resolve(args.seeds ?? resolve(REPO_ROOT, 'seeds'));
  const seedsLabel = args.seeds ?? 'seeds';
  const out = resolve(args.out ?? resolve(REPO_ROOT, 'public/data/meetings.json'));
  const curationPath = args.curation === 'none' ? null : args.curation ? resolve(args.curation) : undefined;

  const opened = openSeeds(seedsDir);
  if (!opened.ok) fail(opened.reason);
  const seeds = opened.value;

  let failed = 0;
  const added: string[] = [];
  for (const input of inputs) {
    const read = await readInput(input, { timeoutMs: timeoutS * 1000 });
    if (!read.ok) {
      process.stderr.write(`npm run add: ${input}: ${read.reason}. Nothing was written for it.\n`);
      failed++;
      continue;
    }
    const already = alreadyAdded(read.value, seeds);
    if (already) {
      process.stdout.write(`${input}: ${already}\n`);
      continue;
    }
    const file = seedFileName(read.value, seeds);
    writeSeed(seeds, file, read.value);
    added.push(file);
    process.stdout.write(`added ${input}\n${describe(read.value, file, seedsLabel)}\n`);
  }

  if (added.length > 0) {
    let result;
    try {
      result = runPipeline({ seedsDir, curationPath });
      writeFileAtomic(out, serializeDataset(result.dataset));
    } catch (e) {
      fail(`the article${added.length > 1 ? 's were' : ' was'} added to ${seedsLabel}/ but the dataset was not rebuilt (${(e as Error).message}); fix that and run "npm run data"`);
    }
    const { dataset, why, warnings } = result;
    for (const file of added) {
      const meetings = dataset.meetings.filter((m) => m.sources[0]!.file === file);
      if (meetings.length === 0) process.stdout.write(`\n${file}: no meetings found; the article is kept (correct with data/curation.json if it reports one)\n`);
      else process.stdout.write(`\n${file} adds ${meetings.length} meeting${meetings.length === 1 ? '' : 's'}:${formatMeetings(dataset, meetings, why).join('\n')}\n`);
      for (const w of warnings.filter((x) => x.file === file)) process.stdout.write(`  warning: ${formatWarning(w)}\n`);
    }
    process.stdout.write(`\nwrote ${out}: ${dataset.meetings.length} meetings from ${dataset.sources.length} articles\n`);
  }
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`npm run add: unexpected error: ${(e as Error).message}\n`);
    process.exit(EXIT.usage);
  },
);
