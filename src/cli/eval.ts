/**
 * `npm run eval`: scores the extraction rules against a hand-made answer key.
 * Default: the seeds with data/seed-answers.json; `--set DIR` for a folder in the
 * development set's format (DIR/articles/*.txt, DIR/sources.json, DIR/answers.json).
 * Curation is not applied: the figures are the rules' own.
 */
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, runPipeline } from '../pipeline/build/dataset';
import { readJsonFile, type Warning } from '../pipeline/build/inputs';
import { formatWarning } from '../pipeline/build/report';
import { parseAnswerKey, withPeople } from '../pipeline/evaluate/answerKey';
import { half, score } from '../pipeline/evaluate/score';
import { formatScores, formatStrict } from '../pipeline/evaluate/table';
import { loadGazetteer } from '../pipeline/places/gazetteer';

const HELP = `Usage: npm run eval -- [options]

Runs the pipeline on a set of articles and scores it against a hand-made answer key:
meeting recall and precision, day-exact dates, participants F1, venue distance, and
people precision and recall where the key lists people.

Options
  --set DIR    a folder in the development set's format: DIR/articles/*.txt,
               DIR/sources.json, DIR/answers.json (see ../shared/devset/README.md).
               Default: seeds/ with seeds/sources.json (if any) and data/seed-answers.json
  --people F   people added to the set's key (a JSON list of {article, evidence, people});
               default with --set: data/<set folder name>-people.json when it exists
               (data/devset-people.json for ../shared/devset)
  --verbose    list every matched, missed and extra meeting with its differences
  --json       print the scores as JSON instead of a table
  -h, --help   show this help

Exit codes: 0 scored; 2 bad usage or an unreadable set or key.
`;

function fail(message: string): never {
  process.stderr.write(`npm run eval: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        set: { type: 'string' },
        people: { type: 'string' },
        verbose: { type: 'boolean', short: 'v', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\nRun "npm run eval -- --help" for the options.`);
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  let seedsDir: string;
  let sourcesPath: string;
  let keyPath: string;
  let label: string;
  if (args.set) {
    const dir = resolve(args.set);
    seedsDir = join(dir, 'articles');
    sourcesPath = join(dir, 'sources.json');
    keyPath = join(dir, 'answers.json');
    label = args.set;
    if (!existsSync(seedsDir)) fail(`${seedsDir} does not exist; --set expects a folder with articles/, sources.json and answers.json`);
    if (!existsSync(keyPath)) fail(`${keyPath} does not exist; --set expects a folder with articles/, sources.json and answers.json`);
  } else {
    seedsDir = join(REPO_ROOT, 'seeds');
    sourcesPath = join(seedsDir, 'sources.json');
    keyPath = join(REPO_ROOT, 'data/seed-answers.json');
    label = 'seeds/ (key: data/seed-answers.json)';
  }
  const warnings: Warning[] = [];
  const keyJson = readJsonFile(keyPath, keyPath, warnings);
  if (keyJson === undefined) fail(warnings.map(formatWarning).join('\n'));
  let key;
  try {
    key = parseAnswerKey(keyJson, keyPath);
    // People keyed for a set whose own key is read-only: data/<set folder>-people.json.
    const peoplePath = args.people ? resolve(args.people) : args.set ? join(REPO_ROOT, 'data', `${basename(resolve(args.set))}-people.json`) : null;
    if (peoplePath && existsSync(peoplePath)) {
      const json = readJsonFile(peoplePath, peoplePath, warnings);
      if (json === undefined) fail(warnings.map(formatWarning).join('\n'));
      key = withPeople(key, json, peoplePath);
      label += ` + people from ${relative(REPO_ROOT, peoplePath)}`;
    } else if (args.people) fail(`${args.people} does not exist; --people expects a JSON file of people added to the key (see data/devset-people.json)`);
  } catch (e) {
    fail((e as Error).message);
  }
  const result = runPipeline({ seedsDir, sourcesPath, curationPath: null });
  const gazetteer = loadGazetteer();
  const inputs = {
    key,
    dataset: result.dataset,
    texts: result.texts,
    locate: (city: string, iso3: string | null) => gazetteer.resolveCity(city, iso3 ? { countryIso3: [iso3] } : undefined),
  };
  const scores = score(inputs);
  const odd = score({ ...inputs, only: (f) => half(f) === 'odd' });
  const even = score({ ...inputs, only: (f) => half(f) === 'even' });
  if (args.json) {
    const totals = ({ articles, ...rest }: typeof scores) => rest;
    const perArticle = scores.articles.map((a) => ({ article: a.article, key: a.keyCount, predicted: a.predictedCount, matched: a.matched, strict: a.strictPairs.length }));
    process.stdout.write(`${JSON.stringify({ set: label, ...totals(scores), halves: { odd: totals(odd), even: totals(even) }, articles: perArticle }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`Evaluation on ${label}: whole set and halves (odd- and even-numbered files)\n\n`);
  process.stdout.write(formatStrict([['whole', scores], ['odd half', odd], ['even half', even]]));
  process.stdout.write('\n');
  process.stdout.write(formatScores(label, scores, args.verbose));
  for (const w of result.warnings) process.stderr.write(`warning: ${formatWarning(w)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`npm run eval: unexpected error: ${(e as Error).message}\n`);
  process.exit(2);
}
