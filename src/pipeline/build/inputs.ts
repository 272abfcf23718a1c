/**
 * Reading the seeds folder safely: every article file is checked (empty, binary, not UTF-8,
 * too large) and `sources.json` is validated entry by entry. A bad part becomes a warning
 * that names the file (and field) and says what was expected; the rest is used.
 * A saved web page (`.html`, `.htm`) is read as its main text and metadata
 * (src/pipeline/pages/readPage.ts); its evidence offsets point into that text.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { IsoDay } from '../../dataset/schema';
import { decodePage } from '../pages/charset';
import { httpUrl, readPage } from '../pages/readPage';

/** Largest article file read, in bytes. Real articles are a few kilobytes; 5 MB is far beyond any page. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export interface Warning {
  /** The file the problem is in (relative to the seeds folder, or a data/ path). */
  file: string;
  /** Line, field or entry, when known. */
  where?: string;
  message: string;
}

export interface ArticleFile {
  file: string;
  /** The article text: a .txt file as it is, a saved page's extracted main text. */
  text: string;
}

export interface SourceInfo {
  published?: string | null;
  url?: string;
  outlet?: string;
  title?: string;
  /** When `npm run add` fetched the page (ISO date-time, UTC). */
  retrieved?: string;
}

/** File names the seeds folder reads: plain text, and saved web pages. */
export const ARTICLE_FILE = /\.(txt|html?)$/i;
const PAGE_FILE = /\.html?$/i;

export interface SeedInputs {
  articles: ArticleFile[];
  sources: Map<string, SourceInfo>;
  warnings: Warning[];
  /** Files not read, with the reason (also listed as warnings). */
  skipped: Array<{ file: string; reason: string }>;
}

/** Decodes bytes as UTF-8 or explains why not. Pure, so the rules are testable without files. */
export function decodeArticle(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty; expected the plain text of a news article' };
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, reason: `the file is ${bytes.length} bytes; articles over ${MAX_ARTICLE_BYTES} bytes (5 MB) are not read` };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `the file holds a NUL byte at offset ${nul}; expected plain text, not a binary file` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'the file is not valid UTF-8; save it as UTF-8 plain text' };
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim().length === 0) return { ok: false, reason: 'the file holds only white space; expected the plain text of a news article' };
  return { ok: true, text };
}

const SourceEntry = z.object({
  published: z.optional(z.nullable(IsoDay)),
  // Shown as a link: only http(s), never a javascript: or data: address.
  url: z.optional(z.string().check(z.refine((u) => httpUrl(u) !== undefined))),
  outlet: z.optional(z.string()),
  title: z.optional(z.string()),
  retrieved: z.optional(z.iso.datetime()),
});

const EXPECTED: Record<string, string> = {
  published: 'a real calendar day as "YYYY-MM-DD", or null',
  url: 'an absolute http(s) URL',
  retrieved: 'an ISO date-time such as "2026-12-03T08:15:00Z"',
};

/** Validates the parsed `sources.json`; each bad entry or field is a warning and is skipped. */
export function parseSources(json: unknown, label: string): { sources: Map<string, SourceInfo>; warnings: Warning[] } {
  const sources = new Map<string, SourceInfo>();
  const warnings: Warning[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    warnings.push({ file: label, message: 'expected an object keyed by article file name: { "<file>.txt": { "published": "YYYY-MM-DD", ... } }' });
    return { sources, warnings };
  }
  for (const [file, entry] of Object.entries(json as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      warnings.push({ file: label, where: file, message: 'expected an object with published, url, outlet, title' });
      continue;
    }
    const info: SourceInfo = {};
    for (const [field, value] of Object.entries(entry as Record<string, unknown>)) {
      const schema = (SourceEntry.def.shape as Record<string, z.ZodMiniType>)[field];
      if (!schema) {
        warnings.push({ file: label, where: `${file}.${field}`, message: 'unknown field; expected published, url, outlet, title or retrieved' });
        continue;
      }
      const r = schema.safeParse(value);
      if (!r.success) {
        const expected = EXPECTED[field] ?? 'a string';
        warnings.push({ file: label, where: `${file}.${field}`, message: `${JSON.stringify(value)} is not valid; expected ${expected}` });
        continue;
      }
      (info as Record<string, unknown>)[field] = r.data;
    }
    sources.set(file, info);
  }
  return { sources, warnings };
}

/** Line and column of a JSON syntax error, from the message V8 gives. */
export function jsonErrorWhere(text: string, error: unknown): string | undefined {
  const msg = error instanceof Error ? error.message : String(error);
  const pos = msg.match(/position (\d+)/);
  if (pos) {
    const at = Number(pos[1]);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const col = at - before.lastIndexOf('\n');
    return `line ${line}, column ${col}`;
  }
  const lc = msg.match(/line (\d+) column (\d+)/);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  // Node 20's V8 often names only the token ("Unexpected token ']', ... is not valid JSON"),
  // with no position. Find it by bisecting on prefixes: a prefix that ends before the error
  // fails only with "Unexpected end", one that contains it fails with something else.
  const at = firstBadPrefix(text);
  if (at === undefined) return undefined;
  const before = text.slice(0, at);
  return `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`;
}

/** Offset of the character where JSON.parse first fails for a reason other than running out of text. */
function firstBadPrefix(text: string): number | undefined {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (e) {
      const message = (e as Error).message;
      if (/end of (JSON )?(input|data)/i.test(message)) return false;
      // V8 reports a cut-off prefix such as "{" as "Expected property name ... at position 1":
      // an error at the very end of the prefix is running out of text too.
      const position = message.match(/position (\d+)/);
      return !(position && Number(position[1]) >= length);
    }
  };
  if (!failsInside(text.length)) return undefined;
  let lo = 0;
  let hi = text.length; // failsInside(hi) is true
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

export function readJsonFile(path: string, label: string, warnings: Warning[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    warnings.push({ file: label, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    warnings.push({ file: label, where: jsonErrorWhere(text, e), message: `is not valid JSON (${(e as Error).message.replace(/^JSON\.parse: /, '')})` });
    return undefined;
  }
}

/**
 * A saved page's bytes → its article text and what its markup says (title, outlet,
 * publication day, canonical URL), or why it is not read.
 */
export function readPageFile(bytes: Uint8Array): { ok: true; text: string; info: SourceInfo } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty; expected a saved web page holding a news article' };
  if (bytes.length > MAX_ARTICLE_BYTES) return { ok: false, reason: `the file is ${bytes.length} bytes; pages over ${MAX_ARTICLE_BYTES} bytes (5 MB) are not read` };
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-') return { ok: false, reason: 'the file is a PDF; expected a saved web page (.html). Copy the text into a .txt file instead' };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `the file holds a NUL byte at offset ${nul}; expected a saved web page, not a binary file` };
  const page = readPage(decodePage(bytes, ''));
  if (!page.ok) return page;
  const { text, ...info } = page.article;
  return { ok: true, text, info };
}

/**
 * The text the pipeline reads from one article file, the text evidence offsets point into:
 * a .txt file as it is, a saved page's extracted main text (with the page's metadata).
 */
export function readArticleBytes(file: string, bytes: Uint8Array): { ok: true; text: string; info?: SourceInfo } | { ok: false; reason: string } {
  return PAGE_FILE.test(file) ? readPageFile(bytes) : decodeArticle(bytes);
}

/**
 * Reads every `*.txt`, `*.html` and `*.htm` in the folder (sorted by name) and its optional
 * `sources.json`; for a saved page, a field `sources.json` gives wins over the page's own.
 */
export function readSeeds(dir: string, sourcesPath: string = join(dir, 'sources.json')): SeedInputs {
  const warnings: Warning[] = [];
  const skipped: SeedInputs['skipped'] = [];
  const articles: ArticleFile[] = [];
  /** Whitespace-normalised text hash → the first file that had it. */
  const seen = new Map<string, string>();
  const pageInfo = new Map<string, SourceInfo>();
  const names = readdirSync(dir)
    .filter((n) => ARTICLE_FILE.test(n))
    .sort();
  for (const file of names) {
    const path = join(dir, file);
    if (!statSync(path).isFile()) continue;
    const size = statSync(path).size;
    if (size > MAX_ARTICLE_BYTES) {
      const reason = `the file is ${size} bytes; articles over ${MAX_ARTICLE_BYTES} bytes (5 MB) are not read`;
      warnings.push({ file, message: reason });
      skipped.push({ file, reason });
      continue;
    }
    const decoded = readArticleBytes(file, new Uint8Array(readFileSync(path)));
    if (decoded.ok && decoded.info) pageInfo.set(file, decoded.info);
    if (!decoded.ok) {
      warnings.push({ file, message: decoded.reason });
      skipped.push({ file, reason: decoded.reason });
      continue;
    }
    // The same article saved twice under two names would count every meeting in it twice.
    const key = createHash('sha256').update(decoded.text.replace(/\s+/g, ' ').trim()).digest('hex');
    const first = seen.get(key);
    if (first !== undefined) {
      const reason = `the same text as ${first}; a duplicate article is read once`;
      warnings.push({ file, message: reason });
      skipped.push({ file, reason });
      continue;
    }
    seen.set(key, file);
    articles.push({ file, text: decoded.text });
  }
  let sources = new Map<string, SourceInfo>();
  if (existsSync(sourcesPath)) {
    const json = readJsonFile(sourcesPath, 'sources.json', warnings);
    if (json !== undefined) {
      const parsed = parseSources(json, 'sources.json');
      sources = parsed.sources;
      warnings.push(...parsed.warnings);
    }
    for (const key of sources.keys()) {
      if (!names.includes(key)) warnings.push({ file: 'sources.json', where: key, message: 'names a file that is not in the seeds folder' });
    }
  }
  for (const [file, info] of pageInfo) sources.set(file, { ...info, ...sources.get(file) });
  return { articles, sources, warnings, skipped };
}
