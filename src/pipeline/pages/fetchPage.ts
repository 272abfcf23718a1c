/**
 * Fetching one web page for `npm run add`, the only part of the project that uses the
 * network, and only when given a URL. Redirects are followed by hand (at most
 * MAX_REDIRECTS, a loop is named as one), the body is read up to the same 5 MB limit as
 * a seed file, and anything that is not an HTML page is refused with what was expected.
 */
import { MAX_ARTICLE_BYTES } from '../build/inputs';
import { decodePage } from './charset';

export const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface FetchedPage {
  /** The URL the page came from, after redirects. */
  url: string;
  html: string;
}

export type FetchResult = { ok: true; page: FetchedPage } | { ok: false; reason: string };

export interface FetchOptions {
  /** For the whole exchange: redirects, headers and body. */
  timeoutMs?: number;
  maxBytes?: number;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/i;

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, reason: 'is not a URL; expected an http(s) address, a saved .html page or a .txt file' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `uses ${url.protocol}; expected an http or https address` };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const seen = [url.href];
    for (;;) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'SecurityMeetingsAtlas/0.1 (npm run add; one page, on request)' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location')!, url);
        if (seen.includes(next.href)) return { ok: false, reason: `redirects in a loop (${[...seen, next.href].join(' → ')}); expected a page` };
        if (seen.length > MAX_REDIRECTS) return { ok: false, reason: `redirects more than ${MAX_REDIRECTS} times (${seen.join(' → ')}); expected a page` };
        seen.push(next.href);
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, reason: `answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${seen.length > 1 ? ` (at ${url.href})` : ''}; expected the article's page (200 OK)` };
      }
      const type = response.headers.get('content-type') ?? '';
      const mime = type.split(';')[0]!.trim();
      if (!HTML_TYPES.test(mime)) {
        await response.body?.cancel();
        const what = /pdf/i.test(mime) ? 'a PDF' : mime ? `of type ${mime}` : 'of no stated type';
        return { ok: false, reason: `is ${what}; expected an HTML page (text/html). For a PDF, copy its text into a .txt file and add that` };
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel();
        return { ok: false, reason: tooLarge(declared, maxBytes) };
      }
      const bytes = await readAtMost(response, maxBytes);
      if (bytes === null) return { ok: false, reason: tooLarge(undefined, maxBytes) };
      return { ok: true, page: { url: url.href, html: decodePage(bytes, type) } };
    }
  } catch (e) {
    if (controller.signal.aborted) return { ok: false, reason: `did not answer within ${timeoutMs / 1000} s; expected a page (try again, or save it from a browser and add the .html file)` };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: `could not be fetched (${cause?.code ?? cause?.message ?? (e as Error).message}); expected a reachable http(s) page` };
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(bytes: number | undefined, max: number): string {
  return `is ${bytes === undefined ? `more than ${max}` : bytes} bytes; pages over ${max} bytes (5 MB) are not read`;
}

/** The body, or null as soon as it passes `max` bytes (a server may send more than it declared). */
async function readAtMost(response: Response, max: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    length += chunk.length;
    if (length > max) {
      await response.body.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
