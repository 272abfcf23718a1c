/**
 * A saved or fetched web page → the article it carries: its main text and what the page's
 * own markup says about it (title, outlet, publication day, canonical URL).
 *
 * The main text comes from Mozilla's Readability (the reader view of Firefox) on a linkedom
 * DOM, so navigation, comment threads and related-story lists are left out the way a reader
 * view leaves them out. The metadata comes from the same DOM: Readability reads JSON-LD
 * (`NewsArticle` and kin) and the `og:` / `article:` meta tags; the canonical URL and the
 * paywall marker (`isAccessibleForFree`) are read here, before Readability strips scripts.
 * Pure: no files, no network.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IsoDay } from '../../dataset/schema';

/** Fewer words than this is not an article's text (a teaser, a stub, a link page). */
export const MIN_ARTICLE_WORDS = 80;

export interface PageArticle {
  /** The headline, a blank line, then the article's paragraphs separated by blank lines. */
  text: string;
  title?: string;
  outlet?: string;
  /** The publication day as the page states it ("2025-07-20T23:30:00+05:00" → "2025-07-20"). */
  published?: string;
  /** The page's canonical URL (link rel=canonical, og:url), absolute. */
  url?: string;
}

export type PageResult = { ok: true; article: PageArticle } | { ok: false; reason: string };

/** Words a paywall puts where the article would be. */
const PAYWALL_WORDS = /\b(subscribe (now |today )?to (continue|keep) reading|subscribers? only|already a subscriber|sign in to (continue|read)|to continue reading|this (article|content) is for subscribers|become a (member|subscriber))\b/i;

/** Elements whose end is the end of a paragraph in the extracted text. */
const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'FIGCAPTION', 'DT', 'DD', 'BR', 'HR', 'TABLE', 'UL', 'OL', 'HEADER', 'FOOTER']);

/**
 * Reads an article out of a page's HTML. `pageUrl` (where it was fetched from) resolves a
 * relative canonical link; without one only an absolute canonical URL is kept.
 */
export function readPage(html: string, pageUrl?: string): PageResult {
  try {
    return readDocument(html, pageUrl);
  } catch (e) {
    return { ok: false, reason: `could not be read as a web page (${(e as Error).message}); expected the HTML of a news article` };
  }
}

function readDocument(html: string, pageUrl: string | undefined): PageResult {
  // linkedom builds no <html> or <body> of its own: a fragment or a bare body gets them here.
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html>${/<body[\s>]/i.test(html) ? html : `<body>${html}</body>`}</html>`;
  const { document } = parseHTML(whole);
  const jsonLd = jsonLdFacts(document);
  const canonical = canonicalUrl(document, pageUrl) ?? httpUrl(jsonLd.url, pageUrl);
  const paywalled = jsonLd.paywalled;
  const wholePage = oneLine(document.body?.textContent ?? '');
  // Readability changes the document it reads, so everything else is read first.
  const parsed = new Readability(document as unknown as Document).parse();
  const paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  const title = clean(parsed?.title);
  if (title && paragraphs[0] === title) paragraphs.shift();
  const words = paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  if (words < MIN_ARTICLE_WORDS) {
    const cue = wholePage.match(PAYWALL_WORDS)?.[0];
    if (paywalled || cue) {
      return {
        ok: false,
        reason: `looks like a paywall stub (${words} words of text${cue ? `, "${cue}"` : ''}${paywalled ? ', marked isAccessibleForFree: false' : ''}); expected the full text of a news article. Save the page from a browser where you can read it in full and add the .html file`,
      };
    }
    return {
      ok: false,
      reason: `no article text found (${words} words in the main text; at least ${MIN_ARTICLE_WORDS} expected); expected a page holding one news article, not an index, a search page or a media page`,
    };
  }
  const article: PageArticle = { text: `${[title, ...paragraphs].filter(Boolean).join('\n\n')}\n` };
  if (title) article.title = title;
  const outlet = clean(parsed?.siteName);
  if (outlet) article.outlet = outlet;
  const published = publicationDay(parsed?.publishedTime);
  if (published) article.published = published;
  if (canonical) article.url = canonical;
  return { ok: true, article };
}

/**
 * The calendar day an ISO date-time names in its own offset: the day the outlet printed,
 * not the UTC day ("2025-07-20T01:00:00+05:00" is 20 July in Pakistan, 19 July in UTC).
 * Undefined for anything that does not start with a real YYYY-MM-DD.
 */
export function publicationDay(value: string | null | undefined): string | undefined {
  const day = value?.trim().match(/^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/)?.[1];
  return day && IsoDay.safeParse(day).success ? day : undefined;
}

/** link rel=canonical, else og:url; only http(s) URLs, made absolute against the page's URL. */
function canonicalUrl(document: ParentNode, pageUrl: string | undefined): string | undefined {
  const candidates = [
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const url = httpUrl(candidate?.trim(), pageUrl);
    if (url) return url;
  }
  return undefined;
}

/** An absolute http(s) URL without its fragment, or undefined (a `javascript:` link is never a source). */
export function httpUrl(href: string | null | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * What Readability does not take from JSON-LD: Google's paywall marker (an object, or one in
 * its @graph or parts, with isAccessibleForFree false) and the article's own `url`.
 */
function jsonLdFacts(document: ParentNode): { paywalled: boolean; url?: string } {
  const facts: { paywalled: boolean; url?: string } = { paywalled: false };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let json: unknown;
    try {
      json = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const stack = [json];
    while (stack.length) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o.isAccessibleForFree === false || o.isAccessibleForFree === 'False' || o.isAccessibleForFree === 'false') facts.paywalled = true;
        if (facts.url === undefined && typeof o['@type'] === 'string' && /Article$/.test(o['@type']) && typeof o.url === 'string') facts.url = o.url;
        if (o['@graph']) stack.push(o['@graph']);
        if (o.hasPart) stack.push(o.hasPart);
      }
    }
  }
  return facts;
}

/** The article HTML Readability kept, as paragraphs of plain text (white space collapsed). */
function paragraphsOf(contentHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = oneLine(current);
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const block = BLOCKS.has((node as Element).tagName);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(document.body as unknown as Node);
  flush();
  return paragraphs;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clean(value: string | null | undefined): string | undefined {
  const text = value ? oneLine(value) : '';
  return text || undefined;
}
