/**
 * `npm run add`'s work, without the shell: read one input (a URL, a saved page, a text
 * file) into an article and its source entry, decide the seed's file name, refuse what is
 * already in the seeds folder, and write the seed and its `sources.json` entry.
 *
 * Nothing is written until everything is known to be right: a bad input, an input already
 * added or an unreadable `sources.json` leaves the seeds folder as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { writeFileAtomic } from '../build/atomicWrite';
import { ARTICLE_FILE, MAX_ARTICLE_BYTES, type SourceInfo, decodeArticle, jsonErrorWhere, readPageFile, readSeeds } from '../build/inputs';
import { fetchPage } from './fetchPage';
import { httpUrl, readPage } from './readPage';

export interface FoundArticle {
  /** What the user gave: the URL or the path. */
  input: string;
  text: string;
  source: SourceInfo;
  /** The address asked for, when it differs from the canonical one kept in `source.url`. */
  requestedUrl?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ReadOptions {
  timeoutMs?: number;
  /** The moment recorded as `retrieved` (tests fix it). */
  now?: () => Date;
}

/** Reads a URL, a saved page (.html, .htm) or a text file (.txt) into an article. */
export async function readInput(input: string, options: ReadOptions = {}): Promise<Outcome<FoundArticle>> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    const fetched = await fetchPage(input, { timeoutMs: options.timeoutMs });
    if (!fetched.ok) return fetched;
    const page = readPage(fetched.page.html, fetched.page.url);
    if (!page.ok) return page;
    const { text, ...meta } = page.article;
    const retrieved = (options.now ?? (() => new Date()))().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const source: SourceInfo = { ...meta, url: meta.url ?? fetched.page.url, retrieved };
    const requested = httpUrl(input);
    return { ok: true, value: { input, text, source, ...(requested && requested !== source.url ? { requestedUrl: requested } : {}) } };
  }
  if (!existsSync(input)) return { ok: false, reason: 'no such file; expected an http(s) URL, a saved .html page or a .txt file' };
  if (!statSync(input).isFile()) return { ok: false, reason: 'is not a file; expected an http(s) URL, a saved .html page or a .txt file' };
  const size = statSync(input).size;
  if (size > MAX_ARTICLE_BYTES) return { ok: false, reason: `is ${size} bytes; articles over ${MAX_ARTICLE_BYTES} bytes (5 MB) are not read` };
  const ext = extname(input).toLowerCase();
  const bytes = new Uint8Array(readFileSync(input));
  if (ext === '.html' || ext === '.htm') {
    const page = readPageFile(bytes);
    if (!page.ok) return page;
    return { ok: true, value: { input, text: page.text, source: page.info } };
  }
  if (ext === '.txt') {
    const decoded = decodeArticle(bytes);
    if (!decoded.ok) return decoded;
    return { ok: true, value: { input, text: decoded.text, source: {} } };
  }
  if (ext === '.pdf' || new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-') {
    return { ok: false, reason: 'is a PDF; expected a saved web page (.html) or plain text (.txt). Copy the PDF\'s text into a .txt file and add that' };
  }
  return { ok: false, reason: `has the extension "${ext || '(none)'}"; expected an http(s) URL, a saved .html page or a .txt file` };
}

/** The state of a seeds folder that adding depends on. */
export interface SeedsFolder {
  dir: string;
  /** sources.json as written (its entries in their order), {} when there is none. */
  sources: Record<string, Record<string, unknown>>;
  files: string[];
  /** Whitespace-normalised text hash → file, for every article the pipeline would read. */
  texts: Map<string, string>;
}

export function openSeeds(dir: string): Outcome<SeedsFolder> {
  let files: string[];
  try {
    files = readdirSync(dir).sort();
  } catch (e) {
    return { ok: false, reason: `cannot read the seeds folder ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'}); expected a folder of articles` };
  }
  const path = join(dir, 'sources.json');
  let sources: SeedsFolder['sources'] = {};
  if (existsSync(path)) {
    const raw = readFileSync(path, 'utf8');
    try {
      sources = JSON.parse(raw);
    } catch (e) {
      const where = jsonErrorWhere(raw, e);
      return { ok: false, reason: `${path}${where ? ` (${where})` : ''} is not valid JSON; fix it first, nothing was added` };
    }
    if (typeof sources !== 'object' || sources === null || Array.isArray(sources)) {
      return { ok: false, reason: `${path} is not an object keyed by file name; fix it first, nothing was added` };
    }
  }
  const texts = new Map<string, string>();
  for (const article of readSeeds(dir).articles) texts.set(textKey(article.text), article.file);
  return { ok: true, value: { dir, sources, files, texts } };
}

/** Same hash as the seeds reader's duplicate check: white space does not make a new article. */
export function textKey(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Why this article is already in the folder, or null when it is new. */
export function alreadyAdded(found: FoundArticle, seeds: SeedsFolder): string | null {
  const urls = [found.source.url, found.requestedUrl].filter((u): u is string => Boolean(u)).map(sameUrlKey);
  for (const [file, entry] of Object.entries(seeds.sources)) {
    const url = typeof entry?.url === 'string' ? sameUrlKey(entry.url) : null;
    if (url && urls.includes(url)) return `already added as ${file} (same URL ${entry.url}); nothing to do`;
  }
  const same = seeds.texts.get(textKey(found.text));
  return same ? `already added as ${same} (the same text); nothing to do` : null;
}

/** Two spellings of one address: scheme and host case, a trailing slash, the fragment. */
function sameUrlKey(url: string): string {
  const parsed = httpUrl(url);
  return (parsed ?? url).replace(/\/+$/, '');
}

/** A readable, unused seed file name from the title, the URL's last path segment or the file's name. */
export function seedFileName(found: FoundArticle, seeds: SeedsFolder): string {
  const fromUrl = found.source.url ? decodeURIComponent(new URL(found.source.url).pathname.split('/').filter(Boolean).pop() ?? '') : '';
  const stem = slug(found.source.title ?? '') || slug(fromUrl.replace(/\.[a-z]+$/i, '')) || slug(basename(found.input).replace(/\.[^.]+$/, '')) || 'article';
  const taken = new Set([...seeds.files, ...Object.keys(seeds.sources)].map((f) => f.replace(/\.[^.]+$/, '').toLowerCase()));
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  return `${name}.txt`;
}

/** "Pakistan, Afghanistan Pledge to ... — Ünïcode" → "pakistan-afghanistan-pledge-to-unicode", at most 60 characters. */
export function slug(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const words = ascii.replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  let out = '';
  for (const w of words) {
    if (out && out.length + 1 + w.length > 60) break;
    out = out ? `${out}-${w}` : w.slice(0, 60);
  }
  return out;
}

/**
 * Writes the seed (atomically) and then sources.json with its entry appended (atomically,
 * two-space JSON, the other entries untouched). Only fields with a value are written.
 * Seed first: a crash between the two leaves an article without its entry, which
 * `npm run data` reads (date from the text), never an entry naming a missing file.
 */
export function writeSeed(seeds: SeedsFolder, file: string, found: FoundArticle): Record<string, string> {
  if (!ARTICLE_FILE.test(file)) throw new Error(`not an article file name: ${file}`);
  const entry: Record<string, string> = {};
  for (const field of ['url', 'published', 'outlet', 'title', 'retrieved'] as const) {
    const value = found.source[field];
    if (typeof value === 'string' && value) entry[field] = value;
  }
  writeFileAtomic(join(seeds.dir, file), found.text);
  // A plain text file brings no facts about itself: no empty entry in sources.json.
  if (Object.keys(entry).length > 0) {
    seeds.sources = { ...seeds.sources, [file]: entry };
    writeFileAtomic(join(seeds.dir, 'sources.json'), `${JSON.stringify(seeds.sources, null, 2)}\n`);
  }
  seeds.files = [...seeds.files, file].sort();
  seeds.texts.set(textKey(found.text), file);
  return entry;
}
