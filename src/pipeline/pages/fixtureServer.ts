/**
 * For tests only: a web server on 127.0.0.1 (never another interface) that serves the
 * fixture pages in ./fixtures and the failures real sites produce: a 404, a redirect
 * loop, a PDF, JSON, a page over 5 MB (declared, and streamed without a length) and a
 * response slower than any test's timeout.
 */
import { readFileSync } from 'node:fs';
import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Fixture pages served at /<name> (fixtures/<name>.html). */
export const FIXTURE_PAGES = ['meta-tags', 'json-ld', 'both', 'neither', 'comments', 'non-article', 'paywall'] as const;

export interface FixtureServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const pending = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const name = path.slice(1);
    if ((FIXTURE_PAGES as readonly string[]).includes(name)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(join(FIXTURES, `${name}.html`)));
      return;
    }
    switch (path) {
      case '/moved':
        res.writeHead(301, { location: '/meta-tags' }).end();
        return;
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' }).end();
        return;
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' }).end();
        return;
      case '/report.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n%fixture\n');
        return;
      case '/data.json':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"meetings":[]}');
        return;
      case '/huge-declared': {
        const body = Buffer.alloc(6 * 1024 * 1024, 'a');
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(body.length) }).end(body);
        return;
      }
      case '/huge-streamed': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(256 * 1024, 'b');
        let sent = 0;
        const more = () => {
          while (sent < 24 && !res.destroyed) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        more();
        return;
      }
      case '/slow':
        // Answers only when the server closes: slower than any timeout a test sets.
        pending.add(res);
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of pending) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
