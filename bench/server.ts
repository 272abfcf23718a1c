/**
 * A tiny static file server on a loopback port (4400–4499) for the benchmark: serves a built dist/
 * folder, with some URL paths overridden by other files (how the synthetic dataset takes
 * the place of data/meetings.json without touching the build). Streams files, so a 60 MB
 * dataset costs no memory here.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  /** Base URL ending in "/". */
  url: string;
  /** Replace what a path serves (path without leading slash, e.g. "data/meetings.json"). */
  override(urlPath: string, file: string | null): void;
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const overrides = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    let file = overrides.get(pathname) ?? path.join(root, pathname || 'index.html');
    if (!path.resolve(file).startsWith(path.resolve(root)) && !overrides.has(pathname)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': stat.size,
        // Fresh contexts measure a cold load; no revalidation noise between runs.
        'cache-control': 'no-store',
      });
      fs.createReadStream(file).pipe(res);
    });
  });
  // A port of the bench's own range (BENCH_PORT, default 4400, up to 4499): the first free one.
  const base = Number(process.env.BENCH_PORT ?? 4400);
  for (let port = base; ; port++) {
    if (port > 4499) throw new Error(`no free port in ${base}–4499 for the bench's static server`);
    const ok = await new Promise<boolean>((resolve) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
        else throw error;
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, '127.0.0.1');
    });
    if (ok) break;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    override(urlPath, file) {
      if (file === null) overrides.delete(urlPath);
      else overrides.set(urlPath, file);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
