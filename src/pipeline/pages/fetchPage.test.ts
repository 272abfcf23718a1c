import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage } from './fetchPage';
import { type FixtureServer, startFixtureServer } from './fixtureServer';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

const reasonOf = async (path: string, timeoutMs?: number) => {
  const r = await fetchPage(`${server.origin}${path}`, { timeoutMs });
  if (r.ok) throw new Error(`${path} was fetched`);
  return r.reason;
};

describe('fetchPage (loopback fixture server)', () => {
  it('returns an HTML page and the URL it came from after redirects', async () => {
    const r = await fetchPage(`${server.origin}/moved`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.page.url).toBe(`${server.origin}/meta-tags`);
    expect(r.page.html).toContain('<meta property="og:site_name" content="The Fixture Times">');
  });

  it('names each way a URL fails to be an HTML page, and what was expected', async () => {
    expect(await reasonOf('/missing')).toBe('answered HTTP 404 Not Found; expected the article\'s page (200 OK)');
    expect(await reasonOf('/loop-a')).toBe(`redirects in a loop (${server.origin}/loop-a → ${server.origin}/loop-b → ${server.origin}/loop-a); expected a page`);
    expect(await reasonOf('/report.pdf')).toMatch(/^is a PDF; expected an HTML page \(text\/html\)/);
    expect(await reasonOf('/data.json')).toMatch(/^is of type application\/json; expected an HTML page \(text\/html\)/);
    expect(await reasonOf('/huge-declared')).toBe('is 6291456 bytes; pages over 5242880 bytes (5 MB) are not read');
    expect(await reasonOf('/huge-streamed')).toBe('is more than 5242880 bytes; pages over 5242880 bytes (5 MB) are not read');
  });

  it('gives up on a slow server after the timeout', async () => {
    const started = Date.now();
    expect(await reasonOf('/slow', 300)).toMatch(/^did not answer within 0.3 s; expected a page/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses what is not an http(s) URL', async () => {
    expect(await fetchPage('ftp://127.0.0.1/a')).toEqual({ ok: false, reason: 'uses ftp:; expected an http or https address' });
  });
});
