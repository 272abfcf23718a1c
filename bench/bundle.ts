/**
 * Bundle sizes of a production build: raw and gzip bytes per file under assets/ (and the
 * page), by kind, and the figure the budget is about: our JavaScript plus dependencies
 * other than maplibre-gl, gzip. maplibre-gl's share of a chunk comes from the build's
 * per-module rendered lengths (see build.ts): a chunk made only of maplibre counts fully
 * as maplibre; a mixed chunk is split in proportion to rendered bytes (reported as an
 * estimate, and the report says so).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { ChunkModules } from './build';

export type FileKind = 'js' | 'maplibre-js' | 'worker' | 'css' | 'font' | 'basemap' | 'html' | 'other';

export interface BundleFile {
  file: string;
  kind: FileKind;
  raw: number;
  gzip: number;
  /** For JS chunks: the share of rendered bytes that is maplibre-gl (0..1). */
  maplibreShare?: number;
}

export interface BundleReport {
  files: BundleFile[];
  byKind: Record<string, { raw: number; gzip: number }>;
  total: { raw: number; gzip: number };
  /** Our JS + non-maplibre dependencies, gzip, in KB (1 KB = 1000 bytes, as bundlers print). */
  ownGzipKB: number;
  /** True when maplibre-gl had a chunk of its own, so ownGzipKB is exact. */
  maplibreSeparate: boolean;
  /** Per dependency (node_modules package), rendered bytes before minification, largest first. */
  dependencies: Array<{ name: string; rendered: number }>;
}

const MAPLIBRE = /node_modules[\\/]maplibre-gl[\\/]/;

function kindOf(file: string, text: string | null): FileKind {
  if (/\.html$/.test(file)) return 'html';
  if (/\.css$/.test(file)) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(file)) return 'font';
  if (/\.json$/.test(file)) return 'basemap';
  // 'worker' is maplibre-gl's; a worker of our own (the comets, cometWorker.ts) is our JS.
  if (/\.m?js$/.test(file)) return /maplibre/i.test(path.basename(file)) && (/worker/i.test(path.basename(file)) || (text !== null && /^self\.onmessage|WorkerGlobalScope/.test(text.slice(0, 2000)))) ? 'worker' : 'js';
  return 'other';
}

function packageOf(id: string): string | null {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id.replace(/^\0/, ''));
  return m ? (m[1] as string).replace(/\\/g, '/') : null;
}

export function measureBundle(outDir: string, chunks: readonly ChunkModules[]): BundleReport {
  const files: BundleFile[] = [];
  // The page, its assets and the basemap files the build writes (not the dataset: data, not code).
  const listed = ['index.html', ...listFiles(path.join(outDir, 'assets')).map((f) => `assets/${f}`), ...listFiles(path.join(outDir, 'basemap')).map((f) => `basemap/${f}`)];
  const rendered = new Map(chunks.map((c) => [c.file, c.modules]));
  const deps = new Map<string, number>();

  for (const file of listed) {
    const full = path.join(outDir, file);
    if (!fs.existsSync(full)) continue;
    const bytes = fs.readFileSync(full);
    const text = /\.(m?js|css|html|json)$/.test(file) ? bytes.toString('utf8') : null;
    let kind = kindOf(file, text);
    const entry: BundleFile = { file, kind, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    const modules = rendered.get(file);
    if (modules && kind === 'js') {
      let total = 0;
      let maplibre = 0;
      for (const [id, length] of Object.entries(modules)) {
        total += length;
        if (MAPLIBRE.test(id)) maplibre += length;
        const pkg = packageOf(id) ?? '(our code)';
        deps.set(pkg, (deps.get(pkg) ?? 0) + length);
      }
      entry.maplibreShare = total > 0 ? maplibre / total : 0;
      if (entry.maplibreShare > 0.98) kind = entry.kind = 'maplibre-js';
    }
    if (kind === 'worker') deps.set('maplibre-gl (worker)', (deps.get('maplibre-gl (worker)') ?? 0) + bytes.length);
    files.push(entry);
  }

  const byKind: BundleReport['byKind'] = {};
  const total = { raw: 0, gzip: 0 };
  for (const f of files) {
    const k = (byKind[f.kind] ??= { raw: 0, gzip: 0 });
    k.raw += f.raw;
    k.gzip += f.gzip;
    total.raw += f.raw;
    total.gzip += f.gzip;
  }
  const ownJs = files.filter((f) => f.kind === 'js');
  const ownGzip = ownJs.reduce((sum, f) => sum + f.gzip * (1 - (f.maplibreShare ?? 0)), 0);
  return {
    files,
    byKind,
    total,
    ownGzipKB: Math.round(ownGzip / 100) / 10,
    maplibreSeparate: ownJs.every((f) => (f.maplibreShare ?? 0) < 0.02),
    dependencies: [...deps.entries()].map(([name, size]) => ({ name, rendered: size })).sort((a, b) => b.rendered - a.rendered),
  };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
