/**
 * npm run synth -- --meetings N [--seed S] --out FILE
 * npm run synth -- --corpus N [--seed S] --out DIR
 *
 * Synthetic inputs for the benchmark (issue 6): a dataset of N meetings at real places,
 * or a corpus of N articles with their answer key. Same arguments, same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDataset } from '../dataset/schema';
import { generateDataset } from '../synth/dataset';
import { generateCorpus } from '../synth/corpus';
import { loadWorld } from '../synth/world';

const HELP = `Usage:
  npm run synth -- --meetings N [--seed S] --out FILE [--no-check]
      Writes a synthetic dataset (schemaVersion 2) with N meetings at real places.
  npm run synth -- --corpus N [--seed S] --out DIR
      Writes N synthetic articles in the development set's layout (../shared/devset/
      README.md): DIR/articles/NNNNN_synthetic.txt, DIR/sources.json, DIR/answers.json.
      Score the pipeline on it with: npm run eval -- --set DIR

Options:
  --seed S      any integer or word (default 1); the same arguments give the same bytes
  --no-check    skip validating the dataset against the schema (saves ~1 s per 100k)
  --help        this text

Exit codes: 0 written; 1 the output could not be written or failed validation; 2 bad arguments.`;

class UsageError extends Error {}

interface Args {
  meetings: number | null;
  corpus: number | null;
  seed: string;
  out: string | null;
  check: boolean;
}

function parseCount(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number ≥ 0, got ${value === undefined ? 'nothing' : `"${value}"`}`);
  return Number(value);
}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { meetings: null, corpus: null, seed: '1', out: null, check: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--meetings':
        args.meetings = parseCount(flag, value);
        i++;
        break;
      case '--corpus':
        args.corpus = parseCount(flag, value);
        i++;
        break;
      case '--seed':
        if (value === undefined || value.startsWith('--')) throw new UsageError('--seed expects a value');
        args.seed = value;
        i++;
        break;
      case '--out':
        if (value === undefined || value.startsWith('--')) throw new UsageError('--out expects a path');
        args.out = value;
        i++;
        break;
      case '--no-check':
        args.check = false;
        break;
      default:
        throw new UsageError(`unknown argument "${flag}"`);
    }
  }
  if ((args.meetings === null) === (args.corpus === null)) throw new UsageError('give exactly one of --meetings N or --corpus N');
  if (!args.out) throw new UsageError('--out is required');
  return args;
}

/** Numeric seeds stay numbers so "--seed 7" and generateDataset({ seed: 7 }) agree. */
function seedOf(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

function main(argv: string[]): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`synth: ${error.message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
  if (args === 'help') {
    console.log(HELP);
    return 0;
  }
  const out = args.out as string;
  const started = performance.now();
  const world = loadWorld();

  if (args.meetings !== null) {
    const dataset = generateDataset(world, { meetings: args.meetings, seed: seedOf(args.seed) });
    if (args.check) {
      const parsed = parseDataset(dataset);
      if (!parsed.ok) {
        console.error(`synth: the generated dataset fails the schema (a generator bug):\n${parsed.problems.slice(0, 20).join('\n')}`);
        return 1;
      }
    }
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeAtomically(out, `${JSON.stringify(dataset)}\n`);
    const ms = performance.now() - started;
    console.log(`synth: ${dataset.meetings.length} meetings, ${dataset.sources.length} sources, ${dataset.places.length} places → ${out} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB, ${ms.toFixed(0)} ms)`);
    return 0;
  }

  const corpus = generateCorpus(world, { articles: args.corpus as number, seed: seedOf(args.seed) });
  // The development set's layout, so `npm run eval -- --set DIR` scores the pipeline on it.
  fs.mkdirSync(path.join(out, 'articles'), { recursive: true });
  for (const article of corpus.articles) fs.writeFileSync(path.join(out, 'articles', article.file), article.text);
  writeAtomically(path.join(out, 'sources.json'), `${JSON.stringify(corpus.sources, null, 2)}\n`);
  writeAtomically(path.join(out, 'answers.json'), `${JSON.stringify(corpus.answers, null, 2)}\n`);
  const meetings = corpus.answers.reduce((n, a) => n + a.meetings.length, 0);
  console.log(`synth: ${corpus.articles.length} articles with ${meetings} expected meetings → ${out}/ (${(performance.now() - started).toFixed(0)} ms)`);
  return 0;
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

process.exitCode = main(process.argv.slice(2));
