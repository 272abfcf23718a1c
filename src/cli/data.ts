/**
 * `npm run data`: builds the dataset the app loads from the articles in seeds/.
 * Thin shell: argument parsing, file writing and exit codes; the work is in src/pipeline/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { Dataset } from '../dataset/schema';
import { writeFileAtomic } from '../pipeline/build/atomicWrite';
import { DatasetInvalidError, REPO_ROOT, readDatasetFile, runPipeline, serializeDataset } from '../pipeline/build/dataset';
import { readArticleBytes } from '../pipeline/build/inputs';
import { formatReport, formatWarning } from '../pipeline/build/report';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const HELP = `Usage: npm run data -- [options]

Builds the meetings dataset from plain-text news articles.

Options
  --seeds DIR      folder of *.txt articles and an optional sources.json (default: seeds/)
  --out FILE       dataset to write (default: public/data/meetings.json, the file the app loads)
  --curation FILE  human corrections and additions (default: data/curation.json; "none" for none)
  --check          write nothing; exit 1 when FILE is not exactly what the seeds produce
  --report         print a review table: every meeting with date, venue, participants,
                   status, confidence, evidence and the rules that fired; then warnings
                   and everything skipped, with why
  --strict         treat every warning as a failure (exit 1, nothing written)
  --json-schema    print the dataset's JSON Schema (generated from src/dataset/schema.ts)
  --text FILE      print the text the pipeline reads from an article file (a .txt as it
                   is, a saved .html page's extracted main text): the text evidence
                   offsets (file:start-end in --report) point into
  -h, --help       show this help

Inputs
  DIR/*.txt        UTF-8 plain text; a file may hold several articles and page clutter
                   (comments, link lists and share buttons are never sources of facts).
  DIR/*.html       a saved web page: its main text (Readability) and its title, outlet,
                   publication day and canonical URL from meta tags and JSON-LD.
                   Empty, binary (NUL bytes), non-UTF-8 and oversized (> 5 MB) files are
                   skipped with a warning naming the file.
  DIR/sources.json { "<file>": { "published": "YYYY-MM-DD", "url", "outlet", "title", "retrieved" } };
                   for a saved page, a field given here wins over the page's own;
                   without it the publication date is read from the text, or stays unknown.

Output is validated against the schema, written atomically (temporary file, then rename:
a failed run leaves the previous dataset intact) and byte-identical for the same inputs.

Exit codes
  0  dataset written (or --check: up to date)
  1  --check: the dataset on disk differs from what the seeds produce;
     --strict: there were warnings
  2  bad usage or a fatal error (unreadable seeds folder, output not writable,
     dataset failing its schema)
`;

function fail(message: string, code: number = EXIT.usage): never {
  process.stderr.write(`npm run data: ${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        seeds: { type: 'string' },
        out: { type: 'string' },
        curation: { type: 'string' },
        check: { type: 'boolean', default: false },
        report: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'json-schema': { type: 'boolean', default: false },
        text: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\nRun "npm run data -- --help" for the options.`);
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  if (args['json-schema']) {
    process.stdout.write(`${JSON.stringify(z.toJSONSchema(Dataset, { unrepresentable: 'any' }), null, 2)}\n`);
    return;
  }
  if (args.text !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(args.text));
    } catch (e) {
      fail(`--text ${args.text}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}); expected an article file (.txt, .html)`);
    }
    const read = readArticleBytes(args.text, bytes);
    if (!read.ok) fail(`--text ${args.text}: ${read.reason}`);
    process.stdout.write(read.text);
    return;
  }
  const seedsDir = resolve(args.seeds ?? resolve(REPO_ROOT, 'seeds'));
  const out = resolve(args.out ?? resolve(REPO_ROOT, 'public/data/meetings.json'));
  const curationPath = args.curation === 'none' ? null : args.curation ? resolve(args.curation) : undefined;

  let result;
  try {
    result = runPipeline({ seedsDir, curationPath });
  } catch (e) {
    if (e instanceof DatasetInvalidError) fail(e.message);
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.code === 'EACCES') fail(`cannot read the seeds folder ${seedsDir} (${err.code}); expected a folder of .txt articles (--seeds DIR)`);
    throw e;
  }
  const { dataset, warnings, skipped, why, merges } = result;
  const content = serializeDataset(dataset);

  if (args.report) process.stdout.write(formatReport(dataset, warnings, skipped, why, merges));
  for (const w of warnings) process.stderr.write(`warning: ${formatWarning(w)}\n`);

  if (args.strict && warnings.length > 0) {
    fail(`${warnings.length} warning(s) and --strict: nothing written`, EXIT.failed);
  }
  if (args.check) {
    const current = readDatasetFile(out);
    if (current !== content) {
      fail(`${out} is ${current === null ? 'missing' : 'out of date'}: run "npm run data" and commit the result`, EXIT.failed);
    }
    process.stderr.write(`${out} is up to date (${dataset.meetings.length} meetings)\n`);
    return;
  }
  try {
    writeFileAtomic(out, content);
  } catch (e) {
    fail(`cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the previous dataset, if any, is unchanged`);
  }
  process.stderr.write(`wrote ${out}: ${dataset.meetings.length} meetings, ${dataset.places.length} places, ${dataset.states.length} states from ${dataset.sources.length} articles${warnings.length ? `, ${warnings.length} warning(s)` : ''}\n`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`npm run data: unexpected error: ${(e as Error).message}\n`);
  process.exit(EXIT.usage);
}
