/**
 * Production builds for the benchmark, into a private folder (never the shared dist/):
 * the app with its own vite.config.ts unchanged, the bare MapLibre baseline page, and the
 * deck.gl peer (bench/peer, issue 19).
 *
 * A read-only plugin records, per output chunk, how many rendered bytes each module
 * contributes. That is how the bundle report attributes bytes to maplibre-gl even when
 * it shares a chunk with our code; it does not change the output.
 */
import path from 'node:path';
import { basemapFiles } from '../src/build/basemapPlugin';
import { build, type Plugin } from 'vite';

export interface ChunkModules {
  /** Output file name relative to the build folder, e.g. "assets/index-abc.js". */
  file: string;
  /** Rendered (post-tree-shaking, pre-minification) bytes per module id. */
  modules: Record<string, number>;
}

function recordModules(into: ChunkModules[]): Plugin {
  return {
    name: 'bench-record-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules: Record<string, number> = {};
        for (const [id, info] of Object.entries(output.modules)) modules[id] = info.renderedLength;
        into.push({ file: output.fileName, modules });
      }
    },
  };
}

export interface BuildResult {
  outDir: string;
  chunks: ChunkModules[];
  ms: number;
}

export async function buildApp(root: string, outDir: string): Promise<BuildResult> {
  const chunks: ChunkModules[] = [];
  const started = performance.now();
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [recordModules(chunks)],
    // Hidden source maps (no sourceMappingURL comment; the JS is byte for byte what the
    // production build ships): bundle.ts attributes each file's bytes to src/ or to
    // node_modules from them, workers included.
    build: { outDir, emptyOutDir: true, sourcemap: 'hidden' },
  });
  return { outDir, chunks, ms: performance.now() - started };
}

/**
 * The app again, with maplibre-gl forced into a chunk of its own: only to measure our
 * share of the JavaScript exactly when the production build mixes them in one chunk.
 */
export async function buildAppSplit(root: string, outDir: string): Promise<BuildResult> {
  const chunks: ChunkModules[] = [];
  const started = performance.now();
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [recordModules(chunks)],
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: {
        output: { manualChunks: (id: string) => (/node_modules[\\/]maplibre-gl[\\/]/.test(id) ? 'maplibre-gl' : null) },
      },
    },
  });
  return { outDir, chunks, ms: performance.now() - started };
}

/** The bare MapLibre page (bench/bare) or the deck.gl peer (bench/peer): a page of the bench's own. */
export async function buildBenchPage(root: string, page: 'bare' | 'peer', outDir: string): Promise<BuildResult> {
  const chunks: ChunkModules[] = [];
  const started = performance.now();
  await build({
    root: path.join(root, 'bench', page),
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [recordModules(chunks), basemapFiles()],
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  });
  return { outDir, chunks, ms: performance.now() - started };
}
