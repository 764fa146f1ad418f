/**
 * Serve the production build (dist/) on 127.0.0.1, on an ephemeral port, for the browser tests.
 *
 *   const server = await startStaticServer();   // dist/ by default
 *   await page.goto(server.origin);
 *   …
 *   await server.close();
 *
 * node:http only. Files get their content type by extension; a GET for a path with no file and no
 * extension (a client-side route such as /badges/123) gets index.html, a missing asset a 404.
 * `headers` are sent with every answer (the tests send the same security headers `vite preview` does).
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST_DIR: string = fileURLToPath(new URL('../../dist/', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  readonly port: number;
  /** Every path requested, in order (path and query). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  readonly root?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(options.root ?? DIST_DIR);
  const extraHeaders = options.headers ?? {};
  const requests: string[] = [];
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { ...extraHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    requests.push(target);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'Method Not Allowed');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(target, 'http://127.0.0.1').pathname);
    } catch {
      send(res, 400, 'Bad Request');
      return;
    }
    // Resolve inside root only: `..` and encoded separators never leave it.
    const candidate = normalize(join(root, pathname));
    if (candidate !== root && !candidate.startsWith(root + sep)) {
      send(res, 403, 'Forbidden');
      return;
    }
    let file = await fileAt(candidate.endsWith(sep) || candidate === root ? join(candidate, 'index.html') : candidate);
    if (!file && extname(pathname) === '') file = await fileAt(join(root, 'index.html')); // SPA fallback
    if (!file) {
      send(res, 404, 'Not Found');
      return;
    }
    res.writeHead(200, {
      ...extraHeaders,
      'Content-Type': contentTypeFor(file.path),
      'Content-Length': String(file.size),
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path).pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
