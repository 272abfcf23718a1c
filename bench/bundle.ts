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
  /** gzip bytes of this file attributed to our code (src/) from its source map, when it has one. */
  srcGzip?: number;
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
  /**
   * Our own code (files under src/) in the JS the page loads, gzip KB, from the build's
   * source maps (every JS file, workers included); null without source maps.
   */
  srcGzipKB: number | null;
  /** How srcGzipKB was attributed. */
  srcMethod: string;
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
  const listed = ['index.html', ...listFiles(path.join(outDir, 'assets')).map((f) => `assets/${f}`), ...listFiles(path.join(outDir, 'basemap')).map((f) => `basemap/${f}`)]
    .filter((f) => !f.endsWith('.map')); // source maps are the bench's, not shipped
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
    if (text !== null && /\.m?js$/.test(file) && fs.existsSync(`${full}.map`)) {
      const groups = attributeBySourceMap(text, JSON.parse(fs.readFileSync(`${full}.map`, 'utf8')) as SourceMapLike);
      const gz = (t: string) => (t.length ? zlib.gzipSync(t, { level: 9 }).length : 0);
      const parts = { src: gz(groups.src), other: gz(groups.other), maplibre: gz(groups.maplibre) };
      const sum = parts.src + parts.other + parts.maplibre;
      // Each group gzipped alone, the file's real gzip size shared out in those proportions.
      entry.srcGzip = sum > 0 ? (entry.gzip * parts.src) / sum : 0;
    }
    files.push(entry);
  }

  const byKind: BundleReport['byKind'] = {};
  const total = { raw: 0, gzip: 0 };
  for (const f of files) {
    let k = byKind[f.kind];
    if (!k) {
      k = { raw: 0, gzip: 0 };
      byKind[f.kind] = k;
    }
    k.raw += f.raw;
    k.gzip += f.gzip;
    total.raw += f.raw;
    total.gzip += f.gzip;
  }
  const ownJs = files.filter((f) => f.kind === 'js');
  const ownGzip = ownJs.reduce((sum, f) => sum + f.gzip * (1 - (f.maplibreShare ?? 0)), 0);
  const mapped = ownJs.length > 0 && ownJs.every((f) => f.srcGzip !== undefined);
  const srcGzip = ownJs.reduce((sum, f) => sum + (f.srcGzip ?? 0), 0);
  return {
    files,
    byKind,
    total,
    ownGzipKB: Math.round(ownGzip / 100) / 10,
    srcGzipKB: mapped ? Math.round(srcGzip / 100) / 10 : null,
    srcMethod: mapped
      ? 'per JS file (workers included), the minified text split by its source map into src/ and everything else (node_modules, bundler glue), each part gzipped alone, the file\'s gzip size shared in those proportions'
      : 'no source maps next to the JS files',
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

interface SourceMapLike {
  sources: string[];
  mappings: string;
}

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** One source-map segment's fields (base64 VLQ, deltas as written). */
function decodeSegment(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.get(ch);
    if (digit === undefined) throw new Error(`bad source map character "${ch}"`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * The generated text of a bundle split by where each span came from: our code (a source
 * under src/), maplibre-gl, or anything else (other packages, bundler glue, unmapped spans).
 * A span runs from one mapping to the next on its generated line.
 */
export function attributeBySourceMap(code: string, map: SourceMapLike): { src: string; maplibre: string; other: string } {
  const groupOf = map.sources.map((s): 'src' | 'maplibre' | 'other' =>
    MAPLIBRE.test(s) ? 'maplibre' : /node_modules/.test(s) ? 'other' : /(^|[\\/])src[\\/]/.test(s) ? 'src' : 'other',
  );
  const out = { src: [] as string[], maplibre: [] as string[], other: [] as string[] };
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let source = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l] as string;
    const segments = (mappingLines[l] ?? '').split(',').filter(Boolean);
    let column = 0;
    let spanStart = 0;
    let spanGroup: 'src' | 'maplibre' | 'other' = 'other';
    for (const segment of segments) {
      const f = decodeSegment(segment);
      column += f[0] ?? 0;
      if (column > spanStart) out[spanGroup].push(line.slice(spanStart, column));
      spanStart = Math.max(spanStart, column);
      if (f.length >= 4) {
        source += f[1] ?? 0;
        spanGroup = groupOf[source] ?? 'other';
      } else spanGroup = 'other';
    }
    out[spanGroup].push(line.slice(spanStart), '\n');
  }
  return { src: out.src.join(''), maplibre: out.maplibre.join(''), other: out.other.join('') };
}
